/** Du et al. (2018): two-phase trajectories of population WN-GD (docs/du-cnn.md#two-phases). */
import type { CnnTrialSpec } from "../../../experiments/cnn/spec.js";
import { runCnnTrialDetailed } from "../../../experiments/cnn/trial.js";
import { Rng } from "../../../math/rng.js";
import { streamKeyOf } from "../../../sweep/canonical.js";
import { bySize, type ReportSettings } from "../../settings.js";
import { duSpec } from "./cells.js";

export interface DuTrajectoryPoint {
  readonly step: number;
  readonly loss: number;
  readonly phi: number;
  readonly aDotAstar: number;
  readonly oneDotA: number;
}

export interface DuRun {
  readonly trial: number;
  readonly outcome: string;
  readonly phaseSwitch: number | null;
  readonly points: readonly DuTrajectoryPoint[];
}

export interface DuTwoPhase {
  readonly spec: CnnTrialSpec;
  readonly runs: readonly DuRun[];
  /** Per run: log₁₀-loss slope per step before and after the detected switch. */
  readonly rates: readonly { readonly trial: number; readonly before: number; readonly after: number }[];
}

/** Least-squares slope of log₁₀ ℓ against step over the points with step in [from, to]. */
export function logLossSlope(points: readonly DuTrajectoryPoint[], from: number, to: number): number {
  const sel = points.filter((q) => q.step >= from && q.step <= to && q.loss > 0);
  if (sel.length < 2) return 0;
  const mx = sel.reduce((s, q) => s + q.step, 0) / sel.length;
  const my = sel.reduce((s, q) => s + Math.log10(q.loss), 0) / sel.length;
  let sxy = 0;
  let sxx = 0;
  for (const q of sel) {
    sxy += (q.step - mx) * (Math.log10(q.loss) - my);
    sxx += (q.step - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

export function twoPhase(settings: ReportSettings): DuTwoPhase {
  // k = p = 25, (1ᵀa*)² = 4, η = 0.2 (docs/du-cnn.md#two-phases); runs continue after convergence so the
  // linear phase shows down to round-off.
  const spec = duSpec(25, 4, { eta: 0.2, maxSteps: 700, earlyStop: false });
  const wanted = bySize(settings.size, { smoke: 2, quick: 5, full: 6 });
  const key = streamKeyOf("cnn-two-phase", spec);
  const runs: DuRun[] = [];
  for (let t = 0; runs.length < wanted && t < 200; t++) {
    const d = runCnnTrialDetailed(spec, Rng.fromSeed(settings.seed, key, t), { trajectoryPoints: 300 });
    // show runs that reach the global minimum (the two-phase statement is about them) and one that does not
    if (d.result.outcome !== "global" && runs.some((r) => r.outcome !== "global")) continue;
    if (d.result.outcome !== "global" && runs.length < wanted - 1) continue;
    runs.push({
      trial: t,
      outcome: d.result.outcome,
      phaseSwitch: d.result.phaseSwitch,
      points: (d.trajectory ?? []).map((q) => ({
        step: q.step,
        loss: q.loss,
        phi: q.phi,
        aDotAstar: q.aDotAstar,
        oneDotA: q.oneDotA,
      })),
    });
  }
  const rates = runs
    .filter((r) => r.phaseSwitch !== null && r.outcome === "global")
    .map((r) => {
      const s = r.phaseSwitch ?? 0;
      // the fast phase is measured until the loss reaches 1e-20 (before round-off flattens it)
      const floor = r.points.find((q) => q.step > s && q.loss < 1e-20)?.step ?? spec.maxSteps;
      return {
        trial: r.trial,
        before: logLossSlope(r.points, 0, s),
        after: logLossSlope(r.points, s, floor),
      };
    });
  return { spec, runs, rates };
}
