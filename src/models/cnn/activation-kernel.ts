/**
 * The activation kernel of the non-overlapping CNN.
 *
 * For unit vectors w, w* with wᵀw* = ρ and a standard Gaussian patch z, every population quantity
 * of the model f(Z, w, a) = Σ_j a_j σ(wᵀZ_j) depends on the activation σ only through
 *   μ   = E[σ(g)],            g ~ N(0, 1)            (`mean`)
 *   m2  = E[σ(g)²]                                   (`meanSquare`)
 *   κ(ρ) = E[σ(u)σ(v)],       (u, v) standard normals with correlation ρ,
 * and the derivatives κ'(ρ), κ''(ρ) (for the gradient and Hessian in v). Patches are independent,
 * so a cross term between patches i ≠ j is μ². Note κ(1) = m2 and κ(0) = μ².
 *
 * Implementations: the ReLU closed form (the arc-cosine kernel of degree 1) below; quadrature
 * kernels for other activations can implement the same interface. A kernel whose closed form is in
 * the angle φ = acos ρ may also implement `atAngle`, which the population code prefers: it stays
 * accurate at ρ → ±1, where acos loses half the digits.
 */
import { methodsArgument } from "../../core/arguments.js";
import { finiteNumber } from "../../core/validate.js";
import type { Angle } from "../../math/angle.js";

export interface CnnKernelAtAngle {
  readonly kappa: number;
  readonly dkappa: number;
  /** κ''(cos φ)·sin²φ: finite at φ = 0 and π even when κ'' alone is not (ReLU). */
  readonly d2kappaSin2: number;
}

export interface CnnActivationKernel {
  readonly name: string;
  /** μ = E[σ(g)]. */
  readonly mean: number;
  /** m2 = E[σ(g)²] = κ(1). */
  readonly meanSquare: number;
  kappa(rho: number): number;
  dkappa(rho: number): number;
  d2kappa(rho: number): number;
  /** Optional: κ, κ' and κ''·sin²φ at the angle φ, accurate near φ = 0 and π. */
  atAngle?(phi: Angle): CnnKernelAtAngle;
}

/** A kernel given to a public function: finite μ and m2, and the functions κ, κ', κ''. */
export function checkCnnKernel(field: string, kernel: unknown): CnnActivationKernel {
  methodsArgument(field, kernel, ["kappa", "dkappa", "d2kappa"]);
  const k = kernel as CnnActivationKernel;
  finiteNumber(`${field}.mean`, k.mean);
  finiteNumber(`${field}.meanSquare`, k.meanSquare);
  return k;
}

/** κ, κ', κ''·sin²φ at the angle φ, through `atAngle` when the kernel has it. */
export function kernelAtAngle(kernel: CnnActivationKernel, phi: Angle): CnnKernelAtAngle {
  if (kernel.atAngle) return kernel.atAngle(phi);
  const rho = Math.cos(phi);
  const sin = Math.sin(phi);
  // κ'' may be infinite at ρ = ±1 (a kink in σ gives κ'' ∝ 1/√(1−ρ²)); κ''·sin²φ → 0 there.
  const d2Sin2 = sin === 0 ? 0 : kernel.d2kappa(rho) * sin * sin;
  return {
    kappa: kernel.kappa(rho),
    dkappa: kernel.dkappa(rho),
    d2kappaSin2: Number.isFinite(d2Sin2) ? d2Sin2 : 0,
  };
}

const TWO_PI = 2 * Math.PI;

/** g(φ) = (π − φ) cos φ + sin φ, so that the ReLU kernel is κ = g/(2π); g(0) = π, g(π/2) = 1, g(π) = 0. */
export function reluG(phi: Angle): number {
  return (Math.PI - phi) * Math.cos(phi) + Math.sin(phi);
}

/**
 * σ = max(x, 0): μ = 1/√(2π), m2 = ½, κ(ρ) = (√(1−ρ²) + (π − acos ρ)ρ)/(2π) (Cho & Saul's arc-cosine
 * kernel of degree 1), κ'(ρ) = (π − acos ρ)/(2π), κ''(ρ) = 1/(2π√(1−ρ²)), infinite at ρ = ±1, where
 * κ''·sin²φ = sin φ/(2π) → 0.
 */
export const reluKernel: CnnActivationKernel = {
  name: "relu",
  mean: 1 / Math.sqrt(TWO_PI),
  meanSquare: 0.5,
  kappa(rho) {
    const r = Math.min(1, Math.max(-1, rho));
    return (Math.sqrt(Math.max(0, 1 - r * r)) + (Math.PI - Math.acos(r)) * r) / TWO_PI;
  },
  dkappa(rho) {
    return (Math.PI - Math.acos(Math.min(1, Math.max(-1, rho)))) / TWO_PI;
  },
  d2kappa(rho) {
    const r = Math.min(1, Math.max(-1, rho));
    return 1 / (TWO_PI * Math.sqrt(Math.max(0, 1 - r * r)));
  },
  atAngle(phi) {
    return {
      kappa: reluG(phi) / TWO_PI,
      dkappa: (Math.PI - phi) / TWO_PI,
      d2kappaSin2: Math.sin(phi) / TWO_PI,
    };
  },
};
