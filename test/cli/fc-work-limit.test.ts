import assert from "node:assert/strict";
import { test } from "node:test";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

test("fc noisy and fc ssb refuse a total work beyond the limit before any run, naming the flags; the defaults pass the check", () => {
  const noisy = runCli(["fc", "noisy", "--K", "10", "--runs", "100000"]);
  assert.ok(isOneLineInputError(noisy), noisy.stderr);
  assert.match(noisy.stderr, /--runs × --noises × --steps: .*multiply-adds.*limit 1e\+12/);
  const ssb = runCli(["fc", "ssb", "--K", "50", "--trials", "100000"]);
  assert.ok(isOneLineInputError(ssb), ssb.stderr);
  assert.match(ssb.stderr, /--trials × --steps/);
  const small = runCli([
    "fc",
    "noisy",
    "--K",
    "3",
    "--runs",
    "2",
    "--noises",
    "0,1",
    "--steps",
    "200",
    "--json",
  ]);
  assert.equal(small.code, 0, small.stderr);
});
