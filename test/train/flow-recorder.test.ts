import assert from "node:assert/strict";
import { test } from "node:test";
import { FlowRecorder } from "../../src/train/flow-recorder.js";
import { type FlowModel, gradientFlow } from "../../src/train/gradient-flow.js";

// L = ½(a·x² + b·y²): the flow is x(t) = x₀e^{−at}, y(t) = y₀e^{−bt}, written out here.
const a = 0.5;
const b = 3;
const model: FlowModel<{ loss: number }> = {
  evaluate(x, g) {
    if (g) {
      g[0] = a * x[0];
      g[1] = b * x[1];
    }
    return { loss: 0.5 * (a * x[0] ** 2 + b * x[1] ** 2) };
  },
  hessian: () => [Float64Array.of(a, 0), Float64Array.of(0, b)],
};
const x0 = [2, -1];
const at = (t: number) => [x0[0] * Math.exp(-a * t), x0[1] * Math.exp(-b * t)];

test("the recorder keeps at most maxSamples samples in time order, from the start to the last point, matching the closed-form flow", () => {
  const recorder = new FlowRecorder<{ loss: number }>({ loss: (s) => s.loss, maxSamples: 20, points: true });
  const x = Float64Array.from(x0);
  const end = gradientFlow(
    model,
    x,
    { check: () => undefined },
    { maxSteps: 5000, maxTime: 30, rtol: 1e-11, atol: 1e-13, observe: recorder.observe },
  );
  const samples = recorder.samples();
  assert.ok(end.steps > 100, "a run long enough to be thinned");
  assert.ok(samples.length <= 20 && samples.length >= 10, String(samples.length));
  assert.equal(samples[0].step, 0);
  assert.equal(samples[0].time, 0);
  const last = samples[samples.length - 1];
  assert.equal(last.step, end.steps);
  assert.equal(last.time, 30);
  for (let i = 1; i < samples.length; i++) assert.ok(samples[i].time > samples[i - 1].time);
  for (const s of samples) {
    const [p, q] = at(s.time);
    assert.ok(Math.abs((s.point as number[])[0] - p) < 1e-9 && Math.abs((s.point as number[])[1] - q) < 1e-9);
    assert.ok(Math.abs(s.loss - 0.5 * (a * p * p + b * q * q)) < 1e-9);
    assert.ok(Math.abs(s.gradNorm - Math.hypot(a * p, b * q)) < 1e-9);
  }
});

test("without points the samples carry none; Newton's end point is the last sample, marked", () => {
  const recorder = new FlowRecorder<{ loss: number }>({ loss: (s) => s.loss, maxSamples: 8 });
  const x = Float64Array.from(x0);
  const gradNorm = (s: { loss: number }) => Math.sqrt(2 * s.loss);
  gradientFlow(
    model,
    x,
    { check: (s) => (s.loss < 1e-30 ? "stationary" : undefined) },
    { maxSteps: 5000, newton: { gradNorm, switchAt: 1e-2, gradTol: 1e-16 }, observe: recorder.observe },
  );
  const samples = recorder.samples();
  assert.ok(samples.length <= 8);
  assert.ok(samples.every((s) => s.point === undefined));
  const last = samples[samples.length - 1];
  assert.equal(last.newton, true);
  assert.ok(last.gradNorm < 1e-15, String(last.gradNorm));
  assert.ok(samples.slice(0, -1).every((s) => s.newton === undefined));
});
