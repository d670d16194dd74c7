import assert from "node:assert/strict";
import { test } from "node:test";
import { lbfgs } from "../../src/train/lbfgs.js";
import { gradientDescent } from "../../src/train/objective-descent.js";

const rosenbrock = {
  loss: (x: Float64Array) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2,
  gradient: (x: Float64Array) =>
    Float64Array.of(-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)),
};

test("lbfgs finds the Rosenbrock minimum (1, 1) from (−1.2, 1) to 1e-8", () => {
  const r = lbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 500, gradTol: 1e-12 });
  assert.ok(Math.abs(r.x[0] - 1) < 1e-8 && Math.abs(r.x[1] - 1) < 1e-8, `${r.x}`);
});

test("gradientDescent on a quadratic contracts by (1 − ηλ) per step", () => {
  const q = {
    loss: (x: Float64Array) => 0.5 * 4 * x[0] ** 2,
    gradient: (x: Float64Array) => Float64Array.of(4 * x[0]),
  };
  const r = gradientDescent(q, Float64Array.of(1), { step: 0.1, iterations: 10 });
  assert.ok(Math.abs(r.x[0] - 0.6 ** 10) < 1e-15);
});

test("gradientDescent reports divergence instead of returning a non-finite point", () => {
  const q = {
    loss: (x: Float64Array) => x[0] ** 4,
    gradient: (x: Float64Array) => Float64Array.of(4 * x[0] ** 3),
  };
  const r = gradientDescent(q, Float64Array.of(10), { step: 1, iterations: 50 });
  assert.equal(r.stop, "diverged");
  assert.ok(Number.isFinite(r.loss));
});
