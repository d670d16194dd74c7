/**
 * Gradient descent with a fixed small step on any objective, on the shared descent loop: the
 * "small-step optimiser" of perturbed restarts, which cannot jump over a ridge, so returning to the
 * same loss is evidence of a local minimum. If a step makes the loss non-finite the step is undone
 * and the run stops as "diverged" at the last finite point.
 */

import { float64Argument, objectArgument } from "../core/arguments.js";
import { integerInRange, positiveNumber } from "../core/validate.js";
import { normUnchecked } from "../math/vector.js";
import type { StopRule, Trainable } from "./contract.js";
import { descend } from "./descent.js";
import { checkObjective, checkStopOptions, type MinimiseResult, type Objective } from "./objective.js";

export interface GradientDescentOptions {
  readonly step: number;
  readonly iterations: number;
  /** Stop when ‖∇‖ ≤ gradTol. */
  readonly gradTol?: number;
  /** Stop as soon as the loss is below this (e.g. once an escape is certain). */
  readonly targetLoss?: number;
}

interface ObjectiveState {
  readonly loss: number;
  readonly gradNorm: number;
}

export function gradientDescent(
  f: Objective,
  x0: Float64Array,
  options: GradientDescentOptions,
): MinimiseResult {
  checkObjective("f", f);
  float64Argument("x0", x0);
  const o = objectArgument("options", options, "options {step, iterations, …}");
  positiveNumber("options.step", o.step);
  integerInRange("options.iterations", o.iterations, 0);
  checkStopOptions(o);
  const x = Float64Array.from(x0);
  const gradTol = options.gradTol ?? 0;
  const target = options.targetLoss ?? Number.NEGATIVE_INFINITY;
  // The gradient of the last finite iterate stays in `lastGrad` (no gradient at a non-finite loss),
  // so a step into a non-finite loss can be undone exactly.
  let lastGrad: Float64Array | undefined;
  const model: Trainable<ObjectiveState> = {
    evaluate(xt, grad) {
      const loss = f.loss(xt);
      if (!Number.isFinite(loss)) return { loss, gradNorm: Number.NaN };
      const g = f.gradient(xt);
      grad?.set(g);
      lastGrad = grad;
      return { loss, gradNorm: normUnchecked(g) };
    },
  };
  const rule: StopRule<ObjectiveState> = {
    check: (s) =>
      !Number.isFinite(s.loss)
        ? "diverged"
        : s.gradNorm <= gradTol
          ? "stationary"
          : s.loss < target
            ? "target"
            : undefined,
  };
  const end = descend(model, x, rule, { eta: options.step, maxSteps: options.iterations });
  const state = end.state as ObjectiveState;
  if (end.stop === "diverged") {
    // A non-finite start is no step to undo; otherwise undo the step that left the finite region.
    if (end.steps === 0 || !lastGrad || !end.previous)
      return { x, loss: state.loss, gradNorm: state.gradNorm, iterations: 0, stop: "iterations" };
    for (let i = 0; i < x.length; i++) x[i] += options.step * lastGrad[i];
    return {
      x,
      loss: end.previous.loss,
      gradNorm: end.previous.gradNorm,
      iterations: end.steps - 1,
      stop: "diverged",
    };
  }
  const stop = end.stop === "stationary" ? "gradient" : end.stop === "target" ? "target" : "iterations";
  return { x, loss: state.loss, gradNorm: state.gradNorm, iterations: end.steps, stop };
}
