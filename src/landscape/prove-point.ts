/**
 * The proof of a critical point (proof.ts) for a point of any `Problem`: the model supplies its exact
 * Hessian and its `proof` support (models/problem.ts: the Hessian's Lipschitz bound on a ball, the
 * rounding errors, and optionally a slice across continuous symmetries).
 *
 * Spaces. The proof runs in coordinates y of x₀ + By: all coordinates (B = I), a slice the model
 * names (some coordinates, or a basis B of an affine slice across a continuous symmetry, whose
 * critical points the model argues are the problem's, with the same index), or an invariant subspace
 * the caller names (below). In y the gradient is Bᵀ∇L, the Hessian BᵀHB (each with the rounding of
 * the products added to the model's bounds) and the Lipschitz constant ‖B‖³L_H on the ball of radius
 * ‖B‖R. With e = ‖BᵀB − I‖_F, σ(B) lies in [√(1 − e), √(1 + e)], so a radius r in y is at most
 * √(1 + e)·r in x, and a uniqueness radius U in y covers √(1 − e)·U in x (within the slice).
 *
 * Polish. A point given to a few digits (a stored end point, a JSON file) is first polished by
 * Newton's method in y: the Newton finish of train/newton.ts where the Hessian is positive definite,
 * otherwise the same rule (each step shrinks the gradient 4-fold and stays within twice the first
 * step) with an LU solve. The proof is made at the polished point x₁ (`proofRadius`) and restated
 * about the given x₀ (`radius` = ‖x₁ − x₀‖ + r).
 *
 * Invariant subspace. A degenerate critical point (zero Hessian eigenvalues, e.g. where units
 * coincide) has no proof in the whole space, but may have one in an affine subspace x₀ + span B that
 * the gradient maps into span B, such as the fixed points of a symmetry group of coordinate
 * permutations (symmetric criticality): x* with Bᵀ∇L(x*) = 0 then has ∇L(x*) = 0. Its kind is read
 * from the full Hessian: eigenvalues proven beyond ±(ε_H + L_H‖x* − x₀‖) keep their sign at x*
 * (Weyl); those within may be zero, so the index may be a range. The caller vouches for the
 * invariance (the note says whose symmetry it is); no polish is done there.
 *
 * Why this file is long: the three proof spaces (coordinates, a basis, an invariant subspace) share
 * the polish and the restatement about x₀, and splitting them apart would split one argument.
 */
import {
  booleanArgument,
  float64Argument,
  listArgument,
  objectArgument,
  stringArgument,
} from "../core/arguments.js";
import { luFactor, luSolve } from "../math/lu.js";
import { gamma, verifiedSignCounts } from "../math/verified-inertia.js";
import { checkProblem, checkProblemPoint } from "../models/check-problem.js";
import type { LipschitzResult, Problem, ProofSupport, RoundingBounds } from "../models/problem.js";
import { newtonFinish } from "../train/newton.js";
import { type PointProof, proveCriticalPointUnchecked } from "./proof.js";

export interface ProblemProof extends PointProof {
  /** Newton steps taken before the proof (0: proven at the given point). */
  readonly newtonSteps: number;
  /** ‖x₁ − x₀‖, the polish's displacement (already added to `radius`). */
  readonly newtonDistance: number;
  /** The critical point lies within this distance of the polished point x₁ (where the proof was made). */
  readonly proofRadius?: number;
  /** The proven range of the index when eigenvalues near zero leave it open (invariant-subspace proofs). */
  readonly indexRange?: readonly [number, number];
  /** The coordinates or subspace the proof moved in, when not all: why its critical points are the problem's. */
  readonly slice?: string;
}

export interface ProveOptions {
  /** Polish the point by Newton's method first (default true; never with `subspace`). */
  readonly polish?: boolean;
  /**
   * Prove in x₀ + span(basis) (vectors of the full length, nearly orthonormal), which the gradient
   * must map into span(basis); `note` says why it does.
   */
  readonly subspace?: { readonly basis: readonly Float64Array[]; readonly note: string };
}

const SLACK = 1e-9;
const up = (x: number) => x * (1 + SLACK);
const down = (x: number) => x * (1 - SLACK);

const norm = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
};

