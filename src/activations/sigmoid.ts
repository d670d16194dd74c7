import type { Activation } from "./activation.js";
import { logistic, logisticCurvature, logisticSlope, logisticThird } from "./logistic.js";

export const sigmoid: Activation = {
  name: "sigmoid",
  formula: "σ(x) = 1/(1+e^{−x})",
  value: logistic,
  d1: logisticSlope,
  d2: logisticCurvature,
  d3: logisticThird,
  smooth: true,
  theoremCondition: true,
  suggestedPoint: -1,
  note: "σ'' = σ(1−σ)(1−2σ) > 0 for x < 0 (zero at 0); the classical Yu–Chen target the paper refutes",
  // With p = σ(1−σ) ≤ 1/4: |σ''| = p√(1−4p) peaks at p = 1/6, |σ'''| = |p(1−6p)| at p = 1/4.
  derivativeBounds: { value: 1, d1: 0.25, d2: 1 / (6 * Math.sqrt(3)), d3: 0.125 },
};
