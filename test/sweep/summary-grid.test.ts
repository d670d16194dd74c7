/**
 * The compact grid view of a two-dimensional sweep (src/sweep/summary-grid.ts): rows the first
 * axis, columns the second, each entry P(success) with its interval; incomplete cells marked;
 * theory checks summed up; no table for grids that are not two-dimensional.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatProportion } from "../../src/math/proportion-text.js";
import { wilsonInterval } from "../../src/math/stats.js";
import type { CellSummary, SweepSummary } from "../../src/sweep/summary.js";
import { gridAxes, summaryGridText } from "../../src/sweep/summary-grid.js";

function summary(ks: number[], ratios: number[], global: (k: number, r: number) => number): SweepSummary {
  const cells: CellSummary[] = [];
  for (const k of ks)
    for (const ratio of ratios) {
      const count = global(k, ratio);
      cells.push({
        cell: cells.length,
        axes: { p: 25, k, ratio },
        trials: k === 36 && ratio === 25 ? 900 : 1000,
        planned: 1000,
        outcomes: { global: wilsonInterval(count, 1000), spurious: wilsonInterval(1000 - count, 1000) },
        restarts: [],
        theory: [
          {
            outcome: "global",
            relation: ">=",
            value: 0.25,
            source: "Theorem",
            measured: wilsonInterval(count, 1000),
            consistent: count >= 250,
          },
        ],
      });
    }
  return {
    model: "cnn",
    success: "global",
    outcomes: ["global", "spurious"],
    trials: 35900,
    planned: 36000,
    cells,
  };
}

const ks = [25, 36, 49, 64, 81, 100];
const ratios = [0, 1, 4, 9, 16, 25];
const count = (k: number, r: number) => (r === 0 ? 500 : r >= 16 ? 1000 : k === 100 && r === 1 ? 200 : 700);

test("rows k, columns ratio, each cell P(global) [lo, hi]: a 36-cell sweep in 14 lines", () => {
  const s = summary(ks, ratios, count);
  assert.deepEqual(gridAxes(s), {
    rows: { name: "k", values: ks },
    columns: { name: "ratio", values: ratios },
    fixed: { p: 25 },
  });
  const text = summaryGridText(s) ?? "";
  const lines = text.split("\n");
  assert.ok(lines.length <= 14, text);
  assert.equal(lines[0], "cnn sweep: 35900/36000 trials, p=25");
  assert.match(lines[3], /^k \\ ratio +0 +1 +4 +9 +16 +25$/);
  for (const [i, k] of ks.entries()) {
    const row = lines[4 + i];
    assert.ok(row.startsWith(String(k)), row);
    for (const r of ratios) {
      const expected = formatProportion(wilsonInterval(count(k, r), 1000));
      assert.ok(row.includes(expected), `${row} lacks ${expected}`);
    }
  }
  // 1000 of 1000 global: the interval's lower end is shown, not rounded to 1.
  assert.ok(lines[4].includes("1 [0.996, 1]"), lines[4]);
  assert.ok(lines[5].endsWith("*"), "k = 36, ratio 25 has 900 of 1000 trials");
  assert.match(text, /\* cell not complete/);
  assert.match(text, /theory: 1 of 36 checks INCONSISTENT: P\(global\) >= 0\.25 at p=25, k=100, ratio=1/);
  // Columns line up: each column's entries end at the same place as its header.
  const ends = (line: string) =>
    [...line.matchAll(/\S+(?= {3}|\*?$)/g)].map((m) => (m.index ?? 0) + m[0].length);
  assert.deepEqual(ends(lines[6].replace(/\*$/, "")).slice(-1), ends(lines[3]).slice(-1));
});

test("no table unless exactly two axes vary", () => {
  assert.equal(summaryGridText(summary([25], ratios, count)), undefined);
  const three = summary(ks, ratios, count);
  const cells = three.cells.map((c, i) => ({ ...c, axes: { ...c.axes, p: i % 2 === 0 ? 25 : 36 } }));
  assert.equal(summaryGridText({ ...three, cells }), undefined);
});
