/**
 * One run of a view's computation, written once for every view: the run is a plan of worker calls
 * made in parallel (one call, or a grid shared out among several workers); their partial results
 * are combined after every progress report and once more when all have finished. Starting a new
 * run cancels the one before (its workers are terminated); a run's late messages are ignored by
 * generation number. A failed call cancels the rest of its run and reports its message. A plan may
 * end with one more call on the combined result (`last`: a summary that needs every part, such as
 * the families of all runs' end points), which Cancel stops like the others.
 */
import type { ComputeApi, ComputeMethod } from "./compute/api.js";
import { Cancelled, type Job, type WorkerPool } from "./rpc.js";

export interface WorkerCall {
  readonly method: ComputeMethod;
  readonly args: unknown;
}

/** A typed worker call: the method's name and its argument. */
export function call<M extends ComputeMethod>(method: M, args: Parameters<ComputeApi[M]>[0]): WorkerCall {
  return { method, args };
}

export interface RunPlan<R> {
  /** The calls, run in parallel; none means there is nothing to compute. */
  readonly calls: readonly WorkerCall[];
  /** Units of work in the whole run (trials, starts), for the progress bar. */
  readonly total: number;
  /** The result so far from each call's latest partial (or final) result; undefined: none yet. */
  combine(parts: readonly unknown[]): R;
  /** Units of work done in a combined result. */
  count(result: R): number;
  /** One last call once every call has finished: made from the combined result (none: the run is done), its answer merged into it. */
  readonly last?: {
    call(result: R): WorkerCall | undefined;
    merge(result: R, answer: unknown): R;
  };
}

/** A plan of one call whose result is the run's result (no partial results). */
export function single<M extends ComputeMethod>(
  method: M,
  args: Parameters<ComputeApi[M]>[0],
): RunPlan<ReturnType<ComputeApi[M]>> {
  return {
    calls: [call(method, args)],
    total: 1,
    combine: (parts) => parts[0] as ReturnType<ComputeApi[M]>,
    count: (result) => (result === undefined ? 0 : 1),
  };
}

/** How many workers to share a grid among: the cores, at most 4, at most `items`. */
export function workerCount(items = Number.POSITIVE_INFINITY): number {
  const cores = (typeof navigator !== "undefined" && navigator.hardwareConcurrency) || 2;
  return Math.max(1, Math.min(4, cores, items));
}

/** Items i with i mod workers = w, for each worker w. */
export function shareOut<T>(items: readonly T[], workers: number): T[][] {
  return Array.from({ length: workers }, (_, w) => items.filter((_, i) => i % workers === w));
}

export interface RunHooks<R> {
  /** A partial result (after a progress report or after one of several calls finished). */
  partial(result: R, done: number, total: number): void;
  finish(result: R, total: number): void;
  fail(message: string): void;
}

export class RunCycle {
  private jobs: Job<unknown>[] = [];
  private generation = 0;

  constructor(private readonly pool: WorkerPool) {}

  get running(): boolean {
    return this.jobs.length > 0;
  }

  start<R>(plan: RunPlan<R>, hooks: RunHooks<R>): void {
    this.cancel();
    const generation = this.generation;
    const live = () => generation === this.generation;
    const parts: unknown[] = plan.calls.map(() => undefined);
    const report = () => {
      const result = plan.combine(parts);
      hooks.partial(result, plan.count(result), plan.total);
    };
    if (plan.calls.length === 0) {
      hooks.finish(plan.combine(parts), plan.total);
      return;
    }
    let finished = 0;
    this.jobs = plan.calls.map((c, i) => {
      const job = this.pool.call(c.method, c.args as never, (progress) => {
        if (!live()) return;
        parts[i] = progress.partial;
        report();
      });
      job.promise.then(
        (result) => {
          if (!live()) return;
          parts[i] = result;
          finished++;
          if (finished < plan.calls.length) return report();
          this.jobs = [];
          this.end(plan, plan.combine(parts), hooks, live);
        },
        (error: unknown) => this.failed(error, hooks, live),
      );
      return job;
    });
  }

  /** Finishes the run, after the plan's last call when it has one. */
  private end<R>(plan: RunPlan<R>, combined: R, hooks: RunHooks<R>, live: () => boolean): void {
    const last = plan.last?.call(combined);
    if (!plan.last || !last) {
      hooks.finish(combined, plan.total);
      return;
    }
    const { merge } = plan.last;
    hooks.partial(combined, plan.count(combined), plan.total);
    const job = this.pool.call(last.method, last.args as never);
    this.jobs = [job];
    job.promise.then(
      (answer) => {
        if (!live()) return;
        this.jobs = [];
        hooks.finish(merge(combined, answer), plan.total);
      },
      (error: unknown) => this.failed(error, hooks, live),
    );
  }

  private failed<R>(error: unknown, hooks: RunHooks<R>, live: () => boolean): void {
    if (error instanceof Cancelled || !live()) return;
    this.cancel();
    hooks.fail(error instanceof Error ? error.message : String(error));
  }

  /** Stops the run's workers; true when something was running. */
  cancel(): boolean {
    const wasRunning = this.jobs.length > 0;
    for (const job of this.jobs) job.cancel();
    this.jobs = [];
    this.generation++;
    return wasRunning;
  }
}
