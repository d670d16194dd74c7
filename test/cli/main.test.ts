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

test("a command group alone (minima cnn) lists its commands and exits 0", () => {
  const r = runCli(["cnn", "--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /cnn train/);
  assert.match(r.stdout, /cnn critical/);
});

test("an unknown subcommand of a group names the group's commands", () => {
  const r = runCli(["cnn", "trian"]);
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /cnn train/);
});
