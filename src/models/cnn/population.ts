/**
 * The exact population landscape of the CNN (Du et al. 2018, Theorems 3.1 and 3.2), for any
 * activation through its kernel (see activation-kernel.ts), with weight normalisation w = v/‖v‖.
 *
 * With A = (m2 − μ²)I + μ²11ᵀ, s = aᵀa*, ρ = wᵀw* and q = w* − ρw (‖q‖ = sin φ):
 *   ℓ      = ½(a − a*)ᵀA(a − a*) + (m2 − κ(ρ))·s          (= ½aᵀAa − aᵀB(ρ)a* + ½a*ᵀAa*, B = A − (m2 − κ)I)
 *   ∇_a ℓ  = A(a − a*) + (m2 − κ(ρ))·a*
 *   ∇_v ℓ  = −κ'(ρ)·s·q/‖v‖                                  (orthogonal to v)
 *   ∇²_aa  = A,  ∇²_av = −κ'(ρ)·a* qᵀ/‖v‖,
 *   ∇²_vv  = −(s/‖v‖²)·[κ''(ρ) qqᵀ − κ'(ρ)(qwᵀ + wqᵀ + ρ(I − wwᵀ))].
 * The first form of ℓ has no cancellation near the global minimum, so small losses are accurate.
 * For ReLU (μ² = 1/(2π), m2 = ½, κ = g(φ)/(2π)) these are exactly Theorems 3.1 and 3.2; the Hessian
 * is analytic and, with κ''·qqᵀ = (κ''sin²φ)·q̂q̂ᵀ, finite and continuous at φ = 0 and φ = π.
 * The teacher's filter is a unit vector (teacher.ts); v must be non-zero (the loss depends on its
 * direction only and has no meaning at v = 0).
 */
import { vectorArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { angleBetweenUnchecked } from "../../math/angle.js";
import { normUnchecked } from "../../math/vector.js";
import { type CnnActivationKernel, checkCnnKernel, kernelAtAngle, reluKernel } from "./activation-kernel.js";
import { type CnnTeacher, checkCnnTeacher } from "./teacher.js";

interface Geometry {
  r: number;
  w: Float64Array;
  rho: number;
  phi: number;
  q: Float64Array;
  qNorm: number;
}

function geometry(teacher: CnnTeacher, v: ArrayLike<number>): Geometry {
  const p = v.length;
  const phi = angleBetweenUnchecked(v, teacher.w);
  if (phi === undefined) throw new InputError("v", "must be a non-zero vector (w = v/‖v‖)");
  const r = normUnchecked(v); // scaled, so tiny or huge filters still give a unit w
  const w = new Float64Array(p);
  let rho = 0;
  for (let i = 0; i < p; i++) {
    w[i] = v[i] / r;
    rho += w[i] * teacher.w[i];
  }
  rho = Math.min(1, Math.max(-1, rho));
  const q = new Float64Array(p);
  let q2 = 0;
  for (let i = 0; i < p; i++) {
    q[i] = teacher.w[i] - rho * w[i];
    q2 += q[i] * q[i];
  }
  return { r, w, rho, phi, q, qNorm: Math.sqrt(q2) };
}

/** The matrix A = (m2 − μ²)I + μ²11ᵀ applied to x. */
function applyA(kernel: CnnActivationKernel, x: ArrayLike<number>): Float64Array {
  const mu2 = kernel.mean * kernel.mean;
  const alpha = kernel.meanSquare - mu2;
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i];
  return Float64Array.from(x, (xi) => alpha * xi + mu2 * total);
}

function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** The arguments of the public functions: a teacher, v of length p, a of length k, a kernel. */
export function checkCnnPoint(teacher: unknown, v: unknown, a: unknown, kernel: unknown): void {
  const t = checkCnnTeacher(teacher);
  vectorArgument("v", v, t.w.length);
  vectorArgument("a", a, t.a.length);
  checkCnnKernel("kernel", kernel);
}

export function cnnPopulationLoss(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel = reluKernel,
): number {
  checkCnnPoint(teacher, v, a, kernel);
  return populationLoss(teacher, v, a, kernel);
}

/** `cnnPopulationLoss` for arguments known to be good (the library's own loops). */
export function populationLoss(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel = reluKernel,
): number {
  const { phi } = geometry(teacher, v);
  const { kappa } = kernelAtAngle(kernel, phi);
  const diff = Float64Array.from(a, (ai, i) => ai - teacher.a[i]);
  return 0.5 * dot(diff, applyA(kernel, diff)) + (kernel.meanSquare - kappa) * dot(a, teacher.a);
}

export interface CnnGradient {
  readonly v: Float64Array;
  readonly a: Float64Array;
}

export function cnnPopulationGradient(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel = reluKernel,
): CnnGradient {
  checkCnnPoint(teacher, v, a, kernel);
  return populationGradient(teacher, v, a, kernel);
}

/** `cnnPopulationGradient` for arguments known to be good. */
export function populationGradient(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel = reluKernel,
): CnnGradient {
  const g = geometry(teacher, v);
  const { kappa, dkappa } = kernelAtAngle(kernel, g.phi);
  const diff = Float64Array.from(a, (ai, i) => ai - teacher.a[i]);
  const ga = applyA(kernel, diff);
  const gap = kernel.meanSquare - kappa;
  for (let i = 0; i < ga.length; i++) ga[i] += gap * teacher.a[i];
  const c = (-dkappa * dot(a, teacher.a)) / g.r;
  return { v: Float64Array.from(g.q, (qi) => c * qi), a: ga };
}

/** The exact Hessian in the flat order (v, a), as rows of length p + k. */
export function cnnPopulationHessian(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel = reluKernel,
): Float64Array[] {
  checkCnnPoint(teacher, v, a, kernel);
  return populationHessian(teacher, v, a, kernel);
}

/** `cnnPopulationHessian` for arguments known to be good. */
export function populationHessian(
  teacher: CnnTeacher,
  v: ArrayLike<number>,
  a: ArrayLike<number>,
  kernel: CnnActivationKernel = reluKernel,
): Float64Array[] {
  const p = v.length;
  const k = a.length;
  const g = geometry(teacher, v);
  const { dkappa, d2kappaSin2 } = kernelAtAngle(kernel, g.phi);
  const s = dot(a, teacher.a);
  const mu2 = kernel.mean * kernel.mean;
  const alpha = kernel.meanSquare - mu2;
  const n = p + k;
  const rows = Array.from({ length: n }, () => new Float64Array(n));
  // κ''·qqᵀ = (κ''sin²φ)·q̂q̂ᵀ, which vanishes with q.
  const qqScale = g.qNorm > 0 ? d2kappaSin2 / (g.qNorm * g.qNorm) : 0;
  const scaleV = -s / (g.r * g.r);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const proj = (i === j ? 1 : 0) - g.w[i] * g.w[j];
      const inner = qqScale * g.q[i] * g.q[j] - dkappa * (g.q[i] * g.w[j] + g.w[i] * g.q[j] + g.rho * proj);
      rows[i][j] = scaleV * inner;
    }
  }
  const cross = -dkappa / g.r;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < p; j++) {
      const h = cross * teacher.a[i] * g.q[j];
      rows[p + i][j] = h;
      rows[j][p + i] = h;
    }
    for (let j = 0; j < k; j++) rows[p + i][p + j] = (i === j ? alpha : 0) + mu2;
  }
  return rows;
}

/** The angle φ = ∠(v, w*) in [0, π], accurate near 0 and π. */
export function cnnAngle(teacher: CnnTeacher, v: ArrayLike<number>): number {
  return geometry(teacher, v).phi;
}
