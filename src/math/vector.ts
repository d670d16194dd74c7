/** Small dense float64 vector helpers. Plain loops: these sizes (≤ a few hundred) do not repay anything cleverer. */

export type Vector = Float64Array;
export type ReadonlyVector = Readonly<ArrayLike<number>>;

export function dot(x: ReadonlyVector, y: ReadonlyVector): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

export function norm(x: ReadonlyVector): number {
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
  return norm(sub(x, y));
}

export function isFiniteVector(x: ReadonlyVector): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

export function unitVector(dim: number, index: number): Vector {
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
  const dim = w.length;
  if (dim < 2) return undefined;
  let best = 0;
  for (let i = 1; i < dim; i++) if (Math.abs(w[i]) < Math.abs(w[best])) best = i;
  const along = w[best] / dot(w, w);
  const e = new Float64Array(dim);
  for (let i = 0; i < dim; i++) e[i] = -along * w[i];
  e[best] += 1;
  const n = norm(e);
  for (let i = 0; i < dim; i++) e[i] /= n;
  return e;
}
