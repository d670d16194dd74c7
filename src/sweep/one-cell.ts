/**
 * A one-cell sweep held in memory: every trial of the plan's first cell on the worker pool, reporting
 * how many are done after each batch, and the cell's summary. The CLI's `cnn probability` and `fc probability` are this
 * plus their flags and printing; their trials are those of the same cell in any sweep.
 */
import type { SweepPlan } from "./plan.js";
import { executeTrials } from "./pool.js";
import { type CellSummary, summariseSweep } from "./summary.js";
import type { TrialRecord } from "./trial.js";
import { batchRecords } from "./worker.js";

export async function runOneCell(
  plan: SweepPlan,
  trials: number,
  options: { readonly workers: number; readonly onProgress?: (done: number) => void },
): Promise<CellSummary> {
  const records: TrialRecord[] = [];
  const todo = Array.from({ length: trials }, (_, trial) => ({ cell: 0, trial }));
  await executeTrials(plan, todo, {
    workers: options.workers,
    msPerTrial: plan.model.msPerTrial?.(plan.cells[0].params),
    onBatch: (batch) => {
      records.push(...batchRecords(batch));
      options.onProgress?.(records.length);
    },
  });
  return summariseSweep(plan, records).cells[0];
}
