/**
 * Running a sweep into a directory, resumably: take this shard's lock, read what is already there
 * (checking every line, repairing this shard's torn last line), run only the missing trials this
 * shard owns, append each finished batch. Memory: one byte per planned trial plus the pending
 * batches, whatever the size of the files.
 */
import { join } from "node:path";
import { lockShard } from "./lock.js";
import type { SweepPlan } from "./plan.js";
import { executeTrials, roundRobinQueue } from "./pool.js";
import { ownsTrial, type Shard } from "./shard.js";
import {
  claimDirectory,
  minimaVersion,
  scanTrialFile,
  TrialAppender,
  type TrialFileScan,
  trialFileName,
  trialFilesIn,
} from "./store.js";
import type { BatchResult } from "./worker.js";

export interface RunReport {
  readonly owned: number;
  readonly alreadyDone: number;
  readonly ran: number;
  readonly repairedBytes: number;
  /** Bad lines dropped from this shard's file by --repair (their trials were run again). */
  readonly droppedLines: number;
}

export interface RunOptions {
  readonly dir: string;
  readonly specDir: string;
  readonly shard: Shard;
  readonly workers?: number;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  /** Drop bad lines of this shard's file (reported with file and line otherwise) and run their trials again. */
  readonly repair?: boolean;
  /**
   * Called once before running with what exists (the cells and outcomes of this shard's finished
   * trials), then after each batch.
   */
  readonly onStart?: (state: {
    owned: number;
    doneCells: readonly number[];
    doneOutcomes: readonly string[];
  }) => void;
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
    ...(plan.modelHash ? { modelHash: plan.modelHash } : {}),
    spec: plan.spec,
  });
  const ownPath = join(dir, trialFileName(shard.shard, shard.shards));
  // Taken before reading, so what is read cannot change under us (a second writer waits for nobody: it refuses).
  const lock = lockShard(ownPath);
  try {
    const rules = { cells: plan.cells.length, trials, outcomes: plan.model.outcomes };
    const done = new Uint8Array(plan.cells.length * trials);
    const doneCells: number[] = [];
    const doneOutcomes: string[] = [];
    let own: TrialFileScan | undefined;
    for (const path of trialFilesIn(dir)) {
      const mine = path === ownPath;
      const scan = scanTrialFile(
        path,
        rules,
        (r) => {
          const key = r.cell * trials + r.trial;
          if (done[key] === 0 && ownsTrial(shard, trials, r.cell, r.trial)) {
            doneCells.push(r.cell);
            doneOutcomes.push(r.outcome);
          }
          done[key] = 1;
        },
        { specHash: plan.specHash, repair: mine ? (options.repair ? "lines" : "tail") : undefined },
      );
      if (mine) own = scan;
    }
    // Round-robin over cells, so every cell's estimate sharpens together and the ETA is honest.
    let owned = 0;
    let left = 0;
    for (let trial = 0; trial < trials; trial++) {
      for (let cell = 0; cell < plan.cells.length; cell++) {
        if (!ownsTrial(shard, trials, cell, trial)) continue;
        owned++;
        if (done[cell * trials + trial] === 0) left++;
      }
    }
    const todo = roundRobinQueue(
      plan.cells.length,
      trials,
      (cell, trial) => ownsTrial(shard, trials, cell, trial) && done[cell * trials + trial] === 0,
      left,
    );
    options.onStart?.({ owned, doneCells, doneOutcomes });
    const report = {
      owned,
      alreadyDone: owned - left,
      ran: 0,
      repairedBytes: own?.tornBytes ?? 0,
      droppedLines: own?.dropped ?? 0,
    };
    if (left === 0) return report;
    const appender = new TrialAppender(
      ownPath,
      {
        format: "minima-sweep-trials",
        minimaVersion: minimaVersion(),
        specHash: plan.specHash,
        ...shard,
        checksums: true,
      },
      own?.header,
    );
    let ran = 0;
    try {
      await executeTrials(plan, todo, {
        workers: options.workers,
        batchSize: options.batchSize,
        msPerTrial: plan.cells.length > 0 ? plan.model.msPerTrial?.(plan.cells[0].params) : undefined,
        signal: options.signal,
        onBatch: (result) => {
          appender.appendRecords(result.jsonl);
          ran += result.cells.length;
          options.onBatch?.(result);
        },
      });
    } finally {
      appender.close();
    }
    return { ...report, ran };
  } finally {
    lock.release();
  }
}
