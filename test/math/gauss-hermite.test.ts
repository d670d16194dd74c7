import assert from "node:assert/strict";
import { test } from "node:test";
import { gaussHermite, gaussLegendre } from "../../src/math/gauss-hermite.js";

/** E[g^{2k}] = (2k − 1)!! for g ~ N(0, 1). */
function doubleFactorial(m: number): number {
  let p = 1;
  for (let i = m; i > 1; i -= 2) p *= i;
  return p;
}

for (const n of [1, 5, 20, 64, 150]) {
  test(`gaussHermite(${n}) integrates Gaussian moments up to degree 2n − 1 exactly (relative 1e-12 of the terms)`, () => {
    const { nodes, weights } = gaussHermite(n);
    for (let m = 0; m <= Math.min(2 * n - 1, 40); m++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += weights[i] * nodes[i] ** m;
      const exact = m % 2 === 1 ? 0 : doubleFactorial(m - 1);
      // Odd moments cancel: judge them against the size of the terms, about E|g|^m ≤ m!!.
      const scale = m % 2 === 1 ? doubleFactorial(m) : exact;
      assert.ok(Math.abs(s - exact) <= 1e-12 * Math.max(1, scale), `n=${n}, m=${m}: ${s} vs ${exact}`);
    }
  });
}

test("gaussHermite(80) integrates E[cos g] = e^{−1/2} to 1e-15", () => {
  const { nodes, weights } = gaussHermite(80);
  let s = 0;
  for (let i = 0; i < nodes.length; i++) s += weights[i] * Math.cos(nodes[i]);
  assert.ok(Math.abs(s - Math.exp(-0.5)) < 1e-15);
});

test("gaussLegendre integrates polynomials of degree 2n − 1 exactly and ∫₀^π sin = 2", () => {
  const { nodes, weights } = gaussLegendre(10, 0, 2);
  let s = 0;
  for (let i = 0; i < 10; i++) s += weights[i] * nodes[i] ** 19;
  assert.ok(Math.abs(s - 2 ** 20 / 20) < 1e-9 * (2 ** 20 / 20));
  const r = gaussLegendre(30, 0, Math.PI);
  let t = 0;
  for (let i = 0; i < 30; i++) t += r.weights[i] * Math.sin(r.nodes[i]);
  assert.ok(Math.abs(t - 2) < 1e-14);
});
