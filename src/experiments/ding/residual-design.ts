/**
 * Step 1 of the construction (docs/ding.md#step-1-the-labels): a residual r ∈ ℝ^N with
 *   (R1) Σ rᵢ = 0,  (R2) Σ rᵢ xᵢ = 0,  (R3) S = Σ rᵢ xᵢxᵢᵀ ≻ 0.
 * r = P c with P the projector onto null([1ᵀ; X]) makes (R1)–(R2) exact; c is the minimum-norm
 * least-squares solution of S(Pc) = I (equivalent to the min-norm solution of the stacked linear
 * conditions A r = t when that system is consistent). When no exact S = I exists, λ_min(S(r)) is maximised over unit r by
 * projected supergradient ascent. r exists iff the points do not lie on a PSD quadric
 * {x : xᵀPx = α + βᵀx, P ⪰ 0, P ≠ 0}; with N ≤ d₀ + 1 generic points (R1)–(R2) force r = 0.
 * The result is scaled to max|rᵢ| = 1.
 */
import { rowsArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { symmetricEigen } from "../../math/eigen.js";
import { leastSquares, projectOntoNullSpace } from "../../math/least-squares.js";
import { normUnchecked } from "../../math/vector.js";

export interface ResidualDesign {
  readonly r: Float64Array;
  /** S = Σ rᵢ xᵢxᵢᵀ as rows. */
  readonly s: Float64Array[];
  readonly minEigenvalueS: number;
  /** "exact" when S = I was solvable (before scaling), "max-min-eigenvalue" otherwise. */
  readonly method: "exact" | "max-min-eigenvalue";
}

/** (d₀+1)(d₀+2)/2: the number of points a generic data set needs for S = I to be solvable. */
export function genericSampleThreshold(inputDim: number): number {
  return ((inputDim + 1) * (inputDim + 2)) / 2;
}

export function quadraticMoment(x: readonly Float64Array[], r: ArrayLike<number>): Float64Array[] {
  const d = x[0].length;
  const s = Array.from({ length: d }, () => new Float64Array(d));
  x.forEach((xi, i) => {
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) s[a][b] += r[i] * xi[a] * xi[b];
  });
  return s;
}

export function constraintRows(x: readonly Float64Array[]): Float64Array[] {
  const d = x[0].length;
  return [
    Float64Array.from(x, () => 1),
    ...Array.from({ length: d }, (_, a) => Float64Array.from(x, (xi) => xi[a])),
  ];
}

function minEigen(s: Float64Array[]): { value: number; vector: Float64Array } {
  const e = symmetricEigen(s);
  return { value: e.values[0], vector: e.vectors[0] };
}

export function designResidual(x: readonly Float64Array[]): ResidualDesign {
  rowsArgument("x", x);
  const n = x.length;
  const d = x[0].length;
  if (n <= d + 1)
    throw new InputError(
      "samples",
      `the construction needs more than d0 + 1 = ${d + 1} points (generically at least ${genericSampleThreshold(d)}), since Σr = 0 and Σr·x = 0 then force r = 0`,
      n,
    );
  const c = constraintRows(x);
  const project = (v: ArrayLike<number>) => projectOntoNullSpace(c, v);
  // Columns of the map c ↦ vech S(P c), one per sample, built from the projected unit vectors.
  const pairs: [number, number][] = [];
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) pairs.push([a, b]);
  const projectedUnits = Array.from({ length: n }, (_, i) => {
    const e = new Float64Array(n);
    e[i] = 1;
    return project(e);
  });
  const g = pairs.map(([a, b]) =>
    Float64Array.from(projectedUnits, (pe) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += pe[i] * x[i][a] * x[i][b];
      return s;
    }),
  );
  const target = pairs.map(([a, b]) => (a === b ? 1 : 0));
  const solution = leastSquares(g, target);
  let r = project(solution.x);
  let method: ResidualDesign["method"] = "exact";
  const exact = solution.residualNorm <= 1e-9 * Math.sqrt(d) && normUnchecked(r) > 0;
  if (!exact || !(minEigen(quadraticMoment(x, r)).value > 0)) {
    method = "max-min-eigenvalue";
    r = maximiseMinEigenvalue(x, project, r);
  }
  const rNorm = normUnchecked(r);
  const s0 = quadraticMoment(x, r);
  const lambda = rNorm > 0 ? minEigen(s0).value : 0;
  let scaleS = 0;
  for (const row of s0) for (const v of row) scaleS = Math.max(scaleS, Math.abs(v));
  if (!(rNorm > 0) || !(lambda > 1e-9 * Math.max(scaleS, 1e-300)))
    throw new InputError(
      "data",
      "no residual with Σr = 0, Σr·x = 0 and Σr·xxᵀ ≻ 0 was found: the points lie on (or too near) a positive semi-definite quadric such as an ellipse, so the construction cannot be built",
    );
  let maxAbs = 0;
  for (const v of r) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scaled = Float64Array.from(r, (v) => v / maxAbs);
  const s = quadraticMoment(x, scaled);
  return { r: scaled, s, minEigenvalueS: minEigen(s).value, method };
}

/** Projected supergradient ascent on λ_min(S(r)) over ‖r‖ = 1, r in the null space. */
function maximiseMinEigenvalue(
  x: readonly Float64Array[],
  project: (v: ArrayLike<number>) => Float64Array,
  start: Float64Array,
): Float64Array {
  let r = normUnchecked(start) > 0 ? start : project(Float64Array.from(x, (xi) => normUnchecked(xi) ** 2));
  if (!(normUnchecked(r) > 0)) return r;
  r = Float64Array.from(r, (v) => v / normUnchecked(r));
  let best = r;
  let bestValue = minEigen(quadraticMoment(x, r)).value;
  for (let iter = 0; iter < 400; iter++) {
    const { vector: q } = minEigen(quadraticMoment(x, r));
    // ∂λ_min/∂rᵢ = (qᵀxᵢ)².
    const grad = project(Float64Array.from(x, (xi) => xi.reduce((s, v, a) => s + v * q[a], 0) ** 2));
    const step = 0.5 / Math.sqrt(iter + 1);
    const gn = normUnchecked(grad);
    if (!(gn > 0)) break;
    const next = Float64Array.from(r, (v, i) => v + (step * grad[i]) / gn);
    const nn = normUnchecked(next);
    r = Float64Array.from(next, (v) => v / nn);
    const value = minEigen(quadraticMoment(x, r)).value;
    if (value > bestValue) {
      bestValue = value;
      best = r;
    }
  }
  return best;
}
