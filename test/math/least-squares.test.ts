import assert from "node:assert/strict";
import { test } from "node:test";
import { leastSquares, projectOntoNullSpace } from "../../src/math/least-squares.js";

test("leastSquares returns the minimum-norm solution of an under-determined system", () => {
  // x + y = 2: minimum-norm solution (1, 1).
  const s = leastSquares([[1, 1]], [2]);
  assert.ok(Math.abs(s.x[0] - 1) < 1e-14 && Math.abs(s.x[1] - 1) < 1e-14);
  assert.ok(s.residualNorm < 1e-14);
  assert.equal(s.rank, 1);
});

test("leastSquares fits an over-determined line exactly as the normal equations do", () => {
  // y = 1 + 2t + noise at t = 0..4; normal equations solved by hand.
  const t = [0, 1, 2, 3, 4];
  const y = [1.1, 2.9, 5.2, 6.8, 9.1];
  const s = leastSquares(
    t.map((ti) => [1, ti]),
    y,
  );
  // slope = Σ(t−2)(y−ȳ)/Σ(t−2)², intercept = ȳ − 2·slope.
  const ybar = y.reduce((a, b) => a + b) / 5;
  const slope = t.reduce((a, ti, i) => a + (ti - 2) * (y[i] - ybar), 0) / 10;
  assert.ok(Math.abs(s.x[1] - slope) < 1e-13);
  assert.ok(Math.abs(s.x[0] - (ybar - 2 * slope)) < 1e-13);
});

test("projectOntoNullSpace leaves a vector orthogonal to every constraint row", () => {
  const c = [
    [1, 1, 1, 1],
    [-1.5, -0.5, 0.5, 2.5],
  ];
  const p = projectOntoNullSpace(c, [0.3, -2, 1, 4]);
  for (const row of c) assert.ok(Math.abs(row.reduce((a, v, i) => a + v * p[i], 0)) < 1e-14);
});
