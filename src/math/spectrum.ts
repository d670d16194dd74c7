/**
 * What a Hessian's eigenvalues say about a point: its index (negative directions) and its zero
 * modes. An eigenvalue counts as zero when |λ| ≤ relTol · max|λ| (and ≤ absTol when the whole
 * spectrum is tiny), so the verdict does not depend on the problem's scale.
 */
import { float64Argument, squareRowsArgument } from "../core/arguments.js";
import { nonNegativeNumber } from "../core/validate.js";
import { symmetricEigen } from "./eigen.js";

export interface SpectrumSummary {
  /** Ascending. */
  readonly eigenvalues: Float64Array;
  /** Number of eigenvalues below −threshold. */
  readonly index: number;
  /** Number of eigenvalues within ±threshold. */
  readonly zeroModes: number;
  /** The threshold used. */
  readonly threshold: number;
}

export function summariseSpectrum(eigenvalues: Float64Array, relTol = 1e-7, absTol = 1e-12): SpectrumSummary {
  float64Argument("eigenvalues", eigenvalues);
  nonNegativeNumber("relTol", relTol);
  nonNegativeNumber("absTol", absTol);
  let largest = 0;
  for (const v of eigenvalues) largest = Math.max(largest, Math.abs(v));
  const threshold = Math.max(relTol * largest, absTol);
  let index = 0;
  let zeroModes = 0;
  for (const v of eigenvalues) {
    if (v < -threshold) index++;
    else if (v <= threshold) zeroModes++;
  }
  return { eigenvalues, index, zeroModes, threshold };
}

export function hessianSpectrum(rows: ReadonlyArray<ArrayLike<number>>, relTol?: number): SpectrumSummary {
  squareRowsArgument("rows", rows);
  if (relTol !== undefined) nonNegativeNumber("relTol", relTol);
  return summariseSpectrum(symmetricEigen(rows).values, relTol);
}
