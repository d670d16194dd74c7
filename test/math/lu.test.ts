import assert from "node:assert/strict";
import { test } from "node:test";
import { luFactor, luSolve } from "../../src/math/lu.js";
import { Rng } from "../../src/math/rng.js";

const matVec = (A: Float64Array, n: number, x: ArrayLike<number>) =>
  Float64Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
    return s;
  });

test("LU solves random general systems (x known, b = Ax) to rounding at odd and even sizes", () => {
  const rng = Rng.fromSeed(21);
  for (const n of [1, 2, 3, 8, 31, 64]) {
    const A = rng.normals(n * n);
    const x = rng.normals(n);
    const b = matVec(A, n, x);
    const f = luFactor(Float64Array.from(A), n);
    assert.ok(f, `n = ${n}`);
    const solved = luSolve(f, b);
    // Random Gaussian matrices have condition numbers of order n; allow that times ε-level slack.
    const residual = matVec(A, n, solved).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
    assert.ok(residual < 1e-12 * n, `n = ${n}: residual ${residual}`);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(solved[i] - x[i]) < 1e-8, `n = ${n}: x[${i}]`);
  }
});

test("LU needs its pivoting: a zero leading entry, and a symmetric indefinite I/(hγ) + H", () => {
  // [[0, 1], [1, 0]] has no LU without a row swap.
  const f = luFactor(Float64Array.of(0, 1, 1, 0), 2);
  assert.ok(f);
  assert.deepEqual(Array.from(luSolve(f, [3, 5])), [5, 3]);
  // Symmetric with one negative eigenvalue, as near a saddle: 1/(hγ) = 1, H = Q diag(−0.5, 2, 3) Qᵀ.
  const c = Math.cos(0.7);
  const s = Math.sin(0.7);
  const Q = [c, -s, 0, s, c, 0, 0, 0, 1];
  const d = [0.5, 3, 4];
  const A = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      for (let m = 0; m < 3; m++) A[i * 3 + j] += Q[i * 3 + m] * d[m] * Q[j * 3 + m];
  const x = [1, -2, 0.25];
  const g = luFactor(Float64Array.from(A), 3);
  assert.ok(g);
  const solved = luSolve(g, matVec(A, 3, x));
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(solved[i] - x[i]) < 1e-14);
});

test("LU refuses a singular matrix and one holding NaN or ∞", () => {
  assert.equal(luFactor(Float64Array.of(1, 2, 2, 4), 2), undefined);
  assert.equal(luFactor(Float64Array.of(0, 0, 0, 0), 2), undefined);
  assert.equal(luFactor(Float64Array.of(Number.NaN, 1, 1, 1), 2), undefined);
  assert.equal(luFactor(Float64Array.of(Number.POSITIVE_INFINITY, 1, 1, 1), 2), undefined);
});
