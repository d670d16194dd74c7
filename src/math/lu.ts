/**
 * LU factorisation with partial pivoting, PA = LU, of a square matrix held row-major in one
 * Float64Array: the solver for systems that need not be positive definite, such as the
 * linearly implicit step's I/(hγ) + H when the Hessian H has negative eigenvalues (near a saddle).
 * O(2n³/3) flops; the factor overwrites the given array, so a caller that solves one system per step
 * forms its matrix in a reused buffer and factors it there.
 */

export interface Lu {
  /** L (unit lower triangle, not stored on the diagonal) and U (upper triangle), row-major n × n. */
  readonly LU: Float64Array;
  /** Row i of PA is row pivots[i] of A. */
  readonly pivots: Int32Array;
  readonly n: number;
}

/**
 * Factors the n × n row-major matrix `a` in place. Returns undefined when a pivot is zero or not
 * finite (A singular to working precision, or holding NaN or ∞); `a` is then garbage.
 */
export function luFactor(a: Float64Array, n: number, pivots: Int32Array = new Int32Array(n)): Lu | undefined {
  for (let i = 0; i < n; i++) pivots[i] = i;
  for (let col = 0; col < n; col++) {
    let best = col;
    let bestAbs = Math.abs(a[col * n + col]);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * n + col]);
      if (v > bestAbs) {
        bestAbs = v;
        best = r;
      }
    }
    if (!(bestAbs > 0) || !Number.isFinite(bestAbs)) return undefined;
    if (best !== col) {
      const p = pivots[col];
      pivots[col] = pivots[best];
      pivots[best] = p;
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c];
        a[col * n + c] = a[best * n + c];
        a[best * n + c] = t;
      }
    }
    const pivot = a[col * n + col];
    for (let r = col + 1; r < n; r++) {
      const rr = r * n;
      const m = a[rr + col] / pivot;
      a[rr + col] = m;
      if (m === 0) continue;
      const rc = col * n;
      for (let c = col + 1; c < n; c++) a[rr + c] -= m * a[rc + c];
    }
  }
  return { LU: a, pivots, n };
}

/** Solves A x = b with A's factor; writes x into `out` (may not alias b) and returns it. */
export function luSolve(
  f: Lu,
  b: ArrayLike<number>,
  out: Float64Array = new Float64Array(f.n),
): Float64Array {
  const { LU, pivots, n } = f;
  for (let i = 0; i < n; i++) {
    let s = b[pivots[i]];
    const ri = i * n;
    for (let m = 0; m < i; m++) s -= LU[ri + m] * out[m];
    out[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = out[i];
    const ri = i * n;
    for (let m = i + 1; m < n; m++) s -= LU[ri + m] * out[m];
    out[i] = s / LU[ri + i];
  }
  return out;
}
