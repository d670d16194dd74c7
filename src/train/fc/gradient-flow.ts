/**
 * Population gradient flow for the two-layer network: dW/dt = −∇_W J (and da/dt = −∇_a J when the top
 * layer is trained), the continuous-time dynamics Tian analyses, followed by the shared integrator
 * (train/gradient-flow.ts) to the tolerances rtol, atol, with the same stop rule as the GD loop
 * (train/fc/gradient-descent.ts): out-of-range (a unit's norm leaves the range its kernel serves,
 * checked at each accepted point), diverged, global (J < lossTol), stationary (‖∇J‖ < gradTol with
 * J ≥ lossTol), max-steps (accepted steps).
 *
 * The implicit method uses the kernel's Hessian (central differences of the gradient for kernels
 * without second-order terms, costing 2·P gradients) and is offered only up to
 * FC_FLOW_MAX_IMPLICIT_PARAMETERS parameters, where a dense P × P Hessian and its LU stay small;
 * above that the explicit method runs throughout. The trace is the flow recorder's (time, J, ‖∇J‖).
 */
import { rowNorms } from "../../models/fc/network.js";
import type { FcPoint, FcPopulation } from "../../models/fc/population.js";
import { isDivergentUnchecked, type StopRule } from "../contract.js";
import { FlowRecorder, type FlowSample } from "../flow-recorder.js";
import { type FlowModel, gradientFlow } from "../gradient-flow.js";
import { type FcOutcome, fcTrainable } from "./gradient-descent.js";

/** The largest parameter count for which the flow may use the dense Hessian. */
export const FC_FLOW_MAX_IMPLICIT_PARAMETERS = 4000;

export interface FcFlowOptions {
  /** Accepted steps at most. */
  readonly maxSteps: number;
  readonly rtol?: number;
  readonly atol?: number;
  /** Stop as "global" once J < lossTol (default 1e-10). */
  readonly lossTol?: number;
  /** Stop as "stationary" once ‖∇J‖ < gradTol with J ≥ lossTol (default 1e-10). */
  readonly gradTol?: number;
  readonly trainA?: boolean;
  /** Trace samples at most (default 60). */
  readonly maxSamples?: number;
}

export interface FcFlowResult {
  readonly outcome: FcOutcome;
  /** Accepted steps, and the flow time reached. */
  readonly steps: number;
  readonly time: number;
  readonly implicitSteps: number;
  /** The final loss and gradient norm; null after a divergence (never NaN, ∞ or a placeholder 0). */
  readonly loss: number | null;
  readonly gradNorm: number | null;
  readonly W: Float64Array;
  readonly a: Float64Array;
  readonly trace: FlowSample[];
}

interface FcState {
  readonly loss: number;
  readonly gradNorm: number;
}

const diverged = (s: FcState) => isDivergentUnchecked(s.loss) || !Number.isFinite(s.gradNorm);

export function fcGradientFlow(pop: FcPopulation, start: FcPoint, options: FcFlowOptions): FcFlowResult {
  const lossTol = options.lossTol ?? 1e-10;
  const gradTol = options.gradTol ?? 1e-10;
  const trainA = options.trainA ?? false;
  const K = start.a.length;
  const size = K * pop.d;
  const x = new Float64Array(trainA ? size + K : size);
  x.set(start.W);
  const fixedA = trainA ? undefined : Float64Array.from(start.a);
  if (trainA) x.set(start.a, size);
  const point = (y: Float64Array): FcPoint => ({ W: y.subarray(0, size), a: fixedA ?? y.subarray(size) });
  const trainable = fcTrainable(pop, K, fixedA);
  const model: FlowModel<FcState> =
    x.length <= FC_FLOW_MAX_IMPLICIT_PARAMETERS
      ? { evaluate: trainable.evaluate, hessian: (y) => pop.hessian(point(y), trainA) }
      : trainable;
  const maxNorm = pop.kernel.maxNorm;
  const norms = new Float64Array(K);
  const rule: StopRule<FcState> = {
    before: (y) =>
      maxNorm !== undefined && rowNorms(y, K, pop.d, norms).some((n) => !(n <= maxNorm))
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
  const recorder = new FlowRecorder<FcState>({ loss: (s) => s.loss, maxSamples: options.maxSamples ?? 60 });
  const end = gradientFlow(model, x, rule, {
    maxSteps: options.maxSteps,
    rtol: options.rtol,
    atol: options.atol,
    hessianCost: pop.kernel.second ? x.length : 2 * x.length,
    observe: (o) => {
      if (!diverged(o.state)) recorder.observe(o);
    },
  });
  // After a divergence nothing (J and ‖∇J‖ are not finite or beyond DIVERGENCE_LIMIT there: null, the
  // step in `steps`); out of range, the values of the point before (as GD reports).
  const last =
    end.stop === "diverged" && (!end.state || diverged(end.state))
      ? undefined
      : end.stop === "out-of-range"
        ? end.previous
        : end.state;
  const { W, a } = point(x);
  return {
    outcome: end.stop === "budget" ? "max-steps" : (end.stop as FcOutcome),
    steps: end.steps,
    time: end.time,
    implicitSteps: end.implicitSteps,
    loss: last?.loss ?? null,
    gradNorm: last?.gradNorm ?? null,
    W: Float64Array.from(W),
    a: Float64Array.from(a),
    trace: recorder.samples(),
  };
}
