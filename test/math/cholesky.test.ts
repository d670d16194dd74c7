import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import {
  cholesky,
  choleskyScalar,
  choleskySolve,
  choleskyUnchecked,
  positiveDefinite,
  positiveDefiniteUnchecked,
  SIMD_CHOLESKY_FROM,
} from "../../src/math/cholesky.js";
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

/** B·Bᵀ/n + c·I: positive definite with λ_min ≥ c. */
function definite(n: number, c: number, rng: Rng): Float64Array[] {
  const B = Array.from({ length: n }, () => rng.normals(n));
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from(
      { length: n },
      (_, j) => B[i].reduce((s, v, m) => s + v * B[j][m], 0) / n + (i === j ? c : 0),
    ),
  );
}

test("a factor written into a used buffer equals a new one bit for bit (TypeScript and SIMD orders)", () => {
  const rng = Rng.fromSeed(71);
  for (const n of [SIMD_CHOLESKY_FROM - 7, SIMD_CHOLESKY_FROM + 68]) {
    const out = new Float64Array(n * n).fill(Number.NaN);
    for (let round = 0; round < 3; round++) {
      const A = definite(n, 0.3, rng);
      const fresh = cholesky(A);
      const reused = choleskyUnchecked(A, 0, out);
      assert.ok(fresh && reused, `n = ${n}, round ${round}`);
      assert.equal(reused.L, out, "the factor is the given buffer");
      assert.deepEqual(reused.L, fresh.L, `n = ${n}, round ${round}: zeros above the diagonal too`);
      // The next round overwrites this factor: a failed one must not count as a factor.
      assert.equal(choleskyUnchecked(A, -10, out), undefined);
      out.fill(round + 2);
    }
  }
});

test("positiveDefinite says what the factorisation says, about the smallest eigenvalue's sign", () => {
  const rng = Rng.fromSeed(72);
  for (const n of [5, SIMD_CHOLESKY_FROM + 8, 150]) {
    // λ_min(A) ≥ 0.3 and ≤ 0.3 + the smallest eigenvalue of BBᵀ/n, which is tiny: shifts of ±0.29 and −1
    // leave A definite, definite and indefinite.
    const A = definite(n, 0.3, rng);
    for (const [shift, expected] of [
      [0, true],
      [-0.29, true],
      [-1, false],
    ] as const) {
      assert.equal(positiveDefinite(A, shift), expected, `n = ${n}, shift ${shift}`);
      assert.equal(cholesky(A, shift) !== undefined, expected, `n = ${n}, shift ${shift}: the factor`);
    }
  }
  // Unchecked, a matrix that is not finite is simply not definite; checked, it is refused by name.
  const notFinite = [
    [1, 0],
    [0, Number.NaN],
  ];
  assert.equal(positiveDefiniteUnchecked(notFinite), false);
  assert.throws(
    () => positiveDefinite(notFinite),
    (e: unknown) => e instanceof InputError && /rows\[1\]\[1\]/.test(e.message),
  );
  assert.throws(
    () => positiveDefinite([[1, 2]]),
    (e: unknown) => e instanceof InputError && /rows/.test(e.message),
  );
  assert.throws(
    () => positiveDefinite([[1]], Number.NaN),
    (e: unknown) => e instanceof InputError && /shift/.test(e.message),
  );
});
