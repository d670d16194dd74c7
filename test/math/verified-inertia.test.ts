import assert from "node:assert/strict";
import { test } from "node:test";
import { Rng } from "../../src/math/rng.js";
import {
  choleskyEigenvalueBound,
  verifiedInertia,
  verifiedSignCounts,
} from "../../src/math/verified-inertia.js";

/** Q diag(λ) Qᵀ with Q a random orthogonal matrix (Gram–Schmidt of normals). */
function withSpectrum(values: readonly number[], seed: number): Float64Array[] {
  const n = values.length;
  const rng = Rng.fromSeed(seed);
  const Q: Float64Array[] = [];
  while (Q.length < n) {
    const v = rng.normals(n);
    for (const q of Q) {
      const c = v.reduce((s, x, i) => s + x * q[i], 0);
      for (let i = 0; i < n; i++) v[i] -= c * q[i];
    }
    const length = Math.hypot(...v);
    Q.push(v.map((x) => x / length));
  }
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => values.reduce((s, l, k) => s + l * Q[k][i] * Q[k][j], 0)),
  );
}

/** The n × n tridiagonal Toeplitz matrix (a on the diagonal, b beside it): λ_k = a + 2b·cos(kπ/(n + 1)). */
function toeplitz(n: number, a: number, b: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => (i === j ? a : Math.abs(i - j) === 1 ? b : 0)),
  );
}

test("the Cholesky bound never exceeds λ_min and is tight to rounding (tridiagonal Toeplitz, known spectrum)", () => {
  for (const n of [5, 40, 200]) {
    // a = 2, b = −1: λ_min = 2 − 2cos(π/(n + 1)), down to 2.4e-4 at n = 200.
    const A = toeplitz(n, 2, -1);
    const lambdaMin = 2 - 2 * Math.cos(Math.PI / (n + 1));
    for (const fraction of [0.5, 0.9, 0.999]) {
      const bound = choleskyEigenvalueBound(A, fraction * lambdaMin);
      assert.ok(bound !== undefined, `n=${n} μ=${fraction}·λ_min: the factorisation runs`);
      assert.ok(bound <= lambdaMin, `n=${n}: ${bound} > λ_min ${lambdaMin}`);
      assert.ok(bound > fraction * lambdaMin - 1e-12 * n, `n=${n}: ${bound} not tight`);
    }
    // Past λ_min the shifted matrix is indefinite: no bound.
    assert.equal(choleskyEigenvalueBound(A, 1.01 * lambdaMin), undefined);
  }
});

test("verifiedInertia proves the index and a gap within the true one (random orthogonal conjugates)", () => {
  const cases: number[][] = [
    [0.5, 1, 2, 3, 4],
    [-2, -0.3, 0.01, 1, 5, 7],
    [-4, -3, -1e-3, 2e-3, 1],
    [-1, -1, -1, -1],
  ];
  cases.forEach((values, c) => {
    const result = verifiedInertia(withSpectrum(values, c + 1));
    assert.ok(result.verified, JSON.stringify(result));
    const negatives = values.filter((v) => v < 0).length;
    const minAbs = Math.min(...values.map(Math.abs));
    assert.equal(result.index, negatives);
    // The conjugate is the spectrum's to ~1e-15; the gap must not exceed the true one.
    assert.ok(result.gap <= minAbs + 1e-13, `${result.gap} > ${minAbs}`);
    assert.ok(result.gap > 0.5 * minAbs, `gap ${result.gap} far below ${minAbs}`);
    if (negatives === 0) assert.equal(result.lambdaMinLower, result.gap);
    else assert.equal(result.lambdaMinLower, undefined);
  });
});

test("verifiedInertia refuses a singular matrix, and a near-singular one past what rounding can separate", () => {
  const singular = verifiedInertia(withSpectrum([-1, 0, 2], 9));
  assert.ok(!singular.verified && /gap|zero/.test(singular.reason), JSON.stringify(singular));
  const tiny = verifiedInertia(withSpectrum([-1, 1e-17, 2], 10));
  assert.ok(!tiny.verified, JSON.stringify(tiny));
  const nan = verifiedInertia([Float64Array.of(1, Number.NaN), Float64Array.of(Number.NaN, 1)]);
  assert.ok(!nan.verified && /finite/.test(nan.reason));
});

test("verifiedSignCounts counts the eigenvalues beyond ±t and leaves those near zero unsigned", () => {
  const A = withSpectrum([-3, -2, -1e-12, 0, 1e-12, 0.5, 4], 11);
  assert.deepEqual(verifiedSignCounts(A, 1e-6), { negative: 2, positive: 2 });
  // With a threshold above 0.5 the eigenvalue 0.5 is no longer claimed.
  assert.deepEqual(verifiedSignCounts(A, 0.6), { negative: 2, positive: 1 });
});
