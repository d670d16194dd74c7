import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { validateCnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { planSweep, streamKeyOf } from "../../src/sweep/plan.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";

const duTable = JSON.parse(readFileSync("examples/sweeps/du-table.json", "utf8"));

test("a du-table cell and `cnn probability` with the same settings draw the same streams", async () => {
  const table = await planSweep(parseSweepSpec({ ...duTable, trials: 3 }), process.cwd());
  // what `minima cnn probability --k 25 --ratio 1` builds (no method given: the default wn-gd)
  const single = await planSweep(
    parseSweepSpec({
      model: "cnn",
      params: { k: 25, p: 25, ratio: 1, anorm: 1, init: "paper" },
      optimiser: { eta: "auto" },
      stop: { horizon: 6000 },
      trials: 3,
      seed: duTable.seed,
    }),
    process.cwd(),
  );
  const cell = table.cells.find((c) => c.axes.k === 25 && c.axes.ratio === 1)!;
  assert.deepEqual(cell.params, single.cells[0].params);
  assert.equal(cell.streamKey, single.cells[0].streamKey);
});

test("optional cnn fields given at their defaults do not change a setting's stream key", () => {
  const base = { k: 9, p: 4, ratio: 1, anorm: 1, eta: 0.2, maxSteps: 100, init: "paper" };
  const key = streamKeyOf("cnn", validateCnnTrialSpec(base));
  const explicit = { ...base, method: "wn-gd", earlyStop: true, activation: "relu" };
  assert.equal(streamKeyOf("cnn", validateCnnTrialSpec(explicit)), key);
  assert.notEqual(streamKeyOf("cnn", validateCnnTrialSpec({ ...base, method: "gd" })), key);
  assert.notEqual(streamKeyOf("cnn", validateCnnTrialSpec({ ...base, earlyStop: false })), key);
});
