/**
 * The Hessian spectrum at a point of any `Problem`, dense or iterative by size.
 *
 * Up to DENSE_MAX_PARAMETERS parameters the Hessian is formed and fully decomposed (every eigenvalue).
 * Above, its smallest eigenvalues come from block Lanczos on Hessian–vector products
 * (math/low-spectrum.ts): the model's exact `hessianVector` when it has one, else products with its
 * dense exact Hessian (formed once), else central differences of its gradient,
 * Hv ≈ (∇L(x + hv) − ∇L(x − hv))/2h with h = 1e-4/‖v‖ (about 1e-8 relative, as the dense fallback).
 * Which one was used is named in the result (`method`, `hessian`).
 */

import { objectArgument } from "../core/arguments.js";
import { integerInRange, nonNegativeNumber, oneOf, positiveNumber } from "../core/validate.js";
import { centralHessian } from "../math/finite-difference.js";
import {
  denseSpectrum,
  type LanczosSpectrumOptions,
  type LowSpectrum,
  lanczosSpectrum,
} from "../math/low-spectrum.js";
import { checkProblem, checkProblemPoint } from "../models/check-problem.js";
import type { Problem } from "../models/problem.js";

/**
 * Largest parameter count decomposed densely. Measured (docs/large-landscapes.md): at 400 parameters
 * Lanczos on the fc Hessian–vector product is already faster than forming and decomposing the Hessian.
 */
export const DENSE_MAX_PARAMETERS = 300;

export type SpectrumMethod = "auto" | "dense" | "lanczos";

export interface PointSpectrumOptions extends LanczosSpectrumOptions {
  /** "auto" (default): dense up to DENSE_MAX_PARAMETERS, Lanczos above. */
  readonly method?: SpectrumMethod;
}

export interface PointSpectrum extends LowSpectrum {
  /** Where the second derivatives came from. */
  readonly hessian: "exact" | "central-differences";
}

/** The problem's Hessian–vector product at x, and where it comes from. */
export function hessianVectorProduct(
  problem: Problem,
  x: Float64Array,
): { apply: (v: Float64Array) => Float64Array; source: "exact" | "central-differences" } {
  if (problem.hessianVector) {
    const hv = problem.hessianVector.bind(problem);
    return { apply: (v) => hv(x, v), source: "exact" };
  }
  if (problem.hessian) {
    const rows = problem.hessian(x);
    return {
      apply: (v) =>
        Float64Array.from(rows, (row) => {
          let s = 0;
          for (let i = 0; i < row.length; i++) s += row[i] * v[i];
          return s;
        }),
      source: "exact",
    };
  }
  return {
    apply: (v) => {
      let vn = 0;
      for (const t of v) vn += t * t;
      vn = Math.sqrt(vn);
      if (vn === 0) return new Float64Array(v.length);
      const h = 1e-4 / vn;
      const plus = Float64Array.from(x, (xi, i) => xi + h * v[i]);
      const minus = Float64Array.from(x, (xi, i) => xi - h * v[i]);
      const gp = problem.gradient(plus);
      const gm = problem.gradient(minus);
      return Float64Array.from(gp, (g, i) => (g - gm[i]) / (2 * h));
    },
    source: "central-differences",
  };
}

export function pointSpectrum(
  problem: Problem,
  x: Float64Array,
  options: PointSpectrumOptions = {},
): PointSpectrum {
  checkProblemPoint(checkProblem(problem), x);
  checkSpectrumOptions(options);
  const n = x.length;
  const method = options.method ?? "auto";
  if (method === "dense" || (method === "auto" && n <= DENSE_MAX_PARAMETERS)) {
    const exact = problem.hessian !== undefined;
    const rows = exact
      ? (problem.hessian as (y: Float64Array) => Float64Array[])(x)
      : centralHessian((y) => problem.gradient(y), x, 1e-4);
    return { ...denseSpectrum(rows, options.relTol), hessian: exact ? "exact" : "central-differences" };
  }
  const { apply, source } = hessianVectorProduct(problem, x);
  return { ...lanczosSpectrum(apply, n, options), hessian: source };
}

function checkSpectrumOptions(options: unknown): void {
  const o = objectArgument("options", options);
  if (o.method !== undefined) oneOf("options.method", o.method, ["auto", "dense", "lanczos"] as const);
  for (const f of ["relTol", "absTol"]) if (o[f] !== undefined) nonNegativeNumber(`options.${f}`, o[f]);
  for (const f of ["tol", "reportTol"]) if (o[f] !== undefined) positiveNumber(`options.${f}`, o[f]);
  for (const f of ["count", "blockSize", "maxBasis", "maxProducts", "maxCount"])
    if (o[f] !== undefined) integerInRange(`options.${f}`, o[f], 1);
  if (o.seed !== undefined) integerInRange("options.seed", o.seed, 0);
}
