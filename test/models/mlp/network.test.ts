import assert from "node:assert/strict";
import { test } from "node:test";
import { activationByName } from "../../../src/activations/registry.js";
import { InputError } from "../../../src/core/errors.js";
import { centralGradient, centralHessian } from "../../../src/math/finite-difference.js";
import { Rng } from "../../../src/math/rng.js";
import { gaussianInputs } from "../../../src/models/mlp/data.js";
import { mlpFormat, mlpProblemJson } from "../../../src/models/mlp/format.js";
import { Mlp, type MlpData } from "../../../src/models/mlp/network.js";

function setup(activation: string, inputDim: number, widths: number[], samples: number, seed: number) {
  const architecture = { inputDim, widths, activation: activationByName(activation) };
  const net = new Mlp(architecture);
  const rng = Rng.fromSeed(seed, 99);
  const data: MlpData = { x: gaussianInputs(seed, inputDim, samples), y: rng.normals(samples) };
  const theta = rng.normals(net.parameterCount);
  for (let i = 0; i < theta.length; i++) theta[i] *= 0.7;
  return { architecture, net, data, theta };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const cases: [string, number[]][] = [
  ["sigmoid", [3]],
  ["tanh", [3, 2]],
  ["softplus", [2, 3, 2]],
  ["gelu", [4]],
  ["swish", [2, 2]],
  ["erf", [3]],
  ["quadratic", [2, 2]],
  ["elu", [3]],
];

for (const [activation, widths] of cases) {
  test(`${activation} ${widths.join("-")}: backprop gradient equals central differences of the loss`, () => {
    const { net, data, theta } = setup(activation, 2, widths, 6, 11);
    const g = net.gradient(theta, data);
    const fd = centralGradient((t) => net.loss(t, data), theta, 1e-6);
    const scale = Math.max(1, ...Array.from(g, Math.abs));
    assert.ok(maxAbsDiff(g, fd) < 1e-7 * scale, `max diff ${maxAbsDiff(g, fd)}`);
  });

  test(`${activation} ${widths.join("-")}: exact Hessian equals central differences of the gradient`, () => {
    const { net, data, theta } = setup(activation, 2, widths, 6, 12);
    const h = net.hessian(theta, data);
    const fd = centralHessian((t) => net.gradient(t, data), theta, 1e-5);
    let scale = 1;
    for (const row of h) for (const v of row) scale = Math.max(scale, Math.abs(v));
    for (let i = 0; i < h.length; i++) assert.ok(maxAbsDiff(h[i], fd[i]) < 1e-6 * scale, `row ${i}`);
  });
}

test("the exact Hessian is symmetric before symmetrisation to 1e-12 (R-operator consistency)", () => {
  const { net, data, theta } = setup("tanh", 3, [4, 3], 5, 13);
  const e = (k: number) => {
    const v = new Float64Array(net.parameterCount);
    v[k] = 1;
    return v;
  };
  for (const [i, j] of [
    [0, 20],
    [5, 31],
    [14, 2],
  ]) {
    const hij = net.hessianVector(theta, data, e(j))[i];
    const hji = net.hessianVector(theta, data, e(i))[j];
    assert.ok(Math.abs(hij - hji) < 1e-12 * Math.max(1, Math.abs(hij)));
  }
});

test("outputHessianBlock equals central differences of the output in the first-layer biases", () => {
  const { net, data, theta } = setup("sigmoid", 2, [3, 2], 1, 14);
  const start = net.biasOffsets[0];
  const block = net.outputHessianBlock(theta, data.x[0], start, 3);
  const f = (b: Float64Array) => {
    const t = Float64Array.from(theta);
    t.set(b, start);
    return net.output(t, data.x[0]);
  };
  const b0 = theta.slice(start, start + 3);
  const gradF = (b: Float64Array) => centralGradient(f, b, 1e-5);
  const fd = centralHessian(gradF, b0, 1e-4);
  for (let i = 0; i < 3; i++) assert.ok(maxAbsDiff(block[i], fd[i]) < 1e-6);
});

test("parameter count and block layout are W1, b1, …, v, b0", () => {
  const net = new Mlp({ inputDim: 2, widths: [6, 10, 12], activation: activationByName("sigmoid") });
  assert.equal(net.parameterCount, 6 * 2 + 6 + 10 * 6 + 10 + 12 * 10 + 12 + 12 + 1);
  assert.deepEqual(
    net.blocks.map((b) => b[0]),
    ["W1", "b1", "W2", "b2", "W3", "b3", "v", "b0"],
  );
});

test("mlp problem JSON round-trips through mlpFormat.parse with the same loss and gradient", () => {
  const { architecture, net, data, theta } = setup("gelu", 2, [3, 2], 4, 15);
  const json = JSON.parse(JSON.stringify(mlpProblemJson(architecture, data, theta)));
  const problem = mlpFormat.parse(json);
  assert.deepEqual(Array.from(problem.point), Array.from(theta));
  assert.equal(problem.loss(theta), net.loss(theta, data));
  assert.ok(problem.hessian);
  assert.deepEqual(problem.structure(theta), { layers: json.layers });
});

test("mlp format errors name the field", () => {
  const { architecture, data, theta } = setup("tanh", 2, [2], 3, 16);
  const good = mlpProblemJson(architecture, data, theta);
  const bad = (patch: Record<string, unknown>, field: RegExp) =>
    assert.throws(
      () => mlpFormat.parse({ ...good, ...patch }),
      (e: unknown) => e instanceof InputError && field.test(e.message),
    );
  bad({ activation: "nope" }, /^activation: must be one of relu, leaky-relu/);
  bad({ widths: [0] }, /^widths\[0\]/);
  bad({ layers: good.layers.slice(0, 1) }, /^layers: must be an array of 2 layers/);
  bad({ data: { x: good.data.x, y: [1] } }, /^data\.y/);
  bad({ layers: [{ weights: [[1, 2, 3]], biases: [0] }, good.layers[1]] }, /^layers\[0\]\.weights/);
});
