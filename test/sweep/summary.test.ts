import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { wilsonInterval } from "../../src/math/stats.js";
import { planSweep } from "../../src/sweep/plan.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { summariseSweep } from "../../src/sweep/summary.js";
import { summaryCsv, summaryText } from "../../src/sweep/summary-format.js";
import type { TrialRecord } from "../../src/sweep/trial.js";

const coin = fileURLToPath(new URL("./fixtures/coin-model.ts", import.meta.url));
const plan = await planSweep(
  parseSweepSpec({ model: coin, grid: { p: [0.5, 0.25] }, trials: 8, seed: 1, restarts: [1, 2, 3] }),
  ".",
);

function record(cell: number, trial: number, outcome: string): TrialRecord {
  return { cell, trial, seed: [1, plan.cells[cell].streamKey, trial], outcome, u: 0.5 };
}

// Cell 0: H T T T H H T T (trials 0..7); cell 1: only trials 0..4, T T H T T.
const pattern0 = "HTTTHHTT";
const records = [
  ...[...pattern0].map((c, t) => record(0, t, c === "H" ? "heads" : "tails")),
  ...[..."TTHTT"].map((c, t) => record(1, t, c === "H" ? "heads" : "tails")),
];
const summary = summariseSweep(plan, records.slice().reverse());

test("summary counts every outcome per cell with its Wilson interval", () => {
  const [c0, c1] = summary.cells;
  assert.deepEqual(c0.outcomes.heads, wilsonInterval(3, 8));
  assert.deepEqual(c0.outcomes.tails, wilsonInterval(5, 8));
  assert.equal(c1.trials, 5);
  assert.deepEqual(c1.outcomes.heads, wilsonInterval(1, 5));
  assert.equal(summary.trials, 13);
  assert.equal(summary.planned, 16);
});

test("restarts are measured on complete blocks of m consecutive trials and predicted as 1-(1-p)^m", () => {
  const [c0, c1] = summary.cells;
  // m = 2 blocks of cell 0: HT, TT, HH, TT -> 2 of 4; m = 3: HTT, THH -> 2 of 2 (trials 6,7 form no full block).
  assert.deepEqual(c0.restarts[1].measured, wilsonInterval(2, 4));
  assert.deepEqual(c0.restarts[2].measured, wilsonInterval(2, 2));
  assert.ok(Math.abs(c0.restarts[1].predicted.p - (1 - (5 / 8) ** 2)) < 1e-15);
  assert.ok(Math.abs(c0.restarts[2].predicted.lo - (1 - (1 - wilsonInterval(3, 8).lo) ** 3)) < 1e-15);
  // cell 1 with trials 0..4: m = 2 blocks TT, HT -> 1 of 2; m = 3: TTH -> 1 of 1.
  assert.deepEqual(c1.restarts[1].measured, wilsonInterval(1, 2));
  assert.deepEqual(c1.restarts[2].measured, wilsonInterval(1, 1));
});

test("the model's theory is printed beside the measurement and checked against the interval", () => {
  const [c0, c1] = summary.cells;
  assert.equal(c0.theory[0].value, 0.5);
  assert.equal(c0.theory[0].consistent, true);
  assert.equal(c1.theory[0].value, 0.25);
  assert.equal(c1.theory[0].consistent, wilsonInterval(1, 5).lo <= 0.25);
  const bad = summariseSweep(
    plan,
    [...Array(8)].map((_, t) => record(1, t, "heads")),
  );
  assert.equal(bad.cells[1].theory[0].consistent, false, "8 heads of 8 contradict P(heads) = 1/4");
});

test("text and CSV carry the same numbers", () => {
  const text = summaryText(summary);
  assert.match(text, /p=0\.5 {2}\(8\/8 trials\)/);
  assert.match(text, /heads\s+3 {2}0\.375 \[/);
  const csv = summaryCsv(summary).split("\n");
  assert.equal(csv.length, 3);
  const header = csv[0].split(",");
  const row = csv[1].split(",");
  assert.equal(row[header.indexOf("heads_count")], "3");
  assert.equal(Number(row[header.indexOf("heads_lo")]), wilsonInterval(3, 8).lo);
  assert.equal(row[header.indexOf("p")], "0.5");
});

test("a restart count with no complete block is said to be unmeasured, not printed as an interval", async () => {
  // 8 and 5 trials per cell: m = 10 has no complete block in either.
  const withTen = await planSweep(
    parseSweepSpec({ model: coin, grid: { p: [0.5, 0.25] }, trials: 8, seed: 1, restarts: [1, 10] }),
    ".",
  );
  const text = summaryText(summariseSweep(withTen, records));
  const m10 = text.split("\n").filter((line) => /in 10 restarts/.test(line));
  assert.equal(m10.length, 2, text);
  assert.ok(
    m10.every((line) => /not measured: no complete block of 10 trials/.test(line)),
    m10.join("\n"),
  );
  assert.ok(!/over 0 blocks/.test(text), text);
});
