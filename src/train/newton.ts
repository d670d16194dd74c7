/**
 * Newton's finish, for any model with an exact Hessian: from a point x₀ where gradient descent has
 * already decided where it goes (a small gradient and a positive definite Hessian), Newton steps
 * x ← x − H(x)⁻¹∇L(x) reach the minimum to machine precision in a few steps instead of the
 * thousands GD needs to crawl in at rate 1 − ηλ_min.
 *
 * The Hessian is factorised at x₀ and reused while the gradient keeps shrinking fast enough (the
 * chord method: each further step costs a gradient and two triangular solves); when a step does not
 * contract, the Hessian is factorised afresh at the current point (a full Newton step), and Newton
 * is given up only if that step does not contract either.
 *
 * The rule, and why the end point is the one GD would reach. Newton is tried only where H(x₀) is
 * positive definite (its Cholesky factor exists). Every step must shrink the gradient's norm at
 * least `contraction`-fold (quadratic convergence gives far more), and all iterates must stay in the
 * ball B(x₀, R) with R = `radiusFactor`·‖H(x₀)⁻¹∇L(x₀)‖ (the first Newton step's length: the
 * distance to the minimum, to first order). If any check fails, nothing is kept and the caller goes
 * on with GD. When the checks hold, the iterates converge to a critical point x* in that ball at
 * which H is positive definite, a strict local minimum; and the landscape is strongly convex around
 * it, so GD from x₀ (with η·λ_max < 2) contracts towards the same x*: the ball is small (its radius
 * is of the order of ‖∇L(x₀)‖/λ_min) and GD's iterates from x₀ stay in the sublevel set around x*,
 * which holds no other critical point. Tests compare outcomes and end points of GD + Newton with
 * pure GD on many runs.
 */
import { float64Argument, functionArgument, methodsArgument, objectArgument } from "../core/arguments.js";
import { InputError } from "../core/errors.js";
import { integerInRange, positiveNumber } from "../core/validate.js";
import { type Cholesky, choleskySolveUnchecked, choleskyUnchecked } from "../math/cholesky.js";

export interface NewtonModel {
  /** Writes ∇L(x) into `out`. */
  gradient(x: Float64Array, out: Float64Array): void;
  /** The exact Hessian at x, as rows. */
  hessian(x: Float64Array): ReadonlyArray<ArrayLike<number>>;
  /** The norm the stopping rule uses (default: Euclidean). */
  gradientNorm?(g: Float64Array): number;
  /**
   * The Cholesky factor of the Hessian at x, or undefined where it is not positive definite (default:
   * the factor of `hessian(x)`). A model that finishes many runs provides it to keep its buffers.
   */
  hessianFactor?(x: Float64Array): Cholesky | undefined;
}

export interface NewtonOptions {
  /** Stop once the gradient norm is below this. */
  readonly gradTol: number;
  /** Most Newton steps (default 8). */
  readonly maxSteps?: number;
  /** Each step must divide the gradient norm by at least this (default 4). */
  readonly contraction?: number;
  /** Iterates must stay within this multiple of the first step's length from x₀ (default 2). */
  readonly radiusFactor?: number;
}

export interface NewtonResult {
  /** True when the gradient fell below gradTol with every check holding; x is then the end point. */
  readonly converged: boolean;
  /** The end point (a copy; x₀ is not changed). */
  readonly x: Float64Array;
  readonly steps: number;
  readonly gradNorm: number;
  /** Why Newton was given up, when it was. */
  readonly reason?: "not-positive-definite" | "no-contraction" | "left-ball" | "max-steps";
}

const euclidean = (g: Float64Array) => {
  let s = 0;
  for (const v of g) s += v * v;
  return Math.sqrt(s);
};

export function newtonFinish(model: NewtonModel, x0: Float64Array, options: NewtonOptions): NewtonResult {
  methodsArgument("model", model, ["gradient", "hessian"]);
  if (model.hessianFactor !== undefined) functionArgument("model.hessianFactor", model.hessianFactor);
  float64Argument("x0", x0);
  const o = objectArgument("options", options, "options {gradTol, …}");
  positiveNumber("options.gradTol", o.gradTol);
  if (o.maxSteps !== undefined) integerInRange("options.maxSteps", o.maxSteps, 1);
  if (o.contraction !== undefined && !(positiveNumber("options.contraction", o.contraction) > 1))
    throw new InputError("options.contraction", "must be > 1", o.contraction);
  if (o.radiusFactor !== undefined) positiveNumber("options.radiusFactor", o.radiusFactor);
  const maxSteps = options.maxSteps ?? 8;
  const contraction = options.contraction ?? 4;
  const radiusFactor = options.radiusFactor ?? 2;
  const norm = model.gradientNorm ?? euclidean;
  const factorAt = (y: Float64Array) =>
    model.hessianFactor ? model.hessianFactor(y) : choleskyUnchecked(model.hessian(y));
  const x = Float64Array.from(x0);
  const g = new Float64Array(x.length);
  model.gradient(x, g);
  let gradNorm = norm(g);
  let radius = Number.POSITIVE_INFINITY;
  let factor = factorAt(x);
  let fresh = true;
  for (let step = 0; ; step++) {
    if (gradNorm < options.gradTol) return { converged: true, x, steps: step, gradNorm };
    if (step >= maxSteps) return { converged: false, x, steps: step, gradNorm, reason: "max-steps" };
    if (!factor) return { converged: false, x, steps: step, gradNorm, reason: "not-positive-definite" };
    const delta = choleskySolveUnchecked(factor, g);
    if (step === 0) radius = radiusFactor * euclidean(delta);
    const previous = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) x[i] -= delta[i];
    let dist2 = 0;
    for (let i = 0; i < x.length; i++) dist2 += (x[i] - x0[i]) ** 2;
    if (!(Math.sqrt(dist2) <= radius))
      return { converged: false, x, steps: step + 1, gradNorm, reason: "left-ball" };
    model.gradient(x, g);
    const next = norm(g);
    if (next * contraction <= gradNorm || next < options.gradTol) {
      gradNorm = next;
      fresh = false;
      continue;
    }
    if (fresh) return { converged: false, x, steps: step + 1, gradNorm: next, reason: "no-contraction" };
    // The reused factor no longer contracts: take the step again with the Hessian at the current point.
    x.set(previous);
    model.gradient(x, g);
    factor = factorAt(x);
    fresh = true;
  }
}
