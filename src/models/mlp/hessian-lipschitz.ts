/**
 * A bound on the Lipschitz constant of the mlp loss's Hessian on a ball (docs/proofs.md#the-mlp),
 * from the suprema of |σ|, |σ'|, |σ''|, |σ'''| over ℝ (activations/*: `derivativeBounds`).
 *
 * For ‖H(y) − H(z)‖₂ ≤ L_H‖y − z‖ it suffices that |D³L(θ)[u, u, u]| ≤ L_H for every unit u and every θ
 * in the ball (a symmetric trilinear form's norm is attained on the diagonal). With L = ½Σᵢ rᵢ²,
 * rᵢ = f(xᵢ) − yᵢ, along θ + tu:  (½r²)''' = 3r'r'' + r r'''.  The t-derivatives of the layers obey
 *   z' = U h + c + W h',  z'' = 2U h' + W h'',  z''' = 3U h'' + W h''',
 *   h' = σ'z',  h'' = σ''z'² + σ'z'',  h''' = σ'''z'³ + 3σ''z'z'' + σ'z''',
 * (U, c the direction's part in W, b of the layer) and f = vᵀh_H + b₀ gives f' = u_vᵀh + vᵀh' + u_b,
 * f'' = 2u_vᵀh' + vᵀh'', f''' = 3u_vᵀh'' + vᵀh'''. Bounding each norm by the triangle inequality,
 * ‖Uh + c‖ ≤ √(‖h‖² + 1) for ‖(U, c)‖ ≤ 1, ‖a ⊙ b‖ ≤ ‖a‖‖b‖, ‖W‖₂ ≤ ‖W₀‖_F + R on the ball, and
 * |rᵢ| ≤ |rᵢ(θ₀)| + R·sup|f'| (mean value), gives the recursion below: valid for every θ in the ball,
 * loose by the products of norms it takes.
 */
import type { DerivativeBounds } from "../../activations/activation.js";
import type { LipschitzResult } from "../problem.js";
import type { Mlp, MlpData } from "./network.js";

/** Relative slack for the rounding of the bound's own few hundred positive operations. */
const SLACK = 1e-9;

function blockNorm(x: Float64Array, start: number, length: number): number {
  let s = 0;
  for (let i = start; i < start + length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** sup over the ball of |f'|, |f''|, |f'''| along unit directions, for one input x (see the file's comment). */
export function mlpOutputDerivativeBounds(
  net: Mlp,
  theta: Float64Array,
  x: Float64Array,
  radius: number,
  bounds: DerivativeBounds,
): readonly [number, number, number] {
  const { d1: s1, d2: s2, d3: s3 } = bounds;
  let h = blockNorm(x, 0, x.length);
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  for (let l = 1; l <= net.depth; l++) {
    const dOut = net.sizes[l];
    const w = blockNorm(theta, net.weightOffsets[l - 1], dOut * net.sizes[l - 1]) + radius;
    const b = blockNorm(theta, net.biasOffsets[l - 1], dOut) + radius;
    const q1 = Math.sqrt(h * h + 1) + w * p1;
    const q2 = 2 * p1 + w * p2;
    const q3 = 3 * p2 + w * p3;
    p1 = s1 * q1;
    p2 = s2 * q1 * q1 + s1 * q2;
    p3 = s3 * q1 * q1 * q1 + 3 * s2 * q1 * q2 + s1 * q3;
    // ‖σ(z)‖ ≤ √d·|σ(0)| + sup|σ'|·‖z‖, and ≤ √d·sup|σ|.
    const sigma0 = Math.abs(net.architecture.activation.value(0));
    const z = w * h + b;
    h = Math.min(Math.sqrt(dOut) * bounds.value, Math.sqrt(dOut) * sigma0 + s1 * z);
  }
  const v = blockNorm(theta, net.outputWeightOffset, net.sizes[net.depth]) + radius;
  return [Math.sqrt(h * h + 1) + v * p1, 2 * p1 + v * p2, 3 * p2 + v * p3];
}

/** L_H of the mlp loss on the ball of `radius` about θ, or why there is none. */
export function mlpHessianLipschitz(
  net: Mlp,
  data: MlpData,
  theta: Float64Array,
  radius: number,
): LipschitzResult {
  const activation = net.architecture.activation;
  const bounds = activation.derivativeBounds;
  if (!bounds)
    return {
      reason: `no Hessian Lipschitz bound for model mlp with activation ${activation.name} (it needs closed-form suprema of |σ'|, |σ''|, |σ'''|: sigmoid, tanh, softplus, erf and linear have them)`,
    };
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const [f1, f2, f3] = mlpOutputDerivativeBounds(net, theta, data.x[i], radius, bounds);
    const residual = Math.abs(net.output(theta, data.x[i]) - data.y[i]) + radius * f1;
    total += 3 * f1 * f2 + residual * f3;
  }
  if (!Number.isFinite(total))
    return { reason: "the Hessian Lipschitz bound overflowed (weights or data too large)" };
  return { bound: total * (1 + SLACK) };
}
