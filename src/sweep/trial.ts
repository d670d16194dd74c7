/**
 * One trial: the model run on one cell's parameters from the stream (seed, cell stream key, trial),
 * turned into the flat record stored as one JSONL line.
 */
import { Rng } from "../math/rng.js";
import type { SweepModel } from "./model.js";

export interface TrialRecord {
  readonly cell: number;
  readonly trial: number;
  /** The random stream's path: Rng.fromSeed(...seed) replays the trial. */
  readonly seed: readonly [number, number, number];
  readonly outcome: string;
  readonly [field: string]: unknown;
}

export function runTrial(
  model: SweepModel,
  params: unknown,
  seed: number,
  streamKey: number,
  cell: number,
  trial: number,
): TrialRecord {
  const result = model.run(params, Rng.fromSeed(seed, streamKey, trial));
  const record: Record<string, unknown> = {
    cell,
    trial,
    seed: [seed, streamKey, trial],
    outcome: result.outcome,
  };
  for (const [key, value] of Object.entries(result)) {
    if (key === "outcome") continue;
    // JSON has no NaN or infinity; a model reports divergence as its outcome, and the number is kept as null.
    record[key] = Array.isArray(value) ? value.map(finiteOrNull) : finiteOrNull(value);
  }
  return record as TrialRecord;
}

function finiteOrNull<T>(value: T): T | null {
  return typeof value === "number" && !Number.isFinite(value) ? null : value;
}
