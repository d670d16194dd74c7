import assert from "node:assert/strict";
import { test } from "node:test";
import { cholesky, choleskyScalar, choleskySolve } from "../../src/math/cholesky.js";
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

for (const [name, factor] of [
  ["cholesky", cholesky],
  ["choleskyScalar", choleskyScalar],
] as const)
  test(`${name} reproduces A = LLᵀ at odd and even sizes and refuses a matrix that fails only at its last pivot`, () => {
    const rng = Rng.fromSeed(9);
    for (const n of [1, 2, 3, 4, 7, 10, 33, 64, 65]) {
      const B = Array.from({ length: n }, () => rng.normals(n));
      const A = Array.from({ length: n }, (_, i) =>
        Float64Array.from(
          { length: n },
          (_, j) => B[i].reduce((s, v, m) => s + v * B[j][m], 0) + (i === j ? 0.5 : 0),
        ),
      );
      const f = factor(A);
      assert.ok(f, `n = ${n}`);
      let worst = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let m = 0; m < n; m++) s += f.L[i * n + m] * f.L[j * n + m];
          worst = Math.max(worst, Math.abs(s - A[i][j]));
          if (j > i) assert.equal(f.L[i * n + j], 0);
        }
      assert.ok(worst < 1e-12 * n, `n = ${n}: max |LLᵀ − A| = ${worst}`);
      // A dent in the last diagonal entry makes only the last pivot negative: it must still be found.
      const dented = A.map((row) => Float64Array.from(row));
      dented[n - 1][n - 1] -= 1e6;
      assert.equal(factor(dented), undefined, `n = ${n}`);
    }
  });
