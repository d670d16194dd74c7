/**
 * Du et al. (2018), computed as plain data: the P(global)/P(spurious) table over k × (1ᵀa*)²/‖a*‖²,
 * restarts, two-phase trajectories, a 2-D slice through the global and spurious minima with GD
 * trajectories, sensitivity to p, ‖a*‖ and η, and population versus finite-sample GD.
 *
 * Every trial is `runCnnTrial(spec, Rng.fromSeed(seed, key, trial))` where key is the sweep stream
 * key of the cell's canonical parameters (src/sweep/canonical.ts), so a cell's trials are the same
 * in every part of the report, whatever the worker count, and the same as in a sweep of that cell:
 * the success table is exactly examples/sweeps/du-table.json run with the report's seed and trials.
 */
import {
  type CnnTrialResult,
  type CnnTrialSpec,
  runCnnTrial,
  runCnnTrialDetailed,
} from "../experiments/cnn-trial.js";
import { Rng } from "../math/rng.js";
import { atLeastOneOf, type ProportionEstimate, wilsonInterval } from "../math/stats.js";
import { cnnPopulationLoss } from "../models/cnn/population.js";
import { spuriousRatioThreshold, stepsForHorizon } from "../models/cnn/protocol.js";
import { saddleAngle, spuriousLoss, spuriousOutputWeights } from "../models/cnn/stationary.js";
import { cnnTeacherFromRatio } from "../models/cnn/teacher.js";
import { streamKeyOf } from "../sweep/canonical.js";
import { runCellTrials } from "../sweep/cell-runner.js";
import type { TrialResult } from "../sweep/model.js";
import { builtInModels } from "../sweep/model.js";
import cnnSweepModel, { resolveCnnParams } from "../sweep/models/cnn.js";
import { planSweep } from "../sweep/plan.js";
import { executeTrials, type TrialSource } from "../sweep/pool.js";
import { parseSweepSpec, type SweepSpec } from "../sweep/spec.js";
import { batchRecords } from "../sweep/worker.js";
import { bySize, type ReportSettings } from "./settings.js";

export const DU_KS = [25, 36, 49, 64, 81, 100] as const;
export const DU_RATIOS = [0, 1, 4, 9, 16, 25] as const;
const P = 25;

/**
 * The success table as a sweep spec: the notes' protocol (§8.3), η = min(0.2, 2π/(k+π−1)) (half
 * the a-block stability bound) and a gradient-flow horizon of 6000, i.e. ⌈6000/η⌉ steps.
 * examples/sweeps/du-table.json is this spec (a test keeps the two equal).
 */
export function duTableSpec(trials: number, seed: number): SweepSpec {
  return parseSweepSpec({
    name: "du-table",
    model: "cnn",
    params: { p: P, anorm: 1, init: "paper" },
    optimiser: { method: "wn-gd", eta: "auto" },
    stop: { horizon: 6000 },
    grid: { k: [...DU_KS], ratio: [...DU_RATIOS] },
    trials,
    seed,
  });
}

/** One cell of the protocol, in the canonical form a sweep resolves it to, with optional overrides. */
export function duSpec(k: number, ratio: number, overrides: Partial<CnnTrialSpec> = {}): CnnTrialSpec {
  const base = resolveCnnParams({ k, p: P, ratio, anorm: 1, eta: "auto", horizon: 6000 }, "spec");
  const eta = overrides.eta ?? base.eta;
  return { ...base, maxSteps: stepsForHorizon(6000, eta), ...overrides };
}

export interface OutcomeCounts {
  readonly n: number;
  readonly global: number;
  readonly spurious: number;
  readonly saddle: number;
  readonly unconverged: number;
  readonly diverged: number;
}

export interface CellTrials {
  readonly spec: CnnTrialSpec;
  readonly results: readonly CnnTrialResult[];
}

export function runCell(
  spec: CnnTrialSpec,
  trials: number,
  seed: number,
  onTrial?: () => void,
  key = streamKeyOf("cnn", spec),
): CellTrials {
  const results = runCellTrials<CnnTrialSpec, CnnTrialResult & TrialResult>(
    cnnSweepModel,
    spec,
    seed,
    key,
    trials,
    () => onTrial?.(),
  );
  return { spec, results };
}

/** A cell of trials: its settings and the stream key its trials draw from. */
interface KeyedCell {
  readonly spec: CnnTrialSpec;
  readonly key: number;
}

const keyed = (spec: CnnTrialSpec, key = streamKeyOf("cnn", spec)): KeyedCell => ({ spec, key });

/**
 * Runs `trials` trials of each cell: on the sweep worker pool when there is more than one worker
 * (trials interleaved over the cells), else in this thread. The same trials either way.
 */
