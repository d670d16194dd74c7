/**
 * The proof of a critical point (proof.ts) for a point of any `Problem`: the model supplies its exact
 * Hessian and its `proof` support (models/problem.ts: the Hessian's Lipschitz bound on a ball, the
 * rounding errors, and optionally a slice across continuous symmetries).
 *
 * Polish. A point given to a few digits (a stored end point, a JSON file) is first polished by
 * Newton's method, on the slice: the Newton finish of train/newton.ts where the Hessian is positive
 * definite, otherwise the same rule (each step shrinks the gradient 4-fold and stays within twice the
 * first step) with an LU solve. The proof is made at the polished point x₁ (`proofRadius`) and
 * restated about the given x₀ (`radius` = ‖x₁ − x₀‖ + r).
 *
 * Invariant subspace. A degenerate critical point (zero Hessian eigenvalues, e.g. where units
 * coincide) has no proof in the whole space, but may have one in an affine subspace x₀ + span B that
 * the gradient maps into span B, such as the fixed points of a symmetry group of coordinate
 * permutations (symmetric criticality). Kantorovich in the coordinates y of x₀ + By (gradient Bᵀ∇L,
 * Hessian BᵀHB, Lipschitz constant ‖B‖³L_H) gives x* with Bᵀ∇L(x*) = 0, hence ∇L(x*) = 0. Its kind is
 * then read from the full Hessian: eigenvalues proven beyond ±(ε_H + L_H‖x* − x₀‖) keep their sign
 * at x* (Weyl); those within may be zero, so the index may be a range. The caller vouches for the
 * invariance (the note says whose symmetry it is); no polish is done there.
 */
import { luFactor, luSolve } from "../math/lu.js";
import { gamma, verifiedSignCounts } from "../math/verified-inertia.js";
import type { Problem, ProofSupport } from "../models/problem.js";
import { newtonFinish } from "../train/newton.js";
import { type PointProof, proveCriticalPoint } from "./proof.js";

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

/** The problem restricted to `free` coordinates, the others held at x₀'s values. */
function sliceOf(problem: Problem, x0: Float64Array, free: readonly number[]) {
  const all = free.length === x0.length;
  const embed = (xs: Float64Array): Float64Array => {
    if (all) return xs;
    const x = Float64Array.from(x0);
    free.forEach((i, p) => {
      x[i] = xs[p];
    });
    return x;
  };
  const restrict = (v: Float64Array) => (all ? v : Float64Array.from(free, (i) => v[i]));
  const hessian = problem.hessian!.bind(problem);
  return {
    embed,
    restrict,
    gradient: (xs: Float64Array) => restrict(problem.gradient(embed(xs))),
    hessian: (xs: Float64Array): Float64Array[] => {
      const H = hessian(embed(xs));
      return all ? H : free.map((i) => Float64Array.from(free, (j) => H[i][j]));
    },
  };
}

/** Newton with an LU solve, by newton.ts's rule (no chord: a fresh Hessian each step). */
function indefiniteNewton(
  gradient: (x: Float64Array) => Float64Array,
  hessian: (x: Float64Array) => Float64Array[],
  x0: Float64Array,
  gradTol: number,
): { x: Float64Array; steps: number } | undefined {
  const n = x0.length;
  const x = Float64Array.from(x0);
  let g = gradient(x);
  let gn = norm(g);
  let radius = Number.POSITIVE_INFINITY;
  for (let step = 0; step < 8; step++) {
    if (gn < gradTol) return { x, steps: step };
    const H = hessian(x);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a.set(H[i], i * n);
    const lu = luFactor(a, n);
    if (!lu) return undefined;
    const delta = luSolve(lu, g);
    if (step === 0) radius = 2 * norm(delta);
    for (let i = 0; i < n; i++) x[i] -= delta[i];
    let d2 = 0;
    for (let i = 0; i < n; i++) d2 += (x[i] - x0[i]) ** 2;
    if (!(Math.sqrt(d2) <= radius)) return undefined;
    g = gradient(x);
    const next = norm(g);
    if (!(next * 4 <= gn || next < gradTol)) return undefined;
    gn = next;
  }
  return gn < gradTol ? { x, steps: 8 } : undefined;
}

