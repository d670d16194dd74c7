import assert from "node:assert/strict";
import { test } from "node:test";
import { quadratureCnnKernel } from "../../src/activations/gaussian/cnn-kernel.js";
import { quadraturePairKernel } from "../../src/activations/gaussian/fc-pair-kernel.js";
import { pairExpectation } from "../../src/activations/gaussian/pair-expectation.js";
import { activationByName } from "../../src/activations/registry.js";
import { Rng } from "../../src/math/rng.js";
import { reluKernel } from "../../src/models/cnn/activation-kernel.js";
import { reluPairKernel } from "../../src/models/fc/relu-kernel.js";

const rhos = [-0.999, -0.99, -0.7, -0.2, 0, 0.3, 0.8, 0.99, 0.999];

test("ReLU by split quadrature matches the arc-cosine closed forms κ, κ', κ'' to 1e-10", () => {
  const q = quadratureCnnKernel(activationByName("relu"));
  assert.ok(Math.abs(q.mean - reluKernel.mean) < 1e-13);
  assert.ok(Math.abs(q.meanSquare - 0.5) < 1e-13);
  for (const rho of rhos) {
    assert.ok(Math.abs(q.kappa(rho) - reluKernel.kappa(rho)) < 1e-10, `κ(${rho})`);
    assert.ok(Math.abs(q.dkappa(rho) - reluKernel.dkappa(rho)) < 1e-10, `κ'(${rho})`);
    assert.ok(
      Math.abs(q.d2kappa(rho) - reluKernel.d2kappa(rho)) < 1e-10 * reluKernel.d2kappa(rho),
      `κ''(${rho})`,
    );
  }
});

test("erf: κ(ρ) = (2/π)·asin(2ρ/3) for σ = erf (E[erf(u)erf(v)] = (2/π)asin(2ρ/√((1+2)(1+2)))), with κ' and κ'' to 1e-12", () => {
  const q = quadratureCnnKernel(activationByName("erf"));
  assert.ok(Math.abs(q.mean) < 1e-15);
  for (const rho of rhos) {
    const c = (2 * rho) / 3;
    assert.ok(Math.abs(q.kappa(rho) - (2 / Math.PI) * Math.asin(c)) < 1e-12, `κ(${rho})`);
    const d1 = ((2 / Math.PI) * (2 / 3)) / Math.sqrt(1 - c * c);
    assert.ok(Math.abs(q.dkappa(rho) - d1) < 1e-12, `κ'(${rho})`);
    const d2 = ((2 / Math.PI) * (4 / 9) * c) / (1 - c * c) ** 1.5;
    assert.ok(Math.abs(q.d2kappa(rho) - d2) < 1e-12, `κ''(${rho})`);
  }
});

for (const name of ["sigmoid", "tanh", "softplus", "swish", "gelu", "elu", "leaky-relu"]) {
  test(`${name}: κ(0) = μ², κ(1) = m₂, κ' and κ'' match central differences of κ and κ'`, () => {
    const q = quadratureCnnKernel(activationByName(name));
    assert.ok(Math.abs(q.kappa(0) - q.mean ** 2) < 1e-12);
    assert.ok(Math.abs(q.kappa(1) - q.meanSquare) < 1e-10);
    for (const rho of [-0.6, 0.1, 0.7]) {
      const h = 1e-4;
      const fd1 = (q.kappa(rho + h) - q.kappa(rho - h)) / (2 * h);
      const fd2 = (q.dkappa(rho + h) - q.dkappa(rho - h)) / (2 * h);
      assert.ok(Math.abs(fd1 - q.dkappa(rho)) < 1e-7, `κ'(${rho}): ${q.dkappa(rho)} vs ${fd1}`);
      assert.ok(Math.abs(fd2 - q.d2kappa(rho)) < 1e-7, `κ''(${rho}): ${q.d2kappa(rho)} vs ${fd2}`);
    }
  });
}

test("smooth activations: Gauss–Hermite order 128 (the default) agrees with order 300 to 1e-10 (sigmoid, tanh, gelu)", () => {
  for (const name of ["sigmoid", "tanh", "gelu"]) {
    const act = activationByName(name);
    const integrand = { f: act.value, g: act.value };
    for (const rho of [-0.9, 0.5, 0.95]) {
      const a = pairExpectation(integrand, rho, 1.3, 0.7, { hermiteOrder: 128 });
      const b = pairExpectation(integrand, rho, 1.3, 0.7, { hermiteOrder: 300 });
      assert.ok(Math.abs(a - b) < 1e-10, `${name} ρ=${rho}: ${a - b}`);
    }
  }
});

test("tanh κ(0.5) agrees with Monte Carlo within 4 standard errors (n = 200000)", () => {
  const q = quadratureCnnKernel(activationByName("tanh"));
  const rng = Rng.fromSeed(17, 1);
  const n = 200000;
  const rho = 0.5;
  const s = Math.sqrt(1 - rho * rho);
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.normal();
    const v = rho * u + s * rng.normal();
    const x = Math.tanh(u) * Math.tanh(v);
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  const se = Math.sqrt((sq / n - mean * mean) / n);
  assert.ok(Math.abs(mean - q.kappa(rho)) < 4 * se, `${mean} vs ${q.kappa(rho)} (se ${se})`);
});

test("FC pair kernel: ReLU quadrature matches reluPairKernel.first (k, cw, cv) to 1e-9", () => {
  const q = quadraturePairKernel(activationByName("relu"));
  for (const [a, b, theta] of [
    [1, 1, 0.4],
    [0.7, 1.8, 1.3],
    [2.2, 0.5, 2.9],
  ]) {
    const angle = { theta, cos: Math.cos(theta), sin: Math.sin(theta) };
    const exact = { k: 0, cw: 0, cv: 0 };
    const quad = { k: 0, cw: 0, cv: 0 };
    reluPairKernel.first(a, b, angle, exact);
    q.first(a, b, angle, quad);
    for (const key of ["k", "cw", "cv"] as const)
      assert.ok(
        Math.abs(exact[key] - quad[key]) < 1e-9,
        `${key} at (${a}, ${b}, ${theta}): ${exact[key]} vs ${quad[key]}`,
      );
  }
});

test("FC pair kernel (tanh): T = cw·w + cv·v equals the gradient of k(w, v) in w by central differences", () => {
  const q = quadraturePairKernel(activationByName("tanh"));
  const kOf = (w: number[], v: number[]) => {
    const a = Math.hypot(w[0], w[1]);
    const b = Math.hypot(v[0], v[1]);
    const cos = (w[0] * v[0] + w[1] * v[1]) / (a * b);
    const theta = Math.acos(Math.min(1, Math.max(-1, cos)));
    const out = { k: 0, cw: 0, cv: 0 };
    q.first(a, b, { theta, cos, sin: Math.sin(theta) }, out);
    return out;
  };
  const w = [0.9, 0.4];
  const v = [-0.3, 1.2];
  const at = kOf(w, v);
  const h = 1e-5;
  for (let i = 0; i < 2; i++) {
    const wp = [...w];
    const wm = [...w];
    wp[i] += h;
    wm[i] -= h;
    const fd = (kOf(wp, v).k - kOf(wm, v).k) / (2 * h);
    assert.ok(Math.abs(fd - (at.cw * w[i] + at.cv * v[i])) < 1e-8, `component ${i}`);
  }
});
