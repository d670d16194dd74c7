/**
 * Runs the report's heavy computations on the sweep worker pool (src/sweep/pool.ts), the same pool
 * the trial sweeps use: each job is one "cell" of a TrialSource whose model is the report's job
 * model (model.ts, loaded by URL in every worker thread, as sweep models are), run as one trial.
 *
 * A job is a name from the job table (registry.ts) and plain arguments; its result is a pure function
 * of them (every random stream inside is seeded from the report's seed), so the report's numbers do
 * not depend on the worker count or on the order jobs finish in. With one worker the jobs run in this
 * thread, through the same model and the same encoding (codec.ts), so the values are identical.
 */
import { Rng } from "../../math/rng.js";
import { loadModel, ownExtension } from "../../sweep/model.js";
import { executeTrials } from "../../sweep/pool.js";
import { batchRecords } from "../../sweep/worker.js";
import type { ReportSettings } from "../settings.js";
import { decodeResult } from "./codec.js";

export interface Job {
  /** A name from the job table (registry.ts). */
  readonly job: string;
  /** Plain, JSON-serialisable arguments. */
  readonly args: unknown;
  /** A rough relative cost: the costliest jobs start first, so the pool ends evenly. */
  readonly cost?: number;
}

/** The module URL of the job model, for the pool's workers. */
export function jobModelUrl(): string {
  return new URL(`./model${ownExtension()}`, import.meta.url).href;
}

/**
 * Runs the jobs and returns their results in the order given. `onDone` is called after each job
 * with its index (in completion order).
 */
export async function runJobs(
  jobs: readonly Job[],
  settings: Pick<ReportSettings, "workers" | "seed">,
  onDone: (index: number) => void = () => {},
): Promise<unknown[]> {
  const results = new Array<unknown>(jobs.length);
  const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b].cost ?? 1) - (jobs[a].cost ?? 1) || a - b);
  const raw = (j: Job) => ({ job: j.job, args: j.args }) as Record<string, unknown>;
  if (settings.workers <= 1 || jobs.length <= 1) {
    const model = await loadModel(jobModelUrl());
    for (const i of order) {
      const params = model.resolve(raw(jobs[i]), "job");
      // the stream the pool would give (seed, stream key 0, trial 0); the jobs seed their own
      const out = model.run(params, Rng.fromSeed(settings.seed, 0, 0));
      results[i] = decodeResult(out.result as string);
      onDone(i);
    }
    return results;
  }
  await executeTrials(
    { modelUrl: jobModelUrl(), seed: settings.seed, cells: jobs.map((j) => ({ streamKey: 0, raw: raw(j) })) },
    order.map((cell) => ({ cell, trial: 0 })),
    {
      workers: Math.min(settings.workers, jobs.length),
      // jobs last from a fraction of a second to a minute: one per task keeps both cores busy to the end
      batchSize: 1,
      onBatch: (batch) => {
        for (const record of batchRecords(batch)) {
          results[record.cell] = decodeResult(record.result as string);
          onDone(record.cell);
        }
      },
    },
  );
  return results;
}
