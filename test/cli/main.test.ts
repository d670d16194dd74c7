import assert from "node:assert/strict";
import { test } from "node:test";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

test("minima --help lists the commands and exits 0", () => {
  const r = runCli(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: minima <command>/);
});

test("an unknown command is a one-line error with exit code 2", () => {
  const r = runCli(["no-such-command"]);
  assert.ok(isOneLineInputError(r), r.stderr);
});