/** The problem in coordinates y of x₀ + By (see the file's comment). */
interface ProofSpace {
  readonly dimension: number;
  /** ‖x − x'‖ ≤ scale·‖y − y'‖. */
  readonly scale: number;
  /** ‖x − x'‖ ≥ lower·‖y − y'‖. */
  readonly lower: number;
  embed(y: Float64Array): Float64Array;
  gradient(y: Float64Array): Float64Array;
  hessian(y: Float64Array): Float64Array[];
  /** The rounding bounds of `gradient` and `hessian` at y. */
  rounding(y: Float64Array): RoundingBounds;
  lipschitz(y: Float64Array, radius: number): LipschitzResult;
}

/** Some coordinates of the problem, the others held at x₀'s values (B = the chosen unit vectors). */
function coordinateSpace(
  problem: Problem,
  support: ProofSupport,
  x0: Float64Array,
  free: readonly number[],
): ProofSpace {
  const embed = (y: Float64Array): Float64Array => {
    const x = Float64Array.from(x0);
    free.forEach((i, p) => {
      x[i] = x0[i] + y[p];
    });
    return x;
  };
  const restrict = (v: Float64Array) => Float64Array.from(free, (i) => v[i]);
  return {
    dimension: free.length,
    scale: 1,
    lower: 1,
    embed,
    gradient: (y) => restrict(problem.gradient(embed(y))),
    hessian: (y) => {
      const H = problem.hessian!(embed(y));
      return free.map((i) => Float64Array.from(free, (j) => H[i][j]));
    },
    rounding: (y) => support.roundingError(embed(y)),
    lipschitz: (y, radius) => support.hessianLipschitz(embed(y), radius),
  };
}

/** Bounds on B's singular values from e = ‖BᵀB − I‖_F (with the rounding of its own products). */
function basisNormBounds(basis: readonly Float64Array[]): { upper: number; lower: number } {
  const n = basis[0].length;
  let off2 = 0;
  for (let p = 0; p < basis.length; p++)
    for (let q = 0; q < basis.length; q++) {
      let s = 0;
      let a = 0;
      for (let i = 0; i < n; i++) {
        s += basis[p][i] * basis[q][i];
        a += Math.abs(basis[p][i] * basis[q][i]);
      }
      off2 += (Math.abs(s - (p === q ? 1 : 0)) + gamma(n + 1) * a) ** 2;
    }
  const e = up(Math.sqrt(off2));
  return { upper: up(Math.sqrt(1 + e)), lower: down(Math.sqrt(Math.max(0, 1 - e))) };
}

/** Bᵀg and BᵀHB with the 2-norm and spectral-norm bounds of their rounding (γ_{n+1} per product). */
function reduce(B: readonly Float64Array[], g: Float64Array, H: Float64Array[]) {
  const n = g.length;
  const p = B.length;
  const gn = gamma(n + 1);
  const gr = new Float64Array(p);
  let gErr2 = 0;
  for (let a = 0; a < p; a++) {
    let s = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      s += B[a][i] * g[i];
      m += Math.abs(B[a][i] * g[i]);
    }
    gr[a] = s;
    gErr2 += (gn * m) ** 2;
  }
  // HB, then Bᵀ(HB): |fl − exact| ≤ γ(|Bᵀ||fl(HB)| + |Bᵀ||H||B|).
  const HB = B.map((b) => Float64Array.from(H, (row) => row.reduce((s, v, j) => s + v * b[j], 0)));
  const absHB = B.map((b) =>
    Float64Array.from(H, (row) => row.reduce((s, v, j) => s + Math.abs(v * b[j]), 0)),
  );
  const Hr: Float64Array[] = [];
  let hErr2 = 0;
  for (let a = 0; a < p; a++) {
    const row = new Float64Array(p);
    for (let c = 0; c < p; c++) {
      let s = 0;
      let m = 0;
      for (let i = 0; i < n; i++) {
        s += B[a][i] * HB[c][i];
        m += Math.abs(B[a][i]) * (Math.abs(HB[c][i]) + absHB[c][i]);
      }
      row[c] = s;
      hErr2 += (gn * m) ** 2;
    }
    Hr.push(row);
  }
  return { g: gr, H: Hr, gErr: up(Math.sqrt(gErr2)), hErr: up(Math.sqrt(hErr2)) };
}

