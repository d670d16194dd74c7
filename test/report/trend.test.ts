import assert from "node:assert/strict";
import { test } from "node:test";
import { wilsonInterval } from "../../src/math/stats.js";
import { mcNemarExact } from "../../src/report/du/sensitivity.js";
import { riseThroughout, riseVerdict } from "../../src/report/trend.js";

const points = (shares: number[], n: number, values: number[]) =>
  shares.map((p, i) => ({ score: Math.log10(values[i]), estimate: wilsonInterval(Math.round(p * n), n) }));
const ANORMS = [0.25, 0.5, 1, 2, 4];

test("the issue's example (0.620 → 0.618 → 0.608 → 0.660 → 0.715 at 2000 runs each) is not a rise throughout: partly agrees", () => {
  const t = riseThroughout(points([0.62, 0.618, 0.608, 0.66, 0.715], 2000, ANORMS));
  assert.ok(t.all.pRise < 0.05, "a rise over all values");
  assert.ok(t.lower.pRise > 0.5, "none over the lower half");
  assert.ok(t.upper.pRise < 1e-6, "a clear one over the upper half");
  assert.equal(riseVerdict(t), "partly agrees");
});

test("riseVerdict: a steady rise agrees, a flat or falling curve differs", () => {
  assert.equal(riseVerdict(riseThroughout(points([0.5, 0.55, 0.6, 0.65, 0.7], 2000, ANORMS))), "agrees");
  assert.equal(riseVerdict(riseThroughout(points([0.6, 0.61, 0.59, 0.6, 0.6], 2000, ANORMS))), "differs");
  assert.equal(riseVerdict(riseThroughout(points([0.7, 0.65, 0.6, 0.55, 0.5], 2000, ANORMS))), "differs");
});

test("mcNemarExact: two-sided binomial tail of the discordant runs, by hand", () => {
  assert.equal(mcNemarExact(0, 0), 1);
  // 5 discordant runs all one way: 2·(1/2)⁵
  assert.ok(Math.abs(mcNemarExact(0, 5) - 2 / 32) < 1e-15);
  // 1 of 10: 2·(1 + 10)/1024
  assert.ok(Math.abs(mcNemarExact(9, 1) - 22 / 1024) < 1e-15);
  assert.equal(mcNemarExact(4, 4), 1);
});
