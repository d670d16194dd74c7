/**
 * λ_min and the index of the trial's Hessian at an end point (the one `hessianVerdict` judges: with
 * trained top weights the rescaling directions (w_j, −a_j) lifted by s = max|H_ii|), for the families
 * of end points. Up to FC_DENSE_SPECTRUM_MAX parameters the Hessian is formed and decomposed; above,
 * Lanczos on the exact Hessian–vector product (models/fc/hessian-vector.ts), which is faster there
 * (measured in docs/large-landscapes.md) and never forms the (n·d)² matrix.
 */
import { denseSpectrum, type LowSpectrum, lanczosSpectrum } from "../../math/low-spectrum.js";
import { FcHessianOperator } from "../../models/fc/hessian-vector.js";
import type { FcTrialSpec } from "./spec.js";
import { fcTrialModel, fcTrialSetup } from "./trial.js";

/** Largest end point (parameters) whose Hessian is decomposed densely. */
export const FC_DENSE_SPECTRUM_MAX = 300;

/** The trial Hessian's spectrum at `end` (row-major W, then a when trained). */
export function fcEndPointSpectrum(spec: FcTrialSpec, end: readonly number[]): LowSpectrum {
  const setup = fcTrialSetup(spec);
  const x = Float64Array.from(end);
  if (x.length <= FC_DENSE_SPECTRUM_MAX) return denseSpectrum(fcTrialModel(setup).hessian(x));
  const { n, d } = spec;
  const nd = n * d;
  const W = x.subarray(0, nd);
  const a = setup.fixedA ?? x.subarray(nd);
  const op = new FcHessianOperator(setup.pop.kernel, setup.teacher, { W, a }, setup.trainA);
  if (!setup.trainA) return lanczosSpectrum((v) => op.apply(v), x.length);
  // H + s·Σ_j t_j t_jᵀ/‖t_j‖² with t_j = (w_j, −a_j): the lift of the trial's Hessian (trial.ts).
  let s = 0;
  for (const h of op.diagonal()) s = Math.max(s, Math.abs(h));
  const apply = (v: Float64Array) => {
    const out = op.apply(v);
    for (let j = 0; j < n; j++) {
      let dot = -a[j] * v[nd + j];
      let norm2 = a[j] * a[j];
      for (let i = 0; i < d; i++) {
        dot += W[j * d + i] * v[j * d + i];
        norm2 += W[j * d + i] * W[j * d + i];
      }
      if (!(norm2 > 0)) continue;
      const c = (s * dot) / norm2;
      for (let i = 0; i < d; i++) out[j * d + i] += c * W[j * d + i];
      out[nd + j] -= c * a[j];
    }
    return out;
  };
  return lanczosSpectrum(apply, x.length);
}
