import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { runFcTrial } from "../../src/experiments/fc/trial.js";
import { silentProgress } from "../../src/io/step-progress.js";
import { Rng } from "../../src/math/rng.js";
import { wilsonInterval } from "../../src/math/stats.js";
import { evaluateClaims } from "../../src/report/claims.js";
import { SS_ALL_KS, safranShamirSpec } from "../../src/report/safran-shamir/compute/cells.js";
import { fisherExactTwoSided } from "../../src/report/safran-shamir/compute/stats.js";
import { curvatureClaims, curvatureFacts } from "../../src/report/safran-shamir/curvature.js";
import { familyClaims, familyFacts } from "../../src/report/safran-shamir/families.js";
import {
  probabilityClaims,
  probabilityFacts,
  provenClaim,
} from "../../src/report/safran-shamir/probability.js";
import { RELEASED, releasedCell } from "../../src/report/safran-shamir/released.js";
import {
  computeSafranShamir,
  type SafranShamirResults,
  type SsCell,
} from "../../src/report/safran-shamir/results.js";
import { safranShamirSection } from "../../src/report/safran-shamir/section.js";
import type { Claim, Section } from "../../src/report/types.js";
import { streamKeyOf } from "../../src/sweep/canonical.js";

let smoke: SafranShamirResults;
let section: Section;

before(async () => {
  smoke = await computeSafranShamir({ size: "smoke", seed: 1, workers: 1, progress: silentProgress });
  section = safranShamirSection(smoke);
});

const claim = (claims: readonly Claim[], id: string) => {
  const c = claims.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

function finiteNumbers(value: unknown, path: string): void {
  if (typeof value === "number") assert.ok(Number.isFinite(value), path);
  else if (Array.isArray(value)) value.forEach((v, i) => finiteNumbers(v, `${path}[${i}]`));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) finiteNumbers(v, `${path}.${k}`);
}

test("smoke: the section builds with its four subsections, claims with tests and verdicts, tables, figures and finite numbers", () => {
  assert.equal(section.id, "safran-shamir");
  assert.deepEqual(
    section.subsections.map((s) => s.id),
    ["probability", "families", "curvature", "saddles"],
  );
  const claims = section.subsections.flatMap((s) => s.claims);
  assert.ok(claims.length >= 6);
  for (const c of claims) {
    assert.ok(c.paper.length > 0 && c.measured.length > 0 && c.test.length > 0, c.id);
    assert.ok(["agrees", "differs", "partly agrees", "not comparable"].includes(c.verdict), c.id);
    assert.equal(c.provenance, "released", c.id);
  }
  for (const s of section.subsections) {
    assert.ok(s.tables.length >= 1, s.id);
    for (const t of s.tables) for (const row of t.rows) assert.equal(row.length, t.columns.length, t.id);
  }
  assert.match(section.subsections[0].method, /10⁻⁹\/\(2π\)/);
  assert.match(section.subsections[0].method, /minima sweep run examples\/sweeps\/safran-shamir\.json/);
  const figures = section.subsections.flatMap((s) => s.figures.map((f) => f.name));
  assert.deepEqual(figures, ["ss-p-spurious", "ss-kloss"]);
  for (const s of section.subsections) finiteNumbers(s.data, s.id);
  assert.match(
    section.intro,
    /minima sweep run examples\/sweeps\/safran-shamir\.json --out sweeps\/safran-shamir/,
  );
  assert.match(section.intro, /minima sweep summary sweeps\/safran-shamir/);
  assert.doesNotMatch(JSON.stringify(section), /notes|\.\.\/shared/);
});

test("smoke: cells k = 6, 7 at n = k with 10 runs each, outcomes adding up, compared with the released cells", () => {
  assert.deepEqual(
    smoke.cells.map((c) => [c.k, c.n, c.runs]),
    [
      [6, 6, 10],
      [7, 7, 10],
    ],
  );
  for (const c of smoke.cells) {
    const { global, spurious, saddle, unconverged, diverged } = c.counts;
    assert.equal(global + spurious + saddle + unconverged + diverged, c.runs);
    assert.equal(
      c.families.reduce((s, f) => s + f.count, 0),
      spurious + saddle,
    );
    assert.ok(c.released && c.fisherP !== undefined && c.fisherP > 0 && c.fisherP <= 1);
  }
});

