import assert from "node:assert/strict";
import { test } from "node:test";
import { centralGradient, centralHessian } from "../../../src/math/finite-difference.js";
import { Rng } from "../../../src/math/rng.js";
import {
  type CnnActivationKernel,
  kernelAtAngle,
  reluG,
  reluKernel,
} from "../../../src/models/cnn/activation-kernel.js";
import {
  cnnAngle,
  cnnPopulationGradient,
  cnnPopulationHessian,
  cnnPopulationLoss,
} from "../../../src/models/cnn/population.js";
import {
  cnnSampledLossGradient,
  cnnSampledLossGradientUnchecked,
  cnnSampleLabels,
  drawCnnInputs,
} from "../../../src/models/cnn/sampled.js";
import { type CnnTeacher, cnnTeacher } from "../../../src/models/cnn/teacher.js";
import { cnnSampleTerm } from "../../helpers/cnn-sample-term.js";

const k = 4;
const p = 3;

function randomTeacher(seed: number): CnnTeacher {
  const rng = Rng.fromSeed(seed, 0);
  return cnnTeacher(
    rng.onSphere(p),
    Float64Array.from(rng.normals(k), (x) => x + 0.3),
  );
}

/** A student at angle φ from the teacher's filter, with ‖v‖ = r. */
function studentAt(teacher: CnnTeacher, phi: number, r: number, seed: number) {
  const rng = Rng.fromSeed(seed, 1);
  const e = rng.normals(p);
  let d = 0;
  for (let i = 0; i < p; i++) d += e[i] * teacher.w[i];
  for (let i = 0; i < p; i++) e[i] -= d * teacher.w[i];
  const n = Math.hypot(...e);
  const v = Float64Array.from(teacher.w, (w, i) => r * (Math.cos(phi) * w + (Math.sin(phi) * e[i]) / n));
  const a = rng.normals(k);
  return { v, a };
}

/** The paper's Theorem 3.1 arrangement, written out independently of population.ts. */
function theorem31(teacher: CnnTeacher, v: Float64Array, a: Float64Array): number {
  const phi = cnnAngle(teacher, v);
  const g = reluG(phi);
  const sum = (x: ArrayLike<number>) => Array.from(x).reduce((s, y) => s + y, 0);
  const sq = (x: ArrayLike<number>) => Array.from(x).reduce((s, y) => s + y * y, 0);
  const dotaa = Array.from(a).reduce((s, y, i) => s + y * teacher.a[i], 0);
  const tp = 2 * Math.PI;
  return (
    0.5 * (((Math.PI - 1) / tp) * sq(teacher.a) + sum(teacher.a) ** 2 / tp) -
    (((g - 1) / tp) * dotaa + (sum(a) * sum(teacher.a)) / tp) +
    0.5 * (((Math.PI - 1) / tp) * sq(a) + sum(a) ** 2 / tp)
  );
}

const angles = [1e-3, 0.7, Math.PI / 2, 2.4, Math.PI - 1e-3];

test("ReLU kernel: κ' and κ'' are the derivatives of κ, and atAngle agrees with the ρ forms", () => {
  for (const rho of [-0.95, -0.5, 0, 0.3, 0.9]) {
    const h = 1e-5;
    const dk = (reluKernel.kappa(rho + h) - reluKernel.kappa(rho - h)) / (2 * h);
    const d2k = (reluKernel.dkappa(rho + h) - reluKernel.dkappa(rho - h)) / (2 * h);
    assert.ok(Math.abs(dk - reluKernel.dkappa(rho)) < 1e-9);
    assert.ok(Math.abs(d2k - reluKernel.d2kappa(rho)) < 1e-7);
    const at = reluKernel.atAngle!(Math.acos(rho));
    assert.ok(Math.abs(at.kappa - reluKernel.kappa(rho)) < 1e-15);
    assert.ok(Math.abs(at.dkappa - reluKernel.dkappa(rho)) < 1e-15);
    assert.ok(Math.abs(at.d2kappaSin2 - reluKernel.d2kappa(rho) * (1 - rho * rho)) < 1e-15);
  }
  assert.equal(reluKernel.kappa(1), reluKernel.meanSquare);
  assert.ok(Math.abs(reluKernel.kappa(0) - reluKernel.mean ** 2) < 1e-16);
});

