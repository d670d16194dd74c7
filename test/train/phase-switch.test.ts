import assert from "node:assert/strict";
import { test } from "node:test";
import { detectPhaseSwitch } from "../../src/train/phase-switch.js";
import { ThinnedRecorder } from "../../src/train/trajectory.js";

test("detectPhaseSwitch finds the end of a plateau followed by a linear decline", () => {
  const steps = Array.from({ length: 400 }, (_, t) => t);
  // Quick drop, plateau until t = 150, then ℓ falls by a factor 0.9 per step.
  const losses = steps.map((t) =>
    t < 10 ? 1 - 0.05 * t : t < 150 ? 0.5 - 1e-4 * (t - 10) : 0.486 * 0.9 ** (t - 150),
  );
  const knee = detectPhaseSwitch(steps, losses);
  assert.ok(knee !== null && Math.abs(knee - 150) <= 2, String(knee));
});

test("detectPhaseSwitch returns the first step when the decline is linear from the start", () => {
  const steps = Array.from({ length: 100 }, (_, t) => 5 + t);
  assert.equal(
    detectPhaseSwitch(
      steps,
      steps.map((t) => 0.8 ** t),
    ),
    5,
  );
  assert.equal(detectPhaseSwitch([], []), null);
});

test("ThinnedRecorder keeps between maxPoints and 2·maxPoints evenly spaced points and the last step", () => {
  const rec = new ThinnedRecorder<{ step: number }>(50);
  for (let t = 0; t <= 12345; t++) if (rec.wants(t)) rec.push({ step: t });
  const pts = rec.finish({ step: 12345 });
  assert.ok(pts.length >= 50 && pts.length <= 101, String(pts.length));
  const gap = pts[1].step - pts[0].step;
  for (let i = 1; i < pts.length - 1; i++) assert.equal(pts[i].step - pts[i - 1].step, gap);
  assert.equal(pts[0].step, 0);
  assert.equal(pts[pts.length - 1].step, 12345);
  const short = new ThinnedRecorder<{ step: number }>(50);
  for (let t = 0; t < 30; t++) if (short.wants(t)) short.push({ step: t });
  assert.equal(short.finish({ step: 29 }).length, 30);
});
