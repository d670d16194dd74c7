import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../../src/core/errors.js";
import { noisyStarts } from "../../../src/experiments/tian/noisy.js";
import { trainFc } from "../../../src/experiments/tian/train.js";

const base = {
  K: 2,
  d: 2,
  teacher: { kind: "orthonormal" },
  start: { kind: "gaussian", std: 0.5 },
  trainA: false,
  maxSteps: 400,
  seed: 1,
} as const;

test("a step size that blows the weights up ends as out-of-range (finite J and ‖∇J‖), never NaN", () => {
  for (const [activation, eta] of [
    ["tanh", 50],
    ["quadratic", 3],
  ] as const) {
    const r = trainFc({ ...base, eta, activation });
    assert.equal(r.outcome, "out-of-range", activation);
    assert.ok(r.loss !== null && Number.isFinite(r.gradNorm) && r.loss > 1e-3, activation);
  }
});

test("a bounded but unstable step (linear σ, η at 2/λ) ends as max-steps with finite numbers", () => {
  // linear σ, fixed a = 1: Σ_j w_j moves by −Kη(Σ w − Σ w*): η = 1 with K = 2 oscillates forever.
  const r = trainFc({ ...base, eta: 1, activation: "linear" });
  assert.equal(r.outcome, "max-steps");
  assert.ok(r.loss !== null && Number.isFinite(r.loss) && r.loss > 1);
});

test("teachers or starts beyond the quadrature's range are input errors naming the field", () => {
  assert.throws(
    () => trainFc({ ...base, teacher: { kind: "gaussian", scale: 30 }, eta: 0.1, activation: "softplus" }),
    (e: unknown) => e instanceof InputError && e.field === "teacher",
  );
  assert.throws(
    () => trainFc({ ...base, start: { kind: "gaussian", std: 40 }, eta: 0.1, activation: "tanh" }),
    (e: unknown) => e instanceof InputError && e.field === "start",
  );
  // ReLU's closed form has no range limit.
  assert.doesNotThrow(() =>
    trainFc({ ...base, start: { kind: "gaussian", std: 40 }, eta: 0.1, maxSteps: 1 }),
  );
});

test("fc noisy with tanh: near-symmetric starts reach the tanh teacher (success counted by J < 1e-8)", () => {
  const r = noisyStarts({
    K: 2,
    d: 2,
    noises: [1],
    runs: 2,
    eta: 1,
    maxSteps: 2000,
    seed: 1,
    activation: "tanh",
  });
  assert.equal(r.levels[0].success.count, 2);
  assert.equal(r.levels[0].failures.length, 0);
});

test("odd σ with trained a: a run that reaches the mirror (−W*, −a*) is at distance ≈ 0 from the teacher", () => {
  const r = trainFc({
    ...base,
    start: {
      kind: "given",
      W: Float64Array.from([-1.02, 0.01, 0.02, -0.98]),
      a: Float64Array.from([-0.97, -1.03]),
    },
    trainA: true,
    eta: 1.5,
    maxSteps: 3000,
    activation: "tanh",
  });
  assert.equal(r.outcome, "global");
  assert.ok(
    r.a?.every((x) => x < 0),
    "the run stays in the mirror basin (a < 0), so the check can fail",
  );
  assert.ok(r.teacherDistance && r.teacherDistance.max < 1e-3, `${r.teacherDistance?.max}`);
});
