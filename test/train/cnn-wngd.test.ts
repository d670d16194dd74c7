import assert from "node:assert/strict";
import { test } from "node:test";
import type { CnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { runCnnTrial, runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { Rng } from "../../src/math/rng.js";
import { cnnStabilityBound } from "../../src/models/cnn/protocol.js";
import { spuriousLoss } from "../../src/models/cnn/stationary.js";
import { cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import { reduceCnn, runReducedWnGd } from "../../src/train/cnn/reduced.js";
import { CnnStopRules } from "../../src/train/cnn/rules.js";

const du = (k: number, ratio: number): CnnTrialSpec => {
  const eta = Math.min(0.2, (2 * Math.PI) / (k + Math.PI - 1));
  return { k, p: 25, ratio, anorm: 1, eta, maxSteps: Math.ceil(6000 / eta), init: "paper" };
};

test("‖v‖ never decreases under Algorithm 1 (full-vector path, every step)", () => {
  for (let t = 0; t < 6; t++) {
    const spec = { ...du(25, t % 3), maxSteps: 400, path: "full" as const, earlyStop: false };
    const { trajectory } = runCnnTrialDetailed(spec, Rng.fromSeed(7, t), { trajectoryPoints: 1000 });
    assert.equal(trajectory!.length, 401);
    // ‖v_{t+1}‖² = ‖v_t‖² + η²‖∇_vℓ‖² exactly; in floating point ‖v‖ may wobble by an ulp once ∇_vℓ ≈ 0.
    for (let i = 1; i < trajectory!.length; i++)
      assert.ok(trajectory![i].vNorm >= trajectory![i - 1].vNorm * (1 - 4e-16), `trial ${t} step ${i}`);
    assert.ok(trajectory![400].vNorm > trajectory![0].vNorm);
  }
});

test("the same seed gives identical results; different trial indices give different starts", () => {
  const spec = du(36, 4);
  const a = runCnnTrial(spec, Rng.fromSeed(3, 1, 17));
  const b = runCnnTrial(spec, Rng.fromSeed(3, 1, 17));
  assert.deepEqual(a, b);
  const c = runCnnTrial(spec, Rng.fromSeed(3, 1, 18));
  assert.notEqual(a.phi0, c.phi0);
});

test("with (1ᵀa*)² = 0 a seeded batch reaches the global minimum exactly when φ₀ < π/2", () => {
  let global = 0;
  for (let t = 0; t < 300; t++) {
    const r = runCnnTrial(du(25, 0), Rng.fromSeed(8, t));
    assert.equal(r.outcome, r.phi0 < Math.PI / 2 ? "global" : "spurious", `trial ${t}: φ₀ = ${r.phi0}`);
    if (r.outcome === "global") global++;
  }
  assert.ok(global > 120 && global < 180);
});

test("early stopping decides the same outcome as long runs that ignore it", () => {
  for (const [k, ratio] of [
    [25, 0],
    [25, 1],
    [25, 4],
    [25, 8],
    [49, 4],
    [100, 16],
  ]) {
    for (let t = 0; t < 8; t++) {
      const spec = du(k, ratio);
      const early = runCnnTrialDetailed(spec, Rng.fromSeed(9, k, ratio, t));
      const long = runCnnTrialDetailed({ ...spec, earlyStop: false }, Rng.fromSeed(9, k, ratio, t));
      assert.equal(long.result.steps, spec.maxSteps);
      assert.equal(early.result.outcome, long.result.outcome, `k=${k} R=${ratio} t=${t}`);
      if (early.result.outcome === "global") {
        assert.ok((long.result.loss as number) < 1e-20 && long.result.phi < 1e-10);
      } else {
        assert.equal(early.result.outcome, "spurious");
        // The sub-linear approach: π − φ ≈ 1/(ηct), here a few 1e-3 after 6000/η steps.
        assert.ok(Math.PI - long.result.phi < 0.01);
        assert.ok(Math.abs((long.result.loss as number) - spuriousLoss(long.teacher)) < 1e-5);
        assert.ok((long.result.aDotAstar as number) < 0);
      }
    }
  }
});

test("once the spurious certificate holds it holds at every later step, φ never decreases and aᵀa* stays negative", () => {
  let certified = 0;
  for (let t = 0; t < 30; t++) {
    const ratio = [0.5, 2, 6][t % 3];
    const spec = du(25, ratio);
    const teacher = cnnTeacherFromRatio(25, 25, ratio, 1);
    const rng = Rng.fromSeed(10, t);
    const { system, state } = reduceCnn(teacher, rng.onSphere(25), rng.inBall(25, Math.sqrt(ratio / 25)));
    const rules = new CnnStopRules(teacher, spec.eta, true);
    const one = { eta: spec.eta, maxSteps: 1, earlyStop: false };
    let on = false;
    for (let step = 0; step < 3000; step++) {
      const before = { ...state };
      runReducedWnGd(system, state, rules, one);
      const s = state.x * system.sk + state.y * system.m;
      const now = rules.spuriousCertified(state.phi, s, Math.sqrt(25) * state.x, state.r);
      if (on) {
        assert.ok(now, `trial ${t} step ${step}: certificate lost`);
        assert.ok(state.phi >= before.phi && s < 0);
      }
      if (now && !on) certified++;
      on ||= now;
    }
  }
  assert.ok(certified > 5);
});

test("a step size above 4π/(k+π−1) diverges and is reported as diverged with finite numbers", () => {
  assert.ok(Math.abs(cnnStabilityBound(25) - (4 * Math.PI) / (24 + Math.PI)) < 1e-15);
  const spec = { ...du(25, 4), eta: 1.1 * cnnStabilityBound(25), maxSteps: 100000 };
  const r = runCnnTrial(spec, Rng.fromSeed(11));
  assert.equal(r.outcome, "diverged");
  assert.ok(r.steps < 100000);
  for (const x of Object.values(r)) if (typeof x === "number") assert.ok(Number.isFinite(x));
  const stable = runCnnTrial({ ...spec, eta: 0.9 * cnnStabilityBound(25) }, Rng.fromSeed(11));
  assert.notEqual(stable.outcome, "diverged");
});

test("a run cut short by its budget is unconverged", () => {
  const r = runCnnTrial({ ...du(25, 4), maxSteps: 3 }, Rng.fromSeed(12, 0));
  assert.equal(r.outcome, "unconverged");
  assert.equal(r.steps, 3);
});

test("global runs report a phase switch inside the run; other outcomes report none", () => {
  let seen = 0;
  for (let t = 0; t < 20; t++) {
    const r = runCnnTrial(du(49, 4), Rng.fromSeed(13, t));
    const withTrajectory = runCnnTrialDetailed(du(49, 4), Rng.fromSeed(13, t), { trajectoryPoints: 7 });
    assert.deepEqual(withTrajectory.result, r);
    if (r.outcome === "global") {
      assert.ok(r.phaseSwitch !== null && r.phaseSwitch >= 0 && r.phaseSwitch < r.steps);
      seen++;
    } else assert.equal(r.phaseSwitch, null);
  }
  assert.ok(seen > 0);
});

test("with p = 1 the filter cannot turn: starts at φ = π end spurious, starts at φ = 0 global, for any ratio", () => {
  for (const [k, ratio] of [
    [1, 1],
    [5, 0.5],
    [5, 4.5],
  ]) {
    for (let t = 0; t < 10; t++) {
      const r = runCnnTrial({ ...du(k, ratio), p: 1 }, Rng.fromSeed(14, k, t));
      assert.equal(r.phi0 === 0 ? "global" : "spurious", r.outcome);
      assert.equal(r.phi, r.phi0);
    }
  }
});
