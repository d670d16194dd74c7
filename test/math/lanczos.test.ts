/**
 * Block Lanczos (math/lanczos.ts) and the low-spectrum rule (math/low-spectrum.ts) against the dense
 * eigendecomposition (ml-matrix, sharing no code with them) and against spectra known by construction.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { symmetricEigen } from "../../src/math/eigen.js";
import { blockLanczos } from "../../src/math/lanczos.js";
import { denseSpectrum, lanczosSpectrum } from "../../src/math/low-spectrum.js";
import { Rng } from "../../src/math/rng.js";

function matrixOperator(rows: readonly Float64Array[]) {
  return (v: Float64Array) =>
    Float64Array.from(rows, (row) => {
      let s = 0;
      for (let i = 0; i < row.length; i++) s += row[i] * v[i];
      return s;
    });
}

/** A random symmetric matrix (entries N(0, 1), symmetrised) shifted by `shift`·I. */
function randomSymmetric(n: number, seed: number, shift = 0): Float64Array[] {
  const rng = Rng.fromSeed(seed);
  const rows = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = rng.normal();
      rows[i][j] = v;
      rows[j][i] = v;
    }
  for (let i = 0; i < n; i++) rows[i][i] += shift;
  return rows;
}

/**
 * Q diag(λ) Qᵀ with Q a product of three random Householder reflections, as an O(n) operator and as
 * rows (for small n): the spectrum is exactly λ, with whatever multiplicities λ has.
 */
function knownSpectrum(lambda: Float64Array, seed: number) {
  const n = lambda.length;
  const rng = Rng.fromSeed(seed);
  const us = [0, 1, 2].map(() => {
    const u = rng.normals(n);
    const s = Math.hypot(...u);
    return u.map((x) => x / s);
  });
  const reflect = (u: Float64Array, v: Float64Array) => {
    let d = 0;
    for (let i = 0; i < n; i++) d += u[i] * v[i];
    for (let i = 0; i < n; i++) v[i] -= 2 * d * u[i];
  };
  const apply = (v: Float64Array) => {
    const w = Float64Array.from(v);
    for (let k = 2; k >= 0; k--) reflect(us[k], w);
    for (let i = 0; i < n; i++) w[i] *= lambda[i];
    for (let k = 0; k < 3; k++) reflect(us[k], w);
    return w;
  };
  return { apply, n };
}

const sorted = (x: ArrayLike<number>) => Float64Array.from(x).sort();

test("random symmetric matrices: the smallest eigenvalues, index and zero modes equal the dense ones", () => {
  for (const [n, seed, shift] of [
    [40, 1, 0],
    [120, 2, 0],
    [150, 3, 12],
  ] as const) {
    const rows = randomSymmetric(n, seed, shift);
    const dense = denseSpectrum(rows);
    const lz = lanczosSpectrum(matrixOperator(rows), n, { seed: 7, count: 5 });
    assert.ok(lz.complete, `n=${n}`);
    assert.equal(lz.method, "lanczos");
    assert.equal(lz.index, dense.index, `index at n=${n}`);
    assert.equal(lz.zeroModes, dense.zeroModes);
    assert.ok(lz.eigenvalues.length >= Math.min(n, Math.max(5, dense.index + 1)));
    for (let i = 0; i < lz.eigenvalues.length; i++) {
      const tolerance = 1e-7 * dense.largest;
      assert.ok(
        Math.abs(lz.eigenvalues[i] - dense.eigenvalues[i]) < tolerance,
        `n=${n} λ_${i}: ${lz.eigenvalues[i]} vs ${dense.eigenvalues[i]}`,
      );
    }
    assert.ok(Math.abs(lz.largest - dense.largest) < 1e-3 * dense.largest);
  }
});

test("a negative eigenvalue repeated 12 times (more than the first block of 8) is counted 12 times", () => {
  const lambda = Float64Array.from({ length: 300 }, (_, i) => (i < 12 ? -1 : 0.05 + 0.01 * i));
  const { apply, n } = knownSpectrum(lambda, 4);
  const s = lanczosSpectrum(apply, n, { blockSize: 8, count: 14 });
  assert.ok(s.complete);
  assert.equal(s.index, 12);
  assert.equal(s.zeroModes, 0);
  assert.ok((s.blockSize as number) > 12, `block grew to ${s.blockSize}`);
  const expected = sorted(lambda).slice(0, s.eigenvalues.length);
  for (let i = 0; i < s.eigenvalues.length; i++) assert.ok(Math.abs(s.eigenvalues[i] - expected[i]) < 1e-6);
});

