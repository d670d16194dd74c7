// Gradient flow from the command line and in sweeps: --optimizer flow with its tolerances, and the
// sweep cells of the fc model (GD cells keep their stream keys).
import assert from "node:assert/strict";
import { test } from "node:test";
import { planSweep } from "../../src/sweep/plan.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

test("minima fc train --optimizer flow reaches the teacher and reports the flow time; GD prints none", () => {
  const args = ["fc", "train", "--K", "4", "--d", "4", "--init-std", "1e-3", "--steps", "20000", "--json"];
  const flow = runCli([...args, "--optimizer", "flow", "--flow-rtol", "1e-7"]);
  assert.equal(flow.code, 0, flow.stderr);
  const out = JSON.parse(flow.stdout);
  assert.equal(out.outcome, "global");
  assert.ok(out.time > 0);
  assert.ok(out.teacherDistance.max < 1e-3);
  assert.ok(out.trace.length > 2 && out.trace.every((p: { time: number }) => p.time >= 0));
  const gd = runCli(args);
  assert.equal(gd.code, 0, gd.stderr);
  assert.equal(JSON.parse(gd.stdout).time, undefined);
  const text = runCli(args.slice(0, -1).concat(["--optimizer", "flow"]));
  assert.match(text.stdout, /outcome global after \d+ steps \(flow time [\d.]+\)/);
});

test("fc train names the flag of a bad optimizer setting", () => {
  const base = ["fc", "train", "--K", "3", "--d", "3"];
  for (const [extra, flag] of [
    [["--optimizer", "adam"], "--optimizer"],
    [["--flow-rtol", "1e-8"], "--flow-rtol"],
    [["--optimizer", "flow", "--flow-atol", "0"], "--flow-atol"],
  ] as const) {
    const r = runCli([...base, ...extra]);
    assert.ok(isOneLineInputError(r), r.stderr);
    assert.ok(r.stderr.includes(flag), r.stderr);
  }
});

test("an fc sweep cell with optimizer flow resolves its tolerances; a GD cell's stream key ignores an explicit optimizer gd", async () => {
  const plan = async (params: Record<string, unknown>) =>
    (
      await planSweep(
        parseSweepSpec({ model: "fc", params: { n: 5, ...params }, trials: 2, seed: 1 }),
        process.cwd(),
      )
    ).cells[0];
  const flow = await plan({ optimizer: "flow" });
  assert.equal((flow.params as Record<string, unknown>).optimizer, "flow");
  assert.equal((flow.params as Record<string, unknown>).flowRtol, 1e-6);
  const gd = await plan({});
  assert.equal((await plan({ optimizer: "gd" })).streamKey, gd.streamKey);
  assert.notEqual(flow.streamKey, gd.streamKey);
});

test("minima fc probability --optimizer flow runs the cell by gradient flow and says so; a flow tolerance alone is refused", () => {
  const base = ["fc", "probability", "--K", "6", "--trials", "6", "--seed", "3", "--workers", "1"];
  const json = runCli([...base, "--optimizer", "flow", "--flow-rtol", "1e-7", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.equal(out.trials, 6);
  assert.equal(out.settings.optimizer, "flow");
  assert.equal(out.settings.flowRtol, 1e-7);
  assert.equal(out.settings.flowAtol, 1e-9);
  const text = runCli([...base, "--optimizer", "flow"]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /gradient flow \(rtol 1e-6, atol 1e-9\): 6 trials/);
  const refused = runCli([...base, "--flow-atol", "1e-10"]);
  assert.ok(isOneLineInputError(refused), refused.stderr);
  assert.ok(refused.stderr.includes("--flow-atol"), refused.stderr);
});
