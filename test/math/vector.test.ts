import assert from "node:assert/strict";
import { test } from "node:test";
import { Rng } from "../../src/math/rng.js";
import { dot, norm, orthogonalUnit } from "../../src/math/vector.js";

test("orthogonalUnit is a unit vector orthogonal to w, for unit, scaled and axis-aligned w", () => {
  const rng = Rng.fromSeed(11, 0);
  const cases = [
    rng.normals(7),
    rng.normals(2).map((x) => 1e6 * x),
    Float64Array.of(0, 0, 3),
    Float64Array.of(1, 1),
  ];
  for (const w of cases) {
    const e = orthogonalUnit(w)!;
    assert.ok(Math.abs(norm(e) - 1) < 1e-15);
    assert.ok(Math.abs(dot(e, w)) / norm(w) < 1e-15, `e·w = ${dot(e, w)}`);
  }
  assert.equal(orthogonalUnit(Float64Array.of(2)), undefined);
});
