/**
 * The quadrature kernels satisfy the CNN and FC kernel interfaces and plug into those models'
 * population code unchanged: with ReLU they reproduce the closed-form landscapes, and with a smooth
 * activation the population gradient matches central differences of the population loss.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { quadratureCnnKernel } from "../../src/activations/gaussian/cnn-kernel.js";
import { quadraturePairKernel } from "../../src/activations/gaussian/fc-pair-kernel.js";
import { activationByName } from "../../src/activations/registry.js";
import { centralGradient, centralHessian } from "../../src/math/finite-difference.js";
import type { CnnActivationKernel } from "../../src/models/cnn/activation-kernel.js";
import { CnnProblem } from "../../src/models/cnn/problem.js";
import { cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import { makeNetwork } from "../../src/models/fc/network.js";
import type { PairKernel } from "../../src/models/fc/pair-kernel.js";
import { FcPopulation } from "../../src/models/fc/population.js";
import { reluPairKernel } from "../../src/models/fc/relu-kernel.js";

test("CNN: the ReLU quadrature kernel gives the closed-form loss and gradient; sigmoid's gradient matches central differences", () => {
  const teacher = cnnTeacherFromRatio(3, 4, 1.5, 1);
  const v = Float64Array.of(0.5, -0.2, 0.8, 0.1);
  const a = Float64Array.of(0.3, -0.4, 0.9);
  const relu: CnnActivationKernel = quadratureCnnKernel(activationByName("relu"));
  const closed = new CnnProblem(teacher, v, a);
  const quad = new CnnProblem(teacher, v, a, relu);
  assert.ok(Math.abs(closed.loss(closed.point) - quad.loss(quad.point)) < 1e-10);
  const g1 = closed.gradient(closed.point);
  const g2 = quad.gradient(quad.point);
  for (let i = 0; i < g1.length; i++) assert.ok(Math.abs(g1[i] - g2[i]) < 1e-9);
  const sig = new CnnProblem(teacher, v, a, quadratureCnnKernel(activationByName("sigmoid")));
  const g = sig.gradient(sig.point);
  const fd = centralGradient((x) => sig.loss(x), sig.point, 1e-5);
  for (let i = 0; i < g.length; i++) assert.ok(Math.abs(g[i] - fd[i]) < 1e-8, `component ${i}`);
});

test("FC: the ReLU quadrature pair kernel gives the closed-form population loss", () => {
  const teacher = makeNetwork(2, 3, Float64Array.of(1, 0, 0, 0, 1, 0));
  const point = { W: Float64Array.of(0.8, 0.3, -0.1, 0.2, 0.9, 0.4), a: Float64Array.of(1, 1) };
  const quad: PairKernel = quadraturePairKernel(activationByName("relu"));
  const closed = new FcPopulation(reluPairKernel, teacher, 2).loss(point);
  const viaQuadrature = new FcPopulation(quad, teacher, 2).loss(point);
  assert.ok(Math.abs(closed - viaQuadrature) < 1e-10, `${closed} vs ${viaQuadrature}`);
});

test("FC: with the quadrature kernel (tanh) the exact population Hessian equals central differences of the gradient", () => {
  const teacher = makeNetwork(2, 3, Float64Array.of(1, 0, 0, 0, 1, 0));
  const point = { W: Float64Array.of(0.8, 0.3, -0.1, 0.2, 0.9, 0.4), a: Float64Array.of(1, 1) };
  for (const name of ["tanh"]) {
    const kernel: PairKernel = quadraturePairKernel(activationByName(name));
    assert.ok(kernel.second, `${name} has second-order quantities`);
    const pop = new FcPopulation(kernel, teacher, 2);
    const h = pop.hessian(point, false);
    const grad = (w: Float64Array) => pop.gradient({ W: w, a: point.a }, false);
    const fd = centralHessian(grad, point.W, 1e-4);
    for (let i = 0; i < h.length; i++)
      for (let j = 0; j < h.length; j++)
        assert.ok(Math.abs(h[i][j] - fd[i][j]) < 1e-7, `${name} H[${i}][${j}]: ${h[i][j]} vs ${fd[i][j]}`);
  }
  assert.equal(quadraturePairKernel(activationByName("relu")).second, undefined);
});
