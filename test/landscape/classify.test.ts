import assert from "node:assert/strict";
import { test } from "node:test";
import { activationByName } from "../../src/activations/registry.js";
import { buildDingPoint } from "../../src/experiments/ding/construction.js";
import { flipOutputWeights } from "../../src/experiments/ding/negative-control.js";
import { classifyPoint } from "../../src/landscape/classify.js";
import { mlpProblem } from "../../src/models/mlp/format.js";
import { Mlp } from "../../src/models/mlp/network.js";
import type { Problem } from "../../src/models/problem.js";

/** A two-parameter test problem from f and its gradient (no exact Hessian: central differences are used). */
function problem2(
  f: (x: Float64Array) => number,
  g: (x: Float64Array) => number[],
  point: number[],
  withHessian?: (x: Float64Array) => number[][],
): Problem {
  return {
    model: "test",
    point: Float64Array.from(point),
    blocks: [["x", 2]],
    loss: f,
    gradient: (x) => Float64Array.from(g(x)),
    hessian: withHessian ? (x) => withHessian(x).map((r) => Float64Array.from(r)) : undefined,
    structure: (flat) => ({ x: Array.from(flat) }),
  };
}

test("x² + 3y² at 0 is a strict local minimum (central-difference Hessian)", () => {
  const c = classifyPoint(
    problem2(
      (x) => x[0] ** 2 + 3 * x[1] ** 2,
      (x) => [2 * x[0], 6 * x[1]],
      [0, 0],
    ),
  );
  assert.equal(c.label, "strict-local-min");
  assert.equal(c.hessian, "central-differences");
  assert.ok(Math.abs(c.eigenvalues[0] - 2) < 1e-8 && Math.abs(c.eigenvalues[1] - 6) < 1e-8);
});

test("x² − y² at 0 is a saddle of index 1 (exact Hessian)", () => {
  const c = classifyPoint(
    problem2(
      (x) => x[0] ** 2 - x[1] ** 2,
      (x) => [2 * x[0], -2 * x[1]],
      [0, 0],
      () => [
        [2, 0],
        [0, -2],
      ],
    ),
  );
  assert.equal(c.label, "saddle");
  assert.equal(c.index, 1);
  assert.equal(c.hessian, "exact");
});

test("a point with a non-zero gradient is not-stationary", () => {
  const c = classifyPoint(
    problem2(
      (x) => x[0] ** 2 + x[1] ** 2,
      (x) => [2 * x[0], 2 * x[1]],
      [0.1, 0],
    ),
  );
  assert.equal(c.label, "not-stationary");
});

test("x² + y⁴ at 0 is a degenerate local minimum: one zero mode, restarts return", () => {
  const c = classifyPoint(
    problem2(
      (x) => x[0] ** 2 + x[1] ** 4,
      (x) => [2 * x[0], 4 * x[1] ** 3],
      [0, 0],
    ),
    undefined,
    {
      restarts: 3,
      restartIterations: 500,
    },
  );
  assert.equal(c.label, "degenerate-local-min");
  assert.equal(c.zeroModes, 1);
  assert.ok(c.restarts && !c.restarts.descended);
});

test("x² + y³ at 0 has a PSD Hessian but is a higher-order saddle: a perturbed restart descends", () => {
  const c = classifyPoint(
    problem2(
      (x) => x[0] ** 2 + x[1] ** 3,
      (x) => [2 * x[0], 3 * x[1] ** 2],
      [0, 0],
    ),
    undefined,
    { restarts: 4, restartRadius: 1e-2, restartIterations: 20000 },
  );
  assert.equal(c.index, 0);
  assert.equal(c.label, "saddle");
  assert.ok(c.restarts?.descended);
});

test("the Ding worked example's point classifies as degenerate-local-min and its sign-flipped control as saddle", () => {
  const x = [-1.5, -0.5, 0.5, 1.5].map((v) => Float64Array.of(v));
  const y = Float64Array.of(-1, 1, 1, -1);
  const p = buildDingPoint({
    activation: activationByName("sigmoid"),
    widths: [2],
    inputs: x,
    labels: y,
    weights: "unit",
    seed: 0,
  });
  const problem = mlpProblem(p.architecture, p.data, p.theta);
  const c = classifyPoint(problem, undefined, { restarts: 2, restartIterations: 3000 });
  assert.equal(c.label, "degenerate-local-min");
  assert.equal(c.zeroModes, 4);
  assert.equal(c.gradNorm, 0);
  const flipped = flipOutputWeights(new Mlp(p.architecture), p.theta, [0]);
  assert.equal(classifyPoint(problem, flipped, { restarts: 0 }).label, "saddle");
});