test("a cell's runs are the sweep's: trial t starts from the stream (seed, key of the protocol cell, t)", () => {
  const c = smoke.cells[1];
  const spec = validateFcTrialSpec({
    teacher: "orthonormal",
    top: "ones",
    init: "fan-in",
    eta: 0.1,
    finish: "newton",
    maxSteps: 1_000_000,
    k: 7,
    excess: 0,
  });
  assert.equal(c.streamKey, streamKeyOf("fc", spec));
  let spurious = 0;
  for (let t = 0; t < c.runs; t++)
    if (runFcTrial(spec, Rng.fromSeed(1, c.streamKey, t)).outcome === "spurious") spurious++;
  assert.equal(spurious, c.counts.spurious);
});

test("the report's spec at full size is examples/sweeps/safran-shamir.json (same cells, protocol and streams)", () => {
  const example = JSON.parse(readFileSync("examples/sweeps/safran-shamir.json", "utf8"));
  const ours = safranShamirSpec(SS_ALL_KS, [0, 1], example.trials, example.seed);
  for (const field of ["model", "params", "optimiser", "stop", "grid"] as const)
    assert.deepEqual(ours[field], example[field], field);
});

test("the released table holds 26 cells with consistent counts", () => {
  assert.equal(RELEASED.length, 26);
  for (const r of RELEASED) {
    assert.ok(r.verified <= r.nonGlobal && r.topRuns <= r.nonGlobal && r.families >= 1, `${r.k},${r.n}`);
    assert.ok(r.topLoss > 0.01 && r.meanLambdaMinBound > 0);
  }
  assert.equal(releasedCell(20, 20)?.verified, 940);
  assert.equal(releasedCell(6, 7), undefined);
});

test("Fisher's exact test: symmetric, 1 for equal shares, and the textbook value of the tea-tasting table", () => {
  // Fisher's lady tasting tea: 3 of 4 vs 1 of 4, two-sided p = 34/70
  assert.ok(Math.abs(fisherExactTwoSided(3, 4, 1, 4) - 34 / 70) < 1e-12);
  assert.ok(Math.abs(fisherExactTwoSided(10, 100, 100, 1000) - 1) < 1e-9);
  assert.ok(Math.abs(fisherExactTwoSided(5, 50, 40, 200) - fisherExactTwoSided(40, 200, 5, 50)) < 1e-12);
  assert.ok(fisherExactTwoSided(50, 100, 126, 1000) < 1e-10);
});

/** A synthetic cell (for the claims' logic): `spurious` of `runs`, one family of loss `loss`. */
function fakeCell(
  k: number,
  n: number,
  spurious: number,
  runs: number,
  loss: number,
  lambda: number,
): SsCell {
  const released = releasedCell(k, n);
  const family = {
    outcome: "spurious",
    count: spurious,
    loss,
    kLoss: k * loss,
    index: 0,
    lambdaMin: lambda,
    orbits: [k - 1, 1],
    gradMax: 0,
  };
  return {
    k,
    n,
    excess: n - k,
    streamKey: 0,
    runs,
    counts: { global: runs - spurious, spurious, saddle: 0, unconverged: 0, diverged: 0 },
    nonGlobalRuns: spurious,
    spurious: wilsonInterval(spurious, runs),
    saddle: wilsonInterval(0, runs),
    nonGlobal: wilsonInterval(spurious, runs),
    families: spurious > 0 ? [family] : [],
    top: spurious > 0 ? { ...family, representative: [-0.7, 0.1] } : undefined,
    meanLambdaMin: spurious > 0 ? lambda : null,
    meanLoss: spurious > 0 ? loss : null,
    provenSpuriousRuns: spurious,
    provenSpurious: wilsonInterval(spurious, runs),
    unprovenFamilies: 0,
    maxRadius: spurious > 0 ? 1e-10 : null,
    meanLambdaMinLower: spurious > 0 ? 0.99 * lambda : null,
    released,
    releasedMissing: false,
    releasedSpurious: released ? wilsonInterval(released.verified, 1000) : undefined,
    fisherP: released ? fisherExactTwoSided(spurious, runs, released.verified, 1000) : undefined,
  };
}

