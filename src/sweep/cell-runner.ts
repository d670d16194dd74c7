/**
 * The trials of one cell, run in this thread: trial t is `model.run(params, Rng.fromSeed(seed,
 * streamKey, t))`, exactly as the worker pool and the sweep store run it, so an in-thread count (the
 * report with one worker, the lab's workers) equals a sweep's trial for trial. No pool, no I/O.
 */
import { Rng } from "../math/rng.js";
import type { SweepModel, TrialResult } from "./model.js";

export function runCellTrials<P, R extends TrialResult = TrialResult>(
  model: SweepModel<P>,
  params: P,
  seed: number,
  streamKey: number,
  trials: number,
  onTrial?: (result: R, trial: number) => void,
): R[] {
  const results: R[] = [];
  for (let t = 0; t < trials; t++) {
    const result = model.run(params, Rng.fromSeed(seed, streamKey, t)) as R;
    results.push(result);
    onTrial?.(result, t);
  }
  return results;
}