test("ReLU kernel κ(ρ) equals E[σ(u)σ(v)] by Monte Carlo within 4 standard errors", () => {
  const rng = Rng.fromSeed(11);
  for (const rho of [-0.8, 0.2, 0.95]) {
    const n = 400000;
    let s = 0;
    let s2 = 0;
    const c = Math.sqrt(1 - rho * rho);
    for (let i = 0; i < n; i++) {
      const u = rng.normal();
      const w = rho * u + c * rng.normal();
      const x = Math.max(u, 0) * Math.max(w, 0);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const se = Math.sqrt((s2 / n - mean * mean) / n);
    assert.ok(
      Math.abs(mean - reluKernel.kappa(rho)) < 4 * se,
      `ρ=${rho}: ${mean} vs ${reluKernel.kappa(rho)}`,
    );
  }
});

test("population loss equals the Theorem 3.1 arrangement", () => {
  const teacher = randomTeacher(1);
  for (const phi of angles) {
    const { v, a } = studentAt(teacher, phi, 1.7, 2);
    const ours = cnnPopulationLoss(teacher, v, a);
    assert.ok(Math.abs(ours - theorem31(teacher, v, a)) < 1e-14 * (1 + Math.abs(ours)));
  }
});

function monteCarloCheck(phi: number, index: number): void {
  const teacher = randomTeacher(3);
  const n = 1_000_000;
  const { v, a } = studentAt(teacher, phi, 1.3, 10 + index);
  const rng = Rng.fromSeed(4, index);
  const patches = new Float64Array(k * p);
  const grad = { v: new Float64Array(p), a: new Float64Array(k), weight: 1, normalised: true };
  const sum = new Float64Array(1 + p + k);
  const sum2 = new Float64Array(1 + p + k);
  const scratch = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    rng.normals(k * p, patches);
    grad.v.fill(0);
    grad.a.fill(0);
    const l = cnnSampleTerm(teacher, v, a, patches, 0, grad, scratch);
    sum[0] += l;
    sum2[0] += l * l;
    for (let j = 0; j < p; j++) {
      sum[1 + j] += grad.v[j];
      sum2[1 + j] += grad.v[j] * grad.v[j];
    }
    for (let j = 0; j < k; j++) {
      sum[1 + p + j] += grad.a[j];
      sum2[1 + p + j] += grad.a[j] * grad.a[j];
    }
  }
  const exactGrad = cnnPopulationGradient(teacher, v, a);
  const exact = [cnnPopulationLoss(teacher, v, a), ...exactGrad.v, ...exactGrad.a];
  exact.forEach((x, j) => {
    const mean = sum[j] / n;
    const se = Math.sqrt(Math.max(0, sum2[j] / n - mean * mean) / n);
    assert.ok(Math.abs(mean - x) < 4 * se + 1e-12, `φ=${phi} term ${j}: MC ${mean} ± ${se}, exact ${x}`);
  });
}

for (const [index, [label, phi]] of (
  [
    ["near 0", 0.01],
    ["= 1.1", 1.1],
    ["near π", Math.PI - 0.01],
  ] as const
).entries()) {
  test(`loss and gradients at φ ${label} equal the Monte-Carlo mean over 10^6 inputs within 4 standard errors`, () =>
    monteCarloCheck(phi, index));
}

test("the batch sampled gradient, with or without precomputed labels, is bit-identical to summing the per-sample terms", () => {
  const teacher = randomTeacher(21);
  const rng = Rng.fromSeed(22);
  const n = 50;
  const patches = drawCnnInputs(rng, n, k, p);
  const labels = cnnSampleLabels(teacher, patches);
  for (const normalised of [true, false])
    for (const indices of [n, Int32Array.from([3, 3, 17, 49, 0])]) {
      const { v, a } = studentAt(teacher, 1.3, 0.9, 23);
      const count = typeof indices === "number" ? indices : indices.length;
      const grad = { v: new Float64Array(p), a: new Float64Array(k), weight: 1 / count, normalised };
      let loss = 0;
      for (let t = 0; t < count; t++)
        loss += cnnSampleTerm(teacher, v, a, patches, typeof indices === "number" ? t : indices[t], grad);
      for (const given of [undefined, labels]) {
        const batch = cnnSampledLossGradientUnchecked(teacher, v, a, patches, indices, normalised, given);
        assert.equal(batch.loss, loss / count);
        assert.deepEqual(Array.from(batch.v), Array.from(grad.v));
        assert.deepEqual(Array.from(batch.a), Array.from(grad.a));
      }
    }
});

test("population gradient equals central differences of the loss, including φ near 0 and π", () => {
  const teacher = randomTeacher(5);
  for (const phi of angles) {
    const { v, a } = studentAt(teacher, phi, 0.8, 6);
    const x = Float64Array.from([...v, ...a]);
    const f = (y: Float64Array) => cnnPopulationLoss(teacher, y.subarray(0, p), y.subarray(p));
    const fd = centralGradient(f, x, 1e-6);
    const g = cnnPopulationGradient(teacher, v, a);
    const exact = [...g.v, ...g.a];
    exact.forEach((gi, i) => assert.ok(Math.abs(gi - fd[i]) < 1e-8, `φ=${phi} i=${i}: ${gi} vs ${fd[i]}`));
  }
});

