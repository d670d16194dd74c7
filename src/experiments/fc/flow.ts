/**
 * The two-layer network's trial run by gradient flow instead of GD (spec.optimizer "flow"): the flow
 * dW/dt = −∇J(W) from the trial's start, followed to the spec's tolerances by the shared integrator
 * (train/gradient-flow.ts: explicit where the flow is not stiff, RODAS4 on the exact Hessian where it
 * is), with the same stop rule and the same Newton finish as the GD trial:
 *
 *   global       J < globalLoss with settleGlobal (J decreases along the exact flow, so the run can
 *                only end below it);
 *   stationary   max_j ‖∂J/∂w_j‖ < gradTol; with finish "newton", Newton is tried from the first point
 *                below max(gradTol, NEWTON_SWITCH) with J ≥ globalLoss (and again each time the norm
 *                is 10× below where it declined), as the GD trial does;
 *   diverged     J or the gradient stopped being finite, or the integrator's step fell below its
 *                floor (the exact flow of this bounded-below loss does not blow up, so this reports a
 *                numerical failure);
 *   budget       maxSteps accepted flow steps.
 *
 * GD's step η and its blow-up rule do not apply (there is no step to halve). The outcome is then
 * decided by the trial exactly as for GD: by J and the Hessian at the end point (trial.ts).
 */
import {
  isDivergentUnchecked,
  type StopReason,
  type StopRule,
  type Trainable,
} from "../../train/contract.js";
import { gradientFlow } from "../../train/gradient-flow.js";
import type { FcTrialSpec } from "./spec.js";

/** What the flow needs of the trial's model (trial.ts: `fcTrialModel`). */
export interface FcFlowModel<S extends { readonly loss: number; readonly gradMax: number }> {
  readonly trainable: Trainable<S>;
  hessian(x: Float64Array): ReadonlyArray<ArrayLike<number>>;
  gradientNorm(g: Float64Array): number;
}

export interface FcFlowEnd<S> {
  readonly stop: StopReason;
  /** The state at the end point (undefined only if the start was not finite). */
  readonly state: S | undefined;
  /** Accepted flow steps, Newton steps, and the flow time reached. */
  readonly steps: number;
  readonly newtonSteps: number;
  readonly time: number;
  readonly rejected: number;
  readonly implicitSteps: number;
  readonly gradients: number;
  readonly hessians: number;
}

/** Runs the flow from `x` (updated in place to the end point). `newtonSwitch` 0 means no Newton. */
export function runFcFlow<S extends { readonly loss: number; readonly gradMax: number }>(
  spec: FcTrialSpec,
  model: FcFlowModel<S>,
  x: Float64Array,
  newtonSwitch: number,
): FcFlowEnd<S> {
  const rule: StopRule<S> = {
    check: (s) =>
      isDivergentUnchecked(s.loss) || !Number.isFinite(s.gradMax)
        ? "diverged"
        : spec.settleGlobal && s.loss < spec.globalLoss
          ? "global"
          : s.gradMax < spec.gradTol
            ? "stationary"
            : undefined,
  };
  const end = gradientFlow(
    { evaluate: (y, g) => model.trainable.evaluate(y, g), hessian: model.hessian },
    x,
    rule,
    {
      maxSteps: spec.maxSteps,
      rtol: spec.flowRtol,
      atol: spec.flowAtol,
      newton:
        newtonSwitch > 0
          ? {
              gradNorm: (s) => s.gradMax,
              switchAt: newtonSwitch,
              gradTol: spec.gradTol,
              norm: model.gradientNorm,
              when: (s) => s.loss >= spec.globalLoss,
            }
          : undefined,
    },
  );
  return {
    stop: end.stop,
    state: end.stop === "diverged" ? undefined : end.state,
    steps: end.steps,
    newtonSteps: end.newtonSteps,
    time: end.time,
    rejected: end.rejected,
    implicitSteps: end.implicitSteps,
    gradients: end.gradients,
    hessians: end.hessians,
  };
}
