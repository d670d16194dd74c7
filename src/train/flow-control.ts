/**
 * Step control of gradient flow (train/gradient-flow.ts): the weighted error norm that accepts or
 * rejects a step, Hairer's choice of the first step, and the two estimates of the largest curvature
 * that decide when the flow is stiff (a power iteration riding along the explicit steps on gradient
 * differences, and one on the exact Hessian for the implicit steps).
 */
import { DORMAND_PRINCE_ERROR_ORDER } from "./dormand-prince.js";

/** RMS of err_i / (atol + rtol·max(|y_i|, |z_i|)); NaN when anything is not finite. */
export function errorNorm(
  err: Float64Array,
  y: Float64Array,
  z: Float64Array,
  rtol: number,
  atol: number,
): number {
  let s = 0;
  for (let i = 0; i < err.length; i++) {
    const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(z[i]));
    s += (err[i] / scale) ** 2;
  }
  return err.length === 0 ? 0 : Math.sqrt(s / err.length);
}

/**
 * One step of a power iteration for the largest |eigenvalue| of H(x) that rides along the run: Hv by
 * a difference of gradients (one gradient), v ← Hv/‖Hv‖, and ‖Hv‖ returned. H changes slowly from
 * step to step, so the estimate settles on λ_max within a few tens of steps.
 */
export function powerStep<S>(
  gradient: (y: Float64Array, out: Float64Array) => S,
  x: Float64Array,
  g: Float64Array,
  v: Float64Array,
  probe: Float64Array,
  gProbe: Float64Array,
): number {
  const n = x.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
  const eps = 1e-7 * (1 + scale);
  for (let i = 0; i < n; i++) probe[i] = x[i] + eps * v[i];
  gradient(probe, gProbe);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    gProbe[i] = (gProbe[i] - g[i]) / eps;
    norm += gProbe[i] * gProbe[i];
  }
  norm = Math.sqrt(norm);
  if (norm > 0 && Number.isFinite(norm)) for (let i = 0; i < n; i++) v[i] = gProbe[i] / norm;
  return Number.isFinite(norm) ? norm : 0;
}

/** The largest |eigenvalue| of a symmetric H by 30 steps of power iteration from v (a lower bound). */
export function spectralRadius(
  H: ReadonlyArray<ArrayLike<number>>,
  v: Float64Array,
  w: Float64Array,
): number {
  const n = v.length;
  // From the caller's v (the last estimate's vector); a start with no special alignment to the
  // model's coordinates when v is zero.
  if (!v.some((x) => x !== 0)) for (let i = 0; i < n; i++) v[i] = 1 + ((i * 0.618034) % 1);
  let rho = 0;
  for (let it = 0; it < 30; it++) {
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    if (!(norm > 0)) return rho;
    for (let i = 0; i < n; i++) {
      const row = H[i];
      let s = 0;
      for (let j = 0; j < n; j++) s += row[j] * v[j];
      w[i] = s / norm;
    }
    let wn = 0;
    for (let i = 0; i < n; i++) wn += w[i] * w[i];
    rho = Math.sqrt(wn);
    v.set(w);
  }
  return rho;
}

/**
 * Hairer's starting step: h₀ = 0.01·‖y‖/‖g‖ in the error's weighted norm, then the step whose
 * fifth-order term would be 0.01 from the gradient's change over h₀; the smaller of that and 100·h₀.
 */
export function initialStep<S>(
  gradient: (y: Float64Array, out: Float64Array) => S,
  x: Float64Array,
  g: Float64Array,
  rtol: number,
  atol: number,
  y1: Float64Array,
  g1: Float64Array,
): number {
  const n = x.length;
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(x[i]);
    d0 += (x[i] / sk) ** 2;
    d1 += (g[i] / sk) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  for (let i = 0; i < n; i++) y1[i] = x[i] - h0 * g[i];
  gradient(y1, g1);
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol + rtol * Math.abs(x[i]);
    d2 += ((g1[i] - g[i]) / sk) ** 2;
  }
  d2 = Math.sqrt(d2 / n) / h0;
  const scale = Math.max(d1, d2);
  const h1 = scale <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / scale) ** (1 / DORMAND_PRINCE_ERROR_ORDER);
  return Math.min(100 * h0, h1);
}
