/**
 * The Du et al. CNN's protocol constants, defined once: every other module (training rules, the
 * trial, the sweep model, the CLI, the report and the lab) imports them from here.
 *
 * With ReLU, A = ((π−1)I + 11ᵀ)/(2π) is the Hessian of the loss in a; its largest eigenvalue is
 * c_k = (k+π−1)/(2π). Gradient descent on a is stable for η < 2/c_k = 4π/(k+π−1) (the stability
 * bound), and η·c_k ≤ 1, i.e. η ≤ 2π/(k+π−1), makes the a-map a contraction without overshoot
 * (1ᵀa moves monotonically), which the spurious certificate of train/cnn/rules.ts needs. For another
 * activation the a-block's Hessian is A = (m2 − μ²)I + μ²11ᵀ, with λ_max(A) = m2 + (k−1)μ².
 */
import { activationByName } from "../../activations/registry.js";
import { integerInRange, positiveNumber } from "../../core/validate.js";
import { cnnKernelFor } from "./kernels.js";

/** The number of patches k of the protocol's functions: an integer >= 1. */
const patches = (k: number) => integerInRange("k", k, 1);

/** (k+π−1)/π: the spurious point is a local minimum exactly when (1ᵀa*)²/‖a*‖² is below it. */
export function spuriousRatioThreshold(k: number): number {
  patches(k);
  return (k + Math.PI - 1) / Math.PI;
}

/** c_k = (k+π−1)/(2π): the largest eigenvalue of the ReLU loss's Hessian in a. */
export function reluACurvature(k: number): number {
  return (k + Math.PI - 1) / (2 * Math.PI);
}

/** 4π/(k+π−1) = 2/c_k: at or above this step the a-block of (WN-)GD diverges. */
export function cnnStabilityBound(k: number): number {
  patches(k);
  return (4 * Math.PI) / (k + Math.PI - 1);
}

/** 2π/(k+π−1) = 1/c_k: the largest step at which the a-map does not overshoot. */
export function cnnMonotoneStep(k: number): number {
  patches(k);
  return (2 * Math.PI) / (k + Math.PI - 1);
}

/** The protocol's default step: min(0.2, 2π/(k+π−1)). */
export function cnnDefaultEta(k: number): number {
  return Math.min(0.2, cnnMonotoneStep(k));
}

/** The default gradient-flow time of a run: η·steps = 6000. */
export const CNN_DEFAULT_HORIZON = 6000;

/** ⌈horizon/η⌉, ignoring float noise such as 6000/0.2 = 30000.000000000004. */
export function stepsForHorizon(horizon: number, eta: number): number {
  positiveNumber("horizon", horizon);
  positiveNumber("eta", eta);
  return Math.ceil(horizon / eta - 1e-9);
}

/** λ_max of the loss's Hessian in a for an activation kernel: m2 − μ² + kμ² (for ReLU, c_k). */
export function kernelACurvature(
  kernel: { readonly mean: number; readonly meanSquare: number },
  k: number,
): number {
  return kernel.meanSquare + (k - 1) * kernel.mean * kernel.mean;
}

/** The default step for activation σ: min(0.2, 1/λ_max(A)) — for ReLU exactly cnnDefaultEta(k). */
export function cnnDefaultEtaFor(activation: string, k: number): number {
  activationByName(activation);
  patches(k);
  if (activation === "relu") return cnnDefaultEta(k);
  return Math.min(0.2, 1 / kernelACurvature(cnnKernelFor(activation), k));
}

/** The stability bound 2/λ_max(A) for activation σ — for ReLU exactly cnnStabilityBound(k). */
export function cnnStabilityBoundFor(activation: string, k: number): number {
  activationByName(activation);
  patches(k);
  if (activation === "relu") return cnnStabilityBound(k);
  return 2 / kernelACurvature(cnnKernelFor(activation), k);
}
