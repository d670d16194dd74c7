/**
 * The inertia of a symmetric float64 matrix A and a gap around zero, proven in floating point: the
 * exact number m of negative eigenvalues of A (A taken as the exact matrix of its stored lower
 * triangle, mirrored),
 * and a number gap > 0 with |λ| ≥ gap for every eigenvalue λ of A. The proof of a critical point
 * (landscape/proof.ts) needs both: ‖A⁻¹‖ ≤ 1/gap and the index.
 *
 * The only tool is a floating-point Cholesky factorisation that runs to completion, read with its
 * backward error: the computed factor satisfies L̂L̂ᵀ = B + ΔB with |ΔB_ij| ≤ γ_{n+1}|L̂||L̂ᵀ|_ij,
 * and each row of L̂ has squared norm ≤ b_ii/(1 − γ_{n+1}), so ‖ΔB‖₂ ≤ γ_{n+1}/(1 − γ_{n+1})·tr B.
 * Hence B ⪰ −‖ΔB‖·I, and a successful factorisation of B = A − μI proves λ_min(A) ≥ μ − that bound
 * (`choleskyEigenvalueBound`; the constant and the underflow term are Rump's, "Verification of
 * positive definiteness", BIT Numerical Mathematics 46, 2006). γ_k = ku/(1 − ku), u = 2⁻⁵³.
 *
 * A saddle needs two more facts, both by Courant–Fischer. Let V (n × m) hold approximate eigenvectors
 * of the m negative eigenvalues (from the floating-point eigensolver; they need not be accurate):
 * - every x ⊥ span V has xᵀAx = xᵀ(A + sVVᵀ)x, so λ_min(A + sVVᵀ) ≥ μ proves λ_{m+1}(A) ≥ μ;
 * - if −VᵀAV − μVᵀV is positive definite then xᵀAx ≤ −μ‖x‖² on the m-dimensional span V (and V has
 *   full rank), so λ_m(A) ≤ −μ.
 * Together: exactly m eigenvalues ≤ −μ and the others ≥ μ. A matrix whose plain Cholesky succeeds
 * (m = 0) needs no eigen-decomposition: inverse iteration with that factor estimates λ_min. The products VᵀAV, VᵀV and A + sVVᵀ are
 * formed in floating point with the standard bound |fl(XY) − XY| ≤ γ_k|X||Y| (k terms per sum) on each
 * entry, and the spectral norm of those errors is bounded by the Frobenius norm of the entry bounds.
 * Secondary quantities (traces, error norms) are computed in float64 and widened by a relative
 * SLACK = 1e-9, which covers their own rounding (at most γ_n of a sum of non-negative terms) for any n
 * below 10⁶.
 */
import { type Cholesky, cholesky, choleskySolve } from "./cholesky.js";
import { type SymmetricEigen, symmetricEigen } from "./eigen.js";

/** The unit roundoff of float64 (round to nearest). */
export const UNIT_ROUNDOFF = 2 ** -53;
/** The smallest positive subnormal float64 (the underflow unit). */
const UNDERFLOW_UNIT = 2 ** -1074;
/** Relative widening of secondary bounds (see the file's comment). */
const SLACK = 1e-9;

/** γ_k = ku/(1 − ku), the bound on the relative error of k floating-point operations in a row. */
export function gamma(k: number): number {
  const ku = k * UNIT_ROUNDOFF;
  return ku / (1 - ku);
}

const up = (x: number) => x * (1 + SLACK);

/**
 * A proven lower bound on λ_min(A) from a Cholesky factorisation of A − μI that runs to completion,
 * or undefined when it does not (A − μI is then not positive definite to working precision).
 */
export function choleskyEigenvalueBound(A: ReadonlyArray<ArrayLike<number>>, mu: number): number | undefined {
  const n = A.length;
  // B = fl(A − μI) is formed here, so the matrix factored is known exactly whatever order the
  // factorisation's kernel adds its shift in.
  const B = A.map((row, i) => {
    const b = Float64Array.from(row);
    b[i] = row[i] - mu;
    return b;
  });
  if (!cholesky(B)) return undefined;
  let trace = 0;
  let maxDiag = 0;
  for (let i = 0; i < n; i++) {
    trace += B[i][i];
    maxDiag = Math.max(maxDiag, Math.abs(B[i][i]));
  }
  const g = gamma(n + 1);
  const backward = up((g / (1 - 2 * g)) * trace + 4 * n * (2 * (n + 2) + maxDiag) * UNDERFLOW_UNIT);
  // The shifted diagonal was rounded once: ‖B − (A − μI)‖ ≤ u·max|b_ii|.
  const shiftRounding = mu === 0 ? 0 : up(UNIT_ROUNDOFF * maxDiag);
  return mu - backward - shiftRounding;
}

export type VerifiedInertia =
  | {
      readonly verified: true;
      /** The number of negative eigenvalues of A. */
      readonly index: number;
      /** Every eigenvalue λ of A has |λ| ≥ gap > 0. */
      readonly gap: number;
      /** A lower bound on λ_min(A) when index = 0 (then equal to gap). */
      readonly lambdaMinLower?: number;
    }
  | { readonly verified: false; readonly reason: string };

