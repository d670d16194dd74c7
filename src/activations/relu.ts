import type { Activation } from "./activation.js";

export const relu: Activation = {
  name: "relu",
  formula: "σ(x) = max(x, 0)",
  value: (x) => (x > 0 ? x : 0),
  d1: (x) => (x > 0 ? 1 : 0),
  d2: () => 0,
  d3: () => 0,
  smooth: false,
  kinks: [0],
  theoremCondition: false,
  suggestedPoint: undefined,
  note: "piecewise linear: σ'' = 0 wherever it exists (bad minima for ReLU come from other work, e.g. He et al. 2020)",
};
