/**
 * The activation contract: a scalar function with its first three derivatives and what the
 * theorems say about it.
 *
 * Ding, Li & Sun (2019) construct sub-optimal local minima for activations that are smooth near
 * some point a with σ''(a) ≠ 0 (how docs/ding.md#which-activations reads their assumption). The
 * construction here also wants σ'(a) > 0 and σ''(a) > 0 at a ("locally convex increasing") so
 * that it stacks to any depth; `suggestedPoint` is such a point when the condition holds.
 */

export type ActivationName =
  | "relu"
  | "leaky-relu"
  | "sigmoid"
  | "tanh"
  | "softplus"
  | "swish"
  | "gelu"
  | "elu"
  | "erf"
  | "quadratic"
  | "linear";

export interface Activation {
  readonly name: ActivationName;
  /** The formula, for help text and reports. */
  readonly formula: string;
  value(x: number): number;
  /** σ'(x); at a kink, the one-sided derivative from the right. */
  d1(x: number): number;
  /** σ''(x); 0 where a piecewise function is linear (its a.e. value). */
  d2(x: number): number;
  d3(x: number): number;
  /** Points where σ, σ' or σ'' is not smooth (quadrature splits its integrals there). */
  readonly kinks?: readonly number[];
  /** Infinitely differentiable on all of ℝ. */
  readonly smooth: boolean;
  /** Smooth near some a with σ''(a) ≠ 0: the condition under which the Ding construction applies. */
  readonly theoremCondition: boolean;
  /** A point a with σ'(a) > 0 and σ''(a) > 0 (smooth near a), when `theoremCondition` holds. */
  readonly suggestedPoint: number | undefined;
  /** Why the condition holds or fails, with caveats; one sentence. */
  readonly note: string;
  /**
   * Suprema over ℝ of |σ|, |σ'|, |σ''|, |σ'''| (Infinity when unbounded), derived in closed form;
   * absent where they are not (the mlp's proof of a critical point needs them: docs/proofs.md).
   */
  readonly derivativeBounds?: DerivativeBounds;
}

export interface DerivativeBounds {
  readonly value: number;
  readonly d1: number;
  readonly d2: number;
  readonly d3: number;
}
