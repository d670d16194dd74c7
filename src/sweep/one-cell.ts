/**
 * A one-cell sweep counted as it goes: every trial of the plan's first cell on the worker pool,
 * reporting how many are done after each batch, and the cell's summary. Records are not kept (the
 * summary builder holds one byte per trial; models that group end points keep theirs), so the count
 * of trials is bounded by time, not memory. The CLI's `cnn probability` and `fc probability` are
 * this plus their flags and printing; their trials are those of the same cell in any sweep.
 */
import type { SweepPlan } from "./plan.js";
import { executeTrials, roundRobinQueue } from "./pool.js";
import { type CellSummary, SweepSummaryBuilder } from "./summary.js";
import { batchRecords } from "./worker.js";

export async function runOneCell(
  plan: SweepPlan,
  trials: number,
  options: { readonly workers: number; readonly onProgress?: (done: number) => void },
): Promise<CellSummary> {
  const summary = new SweepSummaryBuilder(plan);
  let done = 0;
  await executeTrials(
    plan,
    roundRobinQueue(1, trials, () => true, trials),
    {
      workers: options.workers,
      msPerTrial: plan.model.msPerTrial?.(plan.cells[0].params),
      onBatch: (batch) => {
        for (const r of batchRecords(batch)) summary.add(r);
        done += batch.cells.length;
        options.onProgress?.(done);
      },
    },
  );
  return summary.finish().cells[0];
}
