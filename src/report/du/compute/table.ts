/** Du et al. (2018): the success table over k × (1ᵀa*)²/‖a*‖², and restarts from its trials. */
import type { CnnTrialSpec } from "../../../experiments/cnn/spec.js";
import { atLeastOneOf, type ProportionEstimate, wilsonInterval } from "../../../math/stats.js";
import { spuriousRatioThreshold } from "../../../models/cnn/protocol.js";
import { spuriousLoss } from "../../../models/cnn/stationary.js";
import { cnnTeacherFromRatio } from "../../../models/cnn/teacher.js";
import { planSweep } from "../../../sweep/plan.js";
import type { ReportSettings } from "../../settings.js";
import { type CellTrials, countOutcomes, duTableSpec, keyed, type OutcomeCounts, runCells } from "./cells.js";

/** The success table's cells in DU_KS × DU_RATIOS order, as the du-table sweep plans them. */
export async function runDuTable(
  trials: number,
  settings: ReportSettings,
  onTrials: (n: number) => void,
): Promise<CellTrials[]> {
  const plan = await planSweep(duTableSpec(trials, settings.seed), process.cwd());
  const cells = plan.cells.map((c) => keyed(c.params as CnnTrialSpec, c.streamKey));
  return runCells(cells, trials, settings, onTrials);
}

export interface DuCell {
  readonly k: number;
  readonly ratio: number;
  readonly eta: number;
  readonly maxSteps: number;
  readonly counts: OutcomeCounts;
  readonly global: ProportionEstimate;
  readonly spurious: ProportionEstimate;
  /** (k+π−1)/π: the spurious point is a local minimum exactly when ratio is below it. */
  readonly threshold: number;
  readonly spuriousExists: boolean;
  readonly spuriousLoss: number;
  /** Trials that started in the good quadrant (φ₀ < π/2, a₀ᵀa* > 0), and how many of them ended global. */
  readonly goodQuadrant: { readonly n: number; readonly global: number };
  /** Runs whose outcome is global exactly when φ₀ < π/2 (the exact rule at ratio 0). */
  readonly zeroRatioRule: number;
  /** Mean steps until the outcome was decided. */
  readonly meanSteps: number;
}

export interface DuRestartRow {
  readonly m: number;
  /** Disjoint blocks of m consecutive trials in which at least one ended global. */
  readonly measured: ProportionEstimate;
  /** 1 − (1 − p̂)^m with p̂ the cell's single-run P(global). */
  readonly predicted: number;
  /** The paper's guarantee 1 − (3/4)^m. */
  readonly bound: number;
}

export interface DuRestarts {
  readonly k: number;
  readonly ratio: number;
  readonly single: ProportionEstimate;
  readonly rows: readonly DuRestartRow[];
}

export function summariseCell(cell: CellTrials): DuCell {
  const { spec, results } = cell;
  const counts = countOutcomes(results);
  const teacher = cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm);
  const threshold = spuriousRatioThreshold(spec.k);
  const good = results.filter((r) => r.phi0 < Math.PI / 2 && r.a0DotAstar > 0);
  return {
    k: spec.k,
    ratio: spec.ratio,
    eta: spec.eta,
    maxSteps: spec.maxSteps,
    counts,
    global: wilsonInterval(counts.global, counts.n),
    spurious: wilsonInterval(counts.spurious, counts.n),
    threshold,
    spuriousExists: spec.ratio < threshold,
    spuriousLoss: spuriousLoss(teacher),
    goodQuadrant: { n: good.length, global: good.filter((r) => r.outcome === "global").length },
    zeroRatioRule: results.filter((r) => (r.outcome === "global") === r.phi0 < Math.PI / 2).length,
    meanSteps: results.reduce((s, r) => s + r.steps, 0) / Math.max(1, results.length),
  };
}

export function restartsOf(cell: CellTrials, ms: readonly number[]): DuRestarts {
  const counts = countOutcomes(cell.results);
  const single = wilsonInterval(counts.global, counts.n);
  const rows = ms
    .filter((m) => Math.floor(cell.results.length / m) >= 5)
    .map((m) => {
      const blocks = Math.floor(cell.results.length / m);
      let hit = 0;
      for (let b = 0; b < blocks; b++) {
        if (cell.results.slice(b * m, (b + 1) * m).some((r) => r.outcome === "global")) hit++;
      }
      return {
        m,
        measured: wilsonInterval(hit, blocks),
        predicted: atLeastOneOf(single.p, m),
        bound: atLeastOneOf(0.25, m),
      };
    });
  return { k: cell.spec.k, ratio: cell.spec.ratio, single, rows };
}
