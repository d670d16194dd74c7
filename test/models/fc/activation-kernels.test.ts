import assert from "node:assert/strict";
import { test } from "node:test";
import type { Activation } from "../../../src/activations/activation.js";
import { quadraturePairKernel } from "../../../src/activations/gaussian/fc-pair-kernel.js";
import { activationByName } from "../../../src/activations/registry.js";
import { InputError } from "../../../src/core/errors.js";
import { centralGradient, centralHessian } from "../../../src/math/finite-difference.js";
import { Rng } from "../../../src/math/rng.js";
import { fcPairKernelFor } from "../../../src/models/fc/kernels.js";
import { type FcNetwork, makeNetwork } from "../../../src/models/fc/network.js";
import type { PairKernel } from "../../../src/models/fc/pair-kernel.js";
import { FcPopulation } from "../../../src/models/fc/population.js";
import { fcProblemFormat } from "../../../src/models/fc/problem-format.js";
import { reluPairKernel } from "../../../src/models/fc/relu-kernel.js";
import { smoothPairFirst } from "../../../src/models/fc/smooth-pair-kernel.js";

function randomCase(seed: number, K: number, Ks: number, d: number, scale = 0.6) {
  const rng = Rng.fromSeed(seed);
  const teacher = makeNetwork(
    Ks,
    d,
    rng.normals(Ks * d).map((v) => v * scale),
    Float64Array.from({ length: Ks }, (_, j) => (j % 2 ? -0.7 : 1.3)),
  );
  const W = rng.normals(K * d).map((v) => v * scale);
  const a = Float64Array.from({ length: K }, () => 0.5 + rng.uniform());
  return { teacher, W, a };
}

function flat(W: Float64Array, a: Float64Array): Float64Array {
  const x = new Float64Array(W.length + a.length);
  x.set(W);
  x.set(a, W.length);
  return x;
}

function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

/** J = ½E[(g − g*)²] by Monte Carlo with σ itself: the mean and its standard error. */
function monteCarloLoss(act: Activation, teacher: FcNetwork, W: Float64Array, a: Float64Array, N: number) {
  const rng = Rng.fromSeed(99, 1);
  const { d } = teacher;
  const K = a.length;
  const x = new Float64Array(d);
  let sum = 0;
  let sumSq = 0;
  for (let n = 0; n < N; n++) {
    rng.normals(d, x);
    let diff = 0;
    for (let j = 0; j < K; j++) {
      let z = 0;
      for (let i = 0; i < d; i++) z += W[j * d + i] * x[i];
      diff += a[j] * act.value(z);
    }
    for (let j = 0; j < teacher.K; j++) {
      let z = 0;
      for (let i = 0; i < d; i++) z += teacher.W[j * d + i] * x[i];
      diff -= teacher.a[j] * act.value(z);
    }
    const l = 0.5 * diff * diff;
    sum += l;
    sumSq += l * l;
  }
  const mean = sum / N;
  return { mean, se: Math.sqrt((sumSq / N - mean * mean) / N) };
}

test("ReLU by quadrature agrees with the closed form to 1e-9 (loss and gradient, trained a)", () => {
  const { teacher, W, a } = randomCase(5, 2, 2, 4, 1);
  const closed = new FcPopulation(reluPairKernel, teacher, 2);
  const quad = new FcPopulation(quadraturePairKernel(activationByName("relu")), teacher, 2);
  // A generic point and one with a student unit nearly aligned with a teacher unit (θ → 0).
  const aligned = Float64Array.from(W);
  for (let i = 0; i < 4; i++) aligned[i] = teacher.W[i] * 1.1 + 1e-7 * (i + 1);
  for (const point of [W, aligned]) {
    const x = { W: point, a };
    const [gc, gq] = [new Float64Array(8), new Float64Array(8)];
    const [ac, aq] = [new Float64Array(2), new Float64Array(2)];
    assert.ok(Math.abs(closed.lossAndGradient(x, gc, ac) - quad.lossAndGradient(x, gq, aq)) < 1e-9);
    assert.ok(maxAbsDiff(gc, gq) < 1e-9 && maxAbsDiff(ac, aq) < 1e-9);
  }
});

