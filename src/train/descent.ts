/**
 * The one fixed-step descent loop: x ← x − η·∇L(x), simultaneous in every coordinate, for any
 * `Trainable` (train/contract.ts). Plain GD, weight-normalised GD (the model's WN gradient), finite-
 * sample GD and mini-batch SGD (a gradient override) all run here; what differs is the model, its
 * stop rule and the override. At step t the loop evaluates x_t, asks the rule whether to stop,
 * shows the iterate to `observe`, and stops with "budget" once t = maxSteps. x is updated in place.
 */
import { float64Argument, functionArgument, methodsArgument, objectArgument } from "../core/arguments.js";
import { integerInRange, positiveNumber } from "../core/validate.js";
import type { GradientOverride, RunEnd, StopReason, StopRule, Trainable } from "./contract.js";

export interface DescentOptions<S> {
  readonly eta: number;
  readonly maxSteps: number;
  /** A sampled or stochastic gradient used for the step instead of the model's own. */
  readonly gradient?: GradientOverride;
  /**
   * Sees every evaluated iterate: `stop` is undefined for one the loop steps from, and the reason
   * for the last one (recorders, traces).
   */
  readonly observe?: (step: number, state: S, stop: StopReason | undefined) => void;
  /** Called after each step with the new iterate (e.g. to re-symmetrise it). */
  readonly afterStep?: (x: Float64Array) => void;
}

export function descend<S>(
  model: Trainable<S>,
  x: Float64Array,
  rule: StopRule<S>,
  options: DescentOptions<S>,
): RunEnd<S> {
  methodsArgument("model", model, ["evaluate"]);
  float64Argument("x", x);
  methodsArgument("rule", rule, ["check"]);
  checkDescentOptions(options);
  const { eta, maxSteps, gradient, observe, afterStep } = options;
  const grad = new Float64Array(x.length);
  let state: S | undefined;
  let previous: S | undefined;
  let stop: StopReason = "budget";
  let t = 0;
  for (; ; t++) {
    const early = rule.before?.(x, t);
    if (early) {
      stop = early;
      previous = state;
      break;
    }
    previous = state;
    state = model.evaluate(x, gradient ? undefined : grad);
    const reason = rule.check(state, x, t);
    if (reason) {
      stop = reason;
      observe?.(t, state, reason);
      break;
    }
    if (t >= maxSteps) {
      observe?.(t, state, "budget");
      break;
    }
    observe?.(t, state, undefined);
    if (gradient) gradient(x, t, grad);
    // A model's fused update may cache sums of the new x, so it is not used when afterStep may change x.
    if (model.update && !afterStep) model.update(x, grad, eta);
    else for (let i = 0; i < x.length; i++) x[i] -= eta * grad[i];
    afterStep?.(x);
  }
  return { steps: t, stop, state, previous };
}

/** The loop's options: a positive step, a whole step budget, and functions where callbacks go. */
export function checkDescentOptions(options: unknown, field = "options"): void {
  const o = objectArgument(field, options, "options {eta, maxSteps, …}");
  positiveNumber(`${field}.eta`, o.eta);
  integerInRange(`${field}.maxSteps`, o.maxSteps, 0);
  for (const callback of ["gradient", "observe", "afterStep"])
    if (o[callback] !== undefined) functionArgument(`${field}.${callback}`, o[callback]);
}
