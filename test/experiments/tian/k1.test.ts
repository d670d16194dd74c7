import assert from "node:assert/strict";
import { test } from "node:test";
import {
  logGamma,
  probabilityInOmega,
  theoremRadius,
} from "../../../src/experiments/tian/ball-probability.js";
import { k1Initialisation, k1Polar } from "../../../src/experiments/tian/k1.js";

test("logGamma matches Γ(5) = 24, Γ(½) = √π and Python math.lgamma(100.5)", () => {
  assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-13);
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-13);
  assert.ok(Math.abs(logGamma(100.5) - 361.4355404677776) < 1e-9);
});

test("P(w₀ ∈ Ω) in d = 2 equals the lens area of the two discs divided by πr²", () => {
  for (const r of [0.1, 0.7, 1.4]) {
    const area = r * r * Math.acos(r / 2) + Math.acos(1 - (r * r) / 2) - 0.5 * Math.sqrt(r * r * (4 - r * r));
    assert.ok(Math.abs(probabilityInOmega(2, r) - area / (Math.PI * r * r)) < 1e-9, `r=${r}`);
  }
});

test("P(w₀ ∈ Ω) stays above Thm 3.3's (1−ε)/2 and approaches it as d grows at small ε", () => {
  for (const d of [2, 10, 100, 1000])
    for (const eps of [0.1, 0.5, 0.9])
      assert.ok(probabilityInOmega(d, theoremRadius(d, eps)) > (1 - eps) / 2);
  assert.ok(Math.abs(probabilityInOmega(1000, theoremRadius(1000, 0.1)) - 0.45) < 1e-3);
});

test("the Monte-Carlo hit rate of Ω covers the quadrature value, and GD succeeds from every start (K=1)", () => {
  const r = k1Initialisation({ d: 10, epsilon: 0.5, trials: 200, seed: 3, eta: 0.1, maxSteps: 20000 });
  const exact = r.exactInOmega ?? Number.NaN;
  assert.ok(r.sampledInOmega.lo <= exact && exact <= r.sampledInOmega.hi);
  assert.equal(r.gdSuccess.count, 200);
  assert.ok(r.gdSuccess.p > exact, "GD succeeds far more often than the theorem's region suggests");
});

test("K = 1 from large Gaussian starts (std 10): Ω is rarely hit, yet GD still converges from every start", () => {
  const r = k1Initialisation({
    d: 100,
    epsilon: 0.5,
    trials: 30,
    seed: 5,
    eta: 0.1,
    maxSteps: 20000,
    gaussianStd: 10,
  });
  assert.equal(r.exactInOmega, undefined);
  assert.equal(r.sampledInOmega.count, 0);
  assert.equal(r.gdSuccess.count, 30);
});

test("the polar (r, θ) equations of docs/tian.md#a-single-unit equal the projected population gradient; θ₀ near π still converges", () => {
  const p = k1Polar({ d: 3, r0: 0.5, theta0: 3, eta: 0.01, steps: 5000, recordEvery: 100 });
  assert.ok(p.maxRateMismatch < 1e-12, `${p.maxRateMismatch}`);
  assert.ok(p.final.distance < 1e-6);
  for (let i = 1; i < p.trajectory.length; i++)
    assert.ok(p.trajectory[i].theta <= p.trajectory[i - 1].theta + 1e-15);
});
