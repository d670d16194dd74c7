/**
 * The stationary points of the ReLU CNN's population loss (docs/du-cnn.md#stationary-points). With S = 1ᵀa*, N = ‖a*‖² and
 * g(φ) = (π − φ)cos φ + sin φ:
 *   - global minimum: v ∥ w*, a = a*, loss 0;
 *   - for each fixed angle the a-stationary point a(φ) = [(g−1)a* + S(π − g)/(k+π−1)·1]/(π−1);
 *   - spurious point: v ∥ −w*, a_s = a(π) = ((π−1)I + 11ᵀ)⁻¹(11ᵀ − I)a*, always stationary (the v-gradient
 *     carries the factor π − φ), a strict local minimum exactly when a_sᵀa* < 0 ⇔ S² < (k+π−1)N/π;
 *     its loss is [(π−2)N + πS²/(k+π−1)]/(4(π−1));
 *   - saddle set: the cone of v at angle φ_s from w* with g(φ_s) = g* = ((k+π−1)N − πS²)/((k+π−1)N − S²),
 *     a = a(φ_s); it exists exactly when g* ∈ (0, π), i.e. exactly when the spurious minimum does.
 * All for the unit teacher filter of teacher.ts.
 */
import { functionArgument } from "../../core/arguments.js";
import { orthogonalUnitUnchecked } from "../../math/vector.js";
import { type CnnActivationKernel, reluG } from "./activation-kernel.js";
import { type CnnTeacher, checkCnnTeacher } from "./teacher.js";

function teacherSums(teacher: CnnTeacher): { k: number; S: number; N: number } {
  let S = 0;
  let N = 0;
  for (const x of teacher.a) {
    S += x;
    N += x * x;
  }
  return { k: teacher.a.length, S, N };
}

/** a(φ): the minimiser of the loss over a at fixed angle φ. */
export function stationaryOutputWeights(teacher: CnnTeacher, phi: number): Float64Array {
  const { k, S } = teacherSums(teacher);
  const g = reluG(phi);
  const common = (S * (Math.PI - g)) / (k + Math.PI - 1);
  return Float64Array.from(teacher.a, (x) => ((g - 1) * x + common) / (Math.PI - 1));
}

export function spuriousOutputWeights(teacher: CnnTeacher): Float64Array {
  checkCnnTeacher(teacher);
  return stationaryOutputWeights(teacher, Math.PI);
}

export function spuriousLoss(teacher: CnnTeacher): number {
  checkCnnTeacher(teacher);
  const { k, S, N } = teacherSums(teacher);
  return ((Math.PI - 2) * N + (Math.PI * S * S) / (k + Math.PI - 1)) / (4 * (Math.PI - 1));
}

/** a_sᵀa* < 0, written without division: S² < (k+π−1)N/π. */
export function isSpuriousLocalMinimum(teacher: CnnTeacher): boolean {
  checkCnnTeacher(teacher);
  const { k, S, N } = teacherSums(teacher);
  return Math.PI * S * S < (k + Math.PI - 1) * N;
}

/** g* of the saddle set; in (0, π) exactly when the spurious minimum exists. */
export function saddleG(teacher: CnnTeacher): number {
  const { k, S, N } = teacherSums(teacher);
  const c = k + Math.PI - 1;
  return (c * N - Math.PI * S * S) / (c * N - S * S);
}

/** φ_s with g(φ_s) = g*, or undefined when there is no saddle set. g decreases on [0, π], so bisection. */
export function saddleAngle(teacher: CnnTeacher): number | undefined {
  checkCnnTeacher(teacher);
  const target = saddleG(teacher);
  if (!(target > 0 && target < Math.PI)) return undefined;
  let lo = 0;
  let hi = Math.PI;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (reluG(mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export interface CnnPoint {
  readonly v: Float64Array;
  readonly a: Float64Array;
}

export interface CnnStationaryPoints {
  readonly global: CnnPoint;
  readonly spurious: CnnPoint & { readonly loss: number; readonly isLocalMinimum: boolean };
  /** One representative of the saddle cone (undefined when it does not exist or p = 1). */
  readonly saddle?: CnnPoint & { readonly phi: number; readonly loss: number };
}

export function cnnStationaryPoints(
  teacher: CnnTeacher,
  lossAt: (v: Float64Array, a: Float64Array) => number,
) {
  checkCnnTeacher(teacher);
  functionArgument("lossAt", lossAt);
  const w = teacher.w;
  const spuriousV = Float64Array.from(w, (x) => -x);
  const result: {
    global: CnnPoint;
    spurious: CnnPoint & { loss: number; isLocalMinimum: boolean };
    saddle?: CnnPoint & { phi: number; loss: number };
  } = {
    global: { v: Float64Array.from(w), a: Float64Array.from(teacher.a) },
    spurious: {
      v: spuriousV,
      a: spuriousOutputWeights(teacher),
      loss: spuriousLoss(teacher),
      isLocalMinimum: isSpuriousLocalMinimum(teacher),
    },
  };
  const phi = saddleAngle(teacher);
  const e = orthogonalUnitUnchecked(w);
  if (phi !== undefined && e) {
    const v = Float64Array.from(w, (x, i) => Math.cos(phi) * x + Math.sin(phi) * e[i]);
    const a = stationaryOutputWeights(teacher, phi);
    result.saddle = { v, a, phi, loss: lossAt(v, a) };
  }
  return result satisfies CnnStationaryPoints;
}

/**
 * For any activation kernel: the stationary point with v ∥ w* (ρ = 1) or v ∥ −w* (ρ = −1), where
 * ∇_v ℓ = 0 because q = 0, and ∇_a ℓ = 0 gives a = A⁻¹B(ρ)a* with B = A − (m2 − κ(ρ))I, i.e.
 * a = a* − (m2 − κ(ρ))·A⁻¹a*, A = αI + μ²11ᵀ (α = m2 − μ²), A⁻¹x = (x − μ²(1ᵀx)/(α + kμ²)·1)/α.
 * At ρ = 1 this is a* (κ(1) = m2). Returns v = ±w* (unit) and a.
 */
export function cnnKernelAlignedPoint(
  teacher: CnnTeacher,
  kernel: CnnActivationKernel,
  sign: 1 | -1,
): { v: Float64Array; a: Float64Array } {
  const k = teacher.a.length;
  const mu2 = kernel.mean * kernel.mean;
  const alpha = kernel.meanSquare - mu2;
  const gap = kernel.meanSquare - kernel.kappa(sign);
  let total = 0;
  for (const x of teacher.a) total += x;
  const shift = (mu2 * total) / (alpha + k * mu2);
  const a = Float64Array.from(teacher.a, (x) => x - (gap * (x - shift)) / alpha);
  return { v: Float64Array.from(teacher.w, (x) => sign * x), a };
}
