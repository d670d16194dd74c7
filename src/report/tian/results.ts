/**
 * Tian (2017), computed as plain data: the closed form against samples (Fig. 3), the 2-D (x, y)
 * dynamics (vector field, trajectories from (10⁻³, 0), starts in Ω, the check against full GD),
 * near-symmetric noisy starts (Fig. 5, Conjecture 4.3), K = 1 (Thm 3.3's ball and GD's success and
 * rate), the symmetric saddle x*_K, and the K = 2 critical-point-free regions (the L12/L21 criterion);
 * each part in compute/.
 *
 * Everything calls the experiments of src/experiments/tian/ (the ones behind `minima fc …`) with
 * the report's seed, so each part can be re-run from the command line with the same numbers; the
 * subsections' method texts give the commands.
 */
import type { K1InitResult } from "../../experiments/tian/k1.js";
import type { NoisyResult } from "../../experiments/tian/noisy.js";
import { type Job, runJobs } from "../jobs/run.js";
import type { ReportSettings } from "../settings.js";
import type { TianCritical } from "./compute/critical.js";
import type { TianDynamics } from "./compute/dynamics.js";
import { assembleFig3, DRAWS_PER_CHUNK, fig3Chunks, fig3ReportSpec, type TianFig3 } from "./compute/fig3.js";
import { k1Of, k1Specs, type TianK1, type TianK1Rate } from "./compute/k1.js";
import { noisyConfigs, type TianNoisy } from "./compute/noisy.js";
import type { TianSaddleRow } from "./compute/saddles.js";

export interface TianResults {
  readonly seed: number;
  readonly fig3: TianFig3;
  readonly dynamics: TianDynamics;
  readonly noisy: TianNoisy;
  readonly k1: TianK1;
  readonly saddles: readonly TianSaddleRow[];
  readonly critical: TianCritical;
}

/**
 * Every part as a job on the worker pool (jobs/run.ts); each is a pure function of (size, seed),
 * so the results do not depend on the workers.
 */
export async function computeTian(settings: ReportSettings): Promise<TianResults> {
  const { progress, size, seed } = settings;
  const configs = noisyConfigs(size);
  const k1 = k1Specs(settings);
  const fig3Spec = fig3ReportSpec(size);
  const chunks = fig3Chunks(fig3Spec, seed);
  const jobs: Job[] = [
    // costs in units of about 0.25 s (measured one by one); a full chunk of drawn numbers takes about 2.5 s
    ...chunks.map((chunk) => ({
      job: "tian-fig3-pairs",
      args: chunk,
      cost: (10 * chunk.cell.N * chunk.cell.d * (chunk.to - chunk.from)) / DRAWS_PER_CHUNK,
    })),
    { job: "tian-dynamics", args: { size, seed }, cost: 6 },
    ...configs.map((config) => ({ job: "tian-noisy", args: { config, seed }, cost: 4 * config.K })),
    ...[...k1.ball, ...k1.gaussian].map((spec) => ({ job: "tian-k1-cell", args: spec, cost: 2 })),
    { job: "tian-k1-rates", args: { size }, cost: 1 },
    { job: "tian-saddles", args: { size }, cost: 5 },
    { job: "tian-critical", args: { size }, cost: 28 },
  ];
  progress.step(
    `Tian: closed form, dynamics, noisy starts, K = 1, saddles, critical points (${jobs.length} jobs)`,
    jobs.length,
  );
  const out = await runJobs(jobs, settings, () => progress.advance());
  progress.finish();
  let next = 0;
  const take = <T>() => out[next++] as T;
  const fig3 = assembleFig3(
    fig3Spec,
    seed,
    chunks,
    chunks.map(() => take<number[]>()),
  );
  const dyn = take<TianDynamics>();
  const noisyResults = configs.map(() => take<NoisyResult>());
  const ball = k1.ball.map(() => take<K1InitResult>());
  const gaussian = k1.gaussian.map(() => take<K1InitResult>());
  const rates = take<TianK1Rate[]>();
  return {
    seed,
    fig3,
    dynamics: dyn,
    noisy: { configs, results: noisyResults },
    k1: k1Of(ball, gaussian, rates),
    saddles: take<TianSaddleRow[]>(),
    critical: take<TianCritical>(),
  };
}
