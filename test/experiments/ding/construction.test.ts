import assert from "node:assert/strict";
import { test } from "node:test";
import { activationByName } from "../../../src/activations/registry.js";
import { InputError } from "../../../src/core/errors.js";
import { runDingExperiment } from "../../../src/experiments/ding/certify.js";
import { parseLabelledCsv } from "../../../src/experiments/ding/data-csv.js";
import { designResidual, quadraticMoment } from "../../../src/experiments/ding/residual-design.js";
import { gaussianInputs } from "../../../src/models/mlp/data.js";

test("designResidual: Σr = 0 and Σr·x = 0 to rounding, S ≻ 0, max|r| = 1 (d₀ = 3, N = 12)", () => {
  const x = gaussianInputs(5, 3, 12);
  const { r, minEigenvalueS, method } = designResidual(x);
  assert.equal(method, "exact");
  assert.ok(Math.abs(r.reduce((s, v) => s + v, 0)) < 1e-13);
  for (let a = 0; a < 3; a++) assert.ok(Math.abs(x.reduce((s, xi, i) => s + r[i] * xi[a], 0)) < 1e-13);
  assert.ok(minEigenvalueS > 0);
  assert.equal(Math.max(...Array.from(r, Math.abs)), 1);
  // Before scaling S was the identity: it stays a multiple of I.
  const s = quadraticMoment(x, r);
  assert.ok(Math.abs(s[0][1]) < 1e-12 && Math.abs(s[0][0] - s[2][2]) < 1e-12);
});

test("designResidual finds S ≻ 0 below the generic threshold when the points are not on a PSD quadric", () => {
  // d₀ = 2, N = 5 < 6: five points on a hyperbola xy = 1 (an indefinite quadric) plus noise-free.
  const x = [0.5, 1, 2, -1, -3].map((t) => Float64Array.of(t, 1 / t));
  const { r, minEigenvalueS } = designResidual(x);
  assert.ok(minEigenvalueS > 0);
  assert.ok(Math.abs(r.reduce((s, v) => s + v, 0)) < 1e-12);
});

test("designResidual rejects too few points and points on an ellipse with one-line input errors", () => {
  assert.throws(
    () => designResidual(gaussianInputs(1, 2, 3)),
    (e: unknown) => e instanceof InputError && /more than d0 \+ 1 = 3 points/.test(e.message),
  );
  const square = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
    [0.6, 0.8],
  ].map((p) => Float64Array.from(p));
  assert.throws(
    () => designResidual(square),
    (e: unknown) =>
      e instanceof InputError &&
      /positive semi-definite quadric/.test(e.message) &&
      !e.message.includes("\n"),
  );
});

for (const [name, widths] of [
  ["tanh", [4]],
  ["softplus", [3, 3]],
  ["gelu", [2]],
  ["elu", [3]],
  ["erf", [2, 2]],
  ["quadratic", [3]],
  ["swish", [2, 3, 2]],
] as const) {
  test(`${name} widths ${widths.join(",")}: certificate holds, zero modes = P − d₀d₁ − 1, restarts return, verdict sub-optimal`, () => {
    const r = runDingExperiment({
      activation: activationByName(name),
      widths,
      seed: 4,
      inputDim: 2,
      samples: 8,
      weights: "random",
      restarts: 2,
      restartIterations: 2000,
      trainingStarts: 2,
      skipControls: true,
    });
    const c = r.certificate!;
    assert.deepEqual(c.failures, []);
    assert.ok(c.r1 < 1e-14 && c.r2 < 1e-14);
    assert.ok(c.nearbyMinEigenvalueF.length === 3 && c.nearbyMinEigenvalueF.every((v) => v > 0));
    assert.ok(c.nearbyLossDeviation < 1e-12 * c.lossAtPoint);
    assert.equal(c.zeroModes, c.predictedZeroModes);
    assert.ok(c.gradNorm < 1e-12);
    assert.ok(r.restarts!.returned);
    assert.equal(r.verdict, "sub-optimal local minimum", r.reason);
    assert.ok(r.bestLoss!.bestLoss < c.lossAtPoint);
  });
}

