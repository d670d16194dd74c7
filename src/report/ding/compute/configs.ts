/** Ding, Li & Sun (2019): which configurations the report certifies, controls and runs in the Yu–Chen regime. */
import type { ActivationName } from "../../../activations/activation.js";
import type { WeightStyle } from "../../../experiments/ding/construction.js";
import { bySize, type ReportSettings } from "../../settings.js";

export const DING_ACTIVATIONS: readonly ActivationName[] = [
  "sigmoid",
  "tanh",
  "softplus",
  "swish",
  "gelu",
  "elu",
];

/** Random data (docs/ding.md#random-data): d₀ = 2, N = 10 seeded Gaussian inputs, designed labels. */
export const DING_INPUT_DIM = 2;
export const DING_SAMPLES = 10;

export interface DingConfig {
  readonly activation: ActivationName;
  readonly widths: readonly number[];
  readonly inputDim: number;
  readonly samples: number;
  readonly weights: WeightStyle;
}

/** Excluded by the theorem's condition (σ'' = 0 wherever defined): `certify` must say so, not fail. */
export const DING_EXCLUDED: readonly ActivationName[] = ["relu", "leaky-relu", "linear"];

/** Widths per depth: narrow ones and at least one with d_H ≥ N = 10 at every depth. */
export function dingWidths(settings: Pick<ReportSettings, "size">): readonly (readonly number[])[] {
  return bySize(settings.size, {
    smoke: [[2], [10], [2, 2, 10]],
    quick: [[1], [3], [10], [4, 4], [10, 10], [4, 4, 4], [6, 10, 12]],
    full: [[1], [3], [10], [30], [4, 4], [8, 8], [10, 10], [4, 4, 4], [6, 10, 12]],
  });
}

export function dingConfigs(settings: Pick<ReportSettings, "size">): DingConfig[] {
  const activations = bySize<readonly ActivationName[]>(settings.size, {
    smoke: ["sigmoid", "tanh"],
    quick: DING_ACTIVATIONS,
    full: DING_ACTIVATIONS,
  });
  const configs: DingConfig[] = activations.flatMap((activation) =>
    dingWidths(settings).map((widths) => ({
      activation,
      widths,
      inputDim: DING_INPUT_DIM,
      samples: DING_SAMPLES,
      weights: "random" as const,
    })),
  );
  // The other data set of docs/ding.md#random-data: d₀ = 3, N = 15, sigmoid with d₁ = N.
  if (settings.size !== "smoke")
    configs.push({ activation: "sigmoid", widths: [15], inputDim: 3, samples: 15, weights: "random" });
  return configs;
}

/** The Yu–Chen regime (docs/ding.md#the-yu-and-chen-regime): (d₀, N) with m = N − 1 sigmoid units, unit weights. */
export function yuChenConfigs(settings: Pick<ReportSettings, "size">): DingConfig[] {
  const shapes = bySize(settings.size, {
    smoke: [[1, 4]],
    quick: [
      [2, 10],
      [2, 6],
      [1, 4],
    ],
    full: [
      [2, 10],
      [2, 6],
      [1, 4],
      [3, 20],
    ],
  });
  return shapes.map(([inputDim, samples]) => ({
    activation: "sigmoid",
    widths: [samples - 1],
    inputDim,
    samples,
    weights: "unit",
  }));
}

/** Configurations whose negative control is run (and whose escape path is reported). */
export function hasControl(config: DingConfig, size: ReportSettings["size"]): boolean {
  if (config.inputDim !== DING_INPUT_DIM) return false;
  const w = config.widths.join(",");
  return bySize(size, {
    smoke: w === "2" || w === "2,2,10",
    quick: w === "10" || w === "4,4",
    full: true,
  });
}
