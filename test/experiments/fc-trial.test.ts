import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { columnOrbits, fcFamilies } from "../../src/experiments/fc/families.js";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { fcTrialModel, fcTrialSetup, hessianVerdict, runFcTrial } from "../../src/experiments/fc/trial.js";
import { cholesky } from "../../src/math/cholesky.js";
import { symmetricEigen } from "../../src/math/eigen.js";
import { Rng } from "../../src/math/rng.js";
import { FC_GLOBAL_LAMBDA_MIN, FC_PROTOCOL_GRAD_TOL } from "../../src/models/fc/protocol.js";
import { reducedToWeights, symmetricSaddle } from "../../src/models/fc/reduced-2d.js";
import { newtonFinish } from "../../src/train/newton.js";

const identity = (k: number) => Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0));

test("at the global minimum W = I the exact Hessian is positive definite with λ_min = 1/4 − 1/(2π)", () => {
  for (const k of [3, 5, 8]) {
    const spec = validateFcTrialSpec({ n: k, k });
    const model = fcTrialModel(fcTrialSetup(spec));
    const values = symmetricEigen(model.hessian(identity(k))).values;
    assert.ok(Math.abs(values[0] - FC_GLOBAL_LAMBDA_MIN) < 1e-12, `k=${k}: λ_min ${values[0]}`);
    assert.equal(hessianVerdict(model.hessian(identity(k))), "minimum");
  }
});

test("Tian's symmetric saddle x*_K is classified a saddle by the Hessian test", () => {
  for (const k of [3, 5]) {
    const spec = validateFcTrialSpec({ n: k, k });
    const model = fcTrialModel(fcTrialSetup(spec));
    const s = symmetricSaddle(k);
    const W = reducedToWeights(k, k, s, s);
    const g = new Float64Array(k * k);
    model.gradient(W, g);
    assert.ok(model.gradientNorm(g) < 1e-10, "the symmetric point is stationary");
    assert.equal(hessianVerdict(model.hessian(W)), "saddle");
  }
});

// Trial 10 of seed 1 at k = n = 8 ends at the family the authors' released results list with loss
// 0.021508 (126 of 1000 runs) and mean λ_min lower bound 0.02135.
const spec8 = validateFcTrialSpec({ n: 8, k: 8 });
const spurious8 = runFcTrial(spec8, Rng.fromSeed(1, 0, 10));

test("a known spurious minimum (k = n = 8): loss, λ_min and symmetry as in the released results", () => {
  assert.equal(spurious8.outcome, "spurious");
  assert.ok(Math.abs((spurious8.loss as number) - 0.021508) < 1e-6, String(spurious8.loss));
  assert.ok((spurious8.gradMax as number) < FC_PROTOCOL_GRAD_TOL);
  const [family] = fcFamilies(spec8, [spurious8]);
  assert.ok(Math.abs(family.lambdaMin - 0.02135) < 1e-4, String(family.lambdaMin));
  assert.equal(family.index, 0);
  // One special unit, the other seven interchangeable: S₁ × S₇.
  assert.deepEqual(family.orbits, [7, 1]);
});

test("end points equal up to permutations of units and simultaneous permutations of teacher units and inputs form one family", () => {
  const end = spurious8.end as number[];
  const k = 8;
  const rng = Rng.fromSeed(99);
  const permuted = [];
  for (let copy = 0; copy < 5; copy++) {
    const rows = Array.from({ length: k }, (_, i) => i).sort(() => rng.uniform() - 0.5);
    const cols = Array.from({ length: k }, (_, i) => i).sort(() => rng.uniform() - 0.5);
    const W = rows.flatMap((r) => cols.map((c) => end[r * k + c]));
    permuted.push({ ...spurious8, end: W });
  }
  const families = fcFamilies(spec8, [spurious8, ...permuted]);
  assert.equal(families.length, 1);
  assert.equal(families[0].count, 6);
  // A rows-only permutation is a symmetry for any teacher; a columns-only one is not (without W* = I).
  const gaussian = validateFcTrialSpec({ n: k, k, teacher: "gaussian" });
  const columnsOnly = {
    ...spurious8,
    end: Array.from({ length: k * k }, (_, i) => end[Math.floor(i / k) * k + (((i % k) + 1) % k)]),
  };
  assert.equal(fcFamilies(gaussian, [spurious8, columnsOnly]).length, 2);
});

test("column orbits: the identity is fixed by every permutation, a special unit breaks it into 1 + (k − 1)", () => {
  const rows = (W: Float64Array, k: number) =>
    Array.from({ length: k }, (_, j) => Array.from(W.subarray(j * k, (j + 1) * k)));
  assert.deepEqual(columnOrbits(rows(identity(5), 5), 5), [5]);
  const special = identity(5);
  special[0] = -0.6;
  assert.deepEqual(columnOrbits(rows(special, 5), 5), [4, 1]);
});

