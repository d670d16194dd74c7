/**
 * Ding, Li & Sun (2019), computed as plain data with the experiments of src/experiments/ding:
 * certificates of the constructed sub-optimal local minimum for six smooth activations, depths 1
 * to 3 and several widths (narrow and d_H ≥ N), the negative control, the escape along the flat
 * valley (on random data and on the worked example of docs/ding.md), and the Yu–Chen regime of N − 1 sigmoid
 * units with an output bias.
 *
 * Every configuration is `runDingExperiment` with the report's seed as its seed, so a row is what
 * `minima certify --activation A --d0 D --samples N --widths W --seed S` prints (with the report's
 * restart and training counts): the inputs, the downstream weights, the restarts and the random
 * starts all come from Rng.fromSeed(seed, stream) of that module. Each configuration is a job of the
 * worker pool (compute/config-job.ts, jobs/run.ts), so the results do not depend on the workers.
 */
import { runJobs } from "../jobs/run.js";
import { bySize, type ReportSettings } from "../settings.js";
import type { DingConfigJob, DingConfigResult, RunOptions } from "./compute/config-job.js";
import { type DingConfig, dingConfigs, hasControl, yuChenConfigs } from "./compute/configs.js";
import {
  activationRows,
  type DingActivationRow,
  type DingCertificateRow,
  type DingControlRow,
  type DingEscape,
  workedExampleEscape,
} from "./compute/rows.js";

export interface DingResults {
  readonly seed: number;
  readonly activations: readonly DingActivationRow[];
  readonly restartCount: number;
  readonly restartIterations: number;
  readonly trainingStarts: number;
  readonly featureDraws: number;
  readonly certificates: readonly DingCertificateRow[];
  readonly controls: readonly DingControlRow[];
  readonly escapes: readonly DingEscape[];
  /** The deterministic worked example (sigmoid, m = 2, unit weights): its escape path at the table's steps and more. */
  readonly example: DingEscape;
  readonly yuChen: readonly DingCertificateRow[];
}

/** A rough cost of a configuration, for the pool's order: parameters grow with the widths. */
const configCost = (c: DingConfig) => c.widths.reduce((s, w) => s + w, 0) * c.widths.length;

export async function computeDing(settings: ReportSettings): Promise<DingResults> {
  const { progress, size, seed } = settings;
  const options: RunOptions = {
    seed,
    restarts: bySize(size, { smoke: 2, quick: 3, full: 5 }),
    restartIterations: bySize(size, { smoke: 300, quick: 2000, full: 5000 }),
    trainingStarts: bySize(size, { smoke: 1, quick: 2, full: 3 }),
    featureDraws: bySize(size, { smoke: 1, quick: 2, full: 3 }),
  };
  const controlIterations = bySize(size, { smoke: 5000, quick: 50_000, full: 100_000 });
  const configs = dingConfigs(settings);
  const yuConfigs = yuChenConfigs(settings);
  const yuOptions = {
    ...options,
    restarts: bySize(size, { smoke: 2, quick: 5, full: 5 }),
    restartIterations: bySize(size, { smoke: 300, quick: 5000, full: 20_000 }),
  };
  const jobs: DingConfigJob[] = [
    ...configs.map((config) => ({
      config,
      options,
      controlIterations: hasControl(config, size) ? controlIterations : null,
    })),
    ...yuConfigs.map((config) => ({ config, options: yuOptions, controlIterations: null })),
  ];
  progress.step(
    `Ding: certificates (${configs.length} configurations) and the Yu–Chen regime (${yuConfigs.length})`,
    jobs.length,
  );
  const done = (await runJobs(
    jobs.map((args) => ({
      job: "ding-config",
      args,
      cost: configCost(args.config) * (args.controlIterations === null ? 1 : 3),
    })),
    settings,
    () => progress.advance(),
  )) as DingConfigResult[];
  progress.finish();

  const certificates: DingCertificateRow[] = [];
  const controls: DingControlRow[] = [];
  const escapes: DingEscape[] = [];
  configs.forEach((config, i) => {
    const { certificate, control, path } = done[i];
    certificates.push(certificate);
    if (control && path) {
      controls.push(control);
      // one drawn path per activation (the figure has a panel for each)
      if (config.widths.length === 1 && config.widths[0] === bySize(size, { smoke: 2, quick: 10, full: 10 }))
        escapes.push({
          label: `${config.activation} [${config.widths.join(",")}]`,
          activation: config.activation,
          widths: [...config.widths],
          path,
        });
    }
  });
  const yuChen = done.slice(configs.length).map((r) => r.certificate);

  return {
    seed,
    activations: activationRows([...new Set(configs.map((c) => c.activation))], seed),
    restartCount: options.restarts,
    restartIterations: options.restartIterations,
    trainingStarts: options.trainingStarts,
    featureDraws: options.featureDraws,
    certificates,
    controls,
    escapes,
    example: workedExampleEscape(),
    yuChen,
  };
}
