/**
 * Ding, Li & Sun (2019): one configuration's work, a job of the worker pool (jobs/registry.ts): the
 * experiment of minima certify, reduced to its certificate row and, when asked, its negative control
 * and escape path. A pure function of its arguments (the seed is among them).
 */
import { activationByName } from "../../../activations/registry.js";
import { type DingExperimentReport, runDingExperiment } from "../../../experiments/ding/certify.js";
import type { DingConfig } from "./configs.js";
import {
  certificateRow,
  controlRow,
  type DingCertificateRow,
  type DingControlRow,
  type DingEscape,
} from "./rows.js";

export interface RunOptions {
  readonly seed: number;
  readonly restarts: number;
  readonly restartIterations: number;
  readonly trainingStarts: number;
  readonly featureDraws: number;
}

function runConfig(config: DingConfig, o: RunOptions): DingExperimentReport {
  return runDingExperiment({
    activation: activationByName(config.activation),
    widths: config.widths,
    seed: o.seed,
    inputDim: config.inputDim,
    samples: config.samples,
    weights: config.weights,
    restarts: o.restarts,
    restartIterations: o.restartIterations,
    trainingStarts: o.trainingStarts,
    featureDraws: o.featureDraws,
    skipControls: true,
  });
}

/** One configuration's job: its certificate row and, when asked, its negative control and escape path. */
export interface DingConfigJob {
  readonly config: DingConfig;
  readonly options: RunOptions;
  /** The control's GD budget, or null for no control. */
  readonly controlIterations: number | null;
}

export interface DingConfigResult {
  readonly certificate: DingCertificateRow;
  readonly control?: DingControlRow;
  readonly path?: DingEscape["path"];
}

export function dingConfigJob({ config, options, controlIterations }: DingConfigJob): DingConfigResult {
  const report = runConfig(config, options);
  const certificate = certificateRow(config, report, options.restartIterations);
  if (controlIterations === null || !report.point) return { certificate };
  const { control, path } = controlRow(config, report.point, options.seed, controlIterations);
  return { certificate, control, path };
}
