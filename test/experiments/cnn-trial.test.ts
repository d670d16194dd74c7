import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { type CnnTrialSpec, validateCnnTrialSpec } from "../../src/experiments/cnn/spec.js";
import { runCnnTrial } from "../../src/experiments/cnn/trial.js";
import { centralGradient } from "../../src/math/finite-difference.js";
import { Rng } from "../../src/math/rng.js";
import { cnnPopulationState } from "../../src/models/cnn/population-state.js";
import { cnnTeacher } from "../../src/models/cnn/teacher.js";
import { runCli } from "../helpers/cli.js";

const base: CnnTrialSpec = { k: 25, p: 25, ratio: 4, anorm: 1, eta: 0.2, maxSteps: 30000, init: "paper" };

test("validateCnnTrialSpec accepts a full spec and rejects bad fields by name", () => {
  assert.deepEqual(validateCnnTrialSpec({ ...base }), base);
  const ok = {
    ...base,
    init: "gaussian",
    initStd: 0.3,
    method: "gd",
    samples: 100,
    batch: 10,
    earlyStop: false,
  };
  assert.deepEqual(validateCnnTrialSpec(ok), ok);
  const bad: [Record<string, unknown>, string][] = [
    [{ ...base, k: 2.5 }, "k"],
    [{ ...base, k: 0 }, "k"],
    [{ ...base, p: -1 }, "p"],
    [{ ...base, ratio: 26 }, "ratio"],
    [{ ...base, ratio: Number.NaN }, "ratio"],
    [{ ...base, anorm: 0 }, "anorm"],
    [{ ...base, eta: Number.POSITIVE_INFINITY }, "eta"],
    [{ ...base, maxSteps: 1.5 }, "maxSteps"],
    [{ ...base, init: "zeros" }, "init"],
    [{ ...base, initStd: 0.1 }, "initStd"],
    [{ ...base, method: "adam" }, "method"],
    [{ ...base, samples: 10, batch: 20 }, "batch"],
    [{ ...base, path: "reduced", method: "gd" }, "path"],
    [{ ...base, steps: 10 }, "steps"],
  ];
  for (const [spec, field] of bad)
    assert.throws(
      () => validateCnnTrialSpec(spec),
      (e: unknown) => e instanceof InputError && e.field === field,
      field,
    );
  assert.throws(() => validateCnnTrialSpec(null), InputError);
});

test("plain GD on (w, a): the population gradient in w equals central differences of the loss", () => {
  const teacher = cnnTeacher([0.6, 0.8, 0], [1, -0.4, 0.3]);
  const rng = Rng.fromSeed(31);
  for (let i = 0; i < 4; i++) {
    const w = Float64Array.from(rng.normals(3), (x) => 0.7 * x);
    const a = rng.normals(3);
    const grad = { v: new Float64Array(3), a: new Float64Array(3) };
    cnnPopulationState(teacher, w, a, true, grad);
    const f = (x: Float64Array) => cnnPopulationState(teacher, x.slice(0, 3), x.slice(3), true).loss;
    const fd = centralGradient(f, Float64Array.from([...w, ...a]), 1e-6);
    [...grad.v, ...grad.a].forEach((g, j) => assert.ok(Math.abs(g - fd[j]) < 1e-8, `${g} vs ${fd[j]}`));
  }
});

test("plain GD and gaussian starts reach the global minimum from good starts, deterministically", () => {
  let global = 0;
  for (let t = 0; t < 10; t++) {
    for (const spec of [
      { ...base, k: 6, p: 4, ratio: 2, eta: 0.1, maxSteps: 20000, method: "gd" as const },
      { ...base, k: 6, p: 4, ratio: 2, init: "gaussian" as const, initStd: 0.5 },
    ]) {
      const r = runCnnTrial(spec, Rng.fromSeed(32, t));
      assert.deepEqual(r, runCnnTrial(spec, Rng.fromSeed(32, t)));
      assert.notEqual(r.outcome, "diverged");
      if (r.phi0 < Math.PI / 2 && r.a0DotAstar > 0) assert.equal(r.outcome, "global", JSON.stringify(spec));
      if (r.outcome === "global") global++;
    }
  }
  assert.ok(global >= 8);
});

test("finite-sample GD and mini-batch SGD start where population GD starts and learn the teacher from good starts", () => {
  let checked = 0;
  for (let t = 0; t < 8; t++) {
    const spec = { ...base, k: 4, p: 3, ratio: 1, eta: 0.2, maxSteps: 3000 };
    const pop = runCnnTrial(spec, Rng.fromSeed(33, t));
    for (const extra of [{ samples: 400 }, { samples: 400, batch: 32 }, { batch: 16 }]) {
      const r = runCnnTrial({ ...spec, ...extra }, Rng.fromSeed(33, t));
      assert.equal(r.phi0, pop.phi0);
      assert.equal(r.a0DotAstar, pop.a0DotAstar);
      // The realisable teacher interpolates every sample, so even SGD noise vanishes at the global minimum.
      if (pop.phi0 < Math.PI / 2 && pop.a0DotAstar > 0) {
        assert.equal(r.outcome, "global", `${JSON.stringify(extra)} trial ${t}: ${r.outcome} φ=${r.phi}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 3, `only ${checked} good starts`);
});

test("a diverged trial has no end state: loss, gradient norm, aᵀa*, 1ᵀa and ‖v‖ are null, and cnn train says at which step", () => {
  const spec = validateCnnTrialSpec({ k: 25, p: 25, ratio: 4, eta: 3, maxSteps: 3000 });
  const r = runCnnTrial(spec, Rng.fromSeed(1, 0));
  assert.equal(r.outcome, "diverged");
  for (const key of ["loss", "gradNorm", "aDotAstar", "oneDotA", "vNorm"] as const)
    assert.equal(r[key], null, key);
  assert.ok(Number.isInteger(r.steps) && r.steps > 0 && r.steps < 3000);
  const json = runCli(["cnn", "train", "--k", "25", "--p", "25", "--ratio", "4", "--eta", "3", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.equal(out.outcome, "diverged");
  assert.equal(out.loss, null);
  assert.ok(!/e\+308/.test(json.stdout), "no placeholder 1.797e308");
  const text = runCli(["cnn", "train", "--k", "25", "--p", "25", "--ratio", "4", "--eta", "3"]);
  assert.match(text.stdout, /diverged at step \d+/);
});
