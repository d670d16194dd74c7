/**
 * Population gradient descent for the two-layer network: W ← W − η∇_W J (and a ← a − η∇_a J when the
 * top layer is trained), the discrete version of the flow Tian analyses. Stops at the teacher's loss
 * level, at a stationary point, when the loss blows up, when a hidden unit's norm leaves the range its
 * kernel serves (quadrature kernels: `PairKernel.maxNorm`), or after maxSteps; the outcome says which.
 * None of these rules depends on σ.
 */
import { rowNorms } from "./network.js";
import type { FcPoint, FcPopulation } from "./population.js";

export type FcOutcome = "global" | "stationary" | "max-steps" | "diverged" | "out-of-range";

export interface FcGdOptions {
  readonly eta: number;
  readonly maxSteps: number;
  /** Stop as "global" once J < lossTol (default 1e-10). */
  readonly lossTol?: number;
  /** Stop as "stationary" once ‖∇J‖ < gradTol with J ≥ lossTol (default 1e-10). */
  readonly gradTol?: number;
  readonly trainA?: boolean;
  /** Record (step, loss, gradNorm) every this many steps (0 = never; the last step is always recorded). */
  readonly recordEvery?: number;
  /** Called after each step with the new point, e.g. to re-symmetrise (returns nothing). */
  readonly afterStep?: (x: FcPoint) => void;
}

export interface FcTracePoint {
  readonly step: number;
  readonly loss: number;
  readonly gradNorm: number;
}

export interface FcGdResult {
  readonly outcome: FcOutcome;
  readonly steps: number;
  /** The final loss and gradient norm; after divergence, the last finite ones (never NaN or ∞). */
  readonly loss: number;
  readonly gradNorm: number;
  readonly W: Float64Array;
  readonly a: Float64Array;
  readonly trace: FcTracePoint[];
}

const DIVERGED_LOSS = 1e12;

export function fcGradientDescent(pop: FcPopulation, start: FcPoint, options: FcGdOptions): FcGdResult {
  const { eta, maxSteps } = options;
  const lossTol = options.lossTol ?? 1e-10;
  const gradTol = options.gradTol ?? 1e-10;
  const trainA = options.trainA ?? false;
  const every = options.recordEvery ?? 0;
  const x = { W: Float64Array.from(start.W), a: Float64Array.from(start.a) };
  const gW = new Float64Array(x.W.length);
  const ga = new Float64Array(x.a.length);
  const trace: FcTracePoint[] = [];
  let step = 0;
  let lastLoss = 0;
  let lastGradNorm = 0;
  const maxNorm = pop.kernel.maxNorm;
  const norms = new Float64Array(x.a.length);
  for (;;) {
    if (maxNorm !== undefined && rowNorms(x.W, x.a.length, pop.d, norms).some((n) => !(n <= maxNorm))) {
      // J and ‖∇J‖ are those of the last point evaluated (one step earlier); callers check the start.
      return {
        outcome: "out-of-range",
        steps: step,
        loss: lastLoss,
        gradNorm: lastGradNorm,
        W: x.W,
        a: x.a,
        trace,
      };
    }
    const loss = pop.lossAndGradient(x, gW, trainA ? ga : undefined);
    let sq = 0;
    for (const g of gW) sq += g * g;
    if (trainA) for (const g of ga) sq += g * g;
    const gradNorm = Math.sqrt(sq);
    const finite = Number.isFinite(loss) && Number.isFinite(gradNorm) && loss < DIVERGED_LOSS;
    let outcome: FcOutcome | undefined;
    if (!finite) outcome = "diverged";
    else if (loss < lossTol) outcome = "global";
    else if (gradNorm < gradTol) outcome = "stationary";
    else if (step >= maxSteps) outcome = "max-steps";
    if (outcome || (every > 0 && step % every === 0)) {
      if (finite) trace.push({ step, loss, gradNorm });
    }
    if (outcome) {
      return {
        outcome,
        steps: step,
        loss: finite ? loss : lastLoss,
        gradNorm: finite ? gradNorm : lastGradNorm,
        W: x.W,
        a: x.a,
        trace,
      };
    }
    lastLoss = loss;
    lastGradNorm = gradNorm;
    for (let i = 0; i < gW.length; i++) x.W[i] -= eta * gW[i];
    if (trainA) for (let i = 0; i < ga.length; i++) x.a[i] -= eta * ga[i];
    options.afterStep?.(x);
    step++;
  }
}
