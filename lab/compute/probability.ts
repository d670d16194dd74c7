/**
 * The Probability view's computation: a small sweep over (k, (1ᵀa*)²/‖a*‖²) cells. Each cell's
 * parameters are resolved by the sweep engine's CNN model (src/sweep/models/cnn.ts), and trial t
 * is the library's runCnnTrial on Rng.fromSeed(seed, streamKey, t), the stream key being the 52-bit
 * hash of the canonical resolved parameters — exactly as the sweep engine and `minima cnn
 * probability` key a cell, so the counts agree trial for trial. Step size per cell:
 * min(η, 2π/(k+π−1)) (the protocol of docs/du-cnn.md#the-success-table-protocol, which keeps 1ᵀa monotone).
 */
import type { CnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { wilsonInterval } from "../../src/math/stats.js";
import { cnnMonotoneStep, spuriousRatioThreshold } from "../../src/models/cnn/protocol.js";
import { streamKeyOf } from "../../src/sweep/canonical.js";
import { runCellTrials } from "../../src/sweep/cell-runner.js";
import cnnSweepModel, { resolveCnnParams } from "../../src/sweep/models/cnn.js";
import type { ProbabilityState } from "../state.js";
import type { ProgressFn } from "./progress.js";

export interface CellCounts {
  readonly k: number;
  readonly ratio: number;
  readonly n: number;
  readonly counts: Record<string, number>;
}

export interface CellSummary extends CellCounts {
  readonly pGlobal: number;
  readonly lo: number;
  readonly hi: number;
  readonly threshold: number;
}

export interface ProbabilityArgs {
  readonly state: ProbabilityState;
  readonly cells: readonly { k: number; ratio: number }[];
}

/** The cells of the grid that exist (a ratio can be at most k; k = 1 needs ratio 1). */
export function probabilityCells(state: ProbabilityState): { k: number; ratio: number }[] {
  const cells: { k: number; ratio: number }[] = [];
  for (const k of state.ks)
    for (const ratio of state.ratios) if (ratio <= k && (k > 1 || ratio === 1)) cells.push({ k, ratio });
  return cells;
}

export function cellSpec(state: ProbabilityState, k: number, ratio: number): CnnTrialSpec {
  const raw = {
    k,
    p: state.p,
    ratio,
    anorm: state.aNorm,
    eta: Math.min(state.eta, cnnMonotoneStep(k)),
    maxSteps: state.steps,
    init: "paper",
  };
  return resolveCnnParams(raw, "cell");
}

/** The sweep engine's stream key of a cell, so the lab draws the same trials as `minima cnn probability`. */
export function cellStreamKey(spec: CnnTrialSpec): number {
  return streamKeyOf(cnnSweepModel.name, spec);
}

export function runCell(
  state: ProbabilityState,
  k: number,
  ratio: number,
  onTrial?: (c: CellCounts) => void,
): CellCounts {
  const spec = cellSpec(state, k, ratio);
  const key = cellStreamKey(spec);
  const counts: Record<string, number> = {};
  runCellTrials(cnnSweepModel, spec, state.seed, key, state.trials, ({ outcome }, t) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    onTrial?.({ k, ratio, n: t + 1, counts: { ...counts } });
  });
  return { k, ratio, n: state.trials, counts };
}

export function summarise(cell: CellCounts): CellSummary {
  const est = wilsonInterval(cell.counts.global ?? 0, cell.n);
  return { ...cell, pGlobal: est.p, lo: est.lo, hi: est.hi, threshold: spuriousRatioThreshold(cell.k) };
}

export function probabilitySweep(args: ProbabilityArgs, progress: ProgressFn): CellCounts[] {
  const done: CellCounts[] = [];
  const total = args.cells.length * args.state.trials;
  for (const { k, ratio } of args.cells) {
    done.push(
      runCell(args.state, k, ratio, (current) => {
        const n = done.reduce((s, c) => s + c.n, 0) + current.n;
        if (current.n % 10 === 0) progress({ done: n, total, partial: [...done, current] });
      }),
    );
  }
  return done;
}
