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
 * gradient (step 1e-4, accurate to about 1e-8 relative), which the result names. Above
 * DENSE_MAX_PARAMETERS only its smallest eigenvalues are computed, by Lanczos on Hessian–vector
 * products (hessian-spectrum.ts); `spectrum` says which, with the residual of each Ritz pair.
 */

import { objectArgument } from "../core/arguments.js";
import { integerInRange, nonNegativeNumber, oneOf, positiveNumber } from "../core/validate.js";
import { centralHessian } from "../math/finite-difference.js";
import type { SpectrumSummary } from "../math/spectrum.js";
import { normUnchecked } from "../math/vector.js";
import { checkProblem, checkProblemPoint } from "../models/check-problem.js";
import type { Problem } from "../models/problem.js";
import { pointSpectrum, type SpectrumMethod } from "./hessian-spectrum.js";
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
  /** "auto" (default: dense up to DENSE_MAX_PARAMETERS parameters, Lanczos above), "dense" or "lanczos". */
  readonly spectrum?: SpectrumMethod;
}

/** How the eigenvalues were computed. */
export interface SpectrumInfo {
  readonly method: "dense" | "lanczos";
  /** max|λ|, the zero threshold's scale. */
  readonly largest: number;
  /** Lanczos: ‖Hy − θy‖ of each reported eigenvalue's unit Ritz vector. */
  readonly residuals?: Float64Array;
  /** False when Lanczos ran out of budget: index and zero modes are then lower bounds. */
  readonly complete: boolean;
  readonly products?: number;
}

export interface Classification {
  readonly label: PointLabel;
  readonly loss: number;
  readonly gradNorm: number;
  readonly index: number;
  readonly zeroModes: number;
  /** Ascending: all of them (dense), or the smallest through the first above the threshold (Lanczos). */
  readonly eigenvalues: Float64Array;
  readonly zeroThreshold: number;
  readonly hessian: "exact" | "central-differences";
  readonly spectrum: SpectrumInfo;
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
  checkProblemPoint(checkProblem(problem), x);
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
  checkProblemPoint(checkProblem(problem), x);
  checkClassifyOptions(options);
  const gradTol = options.gradTol ?? 1e-6;
  const loss = problem.loss(x);
  const gradNorm = normUnchecked(problem.gradient(x));
  const spectrum = pointSpectrum(problem, x, {
    relTol: options.relTol ?? 1e-7,
    method: options.spectrum,
    seed: options.seed ?? 0,
  });
  const base = {
    loss,
    gradNorm,
    index: spectrum.index,
    zeroModes: spectrum.zeroModes,
    eigenvalues: spectrum.eigenvalues,
    zeroThreshold: spectrum.threshold,
    hessian: spectrum.hessian,
    spectrum: {
      method: spectrum.method,
      largest: spectrum.largest,
      complete: spectrum.complete,
      ...(spectrum.residuals ? { residuals: spectrum.residuals, products: spectrum.products } : {}),
    },
  };
  if (!(gradNorm <= gradTol))
    return { ...base, label: "not-stationary", reason: `gradient norm ${gradNorm} exceeds ${gradTol}` };
  if (spectrum.index > 0)
    return { ...base, label: "saddle", reason: `${spectrum.index} negative Hessian eigenvalue(s)` };
  if (!spectrum.complete)
    return {
      ...base,
      label: "degenerate-local-min",
      reason: `no negative Ritz value, but Lanczos stopped after ${spectrum.products} products before the low end converged: not a proof of a minimum`,
    };
  if (spectrum.zeroModes === 0)
    return { ...base, label: "strict-local-min", reason: "positive definite Hessian at a stationary point" };
  const count = options.restarts ?? 5;
  if (count === 0)
    return {
      ...base,
      label: "degenerate-local-min",
      reason: `positive semi-definite with ${spectrum.zeroModes} zero mode(s); not checked further (0 restarts)`,
    };
  const lambdaMax = Math.max(spectrum.largest, 1e-12);
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

function checkClassifyOptions(options: unknown): void {
  const o = objectArgument("options", options);
  for (const f of ["gradTol", "relTol"]) if (o[f] !== undefined) nonNegativeNumber(`options.${f}`, o[f]);
  if (o.restarts !== undefined) integerInRange("options.restarts", o.restarts, 0);
  if (o.restartRadius !== undefined) positiveNumber("options.restartRadius", o.restartRadius);
  if (o.restartIterations !== undefined) integerInRange("options.restartIterations", o.restartIterations, 0);
  if (o.seed !== undefined) integerInRange("options.seed", o.seed, 0);
  if (o.spectrum !== undefined) oneOf("options.spectrum", o.spectrum, ["auto", "dense", "lanczos"] as const);
}
