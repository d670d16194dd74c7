/**
 * Runs trials on a piscina worker-thread pool, in batches (one message per batch, not per trial),
 * with a bounded number of batches in flight so that memory stays flat and an interruption loses
 * little. Each finished batch is handed to `onBatch` at once, in completion order.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { ownExtension } from "./model.js";
import type { SweepPlan } from "./plan.js";
import type { TrialRecord } from "./trial.js";
import type { BatchCell, TrialBatch } from "./worker.js";

export interface TrialRef {
  readonly cell: number;
  readonly trial: number;
}

export interface ExecuteOptions {
  readonly workers?: number;
  /** Trials per task; by default about 1/8 of each worker's share, between 1 and 256. */
  readonly batchSize?: number;
  readonly onBatch: (records: readonly TrialRecord[]) => void;
  readonly signal?: AbortSignal;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

export async function executeTrials(
  plan: SweepPlan,
  todo: readonly TrialRef[],
  options: ExecuteOptions,
): Promise<void> {
  if (todo.length === 0) return;
  const workers = Math.max(1, options.workers ?? defaultWorkers());
  const batchSize = options.batchSize ?? Math.min(256, Math.max(1, Math.ceil(todo.length / (workers * 8))));
  const pool = new Piscina({
    filename: workerUrl(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  const batches = toBatches(plan, todo, batchSize);
  let next = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const stopped = () => options.signal?.aborted === true;
  try {
    while (next < batches.length || inFlight.size > 0) {
      while (failure === undefined && !stopped() && next < batches.length && inFlight.size < workers * 2) {
        const task: Promise<void> = pool.run(batches[next++]).then(
          (records: TrialRecord[]) => {
            inFlight.delete(task);
            // Batches still running when stopped are finished work: keep them.
            if (failure === undefined) options.onBatch(records);
          },
          (error: unknown) => {
            inFlight.delete(task);
            failure ??= error;
          },
        );
        inFlight.add(task);
      }
      if (inFlight.size === 0) break;
      // On a stop, the running batches (at most two per worker) finish first; cancelling them in
      // piscina races with their result messages. A second Ctrl-C or kill -9 stops at once.
      await Promise.race(inFlight);
    }
  } finally {
    await pool.destroy();
  }
  if (failure !== undefined) throw failure;
  if (stopped() && next < batches.length) throw new Error("interrupted");
}

/** dist/sweep/worker.js when compiled; from sources, a JS entry that brings tsx into the worker thread. */
function workerUrl(): string {
  const name = ownExtension() === ".ts" ? "./worker-from-sources.mjs" : "./worker.js";
  return new URL(name, import.meta.url).href;
}

function toBatches(plan: SweepPlan, todo: readonly TrialRef[], size: number): TrialBatch[] {
  const batches: TrialBatch[] = [];
  for (let start = 0; start < todo.length; start += size) {
    const cells: BatchCell[] = [];
    const position = new Map<number, number>();
    const items: number[] = [];
    for (const { cell, trial } of todo.slice(start, start + size)) {
      let pos = position.get(cell);
      if (pos === undefined) {
        pos = cells.length;
        position.set(cell, pos);
        const c = plan.cells[cell];
        cells.push({ cell, streamKey: c.streamKey, raw: c.raw });
      }
      items.push(pos, trial);
    }
    batches.push({ modelUrl: plan.modelUrl, seed: plan.spec.seed, cells, items });
  }
  return batches;
}
