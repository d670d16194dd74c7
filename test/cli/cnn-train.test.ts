import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { cnnTrainCommand } from "../../src/cli/cnn-train.js";
import { InputError } from "../../src/core/errors.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

/** Runs a command in this process, capturing what it prints (the command is synchronous). */
function capture(run: () => number | Promise<number>): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write;
  const log = console.log;
  const error = console.error;
  process.stdout.write = ((s: string) => out.push(String(s)) > 0) as typeof process.stdout.write;
  console.log = (...a: unknown[]) => out.push(`${a.join(" ")}\n`);
  console.error = (...a: unknown[]) => err.push(`${a.join(" ")}\n`);
  try {
    const code = run();
    if (typeof code !== "number") throw new Error("expected a synchronous command");
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = write;
    console.log = log;
    console.error = error;
  }
}

test("minima cnn train --json prints the outcome, the end state and the trajectory", () => {
  const r = runCli([
    "cnn",
    "train",
    "--k",
    "25",
    "--p",
    "25",
    "--ratio",
    "4",
    "--seed",
    "3",
    "--json",
    "--trajectory",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const key of [
    "outcome",
    "steps",
    "loss",
    "phi",
    "aDotAstar",
    "oneDotA",
    "vNorm",
    "phaseSwitch",
    "trajectory",
  ])
    assert.ok(key in out, key);
  assert.equal(out.outcome, "global");
  assert.ok(out.trajectory.length > 10);
  assert.deepEqual(Object.keys(out.trajectory[0]), ["step", "loss", "phi", "aDotAstar", "oneDotA", "vNorm"]);
  assert.equal(out.trajectory.at(-1).step, out.steps);
  assert.doesNotMatch(r.stdout, /NaN|null,\s*"phi0/);
});

test("cnn train: the same seed prints the same run; the readable summary names the outcome", () => {
  const args = ["--k", "16", "--p", "9", "--ratio", "1", "--seed", "5", "--trial", "2"];
  const a = capture(() => cnnTrainCommand.run([...args, "--json"]));
  const b = capture(() => cnnTrainCommand.run([...args, "--json"]));
  assert.equal(a.code, 0);
  assert.equal(a.stdout, b.stdout);
  const text = capture(() => cnnTrainCommand.run([...args, "--trajectory"]));
  assert.match(text.stdout, /outcome: {2}(global|spurious) after \d+ steps/);
  assert.match(text.stdout, /step {10}loss/);
  assert.doesNotMatch(text.stdout, /NaN/);
});

test("cnn train warns above the stability bound and reports divergence without NaN", () => {
  const r = capture(() =>
    cnnTrainCommand.run(["--k", "25", "--p", "5", "--ratio", "2", "--eta", "0.6", "--json"]),
  );
  assert.equal(r.code, 0);
  assert.match(r.stderr, /warning: --eta 0\.6 is at or above the stability bound 4π\/\(k\+π−1\) = 0\.463:/);
  const out = JSON.parse(r.stdout);
  assert.equal(out.outcome, "diverged");
  assert.equal(out.warnings.length, 1);
  const text = capture(() => cnnTrainCommand.run(["--k", "25", "--p", "5", "--ratio", "2", "--eta", "0.6"]));
  assert.doesNotMatch(text.stdout, /NaN|Infinity/);
});

test("cnn train takes an explicit teacher from a JSON file and runs finite-sample SGD", () => {
  const dir = mkdtempSync(join(tmpdir(), "minima-cnn-"));
  try {
    const file = join(dir, "teacher.json");
    writeFileSync(file, JSON.stringify({ w: [0, 2, 0], a: [0.5, -0.2, 0.4, 0.1] }));
    const r = capture(() =>
      cnnTrainCommand.run(["--teacher", file, "--steps", "500", "--batch", "8", "--samples", "64", "--json"]),
    );
    const out = JSON.parse(r.stdout);
    assert.equal(out.k, 4);
    assert.equal(out.p, 3);
    assert.ok(Math.abs(out.anorm - 2 * Math.hypot(0.5, 0.2, 0.4, 0.1)) < 1e-12);
    assert.throws(
      () => cnnTrainCommand.run(["--teacher", file, "--k", "4"]),
      /--k: cannot be combined with --teacher/,
    );
    writeFileSync(file, JSON.stringify({ w: [0, 0], a: [1] }));
    assert.throws(() => cnnTrainCommand.run(["--teacher", file]), /teacher\.w: must be a non-zero/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test("cnn train rejects bad flags with an InputError naming the flag", () => {
  const base = ["--k", "25", "--p", "25", "--ratio", "4"];
  const cases: [string[], RegExp][] = [
    [["--k", "2.5", "--p", "3", "--ratio", "1"], /--k: must be an integer/],
    [["--k", "0", "--p", "3", "--ratio", "0"], /--k: must be an integer/],
    [["--k", "5", "--p", "-1", "--ratio", "1"], /--p/],
    [["--k", "5", "--p", "3", "--ratio", "6"], /--ratio: must be in \[0, k\] = \[0, 5\]/],
    [["--k", "5", "--p", "3", "--ratio", "NaN"], /--ratio: must be a finite number/],
    [["--k", "5", "--p", "3"], /--ratio: is required/],
    [[...base, "--eta", "Infinity"], /--eta: must be a finite number/],
    [[...base, "--eta", "0"], /--eta: must be > 0/],
    [[...base, "--anorm=-1"], /--anorm: must be in \[1e-50, 1e\+50\]/],
    [[...base, "--init", "zeros"], /--init: must be one of paper, gaussian/],
    [[...base, "--init-std", "0.1"], /--init-std: is only for --init gaussian/],
    [[...base, "--samples", "10", "--batch", "20"], /--batch: must be an integer from 1 to 10/],
    [[...base, "--stepz", "10"], /unknown flag --stepz/],
  ];
  for (const [args, message] of cases)
    assert.throws(
      () => cnnTrainCommand.run(args),
      (e: unknown) => e instanceof InputError && message.test(e.message),
      args.join(" "),
    );
});

test("minima cnn train: bad input is one line on stderr with exit code 2", () => {
  const r = runCli(["cnn", "train", "--k", "25", "--p", "25", "--ratio", "30"]);
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /--ratio/);
});
