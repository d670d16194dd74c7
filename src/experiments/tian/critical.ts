/**
 * Critical points in Tian's "M-matrix" form (docs/tian.md#critical-points-in-m-matrix-form; the author's construct_M / split).
 *
 * Projecting the stationarity condition of student unit i on each student direction e_j gives K²
 * equations that are linear in the norms:
 *
 *   Σ_k M_ij^k ‖w_k‖ = Σ_k M*_ij^k ‖w*_k‖,
 *   M_ij^k = (π − θ_ki) cos∠(e_k, e_j) + sin θ_ki cos∠(e_i, e_j),  θ_ki = ∠(e_k, e_i)   (M* with e*_k),
 *
 * and 2π·e_jᵀ(−∇_{w_i}J) = (M*‖w*‖ − M‖w‖)_ij. The diagonal rows (i = j) fix the norms,
 * ‖w‖ = M_r⁻¹ M*_r ‖w*‖; the off-diagonal rows then require L‖w*‖ = 0 with L = M*_off − M_off M_r⁻¹ M*_r.
 * For K = 2 the rows of L are L12 and L21, each a function of one teacher direction: if L12(e*_1), L12(e*_2)
 * have the same strict sign (or L21 does), no choice of norms makes the configuration critical.
 */
import { Matrix, solve } from "ml-matrix";
import { InputError } from "../../core/errors.js";
import { finiteNumber } from "../../core/validate.js";
import { angleBetween } from "../../math/angle.js";

/** Unit rows of a K×d row-major matrix (rows must be non-zero). */
export function directions(W: Float64Array, K: number, d: number): Float64Array[] {
  return Array.from({ length: K }, (_, j) => {
    const r = W.slice(j * d, (j + 1) * d);
    const n = Math.hypot(...r);
    return r.map((v) => v / n);
  });
}

function cosBetween(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return Math.max(-1, Math.min(1, s));
}

/** M[i][j][k] for student directions E and reference directions R (R = E for M, R = E* for M*). */
export function constructM(E: readonly Float64Array[], R: readonly Float64Array[]): number[][][] {
  const K = E.length;
  return Array.from({ length: K }, (_, i) =>
    Array.from({ length: K }, (_, j) =>
      R.map((rk) => {
        const th = angleBetween(rk, E[i]) ?? 0;
        return (Math.PI - th) * cosBetween(rk, E[j]) + Math.sin(th) * cosBetween(E[i], E[j]);
      }),
    ),
  );
}

/** (M*‖w*‖ − M‖w‖)_ij = 2π e_jᵀ(−∇_{w_i}J), as a K×K array. */
export function normEquationResidual(
  W: Float64Array,
  Wt: Float64Array,
  K: number,
  Ks: number,
  d: number,
): number[][] {
  const E = directions(W, K, d);
  const Et = directions(Wt, Ks, d);
  const n = Array.from({ length: K }, (_, k) => Math.hypot(...W.subarray(k * d, (k + 1) * d)));
  const nt = Array.from({ length: Ks }, (_, k) => Math.hypot(...Wt.subarray(k * d, (k + 1) * d)));
  const M = constructM(E, E);
  const Mt = constructM(E, Et);
  return M.map((Mi, i) =>
    Mi.map(
      (_, j) => Mt[i][j].reduce((s, m, k) => s + m * nt[k], 0) - M[i][j].reduce((s, m, k) => s + m * n[k], 0),
    ),
  );
}

export interface LMatrix {
  /** Row labels "ij" (i ≠ j, 1-based) in order. */
  readonly rows: string[];
  /** L[row][k]: column k depends on the teacher direction e*_k only. */
  readonly L: number[][];
  /** Norms ‖w‖ = M_r⁻¹ M*_r ‖w*‖ that the diagonal equations force, for the given teacher norms. */
  readonly norms: number[];
}