/** Entry-wise product bounds: the Frobenius norm of a matrix given by a function of (i, j). */
function frobenius(rows: number, cols: number, entry: (i: number, j: number) => number): number {
  let s = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const e = entry(i, j);
      s += e * e;
    }
  return up(Math.sqrt(s));
}

/**
 * λ_{m+1}(A) ≥ the returned bound, from A + sVVᵀ (V: the columns `vectors`), or undefined. With m = 0
 * this is the plain shifted Cholesky bound on λ_min(A).
 */
function positiveSideBound(
  A: ReadonlyArray<ArrayLike<number>>,
  vectors: readonly Float64Array[],
  s: number,
  mu: number,
): number | undefined {
  const n = A.length;
  const m = vectors.length;
  if (m === 0) return choleskyEigenvalueBound(A, mu);
  const lifted: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let p = 0;
      for (let k = 0; k < m; k++) p += vectors[k][i] * vectors[k][j];
      row[j] = A[i][j] + s * p;
    }
    lifted.push(row);
  }
  // |fl(a + s·Σ v v) − (a + sΣ v v)| ≤ γ_{m+2}(|a| + s Σ|v||v|): m products and sums, one scaling, one add.
  const g = gamma(m + 2);
  const error = frobenius(n, n, (i, j) => {
    let p = 0;
    for (let k = 0; k < m; k++) p += Math.abs(vectors[k][i] * vectors[k][j]);
    return g * (Math.abs(A[i][j]) + s * p);
  });
  const bound = choleskyEigenvalueBound(lifted, mu);
  return bound === undefined ? undefined : bound - error;
}

/**
 * Whether −VᵀAV − μVᵀV is proven positive definite (so A has at least m = V's columns eigenvalues
 * ≤ −μ); `margin` is the shift tried in that m × m Cholesky (about half its smallest eigenvalue).
 */
function negativeSideHolds(
  A: ReadonlyArray<ArrayLike<number>>,
  vectors: readonly Float64Array[],
  mu: number,
  margin: number,
): boolean {
  const n = A.length;
  const m = vectors.length;
  const AV = vectors.map((v) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i][j] * v[j];
      out[i] = s;
    }
    return out;
  });
  const absAV = vectors.map((v) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Math.abs(A[i][j] * v[j]);
      out[i] = s;
    }
    return out;
  });
  const gn = gamma(n);
  const N: Float64Array[] = [];
  const bounds: number[][] = [];
  for (let p = 0; p < m; p++) {
    const row = new Float64Array(m);
    const brow: number[] = [];
    for (let q = 0; q < m; q++) {
      let vav = 0;
      let vv = 0;
      let absVAVfl = 0;
      let absVAV = 0;
      let absVV = 0;
      for (let i = 0; i < n; i++) {
        vav += vectors[p][i] * AV[q][i];
        vv += vectors[p][i] * vectors[q][i];
        absVAVfl += Math.abs(vectors[p][i] * AV[q][i]);
        absVAV += Math.abs(vectors[p][i]) * absAV[q][i];
        absVV += Math.abs(vectors[p][i] * vectors[q][i]);
      }
      const value = -vav - mu * vv;
      row[q] = value;
      // VᵀAV: two products (γ_n each); VᵀV: one; then −x − μy: three roundings of the result.
      brow.push(
        up(
          gn * (absVAVfl + absVAV) +
            mu * gn * absVV +
            3 * UNIT_ROUNDOFF * (Math.abs(vav) + mu * Math.abs(vv)),
        ),
      );
    }
    N.push(row);
    bounds.push(brow);
  }
  const error = frobenius(m, m, (p, q) => bounds[p][q]);
  const lower = choleskyEigenvalueBound(N, margin);
  return lower !== undefined && lower - error > 0;
}

/** The Rayleigh quotient xᵀAx of the unit vector after 60 steps of inverse iteration: λ_min(A) from above. */
function smallestByInverseIteration(A: readonly Float64Array[], factor: Cholesky): number {
  const n = factor.n;
  let x: Float64Array = Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 13) / 13);
  const normalise = () => {
    let length = 0;
    for (const v of x) length += v * v;
    length = Math.sqrt(length);
    for (let i = 0; i < n; i++) x[i] /= length;
  };
  for (let step = 0; step < 60; step++) {
    normalise();
    x = choleskySolve(factor, x);
  }
  normalise();
  let quotient = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i][j] * x[j];
    quotient += x[i] * s;
  }
  return quotient;
}

/**
 * The proven inertia of A and a gap around zero. The floating-point eigen-decomposition (computed
 * here, or passed in) only chooses the shift and the negative directions; the proof is the Cholesky
 * factorisations. Fails with a reason when no eigenvalue gap can be proven (A singular or nearly so).
 */
