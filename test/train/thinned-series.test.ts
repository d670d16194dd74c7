import assert from "node:assert/strict";
import { test } from "node:test";
import { ThinnedRecorder, ThinnedSeries } from "../../src/train/trajectory.js";

test("ThinnedSeries keeps exactly the steps and values ThinnedRecorder keeps, and appends the last step", () => {
  for (const [maxPoints, steps] of [
    [4, 3],
    [4, 8],
    [4, 100],
    [128, 1000],
    [128, 257],
  ]) {
    const series = new ThinnedSeries(maxPoints);
    const recorder = new ThinnedRecorder<{ step: number; loss: number }>(maxPoints);
    for (let t = 0; t < steps; t++) {
      assert.equal(series.wants(t), recorder.wants(t));
      if (series.wants(t)) series.add(t, Math.exp(-t / 7));
      if (recorder.wants(t)) recorder.push({ step: t, loss: Math.exp(-t / 7) });
    }
    const last = { step: steps, loss: Math.exp(-steps / 7) };
    const kept = recorder.finish(last);
    const got = series.finish(last.step, last.loss);
    assert.deepEqual(
      got.steps,
      kept.map((p) => p.step),
      `maxPoints ${maxPoints}, ${steps} steps`,
    );
    assert.deepEqual(
      got.values,
      kept.map((p) => p.loss),
    );
    assert.ok(got.steps.length <= 2 * maxPoints + 1);
  }
  assert.deepEqual(new ThinnedSeries(4).finish(), { steps: [], values: [] });
});
