/**
 * Small dense float64 vector helpers. Plain loops: these sizes (≤ a few hundred) do not repay anything
 * cleverer. `dot` and `norm` are public and check their arguments; the library's loops call
 * `dotUnchecked` and `normUnchecked` (the norm of a diverging iterate may be ∞, and must not throw).
 */

import { vectorArgument } from "../core/arguments.js";
import { InputError } from "../core/errors.js";
import { integerInRange } from "../core/validate.js";

export type Vector = Float64Array;
export type ReadonlyVector = Readonly<ArrayLike<number>>;

/** x and y: finite vectors of the same length. */
export function checkVectorPair(x: unknown, y: unknown): void {
  const v = vectorArgument("x", x);
  vectorArgument("y", y, v.length);
}

export function dot(x: ReadonlyVector, y: ReadonlyVector): number {
  checkVectorPair(x, y);
  return dotUnchecked(x, y);
}

export function dotUnchecked(x: ReadonlyVector, y: ReadonlyVector): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

export function norm(x: ReadonlyVector): number {
  vectorArgument("x", x);
  return normUnchecked(x);
}

/** ‖x‖, scaled against overflow; ∞ or NaN when x holds them. */
export function normUnchecked(x: ReadonlyVector): number {
  // Scaled to avoid overflow/underflow for extreme entries.
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

export function sum(x: ReadonlyVector): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

export function scale(x: ReadonlyVector, c: number): Vector {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = c * x[i];
  return out;
}

/** x + c·y */
export function axpy(x: ReadonlyVector, c: number, y: ReadonlyVector): Vector {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + c * y[i];
  return out;
}

export function sub(x: ReadonlyVector, y: ReadonlyVector): Vector {
  return axpy(x, -1, y);
}

export function distance(x: ReadonlyVector, y: ReadonlyVector): number {
  return normUnchecked(sub(x, y));
}

export function isFiniteVector(x: ReadonlyVector): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

export function unitVector(dim: number, index: number): Vector {
  integerInRange("dim", dim, 1);
  integerInRange("index", index, 0, dim - 1);
  const e = new Float64Array(dim);
  e[index] = 1;
  return e;
}

/**
 * A unit vector orthogonal to the non-zero w: the coordinate axis least aligned with w, with its
 * component along w removed (well conditioned: that axis makes an angle of at least acos(1/√dim)
 * with w). Undefined in one dimension, where none exists.
 */
export function orthogonalUnit(w: ReadonlyVector): Vector | undefined {
  vectorArgument("w", w);
  if (normUnchecked(w) === 0) throw new InputError("w", "must be a non-zero vector");
  return orthogonalUnitUnchecked(w);
}

/** `orthogonalUnit` for a w known to be finite and non-zero. */
export function orthogonalUnitUnchecked(w: ReadonlyVector): Vector | undefined {
  const dim = w.length;
  if (dim < 2) return undefined;
  let best = 0;
  for (let i = 1; i < dim; i++) if (Math.abs(w[i]) < Math.abs(w[best])) best = i;
  const along = w[best] / dotUnchecked(w, w);
  const e = new Float64Array(dim);
  for (let i = 0; i < dim; i++) e[i] = -along * w[i];
  e[best] += 1;
  const n = normUnchecked(e);
  for (let i = 0; i < dim; i++) e[i] /= n;
  return e;
}
