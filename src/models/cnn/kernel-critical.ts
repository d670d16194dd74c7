/**
 * The stationary points of the CNN's population loss at φ = 0 and φ = π for any activation kernel
 * (v = ±w*, a = A⁻¹B(±1)a*; stationary.ts), with their losses, gradient norms, Hessian spectra, and
 * whether the φ = π point is a local minimum — decided numerically: the Hessian has no negative
 * eigenvalue (src/math/spectrum.ts), and no seeded random perturbation of relative size 1e-3 or
 * 1e-2 lowers the loss by more than a rounding margin. For ReLU the exact answer is in stationary.ts.
 */

import { Rng } from "../../math/rng.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import type { CnnActivationKernel } from "./activation-kernel.js";
import { populationGradient, populationHessian, populationLoss } from "./population.js";
import { cnnKernelAlignedPoint } from "./stationary.js";
import type { CnnTeacher } from "./teacher.js";

export interface CnnKernelCriticalPoint {
  readonly phi: number;
  readonly v: number[];
  readonly a: number[];
  readonly loss: number;
  readonly gradNorm: number;
  readonly aDotAstar: number;
  readonly hessian: { eigenvalues: number[]; index: number; zeroModes: number };
}

export interface CnnKernelCriticalPoints {
  readonly aligned: CnnKernelCriticalPoint;
  readonly opposite: CnnKernelCriticalPoint & {
    readonly isLocalMinimum: boolean;
    /** Lowest loss change over the perturbations (≥ −margin for a local minimum). */
    readonly worstPerturbation: number;
    readonly perturbations: number;
  };
  readonly method: "numerical";
}

const PERTURBATIONS = 64;

function describe(
  teacher: CnnTeacher,
  kernel: CnnActivationKernel,
  v: Float64Array,
  a: Float64Array,
  phi: number,
): CnnKernelCriticalPoint {
  const g = populationGradient(teacher, v, a, kernel);
  let g2 = 0;
  for (const x of g.v) g2 += x * x;
  for (const x of g.a) g2 += x * x;
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * teacher.a[j];
  const spectrum = hessianSpectrum(populationHessian(teacher, v, a, kernel));
  return {
    phi,
    v: Array.from(v),
    a: Array.from(a),
    loss: populationLoss(teacher, v, a, kernel),
    gradNorm: Math.sqrt(g2),
    aDotAstar: s,
    hessian: {
      eigenvalues: Array.from(spectrum.eigenvalues),
      index: spectrum.index,
      zeroModes: spectrum.zeroModes,
    },
  };
}

export function cnnKernelCriticalPoints(
  teacher: CnnTeacher,
  kernel: CnnActivationKernel,
  seed = 1,
): CnnKernelCriticalPoints {
  const g0 = cnnKernelAlignedPoint(teacher, kernel, 1);
  const gp = cnnKernelAlignedPoint(teacher, kernel, -1);
  const aligned = describe(teacher, kernel, g0.v, g0.a, 0);
  const opposite = describe(teacher, kernel, gp.v, gp.a, Math.PI);
  const rng = Rng.fromSeed(seed);
  let scale = 1;
  for (const x of gp.a) scale = Math.max(scale, Math.abs(x));
  // A loss change below this is rounding, not descent.
  const margin = 1e-12 * Math.max(1, Math.abs(opposite.loss));
  let worst = Number.POSITIVE_INFINITY;
  for (let t = 0; t < PERTURBATIONS; t++) {
    const radius = (t % 2 === 0 ? 1e-3 : 1e-2) * scale;
    const dv = rng.onSphere(gp.v.length);
    const da = rng.onSphere(gp.a.length);
    const v = Float64Array.from(gp.v, (x, i) => x + radius * dv[i]);
    const a = Float64Array.from(gp.a, (x, j) => x + radius * da[j]);
    worst = Math.min(worst, populationLoss(teacher, v, a, kernel) - opposite.loss);
  }
  return {
    aligned,
    opposite: {
      ...opposite,
      isLocalMinimum: opposite.hessian.index === 0 && worst >= -margin,
      worstPerturbation: worst,
      perturbations: PERTURBATIONS,
    },
    method: "numerical",
  };
}
