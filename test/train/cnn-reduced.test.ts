import assert from "node:assert/strict";
import { test } from "node:test";
import { runCnnTrialDetailed } from "../../src/experiments/cnn/trial.js";
import { Rng } from "../../src/math/rng.js";

const KEYS = ["loss", "phi", "aDotAstar", "oneDotA", "vNorm"] as const;

test("the exact reduction agrees with the full-vector path to 1e-10 along whole trajectories", () => {
  for (const [k, p, ratio, anorm] of [
    [25, 25, 0, 1],
    [25, 25, 1, 1],
    [25, 25, 4, 1],
    [25, 25, 25, 1],
    [9, 3, 2, 2.5],
  ]) {
    for (let t = 0; t < 4; t++) {
      const spec = {
        k,
        p,
        ratio,
        anorm,
        eta: 0.15,
        maxSteps: 2500,
        init: "paper" as const,
        earlyStop: false,
      };
      const reduced = runCnnTrialDetailed(spec, Rng.fromSeed(5, k, t), { trajectoryPoints: 40 });
      const full = runCnnTrialDetailed({ ...spec, path: "full" }, Rng.fromSeed(5, k, t), {
        trajectoryPoints: 40,
      });
      assert.equal(reduced.trajectory!.length, full.trajectory!.length);
      reduced.trajectory!.forEach((q, i) => {
        const f = full.trajectory![i];
        assert.equal(q.step, f.step);
        for (const key of KEYS)
          assert.ok(Math.abs(q[key] - f[key]) < 1e-10, `k=${k} R=${ratio} t=${t} ${key}`);
      });
      for (const key of [...KEYS, "gradNorm", "phi0", "a0DotAstar", "oneDotA0"] as const)
        assert.ok(Math.abs((reduced.result[key] as number) - (full.result[key] as number)) < 1e-10, key);
    }
  }
});

test("trial t gives the same outcome, steps and numbers on the reduced and the full-vector path", () => {
  for (let t = 0; t < 24; t++) {
    const spec = { k: 25, p: 25, ratio: t % 5, anorm: 1, eta: 0.2, maxSteps: 30000, init: "paper" as const };
    const a = runCnnTrialDetailed(spec, Rng.fromSeed(6, t)).result;
    const b = runCnnTrialDetailed({ ...spec, path: "full" }, Rng.fromSeed(6, t)).result;
    assert.equal(a.outcome, b.outcome);
    assert.equal(a.steps, b.steps);
    assert.equal(a.phaseSwitch, b.phaseSwitch);
    for (const key of [...KEYS, "gradNorm"] as const)
      assert.ok(Math.abs((a[key] as number) - (b[key] as number)) < 1e-10, key);
  }
});
