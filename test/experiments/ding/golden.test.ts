/**
 * The worked example of docs/ding.md#the-worked-example: d₀ = 1, x = (−1.5, −0.5, 0.5, 1.5),
 * y = (−1, 1, 1, −1), m sigmoid units at w = 0, b = −1, v = 1, b₀ = −m·σ(−1).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { activationByName } from "../../../src/activations/registry.js";
import { runDingExperiment } from "../../../src/experiments/ding/certify.js";
import { buildDingPoint } from "../../../src/experiments/ding/construction.js";
import { escapePath } from "../../../src/experiments/ding/escape-path.js";

const sigmoid = activationByName("sigmoid");
const x = [-1.5, -0.5, 0.5, 1.5].map((v) => Float64Array.of(v));
const y = Float64Array.of(-1, 1, 1, -1);
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;

test("worked example's point: w = 0, b = −1, v = 1, b₀ = −m·σ(−1), output 0 everywhere", () => {
  const p = buildDingPoint({
    activation: sigmoid,
    widths: [3],
    inputs: x,
    labels: y,
    weights: "unit",
    seed: 0,
  });
  assert.deepEqual(Array.from(p.theta.subarray(0, 6)), [0, 0, 0, -1, -1, -1]);
  assert.deepEqual(Array.from(p.theta.subarray(6, 9)), [1, 1, 1]);
  assert.ok(close(p.theta[9], -3 * sigmoid.value(-1), 1e-15));
  assert.deepEqual(Array.from(p.residual), [1, -1, -1, 1]);
  assert.equal(p.curvatureSign, 1);
});

for (const m of [1, 2, 4]) {
  test(`worked example with m = ${m}: L* = 2, zero gradient, 2m zero modes of 3m+1, smallest positive eigenvalue ${m === 1 ? "0.5567" : "0.3634"}, verdict sub-optimal`, () => {
    const r = runDingExperiment({
      activation: sigmoid,
      widths: [m],
      seed: 1,
      data: { x, y },
      weights: "unit",
      restarts: 3,
      restartIterations: 3000,
      trainingStarts: 2,
      skipControls: true,
    });
    const c = r.certificate!;
    assert.ok(close(c.lossAtPoint, 2, 1e-14));
    assert.equal(c.gradNorm, 0);
    assert.equal(c.parameters, 3 * m + 1);
    assert.equal(c.zeroModes, 2 * m);
    assert.equal(c.predictedZeroModes, 2 * m);
    assert.equal(c.index, 0);
    assert.ok(c.minEigenvalue > -1e-12);
    const positive = Array.from(c.eigenvalues).filter((v) => v > c.zeroThreshold);
    assert.ok(close(positive[0], m === 1 ? 0.5567 : 0.3634, 6e-5), `${positive[0]}`);
    assert.ok(close(c.minEigenvalueS, 4, 1e-14), "S = Σ r x² = 4");
    assert.ok(close(c.minEigenvalueF, sigmoid.d2(-1), 1e-15), "∇²F = diag(v σ''(−1))");
    assert.ok(r.restarts!.returned && !r.restarts!.descended);
    assert.equal(r.verdict, "sub-optimal local minimum");
    // m = 1: the best single-unit fit is about 4/3; wider nets interpolate.
    if (m === 1)
      assert.ok(r.bestLoss!.bestLoss > 1.3 && r.bestLoss!.bestLoss < 1.34, `${r.bestLoss!.bestLoss}`);
    else assert.ok(r.bestLoss!.bestLoss < 1e-12, `${r.bestLoss!.bestLoss}`);
  });
}

test("escape at m = 2: loss rises with w₁ at the point, stays 2 along the valley, then falls (the table of docs/ding.md)", () => {
  const p = buildDingPoint({
    activation: sigmoid,
    widths: [2],
    inputs: x,
    labels: y,
    weights: "unit",
    seed: 0,
  });
  const e = escapePath(p, { steps: [0.1, 0.3, 1] });
  assert.equal(e.valleyEndFactor, -0.5);
  assert.deepEqual(e.flipped, [0]);
  const rise = e.rise.map((q) => q.loss);
  [2.00278, 2.02463, 2.22912].forEach((v, i) => assert.ok(close(rise[i], v, 5e-6), `rise ${rise[i]}`));
  assert.ok(e.valleyDeviation < 1e-14);
  const fall = e.descent.map((q) => q.loss);
  [1.99934, 1.9942, 1.95352].forEach((v, i) => assert.ok(close(fall[i], v, 5e-6), `fall ${fall[i]}`));
});

test("negative control at m = 2: flipping v₁ gives a saddle with a negative eigenvalue, and GD escapes", () => {
  const r = runDingExperiment({
    activation: sigmoid,
    widths: [2],
    seed: 1,
    data: { x, y },
    weights: "unit",
    restarts: 1,
    restartIterations: 100,
    trainingStarts: 1,
  });
  const c = r.control!;
  assert.equal(c.label, "saddle");
  assert.ok(c.index >= 1 && c.minEigenvalue < -1e-3);
  assert.ok(c.minEigenvalueF < 0);
  assert.ok(c.escaped && c.lossAfterDescent < 2 * (1 - 1e-3));
});
