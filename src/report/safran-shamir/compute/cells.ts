/**
 * Safran & Shamir (2018): the protocol as a sweep spec, the sizes, and how the cells' trials are run.
 *
 * The cells are planned exactly as `minima sweep run` plans them, so trial t of a cell is the
 * sweep's trial t: the model's trial from Rng.fromSeed(seed, key, t), key being the sweep stream
 * key of the cell's canonical parameters. With the report's seed a cell's trials are those of the
 * same cell of examples/sweeps/safran-shamir.json, and of `minima fc probability` with the same
 * settings. The protocol's trial stops as global once J < 10⁻³ (src/experiments/fc/trial.ts), which
 * spares n = k + 1 runs the crawl to the gradient tolerance into their non-isolated global minima.
 */
import type { FcTrialSpec } from "../../../experiments/fc/spec.js";
import { planSweep, type SweepPlan } from "../../../sweep/plan.js";
import { executeTrials, type TrialRef } from "../../../sweep/pool.js";
import { parseSweepSpec, type SweepSpec } from "../../../sweep/spec.js";
import { type SweepSummary, summariseSweep } from "../../../sweep/summary.js";
import { runTrial, type TrialRecord } from "../../../sweep/trial.js";
import { batchRecords } from "../../../sweep/worker.js";
import { bySize, type ReportSettings } from "../../settings.js";
import type { ReportSize } from "../../types.js";

/** The protocol's step budget (examples/sweeps/safran-shamir.json). */
export const PROTOCOL_MAX_STEPS = 1_000_000;

export const SS_ALL_KS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] as const;

/**
 * The experiment as a sweep spec: teacher W* = I_k, d = k, n = k + excess, unit top weights, fan-in
 * N(0, 1/d) start, η = 0.1 halved on a blow-up, the protocol's gradient tolerance, Newton finish.
 * With k = 6…20, excess 0 and 1 and 1000 trials it is examples/sweeps/safran-shamir.json (a test
 * keeps the two equal).
 */
export function safranShamirSpec(
  ks: readonly number[],
  excess: readonly number[],
  trials: number,
  seed: number,
): SweepSpec {
  return parseSweepSpec({
    name: "safran-shamir",
    model: "fc",
    params: { teacher: "orthonormal", top: "ones", init: "fan-in" },
    optimiser: { eta: 0.1, finish: "newton" },
    stop: { maxSteps: PROTOCOL_MAX_STEPS },
    grid: { k: [...ks], excess: [...excess] },
    trials,
    seed,
    restarts: [1],
  });
}

/** Which cells are run, and how many runs each gets. */
export interface SsSizes {
  readonly ks: readonly number[];
  readonly excess: readonly number[];
  /** Runs per cell at (k, n). */
  readonly runs: (k: number, n: number) => number;
  /** The rule in words, for the method text. */
  readonly text: string;
}

export function ssSizes(size: ReportSize): SsSizes {
  return bySize<SsSizes>(size, {
    smoke: { ks: [6, 7], excess: [0], runs: () => 10, text: "k = 6, 7, n = k, 10 runs per cell" },
    quick: {
      ks: [6, 7, 8, 9, 10],
      excess: [0, 1],
      runs: () => 100,
      text: "k = 6…10, n = k and k + 1, 100 runs per cell",
    },
    full: {
      ks: SS_ALL_KS,
      excess: [0, 1],
      // sized for about 90 s on 2 cores: n = k + 1 runs cost most (their spurious minima are flat,
      // λ_min ~ 10⁻³, so GD takes 10⁴–10⁵ steps before the Newton finish)
      runs: (k, n) => (k <= 12 ? (n === k ? 200 : 100) : n === k ? 60 : 30),
      text: "k = 6…20, n = k and k + 1; for k ≤ 12, 200 runs per cell at n = k and 100 at n = k + 1; for k ≥ 13, 60 at n = k and 30 at n = k + 1",
    },
  });
}

/** The trials of a set of cells, run and summarised like a sweep's. */
export interface SsRun {
  readonly plan: SweepPlan;
  readonly summary: SweepSummary;
  /** Every trial's record, by cell and trial. */
  readonly records: readonly TrialRecord[];
}

type Progress = (label: string, total: number) => (done: number) => void;

/** Runs `refs` of the plan on the worker pool (or in this thread with one worker: the same records). */
async function runRefs(
  plan: SweepPlan,
  refs: readonly TrialRef[],
  workers: number,
  onTrials: (n: number) => void,
): Promise<TrialRecord[]> {
  const records: TrialRecord[] = [];
  if (workers <= 1) {
    for (const { cell, trial } of refs) {
      const c = plan.cells[cell];
      records.push(runTrial(plan.model, c.params, plan.spec.seed, c.streamKey, cell, trial));
      onTrials(1);
    }
    return records;
  }
  await executeTrials(plan, refs, {
    workers,
    msPerTrial: plan.model.msPerTrial?.(plan.cells[refs[0]?.cell ?? 0].params),
    onBatch: (batch) => {
      records.push(...batchRecords(batch));
      onTrials(batch.cells.length);
    },
  });
  return records;
}

/**
 * Runs every cell of `sizes`, one progress step per group of cells (n = k, then n = k + 1), each
 * advancing per batch of trials; within a group the trials are interleaved over the cells.
 */
export async function runSafranShamir(
  sizes: SsSizes,
  settings: ReportSettings,
  progress: Progress,
): Promise<SsRun> {
  const maxRuns = Math.max(...sizes.ks.flatMap((k) => sizes.excess.map((e) => sizes.runs(k, k + e))));
  const plan = await planSweep(
    safranShamirSpec(sizes.ks, sizes.excess, maxRuns, settings.seed),
    process.cwd(),
  );
  const params = plan.cells.map((c) => c.params as FcTrialSpec);
  const records: TrialRecord[] = [];
  for (const excess of sizes.excess) {
    const cells = plan.cells.filter((c) => c.axes.excess === excess).map((c) => c.index);
    const todo: TrialRef[] = [];
    for (let trial = 0; trial < maxRuns; trial++)
      for (const cell of cells)
        if (trial < sizes.runs(params[cell].k, params[cell].n)) todo.push({ cell, trial });
    const group = excess === 0 ? "n = k" : `n = k + ${excess}`;
    const ks = cells.map((c) => params[c].k);
    const advance = progress(
      `Safran–Shamir: ${group}, k = ${ks[0]}…${ks[ks.length - 1]} (${todo.length} runs)`,
      todo.length,
    );
    records.push(...(await runRefs(plan, todo, settings.workers, advance)));
  }
  records.sort((a, b) => a.cell - b.cell || a.trial - b.trial);
  return { plan, summary: summariseSweep(plan, records), records };
}