test("trapezoid kernels (the steps fcPairKernelFor picks): erf's closed forms at scales 0.5 to 5, Gauss–Hermite at unit scale", () => {
  const f = fcPairKernelFor("erf").first;
  const out = { k: 0, cw: 0, cv: 0 };
  for (const [a, b] of [
    [0.5, 0.7],
    [1, 1],
    [3, 2.5],
    [5, 4],
  ])
    for (const theta of [0, 1e-7, 0.4, 2.5, Math.PI]) {
      const rho = Math.cos(theta);
      f(a, b, { theta, cos: rho, sin: Math.sin(theta) }, out);
      // (u, v) of correlation ρ: E[erf(au)erf(bv)] = (2/π)asin(2abρ/√((1+2a²)(1+2b²))), and with
      // erf' = (2/√π)exp(−x²): E[erf'(au)erf'(bv)] = (4/π)/√((1+2a²)(1+2b²) − 4a²b²ρ²).
      const p = (1 + 2 * a * a) * (1 + 2 * b * b);
      const k = (2 / Math.PI) * Math.asin((2 * a * b * rho) / Math.sqrt(p));
      const cv = 4 / Math.PI / Math.sqrt(p - 4 * a * a * b * b * rho * rho);
      assert.ok(Math.abs(out.k - k) < 1e-13 && Math.abs(out.cv - cv) < 1e-13, `a ${a}, b ${b}, θ ${theta}`);
    }
  for (const name of ["tanh", "softplus", "gelu", "sigmoid"]) {
    const act = activationByName(name);
    const generic = quadraturePairKernel(act);
    const fast = fcPairKernelFor(name).first;
    for (const theta of [0, 1e-6, 0.7, 2, Math.PI - 1e-6, Math.PI]) {
      const angle = { theta, cos: Math.cos(theta), sin: Math.sin(theta) };
      const g = { k: 0, cw: 0, cv: 0 };
      generic.first(0.8, 0.9, angle, g);
      fast(0.8, 0.9, angle, out);
      assert.ok(maxAbsDiff([g.k, g.cw, g.cv], [out.k, out.cw, out.cv]) < 1e-11, `${name} θ = ${theta}`);
    }
  }
});

test("tanh's trapezoid kernel at ‖w‖ = 2, 3 agrees with a 2.5× finer step (where Gauss–Hermite-128 is off by 1e-5)", () => {
  const act = activationByName("tanh");
  const fine = smoothPairFirst(act, 0.1);
  const used = fcPairKernelFor("tanh").first;
  const hermite = quadraturePairKernel(act);
  const [f, u, h] = [0, 1, 2].map(() => ({ k: 0, cw: 0, cv: 0 }));
  let hermiteWorst = 0;
  for (const [a, b] of [
    [2, 1.8],
    [3, 2.5],
  ])
    for (const theta of [0, 0.4, 1.5, 2.9]) {
      const angle = { theta, cos: Math.cos(theta), sin: Math.sin(theta) };
      fine(a, b, angle, f);
      used(a, b, angle, u);
      hermite.first(a, b, angle, h);
      assert.ok(maxAbsDiff([f.k, f.cw, f.cv], [u.k, u.cw, u.cv]) < 2e-12, `a ${a}, θ ${theta}`);
      hermiteWorst = Math.max(hermiteWorst, maxAbsDiff([f.k, f.cw, f.cv], [h.k, h.cw, h.cv]));
    }
  assert.ok(hermiteWorst > 1e-6, "the fixed Hermite rule is measurably off at these scales");
});

for (const name of ["tanh", "softplus"]) {
  test(`${name}: population loss equals Monte Carlo within 4 standard errors; gradient equals central differences`, () => {
    const act = activationByName(name);
    const { teacher, W, a } = randomCase(name.length, 3, 2, 4);
    const pop = new FcPopulation(fcPairKernelFor(name), teacher, 3);
    const exact = pop.loss({ W, a });
    const mc = monteCarloLoss(act, teacher, W, a, 100_000);
    assert.ok(Math.abs(exact - mc.mean) < 4 * mc.se, `quadrature ${exact} vs MC ${mc.mean} ± ${mc.se}`);
    assert.ok(exact > 20 * mc.se, "the loss is resolved by the sample (the check can fail)");
    const at = (x: Float64Array) => pop.loss({ W: x.subarray(0, 12), a: x.subarray(12) });
    const fd = centralGradient(at, flat(W, a), 1e-5);
    const grad = pop.gradient({ W, a }, true);
    assert.ok(maxAbsDiff(grad, fd) < 1e-8, `max |∇J − FD| = ${maxAbsDiff(grad, fd)}`);
  });
}

