/**
 * A two-layer network g(x) = Σ_j a_j σ(w_jᵀx): K hidden units in R^d. W is stored row-major
 * (row j is w_j, as in the JSON {"W": [[…d…], …K rows]}); a holds the top-layer weights.
 */
import { float64Argument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { finiteMatrix, finiteVector, integerInRange } from "../../core/validate.js";

export interface FcNetwork {
  readonly K: number;
  readonly d: number;
  /** K×d, row-major: W[j*d + i] is coordinate i of w_j. */
  readonly W: Float64Array;
  /** Top-layer weights, length K. */
  readonly a: Float64Array;
}

export function makeNetwork(K: number, d: number, W: Float64Array, a?: Float64Array): FcNetwork {
  integerInRange("K", K, 1);
  integerInRange("d", d, 1);
  float64Argument("W", W, K * d);
  if (a !== undefined) float64Argument("a", a, K);
  return { K, d, W, a: a ?? new Float64Array(K).fill(1) };
}

/** A network given to a public function: K, d and the finite W (K·d, row-major) and a (K) of `makeNetwork`. */
export function checkFcNetwork(field: string, net: unknown): FcNetwork {
  const o = objectArgument(field, net, "a network {K, d, W, a} (made by makeNetwork)");
  const K = integerInRange(`${field}.K`, o.K, 1);
  const d = integerInRange(`${field}.d`, o.d, 1);
  float64Argument(`${field}.W`, o.W, K * d);
  float64Argument(`${field}.a`, o.a, K);
  return net as FcNetwork;
}

/** A point {W, a} of a network with K units in R^d. */
export function checkFcPoint(
  field: string,
  point: unknown,
  K: number,
  d: number,
): { W: Float64Array; a: Float64Array } {
  const o = objectArgument(field, point, "a point {W, a}");
  float64Argument(`${field}.W`, o.W, K * d);
  float64Argument(`${field}.a`, o.a, K);
  return point as { W: Float64Array; a: Float64Array };
}

/** Row j of W as a view (no copy). */
export function row(net: { W: Float64Array; d: number }, j: number): Float64Array {
  return net.W.subarray(j * net.d, (j + 1) * net.d);
}

export function rowsOf(K: number, d: number, W: Float64Array): number[][] {
  return Array.from({ length: K }, (_, j) => Array.from(W.subarray(j * d, (j + 1) * d)));
}

/** Euclidean norm of each row of a K×d row-major matrix. */
export function rowNorms(
  W: Float64Array,
  K: number,
  d: number,
  out: Float64Array = new Float64Array(K),
): Float64Array {
  for (let j = 0; j < K; j++) {
    let s = 0;
    const o = j * d;
    for (let i = 0; i < d; i++) s += W[o + i] * W[o + i];
    out[j] = Math.sqrt(s);
  }
  return out;
}

/**
 * Reads a network from JSON rows (and optional top weights), rejecting ragged or non-finite
 * matrices and zero rows: a zero hidden unit is the model's singular point (its gradient depends on
 * the direction from which it is approached), so it cannot be a problem's input.
 */
export function networkFromJson(field: string, W: unknown, a: unknown, d?: number): FcNetwork {
  const rows = finiteMatrix(`${field}.W`, W, undefined, d);
  const K = rows.length;
  const dim = rows[0].length;
  const flat = new Float64Array(K * dim);
  rows.forEach((r, j) => {
    let sq = 0;
    for (let i = 0; i < dim; i++) sq += r[i] * r[i];
    if (sq === 0) throw new InputError(`${field}.W[${j}]`, "must not be a zero row (w_j = 0 is singular)");
    flat.set(r, j * dim);
  });
  const top = a === undefined ? undefined : finiteVector(`${field}.a`, a, K);
  return makeNetwork(K, dim, flat, top);
}
