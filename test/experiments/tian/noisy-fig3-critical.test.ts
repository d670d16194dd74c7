import assert from "node:assert/strict";
import { test } from "node:test";
import {
  coneScan,
  directions,
  k2Criterion,
  l12l21,
  lMatrix,
  normEquationResidual,
} from "../../../src/experiments/tian/critical.js";
import { fig3 } from "../../../src/experiments/tian/fig3.js";
import { noisyStarts } from "../../../src/experiments/tian/noisy.js";
import { trainFc } from "../../../src/experiments/tian/train.js";
import { Rng } from "../../../src/math/rng.js";
import { makeNetwork } from "../../../src/models/fc/network.js";
import { FcPopulation } from "../../../src/models/fc/population.js";
import { reluPairKernel } from "../../../src/models/fc/relu-kernel.js";

test("noisy near-symmetric starts at K = 4 all converge; the result depends only on (spec, run)", () => {
  const spec = { K: 4, d: 4, noises: [0, 1, 10], runs: 3, eta: 0.1, maxSteps: 20000, seed: 7 };
  const r = noisyStarts(spec);
  for (const level of r.levels) assert.equal(level.success.count, 3, `noise ${level.noise}`);
  assert.deepEqual(noisyStarts(spec), r);
});

test("K = 10 failures stop at spurious local minima (index 0, ‖∇J‖ small, J ≈ 0.0187 as in docs/tian.md)", () => {
  const r = noisyStarts({ K: 10, d: 20, noises: [1], runs: 2, eta: 0.05, maxSteps: 20000, seed: 1 });
  const f = r.levels[0].failures[0];
  assert.ok(f, "seed 1, run 1 is a known failure");
  assert.ok(
    Math.abs(f.loss - 0.0187022) < 1e-6 &&
      f.gradNorm < 1e-6 &&
      f.hessianIndex === 0 &&
      f.minEigenvalue !== null &&
      f.minEigenvalue > 0,
  );
});

test("Fig. 3: Gaussian error falls like 1/√N; error grows as θ → π; uniform inputs level off above Gaussian", () => {
  const r = fig3({
    laws: ["gaussian", "uniform"],
    ds: [5],
    Ns: [100, 10000, 40000],
    thetas: [0.5, 3.0],
    thetaN: 1000,
    pairs: 12,
    seed: 2,
  });
  const g = r.versusN.filter((c) => c.law === "gaussian");
  const u = r.versusN.filter((c) => c.law === "uniform");
  const ratio = g[0].meanRelativeError / g[1].meanRelativeError;
  assert.ok(ratio > 5 && ratio < 20, `ratio ${ratio}`);
  assert.ok(r.versusTheta[1].meanRelativeError > r.versusTheta[0].meanRelativeError);
  assert.ok(u[2].meanRelativeError > g[2].meanRelativeError, "uniform has a non-Gaussianity floor");
});

test("M-matrix residual equals 2π·e_jᵀ(−∇_{w_i}J) from the population gradient", () => {
  const rng = Rng.fromSeed(3);
  const K = 3;
  const d = 4;
  const teacher = makeNetwork(K, d, rng.normals(K * d));
  const W = rng.normals(K * d);
  const a = new Float64Array(K).fill(1);
  const g = new FcPopulation(reluPairKernel, teacher, K).gradient({ W, a }, false);
  const res = normEquationResidual(W, teacher.W, K, K, d);
  const E = directions(W, K, d);
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      let proj = 0;
      for (let q = 0; q < d; q++) proj -= E[j][q] * g[i * d + q];
      assert.ok(Math.abs(res[i][j] - 2 * Math.PI * proj) < 1e-12);
    }
});

test("L12/L21 cone characterisation (docs/tian.md): positive inside the student cone, negative outside, zero on its edges", () => {
  const scan = coneScan({ betas: 20, phis: 120 });
  assert.ok(scan.checked > 2000);
  assert.equal(scan.mismatches, 0);
  const edge = l12l21(1.1, 1.1);
  assert.ok(Math.abs(edge.L12) < 1e-12 && Math.abs(edge.L21) < 1e-12);
});

test("K = 2 criterion: both teachers inside the cone is critical-point free; a real critical point fails it", () => {
  assert.equal(k2Criterion(1.2, 0.3, 0.9).criticalPointFree, true);
  assert.equal(k2Criterion(1.2, 2.0, 4.0).criticalPointFree, true);
  assert.equal(k2Criterion(1.2, 0.3, 3.0).criticalPointFree, false);
  // At w = w* (teacher on the cone's edges) the diagonal equations return the teacher norms.
  const e = [Float64Array.of(1, 0), Float64Array.of(Math.cos(1.2), Math.sin(1.2))];
  const { L, norms } = lMatrix(e, e, [2, 0.5]);
  assert.ok(Math.abs(norms[0] - 2) < 1e-12 && Math.abs(norms[1] - 0.5) < 1e-12);
  for (const row of L) for (const v of row) assert.ok(Math.abs(v) < 1e-12);
});

test("trainFc: orthonormal teacher K = 3 from a small Gaussian start reaches the teacher up to permutation", () => {
  const r = trainFc({
    K: 3,
    d: 5,
    teacher: { kind: "orthonormal" },
    start: { kind: "gaussian", std: 0.01 },
    trainA: false,
    eta: 0.1,
    maxSteps: 30000,
    seed: 4,
    hessian: true,
  });
  assert.equal(r.outcome, "global");
  assert.ok(r.teacherDistance && r.teacherDistance.max < 1e-4);
  assert.equal(r.hessian?.index, 0);
});