const results = (cells: SsCell[]): SafranShamirResults => ({
  seed: 1,
  sizes: "test",
  cells,
});

test("claims follow the numbers: P(spurious) per cell, the most frequent family's loss, λ_min against the bound", () => {
  const good = results([
    fakeCell(7, 7, 6, 100, 0.023203, 0.0141),
    fakeCell(8, 8, 12, 100, 0.021508, 0.02135),
    fakeCell(10, 10, 35, 100, 0.018702, 0.032),
  ]);
  assert.equal(
    claim(evaluateClaims(probabilityClaims, probabilityFacts(good)), "ss-p-spurious").verdict,
    "agrees",
  );
  assert.equal(
    claim(evaluateClaims(probabilityClaims, probabilityFacts(good)), "ss-common").verdict,
    "agrees",
  );
  // Every spurious run in a proven family: the proof claim agrees; a third unproven: it differs.
  assert.equal(claim(evaluateClaims([provenClaim], probabilityFacts(good)), "ss-proven").verdict, "agrees");
  const unproven = results(
    good.cells.map((c) =>
      c.k === 10
        ? { ...c, provenSpuriousRuns: 0, provenSpurious: wilsonInterval(0, c.runs), unprovenFamilies: 1 }
        : c,
    ),
  );
  const refused = claim(evaluateClaims([provenClaim], probabilityFacts(unproven)), "ss-proven");
  assert.equal(refused.verdict, "differs");
  assert.match(refused.measured, /without a proof: \(10, 10\) 1/);
  assert.equal(
    claim(evaluateClaims(familyClaims, familyFacts(good)), "ss-top-family-loss").verdict,
    "agrees",
  );
  assert.equal(claim(evaluateClaims(familyClaims, familyFacts(good)), "ss-special-unit").verdict, "agrees");
  assert.equal(
    claim(evaluateClaims(curvatureClaims, curvatureFacts(good)), "ss-lambda-min").verdict,
    "agrees",
  );

  // two of three cells far off: more than ⌈5% · 3⌉ = 1 disagreement
  const off = results([
    fakeCell(7, 7, 60, 100, 0.023203, 0.0141),
    fakeCell(8, 8, 60, 100, 0.021508, 0.02135),
    fakeCell(10, 10, 35, 100, 0.018702, 0.032),
  ]);
  const p = claim(evaluateClaims(probabilityClaims, probabilityFacts(off)), "ss-p-spurious");
  assert.equal(p.verdict, "differs");
  assert.match(p.measured, /2 of 3 cells disagree/);

  const wrongLoss = results([fakeCell(8, 8, 12, 100, 0.0216, 0.02135)]);
  assert.equal(
    claim(evaluateClaims(familyClaims, familyFacts(wrongLoss)), "ss-top-family-loss").verdict,
    "differs",
  );
  const lowLambda = results([fakeCell(8, 8, 12, 100, 0.021508, 0.02)]);
  assert.equal(
    claim(evaluateClaims(curvatureClaims, curvatureFacts(lowLambda)), "ss-lambda-min").verdict,
    "differs",
  );
  // (10, 10): two released families; a mean below the released one from the same families in other proportions
  const two = fakeCell(10, 10, 40, 100, 0.018702, 0.03196);
  const second = {
    ...two.families[0],
    count: 10,
    loss: 0.035327,
    kLoss: 0.35327,
    lambdaMin: 0.01599,
    orbits: [8, 2],
  };
  const mixed = results([
    {
      ...two,
      families: [{ ...two.families[0], count: 30 }, second],
      meanLambdaMin: (30 * 0.03196 + 10 * 0.01599) / 40,
    },
  ]);
  const lambda = claim(evaluateClaims(curvatureClaims, curvatureFacts(mixed)), "ss-lambda-min");
  assert.equal(lambda.verdict, "agrees");
  assert.match(lambda.why ?? "", /other proportions/);
  const none = results([fakeCell(7, 7, 0, 10, 0, 0)]);
  assert.equal(
    claim(evaluateClaims(familyClaims, familyFacts(none)), "ss-top-family-loss").verdict,
    "not comparable",
  );
});
