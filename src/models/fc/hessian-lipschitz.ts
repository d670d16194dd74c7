/**
 * A Lipschitz constant of the Hessian of the two-layer ReLU network's population loss
 * J(W) = ½E[(Σ_j a_j σ(w_jᵀx) − Σ_k a*_k σ(w*_kᵀx))²], x ~ N(0, I_d), in W (top weights fixed) on a
 * ball B(W₀, R): ‖∇²J(W) − ∇²J(W')‖₂ ≤ L_H‖W − W'‖ for W, W' in the ball. docs/proofs.md derives it;
 * in short:
 *
 * J is a sum of pair terms a_j a_k k(w_j, w_k) (student pairs j < k), a_j²‖w_j‖²/4 (a constant
 * Hessian) and −a_j a*_k k(w_j, w*_k). The Hessian blocks of k are R(u, v) = ∂²k/∂u² and
 * Q(u, v) = ∂²k/∂u∂v (pair-kernel.ts), and on segments that keep ‖u‖, ‖v‖ > 0
 *   ‖∂_u R(u, v)‖ ≤ C_RU·‖v‖/‖u‖²,   ‖∂_v R(u, v)‖ ≤ C_RV/‖u‖,   ‖∂_u Q‖ ≤ C_Q/‖u‖,   ‖∂_v Q‖ ≤ C_Q/‖v‖,
 * with C_RU = 5/(2√3π) (the sharp value is ≈ 2.597/(2π)), C_RV = C_Q = 1/π (sharp). These hold across
 * θ = 0 and θ = π too, where R and Q are Lipschitz but not differentiable: the loss is C^{2,1}, not C³.
 * On the ball every ‖w_j‖ lies in [ρ_j, M_j] = [‖w_j⁰‖ − R, ‖w_j⁰‖ + R], and ρ_j > 0 is required (a
 * zero unit is the loss's singular point). Writing δ_j = ‖w_j − w_j'‖ and s_j = ‖z_j‖² for a unit test
 * vector z, each pair term's Hessian change contributes at most (its block bounds, linear in δ)·(s_j + s_k)
 * to |zᵀ(∇²J(W) − ∇²J(W'))z| (2√(s_j s_k) ≤ s_j + s_k for the off-diagonal block). The total is linear
 * in s, so its maximum over Σ s_j = 1 is at some s = e_i, and then linear in δ, so its maximum over
 * ‖δ‖ ≤ ‖W − W'‖ is the norm of the coefficient vector c⁽ⁱ⁾:
 *   c⁽ⁱ⁾_i = Σ_{k≠i} |a_i a_k|(C_RU·M_k/ρ_i² + C_Q/ρ_i) + Σ_k |a_i a*_k|·C_RU·‖w*_k‖/ρ_i²,
 *   c⁽ⁱ⁾_k = |a_i a_k|(C_RV/ρ_i + C_Q/ρ_k)   (k ≠ i),
 * and L_H = max_i ‖c⁽ⁱ⁾‖. Leaky ReLU, σ = αx + (1 − α)relu, differs from ReLU's k by (1 − α)²·k plus a
 * bilinear term with a constant Hessian, so its L_H is (1 − α)² times ReLU's.
 */
import type { LipschitzResult } from "../problem.js";
import type { FcNetwork } from "./network.js";
import { rowNorms } from "./network.js";

/** ‖∂_u R(u, v)‖ ≤ C_RU·‖v‖/‖u‖². */
export const C_RU = 5 / (2 * Math.sqrt(3) * Math.PI);
/** ‖∂_v R(u, v)‖ ≤ C_RV/‖u‖. */
export const C_RV = 1 / Math.PI;
/** ‖∂_u Q(u, v)‖ ≤ C_Q/‖u‖ and ‖∂_v Q(u, v)‖ ≤ C_Q/‖v‖. */
export const C_Q = 1 / Math.PI;

/** Widening of the computed bound against its own rounding (a sum of O(K²) positive terms). */
const SLACK = 1e-9;

export interface FcLipschitzInput {
  readonly teacher: FcNetwork;
  /** The ball's centre: the student's W (K × d, row-major) and its fixed top weights. */
  readonly W: ArrayLike<number>;
  readonly a: ArrayLike<number>;
  readonly K: number;
  readonly radius: number;
  /** The activation's factor: 1 for ReLU, (1 − α)² for leaky ReLU. */
  readonly scale: number;
}

/** L_H of the ReLU network's population Hessian in W on B(W, radius) (see the file's comment). */
export function fcHessianLipschitz(input: FcLipschitzInput): LipschitzResult {
  const { teacher, W, a, K, radius, scale } = input;
  const d = teacher.d;
  const norms = rowNorms(Float64Array.from(W), K, d);
  const teacherNorms = rowNorms(teacher.W, teacher.K, d);
  const rho = new Float64Array(K);
  const big = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    rho[j] = norms[j] - radius;
    big[j] = norms[j] + radius;
    if (!(rho[j] > 0))
      return {
        reason: `the ball of radius ${radius.toPrecision(3)} reaches w_${j} = 0 (‖w_${j}‖ = ${norms[j].toPrecision(3)}), where the loss is not twice differentiable`,
      };
  }
  let teacherSum = 0;
  for (let k = 0; k < teacher.K; k++) teacherSum += Math.abs(teacher.a[k]) * teacherNorms[k];
  let best = 0;
  for (let i = 0; i < K; i++) {
    const ai = Math.abs(a[i]);
    const ri = rho[i];
    let own = (ai * C_RU * teacherSum) / (ri * ri);
    let others = 0;
    for (let k = 0; k < K; k++) {
      if (k === i) continue;
      const c = ai * Math.abs(a[k]);
      own += c * ((C_RU * big[k]) / (ri * ri) + C_Q / ri);
      const off = c * (C_RV / ri + C_Q / rho[k]);
      others += off * off;
    }
    best = Math.max(best, Math.sqrt(own * own + others));
  }
  return { bound: best * scale * (1 + SLACK) };
}
