import type { Activation } from "./activation.js";

/** The slope for x < 0. */
export const LEAKY_RELU_SLOPE = 0.01;

export const leakyRelu: Activation = {
  name: "leaky-relu",
  formula: `σ(x) = x (x > 0), ${LEAKY_RELU_SLOPE}·x (x ≤ 0)`,
  value: (x) => (x > 0 ? x : LEAKY_RELU_SLOPE * x),
  d1: (x) => (x > 0 ? 1 : LEAKY_RELU_SLOPE),
  d2: () => 0,
  d3: () => 0,
  smooth: false,
  kinks: [0],
  theoremCondition: false,
  suggestedPoint: undefined,
  note: "piecewise linear: σ'' = 0 wherever it exists (bad minima for it come from other work, e.g. He et al. 2020)",
};
