/**
 * Safran & Shamir (2018): the protocol as a sweep spec, the sizes, and how a cell's trials are run.
 *
 * Trial t of a cell draws its start from Rng.fromSeed(seed, key, t), key being the sweep stream key
 * of the cell's canonical parameters under the full protocol (the cell of
 * examples/sweeps/safran-shamir.json, and of `minima fc probability` with the same settings), so the
 * starts are those of the sweep and of `fc probability` with the report's seed.
 *
 * The n = k cells run the protocol as it is. The n = k + 1 cells run in two passes: there the global
 * minima are not isolated (the extra unit can share a teacher's direction), and plain GD crawls to
 * the protocol's gradient tolerance 10⁻⁹/(2π) in 10⁵–10⁶ steps (5–15 s a run), although J has been
 * below 10⁻³ since the first few thousand. Pass 1 runs the protocol with a budget of
 * FIRST_PASS_STEPS steps. A run it leaves
 * unfinished at J < 10⁻³ is counted global: its outcome is decided, since GD with η = 0.1 is a descent
 * method this close to the global minima, and every non-global end point of these cells seen so far (the released ones
 * and Minima's) has J > 0.01. A run it
 * leaves unfinished at J ≥ 10⁻³ is run again under the full protocol (10⁶ steps) from the same
 * start, so its outcome and end point are exactly the sweep's. Spurious and saddle outcomes, their
 * end points and families are therefore those of the full protocol; only a global run that the full
 * protocol would take past its 10⁶-step budget (and call unconverged) is counted global here.
 */
import type { FcTrialSpec } from "../../../experiments/fc/spec.js";
import { loadModel } from "../../../sweep/model.js";
import { planSweep, type SweepPlan } from "../../../sweep/plan.js";
import { executeTrials, type TrialRef, type TrialSource } from "../../../sweep/pool.js";
import { parseSweepSpec, type SweepSpec } from "../../../sweep/spec.js";
import { type SweepSummary, summariseSweep } from "../../../sweep/summary.js";
import { runTrial, type TrialRecord } from "../../../sweep/trial.js";
import { batchRecords } from "../../../sweep/worker.js";
import { bySize, type ReportSettings } from "../../settings.js";
import type { ReportSize } from "../../types.js";

/** The first pass's step budget at n = k + 1 (see the file's comment). */
export const FIRST_PASS_STEPS = 5000;

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
      runs: (k) => (k <= 12 ? 100 : k <= 16 ? 50 : 30),
      text: "k = 6…20, n = k and k + 1; 100 runs per cell for k ≤ 12, 50 for 13 ≤ k ≤ 16 and 30 for k ≥ 17",
    },
  });
}

/** The trials of a set of cells, run and summarised like a sweep's. */
export interface SsRun {
  readonly plan: SweepPlan;
  readonly summary: SweepSummary;
  /** Every trial's record (pass 1, or the full protocol for the runs run again), by cell and trial. */
  readonly records: readonly TrialRecord[];
  /** Per plan cell: runs counted global after pass 1, and runs run again under the full protocol. */
  readonly decidedEarly: readonly number[];
  readonly reruns: readonly number[];
}

type Progress = (label: string, total: number) => (done: number) => void;

/** Runs `refs` from `source` on the worker pool (or in this thread with one worker). */
async function runRefs(
  source: TrialSource,
  refs: readonly TrialRef[],
  workers: number,
  onTrials: (n: number) => void,
): Promise<TrialRecord[]> {
  const records: TrialRecord[] = [];
  if (refs.length === 0) return records;
  if (workers <= 1) {
    const model = await loadModel(source.modelUrl);
    const params = source.cells.map((c) => model.resolve(c.raw, "spec"));
    for (const { cell, trial } of refs) {
      const c = source.cells[cell];
      records.push(runTrial(model, params[cell], source.seed, c.streamKey, cell, trial));
      onTrials(1);
    }
    return records;
  }
  await executeTrials(source, refs, {
    workers,
    onBatch: (batch) => {
      records.push(...batchRecords(batch));
      onTrials(batch.cells.length);
    },
  });
  return records;
}

const sourceOf = (plan: SweepPlan, maxSteps: number): TrialSource => ({
  modelUrl: plan.modelUrl,
  seed: plan.spec.seed,
  // the full protocol's stream key with (possibly) a smaller budget: the same start, a truncated run
  cells: plan.cells.map((c) => ({ streamKey: c.streamKey, raw: { ...c.raw, maxSteps } })),
});

/**
 * Runs every cell of `sizes` (the n = k + 1 cells in two passes, see the file's comment), one
 * progress step per group of cells (n = k, then n = k + 1), each advancing per batch of trials.
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
  const runsOf = plan.cells.map((_, i) => sizes.runs(params[i].k, params[i].n));
  const first = sourceOf(plan, FIRST_PASS_STEPS);
  const full = sourceOf(plan, PROTOCOL_MAX_STEPS);
  const records: TrialRecord[] = [];
  const decidedEarly = plan.cells.map(() => 0);
  const reruns = plan.cells.map(() => 0);
  for (const excess of sizes.excess) {
    const cells = plan.cells.filter((c) => c.axes.excess === excess).map((c) => c.index);
    const todo: TrialRef[] = [];
    for (let trial = 0; trial < maxRuns; trial++)
      for (const cell of cells) if (trial < runsOf[cell]) todo.push({ cell, trial });
    const group = excess === 0 ? "n = k" : `n = k + ${excess}`;
    const ks = cells.map((c) => params[c].k);
    const advance = progress(
      `Safran–Shamir: ${group}, k = ${ks[0]}…${ks[ks.length - 1]} (${todo.length} runs)`,
      todo.length,
    );
    const again: TrialRef[] = [];
    for (const r of await runRefs(excess === 0 ? full : first, todo, settings.workers, advance)) {
      const spec = params[r.cell];
      const loss = r.loss as number | null;
      const gradMax = r.gradMax as number | null;
      const unfinished = r.outcome === "unconverged" && !(gradMax !== null && gradMax < spec.gradTol);
      if (!unfinished) records.push(r);
      else if (loss !== null && loss < spec.globalLoss) {
        records.push({ ...r, outcome: "global", decidedEarly: 1 });
        decidedEarly[r.cell]++;
      } else {
        again.push({ cell: r.cell, trial: r.trial });
        reruns[r.cell]++;
      }
    }
    if (again.length > 0) {
      const more = progress(
        `Safran–Shamir: ${group}, ${again.length} runs to the protocol's end (10⁶ steps)`,
        again.length,
      );
      records.push(...(await runRefs(full, again, settings.workers, more)));
    }
  }
  records.sort((a, b) => a.cell - b.cell || a.trial - b.trial);
  return { plan, summary: summariseSweep(plan, records), records, decidedEarly, reruns };
}
