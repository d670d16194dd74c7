import assert from "node:assert/strict";
import { test } from "node:test";
import { Rng } from "../../../src/math/rng.js";
import { hessianSpectrum } from "../../../src/math/spectrum.js";
import { reluG } from "../../../src/models/cnn/activation-kernel.js";
import {
  cnnPopulationGradient,
  cnnPopulationHessian,
  cnnPopulationLoss,
} from "../../../src/models/cnn/population.js";
import { spuriousRatioThreshold } from "../../../src/models/cnn/protocol.js";
import {
  cnnStationaryPoints,
  isSpuriousLocalMinimum,
  saddleAngle,
  saddleG,
  spuriousLoss,
  spuriousOutputWeights,
  stationaryOutputWeights,
} from "../../../src/models/cnn/stationary.js";
import { type CnnTeacher, cnnTeacherFromRatio } from "../../../src/models/cnn/teacher.js";

const degrees = (x: number) => (x * 180) / Math.PI;
const lossAt = (t: CnnTeacher) => (v: Float64Array, a: Float64Array) => cnnPopulationLoss(t, v, a);
const maxAbs = (x: ArrayLike<number>) => Array.from(x).reduce((m, y) => Math.max(m, Math.abs(y)), 0);
const dot = (x: ArrayLike<number>, y: ArrayLike<number>) =>
  Array.from(x).reduce((s, xi, i) => s + xi * y[i], 0);

test("teacher from ratio has (1ᵀa*)² = R‖a*‖² and ‖a*‖ = A", () => {
  for (const [k, R, A] of [
    [25, 0, 1],
    [25, 4, 2],
    [100, 25, 0.5],
    [3, 3, 1],
  ]) {
    const t = cnnTeacherFromRatio(k, 7, R, A);
    const S = t.a.reduce((s, x) => s + x, 0);
    const N = dot(t.a, t.a);
    assert.ok(Math.abs(Math.sqrt(N) - A) < 1e-14);
    assert.ok(Math.abs(S * S - R * N) < 1e-12);
    assert.equal(t.w[0], 1);
  }
});

test("the table of docs/du-cnn.md#the-spurious-point: spurious loss, loss at a = 0 and the existence threshold", () => {
  const rows = [
    [25, 1, 0.1468, 0.25, 8.64],
    [25, 4, 0.1873, 0.4887, 8.64],
    [100, 9, 0.1656, 0.8866, 32.51],
  ];
  for (const [k, R, ls, l0, threshold] of rows) {
    const t = cnnTeacherFromRatio(k, 5, R, 1);
    assert.ok(Math.abs(spuriousLoss(t) - ls) < 5e-5, `k=${k} R=${R}: ${spuriousLoss(t)}`);
    const v = Float64Array.from(t.w);
    assert.ok(Math.abs(cnnPopulationLoss(t, v, new Float64Array(k)) - l0) < 5e-5);
    assert.ok(Math.abs(spuriousRatioThreshold(k) - threshold) < 5e-3);
  }
  // k = 1, a* = 1: ℓ_s = ¼.
  assert.ok(Math.abs(spuriousLoss(cnnTeacherFromRatio(1, 3, 1, 1)) - 0.25) < 1e-15);
});

test("the examples of the saddle angle in docs/du-cnn.md: 93.0°, 104.9°, 97.9°", () => {
  for (const [k, R, deg] of [
    [25, 1, 93.0],
    [25, 4, 104.9],
    [100, 9, 97.9],
  ]) {
    const phi = saddleAngle(cnnTeacherFromRatio(k, 5, R, 1));
    assert.ok(phi !== undefined);
    assert.ok(Math.abs(degrees(phi) - deg) < 0.05, `k=${k} R=${R}: ${degrees(phi)}`);
  }
});

test("the global minimum has zero loss and zero gradient", () => {
  const t = cnnTeacherFromRatio(6, 4, 2, 1.5);
  const pts = cnnStationaryPoints(t, lossAt(t));
  assert.ok(Math.abs(cnnPopulationLoss(t, pts.global.v, pts.global.a)) < 1e-15);
  const g = cnnPopulationGradient(t, pts.global.v, pts.global.a);
  assert.ok(maxAbs(g.v) < 1e-15 && maxAbs(g.a) < 1e-15);
});

test("a(φ) solves A a = B(φ) a* (the Sherman–Morrison form), and a(0) = a*", () => {
  const t = cnnTeacherFromRatio(7, 3, 2.5, 1.3);
  const S = t.a.reduce((s, x) => s + x, 0);
  for (const phi of [0, 1, 2, Math.PI]) {
    const a = stationaryOutputWeights(t, phi);
    const oneA = a.reduce((s, x) => s + x, 0);
    const g = reluG(phi);
    a.forEach((ai, i) => {
      const lhs = (Math.PI - 1) * ai + oneA;
      const rhs = (g - 1) * t.a[i] + S;
      assert.ok(Math.abs(lhs - rhs) < 1e-13);
    });
    if (phi === 0) a.forEach((ai, i) => assert.ok(Math.abs(ai - t.a[i]) < 1e-15));
  }
});

