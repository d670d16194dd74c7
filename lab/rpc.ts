/**
 * Cancellable calls into Web Workers.
 *
 * The numeric core is synchronous (a trial is a plain loop), so the only way to stop a long
 * computation at once is to terminate the worker running it. Each call therefore gets its own
 * worker, taken from a small idle list and returned when the call finishes; `cancel()` terminates
 * the worker and rejects the promise with `Cancelled`. Workers report progress with
 * {id, progress} messages and finish with {id, result} or {id, error}.
 */
import type { ComputeApi, ComputeMethod } from "./compute/api.js";
import type { ProgressReport } from "./compute/progress.js";

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

export interface Job<T> {
  readonly promise: Promise<T>;
  cancel(): void;
}

export type Progress = ProgressReport;

type Reply =
  | { id: number; progress: Progress }
  | { id: number; result: unknown }
  | { id: number; error: string };

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private nextId = 1;
  private live = 0;

  constructor(
    private readonly spawn: () => Worker,
    private readonly keepIdle = 2,
  ) {}

  /** Number of calls running now (the e2e tests read it through the page). */
  get running(): number {
    return this.live;
  }

  call<M extends ComputeMethod>(
    method: M,
    args: Parameters<ComputeApi[M]>[0],
    onProgress?: (p: Progress) => void,
  ): Job<ReturnType<ComputeApi[M]>> {
    const worker = this.idle.pop() ?? this.spawn();
    const id = this.nextId++;
    let settled = false;
    let rejectJob: (e: Error) => void = () => {};
    this.live++;
    const finish = (keep: boolean) => {
      if (settled) return;
      settled = true;
      this.live--;
      worker.onmessage = null;
      worker.onerror = null;
      if (keep && this.idle.length < this.keepIdle) this.idle.push(worker);
      else worker.terminate();
    };
    const promise = new Promise<ReturnType<ComputeApi[M]>>((resolve, reject) => {
      rejectJob = reject;
      worker.onmessage = (event: MessageEvent<Reply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if ("progress" in reply) onProgress?.(reply.progress);
        else if ("result" in reply) {
          finish(true);
          resolve(reply.result as ReturnType<ComputeApi[M]>);
        } else {
          finish(true);
          reject(new Error(reply.error));
        }
      };
      worker.onerror = (event) => {
        finish(false);
        reject(new Error(event.message || "the worker failed"));
      };
      worker.postMessage({ id, method, args });
    });
    return {
      promise,
      cancel: () => {
        if (settled) return;
        finish(false);
        rejectJob(new Cancelled());
      },
    };
  }
}

/** The lab's workers: the bundled compute entry point. */
export function createPool(): WorkerPool {
  return new WorkerPool(
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "minima-compute" }),
  );
}
