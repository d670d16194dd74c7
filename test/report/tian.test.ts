import assert from "node:assert/strict";
import { before, test } from "node:test";
import { k2Criterion } from "../../src/experiments/tian/critical.js";
import { toJson } from "../../src/io/json.js";
import { silentProgress } from "../../src/io/step-progress.js";
import { symmetricSaddle } from "../../src/models/fc/reduced-2d.js";
import { slopeOf } from "../../src/report/tian/compute/slope.js";
import { computeTian, type TianResults } from "../../src/report/tian/results.js";
import { tianBuilder, tianSection } from "../../src/report/tian/section.js";
import type { Claim } from "../../src/report/types.js";

const smoke = { size: "smoke", seed: 1, workers: 1, progress: silentProgress } as const;
let results: TianResults;

before(async () => {
  results = await computeTian(smoke);
});

function claim(r: TianResults, id: string): Claim {
  const c = tianSection(r)
    .subsections.flatMap((s) => s.claims)
    .find((x) => x.id === id);
  assert.ok(c, `claim ${id}`);
  return c;
}

/** A deep copy that can be edited (the results are plain data). */
function copy(r: TianResults): TianResults {
  return JSON.parse(JSON.stringify(r)) as TianResults;
}

test("the smoke-size Tian section covers every bullet of the issue, with unique figure names and finite numbers", async () => {
  const section = await tianBuilder.build(smoke);
  assert.equal(section.id, "tian");
  assert.deepEqual(
    section.subsections.map((s) => s.id),
    ["closed-form", "dynamics", "noisy", "k1", "saddles", "critical"],
  );
  const names = section.subsections.flatMap((s) => s.figures.map((f) => f.name));
  assert.equal(new Set(names).size, names.length);
  for (const name of ["tian-field-k2", "tian-field-k5", "tian-trajectories", "tian-error", "tian-noisy"])
    assert.ok(names.includes(name), name);
  for (const sub of section.subsections) {
    assert.ok(sub.claims.length > 0, `${sub.id} has claims`);
    assert.ok(sub.figures.length > 0, `${sub.id} has figures`);
    for (const f of sub.figures) assert.match(f.svg, /^<svg/);
    // printJson/toJson refuse NaN and infinities: every number in the data is finite
    assert.doesNotThrow(() => toJson(sub.data));
  }
  assert.equal(results.dynamics.trajectories.length, 3);
  assert.deepEqual(
    results.dynamics.trajectories.map((t) => t.K),
    [2, 5, 10],
  );
  assert.equal(results.dynamics.trajectories[0].final.step, 1000);
});

test("the measured symmetric fixed point equals the formula x*_K, and the full gradient vanishes there", () => {
  for (const row of results.saddles) {
    assert.ok(Math.abs(row.measuredFixedPoint - symmetricSaddle(row.K)) < 1e-12, `K=${row.K}`);
    assert.ok(row.gradNormAtSaddle < 1e-12, `K=${row.K}: ‖∇J‖ = ${row.gradNormAtSaddle}`);
    assert.equal(row.hessianIndex, (row.K - 1) ** 2);
  }
  assert.equal(claim(results, "tian-saddle-formula").verdict, "agrees");
});

test("the exhibited K = 2 critical points are genuine (‖∇J‖ ≈ 0, J > 0) and lie where the criterion cannot exclude them", () => {
  const { exhibited } = results.critical;
  assert.ok(exhibited.length > 0);
  for (const p of exhibited) {
    assert.ok(p.gradNorm < 1e-12, `‖∇J‖ = ${p.gradNorm}`);
    assert.ok(p.loss > 1e-3);
    assert.equal(k2Criterion(p.beta, p.phi1, p.phi2).criticalPointFree, false);
    assert.ok(p.teacherNorms.every((x) => x > 0) && p.studentNorms.every((x) => x > 0));
  }
  assert.equal(results.critical.pairs.mismatches, 0);
});

