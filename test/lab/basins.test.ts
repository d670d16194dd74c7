/**
 * The Basins grid: each cell is the library's CNN trial from that cell's start, and every start in
 * the good quadrant (φ₀ < π/2, a₀ᵀa* > 0) reaches the global minimum (Du et al., Theorem 4.1).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { basinSpec, basinStart, cnnBasins } from "../../lab/compute/cnn-basins.js";
import { defaultState } from "../../lab/state.js";
import { runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { Rng } from "../../src/math/rng.js";
import { cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";

const s = defaultState();
const cnn = { ...s.cnn, k: 9, p: 5, ratio: 1, aNorm: 1.3, eta: 0.3 };
const basins = { resolution: 8, steps: 6000 };
const cells = cnnBasins({ cnn, basins, rows: Array.from({ length: 8 }, (_, j) => j) }, () => {});

test("each cell's outcome and steps are the library trial's from the cell's start", () => {
  const spec = basinSpec(cnn, basins.steps);
  const teacher = cnnTeacherFromRatio(spec.k, spec.p, spec.ratio, spec.anorm);
  assert.equal(cells.length, 64);
  for (const cell of cells.filter((_, i) => i % 7 === 0)) {
    const start = basinStart(teacher, cell.phi0, cell.c0);
    const { result } = runCnnTrialDetailed(spec, Rng.fromSeed(5, 5), { teacher, start });
    assert.deepEqual([cell.outcome, cell.steps], [result.outcome, result.steps]);
  }
});

test("every start with φ₀ < π/2 and a₀ᵀa* > 0 reaches the global minimum (Theorem 4.1)", () => {
  const good = cells.filter((c) => c.phi0 < Math.PI / 2 && c.c0 > 0);
  assert.ok(good.length >= 16);
  assert.deepEqual(
    good.filter((c) => c.outcome !== "global"),
    [],
  );
  assert.ok(
    cells.some((c) => c.outcome === "spurious"),
    "below the threshold a spurious basin exists",
  );
});
