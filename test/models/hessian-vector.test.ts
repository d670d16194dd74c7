/**
 * Hessian–vector products of every model (Problem.hessianVector): the fc operator
 * (models/fc/hessian-vector.ts), the mlp's R-operator and the cnn's dense product, each against the
 * model's dense exact Hessian times v and against central differences of its analytic gradient,
 * (∇L(x + hv) − ∇L(x − hv))/2h (a different computation sharing no code with the product).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { activationByName } from "../../src/activations/registry.js";
import { Rng } from "../../src/math/rng.js";
import { CnnProblem } from "../../src/models/cnn/problem.js";
import { parseCnnTeacher } from "../../src/models/cnn/teacher.js";
import { FcHessianOperator } from "../../src/models/fc/hessian-vector.js";
import { fcPairKernelFor } from "../../src/models/fc/kernels.js";
import { makeNetwork } from "../../src/models/fc/network.js";
import { FcPopulation } from "../../src/models/fc/population.js";
import { fcProblem } from "../../src/models/fc/problem-format.js";
import { gaussianInputs } from "../../src/models/mlp/data.js";
import { mlpProblem } from "../../src/models/mlp/format.js";
import { Mlp } from "../../src/models/mlp/network.js";
import type { Problem } from "../../src/models/problem.js";

function times(rows: readonly Float64Array[], v: Float64Array): Float64Array {
  return Float64Array.from(rows, (row) => row.reduce((s, h, i) => s + h * v[i], 0));
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function gradientDifference(problem: Problem, x: Float64Array, v: Float64Array, h: number): Float64Array {
  const gp = problem.gradient(Float64Array.from(x, (xi, i) => xi + h * v[i]));
  const gm = problem.gradient(Float64Array.from(x, (xi, i) => xi - h * v[i]));
  return Float64Array.from(gp, (g, i) => (g - gm[i]) / (2 * h));
}

/** Checks hessianVector at x against the dense Hessian (to rounding) and gradient differences (to `fdTol`). */
function check(problem: Problem, x: Float64Array, seed: number, fdTol: number, label: string) {
  assert.ok(problem.hessian && problem.hessianVector, `${label}: the problem has both`);
  const rows = problem.hessian(x);
  const hv = (y: Float64Array, v: Float64Array) =>
    (problem.hessianVector as NonNullable<Problem["hessianVector"]>).call(problem, y, v);
  const rng = Rng.fromSeed(seed);
  for (let trial = 0; trial < 3; trial++) {
    const v = rng.normals(x.length);
    const product = hv(x, v);
    const dense = times(rows, v);
    const scale = maxAbs(dense) + 1e-300;
    const exactErr = maxAbs(dense.map((d, i) => d - product[i]));
    assert.ok(
      exactErr <= 1e-12 * Math.max(1, scale),
      `${label}: dense H·v differs by ${exactErr} (scale ${scale})`,
    );
    const fd = gradientDifference(problem, x, v, 1e-5);
    const fdErr = maxAbs(fd.map((d, i) => d - product[i]));
    assert.ok(fdErr <= fdTol * Math.max(1, scale), `${label}: differences of ∇L differ by ${fdErr}`);
  }
}

function fcCase(activation: string, K: number, Ks: number, d: number, seed: number) {
  const rng = Rng.fromSeed(seed);
  const aT = Float64Array.from({ length: Ks }, (_, j) => (j % 2 ? -0.7 : 1.3));
  const teacher = makeNetwork(Ks, d, rng.normals(Ks * d), aT);
  const student = makeNetwork(
    K,
    d,
    rng.normals(K * d),
    Float64Array.from({ length: K }, () => 0.5 + rng.uniform()),
  );
  return { teacher, student, kernel: fcPairKernelFor(activation) };
}

