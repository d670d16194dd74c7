import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { certifyCommand } from "../../src/cli/certify.js";
import { InputError } from "../../src/core/errors.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

/** Runs the command in this process (no child process: tsx start-up dominates otherwise) and returns its stdout. */
async function runInProcess(argv: string[]): Promise<string> {
  const chunks: string[] = [];
  const log = console.log;
  const write = process.stdout.write.bind(process.stdout);
  console.log = (...args: unknown[]) => {
    chunks.push(`${args.join(" ")}\n`);
  };
  process.stdout.write = ((text: string) => {
    chunks.push(String(text));
    return true;
  }) as typeof process.stdout.write;
  try {
    await certifyCommand.run(argv);
  } finally {
    console.log = log;
    process.stdout.write = write;
  }
  return chunks.join("");
}

const dir = mkdtempSync(join(tmpdir(), "minima-certify-"));
const golden = join(dir, "golden.csv");
writeFileSync(golden, "x,y\n-1.5,-1\n-0.5,1\n0.5,1\n1.5,-1\n");
const fast = ["--restarts", "2", "--iterations", "2000", "--training-starts", "1"];

test("certify on the worked example's data (m = 2): sub-optimal local minimum with L* = 2 and 4 of 4 predicted zero modes", () => {
  const r = runCli([
    "certify",
    "--activation",
    "sigmoid",
    "--data",
    golden,
    "--widths",
    "2",
    "--weights",
    "unit",
    ...fast,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.verdict, "sub-optimal local minimum");
  assert.equal(j.lossAtPoint, 2);
  assert.equal(j.parameters, 7);
  assert.equal(j.zeroModes, 4);
  assert.equal(j.predictedZeroModes, 4);
  assert.equal(j.gradNorm, 0);
  assert.ok(j.minEigenvalue > -1e-12);
  assert.ok(j.bestLoss < 1e-6);
  assert.equal(j.negativeControl.label, "saddle");
  assert.ok(j.negativeControl.escaped);
  assert.ok(j.escapePath.valleyDeviation < 1e-14);
});

test("certify with generated data (tanh, d0 2, N 8, widths 3,3) is a sub-optimal local minimum (in process)", async () => {
  const out = await runInProcess(
    [
      "certify",
      "--activation",
      "tanh",
      "--d0",
      "2",
      "--samples",
      "8",
      "--widths",
      "3,3",
      "--seed",
      "5",
      ...fast,
      "--json",
    ].slice(1),
  );
  const j = JSON.parse(out);
  assert.equal(j.verdict, "sub-optimal local minimum", j.reason);
  assert.equal(j.zeroModes, j.predictedZeroModes);
  assert.equal(j.predictedZeroModes, j.parameters - 2 * 3 - 1);
});

test("certify with relu is 'outside the theorem' with a reason, not a crash", () => {
  const r = runCli([
    "certify",
    "--activation",
    "relu",
    "--d0",
    "2",
    "--samples",
    "8",
    "--widths",
    "4",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.verdict, "outside the theorem");
  assert.match(j.reason, /piecewise linear/);
  assert.equal(j.parameters, 4 * 2 + 4 + 4 + 1);
});

test("certify: an unknown activation is a one-line error with exit code 2 listing the names", () => {
  const r = runCli(["certify", "--activation", "mish", "--d0", "2", "--samples", "8", "--widths", "3"]);
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /--activation: must be one of relu, leaky-relu, sigmoid/);
});

test("certify rejects bad flags and unsupported data with one-line input errors naming the problem", async () => {
  const ellipse = join(dir, "ellipse.csv");
  writeFileSync(ellipse, "x1,x2,y\n1,0,1\n0,1,2\n-1,0,0\n0,-1,1\n0.6,0.8,3\n");
  const noHeader = join(dir, "noheader.csv");
  writeFileSync(noHeader, "1,2\n3,4\n");
  const cases: [string[], RegExp][] = [
    [["--activation", "tanh", "--d0", "2", "--samples", "8", "--widths", "3,0"], /^--widths/],
    [["--activation", "tanh", "--samples", "8", "--widths", "3"], /^--d0: is required/],
    [
      ["--activation", "tanh", "--d0", "2", "--samples", "3", "--widths", "3"],
      /more than d0 \+ 1 = 3 points/,
    ],
    [["--activation", "tanh", "--data", ellipse, "--design-labels", "--widths", "3"], /quadric/],
    [["--activation", "tanh", "--data", noHeader, "--widths", "3"], /header row/],
    [["--activation", "tanh", "--data", golden, "--d0", "2", "--widths", "3"], /^--d0: must match/],
    [
      ["--activation", "tanh", "--data", join(dir, "missing.csv"), "--widths", "3"],
      /^--data: must be a readable/,
    ],
    [
      ["--activation", "tanh", "--d0", "2", "--samples", "8", "--widths", "3", "--bogus"],
      /unknown flag --bogus/,
    ],
  ];
  for (const [args, pattern] of cases) {
    await assert.rejects(
      runInProcess(args),
      (e: unknown) => e instanceof InputError && pattern.test(e.message) && !e.message.includes("\n"),
      args.join(" "),
    );
  }
});
