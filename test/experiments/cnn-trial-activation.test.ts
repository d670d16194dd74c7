import assert from "node:assert/strict";
import { test } from "node:test";
import { quadratureCnnKernel } from "../../src/activations/gaussian/cnn-kernel.js";
import { activationByName } from "../../src/activations/registry.js";
import { InputError } from "../../src/core/errors.js";
import { type CnnTrialSpec, validateCnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { runCnnTrial, runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { centralGradient } from "../../src/math/finite-difference.js";
import { Rng } from "../../src/math/rng.js";
import { cnnKernelFor } from "../../src/models/cnn/kernels.js";
import { cnnKernelState } from "../../src/models/cnn/population-state.js";
import { cnnSampledLossGradientFor, drawCnnInputs } from "../../src/models/cnn/sampled.js";
import { cnnKernelAlignedPoint } from "../../src/models/cnn/stationary.js";
import { cnnTeacher, cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import { CnnKernelRules } from "../../src/train/cnn/kernel-rules.js";

const small: CnnTrialSpec = { k: 4, p: 4, ratio: 2, anorm: 1, eta: 0.5, maxSteps: 3000, init: "paper" };

test("relu through its quadrature kernel gives the closed-form trial's outcome and end state", () => {
  const spec: CnnTrialSpec = { ...small, maxSteps: 100, path: "full", earlyStop: false };
  const exact = runCnnTrial(spec, Rng.fromSeed(1, 0));
  const quad = runCnnTrialDetailed(spec, Rng.fromSeed(1, 0), {
    kernel: quadratureCnnKernel(activationByName("relu")),
  }).result;
  assert.equal(quad.outcome, exact.outcome);
  assert.equal(quad.steps, exact.steps);
  for (const key of ["loss", "gradNorm", "phi", "aDotAstar", "oneDotA", "vNorm"] as const)
    assert.ok(
      Math.abs((quad[key] as number) - (exact[key] as number)) < 1e-8,
      `${key}: ${quad[key]} vs ${exact[key]}`,
    );
});

test("the kernel state's loss and WN gradient match Monte Carlo (4 s.e.) and central differences", () => {
  const k = 3;
  const p = 3;
  const teacher = cnnTeacherFromRatio(k, p, 1.5, 1);
  const v = Float64Array.from([0.4, -0.9, 0.3]);
  const a = Float64Array.from([0.5, -0.2, 0.8]);
  const n = 20000;
  for (const name of ["tanh", "softplus", "gelu"]) {
    const act = activationByName(name);
    const kernel = cnnKernelFor(name);
    const grad = { v: new Float64Array(p), a: new Float64Array(k) };
    const state = cnnKernelState(teacher, kernel, v, a, grad);
    const patches = drawCnnInputs(Rng.fromSeed(7, k), n, k, p);
    // Per-sample loss and gradient: mean and standard error of each.
    const sums = new Float64Array(1 + p + k);
    const squares = new Float64Array(1 + p + k);
    for (let i = 0; i < n; i++) {
      const e = cnnSampledLossGradientFor(act, teacher, v, a, patches, [i]);
      const values = [e.loss, ...e.v, ...e.a];
      values.forEach((x, j) => {
        sums[j] += x;
        squares[j] += x * x;
      });
    }
    const exact = [state.loss, ...grad.v, ...grad.a];
    exact.forEach((x, j) => {
      const mean = sums[j] / n;
      const se = Math.sqrt(Math.max(0, squares[j] / n - mean * mean) / n);
      assert.ok(Math.abs(mean - x) < 4 * se + 1e-12, `${name} [${j}]: MC ${mean} ± ${se} vs ${x}`);
    });
    const flat = Float64Array.from([...v, ...a]);
    const fd = centralGradient(
      (x) => cnnKernelState(teacher, kernel, x.subarray(0, p), x.subarray(p)).loss,
      flat,
      1e-4,
    );
    exact.slice(1).forEach((x, j) => {
      assert.ok(Math.abs(fd[j] - x) < 1e-7, `${name} d/dx[${j}]: fd ${fd[j]} vs ${x}`);
    });
  }
});

test("a seeded good start converges to global for smooth activations, odd ones also to the mirror", () => {
  const soft = runCnnTrial({ ...small, activation: "softplus" }, Rng.fromSeed(3, 0));
  assert.equal(soft.outcome, "global");
  assert.ok(soft.phi < 1e-3 && (soft.loss as number) < 1e-6, JSON.stringify(soft));
  // tanh is odd: from this start WN-GD reaches (−w*, −a*), which computes the teacher's function.
  const tanh = runCnnTrial({ ...small, activation: "tanh" }, Rng.fromSeed(1, 0));
  assert.equal(tanh.outcome, "global");
  assert.ok(tanh.phi > Math.PI - 1e-3 && Math.abs(tanh.loss as number) < 1e-6, JSON.stringify(tanh));
});

test("the φ = π stationary point is classified by its Hessian: spurious iff −aᵀa*·κ'(−1) > 0", () => {
  // At φ = π, q = 0: no cross term, A > 0 on a, and −s·κ'(−1)/r² on the directions v can turn in.
  const seen = new Set<string>();
  for (const name of ["softplus", "gelu", "tanh"]) {
    const kernel = cnnKernelFor(name);
    for (const ratio of [0.2, 3.8]) {
      const teacher = cnnTeacherFromRatio(4, 4, ratio, 1);
      const { v, a } = cnnKernelAlignedPoint(teacher, kernel, -1);
      const snap = cnnKernelState(teacher, kernel, v, a);
      assert.ok(snap.gradNorm < 1e-10, `${name}: ‖∇ℓ‖ = ${snap.gradNorm}`);
      const odd = name === "tanh";
      const label = new CnnKernelRules(teacher, kernel, 0.5, odd).classify("budget", snap, v, a);
      const curvature = -snap.aDotAstar * kernel.dkappa(-1);
      const expected = odd ? "global" : curvature > 1e-9 ? "spurious" : curvature < -1e-9 ? "saddle" : "?";
      assert.equal(label, expected, `${name} ratio ${ratio}: s = ${snap.aDotAstar}`);
      seen.add(label);
    }
  }
  assert.ok(seen.has("spurious") && seen.has("saddle"), [...seen].join(","));
});

test("validateCnnTrialSpec checks the activation by name and its compatible methods", () => {
  assert.equal(validateCnnTrialSpec({ ...small, activation: "SiLU" }).activation, "swish");
  assert.equal(validateCnnTrialSpec({ ...small }).activation, undefined);
  for (const [spec, field] of [
    [{ ...small, activation: "relu6" }, "activation"],
    [{ ...small, activation: 3 }, "activation"],
    [{ ...small, activation: "tanh", method: "gd" }, "method"],
    [{ ...small, activation: "tanh", path: "reduced" }, "path"],
  ] as const) {
    assert.throws(
      () => validateCnnTrialSpec(spec),
      (e: unknown) => e instanceof InputError && e.message.includes(field) && !e.message.includes("\n"),
    );
  }
  const scaled = cnnTeacher([2, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]);
  assert.throws(
    () => runCnnTrialDetailed({ ...small, activation: "tanh" }, Rng.fromSeed(1, 0), { teacher: scaled }),
    InputError,
  );
});

test("finite-sample GD and SGD on σ itself reach global from the good start, reproducibly", () => {
  for (const extra of [{ samples: 200 }, { samples: 200, batch: 50 }, { batch: 20 }]) {
    const spec = { ...small, maxSteps: 400, activation: "softplus", ...extra };
    const r = runCnnTrial(spec, Rng.fromSeed(3, 0));
    assert.equal(r.outcome, "global", JSON.stringify(extra));
    assert.deepEqual(runCnnTrial(spec, Rng.fromSeed(3, 0)), r);
  }
});

test('activation "relu" is the default path, bit for bit', () => {
  for (const extra of [{}, { path: "full" as const }, { method: "gd" as const }, { samples: 50 }]) {
    const spec = { ...small, maxSteps: 300, ...extra };
    assert.deepEqual(
      runCnnTrial({ ...spec, activation: "relu" }, Rng.fromSeed(5, 1)),
      runCnnTrial(spec, Rng.fromSeed(5, 1)),
    );
  }
});