async function runCells(
  cells: readonly KeyedCell[],
  trials: number,
  settings: ReportSettings,
  onTrials: (n: number) => void,
): Promise<CellTrials[]> {
  if (settings.workers <= 1)
    return cells.map((c) => runCell(c.spec, trials, settings.seed, () => onTrials(1), c.key));
  const source: TrialSource = {
    modelUrl: builtInModels.cnn,
    seed: settings.seed,
    cells: cells.map((c) => ({ streamKey: c.key, raw: { ...c.spec } })),
  };
  const results: CnnTrialResult[][] = cells.map(() => new Array<CnnTrialResult>(trials));
  const todo = [];
  for (let trial = 0; trial < trials; trial++)
    for (let cell = 0; cell < cells.length; cell++) todo.push({ cell, trial });
  await executeTrials(source, todo, {
    workers: settings.workers,
    onBatch: (batch) => {
      // records keep every field of the trial result (non-finite numbers as null)
      for (const r of batchRecords(batch)) results[r.cell][r.trial] = r as unknown as CnnTrialResult;
      onTrials(batch.cells.length);
    },
  });
  return cells.map((c, i) => ({ spec: c.spec, results: results[i] }));
}

/** The success table's cells in DU_KS × DU_RATIOS order, as the du-table sweep plans them. */
async function runDuTable(
  trials: number,
  settings: ReportSettings,
  onTrials: (n: number) => void,
): Promise<CellTrials[]> {
  const plan = await planSweep(duTableSpec(trials, settings.seed), process.cwd());
  const cells = plan.cells.map((c) => keyed(c.params as CnnTrialSpec, c.streamKey));
  return runCells(cells, trials, settings, onTrials);
}

export function countOutcomes(results: readonly CnnTrialResult[]): OutcomeCounts {
  const c = { n: results.length, global: 0, spurious: 0, saddle: 0, unconverged: 0, diverged: 0 };
  for (const r of results) c[r.outcome]++;
  return c;
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

export interface DuSlice {
  readonly spec: CnnTrialSpec;
  /** x = φ ∈ [0, π] (v rotated from w* towards −w*), y = t (a = a* + t(a_s − a*)); values log₁₀ ℓ. */
  readonly grid: {
    readonly nx: number;
    readonly ny: number;
    readonly x0: number;
    readonly x1: number;
    readonly y0: number;
    readonly y1: number;
    readonly values: readonly number[];
  };
  readonly spuriousLoss: number;
  readonly spuriousLossOnSlice: number;
  readonly saddleAngle: number | null;
  readonly runs: readonly {
    readonly trial: number;
    readonly outcome: string;
    readonly points: readonly { readonly x: number; readonly y: number }[];
  }[];
}

export interface DuSensitivityRow {
  readonly value: number;
  readonly global: ProportionEstimate;
  readonly spurious: ProportionEstimate;
  readonly counts: OutcomeCounts;
}

export interface DuSensitivity {
  readonly parameter: "p" | "anorm" | "eta";
  readonly base: CnnTrialSpec;
  readonly rows: readonly DuSensitivityRow[];
}

export interface DuSampleRow {
  /** Number of drawn inputs, or 0 for the population gradient. */
  readonly samples: number;
  readonly global: ProportionEstimate;
  readonly spurious: ProportionEstimate;
  readonly counts: OutcomeCounts;
  /** Trials whose outcome equals the population run's from the same start. */
  readonly sameAsPopulation: ProportionEstimate;
}

export interface DuSamples {
  readonly base: CnnTrialSpec;
  readonly rows: readonly DuSampleRow[];
}

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
}