test("the spurious point has zero gradient, the closed-form loss, and a PSD Hessian with p zero modes", () => {
  for (const R of [0, 1, 3]) {
    const k = 5;
    const p = 4;
    const t = cnnTeacherFromRatio(k, p, R, 1);
    const v = Float64Array.from(t.w, (x) => -x);
    const a = spuriousOutputWeights(t);
    const g = cnnPopulationGradient(t, v, a);
    assert.ok(maxAbs(g.v) < 1e-15 && maxAbs(g.a) < 1e-14);
    assert.ok(Math.abs(cnnPopulationLoss(t, v, a) - spuriousLoss(t)) < 1e-15);
    const s = hessianSpectrum(cnnPopulationHessian(t, v, a));
    assert.equal(s.index, 0);
    // The whole v-block vanishes: p − 1 angular directions (loss cubic in π − φ) and the radial one.
    assert.equal(s.zeroModes, p);
  }
});

/** A point near (−w*, a_s): v turned by ψ towards a random direction, a moved by ε·d. */
function perturbed(t: CnnTeacher, rng: Rng, psi: number, eps: number) {
  const p = t.w.length;
  const e = rng.normals(p);
  const d = dot(e, t.w);
  for (let i = 0; i < p; i++) e[i] -= d * t.w[i];
  const ne = Math.hypot(...e);
  const v = Float64Array.from(t.w, (w, i) => -Math.cos(psi) * w + (Math.sin(psi) * e[i]) / ne);
  const as = spuriousOutputWeights(t);
  const da = rng.normals(as.length);
  const a = Float64Array.from(as, (x, i) => x + eps * da[i]);
  return { v, a };
}

test("the spurious point is a local minimum when (1ᵀa*)² < (k+π−1)‖a*‖²/π: a_sᵀa* < 0 and every sampled nearby point is higher", () => {
  const k = 9;
  const threshold = spuriousRatioThreshold(k);
  for (const R of [0, 0.5, 1, threshold * 0.9]) {
    const t = cnnTeacherFromRatio(k, 6, R, 1);
    assert.ok(isSpuriousLocalMinimum(t));
    assert.ok(dot(spuriousOutputWeights(t), t.a) < 0);
    const ls = spuriousLoss(t);
    const rng = Rng.fromSeed(21, Math.round(R * 100));
    for (let i = 0; i < 300; i++) {
      // Sizes from 1e-3 to 1e-1 (smaller changes drown in rounding: the angular rise is only ~ψ³).
      const scale = 10 ** (-1 - 2 * rng.uniform());
      const { v, a } = perturbed(t, rng, i % 3 === 1 ? 0 : scale, i % 3 === 0 ? 0 : scale * rng.uniform());
      assert.ok(cnnPopulationLoss(t, v, a) > ls, `R=${R} sample ${i}`);
    }
  }
});

test("above the threshold the spurious point is stationary with a PSD Hessian, yet turning v towards w* descends", () => {
  const k = 9;
  const threshold = spuriousRatioThreshold(k);
  for (const R of [threshold * 1.1, 5, 9]) {
    const t = cnnTeacherFromRatio(k, 6, R, 1);
    assert.ok(!isSpuriousLocalMinimum(t));
    const as = spuriousOutputWeights(t);
    assert.ok(dot(as, t.a) > 0);
    const v = Float64Array.from(t.w, (x) => -x);
    assert.equal(hessianSpectrum(cnnPopulationHessian(t, v, as)).index, 0);
    const rng = Rng.fromSeed(22);
    for (const psi of [1e-3, 1e-2, 0.1]) {
      const { v: vd } = perturbed(t, rng, psi, 0);
      assert.ok(cnnPopulationLoss(t, vd, as) < spuriousLoss(t), `R=${R} ψ=${psi}`);
    }
  }
});

test("the saddle set exists exactly when the spurious minimum does; there the gradient is zero and the Hessian has a negative eigenvalue", () => {
  for (const k of [4, 25]) {
    for (const R of [0, 0.5, 2, 4, 8, 12, 25].filter((r) => r <= k)) {
      const t = cnnTeacherFromRatio(k, 5, R, 1);
      const pts = cnnStationaryPoints(t, lossAt(t));
      const gs = saddleG(t);
      assert.equal(pts.saddle !== undefined, isSpuriousLocalMinimum(t), `k=${k} R=${R}`);
      assert.equal(gs > 0 && gs < Math.PI, isSpuriousLocalMinimum(t));
      if (!pts.saddle) continue;
      assert.ok(Math.abs(reluG(pts.saddle.phi) - gs) < 1e-12);
      const g = cnnPopulationGradient(t, pts.saddle.v, pts.saddle.a);
      assert.ok(maxAbs(g.v) < 1e-13 && maxAbs(g.a) < 1e-13);
      const s = hessianSpectrum(cnnPopulationHessian(t, pts.saddle.v, pts.saddle.a));
      assert.ok(s.index >= 1 && s.eigenvalues[0] < -1e-6);
      assert.ok(Math.abs(pts.saddle.loss - cnnPopulationLoss(t, pts.saddle.v, pts.saddle.a)) < 1e-15);
    }
  }
});
