/**
 * The first-order pair quantities (`PairKernel.first`) of a smooth activation (no kinks), by the
 * trapezoidal rule on the real line:
 *   k = E[σ(a u)σ(b v)],  cv = E[σ'(a u)σ'(b v)],  cw = E[σ''(a u)σ(b v)],   v = ρu + s·t, t ⟂ u.
 *
 * Why not Gauss–Hermite: σ(a u) for tanh has poles at u = ±iπ/(2a), and a fixed Hermite rule loses
 * accuracy fast as the scale grows (order 128: 2e-11 at a = 1, 3e-5 at a = 2, 2e-3 at a = 3). The
 * trapezoidal rule with step h on a Gaussian-weighted integrand analytic in the strip |Im u| < δ
 * converges like exp(−2πδ/h), so a step proportional to 1/scale keeps the error fixed at every scale:
 * h = H/max(1, scale) per variable, with scale max(a, b|ρ|) for u and b·s for t. For tanh (δ = π/2 at
 * scale 1; triple pole in σ'') H = 0.25 gives exp(−π²/H) ≈ 7e-18 times the pole's weight, measured
 * 8e-13 against H = 0.1; σ with a wider strip take a larger H (kernels.ts picks H per σ). erf matches
 * its closed form (2/π)·asin(2ab·ρ/√((1+2a²)(1+2b²))) to 1e-13 (tested). The Gaussian is cut at
 * |u|, |t| ≤ 9.5 (mass beyond: 2e-21). Cost: (2·9.5·max(1, scale)/H)² grid points, one pass serving
 * all three expectations (σ and σ' at each inner node are computed once).
 */
import type { Activation } from "../../activations/activation.js";
import type { PairAngle, PairFirst } from "./pair-kernel.js";

/** H for σ with poles at distance π/2 from the real axis (tanh), the narrowest strip among ours. */
export const DEFAULT_UNIT_STEP = 0.25;
const CUTOFF = 9.5;
const INV_SQRT_2PI = 0.3989422804014327;

/** The trapezoid's step and half-count of nodes for an integrand of this scale. */
function grid(unitStep: number, scale: number): { h: number; m: number } {
  const h = unitStep / Math.max(1, scale);
  return { h, m: Math.ceil(CUTOFF / h) };
}

/** Trapezoid nodes and weights (h·φ(x)) on [−CUTOFF, CUTOFF] for the scale of the integrand in x. */
function trapezoid(unitStep: number, scale: number, nodes: Float64Array, weights: Float64Array): number {
  const { h, m } = grid(unitStep, scale);
  const n = 2 * m + 1;
  for (let i = 0; i < n; i++) {
    const x = (i - m) * h;
    nodes[i] = x;
    weights[i] = h * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }
  return n;
}

/**
 * Largest scale served: the grid has (2·9.5·scale/H)² points (2.3 million per pair at 20, ~0.1 s), so
 * weights beyond this norm stop gradient descent as "out-of-range" (kernels.ts sets `maxNorm`).
 */
export const MAX_SMOOTH_SCALE = 20;

/** `unitStep` is H: the step at scale ≤ 1 (see the header for the choice per σ). */
export function smoothPairFirst(
  activation: Activation,
  unitStep = DEFAULT_UNIT_STEP,
): (normW: number, normV: number, angle: PairAngle, out: PairFirst) => void {
  const { value, d1, d2 } = activation;
  let capacity = 0;
  let uNodes = new Float64Array(0);
  let uWeights = new Float64Array(0);
  let tNodes = new Float64Array(0);
  let tWeights = new Float64Array(0);
  return (normW, normV, angle, out) => {
    const rho = Math.min(1, Math.max(-1, angle.cos));
    const s = angle.sin;
    const uScale = Math.max(normW, normV * Math.abs(rho));
    const tScale = normV * s;
    const top = Math.max(uScale, tScale);
    if (!(top <= MAX_SMOOTH_SCALE)) {
      // Beyond the served range (or not finite): non-finite values, never a silently coarse grid.
      out.k = Number.NaN;
      out.cw = Number.NaN;
      out.cv = Number.NaN;
      return;
    }
    const need = 2 * grid(unitStep, top).m + 1;
    if (need > capacity) {
      capacity = need;
      uNodes = new Float64Array(need);
      uWeights = new Float64Array(need);
      tNodes = new Float64Array(need);
      tWeights = new Float64Array(need);
    }
    const nu = trapezoid(unitStep, uScale, uNodes, uWeights);
    // Aligned pairs (s = 0, e.g. a unit with itself): v = ±u, the inner expectation is g itself.
    const nt = s === 0 ? 0 : trapezoid(unitStep, tScale, tNodes, tWeights);
    let k = 0;
    let cv = 0;
    let cw = 0;
    const spread = normV * s;
    for (let i = 0; i < nu; i++) {
      const u = uNodes[i];
      const centre = normV * rho * u;
      let g0 = nt === 0 ? value(centre) : 0;
      let g1 = nt === 0 ? d1(centre) : 0;
      for (let j = 0; j < nt; j++) {
        const y = centre + spread * tNodes[j];
        const wj = tWeights[j];
        g0 += wj * value(y);
        g1 += wj * d1(y);
      }
      const x = normW * u;
      const wi = uWeights[i];
      k += wi * value(x) * g0;
      cv += wi * d1(x) * g1;
      cw += wi * d2(x) * g0;
    }
    out.k = k;
    out.cv = cv;
    out.cw = cw;
  };
}