test("the v-gradient is orthogonal to v", () => {
  const teacher = randomTeacher(7);
  for (const phi of angles) {
    const { v, a } = studentAt(teacher, phi, 2.5, 8);
    const g = cnnPopulationGradient(teacher, v, a);
    const d = v.reduce((s, x, i) => s + x * g.v[i], 0);
    assert.ok(Math.abs(d) < 1e-15);
  }
});

test("analytic Hessian equals central differences of the analytic gradient (to 1e-7)", () => {
  const teacher = randomTeacher(9);
  for (const phi of [0.05, 0.9, Math.PI / 2, 2.6, Math.PI - 0.05]) {
    const { v, a } = studentAt(teacher, phi, 1.2, 10);
    const x = Float64Array.from([...v, ...a]);
    const grad = (y: Float64Array) => {
      const g = cnnPopulationGradient(teacher, y.subarray(0, p), y.subarray(p));
      return Float64Array.from([...g.v, ...g.a]);
    };
    const fd = centralHessian(grad, x, 1e-5);
    const h = cnnPopulationHessian(teacher, v, a);
    for (let i = 0; i < p + k; i++)
      for (let j = 0; j < p + k; j++)
        assert.ok(Math.abs(h[i][j] - fd[i][j]) < 1e-7, `φ=${phi} (${i},${j}): ${h[i][j]} vs ${fd[i][j]}`);
  }
});

test("the Hessian is finite and continuous at φ = 0 and φ = π", () => {
  const teacher = randomTeacher(12);
  for (const phi of [0, Math.PI]) {
    const at = studentAt(teacher, phi, 1, 13);
    const near = studentAt(teacher, phi === 0 ? 1e-7 : Math.PI - 1e-7, 1, 13);
    const h0 = cnnPopulationHessian(teacher, at.v, at.a);
    const h1 = cnnPopulationHessian(teacher, near.v, near.a);
    for (let i = 0; i < p + k; i++)
      for (let j = 0; j < p + k; j++) {
        assert.ok(Number.isFinite(h0[i][j]));
        assert.ok(Math.abs(h0[i][j] - h1[i][j]) < 1e-6);
      }
  }
});

test("a kernel without atAngle (the ρ forms only) gives the same landscape", () => {
  const { atAngle: _unused, ...rest } = reluKernel;
  const rhoOnly: CnnActivationKernel = rest;
  const teacher = randomTeacher(14);
  for (const phi of [0, 0.3, 1.5, 2.8, Math.PI]) {
    const { v, a } = studentAt(teacher, phi, 1, 15);
    assert.ok(Math.abs(cnnPopulationLoss(teacher, v, a, rhoOnly) - cnnPopulationLoss(teacher, v, a)) < 1e-13);
    const h1 = cnnPopulationHessian(teacher, v, a, rhoOnly);
    const h2 = cnnPopulationHessian(teacher, v, a);
    h1.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(x - h2[i][j]) < 1e-12)));
    const at = kernelAtAngle(rhoOnly, phi);
    assert.ok(Math.abs(at.kappa - reluG(phi) / (2 * Math.PI)) < 1e-14);
  }
});

test("the sampled gradient converges to the population gradient as n grows", () => {
  const teacher = randomTeacher(16);
  const { v, a } = studentAt(teacher, 1.2, 1, 17);
  const exact = cnnPopulationGradient(teacher, v, a);
  const errorAt = (n: number) => {
    let total = 0;
    const reps = 4;
    for (let rep = 0; rep < reps; rep++) {
      const data = drawCnnInputs(Rng.fromSeed(18, n, rep), n, k, p);
      const g = cnnSampledLossGradient(teacher, v, a, data, n);
      let e = 0;
      for (let i = 0; i < p; i++) e += (g.v[i] - exact.v[i]) ** 2;
      for (let j = 0; j < k; j++) e += (g.a[j] - exact.a[j]) ** 2;
      total += e;
    }
    return Math.sqrt(total / reps);
  };
  const e100 = errorAt(100);
  const e1k = errorAt(1000);
  const e30k = errorAt(30000);
  // Root-mean-square error ∝ 1/√n: factors √10 ≈ 3.2 and √300 ≈ 17, allowing for noise.
  assert.ok(e1k < e100 / 2, `${e100} → ${e1k}`);
  assert.ok(e30k < e100 / 8, `${e100} → ${e30k}`);
  assert.ok(e30k < e1k / 2.5, `${e1k} → ${e30k}`);
});

test("a teacher filter of any norm is normalised with its norm moved into a*", () => {
  const t = cnnTeacher([0, 3, 4], [1, -2]);
  assert.deepEqual(Array.from(t.w), [0, 0.6, 0.8]);
  assert.deepEqual(Array.from(t.a), [5, -10]);
  assert.equal(t.wNorm, 5);
});