function summariseCell(cell: CellTrials): DuCell {
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

function twoPhase(settings: ReportSettings): DuTwoPhase {
  // k = p = 25, (1ᵀa*)² = 4, η = 0.2 as in the notes' §7; runs continue after convergence so the
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

function slice(settings: ReportSettings): DuSlice {
  // no early stop: runs heading to the spurious minimum are followed on their slow approach to φ = π
  const spec = duSpec(25, 1, { eta: 0.2, maxSteps: 3000, earlyStop: false });
  const teacher = cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm);
  const as = spuriousOutputWeights(teacher);
  const d = Float64Array.from(as, (x, i) => x - teacher.a[i]);
  const dd = d.reduce((s, x) => s + x * x, 0);
  const aStarD = teacher.a.reduce((s, x, i) => s + x * d[i], 0);
  // a_s − a* = α·a* + β·1, so (a − a*)ᵀd needs only aᵀa* and 1ᵀa, which every trajectory records
  const alpha = -Math.PI / (Math.PI - 1);
  const beta = (Math.PI * teacher.a.reduce((s, x) => s + x, 0)) / (spec.k + Math.PI - 1) / (Math.PI - 1);
  const nx = bySize(settings.size, { smoke: 21, quick: 61, full: 91 });
  const ny = bySize(settings.size, { smoke: 15, quick: 41, full: 61 });
  const y0 = -0.3;
  const y1 = 1.3;
  const values: number[] = [];
  const v = new Float64Array(spec.p);
  for (let j = 0; j < ny; j++) {
    const t = y0 + ((y1 - y0) * j) / (ny - 1);
    const a = Float64Array.from(teacher.a, (x, i) => x + t * d[i]);
    for (let i = 0; i < nx; i++) {
      const phi = (Math.PI * i) / (nx - 1);
      v.fill(0);
      v[0] = Math.cos(phi);
      v[1] = Math.sin(phi);
      values.push(Math.log10(Math.max(cnnPopulationLoss(teacher, v, a), 1e-12)));
    }
  }
  const vs = new Float64Array(spec.p);
  vs[0] = -1;
  const key = streamKeyOf("cnn-slice", spec);
  const runs = [];
  const count = bySize(settings.size, { smoke: 3, quick: 6, full: 8 });
  for (let t = 0; t < count; t++) {
    const det = runCnnTrialDetailed(spec, Rng.fromSeed(settings.seed, key, t), { trajectoryPoints: 200 });
    runs.push({
      trial: t,
      outcome: det.result.outcome,
      points: (det.trajectory ?? []).map((q) => {
        const aDotD = alpha * q.aDotAstar + beta * q.oneDotA;
        return { x: q.phi, y: (aDotD - aStarD) / dd };
      }),
    });
  }
  const phiS = saddleAngle(teacher);
  return {
    spec,
    grid: { nx, ny, x0: 0, x1: Math.PI, y0, y1, values },
    spuriousLoss: spuriousLoss(teacher),
    spuriousLossOnSlice: cnnPopulationLoss(teacher, vs, as),
    saddleAngle: phiS ?? null,
    runs,
  };
}

async function sensitivity(
  settings: ReportSettings,
  trials: number,
  onTrials: (n: number) => void,
): Promise<DuSensitivity[]> {
  const base = duSpec(25, 1, { eta: 0.2 });
  const axes: { parameter: DuSensitivity["parameter"]; values: number[] }[] = [
    { parameter: "p", values: [5, 10, 25, 50, 100] },
    { parameter: "anorm", values: [0.25, 0.5, 1, 2, 4] },
    { parameter: "eta", values: [0.02, 0.05, 0.1, 0.2] },
  ];
  const cells = axes.flatMap(({ parameter, values }) =>
    values.map((value) =>
      parameter === "eta"
        ? // η rows share the base cell's starts: in the gradient-flow limit their outcomes should coincide
          keyed({ ...base, eta: value, maxSteps: stepsForHorizon(6000, value) }, streamKeyOf("cnn", base))
        : keyed({ ...base, [parameter]: value }),
    ),
  );
  const done = await runCells(cells, trials, settings, onTrials);
  let next = 0;
  return axes.map(({ parameter, values }) => ({
    parameter,
    base,
    rows: values.map((value) => {
      const counts = countOutcomes(done[next++].results);
      return {
        value,
        counts,
        global: wilsonInterval(counts.global, counts.n),
        spurious: wilsonInterval(counts.spurious, counts.n),
      };
    }),
  }));
}

async function samplesVsPopulation(
  settings: ReportSettings,
  onTrials: (n: number) => void,
): Promise<DuSamples> {
  // Small k and p: finite-sample GD costs n·k·p per step.
  const base = duSpec(9, 1, { p: 9, eta: 0.2, maxSteps: 4000 });
  const ns = bySize(settings.size, { smoke: [20], quick: [25, 100, 400], full: [25, 100, 400, 1600] });
  const trials = bySize(settings.size, { smoke: 3, quick: 16, full: 100 });
  // every row draws from the population cell's streams: the same starts, with data from a child stream
  const key = streamKeyOf("cnn", base);
  const [population, ...sampled] = await runCells(
    [keyed(base), ...ns.map((n) => keyed({ ...base, samples: n }, key))],
    trials,
    settings,
    onTrials,
  );
  const rowOf = (samples: number, results: readonly CnnTrialResult[]): DuSampleRow => {
    const counts = countOutcomes(results);
    const same = results.filter((r, i) => r.outcome === population.results[i].outcome).length;
    return {
      samples,
      counts,
      global: wilsonInterval(counts.global, counts.n),
      spurious: wilsonInterval(counts.spurious, counts.n),
      sameAsPopulation: wilsonInterval(same, results.length),
    };
  };
  return { base, rows: [rowOf(0, population.results), ...sampled.map((c, i) => rowOf(ns[i], c.results))] };
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

  return {
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