/** x₀ + By for a basis B (a slice's or an invariant subspace's). */
function basisSpace(
  problem: Problem,
  support: ProofSupport,
  x0: Float64Array,
  basis: readonly Float64Array[],
): ProofSpace {
  const n = x0.length;
  const { upper: scale, lower } = basisNormBounds(basis);
  const embed = (y: Float64Array) => {
    const x = Float64Array.from(x0);
    for (let a = 0; a < basis.length; a++) for (let i = 0; i < n; i++) x[i] += basis[a][i] * y[a];
    return x;
  };
  // Each y is reduced once: the proof asks for gradient, Hessian and rounding at the same point.
  let seen: Float64Array | undefined;
  let reduced: ReturnType<typeof reduce> | undefined;
  const at = (y: Float64Array) => {
    if (!seen || !reduced || seen.length !== y.length || seen.some((v, i) => v !== y[i])) {
      const x = embed(y);
      reduced = reduce(basis, problem.gradient(x), problem.hessian!(x));
      seen = Float64Array.from(y);
    }
    return reduced;
  };
  return {
    dimension: basis.length,
    scale,
    lower,
    embed,
    gradient: (y) => at(y).g,
    hessian: (y) => at(y).H,
    rounding: (y) => {
      const model = support.roundingError(embed(y));
      const r = at(y);
      return {
        gradient: up(scale * model.gradient + r.gErr),
        hessian: up(scale * scale * model.hessian + r.hErr),
        proven: model.proven,
      };
    },
    lipschitz: (y, radius) => {
      const lip = support.hessianLipschitz(embed(y), up(scale * radius));
      return "reason" in lip ? lip : { bound: up(scale ** 3 * lip.bound) };
    },
  };
}

/** Newton with an LU solve, by newton.ts's rule (no chord: a fresh Hessian each step). */
function indefiniteNewton(space: ProofSpace, y0: Float64Array, gradTol: number) {
  const n = y0.length;
  const y = Float64Array.from(y0);
  let g = space.gradient(y);
  let gn = norm(g);
  let radius = Number.POSITIVE_INFINITY;
  for (let step = 0; step < 8; step++) {
    if (gn < gradTol) return { y, steps: step };
    const H = space.hessian(y);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a.set(H[i], i * n);
    const lu = luFactor(a, n);
    if (!lu) return undefined;
    const delta = luSolve(lu, g);
    if (step === 0) radius = 2 * norm(delta);
    for (let i = 0; i < n; i++) y[i] -= delta[i];
    let d2 = 0;
    for (let i = 0; i < n; i++) d2 += (y[i] - y0[i]) ** 2;
    if (!(Math.sqrt(d2) <= radius)) return undefined;
    g = space.gradient(y);
    const next = norm(g);
    if (!(next * 4 <= gn || next < gradTol)) return undefined;
    gn = next;
  }
  return gn < gradTol ? { y, steps: 8 } : undefined;
}

/** Polishes y = 0 in the space; keeps it when Newton declines. */
function polish(space: ProofSpace, gradTol: number) {
  const y0 = new Float64Array(space.dimension);
  const finish = newtonFinish(
    { gradient: (y, out) => out.set(space.gradient(y)), hessian: (y) => space.hessian(y) },
    y0,
    { gradTol },
  );
  if (finish.converged) return { y: finish.x, steps: finish.steps };
  if (finish.reason === "not-positive-definite") {
    const other = indefiniteNewton(space, y0, gradTol);
    if (other) return other;
  }
  return { y: y0, steps: 0 };
}

/** Kantorovich in the space at y (see proof.ts). */
function proveIn(space: ProofSpace, y: Float64Array): PointProof {
  return proveCriticalPointUnchecked({
    point: y,
    gradient: space.gradient(y),
    hessian: space.hessian(y),
    rounding: space.rounding(y),
    hessianLipschitz: (z, radius) => space.lipschitz(z, radius),
  });
}

const notProven = (reason: string): ProblemProof => ({
  certified: false,
  rounding: "estimated",
  reason,
  newtonSteps: 0,
  newtonDistance: 0,
});

