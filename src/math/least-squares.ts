/**
 * Minimum-norm least squares, min ‖x‖ over argmin ‖A x − b‖, by ml-matrix's singular value
 * decomposition (singular values below max(m, n)·ε·σ_max are treated as zero), so it is exact
 * for rank-deficient and under-determined systems alike.
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { rowsArgument, vectorArgument } from "../core/arguments.js";
import { normUnchecked } from "./vector.js";

export interface LeastSquaresSolution {
  readonly x: Float64Array;
  /** ‖A x − b‖. */
  readonly residualNorm: number;
  /** Numerical rank of A. */
  readonly rank: number;
}

/** A is given as rows (m rows of length n). */
export function leastSquares(
  rows: ReadonlyArray<ArrayLike<number>>,
  b: ArrayLike<number>,
): LeastSquaresSolution {
  rowsArgument("rows", rows);
  vectorArgument("b", b, rows.length);
  return leastSquaresUnchecked(rows, b);
}

/** `leastSquares` for inputs known to be good (the library's own). */
function leastSquaresUnchecked(
  rows: ReadonlyArray<ArrayLike<number>>,
  b: ArrayLike<number>,
): LeastSquaresSolution {
  const m = rows.length;
  const n = rows[0].length;
  const a = new Matrix(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a.set(i, j, rows[i][j]);
  const svd = new SingularValueDecomposition(a, { autoTranspose: true });
  const x = Float64Array.from(svd.solve(Matrix.columnVector(Array.from(b))).getColumn(0));
  const residual = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = -b[i];
    for (let j = 0; j < n; j++) s += rows[i][j] * x[j];
    residual[i] = s;
  }
  return { x, residualNorm: normUnchecked(residual), rank: svd.rank };
}

/** The component of r orthogonal to the row space of C: r − Cᵀ(C Cᵀ)⁺ C r, computed by least squares. */
export function projectOntoNullSpace(
  constraintRows: ReadonlyArray<ArrayLike<number>>,
  r: ArrayLike<number>,
): Float64Array {
  const n = vectorArgument("r", r).length;
  rowsArgument("constraintRows", constraintRows, undefined, n);
  const k = constraintRows.length;
  // Cᵀ z ≈ r: columns of Cᵀ are the constraint rows.
  const ct = Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: k }, (_, j) => constraintRows[j][i]),
  );
  const { x: z } = leastSquaresUnchecked(ct, r);
  const out = Float64Array.from(r);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) out[i] -= constraintRows[j][i] * z[j];
  return out;
}
