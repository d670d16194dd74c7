/**
 * The test command's reporter (scripts/test-reporter.mjs) on fixture files: counts, every failure
 * with its message, cancelled tests reported as failures with the reason they were cancelled, a
 * crashed file with its output, notes and skip reasons, and the exit status.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const reporter = fileURLToPath(new URL("../../scripts/test-reporter.mjs", import.meta.url));

function report(...fixtures: string[]): { out: string; status: number | null } {
  // Without NODE_TEST_CONTEXT the child is a run of its own, not a subtest of this one.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const run = spawnSync(
    process.execPath,
    ["--test", `--test-reporter=${reporter}`, ...fixtures.map((f) => here(`fixtures/${f}`))],
    { encoding: "utf8", env },
  );
  return { out: run.stdout, status: run.status };
}

test("a passing run prints one dot per file and a one-line summary", () => {
  const { out, status } = report("pass.fixture.mjs");
  assert.equal(status, 0);
  assert.match(out, /^\.\n/);
  assert.match(out, /PASS {2}1 passed, 0 failed {2}· {2}1 files {2}· {2}[\d.]+ m?s\n$/);
  assert.ok(out.split("\n").length <= 5, out);
});

test("failures come in full; cancelled tests count as failed, with their parent's reason", () => {
  const { out, status } = report("mixed.fixture.mjs", "crash.fixture.mjs");
  assert.equal(status, 1);
  assert.match(out, /^FF\n/);
  // The assertion's message and diff, at the test's line.
  assert.match(out, /\n2\) compares\n {3}test\/tooling\/fixtures\/mixed\.fixture\.mjs:7\n/);
  assert.match(out, /Expected values to be strictly deep-equal/);
  assert.match(out, /loss: 0\.5/);
  // The hook's error once, naming the tests it cancelled.
  assert.match(out, /\n3\) in the browser\n.*\n {3}cancelled 2 tests: loads the page, clicks the button\n/);
  assert.match(out, /failed running before hook: Error: chromium not found at \/nowhere\/chromium/);
  assert.doesNotMatch(out, /did not finish before its parent/);
  // The crash with the file's own output.
  assert.match(out, /\n1\) test file crashed\n {3}test\/tooling\/fixtures\/crash\.fixture\.mjs/);
  assert.match(out, /Error: the module failed to load/);
  assert.match(
    out,
    /Notes from the tests:\n {2}test\/tooling\/fixtures\/mixed\.fixture\.mjs: 17 malformed inputs rejected/,
  );
  assert.match(out, /1 × python3 with NumPy is not available/);
  // compares + the crash + two cancelled = 4 failed; adds + counts passed.
  assert.match(out, /FAIL {2}2 passed, 4 failed \(2 of them cancelled\), 1 skipped {2}· {2}2 files/);
  assert.doesNotMatch(out, /node:internal/);
});
