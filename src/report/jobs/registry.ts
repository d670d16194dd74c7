/**
 * The report's jobs by name: each a pure function from plain arguments to a plain result (its random
 * streams seeded from the arguments), run on the worker pool by jobs/run.ts. The heavy parts of
 * Tian's and Ding's sections are here; the CNN and fc trials go to the pool as sweep trials.
 */
import { type K1InitSpec, k1Initialisation } from "../../experiments/tian/k1.js";
import { type DingConfigJob, dingConfigJob } from "../ding/compute/config-job.js";
import { critical } from "../tian/compute/critical.js";
import { dynamics } from "../tian/compute/dynamics.js";
import { type Fig3Chunk, fig3ChunkErrors } from "../tian/compute/fig3.js";
import { k1Rates } from "../tian/compute/k1.js";
import { noisyConfig, type TianNoisyConfig } from "../tian/compute/noisy.js";
import { saddles } from "../tian/compute/saddles.js";
import type { ReportSize } from "../types.js";

interface Sized {
  readonly size: ReportSize;
  readonly seed: number;
}

export const REPORT_JOBS: Readonly<Record<string, (args: never) => unknown>> = {
  "tian-fig3-pairs": (a: Fig3Chunk) => fig3ChunkErrors(a),
  "tian-dynamics": (a: Sized) => dynamics(a),
  "tian-noisy": (a: { config: TianNoisyConfig; seed: number }) => noisyConfig(a.config, a.seed),
  "tian-k1-cell": (a: K1InitSpec) => k1Initialisation(a),
  "tian-k1-rates": (a: Sized) => k1Rates(a),
  "tian-saddles": (a: Sized) => saddles(a),
  "tian-critical": (a: Sized) => critical(a),
  "ding-config": (a: DingConfigJob) => dingConfigJob(a),
};
