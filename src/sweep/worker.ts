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

/**
 * A finished batch. The records travel as JSONL text, stringified here in the worker, so the main
 * thread (which on a 2-core machine shares a core with a worker) only writes them out; the cells
 * and outcomes beside it feed progress counts without parsing.
 */
export interface BatchResult {
  readonly jsonl: string;
  readonly cells: readonly number[];
  readonly outcomes: readonly string[];
  /** Time the worker spent on the batch, for sizing the next ones. */
  readonly elapsedMs: number;
}

/** The records of a finished batch, for callers that keep them in memory. */
export function batchRecords(result: BatchResult): TrialRecord[] {
  const lines = result.jsonl.split("\n");
  lines.pop();
  return lines.map((line) => JSON.parse(line) as TrialRecord);
}

const resolvedParams = new Map<string, unknown>();

export async function runBatch(batch: TrialBatch): Promise<BatchResult> {
  const model = await loadModel(batch.modelUrl);
  const params = batch.cells.map((c) => {
    // keyed by the parameters too: cells may share a stream on purpose (same starts, other settings)
    const key = `${batch.modelUrl}\u0000${c.streamKey}\u0000${JSON.stringify(c.raw)}`;
    if (!resolvedParams.has(key)) resolvedParams.set(key, model.resolve(c.raw, "spec"));
    return resolvedParams.get(key);
  });
  const started = performance.now(); // after loading the model: only the trials' own time
  let jsonl = "";
  const cells: number[] = [];
  const outcomes: string[] = [];
  for (let i = 0; i < batch.items.length; i += 2) {
    const c = batch.cells[batch.items[i]];
    const record = runTrial(
      model,
      params[batch.items[i]],
      batch.seed,
      c.streamKey,
      c.cell,
      batch.items[i + 1],
    );
    jsonl += `${JSON.stringify(record)}\n`;
    cells.push(record.cell);
    outcomes.push(record.outcome);
  }
  return { jsonl, cells, outcomes, elapsedMs: performance.now() - started };
}

export default runBatch;
