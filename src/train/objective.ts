/**
 * What the objective optimisers (objective-descent.ts, lbfgs.ts) take and return: any smooth
 * function of a flat vector with its gradient — every `Problem` of src/models is one.
 */

import { methodsArgument } from "../core/arguments.js";
import { finiteNumber, nonNegativeNumber } from "../core/validate.js";

/** An objective given to a public optimiser: an object with `loss` and `gradient`. */
export function checkObjective(field: string, f: unknown): void {
  methodsArgument(field, f, ["loss", "gradient"]);
}

/** The optional stopping options shared by the optimisers: gradTol ≥ 0 and a finite targetLoss. */
export function checkStopOptions(o: Readonly<Record<string, unknown>>): void {
  if (o.gradTol !== undefined) nonNegativeNumber("options.gradTol", o.gradTol);
  if (o.targetLoss !== undefined) finiteNumber("options.targetLoss", o.targetLoss);
}

export interface Objective {
  loss(x: Float64Array): number;
  gradient(x: Float64Array): Float64Array;
}

export interface MinimiseResult {
  readonly x: Float64Array;
  readonly loss: number;
  readonly gradNorm: number;
  readonly iterations: number;
  /** "diverged" when the loss became non-finite (x is then the last finite point). */
  readonly stop: "gradient" | "target" | "iterations" | "no-progress" | "diverged";
}