export function lMatrix(
  E: readonly Float64Array[],
  Et: readonly Float64Array[],
  teacherNorms?: readonly number[],
): LMatrix {
  const K = E.length;
  const M = constructM(E, E);
  const Mt = constructM(E, Et);
  const Mr = new Matrix(K, K);
  const Mtr = new Matrix(K, Et.length);
  for (let i = 0; i < K; i++) {
    for (let k = 0; k < K; k++) Mr.set(i, k, M[i][i][k]);
    for (let k = 0; k < Et.length; k++) Mtr.set(i, k, Mt[i][i][k]);
  }
  const X = solve(Mr, Mtr); // M_r⁻¹ M*_r, K × K*
  const rows: string[] = [];
  const L: number[][] = [];
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      if (i === j) continue;
      rows.push(`${i + 1}${j + 1}`);
      L.push(
        Et.map((_, k) => {
          let s = Mt[i][j][k];
          for (let l = 0; l < K; l++) s -= M[i][j][l] * X.get(l, k);
          return s;
        }),
      );
    }
  const nt = teacherNorms ?? Et.map(() => 1);
  const norms = Array.from({ length: K }, (_, l) => Et.reduce((s, _e, k) => s + X.get(l, k) * nt[k], 0));
  return { rows, L, norms };
}

const unit2 = (angle: number) => Float64Array.of(Math.cos(angle), Math.sin(angle));

/** L12 and L21 for K = 2 in the plane: e₁ at angle 0, e₂ at angle β, teacher direction at angle φ. */
export function l12l21(beta: number, phi: number): { L12: number; L21: number } {
  const { L } = lMatrix([unit2(0), unit2(beta)], [unit2(phi)]);
  return { L12: L[0][0], L21: L[1][0] };
}

export interface ConeScan {
  readonly betas: number;
  readonly phis: number;
  /** Grid points at least `margin` from the cone's edges (φ = 0, φ = β mod 2π). */
  readonly checked: number;
  /** Of those, how many break "L12 > 0 and L21 > 0 iff 0 < φ < β; both < 0 outside". */
  readonly mismatches: number;
  /** Optional sign grid for plotting: sign(L12) per (β, φ), rows over β. */
  readonly signL12?: number[][];
}

/** The cone characterisation of docs/tian.md#critical-points-in-m-matrix-form on a β × φ grid, β ∈ (0, π), φ ∈ (0, 2π). */
export function coneScan(spec: { betas: number; phis: number; margin?: number; grid?: boolean }): ConeScan {
  const margin = spec.margin ?? 1e-3;
  let checked = 0;
  let mismatches = 0;
  const signL12: number[][] = [];
  for (let b = 0; b < spec.betas; b++) {
    const beta = (Math.PI * (b + 1)) / (spec.betas + 1);
    const row: number[] = [];
    for (let p = 0; p < spec.phis; p++) {
      const phi = (2 * Math.PI * (p + 0.5)) / spec.phis;
      const { L12, L21 } = l12l21(beta, phi);
      row.push(Math.sign(L12));
      const edge = Math.min(phi, 2 * Math.PI - phi, Math.abs(phi - beta));
      if (edge < margin) continue;
      checked++;
      const inside = phi < beta;
      const ok = inside ? L12 > 0 && L21 > 0 : L12 < 0 && L21 < 0;
      if (!ok) mismatches++;
    }
    if (spec.grid) signL12.push(row);
  }
  return { betas: spec.betas, phis: spec.phis, checked, mismatches, ...(spec.grid ? { signL12 } : {}) };
}

export interface K2Verdict {
  readonly L12: [number, number];
  readonly L21: [number, number];
  /** True when L12 (or L21) has the same strict sign at both teacher directions: no critical point. */
  readonly criticalPointFree: boolean;
}

/** The K = 2 criterion for in-plane student directions (angles 0, β) and teacher directions (angles φ₁, φ₂). */
export function k2Criterion(beta: number, phi1: number, phi2: number): K2Verdict {
  if (!(finiteNumber("beta", beta) > 0 && beta < Math.PI))
    throw new InputError("beta", "must be in (0, π)", beta);
  finiteNumber("phi1", phi1);
  finiteNumber("phi2", phi2);
  const a = l12l21(beta, phi1);
  const b = l12l21(beta, phi2);
  const same = (x: number, y: number) => (x > 0 && y > 0) || (x < 0 && y < 0);
  return {
    L12: [a.L12, b.L12],
    L21: [a.L21, b.L21],
    criticalPointFree: same(a.L12, b.L12) || same(a.L21, b.L21),
  };
}
