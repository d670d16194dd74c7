/** How a compute method reports progress: done of total units, with the partial result so far. */
export interface ProgressReport {
  readonly done: number;
  readonly total: number;
  readonly partial?: unknown;
}

export type ProgressFn = (progress: ProgressReport) => void;
