/**
 * Running a sweep into a directory, resumably: read what is already there (repairing this shard's
 * torn last line), run only the missing trials this shard owns, append each finished batch.
 */
import { join } from "node:path";
import type { SweepPlan } from "./plan.js";
import { executeTrials } from "./pool.js";
import { ownsTrial, type Shard } from "./shard.js";
import { claimDirectory, minimaVersion, readTrialFiles, TrialAppender, trialFileName } from "./store.js";
import type { TrialRecord } from "./trial.js";
import type { BatchResult } from "./worker.js";

export interface RunReport {
  readonly owned: number;
  readonly alreadyDone: number;
  readonly ran: number;
  readonly repairedBytes: number;
}

export interface RunOptions {
  readonly dir: string;
  readonly specDir: string;
  readonly shard: Shard;
  readonly workers?: number;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  /** Called once before running with what exists, then after each batch. */
  readonly onStart?: (state: { owned: number; done: readonly TrialRecord[] }) => void;
  readonly onBatch?: (result: BatchResult) => void;
}

export async function runSweep(plan: SweepPlan, options: RunOptions): Promise<RunReport> {
  const { dir, shard } = options;
  const { trials } = plan.spec;
  claimDirectory(dir, {
    format: "minima-sweep",
    minimaVersion: minimaVersion(),
    specHash: plan.specHash,
    specDir: options.specDir,
    spec: plan.spec,
  });
  const ownFile = trialFileName(shard.shard, shard.shards);
  const files = readTrialFiles(dir, plan.specHash, ownFile);
  const done = new Uint8Array(plan.cells.length * trials);
  const doneRecords: TrialRecord[] = [];
  for (const file of files) {
    for (const r of file.records) {
      const key = r.cell * trials + r.trial;
      if (!(r.cell >= 0 && r.cell < plan.cells.length && r.trial >= 0 && r.trial < trials)) {
        throw new Error(`${file.path} holds trial (cell ${r.cell}, trial ${r.trial}) outside the spec`);
      }
      if (ownsTrial(shard, trials, r.cell, r.trial) && done[key] === 0) doneRecords.push(r);
      done[key] = 1;
    }
  }
  const own = files.find((f) => f.path === join(dir, ownFile));
  // Round-robin over cells, so every cell's estimate sharpens together and the ETA is honest.
  const todo: { cell: number; trial: number }[] = [];
  let owned = 0;
  for (let trial = 0; trial < trials; trial++) {
    for (let cell = 0; cell < plan.cells.length; cell++) {
      if (!ownsTrial(shard, trials, cell, trial)) continue;
      owned++;
      if (done[cell * trials + trial] === 0) todo.push({ cell, trial });
    }
  }
  options.onStart?.({ owned, done: doneRecords });
  if (todo.length === 0) return { owned, alreadyDone: owned, ran: 0, repairedBytes: own?.tornBytes ?? 0 };
  const appender = new TrialAppender(
    join(dir, ownFile),
    { format: "minima-sweep-trials", minimaVersion: minimaVersion(), specHash: plan.specHash, ...shard },
    own?.header !== undefined,
  );
  let ran = 0;
  try {
    await executeTrials(plan, todo, {
      workers: options.workers,
      batchSize: options.batchSize,
      msPerTrial: plan.cells.length > 0 ? plan.model.msPerTrial?.(plan.cells[0].params) : undefined,
      signal: options.signal,
      onBatch: (result) => {
        appender.appendText(result.jsonl);
        ran += result.cells.length;
        options.onBatch?.(result);
      },
    });
  } finally {
    appender.close();
  }
  return { owned, alreadyDone: owned - todo.length, ran, repairedBytes: own?.tornBytes ?? 0 };
}
