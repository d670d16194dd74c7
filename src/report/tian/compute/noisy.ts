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

/** The noisy-start experiments of this size: one per (K, d). */
export function noisyConfigs(size: ReportSettings["size"]): TianNoisyConfig[] {
  const noises = bySize(size, { smoke: [1, 10], quick: [0.1, 1, 3, 10], full: [0.1, 1, 3, 10] });
  const runs = bySize(size, { smoke: 2, quick: 8, full: 16 });
  const maxSteps = bySize(size, { smoke: 2000, quick: 20_000, full: 20_000 });
  const shapes = bySize(size, {
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
  return shapes.map((s) => ({ ...s, maxSteps, runs, noises }));
}

export function noisyConfig(config: TianNoisyConfig, seed: number): NoisyResult {
  return noisyStarts({ ...config, seed });
}

export function noisy(settings: Pick<ReportSettings, "size" | "seed">): TianNoisy {
  const configs = noisyConfigs(settings.size);
  return { configs, results: configs.map((c) => noisyConfig(c, settings.seed)) };
}
