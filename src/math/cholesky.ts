/**
 * Cholesky factorisation A = LLᵀ of a symmetric matrix held as rows, in float64: the test of
 * positive definiteness (it succeeds exactly when every pivot is positive) and the solver of
 * Newton's systems. O(n³/3) flops, no pivoting (none is needed for a positive definite matrix).
 * From order SIMD_CHOLESKY_FROM on, the factor comes from the WebAssembly SIMD kernel of `cholesky-wasm.ts`
 * (the same algorithm, equal to rounding); the TypeScript factorisation below is its fallback and
 * the oracle of its tests.
 */

import { float64Argument, objectArgument, squareRowsArgument, vectorArgument } from "../core/arguments.js";
import { finiteNumber, integerInRange } from "../core/validate.js";
import { choleskyKernel, SIMD_CHOLESKY_MAX_ORDER } from "./cholesky-wasm.js";

export interface Cholesky {
  /** L row-major (n × n, lower triangle; the rest is zero). */
  readonly L: Float64Array;
  readonly n: number;
}

/**
 * Below this order copying into and out of the WebAssembly memory costs what the kernel saves (the two
 * took the same ~2 µs at order 24; at 100 the SIMD factor is 3–4× faster, at 400 about 8×).
 */
export const SIMD_CHOLESKY_FROM = 32;

/**
 * The factor of A + shift·I, or undefined when that matrix is not positive definite (a pivot ≤ 0 or
 * not finite). Reads only the lower triangle of A (the rows of a symmetric matrix).
 */
export function cholesky(rows: ReadonlyArray<ArrayLike<number>>, shift = 0): Cholesky | undefined {
  squareRowsArgument("rows", rows);
  finiteNumber("shift", shift);
  return choleskyUnchecked(rows, shift);
}

/**
 * `cholesky` without the argument checks, for the library's own solvers: a Hessian that is not
 * finite is then simply not positive definite (undefined), as the factorisation finds. `out` (n²
 * numbers, overwritten) holds L instead of a new array: a caller that factors many matrices of one
 * order keeps one buffer (a fresh 1.28 MB one at order 400 costs 3–7 ms of page faults on the 2-core
 * machine, more than the factorisation).
 */
export function choleskyUnchecked(
  rows: ReadonlyArray<ArrayLike<number>>,
  shift = 0,
  out?: Float64Array,
): Cholesky | undefined {
  const n = rows.length;
  const kernel = simdKernel(n);
  if (!kernel) return choleskyScalar(rows, shift, out);
  const L = kernel.factor(rows, shift, out);
  return L && { L, n };
}

/** Whether A + shift·I is positive definite (every pivot > 0 and finite), without keeping the factor. */
export function positiveDefinite(rows: ReadonlyArray<ArrayLike<number>>, shift = 0): boolean {
  squareRowsArgument("rows", rows);
  finiteNumber("shift", shift);
  return positiveDefiniteUnchecked(rows, shift);
}

/** `positiveDefinite` without the argument checks. */
export function positiveDefiniteUnchecked(rows: ReadonlyArray<ArrayLike<number>>, shift = 0): boolean {
  const kernel = simdKernel(rows.length);
  return kernel ? kernel.positiveDefinite(rows, shift) : choleskyScalar(rows, shift) !== undefined;
}

function simdKernel(n: number) {
  return n >= SIMD_CHOLESKY_FROM && n <= SIMD_CHOLESKY_MAX_ORDER ? choleskyKernel() : undefined;
}

/**
 * `cholesky` in TypeScript, where WebAssembly SIMD is unavailable and as the tests' oracle.
 *
 * Crout order (row by row, each entry one dot product of two rows of L), two rows at a time: the
 * four entries (i, j), (i, j+1), (i+1, j), (i+1, j+1) share one pass over m < j, four independent
 * sums from four loads (at n = 400: 9.5 ms, one entry at a time 16 ms, on the 2-core machine).
 */
export function choleskyScalar(
  rows: ReadonlyArray<ArrayLike<number>>,
  shift = 0,
  out?: Float64Array,
): Cholesky | undefined {
  const n = rows.length;
  const L = out ? out.fill(0) : new Float64Array(n * n);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const A0 = rows[i];
    const A1 = rows[i + 1];
    let j = 0;
    for (; j + 1 < i; j += 2) {
      const c0 = j * n;
      const c1 = c0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let m = 0; m < j; m++) {
        const x0 = L[r0 + m];
        const x1 = L[r1 + m];
        const y0 = L[c0 + m];
        const y1 = L[c1 + m];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      // Column j + 1 also sums over m = j, whose entries were found just now.
      const l00 = (A0[j] - s00) / L[c0 + j];
      const l10 = (A1[j] - s10) / L[c0 + j];
      const y = L[c1 + j];
      L[r0 + j] = l00;
      L[r1 + j] = l10;
      L[r0 + j + 1] = (A0[j + 1] - s01 - l00 * y) / L[c1 + j + 1];
      L[r1 + j + 1] = (A1[j + 1] - s11 - l10 * y) / L[c1 + j + 1];
    }
    for (; j < i; j++) {
      entry(L, n, rows, shift, i, j);
      entry(L, n, rows, shift, i + 1, j);
    }
    if (!entry(L, n, rows, shift, i, i)) return undefined;
    entry(L, n, rows, shift, i + 1, i);
    if (!entry(L, n, rows, shift, i + 1, i + 1)) return undefined;
  }
  for (; i < n; i++) for (let j = 0; j <= i; j++) if (!entry(L, n, rows, shift, i, j)) return undefined;
  return { L, n };
}

/** One entry (i, j ≤ i) of L from the finished entries left of it; false at a pivot that is not > 0. */
function entry(
  L: Float64Array,
  n: number,
  rows: ReadonlyArray<ArrayLike<number>>,
  shift: number,
  i: number,
  j: number,
): boolean {
  const ri = i * n;
  const rj = j * n;
  let s = rows[i][j] + (i === j ? shift : 0);
  for (let m = 0; m < j; m++) s -= L[ri + m] * L[rj + m];
  if (i !== j) {
    L[ri + j] = s / L[rj + j];
    return true;
  }
  if (!(s > 0) || !Number.isFinite(s)) return false;
  L[ri + i] = Math.sqrt(s);
  return true;
}

/** Solves (LLᵀ)x = b. */
export function choleskySolve(f: Cholesky, b: ArrayLike<number>): Float64Array {
  const factor = objectArgument("factor", f, "a Cholesky factor {L, n}");
  const n = integerInRange("factor.n", factor.n, 1);
  float64Argument("factor.L", factor.L, n * n);
  vectorArgument("b", b, n);
  return choleskySolveUnchecked(f, b);
}

/** `choleskySolve` for a factor and right-hand side known to be good. */
export function choleskySolveUnchecked(f: Cholesky, b: ArrayLike<number>): Float64Array {
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
