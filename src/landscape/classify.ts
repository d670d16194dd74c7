/**
 * Classification of a point of any model's landscape (any `Problem`).
 *
 * - not-stationary: ‖∇L‖ > gradTol;
 * - saddle: a negative Hessian eigenvalue (index > 0), or, for a degenerate point, a perturbed
 *   small-step restart that descends below L* (a higher-order saddle);
 * - strict-local-min: all eigenvalues above the zero threshold;
 * - degenerate-local-min: positive semi-definite with zero modes, and every perturbed restart
 *   returns to L* (evidence, not proof; a model's analytic certificate, when it has one, is the
 *   proof and is attached by the caller).
 * The Hessian is the model's exact one when it provides it, otherwise central differences of its
 * gradient (step 1e-4, accurate to about 1e-8 relative), which the result names.
 */
import { centralHessian } from "../math/finite-difference.js";
import { hessianSpectrum, type SpectrumSummary } from "../math/spectrum.js";
import { normUnchecked } from "../math/vector.js";
import type { Problem } from "../models/problem.js";
import { perturbedRestarts, type RestartSummary } from "./restarts.js";

export type PointLabel = "strict-local-min" | "degenerate-local-min" | "saddle" | "not-stationary";

export interface ClassifyOptions {
  /** Stationary when ‖∇L‖ ≤ gradTol (default 1e-6). */
  readonly gradTol?: number;
  /** Relative zero-eigenvalue threshold (default 1e-7 of max|λ|). */
  readonly relTol?: number;
  /** Perturbed restarts for degenerate candidates (default 5; 0 skips them). */
  readonly restarts?: number;
  readonly restartRadius?: number;
  readonly restartIterations?: number;
  readonly seed?: number;
}

export interface Classification {
  readonly label: PointLabel;
  readonly loss: number;
  readonly gradNorm: number;
  readonly index: number;
  readonly zeroModes: number;
  /** Ascending. */
  readonly eigenvalues: Float64Array;
  readonly zeroThreshold: number;
  readonly hessian: "exact" | "central-differences";
  /** Present when the point was a degenerate candidate and restarts were run. */
  readonly restarts?: RestartSummary;
  /** One sentence on how the label was reached. */
  readonly reason: string;
}

/** The model's exact Hessian if it has one, else central differences of its gradient. */
export function problemHessian(
  problem: Problem,
  x: Float64Array,
): { rows: Float64Array[]; source: "exact" | "central-differences" } {
  if (problem.hessian) return { rows: problem.hessian(x), source: "exact" };
  return { rows: centralHessian((y) => problem.gradient(y), x, 1e-4), source: "central-differences" };
}

export function largestMagnitude(spectrum: SpectrumSummary): number {
  let m = 0;
  for (const v of spectrum.eigenvalues) m = Math.max(m, Math.abs(v));
  return m;
}

export function classifyPoint(
  problem: Problem,
  x: Float64Array = problem.point,
  options: ClassifyOptions = {},
): Classification {
  const gradTol = options.gradTol ?? 1e-6;
  const loss = problem.loss(x);
  const gradNorm = normUnchecked(problem.gradient(x));
  const { rows, source } = problemHessian(problem, x);
  const spectrum = hessianSpectrum(rows, options.relTol ?? 1e-7);
  const base = {
    loss,
    gradNorm,
    index: spectrum.index,
    zeroModes: spectrum.zeroModes,
    eigenvalues: spectrum.eigenvalues,
    zeroThreshold: spectrum.threshold,
    hessian: source,
  };
  if (!(gradNorm <= gradTol))
    return { ...base, label: "not-stationary", reason: `gradient norm ${gradNorm} exceeds ${gradTol}` };
  if (spectrum.index > 0)
    return { ...base, label: "saddle", reason: `${spectrum.index} negative Hessian eigenvalue(s)` };
  if (spectrum.zeroModes === 0)
    return { ...base, label: "strict-local-min", reason: "positive definite Hessian at a stationary point" };
  const count = options.restarts ?? 5;
  if (count === 0)
    return {
      ...base,
      label: "degenerate-local-min",
      reason: `positive semi-definite with ${spectrum.zeroModes} zero mode(s); not checked further (0 restarts)`,
    };
  const lambdaMax = Math.max(largestMagnitude(spectrum), 1e-12);
  const restarts = perturbedRestarts(problem, x, {
    count,
    radius: options.restartRadius ?? 1e-3,
    step: 0.5 / lambdaMax,
    iterations: options.restartIterations ?? 5000,
    seed: options.seed ?? 0,
  });
  if (restarts.descended)
    return {
      ...base,
      label: "saddle",
      restarts,
      reason:
        "positive semi-definite, but a perturbed small-step restart descended below the loss (higher-order saddle)",
    };
  return {
    ...base,
    label: "degenerate-local-min",
    restarts,
    reason: `positive semi-definite with ${spectrum.zeroModes} zero mode(s); ${count} perturbed restarts ${
      restarts.returned ? "all returned to the loss" : "did not go below the loss"
    }`,
  };
}
