import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const root = mkdtempSync(join(tmpdir(), "minima-cnn-probability-"));
after(() => rmSync(root, { recursive: true, force: true }));

const OUTCOMES = ["global", "spurious", "saddle", "unconverged", "diverged"];

test("cnn probability prints every outcome's count and Wilson interval, with the theory beside them", () => {
  // ratio 0: a₀ = 0 and the outcome is global iff φ₀ < π/2, so P(global) = 1/2 exactly
  // (docs/du-cnn.md#random-starts-and-the-good-region).
  const r = runCli([
    "cnn",
    "probability",
    "--k",
    "25",
    "--p",
    "25",
    "--ratio",
    "0",
    "--anorm",
    "1",
    "--eta",
    "0.2",
    "--trials",
    "300",
    "--seed",
    "3",
    "--workers",
    "2",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.trials, 300);
  for (const o of OUTCOMES) assert.deepEqual(Object.keys(out[o]).sort(), ["count", "hi", "lo", "n", "p"]);
  assert.equal(
    OUTCOMES.reduce((n, o) => n + out[o].count, 0),
    300,
  );
  assert.equal(out.global.count + out.spurious.count, 300, "at ratio 0 every run ends global or spurious");
  assert.ok(out.global.lo <= 0.5 && 0.5 <= out.global.hi, JSON.stringify(out.global));
  const half = out.theory.find(
    (t: { relation: string; value: number }) => t.relation === "=" && t.value === 0.5,
  );
  assert.equal(half.consistent, true);
  assert.equal(out.settings.maxSteps, 30000, "default budget ⌈6000/η⌉");
  assert.equal(out.restarts[0].m, 1);
});

test("past the threshold (k+π−1)/π no run ends at the spurious point, and the same cell in a sweep agrees", () => {
  // k = 25: threshold 8.64 < ratio 16. The sweep uses eta "auto" and horizon 6000, which resolve to
  // the same η = 0.2 and 30000 steps, hence the same random streams.
  const args = [
    "cnn",
    "probability",
    "--k",
    "25",
    "--ratio",
    "16",
    "--trials",
    "60",
    "--seed",
    "8",
    "--json",
  ];
  const r = runCli(args);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.spurious.count, 0);
  assert.ok(
    out.theory.some(
      (t: { outcome: string; value: number; consistent: boolean }) =>
        t.outcome === "spurious" && t.value === 0 && t.consistent,
    ),
  );
  const spec = join(root, "cell.json");
  writeFileSync(
    spec,
    JSON.stringify({
      model: "cnn",
      params: { p: 25, anorm: 1 },
      optimiser: { eta: "auto" },
      stop: { horizon: 6000 },
      grid: { k: [25], ratio: [4, 16] },
      trials: 60,
      seed: 8,
    }),
  );
  const dir = join(root, "sweep");
  assert.equal(runCli(["sweep", "run", spec, "--out", dir, "--workers", "1"]).code, 0);
  const summary = JSON.parse(runCli(["sweep", "summary", dir, "--json"]).stdout);
  const cell = summary.cells.find((c: { axes: { ratio: number } }) => c.axes.ratio === 16);
  for (const o of OUTCOMES) assert.deepEqual(cell.outcomes[o], out[o], o);
  assert.ok(summary.cells[0].outcomes.spurious.count > 0, "at ratio 4 < 8.64 some runs do end spurious");
});

test("cnn probability rejects bad input in one line naming the flag", () => {
  const r = runCli(["cnn", "probability", "--k", "25", "--ratio", "30"]);
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /--ratio: must be in \[0, k\] = \[0, 25\], got 30/);
});

test("cnn probability's text output has a header over its outcome table", () => {
  const r = runCli(["cnn", "probability", "--k", "4", "--p", "4", "--ratio", "4", "--trials", "20"]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split("\n");
  const header = lines.findIndex((l) => /^ {2}outcome +count {2}p +95% interval$/.test(l));
  assert.ok(header > 0, r.stdout);
  assert.match(lines[header + 1], /^ {2}global +\d+ {2}[01][.\d]* +\[[01][.\d]*, [01][.\d]*\]$/);
  // Columns line up: every row's interval starts where the header's does.
  const at = lines[header].indexOf("95% interval");
  for (const row of lines.slice(header + 1, header + 6)) assert.equal(row.indexOf("["), at, row);
});

test("the outcome table widens its decimals where an interval's end would read as p", async () => {
  const { outcomeTable } = await import("../../src/cli/probability-cell.js");
  const { wilsonInterval } = await import("../../src/math/stats.js");
  assert.deepEqual(outcomeTable({ global: wilsonInterval(10000, 10000) }), [
    "  outcome        count  p       95% interval",
    "  global         10000  1       [0.9996, 1]",
  ]);
  // 9,999 of 10,000: the upper end 0.99998 would read 1.0000 at four decimals.
  assert.deepEqual(
    outcomeTable({ global: wilsonInterval(9999, 10000), spurious: wilsonInterval(1, 10000) }),
    [
      "  outcome        count  p        95% interval",
      "  global          9999  0.99990  [0.99943, 0.99998]",
      "  spurious           1  0.00010  [0.00002, 0.00057]",
    ],
  );
});
