/**
 * Cholesky factorisation A = LLᵀ of a symmetric matrix held as rows, in float64: the test of
 * positive definiteness (it succeeds exactly when every pivot is positive) and the solver of
 * Newton's systems. O(n³/3) flops, no pivoting (none is needed for a positive definite matrix).
 */

export interface Cholesky {
  /** L row-major (n × n, lower triangle; the rest is zero). */
  readonly L: Float64Array;
  readonly n: number;
}

/**
 * The factor of A + shift·I, or undefined when that matrix is not positive definite (a pivot ≤ 0 or
 * not finite). Reads only the lower triangle of A (the rows of a symmetric matrix).
 */
export function cholesky(rows: ReadonlyArray<ArrayLike<number>>, shift = 0): Cholesky | undefined {
  const n = rows.length;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = rows[i][j] + (i === j ? shift : 0);
      for (let m = 0; m < j; m++) s -= L[ri + m] * L[rj + m];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return undefined;
        L[ri + i] = Math.sqrt(s);
      } else {
        L[ri + j] = s / L[rj + j];
      }
    }
  }
  return { L, n };
}

/** Solves (LLᵀ)x = b. */
export function choleskySolve(f: Cholesky, b: ArrayLike<number>): Float64Array {
  const { L, n } = f;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= L[i * n + m] * y[m];
    y[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let m = i + 1; m < n; m++) s -= L[m * n + i] * x[m];
    x[i] = s / L[i * n + i];
  }
  return x;
}
