import assert from "node:assert/strict";
import { before, test } from "node:test";
import { designResidual } from "../../src/experiments/ding/residual-design.js";
import { silentProgress } from "../../src/io/step-progress.js";
import { gaussianInputs } from "../../src/models/mlp/data.js";
import { certificateClaims } from "../../src/report/ding/certificates.js";
import { dingConfigs } from "../../src/report/ding/compute/configs.js";
import {
  type DingCertificateRow,
  ESCAPE_TABLE,
  workedExampleEscape,
} from "../../src/report/ding/compute/rows.js";
import { controlClaims } from "../../src/report/ding/controls.js";
import { cutAbove, escapeSeries, exampleComparison } from "../../src/report/ding/escape-path.js";
import { computeDing, type DingResults } from "../../src/report/ding/results.js";
import { dingSection } from "../../src/report/ding/section.js";
import { yuChenClaims } from "../../src/report/ding/yu-chen.js";
import type { Claim } from "../../src/report/types.js";

let smoke: DingResults;

before(async () => {
  smoke = await computeDing({ size: "smoke", seed: 1, workers: 1, progress: silentProgress });
});

const claim = (claims: readonly Claim[], id: string) => {
  const c = claims.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
};

/** P = Σ_l (d_{l−1} + 1)·d_l + d_H + 1 for a scalar-output net with biases. */
function parameterCount(inputDim: number, widths: readonly number[]): number {
  const sizes = [inputDim, ...widths];
  let p = widths[widths.length - 1] + 1;
  for (let l = 1; l < sizes.length; l++) p += (sizes[l - 1] + 1) * sizes[l];
  return p;
}

test("smoke results: one certificate row per configuration, with P, depth and the predicted zero modes P − d₀d₁ − 1", () => {
  const configs = dingConfigs({ size: "smoke" });
  assert.equal(smoke.certificates.length, configs.length);
  assert.ok(new Set(smoke.certificates.map((r) => r.depth)).size >= 2, "more than one depth");
  assert.ok(
    smoke.certificates.some((r) => r.wide) && smoke.certificates.some((r) => !r.wide),
    "narrow and d_H ≥ N",
  );
  smoke.certificates.forEach((row, i) => {
    assert.equal(row.activation, configs[i].activation);
    assert.deepEqual(row.widths, configs[i].widths);
    assert.equal(row.depth, row.widths.length);
    assert.equal(row.parameters, parameterCount(row.inputDim, row.widths));
    assert.equal(row.predictedZeroModes, row.parameters - row.inputDim * row.widths[0] - 1);
    assert.equal(row.wide, row.widths[row.widths.length - 1] >= row.samples);
    assert.equal(row.restarts.finalLosses.length, row.restarts.count);
    for (const [k, v] of Object.entries(row)) if (typeof v === "number") assert.ok(Number.isFinite(v), k);
  });
  assert.ok(smoke.controls.length >= 2 && smoke.escapes.length >= 1 && smoke.yuChen.length >= 1);
});

test("L* equals ½‖r‖² of the designed residual, recomputed from the seeded inputs (the network fits the label mean)", () => {
  const r = designResidual(gaussianInputs(smoke.seed, 2, 10)).r;
  const half = 0.5 * r.reduce((s, v) => s + v * v, 0);
  for (const row of smoke.certificates.filter((x) => x.inputDim === 2 && x.samples === 10))
    assert.ok(Math.abs(row.lossAtPoint - half) <= 1e-12 * half, `${row.activation} [${row.widths}]`);
});

test("every certified point has λ_min(S) > 0, λ_min(∇²F) > 0, index 0, positive eigenvalues above its zero modes, and no restart below L*", () => {
  for (const row of smoke.certificates.filter((x) => x.verdict === "sub-optimal local minimum")) {
    const name = `${row.activation} [${row.widths}]`;
    assert.ok(row.minEigenvalueS > 0 && row.minEigenvalueF > 0, name);
    assert.equal(row.index, 0, name);
    assert.ok(row.smallestPositive > 1e3 * row.largestZeroMode, name);
    assert.ok(row.minEigenvalue >= -row.zeroThreshold, name);
    for (const l of row.restarts.finalLosses) assert.ok(l >= row.lossAtPoint - 1e-10 * row.lossAtPoint, name);
  }
});

