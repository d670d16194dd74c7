import assert from "node:assert/strict";
import { test } from "node:test";
import { centralGradient, centralHessian } from "../../../src/math/finite-difference.js";
import { Rng } from "../../../src/math/rng.js";
import { CnnProblem, CnnSampledProblem, cnnProblemFormat } from "../../../src/models/cnn/problem.js";
import { drawCnnInputs } from "../../../src/models/cnn/sampled.js";
import { cnnTeacher } from "../../../src/models/cnn/teacher.js";
import type { Problem } from "../../../src/models/problem.js";

const teacher = cnnTeacher([0.3, -1, 0.5], [0.8, -0.3, 0.5, 0.2]);
const v = [0.4, 0.9, -0.7];
const a = [0.1, 0.2, -0.4, 0.6];

function checkGradientMatchesLoss(problem: Problem, tol: number): void {
  const x = problem.point;
  const fd = centralGradient((y) => problem.loss(y), x, 1e-6);
  const g = problem.gradient(x);
  g.forEach((gi, i) =>
    assert.ok(Math.abs(gi - fd[i]) < tol, `${problem.constructor.name} ${i}: ${gi} vs ${fd[i]}`),
  );
  const s = problem.structure(g) as { v: number[]; a: number[] };
  assert.equal(s.v.length, 3);
  assert.equal(s.a.length, 4);
}

test("closed-form and sampled CNN problems both satisfy the Problem contract: gradient = derivative of loss", () => {
  checkGradientMatchesLoss(new CnnProblem(teacher, v, a), 1e-8);
  const n = 300;
  // Away from the ReLU kinks the sampled loss is smooth; this point has none within the step.
  checkGradientMatchesLoss(
    new CnnSampledProblem(teacher, v, a, drawCnnInputs(Rng.fromSeed(41), n, 4, 3), n),
    1e-7,
  );
});

test("the sampled problem approaches the closed-form problem as n grows", () => {
  const exact = new CnnProblem(teacher, v, a);
  const n = 200000;
  const sampled = new CnnSampledProblem(teacher, v, a, drawCnnInputs(Rng.fromSeed(42), n, 4, 3), n);
  assert.ok(Math.abs(sampled.loss(sampled.point) - exact.loss(exact.point)) < 0.02 * exact.loss(exact.point));
  const ge = exact.gradient(exact.point);
  const gs = sampled.gradient(sampled.point);
  const err = Math.hypot(...ge.map((x, i) => x - gs[i]));
  assert.ok(err < 0.05 * Math.hypot(...ge), `${err}`);
});

test("the cnn problem format parses JSON into the closed-form problem with its exact Hessian", () => {
  const problem = cnnProblemFormat.parse({
    model: "cnn",
    teacher: { w: Array.from(teacher.w), a: Array.from(teacher.a) },
    student: { v, a },
  });
  assert.deepEqual(Array.from(problem.point), [...v, ...a]);
  const h = problem.hessian!(problem.point);
  const fd = centralHessian((y) => problem.gradient(y), problem.point, 1e-5);
  h.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(x - fd[i][j]) < 1e-7)));
});