test("K = 1: GD contracts ‖w − w*‖ by 1 − η/2 per step near w* (the Hessian there is I/2)", () => {
  for (const r of results.k1.rates)
    assert.ok(Math.abs(r.factor - (1 - results.k1.eta / 2)) < 1e-5, `${r.factor}`);
  for (const c of results.k1.ball) assert.ok((c.exactInOmega ?? 0) >= c.bound);
});

test("verdicts follow from the numbers: a saddle off the formula, a wrong rate or a failed start flips them", () => {
  const offSaddle = copy(results);
  (offSaddle.saddles[0] as { measuredFixedPoint: number }).measuredFixedPoint += 1e-6;
  assert.equal(claim(offSaddle, "tian-saddle-formula").verdict, "differs");

  const slowRate = copy(results);
  (slowRate.k1.rates[0] as { factor: number }).factor = 0.96;
  assert.equal(claim(slowRate, "tian-k1-rate").verdict, "differs");

  const stuck = copy(results);
  const omega = stuck.dynamics.omega[0].toTeacher as { count: number };
  omega.count -= 1;
  assert.equal(claim(stuck, "tian-omega").verdict, "differs");

  const slowK = copy(results);
  (slowK.dynamics.trajectories[2].final as { error: number }).error = 1;
  assert.equal(claim(slowK, "tian-faster-k").verdict, "differs");
  assert.equal(claim(results, "tian-faster-k").verdict, "agrees");
});

test("Conjecture 4.3's verdict: agrees without failures, differs once a failure at K ≥ 6 is a local minimum", () => {
  const clean = copy(results);
  for (const res of clean.noisy.results)
    for (const level of res.levels) {
      (level as { failures: unknown[] }).failures = [];
      (level as { distinctFailures: unknown[] }).distinctFailures = [];
      (level.success as { count: number }).count = level.success.n;
    }
  assert.equal(claim(clean, "tian-conjecture-4-3").verdict, "agrees");
  assert.equal(claim(clean, "tian-spurious-minima").verdict, "not comparable");

  const trapped = copy(clean);
  const big = trapped.noisy.results.find((r) => r.K >= 6);
  assert.ok(big);
  (big.levels[0] as { failures: unknown[] }).failures = [
    {
      run: 0,
      outcome: "stationary",
      loss: 0.0187,
      gradNorm: 1e-9,
      hessianIndex: 0,
      minEigenvalue: 0.03,
      pointId: 0,
    },
  ];
  (big.levels[0] as { distinctFailures: unknown[] }).distinctFailures = [{ loss: 0.0187, count: 1 }];
  assert.equal(claim(trapped, "tian-conjecture-4-3").verdict, "differs");
  assert.equal(claim(trapped, "tian-spurious-minima").verdict, "agrees");
  const table = tianSection(trapped)
    .subsections.flatMap((sub) => sub.tables)
    .find((t) => t.id === "tian-spurious-minima");
  assert.deepEqual(table?.rows, [
    [big.K, big.levels[0].noise, "0.0187", 1, "stationary", "1.0e-9", 0, "0.03"],
  ]);
});

test("slopeOf recovers the slope of an exact line", () => {
  const xs = [2, 3, 4, 5];
  assert.ok(
    Math.abs(
      slopeOf(
        xs,
        xs.map((x) => 1.5 - 0.5 * x),
      ) + 0.5,
    ) < 1e-15,
  );
});

test("the Tian results depend only on the seed, not on the worker pool", async () => {
  const again = await computeTian({ ...smoke, workers: 2 });
  assert.deepEqual(toJson(again), toJson(results));
  const other = await computeTian({ ...smoke, seed: 2 });
  assert.notDeepEqual(
    other.fig3.result.versusN.map((c) => c.meanRelativeError),
    results.fig3.result.versusN.map((c) => c.meanRelativeError),
  );
});
