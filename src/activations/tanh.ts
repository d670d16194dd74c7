import type { Activation } from "./activation.js";

/** sech²(x) = 4e^{−2|x|}/(1+e^{−2|x|})², exact where 1 − tanh² would cancel. */
function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  return (4 * e) / ((1 + e) * (1 + e));
}

export const tanh: Activation = {
  name: "tanh",
  formula: "σ(x) = tanh x",
  value: Math.tanh,
  d1: sech2,
  d2: (x) => -2 * Math.tanh(x) * sech2(x),
  d3: (x) => {
    const s = sech2(x);
    const t = Math.tanh(x);
    return s * (4 * t * t - 2 * s);
  },
  smooth: true,
  theoremCondition: true,
  suggestedPoint: -0.7,
  note: "σ'' = −2 tanh·sech² > 0 for x < 0 (zero at 0, so bias-free variants fail)",
  // With t = tanh x: |σ''| = 2|t|(1−t²) peaks at t² = 1/3; σ''' = (1−t²)(6t²−2) peaks in size at t = 0.
  derivativeBounds: { value: 1, d1: 1, d2: 4 / (3 * Math.sqrt(3)), d3: 2 },
};