/** The proof at (or, polished, near) x for any problem; not certified, with the reason, when it cannot be made. */
export function proveProblemPoint(
  problem: Problem,
  x: Float64Array = problem.point,
  options: ProveOptions = {},
): ProblemProof {
  checkProblemPoint(checkProblem(problem), x);
  checkProveOptions(options, x.length);
  if (!problem.hessian)
    return notProven(`model ${problem.model} has no exact Hessian here (the proof needs one)`);
  const support = problem.proof;
  if (!support) return notProven(`no Hessian Lipschitz bound for model ${problem.model}`);
  const slice = support.slice?.(x);
  if (slice && "reason" in slice) return notProven(slice.reason);
  if (options.subspace) {
    if (slice) return notProven("an invariant-subspace proof is not combined with the model's own slice");
    return proveInSubspace(problem, support, x, options.subspace);
  }
  const space = !slice
    ? coordinateSpace(
        problem,
        support,
        x,
        Array.from(x, (_, i) => i),
      )
    : "indices" in slice
      ? coordinateSpace(problem, support, x, slice.indices)
      : basisSpace(problem, support, x, slice.basis);
  const floor = space.rounding(new Float64Array(space.dimension)).gradient;
  const polished =
    options.polish === false
      ? { y: new Float64Array(space.dimension), steps: 0 }
      : polish(space, Math.max(2 * floor, 1e-300));
  const x1 = space.embed(polished.y);
  let d2 = 0;
  for (let i = 0; i < x.length; i++) d2 += (x1[i] - x[i]) ** 2;
  const distance = up(Math.sqrt(d2));
  const proof = proveIn(space, polished.y);
  const within = (r: number) => up(space.scale * r);
  return {
    ...proof,
    ...(proof.radius !== undefined
      ? { proofRadius: within(proof.radius), radius: up(within(proof.radius) + distance) }
      : {}),
    ...(proof.uniqueRadius !== undefined
      ? { uniqueRadius: Math.max(0, down(proof.uniqueRadius * space.lower - distance)) }
      : {}),
    newtonSteps: polished.steps,
    newtonDistance: distance,
    ...(slice ? { slice: slice.note } : {}),
  };
}

function proveInSubspace(
  problem: Problem,
  support: ProofSupport,
  x0: Float64Array,
  subspace: NonNullable<ProveOptions["subspace"]>,
): ProblemProof {
  const n = x0.length;
  if (subspace.basis.length === 0 || subspace.basis.some((b) => b.length !== n))
    return notProven(`the subspace basis needs vectors of length ${n}`);
  const space = basisSpace(problem, support, x0, subspace.basis);
  const reduced = proveIn(space, new Float64Array(space.dimension));
  const base = { newtonSteps: 0, newtonDistance: 0, slice: subspace.note };
  if (reduced.radius === undefined) return { ...reduced, ...base, certified: false };
  const radius = up(space.scale * reduced.radius);
  const lip = support.hessianLipschitz(x0, radius);
  if ("reason" in lip)
    return {
      ...base,
      certified: false,
      rounding: reduced.rounding,
      radius,
      reason: `no Hessian Lipschitz bound: ${lip.reason}`,
    };
  const threshold = up(support.roundingError(x0).hessian + up(lip.bound * radius));
  const counts = verifiedSignCounts(problem.hessian!(x0), threshold);
  const undetermined = n - counts.negative - counts.positive;
  const range: [number, number] = [counts.negative, n - counts.positive];
  const where = `a critical point lies within ${radius.toPrecision(3)} (proven in ${space.dimension} dimensions: ${subspace.note})`;
  const estimated =
    reduced.rounding === "estimated"
      ? "; the rounding errors of the model's gradient and Hessian are estimated, not proven"
      : "";
  const common = { ...base, rounding: reduced.rounding, radius, proofRadius: radius, lipschitz: lip.bound };
  if (undetermined === 0)
    return {
      ...common,
      certified: true,
      kind: counts.negative === 0 ? "strict-local-min" : "saddle",
      index: counts.negative,
      gapLower: threshold,
      reason: `${where}; its Hessian has exactly ${counts.negative} negative eigenvalue(s)${estimated}`,
    };
  if (counts.negative > 0)
    return {
      ...common,
      certified: true,
      kind: "saddle",
      indexRange: range,
      reason: `${where}; a saddle: at least ${counts.negative} negative eigenvalue(s), ${undetermined} within ±${threshold.toPrecision(3)} of zero left unsigned (index ${range[0]}…${range[1]})${estimated}`,
    };
  return {
    ...common,
    certified: false,
    indexRange: range,
    reason: `${where}, but ${undetermined} eigenvalue(s) of its Hessian within ±${threshold.toPrecision(3)} of zero leave its kind open`,
  };
}

function checkProveOptions(options: unknown, n: number): void {
  const o = objectArgument("options", options, "an object {polish?, subspace?}");
  if (o.polish !== undefined) booleanArgument("options.polish", o.polish);
  if (o.subspace === undefined) return;
  const sub = objectArgument("options.subspace", o.subspace, "an object {basis, note}");
  listArgument("options.subspace.basis", sub.basis, (field, v) => float64Argument(field, v, n));
  stringArgument("options.subspace.note", sub.note);
}