test("L* of every configuration is above the best loss found for a wider net on the same data and activation", () => {
  for (const narrow of smoke.certificates) {
    const wider = smoke.certificates.filter(
      (x) => x.activation === narrow.activation && x.inputDim === narrow.inputDim && x.wide,
    );
    assert.ok(wider.length > 0);
    for (const w of wider)
      assert.ok(narrow.lossAtPoint > 1e6 * w.bestLoss, `${narrow.widths} vs ${w.widths}`);
  }
});

test("the negative control's flipped points are saddles, and the valley keeps the loss at L* to rounding", () => {
  for (const c of smoke.controls) {
    assert.equal(c.label, "saddle");
    assert.ok(c.index > 0 && c.minEigenvalue < 0 && c.minEigenvalueF < 0);
    assert.ok(c.valleyDeviation <= 1e-12 * c.lossAtPoint);
    assert.ok(c.descentCurvature < 0);
  }
});

test("the worked example's escape path reproduces the numbers of docs/ding.md to their 5 decimals", () => {
  const rows = exampleComparison(workedExampleEscape());
  assert.equal(rows.length, ESCAPE_TABLE.rise.length + ESCAPE_TABLE.descent.length);
  for (const row of rows) assert.ok(row.matches, `${row.part} t=${row.t}: ${row.measured} vs ${row.table}`);
});

test("escapeSeries: flat on s ∈ [0, 1], then the solid curve falls and the direct one rises", () => {
  const s = escapeSeries(workedExampleEscape());
  const valley = s.valleyThenDescent.filter((q) => q.x <= 1);
  assert.ok(valley.every((q) => Math.abs(q.y) < 1e-14));
  const after = s.valleyThenDescent.filter((q) => q.x > 1);
  assert.ok(after.length > 0 && after.every((q) => q.y < 0));
  assert.ok(s.direct.slice(1).every((q) => q.y > 0));
  const xs = s.valleyThenDescent.map((q) => q.x);
  assert.deepEqual(
    xs,
    [...xs].sort((a, b) => a - b),
  );
});

test("cutAbove stops a curve where it first crosses the ceiling, interpolating the crossing", () => {
  const pts = [
    { x: 0, y: 0 },
    { x: 1, y: 1 },
    { x: 2, y: 3 },
    { x: 3, y: 0 },
  ];
  assert.deepEqual(cutAbove(pts, 2), [
    { x: 0, y: 0 },
    { x: 1, y: 1 },
    { x: 1.5, y: 2 },
  ]);
  assert.deepEqual(cutAbove(pts, 5), pts);
});

function withRow(r: DingResults, i: number, change: Partial<DingCertificateRow>): DingResults {
  return { ...r, certificates: r.certificates.map((row, j) => (j === i ? { ...row, ...change } : row)) };
}

test("certificate claims follow the numbers: a failed verdict, a wrong zero-mode count or a wide net that does not reach 0 changes the verdict", () => {
  const base = certificateClaims(smoke);
  assert.equal(claim(base, "ding-zero-modes").verdict, "agrees");
  assert.equal(claim(base, "ding-wide-non-strict").verdict, "agrees");
  const allCertified = smoke.certificates.every((x) => x.verdict === "sub-optimal local minimum");
  assert.equal(claim(base, "ding-exists").verdict, allCertified ? "agrees" : "partly agrees");

  const failed = certificateClaims(withRow(smoke, 0, { verdict: "not a local minimum", reason: "test" }));
  assert.equal(claim(failed, "ding-exists").verdict, "partly agrees");
  assert.match(claim(failed, "ding-exists").measured, /Not certified/);

  const zero = certificateClaims(withRow(smoke, 0, { zeroModes: smoke.certificates[0].zeroModes + 1 }));
  assert.equal(claim(zero, "ding-zero-modes").verdict, "differs");

  const wideIndex = smoke.certificates.findIndex((x) => x.wide);
  const stuck = certificateClaims(
    withRow(smoke, wideIndex, { bestLoss: 0.5 * smoke.certificates[wideIndex].lossAtPoint }),
  );
  assert.equal(claim(stuck, "ding-wide-global-zero").verdict, "differs");

  const descended = certificateClaims(
    withRow(smoke, 0, { restarts: { ...smoke.certificates[0].restarts, descended: 1 } }),
  );
  assert.equal(claim(descended, "ding-restarts").verdict, "differs");
});

