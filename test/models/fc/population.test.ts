import assert from "node:assert/strict";
import { test } from "node:test";
import { centralGradient, centralHessian } from "../../../src/math/finite-difference.js";
import { Rng } from "../../../src/math/rng.js";
import { makeNetwork } from "../../../src/models/fc/network.js";
import { FcPopulation } from "../../../src/models/fc/population.js";
import { reluPairKernel } from "../../../src/models/fc/relu-kernel.js";
import { drawInputs, sampledLossAndGradient } from "../../../src/models/fc/sampled.js";
import { orthonormalTeacher } from "../../../src/models/fc/teachers.js";

function randomCase(seed: number, K: number, Ks: number, d: number, mixedA: boolean) {
  const rng = Rng.fromSeed(seed);
  const aT = Float64Array.from({ length: Ks }, (_, j) => (mixedA && j % 2 ? -0.7 : 1.3));
  const aS = Float64Array.from({ length: K }, () => 0.5 + rng.uniform());
  const teacher = makeNetwork(Ks, d, rng.normals(Ks * d), aT);
  const W = rng.normals(K * d);
  return { teacher, W, a: aS, pop: new FcPopulation(reluPairKernel, teacher, K) };
}

function flat(W: Float64Array, a: Float64Array): Float64Array {
  const x = new Float64Array(W.length + a.length);
  x.set(W);
  x.set(a, W.length);
  return x;
}

test("population loss equals the Monte-Carlo mean within 4 standard errors (K=3, K*=2, mixed-sign a*)", () => {
  const { teacher, W, a, pop } = randomCase(11, 3, 2, 5, true);
  const N = 200_000;
  const X = drawInputs(Rng.fromSeed(11, 1), N, 5, "gaussian");
  const mc = sampledLossAndGradient(teacher, { W, a }, X, N, true);
  const exact = pop.loss({ W, a });
  const se = mc.lossStd / Math.sqrt(N);
  assert.ok(Math.abs(exact - mc.loss) < 4 * se, `closed ${exact} vs MC ${mc.loss} ± ${se}`);
});

test("population gradient (W and a) equals the Monte-Carlo gradient within 5 standard errors per component", () => {
  const { teacher, W, a, pop } = randomCase(12, 3, 4, 4, true);
  const N = 200_000;
  const X = drawInputs(Rng.fromSeed(12, 1), N, 4, "gaussian");
  const mc = sampledLossAndGradient(teacher, { W, a }, X, N, true);
  const g = pop.gradient({ W, a }, true);
  for (let p = 0; p < g.length; p++) {
    const se = mc.gradientStd[p] / Math.sqrt(N);
    assert.ok(
      Math.abs(g[p] - mc.gradient[p]) < 5 * se + 1e-12,
      `component ${p}: ${g[p]} vs ${mc.gradient[p]} ± ${se}`,
    );
  }
});

test("population gradient equals central differences of the closed-form loss (general a, K* ≠ K)", () => {
  for (const [seed, K, Ks, d] of [
    [1, 1, 1, 3],
    [2, 2, 3, 4],
    [3, 4, 2, 6],
  ]) {
    const { W, a, pop } = randomCase(seed, K, Ks, d, true);
    const f = (x: Float64Array) => pop.loss({ W: x.subarray(0, K * d), a: x.subarray(K * d) });
    const x = flat(W, a);
    const fd = centralGradient(f, x, 1e-6);
    const g = pop.gradient({ W, a }, true);
    for (let p = 0; p < g.length; p++)
      assert.ok(Math.abs(g[p] - fd[p]) < 1e-7, `K=${K} p=${p}: ${g[p]} vs ${fd[p]}`);
  }
});

test("analytic Hessian equals central differences of the analytic gradient (W and a blocks)", () => {
  const { W, a, pop } = randomCase(5, 3, 2, 4, true);
  const K = 3;
  const d = 4;
  const grad = (x: Float64Array) => pop.gradient({ W: x.subarray(0, K * d), a: x.subarray(K * d) }, true);
  const H = pop.hessian({ W, a }, true);
  const fd = centralHessian(grad, flat(W, a), 1e-5);
  for (let p = 0; p < H.length; p++)
    for (let q = 0; q < H.length; q++)
      assert.ok(Math.abs(H[p][q] - fd[p][q]) < 1e-7, `H[${p}][${q}] = ${H[p][q]} vs ${fd[p][q]}`);
  const Hw = pop.hessian({ W, a }, false);
  assert.equal(Hw.length, K * d);
  assert.equal(Hw[3][7], H[3][7]);
});

