import assert from "node:assert/strict";
import { test } from "node:test";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const problem = {
  model: "fc",
  teacher: {
    W: [
      [1, 0, 0],
      [0, 1, 0],
    ],
  },
  student: {
    W: [
      [0.9, 0.2, 0],
      [0.1, 0.7, 0.3],
    ],
    a: [1, 1.2],
  },
};

test("minima eval prints the fc loss, ∇J in {W, a} blocks and the exact Hessian's spectrum", () => {
  const r = runCli(["eval", "-", "--hessian", "--json"], { input: JSON.stringify(problem) });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.loss > 0);
  assert.equal(out.grad.W.length, 2);
  assert.equal(out.grad.W[0].length, 3);
  assert.equal(out.grad.a.length, 2);
  assert.equal(out.hessian.eigenvalues.length, 8);
});

test("minima eval rejects an fc problem with a zero row as a one-line input error", () => {
  const bad = {
    ...problem,
    student: {
      W: [
        [0, 0, 0],
        [0.1, 0.7, 0.3],
      ],
    },
  };
  const r = runCli(["eval", "-", "--json"], { input: JSON.stringify(bad) });
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /student\.W\[0\]/);
});

test("fc saddles --json reproduces x*_2 and the unstable Jacobian eigenvalue", () => {
  const r = runCli(["fc", "saddles", "--K", "2", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const row = JSON.parse(r.stdout).rows[0];
  assert.ok(Math.abs(row.saddle - 0.534155) < 1e-6 && Math.abs(row.jacobianEigenvalues[1] - 3.744) < 1e-3);
});

test("fc dynamics2d --check-full: the 2-D map matches full population GD", () => {
  const r = runCli([
    "fc",
    "dynamics2d",
    "--K",
    "3",
    "--x0",
    "0.2",
    "--y0",
    "0.1",
    "--steps",
    "300",
    "--check-full",
    "--d",
    "4",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).fullCheck.maxDeviation < 1e-12);
});

test("fc k1 --json puts P(Ω) beside its Monte-Carlo interval, the bound and GD's success rate", () => {
  const r = runCli(["fc", "k1", "--d", "10", "--eps", "0.5", "--trials", "40", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const row = JSON.parse(r.stdout).rows[0];
  assert.ok(row.exactInOmega > row.bound);
  assert.ok(row.sampledInOmega.lo <= row.exactInOmega && row.exactInOmega <= row.sampledInOmega.hi);
  assert.equal(row.gdSuccess.count, 40);
});

test("fc train, fc critical and fc fig3 print JSON", () => {
  const runs: string[][] = [
    [
      "fc",
      "train",
      "--K",
      "2",
      "--d",
      "3",
      "--Kstar",
      "3",
      "--teacher",
      "gaussian",
      "--train-a",
      "--steps",
      "200",
      "--json",
    ],
    ["fc", "critical", "--betas", "5", "--phis", "40", "--json"],
    ["fc", "fig3", "--N", "100", "--pairs", "3", "--thetas", "1", "--json"],
  ];
  for (const args of runs) {
    const r = runCli(args);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
  }
});

test("bad fc input is a one-line error with exit 2 (d < K orthonormal, singular start, β out of range)", () => {
  const bad: string[][] = [
    ["fc", "train", "--K", "5", "--d", "3"],
    ["fc", "dynamics2d", "--K", "3", "--x0", "0", "--y0", "0"],
    ["fc", "critical", "--beta", "4"],
  ];
  for (const args of bad) assert.ok(isOneLineInputError(runCli(args)), args.join(" "));
});

test("fc train echoes its settings before the outcome, as cnn train does", () => {
  const r = runCli([
    "fc",
    "train",
    "--K",
    "2",
    "--d",
    "3",
    "--Kstar",
    "1",
    "--eta",
    "0.2",
    "--steps",
    "50",
    "--seed",
    "4",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.equal(
    lines[0],
    "two-layer network (σ = relu): K = 2, K* = 1 (orthonormal teacher), d = 3, top weights fixed",
  );
  assert.equal(
    lines[1],
    "run:      population GD, η = 0.2, at most 50 steps, Gaussian start (std 0.001), seed 4",
  );
  assert.match(lines[2], /^σ = relu: outcome \S+ after \d+ steps$/);
  const ball = runCli([
    "fc",
    "train",
    "--K",
    "1",
    "--d",
    "2",
    "--init",
    "ball",
    "--init-radius",
    "0.5",
    "--train-a",
    "--steps",
    "5",
  ]);
  assert.equal(ball.code, 0, ball.stderr);
  assert.match(
    ball.stdout,
    /top weights trained\nrun: {6}population GD, η = 0\.1, at most 5 steps, start in a ball \(radius 0\.5\), seed 1\n/,
  );
});
