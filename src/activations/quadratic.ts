import type { Activation } from "./activation.js";

export const quadratic: Activation = {
  name: "quadratic",
  formula: "σ(x) = x²",
  value: (x) => x * x,
  d1: (x) => 2 * x,
  d2: () => 2,
  d3: () => 0,
  smooth: true,
  theoremCondition: true,
  suggestedPoint: 1,
  note: "σ'' ≡ 2, so the construction (with biases) applies; whether the paper covers polynomials is not known",
};
