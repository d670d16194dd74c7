/** What every section of the report is computed with. */
import type { StepProgress } from "../io/step-progress.js";
import type { ReportSize } from "./types.js";

export interface ReportSettings {
  /** smoke: tiny, for tests (numbers not meaningful); quick: CI, under 3 minutes on 2 cores; full: the papers' sizes. */
  readonly size: ReportSize;
  readonly seed: number;
  readonly workers: number;
  readonly progress: StepProgress;
}

/** Picks a size-dependent setting. */
export function bySize<T>(
  size: ReportSize,
  values: { readonly smoke: T; readonly quick: T; readonly full: T },
): T {
  return values[size];
}
