/**
 * Du et al. (2018): the protocol of the success table and how a cell's trials are run.
 *
 * Every trial is `runCnnTrial(spec, Rng.fromSeed(seed, key, trial))` where key is the sweep stream
 * key of the cell's canonical parameters (src/sweep/canonical.ts), so a cell's trials are the same
 * in every part of the report, whatever the worker count, and the same as in a sweep of that cell:
 * the success table is exactly examples/sweeps/du-table.json run with the report's seed and trials.
 */

import type { CnnTrialSpec } from "../../../experiments/cnn/spec.js";
import type { CnnTrialResult } from "../../../experiments/cnn/trial.js";
import { stepsForHorizon } from "../../../models/cnn/protocol.js";
import { streamKeyOf } from "../../../sweep/canonical.js";
import { runCellTrials } from "../../../sweep/cell-runner.js";
import type { TrialResult } from "../../../sweep/model.js";
import cnnSweepModel, { resolveCnnParams } from "../../../sweep/models/cnn.js";
import { executeTrials, type TrialSource } from "../../../sweep/pool.js";
import { builtInModels } from "../../../sweep/registry.js";
import { parseSweepSpec, type SweepSpec } from "../../../sweep/spec.js";
import { batchRecords } from "../../../sweep/worker.js";
import type { ReportSettings } from "../../settings.js";

export const DU_KS = [25, 36, 49, 64, 81, 100] as const;
export const DU_RATIOS = [0, 1, 4, 9, 16, 25] as const;
export const P = 25;

/**
 * The success table as a sweep spec: the protocol of docs/du-cnn.md#the-success-table-protocol, η = min(0.2, 2π/(k+π−1)) (half
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
export interface KeyedCell {
  readonly spec: CnnTrialSpec;
  readonly key: number;
}

export const keyed = (spec: CnnTrialSpec, key = streamKeyOf("cnn", spec)): KeyedCell => ({ spec, key });

/**
 * Runs `trials` trials of each cell: on the sweep worker pool when there is more than one worker
 * (trials interleaved over the cells), else in this thread. The same trials either way.
 */
export async function runCells(
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

export function countOutcomes(results: readonly CnnTrialResult[]): OutcomeCounts {
  const c = { n: results.length, global: 0, spurious: 0, saddle: 0, unconverged: 0, diverged: 0 };
  for (const r of results) c[r.outcome]++;
  return c;
}
