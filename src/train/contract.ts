/**
 * The optimiser contract, shared by every model.
 *
 * An optimiser sees a model only as a `Trainable`: a flat float64 parameter vector x and, at each
 * iterate, `evaluate(x, grad)`, which returns the model's state S there (its loss and whatever the
 * model's rules need: angles, norms, the gradient norm) and writes ∇L(x) into `grad` when asked.
 * Weight normalisation is the model's business (the CNN's WN gradient in v is its gradient), and so
 * is a sampled or stochastic gradient (an override the loop calls instead of writing into `grad`).
 *
 * A `StopRule` looks at each evaluated iterate and says whether to stop and why (a `StopReason`);
 * the loop itself stops only when the step budget is spent. A model's outcome classifier then turns
 * how the run ended (`RunEnd`) into one of the shared `Outcome`s; each model documents its rules
 * next to its classifier (train/cnn/rules.ts, train/fc/gradient-descent.ts).
 *
 * Divergence has one convention for every model: a run has diverged when a tracked magnitude (the
 * loss, a parameter norm, an inner product with the teacher) is not finite or exceeds
 * DIVERGENCE_LIMIT. Each model's rule names its magnitudes; `isDivergent` applies the limit.
 */

import { InputError } from "../core/errors.js";

/** The size beyond which an iterate or its loss counts as blown up. */
export const DIVERGENCE_LIMIT = 1e100;

/** True when `magnitude` is NaN, infinite, or at least DIVERGENCE_LIMIT in absolute value. */
export function isDivergent(magnitude: number): boolean {
  // NaN and ±∞ are what this tests for; anything but a number is a caller's mistake.
  if (typeof magnitude !== "number") throw new InputError("magnitude", "must be a number", magnitude);
  return isDivergentUnchecked(magnitude);
}

/**
 * `isDivergent` for the optimisers' loops, which call it at every step: without the check it stays
 * small enough to be inlined (with it, a 1,000-step CNN trial ran 20–50% slower).
 */
export function isDivergentUnchecked(magnitude: number): boolean {
  return !(Math.abs(magnitude) < DIVERGENCE_LIMIT);
}

/** Why a run stopped. "budget" is the loop's own; the others come from a model's stop rule. */
export type StopReason =
  | "global" // at the global minimum (by the model's tolerance), and staying there
  | "spurious" // a certificate proves convergence to a spurious minimum
  | "stationary" // the gradient is tiny away from the global minimum (classify the point)
  | "target" // the loss fell below a requested target
  | "budget" // the step budget is spent
  | "diverged" // DIVERGENCE_LIMIT crossed, or a value is not finite
  | "out-of-range"; // the iterate left the region where the model's kernel is accurate

/** The shared outcome vocabulary of trials and sweeps. */
export type Outcome = "global" | "spurious" | "saddle" | "unconverged" | "diverged";

export interface Trainable<S> {
  /** The state at x; writes ∇L(x) into `grad` when it is given (same length as x). */
  evaluate(x: Float64Array, grad: Float64Array | undefined): S;
  /**
   * Optional: the step x ← x − η·grad, in place and with exactly this arithmetic. A model may fuse
   * into this pass the sums its next `evaluate` needs (the CNN's ‖v‖² and vᵀw*); without it the loop
   * takes the step itself.
   */
  update?(x: Float64Array, grad: Float64Array, eta: number): void;
}

export interface StopRule<S> {
  /** Checked at x before the model is evaluated there (e.g. a range the model's kernel serves). */
  before?(x: Float64Array, step: number): StopReason | undefined;
  /** Checked at every evaluated iterate: a reason to stop here, or undefined to take the step. */
  check(state: S, x: Float64Array, step: number): StopReason | undefined;
}

export interface RunEnd<S> {
  /** Steps taken. */
  readonly steps: number;
  readonly stop: StopReason;
  /** The state at the last evaluated iterate (undefined only when `before` stopped at step 0). */
  readonly state: S | undefined;
  /** The state one iterate earlier (e.g. the last finite one after a divergence). */
  readonly previous: S | undefined;
}

/** A fixed-step update x ← x − η·g with g from a callback (finite-sample GD, mini-batch SGD). */
export type GradientOverride = (x: Float64Array, step: number, out: Float64Array) => void;
