import type { Activation } from "./activation.js";
import { logistic, logisticCurvature, logisticSlope } from "./logistic.js";

export const softplus: Activation = {
  name: "softplus",
  formula: "σ(x) = log(1+e^x)",
  // max(x,0) + log1p(e^{−|x|}): no overflow for large x, full precision for very negative x.
  value: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  d1: logistic,
  d2: logisticSlope,
  d3: logisticCurvature,
  smooth: true,
  theoremCondition: true,
  suggestedPoint: 0.5,
  note: "σ'' = s(1−s) > 0 everywhere, so every point qualifies",
  // σ' is the logistic function: its bounds shifted by one derivative (sigmoid.ts).
  derivativeBounds: { value: Number.POSITIVE_INFINITY, d1: 1, d2: 0.25, d3: 1 / (6 * Math.sqrt(3)) },
};
