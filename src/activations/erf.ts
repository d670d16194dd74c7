/**
 * The error function (as an activation and as a special function for GELU).
 *
 * erf by the all-positive series erf(x) = (2/√π) e^{−x²} Σ 2ⁿ x^{2n+1}/(1·3···(2n+1)) for
 * |x| < 2.5 (no cancellation, full relative precision); erfc by its continued fraction (modified
 * Lentz) for |x| ≥ 2.5, so the tails keep full relative precision down to underflow.
 */
import type { Activation } from "./activation.js";

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_PI = 0.5641895835477563;
const SERIES_LIMIT = 2.5;

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let total = x;
  for (let n = 0; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 3);
    total += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(total)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * total;
}

/** erfc(x) for x ≥ SERIES_LIMIT: e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Math.abs(x) < SERIES_LIMIT) return erfSeries(x);
  const tail = erfcContinuedFraction(Math.abs(x));
  return x > 0 ? 1 - tail : tail - 1;
}

/** 1 − erf(x), accurate in relative terms for large positive x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x >= SERIES_LIMIT) return erfcContinuedFraction(x);
  if (x <= -SERIES_LIMIT) return 2 - erfcContinuedFraction(-x);
  return 1 - erfSeries(x);
}

const slope = (x: number) => TWO_OVER_SQRT_PI * Math.exp(-x * x);

export const erfActivation: Activation = {
  name: "erf",
  formula: "σ(x) = erf(x)",
  value: erf,
  d1: slope,
  d2: (x) => -2 * x * slope(x),
  d3: (x) => (4 * x * x - 2) * slope(x),
  smooth: true,
  theoremCondition: true,
  suggestedPoint: -0.5,
  note: "σ'' = −(4x/√π) e^{−x²} > 0 for x < 0",
  // |σ''| = (4/√π)|x|e^{−x²} peaks at x² = 1/2; |σ'''| = (2/√π)|4x² − 2|e^{−x²} peaks at x = 0.
  derivativeBounds: {
    value: 1,
    d1: 2 / Math.sqrt(Math.PI),
    d2: (2 * Math.SQRT2 * Math.exp(-0.5)) / Math.sqrt(Math.PI),
    d3: 4 / Math.sqrt(Math.PI),
  },
};