test("kernel special cases: k(w,w) = ‖w‖²/2, k(w,−w) = 0, k at θ = π/2 is ‖w‖‖v‖/2π", () => {
  const out = { k: 0, cw: 0, cv: 0 };
  reluPairKernel.first(2, 2, { theta: 0, cos: 1, sin: 0 }, out);
  assert.equal(out.k, 2);
  assert.equal(out.cv, 0.5);
  reluPairKernel.first(2, 3, { theta: Math.PI, cos: -1, sin: 0 }, out);
  assert.ok(Math.abs(out.k) < 1e-15 && Math.abs(out.cv) < 1e-15);
  reluPairKernel.first(2, 3, { theta: Math.PI / 2, cos: 0, sin: 1 }, out);
  assert.ok(Math.abs(out.k - 6 / (2 * Math.PI)) < 1e-15);
});

test("at the teacher the loss and gradient vanish; at w → 0⁺ the loss is ½Σ k(w*_i, w*_j) (docs/tian.md#the-symmetric-saddle)", () => {
  for (const [K, expected] of [
    [2, 0.659155],
    [5, 2.841549],
    [10, 9.661972],
  ]) {
    const teacher = orthonormalTeacher(K, K + 1);
    const pop = new FcPopulation(reluPairKernel, teacher, K);
    const at = { W: Float64Array.from(teacher.W), a: teacher.a };
    assert.ok(pop.loss(at) < 1e-14);
    const g = pop.gradient(at, false);
    for (const v of g) assert.ok(Math.abs(v) < 1e-14);
    const tiny = { W: teacher.W.map((v) => v * 1e-13), a: teacher.a };
    assert.ok(Math.abs(pop.loss(tiny) - expected) < 1e-6, `K=${K}: ${pop.loss(tiny)}`);
  }
});

test("K = 1 at θ = π: −∇J = −w/2 exactly, and the gradient is continuous as θ → π", () => {
  const teacher = makeNetwork(1, 3, Float64Array.from([1, 0, 0]));
  const pop = new FcPopulation(reluPairKernel, teacher, 1);
  const one = Float64Array.of(1);
  const g = pop.gradient({ W: Float64Array.from([-0.7, 0, 0]), a: one }, false);
  assert.ok(Math.abs(g[0] + 0.35) < 1e-16 && g[1] === 0 && g[2] === 0);
  const eps = 1e-9;
  const near = pop.gradient(
    { W: Float64Array.from([-0.7 * Math.cos(eps), 0.7 * Math.sin(eps), 0]), a: one },
    false,
  );
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(near[i] - g[i]) < 1e-9);
});

test("θ → 0: gradient and Hessian are continuous, and the Hessian matches differences there", () => {
  const teacher = makeNetwork(2, 3, Float64Array.from([1, 0, 0, 0, 1, 0]));
  const pop = new FcPopulation(reluPairKernel, teacher, 2);
  const a = Float64Array.of(1, 1);
  const exact = Float64Array.from([1.3, 0, 0, 0.2, 0.9, 0.1]);
  const tilted = Float64Array.from([1.3 * Math.cos(1e-9), 1.3 * Math.sin(1e-9), 0, 0.2, 0.9, 0.1]);
  const g0 = pop.gradient({ W: exact, a }, false);
  const g1 = pop.gradient({ W: tilted, a }, false);
  for (let i = 0; i < 6; i++) assert.ok(Math.abs(g0[i] - g1[i]) < 1e-8, `${i}: ${g0[i]} vs ${g1[i]}`);
  // k is C² at θ = 0, so central differences of the gradient have an O(h) error there.
  const H = pop.hessian({ W: exact, a }, false);
  const fd = centralHessian((x) => pop.gradient({ W: x, a }, false), exact, 1e-6);
  for (let p = 0; p < 6; p++) for (let q = 0; q < 6; q++) assert.ok(Math.abs(H[p][q] - fd[p][q]) < 1e-5);
});