test("fc: H·v equals the dense exact Hessian times v and differences of the gradient (ReLU, leaky ReLU, a fixed or trained, K ≠ K*)", () => {
  for (const [activation, K, Ks, d, trainA, seed] of [
    ["relu", 4, 3, 5, false, 1],
    ["relu", 5, 6, 4, true, 2],
    ["leaky-relu", 3, 4, 6, true, 3],
    ["leaky-relu", 6, 2, 3, false, 4],
  ] as const) {
    const spec = fcCase(activation, K, Ks, d, seed);
    const problem = fcProblem({ ...spec, trainA });
    check(problem, problem.point, seed, 1e-6, `${activation} K=${K} K*=${Ks} d=${d} trainA=${trainA}`);
  }
});

test("fc: near-aligned, opposite and coincident units and a zero unit agree with the dense Hessian", () => {
  const { teacher, kernel } = fcCase("relu", 4, 3, 4, 5);
  const rng = Rng.fromSeed(6);
  const W = rng.normals(5 * 4);
  for (let i = 0; i < 4; i++) {
    W[4 + i] = 1.7 * W[i] + 1e-9 * (i === 2 ? 1 : 0); // θ ≈ 1e-9 with unit 0
    W[8 + i] = -0.4 * W[i]; // θ = π with unit 0
    W[12 + i] = W[i]; // θ = 0 with unit 0
    W[16 + i] = 0; // a zero unit
  }
  const a = Float64Array.from([1, 0.8, 1.2, 0.9, 1.1]);
  const pop = new FcPopulation(kernel, teacher, 5);
  for (const trainA of [false, true]) {
    const x = { W, a };
    const op = new FcHessianOperator(kernel, teacher, x, trainA);
    const H = pop.hessian(x, trainA);
    const v = rng.normals(op.size);
    const err = maxAbs(times(H, v).map((h, i) => h - op.apply(v)[i]));
    assert.ok(err < 1e-10 * Math.max(1, maxAbs(times(H, v))), `trainA=${trainA}: ${err}`);
    const diag = op.diagonal();
    assert.ok(maxAbs(diag.map((g, i) => g - H[i][i])) < 1e-12 * Math.max(1, maxAbs(diag)));
  }
});

test("fc: the product at the Safran–Shamir scale (K = K* = d = 12, orthonormal teacher) and its diagonal", () => {
  const k = 12;
  const teacher = makeNetwork(
    k,
    k,
    Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0)),
  );
  const rng = Rng.fromSeed(7);
  const W = Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0) + 0.3 * rng.normal());
  const problem = fcProblem({
    teacher,
    student: makeNetwork(k, k, W),
    trainA: false,
    kernel: fcPairKernelFor("relu"),
  });
  check(problem, problem.point, 8, 1e-6, "K=12");
});

test("mlp: the R-operator product equals the dense Hessian times v and differences of the gradient", () => {
  for (const [activation, widths] of [
    ["tanh", [4, 3]],
    ["softplus", [5]],
  ] as const) {
    const architecture = { inputDim: 3, widths: [...widths], activation: activationByName(activation) };
    const net = new Mlp(architecture);
    const rng = Rng.fromSeed(9);
    const data = { x: gaussianInputs(9, 3, 7), y: rng.normals(7) };
    const problem = mlpProblem(
      architecture,
      data,
      rng.normals(net.parameterCount).map((t) => 0.7 * t),
    );
    check(problem, problem.point, 10, 1e-6, `mlp ${activation}`);
  }
});

test("cnn: the product with the dense Hessian (built once per point) and differences of the gradient", () => {
  const teacher = parseCnnTeacher({ w: [0.6, 0.8, 0, 0.2], a: [1, -0.5, 0.7] }, "teacher");
  const problem = new CnnProblem(teacher, [0.3, 0.9, -0.2, 0.4], [0.5, 0.2, -0.3]);
  check(problem, problem.point, 11, 1e-6, "cnn");
  // A second point gets its own Hessian (the cache compares the point by value).
  const moved = Float64Array.from(problem.point, (t, i) => t + 0.1 * (i + 1));
  check(problem, moved, 12, 1e-6, "cnn moved");
});
