import assert from "node:assert/strict";
import { test } from "node:test";
import { cnnCriticalCommand } from "../../src/cli/cnn-critical.js";
import { InputError } from "../../src/core/errors.js";
import { runCli } from "../helpers/cli.js";

function captureJson(args: string[]) {
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => out.push(String(s)) > 0) as typeof process.stdout.write;
  try {
    assert.equal(cnnCriticalCommand.run([...args, "--json"]), 0);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out.join(""));
}

test("minima cnn critical --json: the k = 25, (1ᵀa*)² = 4 example of docs/du-cnn.md", () => {
  const r = runCli(["cnn", "critical", "--k", "25", "--ratio", "4", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.spuriousIsLocalMinimum, true);
  assert.ok(Math.abs(out.spurious.loss - 0.1873) < 5e-5);
  assert.ok(out.spurious.aDotAstar < 0);
  assert.equal(out.spurious.hessian.index, 0);
  assert.equal(out.global.hessian.index, 0);
  assert.ok(Math.abs((out.saddle.phi * 180) / Math.PI - 104.9) < 0.05);
  assert.ok(out.saddle.hessian.index >= 1);
  assert.ok(out.saddle.gradNorm < 1e-12 && out.spurious.gradNorm < 1e-12);
  assert.ok(Math.abs(out.threshold - 8.6394) < 1e-4);
});

test("cnn critical above the threshold: no spurious local minimum and no saddle cone", () => {
  const out = captureJson(["--k", "25", "--ratio", "9", "--p", "4"]);
  assert.equal(out.spuriousIsLocalMinimum, false);
  assert.ok(out.spurious.aDotAstar > 0);
  assert.equal(out.saddle, null);
  assert.equal(out.spurious.hessian.eigenvalues.length, 29);
});

test("cnn critical rejects bad flags by name", () => {
  for (const [args, message] of [
    [["--k", "25", "--ratio", "26"], /--ratio/],
    [["--k", "-3", "--ratio", "1"], /--k/],
    [["--k", "3", "--ratio", "1", "--steps", "3"], /unknown flag --steps/],
  ] as const)
    assert.throws(
      () => cnnCriticalCommand.run([...args]),
      (e: unknown) => e instanceof InputError && message.test(e.message),
    );
});