test("w_j → 0: the loss is continuous, the gradient bounded but direction-dependent (σ'(0) = 0 at exactly 0)", () => {
  const teacher = makeNetwork(2, 2, Float64Array.from([1, 0, 0, 1]));
  const pop = new FcPopulation(reluPairKernel, teacher, 2);
  const a = Float64Array.of(1, 1);
  const zero = pop.loss({ W: Float64Array.from([0, 0, 0.5, 0.5]), a });
  const small = (dir: number) => Float64Array.from([1e-12 * dir, 0, 0.5, 0.5]);
  assert.ok(Math.abs(pop.loss({ W: small(1), a }) - zero) < 1e-11);
  const gPlus = pop.gradient({ W: small(1), a }, false);
  const gMinus = pop.gradient({ W: small(-1), a }, false);
  // Limit along +e1 of ∇_{w_1}J = T(e1, w_2) − T(e1, e1) − T(e1, e2), with T(u,v) = [(π−θ)v + ‖v‖ sinθ u]/2π.
  const T = (u: number[], v: number[]) => {
    const nv = Math.hypot(v[0], v[1]);
    const th = Math.acos(Math.max(-1, Math.min(1, (u[0] * v[0] + u[1] * v[1]) / nv)));
    return [0, 1].map((i) => ((Math.PI - th) * v[i] + nv * Math.sin(th) * u[i]) / (2 * Math.PI));
  };
  const lim = [0, 1].map((i) => T([1, 0], [0.5, 0.5])[i] - T([1, 0], [1, 0])[i] - T([1, 0], [0, 1])[i]);
  assert.ok(Math.abs(gPlus[0] - lim[0]) < 1e-11 && Math.abs(gPlus[1] - lim[1]) < 1e-11, `${gPlus} vs ${lim}`);
  assert.ok(Math.abs(gPlus[0] - gMinus[0]) > 0.1, "limits from opposite sides differ");
  const gZero = pop.gradient({ W: Float64Array.from([0, 0, 0.5, 0.5]), a }, false);
  assert.equal(gZero[0], 0);
  assert.equal(gZero[1], 0);
});

test("sampled gradient is the exact gradient of the sampled loss (central differences)", () => {
  const { teacher, W, a } = randomCase(21, 2, 2, 3, false);
  const N = 500;
  const X = drawInputs(Rng.fromSeed(21, 2), N, 3, "uniform");
  const est = sampledLossAndGradient(teacher, { W, a }, X, N, true);
  const f = (x: Float64Array) =>
    sampledLossAndGradient(teacher, { W: x.subarray(0, 6), a: x.subarray(6) }, X, N, true).loss;
  const fd = centralGradient(f, flat(W, a), 1e-8);
  for (let p = 0; p < fd.length; p++) assert.ok(Math.abs(fd[p] - est.gradient[p]) < 1e-6, `${p}`);
});

test("a kernel without second-order quantities gets the Hessian by central differences of its gradient", () => {
  const { W, a, teacher } = randomCase(8, 2, 2, 3, false);
  const firstOnly = { activation: "relu-first-only", first: reluPairKernel.first };
  const exact = new FcPopulation(reluPairKernel, teacher, 2).hessian({ W, a }, true);
  const fd = new FcPopulation(firstOnly, teacher, 2).hessian({ W, a }, true);
  for (let p = 0; p < exact.length; p++)
    for (let q = 0; q < exact.length; q++) assert.ok(Math.abs(exact[p][q] - fd[p][q]) < 1e-7);
});

test("the Hessian written into a used buffer equals a new one bit for bit; a buffer of the wrong size is refused", () => {
  const teacher = orthonormalTeacher(4, 5);
  const pop = new FcPopulation(reluPairKernel, teacher, 3);
  const rng = Rng.fromSeed(31);
  for (const trainA of [false, true]) {
    const P = 15 + (trainA ? 3 : 0);
    const out = new Float64Array(P * P).fill(Number.NaN);
    for (let round = 0; round < 2; round++) {
      const x = { W: rng.normals(15), a: rng.normals(3) };
      const rows = pop.hessian(x, trainA, out);
      assert.equal(rows[0].buffer, out.buffer, "the rows are views of the given buffer");
      assert.deepEqual(rows, pop.hessian(x, trainA), `trainA ${trainA}, round ${round}`);
    }
  }
  const x = { W: rng.normals(15), a: rng.normals(3) };
  assert.throws(
    () => pop.hessian(x, false, new Float64Array(10)),
    /out: must be a Float64Array of 225 numbers/,
  );
});
