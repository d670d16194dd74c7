/**
 * Issue 16, item 5 (and issue 15, item 5): no non-finite number or placeholder is ever a result.
 * Runs that blow up report "diverged" with the step, and their quantities are null in JSON; inputs
 * whose arithmetic would overflow are refused with one line naming the flag.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { simulate2d } from "../../src/experiments/tian/dynamics2d.js";
import { k1Polar } from "../../src/experiments/tian/k1.js";
import { trainFc } from "../../src/experiments/tian/train.js";
import { reducedVelocity } from "../../src/models/fc/reduced-2d.js";
import { blameable, writeFixtures } from "./cases.js";
import { CaseRunner, notHandled } from "./harness.js";

const runner = new CaseRunner(60_000);
after(() => runner.close());
const fixtures = writeFixtures();

/** Every number in a JSON text, as parsed (so null stays null): all must be finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

// The cases of issue 16's report, in text and in JSON.
const CASES: ReadonlyArray<{ argv: string[]; diverges?: RegExp }> = [
  {
    argv: ["fc", "dynamics2d", "--K", "3", "--x0", "0.1", "--y0", "0", "--eta", "1e300"],
    diverges: /diverged at step 1\b/,
  },
  {
    argv: ["fc", "dynamics2d", "--K", "3", "--x0", "0.1", "--y0", "0", "--eta", "100", "--check-full"],
    diverges: /diverged at step \d+/,
  },
  { argv: ["fc", "dynamics2d", "--K", "3", "--x0", "1e300", "--y0", "0"] },
  { argv: ["fc", "dynamics2d", "--K", "100000", "--x0", "0.1", "--y0", "0", "--steps", "10"] },
  { argv: ["fc", "k1", "--polar", "--eta", "1e10"], diverges: /diverged at step \d+/ },
  { argv: ["fc", "k1", "--polar", "--r0", "1e300"] },
  { argv: ["fc", "field", "--K", "3", "--x-range", "0,1e308"] },
  { argv: ["fc", "field", "--K", "3", "--y-range", "0,1e300", "--n", "3"] },
  {
    argv: ["fc", "train", "--K", "2", "--d", "2", "--eta", "1e300", "--steps", "50"],
    diverges: /diverged at step 1\b/,
  },
  {
    argv: ["fc", "train", "--K", "2", "--d", "2", "--init-std", "1e200", "--steps", "50"],
    diverges: /diverged at step 0\b/,
  },
  {
    argv: ["fc", "train", "--K", "2", "--d", "2", "--eta", "100", "--steps", "200"],
    diverges: /diverged at step \d+/,
  },
  {
    argv: [
      "cnn",
      "train",
      "--k",
      "5",
      "--p",
      "3",
      "--ratio",
      "1",
      "--init",
      "gaussian",
      "--init-std",
      "1e308",
    ],
  },
  { argv: ["cnn", "train", "--k", "5", "--p", "3", "--ratio", "1", "--eta", "1e-300"] },
  { argv: ["fc", "critical", "--beta", "1e-320", "--phi1", "1", "--phi2", "2"] },
  {
    argv: [
      "classify",
      fixtures.path("fc-stationary"),
      "--radius",
      "1e300",
      "--restarts",
      "1",
      "--iterations",
      "20",
    ],
  },
  { argv: ["classify", fixtures.path("fc-huge")] },
];

for (const { argv, diverges } of CASES) {
  test(`${argv.join(" ")}: finite text, finite or null JSON, or a one-line error`, async () => {
    const text = await runner.run(argv);
    assert.equal(notHandled(text, blameable(argv)), undefined, text.stderr);
    const json = await runner.run([...argv, "--json"]);
    assert.equal(json.code, text.code, json.stderr);
    if (json.code === 0) assert.ok(allFinite(JSON.parse(json.stdout)), json.stdout.slice(0, 300));
    if (diverges) {
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, diverges);
      const out = JSON.parse(json.stdout);
      assert.ok(
        out.divergedAt !== undefined || out.outcome === "diverged" || out.fullCheck?.divergedAt !== undefined,
      );
    }
  });
}

test("a diverged fc run reports null for J, ‖∇J‖ and W, never J = 0 (a perfect fit)", () => {
  const r = trainFc({ K: 2, d: 2, start: { kind: "gaussian", std: 1e200 }, maxSteps: 50 });
  assert.equal(r.outcome, "diverged");
  assert.equal(r.steps, 0);
  assert.equal(r.loss, null);
  assert.equal(r.gradNorm, null);
  assert.equal(r.W, null);
  assert.equal(r.teacherDistance, undefined);
});

test("the 2-D map's divergence step is the first at which a coordinate passes 1e100 (stepped independently)", () => {
  const K = 4;
  const eta = 50;
  let x = 0.3;
  let y = 0.05;
  let expected = -1;
  for (let s = 0; s < 1000; s++) {
    if (!(Math.abs(x) < 1e100 && Math.abs(y) < 1e100 && (x - 1) ** 2 + (K - 1) * y * y < 1e100)) {
      expected = s;
      break;
    }
    const v = reducedVelocity(K, x, y);
    if (!v) break;
    x += eta * v.dx;
    y += eta * v.dy;
  }
  assert.ok(expected > 1, "the independent stepping diverges");
  const r = simulate2d({ K, x0: 0.3, y0: 0.05, eta, steps: 1000, recordEvery: 1 });
  assert.equal(r.limit, "diverged");
  assert.equal(r.divergedAt, expected);
  assert.equal(r.final.step, expected - 1);
  assert.ok(
    r.trajectory.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.error)),
  );
});

test("K = 1 polar GD that blows up stops with its step and a finite last point", () => {
  const r = k1Polar({ d: 3, r0: 0.5, theta0: 3, eta: 1e10, steps: 100, recordEvery: 1 });
  assert.ok(r.divergedAt !== undefined && r.divergedAt > 0);
  assert.equal(r.trajectory.length, r.divergedAt);
  assert.ok(Number.isFinite(r.final.r) && Number.isFinite(r.final.distance));
  assert.ok(r.trajectory.every((p) => Number.isFinite(p.loss) && Math.abs(p.loss) < 1e100));
});
