import assert from "node:assert/strict";
import { test } from "node:test";
import { symmetricEigen } from "../../src/math/eigen.js";
import { centralGradient, centralHessian } from "../../src/math/finite-difference.js";
import { hessianSpectrum } from "../../src/math/spectrum.js";

test("symmetricEigen returns ascending eigenvalues with A v = λ v", () => {
  const a = [
    [2, -1, 0],
    [-1, 2, -1],
    [0, -1, 2],
  ];
  const { values, vectors } = symmetricEigen(a);
  // Known spectrum of the 1-D Laplacian: 2 - 2cos(kπ/4).
  const expected = [1, 2, 3].map((k) => 2 - 2 * Math.cos((k * Math.PI) / 4));
  values.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-14));
  vectors.forEach((vec, i) => {
    for (let r = 0; r < 3; r++) {
      const av = a[r].reduce((s, x, c) => s + x * vec[c], 0);
      assert.ok(Math.abs(av - values[i] * vec[r]) < 1e-14);
    }
  });
});

test("hessianSpectrum counts negative and zero modes relative to the largest eigenvalue", () => {
  const s = hessianSpectrum([
    [-3, 0, 0, 0],
    [0, 1e-12, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 5],
  ]);
  assert.equal(s.index, 1);
  assert.equal(s.zeroModes, 2);
});

test("central differences recover the gradient and Hessian of a known quadratic-plus-cubic", () => {
  const f = (x: Float64Array) => x[0] ** 2 * x[1] + Math.sin(x[1]);
  const grad = (x: Float64Array) => Float64Array.of(2 * x[0] * x[1], x[0] ** 2 + Math.cos(x[1]));
  const x = Float64Array.of(0.7, -1.3);
  const g = centralGradient(f, x);
  const exact = grad(x);
  assert.ok(Math.abs(g[0] - exact[0]) < 1e-9 && Math.abs(g[1] - exact[1]) < 1e-9);
  const h = centralHessian(grad, x);
  assert.ok(Math.abs(h[0][0] - 2 * x[1]) < 1e-8);
  assert.ok(Math.abs(h[0][1] - 2 * x[0]) < 1e-8);
  assert.ok(Math.abs(h[1][1] + Math.sin(x[1])) < 1e-8);
});