/** Polishes xs₀ on the slice; returns it unchanged when Newton declines. */
function polishPoint(slice: ReturnType<typeof sliceOf>, xs0: Float64Array, gradTol: number) {
  const finish = newtonFinish(
    {
      gradient: (x, out) => out.set(slice.gradient(x)),
      hessian: (x) => slice.hessian(x),
    },
    xs0,
    { gradTol },
  );
  if (finish.converged) return { x: finish.x, steps: finish.steps };
  if (finish.reason === "not-positive-definite") {
    const other = indefiniteNewton(slice.gradient, slice.hessian, xs0, gradTol);
    if (other) return other;
  }
  return { x: xs0, steps: 0 };
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
  if (!problem.hessian)
    return notProven(`model ${problem.model} has no exact Hessian here (the proof needs one)`);
  const support = problem.proof;
  if (!support) return notProven(`no Hessian Lipschitz bound for model ${problem.model}`);
  if (options.subspace) return proveInSubspace(problem, support, x, options.subspace);
  const free = support.freeCoordinates?.(x) ?? { indices: Array.from(x, (_, i) => i), note: undefined };
  if ("reason" in free) return notProven(free.reason);
  const slice = sliceOf(problem, x, free.indices);
  const xs0 = slice.restrict(x);
  const floor = support.roundingError(x).gradient;
  const polished =
    options.polish === false ? { x: xs0, steps: 0 } : polishPoint(slice, xs0, Math.max(2 * floor, 1e-300));
  const x1 = slice.embed(polished.x);
  let d2 = 0;
  for (let i = 0; i < x.length; i++) d2 += (x1[i] - x[i]) ** 2;
  const distance = up(Math.sqrt(d2));
  const proof = proveCriticalPoint({
    point: polished.x,
    gradient: slice.gradient(polished.x),
    hessian: slice.hessian(polished.x),
    rounding: support.roundingError(x1),
    hessianLipschitz: (xs, radius) => support.hessianLipschitz(slice.embed(xs), radius),
  });
  const moved = distance > 0;
  return {
    ...proof,
    ...(proof.radius !== undefined
      ? { proofRadius: proof.radius, radius: moved ? up(proof.radius + distance) : proof.radius }
      : {}),
    ...(proof.uniqueRadius !== undefined
      ? { uniqueRadius: moved ? Math.max(0, down(proof.uniqueRadius - distance)) : proof.uniqueRadius }
      : {}),
    newtonSteps: polished.steps,
    newtonDistance: distance,
    ...(free.note ? { slice: free.note } : {}),
  };
}

/** Column sums of squares and cross products: an upper bound on ‖B‖ from ‖BᵀB − I‖_F. */
function basisNormBound(basis: readonly Float64Array[]): number {
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
  return up(Math.sqrt(1 + up(Math.sqrt(off2))));
}

function proveInSubspace(
  problem: Problem,
  support: ProofSupport,
  x0: Float64Array,
  subspace: NonNullable<ProveOptions["subspace"]>,
): ProblemProof {
  const B = subspace.basis;
  const n = x0.length;
  if (support.freeCoordinates?.(x0))
    return notProven("an invariant-subspace proof is not combined with the model's own slice");
  if (B.length === 0 || B.some((b) => b.length !== n))
    return notProven(`the subspace basis needs vectors of length ${n}`);
  const p = B.length;
  const gn = gamma(n + 1);
  const bNorm = basisNormBound(B);
  const g = problem.gradient(x0);
  const H = problem.hessian!(x0);
  const rounding = support.roundingError(x0);
  // Bᵀg with its rounding.
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
  // BᵀHB with its rounding: HB then Bᵀ(HB), γ_{n+1} each, |Bᵀ||fl(HB)| + |Bᵀ||H||B|.
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
  const embed = (y: Float64Array) => {
    const x = Float64Array.from(x0);
    for (let a = 0; a < p; a++) for (let i = 0; i < n; i++) x[i] += B[a][i] * y[a];
    return x;
  };
  const reduced = proveCriticalPoint({
    point: new Float64Array(p),
    gradient: gr,
    hessian: Hr,
    rounding: {
      gradient: up(bNorm * rounding.gradient + Math.sqrt(gErr2)),
      hessian: up(bNorm * bNorm * rounding.hessian + Math.sqrt(hErr2)),
      proven: rounding.proven,
    },
    hessianLipschitz: (y, radius) => {
      const lip = support.hessianLipschitz(embed(y), up(bNorm * radius));
      return "reason" in lip ? lip : { bound: up(bNorm ** 3 * lip.bound) };
    },
  });
  const base = { newtonSteps: 0, newtonDistance: 0, slice: subspace.note };
  if (reduced.radius === undefined) return { ...reduced, ...base, certified: false };
  const radius = up(bNorm * reduced.radius);
  const lip = support.hessianLipschitz(x0, radius);
  if ("reason" in lip)
    return {
      ...base,
      certified: false,
      rounding: reduced.rounding,
      radius,
      reason: `no Hessian Lipschitz bound: ${lip.reason}`,
    };
  const threshold = up(rounding.hessian + up(lip.bound * radius));
  const counts = verifiedSignCounts(H, threshold);
  const undetermined = n - counts.negative - counts.positive;
  const range: [number, number] = [counts.negative, n - counts.positive];
  const where = `a critical point lies within ${radius.toPrecision(3)} (proven in ${p} dimensions: ${subspace.note})`;
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
