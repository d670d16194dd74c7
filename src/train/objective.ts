/**
 * What the objective optimisers (objective-descent.ts, lbfgs.ts) take and return: any smooth
 * function of a flat vector with its gradient — every `Problem` of src/models is one.
 */

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
