// The fc trial and `fc train` run by gradient flow: the spec's optimizer field, outcomes decided by the
// end point's Hessian as for GD, the flow's own consistency across tolerances, and GD left as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { fcFamilies } from "../../src/experiments/fc/families.js";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { fcTrialModel, fcTrialSetup, hessianVerdict, runFcTrial } from "../../src/experiments/fc/trial.js";
import { trainFc } from "../../src/experiments/tian/train.js";
import { Rng } from "../../src/math/rng.js";
import { FC_PROTOCOL_GRAD_TOL } from "../../src/models/fc/protocol.js";

test("optimizer flow adds its tolerances with defaults; GD specs carry no optimizer field (stream keys unchanged)", () => {
  const flow = validateFcTrialSpec({ n: 4, k: 4, optimizer: "flow" });
  assert.equal(flow.optimizer, "flow");
  assert.equal(flow.flowRtol, 1e-6);
  assert.equal(flow.flowAtol, 1e-9);
  assert.deepEqual(validateFcTrialSpec(flow), flow, "validating a validated spec changes nothing");
  const gd = validateFcTrialSpec({ n: 4, k: 4 });
  assert.deepEqual(validateFcTrialSpec({ n: 4, k: 4, optimizer: "gd" }), gd);
  for (const key of ["optimizer", "flowRtol", "flowAtol"]) assert.ok(!(key in gd), key);
  const tight = validateFcTrialSpec({ n: 4, k: 4, optimizer: "flow", flowRtol: 1e-9, flowAtol: 1e-12 });
  assert.equal(tight.flowRtol, 1e-9);
  assert.equal(tight.flowAtol, 1e-12);
});

test("bad optimizer settings are input errors naming the field", () => {
  const field = (raw: object) => {
    try {
      validateFcTrialSpec({ n: 4, k: 4, ...raw });
    } catch (e) {
      assert.ok(e instanceof InputError);
      return (e as InputError).field;
    }
    assert.fail(`accepted ${JSON.stringify(raw)}`);
  };
  assert.equal(field({ optimizer: "adam" }), "optimizer");
  assert.equal(field({ flowRtol: 1e-6 }), "flowRtol", "a flow tolerance without optimizer flow");
  assert.equal(field({ optimizer: "flow", flowRtol: 0 }), "flowRtol");
  assert.equal(field({ optimizer: "flow", flowAtol: 1 }), "flowAtol");
});

// Trial 10 of seed 1 at k = n = 8: GD ends at the released family J = 0.021508 (fc-trial.test.ts).
const spec8 = validateFcTrialSpec({ n: 8, k: 8, optimizer: "flow" });
const flow10 = runFcTrial(spec8, Rng.fromSeed(1, 0, 10));

test("gradient flow from a known start ends at the released spurious family, decided by the end point's Hessian", () => {
  assert.equal(flow10.outcome, "spurious");
  assert.ok(Math.abs((flow10.loss as number) - 0.021508) < 1e-6, String(flow10.loss));
  assert.ok((flow10.gradMax as number) < FC_PROTOCOL_GRAD_TOL);
  assert.equal(flow10.eta, null);
  assert.ok((flow10.newtonSteps as number) > 0, "Newton finished it");
  assert.ok((flow10.time as number) > 0 && (flow10.implicitSteps as number) >= 0);
  const model = fcTrialModel(fcTrialSetup(spec8));
  assert.equal(hessianVerdict(model.hessian(Float64Array.from(flow10.end))), "minimum");
  const [family] = fcFamilies(spec8, [flow10]);
  assert.deepEqual(family.orbits, [7, 1]);
  assert.equal(family.index, 0);
});

test("the flow's outcome and end point do not move when its tolerances are tightened 1000-fold (k = n = 8, 10 starts)", () => {
  const tight = validateFcTrialSpec({ n: 8, k: 8, optimizer: "flow", flowRtol: 1e-9, flowAtol: 1e-12 });
  let spurious = 0;
  // Starts 8…17 of seed 1 hold two that the flow takes to a spurious minimum (10 and 16).
  for (let t = 8; t < 18; t++) {
    const a = t === 10 ? flow10 : runFcTrial(spec8, Rng.fromSeed(1, 0, t));
    const b = runFcTrial(tight, Rng.fromSeed(1, 0, t));
    assert.equal(a.outcome, b.outcome, `start ${t}`);
    if (a.outcome === "spurious") {
      spurious++;
      // Newton takes both to the same minimum to its tolerance.
      const dist = Math.max(...a.end.map((v, i) => Math.abs(v - b.end[i])));
      assert.ok(dist < 1e-6, `start ${t}: ${dist}`);
    }
  }
  assert.equal(spurious, 2);
});

test("a flow trial is a pure function of (spec, stream); settleGlobal and finish gd are honoured", () => {
  const again = runFcTrial(spec8, Rng.fromSeed(1, 0, 10));
  assert.deepEqual(again, flow10);
  const noNewton = runFcTrial({ ...spec8, finish: "gd" }, Rng.fromSeed(1, 0, 10));
  assert.equal(noNewton.outcome, "spurious");
  assert.equal(noNewton.newtonSteps, 0);
  assert.ok((noNewton.steps as number) > (flow10.steps as number));
  const global = runFcTrial(spec8, Rng.fromSeed(1, 0, 0));
  assert.equal(global.outcome, "global");
  assert.ok(
    (global.loss as number) < spec8.globalLoss && (global.loss as number) > 1e-4,
    "settled at J < 1e-3",
  );
});

test("fc train with optimizer flow reaches the teacher from a small start, as GD does, and reports the flow time", () => {
  const base = {
    K: 4,
    d: 4,
    teacher: { kind: "orthonormal" as const },
    start: { kind: "gaussian" as const, std: 1e-3 },
    trainA: false,
    eta: 0.1,
    maxSteps: 20000,
    seed: 2,
  };
  const gd = trainFc(base);
  const flow = trainFc({ ...base, optimizer: "flow" });
  assert.equal(gd.outcome, "global");
  assert.equal(flow.outcome, "global");
  assert.equal(gd.time, undefined);
  assert.ok((flow.time as number) > 0);
  assert.ok((flow.teacherDistance?.max as number) < 1e-3);
  assert.ok(flow.steps < gd.steps, `${flow.steps} flow steps, ${gd.steps} GD steps`);
  assert.ok(flow.trace.length <= 60 && flow.trace[0].step === 0);
  assert.throws(
    () => trainFc({ ...base, flowRtol: 1e-8 }),
    (e: unknown) => e instanceof InputError && e.field === "flowRtol",
  );
});
