import assert from "node:assert/strict";
import { test } from "node:test";
import { fcFamilies } from "../../src/experiments/fc/families.js";
import { proveFcEndPoint } from "../../src/experiments/fc/family-proof.js";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { runFcTrial } from "../../src/experiments/fc/trial.js";
import { Rng } from "../../src/math/rng.js";
import { reducedToWeights, symmetricSaddle } from "../../src/models/fc/reduced-2d.js";

test("a spurious family (k = n = 8) is certified from its rounded member: a strict minimum within rounding of the polished point", () => {
  const spec = validateFcTrialSpec({ n: 8, k: 8 });
  const end = runFcTrial(spec, Rng.fromSeed(1, 0, 10));
  const [family] = fcFamilies(spec, [end]);
  assert.equal(family.outcome, "spurious");
  assert.equal(family.certified, true, String(family.reason));
  assert.equal(family.provenKind, "strict-local-min");
  assert.ok((family.radius as number) > 0 && (family.radius as number) < 1e-9, String(family.radius));
  // The proven bound sits just below the floating-point λ_min of the family.
  const lower = family.lambdaMinLower as number;
  assert.ok(lower <= family.lambdaMin && lower > 0.98 * family.lambdaMin, `${lower} vs ${family.lambdaMin}`);
  assert.equal(family.reason, undefined);
});

test("trained top weights: the same minimum with a_j = 1 trained is certified on the slice of fixed top weights", () => {
  // (W, 1) is critical for trained a too (a_j·∂J/∂a_j = w_jᵀ∇_{w_j}J = 0), and any nearby (W', a')
  // rescales to (W'', 1): a local minimum of the trained problem, strict across the rescalings.
  const fixed = validateFcTrialSpec({ n: 8, k: 8 });
  const end = runFcTrial(fixed, Rng.fromSeed(1, 0, 10));
  const trained = validateFcTrialSpec({ n: 8, k: 8, top: "trained" });
  const proof = proveFcEndPoint(trained, [...(end.end as number[]), ...new Array(8).fill(1)]);
  assert.ok(proof.certified && proof.kind === "strict-local-min", proof.reason);
  assert.match(proof.slice ?? "", /top weights fixed/);
});

test("a saddle family at Tian's symmetric point is not certified, and says why (a degenerate critical point)", () => {
  const k = 4;
  const spec = validateFcTrialSpec({ n: k, k });
  const s = symmetricSaddle(k);
  const end = Array.from(reducedToWeights(k, k, s, s));
  const [family] = fcFamilies(spec, [{ outcome: "saddle", loss: 0.1, gradMax: 0, end }]);
  assert.equal(family.certified, false);
  assert.match(family.reason as string, /zero eigenvalue|gap/);
  assert.equal(family.radius, undefined);
});
