import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { cellAxes, cellCount, cellRawParams, parseSweepSpec, specHash } from "../../src/sweep/spec.js";

const base = {
  model: "cnn",
  params: { p: 25 },
  grid: { k: [25, 36], ratio: [0, 1, 4] },
  trials: 10,
  seed: 1,
};

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail("no error thrown");
}

test("parseSweepSpec names the field, the value and what is allowed, in one line", () => {
  const e = inputError(() => parseSweepSpec({ ...base, trials: 2.5 }));
  assert.equal(e.field, "spec.trials");
  assert.match(e.message, /^spec\.trials: must be an integer from 1 to 10000000, got 2\.5$/);
  const g = inputError(() => parseSweepSpec({ ...base, grid: { k: [25, [1]] } }));
  assert.equal(g.field, "spec.grid.k[1]");
  assert.match(g.message, /must be a number, a string or a boolean, got \[1\]/);
  const empty = inputError(() => parseSweepSpec({ ...base, grid: { k: [] } }));
  assert.match(empty.message, /^spec\.grid\.k: must be a non-empty array of values/);
  const unknown = inputError(() => parseSweepSpec({ ...base, trails: 5 }));
  assert.equal(unknown.message, 'spec.trails: is not a spec field; did you mean "trials"?');
  const far = inputError(() => parseSweepSpec({ ...base, colour: "red" }));
  assert.match(far.message, /^spec\.colour: is not a spec field \(allowed: .*trials/);
  const missing = inputError(() => parseSweepSpec({ model: "cnn", trials: 1 }));
  assert.match(missing.message, /^spec\.seed: is missing; it must be a non-negative safe integer$/);
  for (const e of [g, empty, unknown, missing]) assert.ok(!e.message.includes("\n"));
});

test("parseSweepSpec refuses a name set in two sections", () => {
  const e = inputError(() => parseSweepSpec({ ...base, optimiser: { k: 3 } }));
  assert.match(e.message, /^spec\.(optimiser|grid)\.k: is already set in spec\.(params|optimiser)/);
});

test("cells are numbered row-major over the axes as written, last axis fastest", () => {
  const spec = parseSweepSpec({ ...base, optimiser: { eta: "auto" } });
  assert.equal(cellCount(spec), 6);
  assert.deepEqual(cellAxes(spec, 0), { k: 25, ratio: 0 });
  assert.deepEqual(cellAxes(spec, 2), { k: 25, ratio: 4 });
  assert.deepEqual(cellAxes(spec, 3), { k: 36, ratio: 0 });
  assert.deepEqual(cellRawParams(spec, 5), { p: 25, eta: "auto", k: 36, ratio: 4 });
  assert.equal(cellCount(parseSweepSpec({ ...base, grid: {} })), 1);
});

test("specHash ignores key order and descriptive fields but not the axis order", () => {
  const a = parseSweepSpec(base);
  const reordered = parseSweepSpec({
    seed: 1,
    trials: 10,
    grid: { k: [25, 36], ratio: [0, 1, 4] },
    params: { p: 25 },
    model: "cnn",
  });
  const described = parseSweepSpec({ ...base, name: "x", description: "y", restarts: [1, 7] });
  const axesSwapped = parseSweepSpec({ ...base, grid: { ratio: [0, 1, 4], k: [25, 36] } });
  assert.equal(specHash(a), specHash(reordered));
  assert.equal(specHash(a), specHash(described));
  assert.notEqual(specHash(a), specHash(axesSwapped));
  assert.notEqual(specHash(a), specHash(parseSweepSpec({ ...base, seed: 2 })));
});
