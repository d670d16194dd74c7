import type { Activation } from "./activation.js";
import { erfc } from "./erf.js";

const INV_SQRT_2PI = 0.3989422804014327;

/** Φ(x) = ½ erfc(−x/√2): full relative precision in the left tail. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Exact GELU x·Φ(x) (not the tanh approximation). Derivatives: Φ + xφ, φ(2 − x²), φ(x³ − 4x). */
export const gelu: Activation = {
  name: "gelu",
  formula: "σ(x) = x·Φ(x)",
  value: (x) => x * normalCdf(x),
  d1: (x) => normalCdf(x) + x * normalPdf(x),
  d2: (x) => normalPdf(x) * (2 - x * x),
  d3: (x) => normalPdf(x) * (x * x * x - 4 * x),
  smooth: true,
  theoremCondition: true,
  suggestedPoint: 0,
  note: "σ''(0) = 2φ(0) ≈ 0.80 and σ'(0) = 1/2",
};
