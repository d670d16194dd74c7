/**
 * Eigen-decomposition of a real symmetric matrix, eigenvalues in ascending order.
 * Uses ml-matrix's symmetric (tridiagonal QL) decomposition, float64 throughout.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

export interface SymmetricEigen {
  /** Ascending. */
  readonly values: Float64Array;
  /** vectors[i] is the unit eigenvector of values[i]. */
  readonly vectors: Float64Array[];
}

export function symmetricEigen(rows: ReadonlyArray<ArrayLike<number>>): SymmetricEigen {
  const n = rows.length;
  if (n === 0) return { values: new Float64Array(0), vectors: [] };
  // Symmetrise to remove rounding asymmetry from numerically built Hessians.
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, 0.5 * (rows[i][j] + rows[j][i]));
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const v = evd.eigenvectorMatrix;
  return {
    values: Float64Array.from(order, (i) => values[i]),
    vectors: order.map((i) => Float64Array.from(v.getColumn(i))),
  };
}
