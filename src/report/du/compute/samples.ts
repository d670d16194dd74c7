/** Du et al. (2018): population versus finite-sample GD from the same starts. */

import type { CnnTrialSpec } from "../../../experiments/cnn/spec.js";
import type { CnnTrialResult } from "../../../experiments/cnn/trial.js";
import { type ProportionEstimate, wilsonInterval } from "../../../math/stats.js";
import { streamKeyOf } from "../../../sweep/canonical.js";
import { bySize, type ReportSettings } from "../../settings.js";
import { countOutcomes, duSpec, keyed, type OutcomeCounts, runCells } from "./cells.js";

export interface DuSampleRow {
  /** Number of drawn inputs, or 0 for the population gradient. */
  readonly samples: number;
  readonly global: ProportionEstimate;
  readonly spurious: ProportionEstimate;
  readonly counts: OutcomeCounts;
  /** Trials whose outcome equals the population run's from the same start. */
  readonly sameAsPopulation: ProportionEstimate;
}

export interface DuSamples {
  readonly base: CnnTrialSpec;
  readonly rows: readonly DuSampleRow[];
}

export async function samplesVsPopulation(
  settings: ReportSettings,
  onTrials: (n: number) => void,
): Promise<DuSamples> {
  // Small k and p: finite-sample GD costs n·k·p per step.
  const base = duSpec(9, 1, { p: 9, eta: 0.2, maxSteps: 4000 });
  const ns = bySize(settings.size, { smoke: [20], quick: [25, 100, 400], full: [25, 100, 400, 1600] });
  const trials = bySize(settings.size, { smoke: 3, quick: 16, full: 100 });
  // every row draws from the population cell's streams: the same starts, with data from a child stream
  const key = streamKeyOf("cnn", base);
  const [population, ...sampled] = await runCells(
    [keyed(base), ...ns.map((n) => keyed({ ...base, samples: n }, key))],
    trials,
    settings,
    onTrials,
  );
  const rowOf = (samples: number, results: readonly CnnTrialResult[]): DuSampleRow => {
    const counts = countOutcomes(results);
    const same = results.filter((r, i) => r.outcome === population.results[i].outcome).length;
    return {
      samples,
      counts,
      global: wilsonInterval(counts.global, counts.n),
      spurious: wilsonInterval(counts.spurious, counts.n),
      sameAsPopulation: wilsonInterval(same, results.length),
    };
  };
  return { base, rows: [rowOf(0, population.results), ...sampled.map((c, i) => rowOf(ns[i], c.results))] };
}