test("tanh: the Hessian (differences of the trapezoid gradient) equals the generic kernel's second-order assembly", () => {
  const { teacher, W, a } = randomCase(8, 2, 2, 3, 0.5);
  const pop = new FcPopulation(fcPairKernelFor("tanh"), teacher, 2);
  const generic = new FcPopulation(quadraturePairKernel(activationByName("tanh")), teacher, 2);
  assert.ok(generic.kernel.second, "the generic kernel assembles the Hessian from Q and R");
  const H = pop.hessian({ W, a }, true);
  const exact = generic.hessian({ W, a }, true);
  let worst = 0;
  for (let i = 0; i < H.length; i++) worst = Math.max(worst, maxAbsDiff(H[i], exact[i]));
  assert.ok(worst < 1e-7, `max |H − H_generic| = ${worst}`);
});

test("leaky ReLU in closed form equals its quadrature (split at the kink) and its Hessian equals differences", () => {
  const { teacher, W, a } = randomCase(6, 2, 2, 3, 1);
  const closed = new FcPopulation(fcPairKernelFor("leaky-relu"), teacher, 2);
  const quad = new FcPopulation(quadraturePairKernel(activationByName("leaky-relu")), teacher, 2);
  const x = { W, a };
  const [gc, gq] = [new Float64Array(6), new Float64Array(6)];
  const [ac, aq] = [new Float64Array(2), new Float64Array(2)];
  assert.ok(Math.abs(closed.lossAndGradient(x, gc, ac) - quad.lossAndGradient(x, gq, aq)) < 1e-10);
  assert.ok(maxAbsDiff(gc, gq) < 1e-9 && maxAbsDiff(ac, aq) < 1e-9);
  const H = closed.hessian(x, true);
  const fd = centralHessian(
    (y) => closed.gradient({ W: y.subarray(0, 6), a: y.subarray(6) }, true),
    flat(W, a),
    1e-5,
  );
  let worst = 0;
  for (let i = 0; i < H.length; i++) worst = Math.max(worst, maxAbsDiff(H[i], fd[i]));
  assert.ok(worst < 1e-7, `max |H − FD| = ${worst}`);
});

test("fcPairKernelFor: ReLU is the closed form, other kernels are built once, unknown names are InputErrors", () => {
  assert.equal(fcPairKernelFor("relu"), reluPairKernel);
  const tanh: PairKernel = fcPairKernelFor("tanh");
  assert.equal(fcPairKernelFor("TANH"), tanh);
  assert.equal(fcPairKernelFor("silu").activation, "swish");
  assert.throws(() => fcPairKernelFor("sine"), InputError);
});

test('fc problem format: "activation" selects σ (default relu, bit for bit), bad names are InputErrors', () => {
  const base = {
    model: "fc",
    teacher: {
      W: [
        [1, 0, 0],
        [0, 1, 0],
      ],
    },
    student: {
      W: [
        [0.9, 0.2, 0.1],
        [-0.3, 0.8, 0.4],
      ],
    },
  };
  const plain = fcProblemFormat.parse(base);
  const relu = fcProblemFormat.parse({ ...base, activation: "relu" });
  assert.equal(plain.loss(plain.point), relu.loss(relu.point));
  assert.deepEqual(plain.gradient(plain.point), relu.gradient(relu.point));
  const tanh = fcProblemFormat.parse({ ...base, activation: "tanh" });
  const teacher = makeNetwork(2, 3, Float64Array.from([1, 0, 0, 0, 1, 0]));
  const pop = new FcPopulation(fcPairKernelFor("tanh"), teacher, 2);
  const x = { W: Float64Array.from([0.9, 0.2, 0.1, -0.3, 0.8, 0.4]), a: new Float64Array(2).fill(1) };
  assert.equal(tanh.loss(tanh.point), pop.loss(x));
  assert.notEqual(tanh.loss(tanh.point), plain.loss(plain.point));
  // Exact Hessians only where the kernel has second-order terms; tanh's is left to differences.
  assert.ok(plain.hessian && fcProblemFormat.parse({ ...base, activation: "leaky-relu" }).hessian);
  assert.equal(tanh.hessian, undefined);
  assert.throws(
    () => fcProblemFormat.parse({ ...base, activation: "sine" }),
    /activation: must be one of relu/,
  );
});
