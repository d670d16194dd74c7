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
import type { ReportSettings } from "../settings.js";
import { critical, type TianCritical } from "./compute/critical.js";
import { dynamics, type TianDynamics } from "./compute/dynamics.js";
import { closedFormVersusSamples, type TianFig3 } from "./compute/fig3.js";
import { k1, type TianK1 } from "./compute/k1.js";
import { noisy, type TianNoisy } from "./compute/noisy.js";
import { saddles, type TianSaddleRow } from "./compute/saddles.js";

export interface TianResults {
  readonly seed: number;
  readonly fig3: TianFig3;
  readonly dynamics: TianDynamics;
  readonly noisy: TianNoisy;
  readonly k1: TianK1;
  readonly saddles: readonly TianSaddleRow[];
  readonly critical: TianCritical;
}

export function computeTian(settings: ReportSettings): TianResults {
  const { progress } = settings;
  progress.step("Tian: closed form vs samples, 2-D dynamics", 2);
  const f3 = closedFormVersusSamples(settings);
  progress.advance();
  const dyn = dynamics(settings);
  progress.advance();
  progress.finish();
  const noise = noisy(settings);
  progress.step("Tian: K = 1, saddles, critical points", 3);
  const one = k1(settings);
  progress.advance();
  const sad = saddles(settings);
  progress.advance();
  const crit = critical(settings);
  progress.advance();
  progress.finish();
  return {
    seed: settings.seed,
    fig3: f3,
    dynamics: dyn,
    noisy: noise,
    k1: one,
    saddles: sad,
    critical: crit,
  };
}