test("control claims follow the numbers: a point that is not a saddle makes the control differ, a slow escape only partly agree", () => {
  const all = (change: Partial<DingResults["controls"][number]>) => ({
    ...smoke,
    controls: smoke.controls.map((c) => ({ ...c, ...change })),
  });
  assert.equal(claim(controlClaims(all({ escaped: true })), "ding-negative-control").verdict, "agrees");
  assert.equal(
    claim(controlClaims(all({ escaped: false })), "ding-negative-control").verdict,
    "partly agrees",
  );
  assert.equal(
    claim(controlClaims(all({ label: "not a saddle", minEigenvalue: 0 })), "ding-negative-control").verdict,
    "differs",
  );
  assert.equal(claim(controlClaims(all({ valleyDeviation: 1e-3 })), "ding-escape-valley").verdict, "differs");
  assert.equal(claim(controlClaims(smoke), "ding-escape-example").verdict, "agrees");
});

test("a width-1 control that is not a saddle is reported apart: the control's claim is about d_H ≥ 2", () => {
  const ok = smoke.controls.map((c) => ({ ...c, escaped: true }));
  const single = {
    ...ok[0],
    widths: [1],
    flipped: 1,
    label: "not a saddle" as const,
    minEigenvalue: 0,
    escaped: false,
  };
  const claims = controlClaims({ ...smoke, controls: [...ok, single] });
  assert.equal(claim(claims, "ding-negative-control").verdict, "agrees");
  assert.match(claim(claims, "ding-negative-control").measured, /d_H = 1: 0 of 1 flipped points are saddles/);
  // its valley and descent still count for the escape claim
  assert.equal(claim(claims, "ding-escape-valley").verdict, "agrees");
  const flatFails = controlClaims({ ...smoke, controls: [...ok, { ...single, valleyDeviation: 1e-3 }] });
  assert.equal(claim(flatFails, "ding-escape-valley").verdict, "differs");
});

test("the activation-class claim: each certified activation has σ'(a) > 0 and σ''(a) > 0 at its point; relu, leaky-relu and linear are outside the theorem", () => {
  // the activations the smoke certificates ran, then the three excluded ones
  assert.deepEqual(
    smoke.activations.map((x) => x.activation),
    ["sigmoid", "tanh", "relu", "leaky-relu", "linear"],
  );
  for (const row of smoke.activations) {
    if (row.theoremCondition)
      assert.ok(row.point !== undefined && row.d1! > 0 && row.d2! > 0, row.activation);
    else assert.equal(row.verdict, "outside the theorem", row.activation);
  }
  assert.equal(claim(certificateClaims(smoke), "ding-activation-class").verdict, "agrees");
  const notCertified = { ...smoke, certificates: smoke.certificates.filter((x) => x.activation !== "tanh") };
  assert.equal(claim(certificateClaims(notCertified), "ding-activation-class").verdict, "differs");
  const reluCertified = {
    ...smoke,
    activations: smoke.activations.map((x) =>
      x.activation === "relu" ? { ...x, verdict: "sub-optimal local minimum" as const } : x,
    ),
  };
  assert.equal(claim(certificateClaims(reluCertified), "ding-activation-class").verdict, "differs");
});

test("the Yu–Chen claim agrees only when every regime is certified sub-optimal", () => {
  assert.equal(claim(yuChenClaims(smoke), "ding-yu-chen").verdict, "agrees");
  const broken = {
    ...smoke,
    yuChen: smoke.yuChen.map((x) => ({ ...x, verdict: "not a local minimum" as const })),
  };
  assert.equal(claim(yuChenClaims(broken), "ding-yu-chen").verdict, "differs");
});

test("the rendered section: every table row has one cell per column, figures are named ding-*, data has no NaN", () => {
  const section = dingSection(smoke);
  assert.equal(section.id, "ding");
  const names = section.subsections.flatMap((s) => s.figures.map((f) => f.name));
  assert.ok(names.length >= 4 && names.every((n) => n.startsWith("ding-")));
  assert.equal(new Set(names).size, names.length);
  for (const sub of section.subsections) {
    assert.ok(sub.claims.length > 0, sub.id);
    for (const t of sub.tables) for (const row of t.rows) assert.equal(row.length, t.columns.length, t.id);
    assert.doesNotMatch(JSON.stringify(sub.data), /NaN|Infinity|null/);
    for (const f of sub.figures) assert.doesNotMatch(f.svg, /NaN|Infinity/);
  }
});
