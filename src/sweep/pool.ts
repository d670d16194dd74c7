/**
 * Runs trials on a piscina worker-thread pool, in batches (one message per batch, not per trial),
 * with a bounded number of batches in flight so that memory stays flat and an interruption loses
 * little. Each finished batch is handed to `onBatch` at once, in completion order.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { ownExtension } from "./model.js";
import type { SweepPlan } from "./plan.js";
import type { BatchCell, BatchResult, TrialBatch } from "./worker.js";

/**
 * What the pool needs to run trials: the model's module, the root seed and each cell's stream key
 * and raw parameters. A sweep plan is one; the report builds others for cells that are not a grid.
 */
export interface TrialSource {
  readonly modelUrl: string;
  readonly seed: number;
  readonly cells: readonly { readonly streamKey: number; readonly raw: Readonly<Record<string, unknown>> }[];
}

export interface TrialRef {
  readonly cell: number;
  readonly trial: number;
}

/**
 * The trials still to run, taken in order a batch at a time. A queue rather than an array: a sweep of
 * 10⁷ trials would otherwise hold 10⁷ objects (hundreds of MB) before the first trial starts.
 */
export interface TrialQueue {
  /** Trials not yet taken. */
  readonly remaining: number;
  /** The next `count` trials (fewer at the end). */
  take(count: number): TrialRef[];
}

/** A queue over a list of trials (small sets: tests, the report's cells). */
export function listQueue(refs: readonly TrialRef[]): TrialQueue {
  let next = 0;
  return {
    get remaining() {
      return refs.length - next;
    },
    take(count) {
      const batch = refs.slice(next, next + count);
      next += batch.length;
      return batch;
    },
  };
}

/**
 * The trials (cell, trial) with `include(cell, trial)` in round-robin order over the cells (trial 0
 * of every cell, then trial 1, …), so every cell's estimate sharpens together; `count` is how many
 * there are (the caller counts them once). Constant memory: a cursor, not a list.
 */
export function roundRobinQueue(
  cells: number,
  trials: number,
  include: (cell: number, trial: number) => boolean,
  count: number,
): TrialQueue {
  let position = 0;
  let left = count;
  return {
    get remaining() {
      return left;
    },
    take(wanted) {
      const batch: TrialRef[] = [];
      while (batch.length < wanted && left > 0 && position < cells * trials) {
        const trial = Math.floor(position / cells);
        const cell = position - trial * cells;
        position++;
        if (!include(cell, trial)) continue;
        batch.push({ cell, trial });
        left--;
      }
      return batch;
    },
  };
}

export interface ExecuteOptions {
  readonly workers?: number;
  /** Trials per task; by default adaptive (see `BatchSizer`). */
  readonly batchSize?: number;
  /** The model's own estimate of a trial's cost (SweepModel.msPerTrial), for the first batches. */
  readonly msPerTrial?: number;
  readonly onBatch: (result: BatchResult) => void;
  readonly signal?: AbortSignal;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Adaptive batch size: each task costs the main thread a fixed overhead (about a millisecond under
 * piscina), which on a 2-core machine is taken from a worker, so tasks should last long enough to
 * hide it (~0.25 s) — yet stay short enough for smooth progress, a prompt Ctrl-C, and an even
 * finish (never more than a quarter of each worker's remaining share). Starts small, then sizes by
 * the measured time per trial.
 */
class BatchSizer {
  private msPerTrial: number | undefined;
  constructor(
    private readonly workers: number,
    hint?: number,
  ) {
    this.msPerTrial = hint !== undefined && hint > 0 ? hint : undefined;
  }

  observe(result: BatchResult): void {
    if (result.cells.length === 0) return;
    // The latest batch alone: the first ones run before the JIT has warmed up and would hold the size down.
    this.msPerTrial = Math.max(result.elapsedMs, 0.001) / result.cells.length;
  }

  next(remaining: number): number {
    const byTime = this.msPerTrial === undefined ? 16 : Math.round(250 / this.msPerTrial);
    const byBalance = Math.ceil(remaining / (4 * this.workers));
    return Math.max(1, Math.min(byTime, byBalance, 5000));
  }
}

export async function executeTrials(
  planOrSource: SweepPlan | TrialSource,
  trials: readonly TrialRef[] | TrialQueue,
  options: ExecuteOptions,
): Promise<void> {
  const queue = Array.isArray(trials) ? listQueue(trials) : (trials as TrialQueue);
  const total = queue.remaining;
  if (total === 0) return;
  const source: TrialSource =
    "spec" in planOrSource
      ? { modelUrl: planOrSource.modelUrl, seed: planOrSource.spec.seed, cells: planOrSource.cells }
      : planOrSource;
  // More threads than cores or than trials only cost memory (each holds a V8 heap): 1,024 asked for
  // 10 trials once started 1,024 threads (6.5 GB). Results do not depend on the count.
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), defaultWorkers(), total));
  const sizer = new BatchSizer(workers, options.msPerTrial);
  const pool = new Piscina({
    filename: workerUrl(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const stopped = () => options.signal?.aborted === true;
  try {
    while (queue.remaining > 0 || inFlight.size > 0) {
      while (failure === undefined && !stopped() && queue.remaining > 0 && inFlight.size < workers * 2) {
        const size = options.batchSize ?? sizer.next(queue.remaining);
        const batch = toBatch(source, queue.take(size));
        const task: Promise<void> = pool.run(batch).then(
          (result: BatchResult) => {
            inFlight.delete(task);
            sizer.observe(result);
            // Batches still running when stopped are finished work: keep them.
            if (failure === undefined) options.onBatch(result);
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
  if (stopped() && queue.remaining > 0) throw new Error("interrupted");
}

/** dist/sweep/worker.js when compiled; from sources, a JS entry that brings tsx into the worker thread. */
function workerUrl(): string {
  const name = ownExtension() === ".ts" ? "./worker-from-sources.mjs" : "./worker.js";
  return new URL(name, import.meta.url).href;
}

function toBatch(source: TrialSource, refs: readonly TrialRef[]): TrialBatch {
  const cells: BatchCell[] = [];
  const position = new Map<number, number>();
  const items: number[] = [];
  for (const { cell, trial } of refs) {
    let pos = position.get(cell);
    if (pos === undefined) {
      pos = cells.length;
      position.set(cell, pos);
      const c = source.cells[cell];
      cells.push({ cell, streamKey: c.streamKey, raw: c.raw });
    }
    items.push(pos, trial);
  }
  return { modelUrl: source.modelUrl, seed: source.seed, cells, items };
}
