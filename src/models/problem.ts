/**
 * The model-kernel contract.
 *
 * Every model in Minima (the CNN of Du et al., the two-layer network of Tian, the finite-data
 * networks of Ding et al.) exposes its landscape at a point as a `Problem`: a smooth function of a
 * flat float64 parameter vector with its gradient and, where one is derived, its exact Hessian.
 * Generic tools — the Hessian spectrum, the classification of critical points, perturbed
 * restarts, `minima eval` and `minima classify` — see only this interface, so they work for every
 * model without knowing its formulas. A model may have several kernels for the same landscape
 * (closed form, quadrature, Monte Carlo on drawn samples); each is a Problem, and one test suite
 * checks that they agree.
 *
 * A problem is read from JSON of the form {"model": NAME, …}; each model registers a
 * `ProblemFormat` in `registry.ts` that validates its own fields and names any that are wrong.
 */

export interface Problem {
  /** The model's name as written in problem JSON ("cnn", "fc", "mlp"). */
  readonly model: string;
  /** The point at which the problem was given, flattened. */
  readonly point: Float64Array;
  /** Names of the parameter blocks in flat order, with their lengths, e.g. [["v", 25], ["a", 25]]. */
  readonly blocks: ReadonlyArray<readonly [name: string, length: number]>;
  loss(x: Float64Array): number;
  gradient(x: Float64Array): Float64Array;
  /** The exact Hessian as rows, when the model has one; otherwise tools use central differences of `gradient`. */
  hessian?(x: Float64Array): Float64Array[];
  /**
   * The exact Hessian–vector product ∇²L(x)·v without forming the Hessian, when the model has one;
   * large problems use it for their smallest eigenvalues (landscape/hessian-spectrum.ts). Repeated
   * calls at the same x should be cheap (a model may cache what depends on x alone).
   */
  hessianVector?(x: Float64Array, v: Float64Array): Float64Array;
  /** The gradient (or any flat vector) in the model's own structure for JSON output, e.g. {v:[…], a:[…]}. */
  structure(flat: Float64Array): Record<string, unknown>;
  /** What a proof of a critical point near a point needs (landscape/proof.ts); absent: no proof for this model. */
  readonly proof?: ProofSupport;
}

/** A bound on the Hessian's Lipschitz constant on a ball, or why the model has none there. */
export type LipschitzResult = { readonly bound: number } | { readonly reason: string };

/** Bounds on the rounding errors of a computed gradient (2-norm) and Hessian (spectral norm). */
export interface RoundingBounds {
  readonly gradient: number;
  readonly hessian: number;
  /** True when both are proven, false when they are estimates. */
  readonly proven: boolean;
}

/**
 * The model's part of the proof that a true critical point lies near a point (docs/proofs.md), over
 * the free coordinates (all, or a slice across continuous symmetries; the others stay fixed).
 */
export interface ProofSupport {
  /** L_H with ‖∇²L(y) − ∇²L(z)‖₂ ≤ L_H‖y − z‖ for y, z in the closed ball of `radius` about x. */
  hessianLipschitz(x: Float64Array, radius: number): LipschitzResult;
  /** Bounds on the rounding errors of `gradient` and `hessian` at x. */
  roundingError(x: Float64Array): RoundingBounds;
  /**
   * The slice through x the proof moves in — some coordinates, or an affine slice x + span(basis)
   * (vectors of the full length, nearly orthonormal) — with why a critical point of that slice is one
   * of the whole problem with the same index; absent: all coordinates.
   */
  slice?(
    x: Float64Array,
  ):
    | { readonly indices: readonly number[]; readonly note: string }
    | { readonly basis: readonly Float64Array[]; readonly note: string }
    | { readonly reason: string };
}

export interface ProblemFormat {
  readonly model: string;
  /** One-line description of the JSON fields, for error messages and help. */
  readonly shape: string;
  parse(json: Record<string, unknown>): Problem;
}

/** Splits a flat vector into named blocks (typed-array views, no copy). */
export function splitBlocks(
  flat: Float64Array,
  blocks: ReadonlyArray<readonly [string, number]>,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  let offset = 0;
  for (const [name, length] of blocks) {
    out[name] = flat.subarray(offset, offset + length);
    offset += length;
  }
  return out;
}

/** Concatenates blocks into one flat vector. */
export function joinBlocks(parts: ReadonlyArray<ArrayLike<number>>): Float64Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * `make(x)` for the last x seen (compared by value), so that what a model builds once per point — a
 * Hessian–vector operator's pair quantities, a dense Hessian — is reused across products at one point.
 */
export function lastPointCache<T>(make: (x: Float64Array) => T): (x: Float64Array) => T {
  let seen: Float64Array | undefined;
  let value: T | undefined;
  return (x) => {
    let same = seen !== undefined && seen.length === x.length;
    for (let i = 0; same && i < x.length; i++) if (seen![i] !== x[i]) same = false;
    if (!same) {
      value = make(x);
      seen = Float64Array.from(x);
    }
    return value as T;
  };
}
