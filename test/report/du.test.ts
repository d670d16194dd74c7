import assert from "node:assert/strict";
import { test } from "node:test";
import type { CnnTrialResult } from "../../src/experiments/cnn-trial.js";
import { atLeastOneOf } from "../../src/math/stats.js";
import { duSpec, duStep, logLossSlope, restartsOf, runCell } from "../../src/report/du.js";

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

test("duStep is half the a-block stability bound 4π/(k+π−1), capped at 0.2", () => {
  assert.equal(duStep(25), 0.2);
  assert.ok(Math.abs(duStep(100) - (2 * Math.PI) / (99 + Math.PI)) < 1e-15);
});

test("a cell's trials depend only on (seed, parameters, trial index)", () => {
  const spec = duSpec(25, 1);
  const a = runCell(spec, 6, 3).results.map((r) => r.outcome + r.steps);
  const b = runCell(spec, 6, 3).results.map((r) => r.outcome + r.steps);
  const c = runCell(spec, 6, 4).results.map((r) => r.outcome + r.steps);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});
