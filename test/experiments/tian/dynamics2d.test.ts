import assert from "node:assert/strict";
import { test } from "node:test";
import {
  compareWithFull,
  saddleTable,
  simulate2d,
  symmetryBreaking,
  vectorField,
} from "../../../src/experiments/tian/dynamics2d.js";

test("saddle table reproduces the values of docs/tian.md#the-symmetric-saddle (x*_K, Jacobian eigenvalues, J at saddle and at 0⁺)", () => {
  const expected = [
    [2, 0.534155, 3.744, 0.088512, 0.659155],
    [3, 0.382024, 5.553, 0.242355, 1.227465],
    [5, 0.256841, 9.734, 0.780076, 2.841549],
    [10, 0.155735, 21.404, 3.598656, 9.661972],
    [20, 0.097963, 46.837, 16.045867, 35.239439],
  ];
  const rows = saddleTable(expected.map((e) => e[0]));
  rows.forEach((row, i) => {
    const [K, x, up, js, j0] = expected[i];
    assert.ok(Math.abs(row.saddle - x) < 1e-6);
    assert.ok(Math.abs(row.jacobianEigenvalues[1] - up) < 1e-3);
    assert.ok(Math.abs(row.jacobianEigenvalues[0] + K * Math.PI) < 1e-6);
    assert.ok(Math.abs(row.lossAtSaddle - js) < 1e-6);
    assert.ok(Math.abs(row.lossAtOrigin - j0) < 1e-6);
    assert.ok(row.gradNormAtSaddle < 1e-13);
    assert.ok(row.hessianIndex >= 1, "a saddle has a negative Hessian direction");
  });
});

test("the 2-D map equals full d-dimensional population GD and keeps the (x, y) structure", () => {
  for (const [K, d] of [
    [2, 2],
    [5, 7],
  ]) {
    const r = compareWithFull({ K, d, x0: 0.3, y0: 0.1, eta: 0.05, steps: 500 });
    assert.ok(r.maxDeviation < 1e-12 && r.maxStructureResidual < 1e-12, JSON.stringify(r));
  }
});

test("symmetric starts reach the saddle x*_K (diagonal equation or re-symmetrising); the plain map drifts at K = 10", () => {
  for (const K of [2, 5, 10]) {
    for (const mode of ["diagonal", "resymmetrise"] as const) {
      const r = simulate2d({ K, x0: 0.01, y0: 0.01, eta: 0.05, steps: 20000, mode });
      assert.equal(r.limit, "saddle", `K=${K} ${mode}`);
    }
  }
  assert.equal(simulate2d({ K: 10, x0: 0.01, y0: 0.01, eta: 0.05, steps: 20000 }).limit, "teacher");
});

test("symmetry-breaking starts in Ω (x > y) converge to (1, 0), with the Fig. 4(c) detour from (1e-3, 0)", () => {
  for (const K of [2, 5, 10]) {
    assert.equal(simulate2d({ K, x0: 0.3, y0: 0.2999, eta: 0.05, steps: 20000 }).limit, "teacher");
    const r = simulate2d({ K, x0: 1e-3, y0: 0, eta: 0.01, steps: 1000 });
    assert.ok(r.maxY.y > 0.05 && r.final.y < r.maxY.y, "y rises then falls");
  }
});

test("SSB: a cyclically shifted tie-break selects that permutation; noisy symmetric starts select several", () => {
  const r = symmetryBreaking({
    K: 4,
    d: 4,
    x0: 1e-3,
    delta: 1e-5,
    trials: 6,
    seed: 1,
    eta: 0.1,
    maxSteps: 20000,
    shift: 1,
  });
  assert.deepEqual(r.shifted.permutation, [1, 2, 3, 0]);
  for (const run of r.runs) assert.deepEqual([...run.permutation].sort(), [0, 1, 2, 3]);
  assert.ok(Object.keys(r.distinct).length >= 2);
});

test("vector field: singular origin omitted, (1, 0) is a zero of the field", () => {
  const f = vectorField({ K: 2, xMin: 0, xMax: 1, yMin: 0, yMax: 1, nx: 11, ny: 11 });
  assert.equal(f.length, 120);
  const teacher = f.find((s) => s.x === 1 && s.y === 0)!;
  assert.ok(Math.abs(teacher.dx) < 1e-15 && Math.abs(teacher.dy) < 1e-15);
});
