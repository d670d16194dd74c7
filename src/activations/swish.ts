import type { Activation } from "./activation.js";
import { logistic, logisticCurvature, logisticSlope, logisticThird } from "./logistic.js";

/** Swish / SiLU: x·s(x). Derivatives by Leibniz: (x s)^(k) = k s^(k−1) + x s^(k). */
export const swish: Activation = {
  name: "swish",
  formula: "σ(x) = x/(1+e^{−x})  (SiLU)",
  value: (x) => x * logistic(x),
  d1: (x) => logistic(x) + x * logisticSlope(x),
  d2: (x) => 2 * logisticSlope(x) + x * logisticCurvature(x),
  d3: (x) => 3 * logisticCurvature(x) + x * logisticThird(x),
  smooth: true,
  theoremCondition: true,
  suggestedPoint: 0,
  note: "σ''(0) = 1/2 and σ'(0) = 1/2, so a = 0 works even without biases",
};
