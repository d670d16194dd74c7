/**
 * The worker-thread side of the pool: runs a batch of trials and returns their records. Loaded by
 * piscina from dist/sweep/worker.js, or from this .ts file under tsx (the pool picks the extension
 * this module was loaded with, and worker threads inherit tsx through execArgv).
 */
import { loadModel } from "./model.js";
import { runTrial, type TrialRecord } from "./trial.js";

export interface BatchCell {
  readonly cell: number;
  readonly streamKey: number;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface TrialBatch {
  readonly modelUrl: string;
  readonly seed: number;
  readonly cells: readonly BatchCell[];
  /** Pairs (position in `cells`, trial index), flattened. */
  readonly items: readonly number[];
}

const resolvedParams = new Map<string, unknown>();

export async function runBatch(batch: TrialBatch): Promise<TrialRecord[]> {
  const model = await loadModel(batch.modelUrl);
  const params = batch.cells.map((c) => {
    const key = `${batch.modelUrl}\u0000${c.streamKey}`;
    if (!resolvedParams.has(key)) resolvedParams.set(key, model.resolve(c.raw, "spec"));
    return resolvedParams.get(key);
  });
  const out: TrialRecord[] = [];
  for (let i = 0; i < batch.items.length; i += 2) {
    const c = batch.cells[batch.items[i]];
    out.push(runTrial(model, params[batch.items[i]], batch.seed, c.streamKey, c.cell, batch.items[i + 1]));
  }
  return out;
}

export default runBatch;