test("the Newton finish changes neither the outcome nor the end point of pure GD (k = n = 6…8, 40 runs each)", () => {
  let spurious = 0;
  for (const k of [6, 7, 8]) {
    const newton = validateFcTrialSpec({ n: k, k });
    const gd = validateFcTrialSpec({ n: k, k, finish: "gd" });
    for (let t = 0; t < 40; t++) {
      const a = runFcTrial(newton, Rng.fromSeed(3, k, t));
      const b = runFcTrial(gd, Rng.fromSeed(3, k, t));
      assert.equal(a.outcome, b.outcome, `k=${k} t=${t}`);
      if (a.outcome === "spurious") spurious++;
      let diff = 0;
      for (let i = 0; i < a.end.length; i++) diff = Math.max(diff, Math.abs(a.end[i] - b.end[i]));
      assert.ok(diff < 1e-6, `k=${k} t=${t}: end points differ by ${diff}`);
      assert.ok(a.steps <= b.steps);
    }
  }
  assert.ok(spurious > 0, "some runs end at spurious minima");
});

test("a trial is a pure function of (spec, stream)", () => {
  const again = runFcTrial(spec8, Rng.fromSeed(1, 0, 10));
  assert.deepEqual(again, spurious8);
});

test("the fc spec validator names the field and what is allowed", () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ n: 0 }, "n"],
    [{ n: 4, k: 5, d: 3 }, "d"],
    [{ n: 4, init: "xavier" }, "init"],
    [{ n: 4, init: "normal" }, "initStd"],
    [{ n: 4, initStd: 0.1 }, "initStd"],
    [{ n: 4, eta: -1 }, "eta"],
    [{ n: 100, d: 100 }, "n"],
    [{ n: 4, banana: 1 }, "banana"],
    [{ n: 4, teacher: { W: [[1, 0]], b: 1 } }, "teacher.b"],
  ];
  for (const [raw, field] of cases)
    assert.throws(
      () => validateFcTrialSpec(raw),
      (e: unknown) => e instanceof InputError && e.field === field,
      JSON.stringify(raw),
    );
  const spec = validateFcTrialSpec({ n: 5 });
  assert.equal(spec.k, 5);
  assert.equal(spec.d, 5);
  assert.equal(spec.eta, 0.1);
  assert.equal(spec.init, "fan-in");
});

test("the trial's reused Hessian and factor buffers give what new ones give, bit for bit, and Newton uses them", () => {
  // k = n = 8 (64 parameters: the SIMD factor) with fixed top weights; k = 3 with trained ones (the
  // rescalings lifted; 12 parameters: the TypeScript factor).
  for (const input of [
    { n: 8, k: 8 },
    { n: 3, k: 3, top: "trained" },
  ]) {
    const spec = validateFcTrialSpec(input);
    const model = fcTrialModel(fcTrialSetup(spec));
    assert.equal(fcTrialModel(fcTrialSetup(spec)), model, "one model per setup");
    const P = spec.n * spec.d + (spec.top === "trained" ? spec.n : 0);
    const rng = Rng.fromSeed(9, P);
    for (let round = 0; round < 3; round++) {
      // Near W = I (and a = 1): a definite Hessian; far from it, points where it need not be.
      const x = identity(spec.k).map((v) => v + (round === 2 ? 0.8 : 0.05) * rng.normal());
      const full = P > spec.n * spec.d ? Float64Array.from([...x, ...new Array(spec.n).fill(1)]) : x;
      const fresh = model.hessian(full);
      const factor = model.hessianFactor(full);
      assert.deepEqual(factor?.L, cholesky(fresh)?.L, `${JSON.stringify(input)} round ${round}: the factor`);
      assert.equal(model.verdict(full), hessianVerdict(fresh), `round ${round}: the verdict`);
      assert.deepEqual(model.hessian(full), fresh, "hessian() still returns a new matrix");
    }
  }
  const spec = validateFcTrialSpec({ n: 8, k: 8 });
  const model = fcTrialModel(fcTrialSetup(spec));
  const x = Float64Array.from(spurious8.end);
  let factors = 0;
  const counted = {
    ...model,
    hessianFactor: (y: Float64Array) => {
      factors++;
      return model.hessianFactor(y);
    },
  };
  const plain = { gradient: model.gradient, hessian: model.hessian, gradientNorm: model.gradientNorm };
  const a = newtonFinish(counted, x, { gradTol: 1e-12 });
  const b = newtonFinish(plain, x, { gradTol: 1e-12 });
  assert.ok(a.converged && factors >= 1, "Newton factors through the model's hessianFactor");
  assert.deepEqual(a, b, "and ends where the default factorisation does, bit for bit");
});
