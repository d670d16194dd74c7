/**
 * Population gradient descent for the two-layer network: W ← W − η∇_W J (and a ← a − η∇_a J when the
 * top layer is trained), the discrete version of the flow Tian analyses, on the shared descent loop
 * (train/descent.ts) with x = [W; a] (or x = W with a fixed). Its stop rule, the same for every σ:
 *
 * out-of-range  before evaluating x: a hidden unit's norm leaves the range its kernel serves
 *               (quadrature kernels: `PairKernel.maxNorm`); J and ‖∇J‖ are those of the last point
 *               evaluated (one step earlier); callers check the start;
 * diverged      J is not finite or beyond DIVERGENCE_LIMIT, or ‖∇J‖ is not finite;
 * global        J < lossTol (the teacher's loss level);
 * stationary    ‖∇J‖ < gradTol with J ≥ lossTol;
 * max-steps     the budget is spent.
 */
import { booleanArgument, functionArgument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { integerInRange, nonNegativeNumber, positiveNumber } from "../../core/validate.js";
import { checkFcPoint, rowNorms } from "../../models/fc/network.js";
import { type FcPoint, FcPopulation } from "../../models/fc/population.js";
import { isDivergentUnchecked, type StopRule, type Trainable } from "../contract.js";
import { descend } from "../descent.js";

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
  /** The final loss and gradient norm; null after a divergence (never NaN, ∞ or a placeholder 0). */
  readonly loss: number | null;
  readonly gradNorm: number | null;
  readonly W: Float64Array;
  readonly a: Float64Array;
  readonly trace: FcTracePoint[];
}

interface FcState {
  readonly loss: number;
  readonly gradNorm: number;
}

/** The two-layer network's population loss as a Trainable on [W; a] (or on W with `fixedA`). */
export function fcTrainable(pop: FcPopulation, K: number, fixedA?: Float64Array): Trainable<FcState> {
  const size = K * pop.d;
  return {
    evaluate(x, grad) {
      const point = { W: x.subarray(0, size), a: fixedA ?? x.subarray(size) };
      const gW = grad ? grad.subarray(0, size) : new Float64Array(size);
      const loss = pop.lossAndGradient(point, gW, fixedA || !grad ? undefined : grad.subarray(size));
      let sq = 0;
      for (let i = 0; i < (grad ? grad.length : size); i++) {
        const g = grad ? grad[i] : gW[i];
        sq += g * g;
      }
      return { loss, gradNorm: Math.sqrt(sq) };
    },
  };
}

const diverged = (s: FcState) => isDivergentUnchecked(s.loss) || !Number.isFinite(s.gradNorm);

export function fcGradientDescent(pop: FcPopulation, start: FcPoint, options: FcGdOptions): FcGdResult {
  checkFcGdArguments(pop, start, options);
  const lossTol = options.lossTol ?? 1e-10;
  const gradTol = options.gradTol ?? 1e-10;
  const trainA = options.trainA ?? false;
  const every = options.recordEvery ?? 0;
  const K = start.a.length;
  const size = K * pop.d;
  const x = new Float64Array(trainA ? size + K : size);
  x.set(start.W);
  const fixedA = trainA ? undefined : Float64Array.from(start.a);
  if (trainA) x.set(start.a, size);
  const point = () => ({ W: x.subarray(0, size), a: fixedA ?? x.subarray(size) });
  const maxNorm = pop.kernel.maxNorm;
  const norms = new Float64Array(K);
  const rule: StopRule<FcState> = {
    before: (xt) =>
      maxNorm !== undefined && rowNorms(xt, K, pop.d, norms).some((n) => !(n <= maxNorm))
        ? "out-of-range"
        : undefined,
    check: (s) =>
      diverged(s)
        ? "diverged"
        : s.loss < lossTol
          ? "global"
          : s.gradNorm < gradTol
            ? "stationary"
            : undefined,
  };
  const trace: FcTracePoint[] = [];
  const afterStep = options.afterStep;
  const end = descend(fcTrainable(pop, K, fixedA), x, rule, {
    eta: options.eta,
    maxSteps: options.maxSteps,
    observe: (step, s, stop) => {
      if ((stop !== undefined || (every > 0 && step % every === 0)) && !diverged(s))
        trace.push({ step, loss: s.loss, gradNorm: s.gradNorm });
    },
    afterStep: afterStep ? () => afterStep(point()) : undefined,
  });
  // After a divergence nothing (J and ‖∇J‖ are not finite or beyond DIVERGENCE_LIMIT there: null, the
  // step in `steps`); out of range, the values of the last point evaluated.
  const last = end.stop === "diverged" ? undefined : end.state;
  const { W, a } = point();
  return {
    outcome: end.stop === "budget" ? "max-steps" : (end.stop as FcOutcome),
    steps: end.steps,
    loss: last?.loss ?? null,
    gradNorm: last?.gradNorm ?? null,
    W: Float64Array.from(W),
    a: Float64Array.from(a),
    trace,
  };
}

/** The population, a start of its shape, and the options (a positive step, a whole budget). */
function checkFcGdArguments(pop: unknown, start: unknown, options: unknown): void {
  if (!(pop instanceof FcPopulation))
    throw new InputError("population", "must be an FcPopulation (new FcPopulation(kernel, teacher, K))", pop);
  checkFcPoint("start", start, pop.K, pop.d);
  const o = objectArgument("options", options, "options {eta, maxSteps, …}");
  positiveNumber("options.eta", o.eta);
  integerInRange("options.maxSteps", o.maxSteps, 0);
  for (const tol of ["lossTol", "gradTol"])
    if (o[tol] !== undefined) nonNegativeNumber(`options.${tol}`, o[tol]);
  if (o.trainA !== undefined) booleanArgument("options.trainA", o.trainA);
  if (o.recordEvery !== undefined) integerInRange("options.recordEvery", o.recordEvery, 0);
  if (o.afterStep !== undefined) functionArgument("options.afterStep", o.afterStep);
}
