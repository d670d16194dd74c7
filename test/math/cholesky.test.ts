import assert from "node:assert/strict";
import { test } from "node:test";
import { cholesky, choleskySolve } from "../../src/math/cholesky.js";
import { Rng } from "../../src/math/rng.js";

test("cholesky solves a random positive definite system to rounding and refuses an indefinite one", () => {
  const n = 30;
  const rng = Rng.fromSeed(5);
  const B = Array.from({ length: n }, () => rng.normals(n));
  const A = Array.from({ length: n }, (_, i) =>
    Float64Array.from(
      { length: n },
      (_, j) => B[i].reduce((s, v, m) => s + v * B[j][m], 0) + (i === j ? 1 : 0),
    ),
  );
  const x = rng.normals(n);
  const b = A.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
  const f = cholesky(A);
  assert.ok(f);
  const solved = choleskySolve(f, b);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(solved[i] - x[i]) < 1e-9);
  // diag(1, −1) is indefinite; diag(1, 0) is singular (refused); a shift makes it definite.
  assert.equal(cholesky([Float64Array.of(1, 0), Float64Array.of(0, -1)]), undefined);
  assert.equal(cholesky([Float64Array.of(1, 0), Float64Array.of(0, 0)]), undefined);
  assert.ok(cholesky([Float64Array.of(1, 0), Float64Array.of(0, 0)], 1e-9));
});