export function verifiedInertia(
  A: ReadonlyArray<ArrayLike<number>>,
  eigen?: SymmetricEigen,
): VerifiedInertia {
  const n = A.length;
  if (n === 0) return { verified: false, reason: "the matrix is empty" };
  // The matrix proven about is the symmetric one of A's lower triangle (what the Cholesky reads).
  const S: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) row[j] = j <= i ? A[i][j] : A[j][i];
    if (!row.every(Number.isFinite)) return { verified: false, reason: "the matrix has a non-finite entry" };
    S.push(row);
  }
  // A positive definite matrix needs no eigen-decomposition: λ_min's estimate comes from inverse
  // iteration with its Cholesky factor (O(n²) a step instead of O(n³)).
  const factor = eigen ? undefined : cholesky(S);
  if (factor) {
    const estimate = smallestByInverseIteration(S, factor);
    let failed = 1;
    for (const fraction of [0.999, 0.99, 0.95, 0.8, 0.5, 0.1]) {
      let bound = choleskyEigenvalueBound(S, fraction * estimate);
      if (bound === undefined || !(bound > 0)) {
        failed = fraction;
        continue;
      }
      // The estimate may sit a little above λ_min (a cluster slows inverse iteration): bisect the
      // shift between the last failure and this success a few times.
      let lo = fraction;
      let hi = failed;
      for (let step = 0; step < 4 && hi - lo > 1e-3; step++) {
        const mid = 0.5 * (lo + hi);
        const better = choleskyEigenvalueBound(S, mid * estimate);
        if (better !== undefined && better > bound) {
          bound = better;
          lo = mid;
        } else hi = mid;
      }
      return { verified: true, index: 0, gap: bound, lambdaMinLower: bound };
    }
  }
  const { values, vectors } = eigen ?? symmetricEigen(S);
  let minAbs = Number.POSITIVE_INFINITY;
  let maxAbs = 0;
  let m = 0;
  for (const v of values) {
    minAbs = Math.min(minAbs, Math.abs(v));
    maxAbs = Math.max(maxAbs, Math.abs(v));
    if (v < 0) m++;
  }
  if (!(minAbs > 0))
    return { verified: false, reason: "the Hessian has a zero eigenvalue in floating point" };
  const negative = vectors.slice(0, m);
  // Lift the negative directions well above the spectrum's top.
  const s = 2 * maxAbs;
  for (const fraction of [0.999, 0.99, 0.9, 0.5, 0.1]) {
    const mu = fraction * minAbs;
    const positive = positiveSideBound(S, negative, s, mu);
    if (positive === undefined || !(positive > 0)) continue;
    if (m > 0 && !negativeSideHolds(S, negative, mu, 0.5 * (1 - fraction) * minAbs)) continue;
    const gap = m > 0 ? Math.min(mu, positive) : positive;
    return { verified: true, index: m, gap, ...(m === 0 ? { lambdaMinLower: positive } : {}) };
  }
  return {
    verified: false,
    reason: `no eigenvalue gap could be proven around 0 (smallest |λ| ≈ ${minAbs.toPrecision(3)} in floating point, largest ${maxAbs.toPrecision(3)})`,
  };
}

export interface SignCounts {
  /** A has at least this many eigenvalues ≤ −threshold. */
  readonly negative: number;
  /** A has at least this many eigenvalues ≥ threshold. */
  readonly positive: number;
}

/**
 * Proven counts of A's eigenvalues beyond ±threshold, for a matrix that may have eigenvalues near
 * zero (a degenerate critical point): the negative directions by the compression test of
 * `verifiedInertia`, the positive ones by the same test on −A. Eigenvalues the floating-point solver
 * puts within 1.5·threshold of zero are not claimed.
 */
export function verifiedSignCounts(A: ReadonlyArray<ArrayLike<number>>, threshold: number): SignCounts {
  const n = A.length;
  const S: Float64Array[] = [];
  for (let i = 0; i < n; i++)
    S.push(Float64Array.from({ length: n }, (_, j) => (j <= i ? A[i][j] : A[j][i])));
  if (!S.every((r) => r.every(Number.isFinite))) return { negative: 0, positive: 0 };
  const { values, vectors } = symmetricEigen(S);
  const minus = S.map((r) => r.map((v) => -v));
  const count = (M: Float64Array[], picked: number[]): number => {
    for (const factor of [1.5, 4]) {
      const chosen = picked.filter((i) => Math.abs(values[i]) > factor * threshold);
      if (chosen.length === 0) return 0;
      const smallest = Math.min(...chosen.map((i) => Math.abs(values[i])));
      const ok = negativeSideHolds(
        M,
        chosen.map((i) => vectors[i]),
        threshold,
        0.5 * (smallest - threshold),
      );
      if (ok) return chosen.length;
    }
    return 0;
  };
  const order = Array.from(values, (_, i) => i);
  const negatives = order.filter((i) => values[i] < 0);
  const positives = order.filter((i) => values[i] > 0);
  return { negative: count(S, negatives), positive: count(minus, positives) };
}