test("clusters after the first eigenvalue: the reported smallest eigenvalues include every copy", () => {
  // 16 copies of 0.0385 above 2 of −0.01, the rest from 0.04 up: a block of 4 finds only 4 copies of
  // 0.0385 at first, so the sixth reported value would be 0.04; the rule grows the block.
  const lambda = Float64Array.from({ length: 400 }, (_, i) =>
    i < 2 ? -0.01 : i < 18 ? 0.0385 : 0.04 + 0.012 * (i - 18),
  );
  const { apply, n } = knownSpectrum(lambda, 5);
  const s = lanczosSpectrum(apply, n, { blockSize: 4, count: 10 });
  assert.ok(s.complete);
  assert.equal(s.index, 2);
  assert.ok((s.blockSize as number) > 4);
  assert.ok(s.eigenvalues.length >= 6);
  for (let i = 0; i < s.eigenvalues.length; i++)
    assert.ok(Math.abs(s.eigenvalues[i] - (i < 2 ? -0.01 : 0.0385)) < 1e-9, `λ_${i} = ${s.eigenvalues[i]}`);
});

test("exact zero modes (a symmetry) are counted and separated from a small positive eigenvalue", () => {
  const lambda = Float64Array.from({ length: 500 }, (_, i) => (i < 5 ? 0 : i === 5 ? 1e-4 : 1e-3 + 0.02 * i));
  const { apply, n } = knownSpectrum(lambda, 6);
  const s = lanczosSpectrum(apply, n);
  assert.ok(s.complete);
  assert.equal(s.index, 0);
  assert.equal(s.zeroModes, 5);
  assert.ok(Math.abs(s.eigenvalues[5] - 1e-4) < 1e-9, String(s.eigenvalues[5]));
  assert.ok(s.threshold < 1e-4 && s.threshold > 0);
});

test("reported residuals are ‖Hy − θy‖ of unit Ritz vectors, and Ritz values never undercut the eigenvalues", () => {
  const rows = randomSymmetric(80, 9);
  const apply = matrixOperator(rows);
  const exact = symmetricEigen(rows).values;
  // Stopped early (one restart-free run of 24 products): far from converged, yet θ_i ≥ λ_i for each i.
  const early = blockLanczos(apply, 80, { blockSize: 4, maxBasis: 80, maxProducts: 24, seed: 1 });
  assert.ok(early.dimension < 80);
  for (let i = 0; i < early.dimension; i++) assert.ok(early.values[i] >= exact[i] - 1e-12, `θ_${i} < λ_${i}`);
  for (const i of [0, early.dimension - 1]) {
    const y = early.vector(i);
    assert.ok(Math.abs(Math.hypot(...y) - 1) < 1e-12);
    const hy = apply(y);
    const r = Math.hypot(...hy.map((h, k) => h - early.values[i] * y[k]));
    assert.ok(Math.abs(r - early.residuals[i]) < 1e-9 * (1 + r), `estimate ${early.residuals[i]} vs ${r}`);
  }
  const done = lanczosSpectrum(apply, 80);
  const residuals = done.residuals as Float64Array;
  for (let i = 0; i < done.eigenvalues.length; i++) {
    assert.ok(residuals[i] < 1e-5 * done.largest);
    // Each reported θ lies within its residual of an eigenvalue.
    const nearest = Math.min(...Array.from(exact, (l) => Math.abs(l - done.eigenvalues[i])));
    assert.ok(nearest <= residuals[i] + 1e-12);
  }
});

test("thick restarts keep the answer: a basis of 60 on a 1,000-dimensional operator", () => {
  const lambda = Float64Array.from({ length: 1000 }, (_, i) =>
    i < 3 ? -0.5 + 0.1 * i : 0.2 + 0.01 * (i - 3),
  );
  const { apply, n } = knownSpectrum(lambda, 8);
  const s = lanczosSpectrum(apply, n, { maxBasis: 60, blockSize: 4 });
  assert.ok((s.dimension as number) <= 60);
  assert.ok(s.complete);
  assert.equal(s.index, 3);
  assert.ok(Math.abs(s.eigenvalues[0] + 0.5) < 1e-9 && Math.abs(s.eigenvalues[3] - 0.2) < 1e-7);
});

test("tiny operators: n smaller than the block, n = 1, and a run out of budget says so", () => {
  const one = lanczosSpectrum((v) => Float64Array.of(-3 * v[0]), 1);
  assert.deepEqual(Array.from(one.eigenvalues), [-3]);
  assert.equal(one.index, 1);
  assert.ok(one.complete === false || one.eigenvalues.length === 1);
  const rows = randomSymmetric(5, 3);
  const small = lanczosSpectrum(matrixOperator(rows), 5, { blockSize: 8 });
  const dense = denseSpectrum(rows);
  for (let i = 0; i < small.eigenvalues.length; i++)
    assert.ok(Math.abs(small.eigenvalues[i] - dense.eigenvalues[i]) < 1e-12);
  assert.equal(small.index, dense.index);
  const lambda = Float64Array.from({ length: 3000 }, (_, i) => 1e-6 + i * 1e-3);
  const { apply, n } = knownSpectrum(lambda, 2);
  const starved = lanczosSpectrum(apply, n, { maxProducts: 16, blockSize: 8 });
  assert.equal(starved.complete, false);
  assert.ok(starved.eigenvalues[0] >= lambda[0]);
});
