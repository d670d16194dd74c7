import { InputError } from "../core/errors.js";

/**
 * Upper limits of the counts and step budgets the CLI accepts, checked with the flags before any
 * work, so that an accepted command finishes on a workstation (2–8 cores, a few GB) instead of
 * running for days or exhausting memory. Each error names the limit. Sizes that a model or the
 * library already bounds (K, d, k, p, the sample numbers) keep their own limits where they are.
 */

/** Steps of a 2-D map (fc dynamics2d, fc k1 --polar): ~0.1 µs each, 1e8 in tens of seconds. */
export const MAX_MAP_STEPS = 100_000_000;
/** Steps of population GD on a network (fc train, k1, noisy, ssb, dynamics2d --check-full). */
export const MAX_GD_STEPS = 10_000_000;
/** Independent runs of one in-process command (fc k1 --trials, fc noisy --runs, fc ssb --trials). */
export const MAX_RUNS = 100_000;
/**
 * Work of a command that runs many population-GD runs of the two-layer network (fc noisy, fc ssb):
 * runs × steps × K·(K + K*)·d multiply-adds, about 20 minutes on one core at 10⁹ per second.
 */
export const MAX_FC_WORK = 1e12;

/** Refuses a many-run fc command whose total work exceeds MAX_FC_WORK, naming the flags to lower. */
export function checkFcWork(runs: number, steps: number, K: number, d: number, flags: string): void {
  const work = runs * steps * K * 2 * K * d;
  if (work > MAX_FC_WORK)
    throw new InputError(
      flags,
      `ask for ${work.toExponential(1)} multiply-adds (runs × steps × K·2K·d), more than the limit ${MAX_FC_WORK.toExponential(0)} (about 20 minutes on one core); lower them`,
    );
}

/** Sampled pairs of fc fig3 (each a Monte-Carlo estimate over N samples). */
export const MAX_PAIRS = 1_000_000;
/** Parameters (k + p) of the CNN's dense Hessians in cnn critical: 2,000² doubles = 32 MB, ~10 s. */
export const CNN_CRITICAL_MAX_PARAMETERS = 2000;
/** Network weights K·d of full population GD beside the 2-D map (fc dynamics2d --check-full). */
export const MAX_FULL_CHECK_WEIGHTS = 1_000_000;
/** Points a command records along a trajectory (each a line of output). */
export const MAX_RECORDED = 1_000_000;
/**
 * The largest |coordinate| of a start or a plotted range of the reduced 2-D dynamics and the K = 1
 * polar form: their region is of order 1 (the teacher at (1, 0)), and far beyond it squares overflow.
 */
export const MAX_START = 1e6;
