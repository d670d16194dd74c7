/**
 * The quantities a CNN training run tracks at (v, a), with the population gradient: one evaluator
 * for ReLU in closed form (with plain GD's effective weights) and one for any activation through its
 * kernel (activation-kernel.ts). Both are pure functions of the model; training (src/train/cnn/)
 * calls them at every iterate.
 */
import type { CnnActivationKernel } from "./activation-kernel.js";
import { filterAngle } from "./filter-angle.js";
import type { CnnSnapshot } from "./snapshot.js";
import type { CnnTeacher } from "./teacher.js";

const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

/** ‖v‖² and vᵀw*, when the caller has them already (a fused update pass); summed in index order. */
export interface FilterSums {
  readonly r2: number;
  readonly vw: number;
}

/**
 * The population quantities at (v, a) for the ReLU CNN; `plain` = true reads v as the unnormalised
 * filter w of plain GD, whose effective output weights are ‖w‖a (ReLU is positively homogeneous).
 * When `grad` is given, the gradient (in v or w, and a) is written into it. The filter's geometry is
 * that of filterAngle (same sums in the same order, so the same bits), with q = w* − (v̂ᵀw*)v̂ kept in
 * `grad.v` between its two passes instead of being computed twice.
 */
export function cnnPopulationState(
  teacher: CnnTeacher,
  v: Float64Array,
  a: Float64Array,
  plain = false,
  grad?: { v: Float64Array; a: Float64Array },
  sums?: FilterSums,
): CnnSnapshot {
  const p = v.length;
  const k = a.length;
  const tw = teacher.w;
  const ta = teacher.a;
  let r2 = 0;
  let vw = 0;
  if (sums) {
    r2 = sums.r2;
    vw = sums.vw;
  } else {
    for (let i = 0; i < p; i++) {
      r2 += v[i] * v[i];
      vw += v[i] * tw[i];
    }
  }
  const r = Math.sqrt(r2);
  const rho = Math.min(1, Math.max(-1, vw / r));
  const qs = grad?.v;
  let q2 = 0;
  for (let i = 0; i < p; i++) {
    const qi = tw[i] - (rho * v[i]) / r;
    q2 += qi * qi;
    if (qs) qs[i] = qi;
  }
  const sinPhi = Math.sqrt(q2);
  const phi = Math.atan2(sinPhi, rho);
  const g = (PI - phi) * rho + sinPhi;
  const scale = plain ? r : 1; // effective output weights b = scale·a
  let s = 0;
  let oneA = 0;
  let S = 0;
  let err2 = 0;
  for (let j = 0; j < k; j++) {
    const b = scale * a[j];
    s += b * ta[j];
    oneA += b;
    S += ta[j];
    const e = b - ta[j];
    err2 += e * e;
  }
  const oneErr = oneA - S;
  const loss = 0.5 * (((PI - 1) * err2 + oneErr * oneErr) / TWO_PI) + ((PI - g) / TWO_PI) * s;
  // ∇_b ℓ = A(b − a*) + ((π − g)/(2π))a*;  ∇_v ℓ (WN) = −((π − φ)/(2π))·s_b·q/‖v‖.
  let gradNorm2 = 0;
  let bDotGradB = 0;
  for (let j = 0; j < k; j++) {
    const gb = ((PI - 1) * (scale * a[j] - ta[j]) + oneErr + (PI - g) * ta[j]) / TWO_PI;
    bDotGradB += a[j] * gb;
    const ga = scale * gb;
    if (grad) grad.a[j] = ga;
    gradNorm2 += ga * ga;
  }
  const cv = (-(PI - phi) * s) / (TWO_PI * r);
  for (let i = 0; i < p; i++) {
    const qi = qs ? qs[i] : tw[i] - (rho * v[i]) / r;
    // plain GD on w (b = ‖w‖a): ∂ℓ/∂w = ŵ·(aᵀ∇_bℓ) + (the WN v-gradient at v = w with weights b).
    const gv = plain ? (v[i] / r) * bDotGradB + cv * qi : cv * qi;
    if (qs) qs[i] = gv;
    gradNorm2 += gv * gv;
  }
  return {
    loss,
    gradNorm: Math.sqrt(gradNorm2),
    phi,
    aDotAstar: s,
    oneDotA: oneA,
    vNorm: r,
    aError: Math.sqrt(err2),
  };
}

/**
 * Population loss, gradient norm and the tracked quantities at (v, a) with kernel κ; the WN
 * gradient is written into `grad` when given. One κ and one κ' evaluation.
 */
export function cnnKernelState(
  teacher: CnnTeacher,
  kernel: CnnActivationKernel,
  v: Float64Array,
  a: Float64Array,
  grad?: { v: Float64Array; a: Float64Array },
): CnnSnapshot {
  const p = v.length;
  const k = a.length;
  const tw = teacher.w;
  const ta = teacher.a;
  const { r, rho, phi } = filterAngle(v, tw);
  const kappa = kernel.kappa(rho);
  const dkappa = kernel.dkappa(rho);
  const mu2 = kernel.mean * kernel.mean;
  const alpha = kernel.meanSquare - mu2;
  const gap = kernel.meanSquare - kappa;
  let s = 0;
  let oneA = 0;
  let oneErr = 0;
  let err2 = 0;
  for (let j = 0; j < k; j++) {
    s += a[j] * ta[j];
    oneA += a[j];
    oneErr += a[j] - ta[j];
    err2 += (a[j] - ta[j]) ** 2;
  }
  // ℓ = ½(a − a*)ᵀA(a − a*) + (m2 − κ)·aᵀa*, A = αI + μ²11ᵀ (population.ts).
  const loss = 0.5 * (alpha * err2 + mu2 * oneErr * oneErr) + gap * s;
  let gradNorm2 = 0;
  for (let j = 0; j < k; j++) {
    const ga = alpha * (a[j] - ta[j]) + mu2 * oneErr + gap * ta[j];
    if (grad) grad.a[j] = ga;
    gradNorm2 += ga * ga;
  }
  const cv = (-dkappa * s) / r;
  for (let i = 0; i < p; i++) {
    const gv = cv * (tw[i] - (rho * v[i]) / r);
    if (grad) grad.v[i] = gv;
    gradNorm2 += gv * gv;
  }
  return {
    loss,
    gradNorm: Math.sqrt(gradNorm2),
    phi,
    aDotAstar: s,
    oneDotA: oneA,
    vNorm: r,
    aError: Math.sqrt(err2),
  };
}
