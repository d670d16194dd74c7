/** Tian (2017), Fig. 5 and Conjecture 4.3: near-symmetric noisy starts of the full network. */
import { type NoisyResult, noisyStarts } from "../../../experiments/tian/noisy.js";
import { bySize, type ReportSettings } from "../../settings.js";

export interface TianNoisyConfig {
  readonly K: number;
  readonly d: number;
  readonly eta: number;
  readonly maxSteps: number;
  readonly runs: number;
  readonly noises: readonly number[];
}

export interface TianNoisy {
  readonly configs: readonly TianNoisyConfig[];
  readonly results: readonly NoisyResult[];
}

export function noisy(settings: ReportSettings): TianNoisy {
  const noises = bySize(settings.size, { smoke: [1, 10], quick: [0.1, 1, 3, 10], full: [0.1, 1, 3, 10] });
  const runs = bySize(settings.size, { smoke: 2, quick: 8, full: 16 });
  const maxSteps = bySize(settings.size, { smoke: 2000, quick: 20_000, full: 20_000 });
  const shapes = bySize(settings.size, {
    smoke: [
      { K: 3, d: 3, eta: 0.1 },
      { K: 6, d: 6, eta: 0.05 },
    ],
    quick: [
      { K: 4, d: 4, eta: 0.1 },
      { K: 10, d: 20, eta: 0.05 },
    ],
    full: [
      { K: 4, d: 4, eta: 0.1 },
      { K: 6, d: 12, eta: 0.05 },
      { K: 10, d: 20, eta: 0.05 },
      { K: 20, d: 20, eta: 0.05 },
    ],
  });
  const configs = shapes.map((s) => ({ ...s, maxSteps, runs, noises }));
  settings.progress.step(
    `Tian: near-symmetric noisy starts (${configs.length * noises.length * runs} runs)`,
    configs.length * noises.length * runs,
  );
  const results = configs.map((c) => {
    const r = noisyStarts({ ...c, seed: settings.seed });
    settings.progress.advance(c.noises.length * c.runs);
    return r;
  });
  settings.progress.finish();
  return { configs, results };
}
