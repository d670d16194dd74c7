/**
 * Leaky ReLU σ(x) = αx + (1 − α)·relu(x) in closed form, from the ReLU pair expectations: by Stein's
 * lemma E[wᵀx·relu(vᵀx)] = wᵀv/2, so the cross terms collapse and
 *   k_α(w, v) = α·wᵀv + (1 − α)²·k(w, v),
 *   T_α(w, v) = ∂k_α/∂w = α·v + (1 − α)²·T(w, v)   (cw scales, cv gains α),
 *   Q_α = α·I + (1 − α)²·Q,   R_α = (1 − α)²·R.
 * A zero unit follows ReLU's convention (it contributes nothing).
 */
import { LEAKY_RELU_SLOPE } from "../../activations/leaky-relu.js";
import type { PairAngle, PairFirst, PairKernel, PairSecond } from "./pair-kernel.js";
import { reluPairKernel } from "./relu-kernel.js";

export function leakyReluPairKernel(alpha = LEAKY_RELU_SLOPE): PairKernel {
  const c = (1 - alpha) * (1 - alpha);
  return {
    activation: "leaky-relu",
    first(normW: number, normV: number, angle: PairAngle, out: PairFirst): void {
      reluPairKernel.first(normW, normV, angle, out);
      out.k = alpha * normW * normV * angle.cos + c * out.k;
      out.cw = c * out.cw;
      out.cv = alpha + c * out.cv;
    },
    second(normW: number, normV: number, angle: PairAngle, out: PairSecond): void {
      reluPairKernel.second?.(normW, normV, angle, out);
      out.qI = alpha + c * out.qI;
      out.q11 *= c;
      out.q12 *= c;
      out.q22 *= c;
      out.rI *= c;
      out.r11 *= c;
      out.r12 *= c;
      out.r22 *= c;
    },
  };
}
