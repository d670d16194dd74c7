/**
 * Du et al. (2018), computed as plain data: the P(global)/P(spurious) table over k × (1ᵀa*)²/‖a*‖²,
 * restarts, two-phase trajectories, a 2-D slice through the global and spurious minima with GD
 * trajectories, sensitivity to p, ‖a*‖ and η, and population versus finite-sample GD. Each part is
 * computed in compute/ (the protocol and the trial runner in compute/cells.ts).
 */
import { bySize, type ReportSettings } from "../settings.js";
import { DU_KS, DU_RATIOS, P } from "./compute/cells.js";
import { type DuProofRow, duProofs } from "./compute/proofs.js";
import { type DuSamples, samplesVsPopulation } from "./compute/samples.js";
import { type DuSensitivity, sensitivity } from "./compute/sensitivity.js";
import { type DuSlice, slice } from "./compute/slice.js";
import { type DuCell, type DuRestarts, restartsOf, runDuTable, summariseCell } from "./compute/table.js";
import { type DuTwoPhase, twoPhase } from "./compute/two-phase.js";

export interface DuResults {
  readonly p: number;
  readonly anorm: number;
  readonly trialsPerCell: number;
  readonly cells: readonly DuCell[];
  readonly restarts: readonly DuRestarts[];
  readonly twoPhase: DuTwoPhase;
  readonly slice: DuSlice;
  readonly sensitivity: readonly DuSensitivity[];
  readonly samples: DuSamples;
  /** The computer-assisted proof at the stationary points of three teachers. */
  readonly proofs: readonly DuProofRow[];
}

export async function computeDu(settings: ReportSettings): Promise<DuResults> {
  const { progress } = settings;
  const trials = bySize(settings.size, { smoke: 24, quick: 2000, full: 10_000 });
  progress.step(
    `Du: success table (${DU_KS.length * DU_RATIOS.length} cells × ${trials} trials)`,
    DU_KS.length * DU_RATIOS.length * trials,
  );
  const raw = await runDuTable(trials, settings, (n) => progress.advance(n));
  progress.finish();
  const cells = raw.map(summariseCell);
  const restartCells = raw.filter((c) => c.spec.k === 25 && (c.spec.ratio === 0 || c.spec.ratio === 4));
  const restarts = restartCells.map((c) => restartsOf(c, [1, 2, 3, 5, 10]));

  progress.step("Du: two-phase trajectories and the 2-D slice", 2);
  const phases = twoPhase(settings);
  progress.advance();
  const plane = slice(settings);
  progress.advance();
  progress.finish();

  const sensTrials = bySize(settings.size, { smoke: 8, quick: 200, full: 2000 });
  progress.step(`Du: sensitivity to p, ‖a*‖, η (${14 * sensTrials} trials)`, 14 * sensTrials);
  const sens = await sensitivity(settings, sensTrials, (n) => progress.advance(n));
  progress.finish();

  const sampleTrials = bySize(settings.size, { smoke: 3 * 2, quick: 16 * 4, full: 100 * 5 });
  progress.step("Du: population vs finite-sample GD", sampleTrials);
  const samples = await samplesVsPopulation(settings, (n) => progress.advance(n));
  progress.finish();

  progress.step("Du: proofs at the stationary points", 1);
  const proofs = duProofs(P, 1);
  progress.advance();
  progress.finish();

  return {
    proofs,
    p: P,
    anorm: 1,
    trialsPerCell: trials,
    cells,
    restarts,
    twoPhase: phases,
    slice: plane,
    sensitivity: sens,
    samples,
  };
}
