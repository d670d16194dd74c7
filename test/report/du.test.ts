import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { CnnTrialResult } from "../../src/experiments/cnn/trial.js";
import { silentProgress } from "../../src/io/step-progress.js";
import { atLeastOneOf } from "../../src/math/stats.js";
import { duSpec, duTableSpec, runCell } from "../../src/report/du/compute/cells.js";
import { restartsOf } from "../../src/report/du/compute/table.js";
import { logLossSlope } from "../../src/report/du/compute/two-phase.js";
import { computeDu } from "../../src/report/du/results.js";

function fake(outcomes: string): CnnTrialResult[] {
  return [...outcomes].map((c) => ({
    outcome: c === "g" ? "global" : "spurious",
    steps: 1,
    loss: 0,
    gradNorm: 0,
    phi: 0,
    aDotAstar: 0,
    oneDotA: 0,
    vNorm: 1,
    phaseSwitch: null,
    phi0: 0,
    a0DotAstar: 0,
    oneDotA0: 0,
  }));
}

test("restartsOf counts disjoint blocks with at least one global run and predicts 1 − (1 − p)^m", () => {
  // blocks of 2: gs | ss | ss | gg | ss  -> 2 of 5 blocks succeed; single-run p = 3/10
  const cell = { spec: duSpec(25, 0), results: fake("gsssssggss") };
  const r = restartsOf(cell, [1, 2]);
  assert.equal(r.single.count, 3);
  const m2 = r.rows.find((row) => row.m === 2)!;
  assert.equal(m2.measured.n, 5);
  assert.equal(m2.measured.count, 2);
  assert.equal(m2.predicted, atLeastOneOf(0.3, 2));
  assert.equal(m2.bound, 1 - 0.75 ** 2);
});

test("logLossSlope recovers the rate of an exactly linear log-loss", () => {
  const points = Array.from({ length: 50 }, (_, t) => ({
    step: t,
    loss: 10 ** (-0.3 * t),
    phi: 0,
    aDotAstar: 0,
    oneDotA: 0,
  }));
  assert.ok(Math.abs(logLossSlope(points, 10, 40) + 0.3) < 1e-12);
});

test("the report's success table is the du-table example sweep (same cells, protocol and streams)", () => {
  const example = JSON.parse(readFileSync("examples/sweeps/du-table.json", "utf8"));
  const ours = duTableSpec(example.trials, example.seed);
  for (const field of ["model", "params", "optimiser", "stop", "grid"] as const)
    assert.deepEqual(ours[field], example[field], field);
  // η = min(0.2, 2π/(k+π−1)) is half the a-block stability bound 4π/(k+π−1), capped at 0.2
  assert.equal(duSpec(25, 0).eta, 0.2);
  assert.ok(Math.abs(duSpec(100, 0).eta - (2 * Math.PI) / (99 + Math.PI)) < 1e-15);
  assert.equal(duSpec(25, 0).maxSteps, 30000);
});

test("the table, sensitivity and finite-sample runs are the same on the worker pool as in one thread", async () => {
  const settings = { size: "smoke", seed: 5, progress: silentProgress } as const;
  const one = await computeDu({ ...settings, workers: 1 });
  const two = await computeDu({ ...settings, workers: 2 });
  assert.deepEqual(
    two.cells.map((c) => c.counts),
    one.cells.map((c) => c.counts),
  );
  assert.deepEqual(
    two.cells.map((c) => c.meanSteps),
    one.cells.map((c) => c.meanSteps),
  );
  assert.deepEqual(two.sensitivity, one.sensitivity);
  assert.deepEqual(two.samples, one.samples);
});

test("a cell's trials depend only on (seed, parameters, trial index)", () => {
  const spec = duSpec(25, 1);
  const a = runCell(spec, 6, 3).results.map((r) => r.outcome + r.steps);
  const b = runCell(spec, 6, 3).results.map((r) => r.outcome + r.steps);
  const c = runCell(spec, 6, 4).results.map((r) => r.outcome + r.steps);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});
