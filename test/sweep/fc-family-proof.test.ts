/** The fc families' proofs (certified, radius, reason) in sweep summaries: text, CSV and JSON, and in `fc probability`. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { runFcTrial } from "../../src/experiments/fc/trial.js";
import { Rng } from "../../src/math/rng.js";
import { reducedToWeights, symmetricSaddle } from "../../src/models/fc/reduced-2d.js";
import fc from "../../src/sweep/models/fc.js";
import type { SweepSummary } from "../../src/sweep/summary.js";
import { familiesCsv, summaryText } from "../../src/sweep/summary-format.js";
import { runCli } from "../helpers/cli.js";

test("sweep summary: the families' proofs appear in the text, the families CSV and the JSON", () => {
  const spec = validateFcTrialSpec({ n: 8, k: 8 });
  const spurious = runFcTrial(spec, Rng.fromSeed(1, 0, 10));
  const s = symmetricSaddle(8);
  const saddle = { outcome: "saddle", loss: 0.2, gradMax: 0, end: Array.from(reducedToWeights(8, 8, s, s)) };
  const families = fc.families?.([spurious, saddle], spec) ?? [];
  const summary = {
    model: "fc",
    success: "global",
    outcomes: fc.outcomes,
    trials: 2,
    planned: 2,
    cells: [
      { cell: 0, axes: { n: 8 }, trials: 2, planned: 2, outcomes: {}, restarts: [], theory: [], families },
    ],
  } as unknown as SweepSummary;
  const text = summaryText(summary);
  assert.match(text, /certified true, radius [\d.e-]+, provenKind strict-local-min/);
  assert.match(text, /certified false, reason [^\n]*(zero eigenvalue|gap)/);
  const csv = familiesCsv(summary).split("\n");
  const header = csv[0].split(",");
  for (const column of ["certified", "radius", "reason"]) assert.ok(header.includes(column), column);
  const spuriousRow = csv.find((line) => line.includes("spurious")) as string;
  assert.match(spuriousRow, /,true,/);
  const json = JSON.parse(JSON.stringify(summary));
  const [proven, refused] = json.cells[0].families;
  assert.equal(proven.certified, true);
  assert.ok(proven.radius > 0 && proven.radius < 1e-9);
  assert.equal(refused.certified, false);
  assert.equal(typeof refused.reason, "string");
});

test("fc probability: the families' proof column in text and certified/radius in --json", () => {
  const args = ["fc", "probability", "--K", "8", "--trials", "12", "--seed", "1", "--workers", "1"];
  const json = runCli([...args, "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const families = JSON.parse(json.stdout).families;
  assert.ok(families.length > 0);
  for (const f of families) {
    assert.equal(typeof f.certified, "boolean");
    if (f.certified) assert.ok(f.radius > 0 && f.radius < 1e-6);
    else assert.equal(typeof f.reason, "string");
  }
  const text = runCli(args);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /orbits\s+proof/);
  assert.match(text.stdout, /minimum, r = [\d.e-]+/);
});