test("deep negative control and escape path (tanh 4,4): saddle, GD escapes, constant valley then descent", () => {
  const r = runDingExperiment({
    activation: activationByName("tanh"),
    widths: [4, 4],
    seed: 2,
    inputDim: 2,
    samples: 8,
    weights: "random",
    restarts: 1,
    restartIterations: 200,
    trainingStarts: 1,
  });
  assert.equal(r.control!.label, "saddle");
  assert.ok(r.control!.escaped);
  const e = r.escape!;
  assert.ok(e.valleyDeviation <= 1e-14 * e.referenceLoss);
  assert.ok(e.descentCurvature < 0);
  let previous = e.referenceLoss;
  for (const p of e.descent) {
    assert.ok(p.loss < previous, `loss ${p.loss} at t = ${p.t}`);
    previous = p.loss;
  }
});

test("labels with a linear component give 'not a local minimum' with a non-zero gradient (R2 control)", () => {
  const x = [-1.5, -0.5, 0.5, 1.5].map((v) => Float64Array.of(v));
  const y = Float64Array.of(-1.2, 1, 1, -0.8);
  const r = runDingExperiment({
    activation: activationByName("sigmoid"),
    widths: [2],
    seed: 0,
    data: { x, y },
    restarts: 1,
    restartIterations: 10,
    trainingStarts: 1,
    skipControls: true,
  });
  assert.equal(r.verdict, "not a local minimum");
  assert.match(r.reason, /R2 fails/);
  assert.ok(r.certificate!.gradNorm > 1e-3);
});

test("convex labels (S ≺ 0) are handled by flipping the output sign: still a sub-optimal local minimum", () => {
  const x = [-1.5, -0.5, 0.5, 1.5].map((v) => Float64Array.of(v));
  const y = Float64Array.of(1, -1, -1, 1);
  const r = runDingExperiment({
    activation: activationByName("sigmoid"),
    widths: [2],
    seed: 0,
    data: { x, y },
    restarts: 2,
    restartIterations: 2000,
    trainingStarts: 2,
    skipControls: true,
  });
  assert.equal(r.certificate!.curvatureSign, -1);
  assert.equal(r.verdict, "sub-optimal local minimum", r.reason);
  // The minimum is not strict (the certificate's zero modes), so the proof of a strict minimum
  // (docs/proofs.md#the-mlp) must stop with that reason rather than certify it.
  assert.ok(r.certificate!.zeroModes > 0);
  assert.ok(r.proof && !r.proof.certified && /eigenvalue gap/.test(r.proof.reason), r.proof?.reason);
});

for (const name of ["relu", "leaky-relu", "linear"]) {
  test(`${name} is reported outside the theorem with a reason, without building anything`, () => {
    const r = runDingExperiment({
      activation: activationByName(name),
      widths: [3],
      seed: 0,
      inputDim: 2,
      samples: 8,
    });
    assert.equal(r.verdict, "outside the theorem");
    assert.match(r.reason, /σ'' [≡=] 0/);
    assert.equal(r.certificate, undefined);
  });
}

test("parseLabelledCsv: header required, last column is y, bad cells and ragged rows are one-line errors", () => {
  const d = parseLabelledCsv("x1,x2,y\n1,2,3\n4,5,6\n");
  assert.deepEqual(
    d.x.map((r) => Array.from(r)),
    [
      [1, 2],
      [4, 5],
    ],
  );
  assert.deepEqual(Array.from(d.y), [3, 6]);
  const fails = (text: string, pattern: RegExp) =>
    assert.throws(
      () => parseLabelledCsv(text),
      (e: unknown) => e instanceof InputError && pattern.test(e.message),
    );
  fails("1,2,3\n4,5,6", /header row/);
  fails("x,y\n1,2\n3", /row 3 must have 2 columns/);
  fails("x,y\n1,abc", /row 2, column 2 must be a finite number/);
  fails("", /empty/);
  fails("x,y\n", /no data rows/);
});
