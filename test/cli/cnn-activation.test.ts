import assert from "node:assert/strict";
import { test } from "node:test";
import { centralGradient } from "../../src/math/finite-difference.js";
import { cnnKernelFor } from "../../src/models/cnn/kernels.js";
import { cnnPopulationLoss } from "../../src/models/cnn/population.js";
import { cnnTeacher } from "../../src/models/cnn/teacher.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

test("cnn train --activation softplus converges to global from a seeded good start (JSON)", () => {
  const r = runCli([
    "cnn",
    "train",
    "--k",
    "4",
    "--p",
    "4",
    "--ratio",
    "2",
    "--eta",
    "0.5",
    "--activation",
    "softplus",
    "--seed",
    "3",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.activation, "softplus");
  assert.equal(out.outcome, "global");
  assert.ok(out.phi < 1e-3 && out.loss < 1e-6);
});

test("cnn critical --activation gelu: the φ = π point's verdict follows its Hessian and is called numerical", () => {
  const verdicts: boolean[] = [];
  for (const ratio of ["0.2", "3.8"]) {
    const r = runCli([
      "cnn",
      "critical",
      "--k",
      "4",
      "--p",
      "3",
      "--ratio",
      ratio,
      "--activation",
      "gelu",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.method, "numerical");
    assert.ok(out.aligned.loss < 1e-12 && out.aligned.gradNorm < 1e-12);
    assert.ok(out.opposite.gradNorm < 1e-12 && out.opposite.loss > 0);
    assert.equal(out.opposite.isLocalMinimum, out.opposite.hessian.index === 0);
    verdicts.push(out.opposite.isLocalMinimum);
  }
  assert.deepEqual(verdicts, [true, false]);
  const text = runCli(["cnn", "critical", "--k", "4", "--ratio", "1", "--activation", "tanh"]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /numerical/);
});

test('eval accepts "activation" in the cnn problem: loss and gradient of σ\'s kernel', () => {
  const problem = {
    model: "cnn",
    activation: "tanh",
    teacher: { w: [1, 0, 0], a: [0.6, -0.3, 0.5] },
    student: { v: [0.4, -0.9, 0.3], a: [0.5, -0.2, 0.8] },
  };
  const r = runCli(["eval", "-", "--json"], { input: JSON.stringify(problem) });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const teacher = cnnTeacher(problem.teacher.w, problem.teacher.a);
  const kernel = cnnKernelFor("tanh");
  const x = Float64Array.from([...problem.student.v, ...problem.student.a]);
  const loss = (y: Float64Array) => cnnPopulationLoss(teacher, y.subarray(0, 3), y.subarray(3), kernel);
  assert.ok(Math.abs(out.loss - loss(x)) < 1e-12);
  const fd = centralGradient(loss, x, 1e-4);
  [...out.grad.v, ...out.grad.a].forEach((g: number, i: number) => assert.ok(Math.abs(g - fd[i]) < 1e-7));
});

test("bad activation names and unsupported combinations are one-line errors with exit 2", () => {
  const cases = [
    ["cnn", "train", "--k", "4", "--p", "4", "--ratio", "2", "--activation", "relu6"],
    ["cnn", "train", "--k", "4", "--p", "4", "--ratio", "2", "--activation", "tanh", "--method", "gd"],
    ["cnn", "critical", "--k", "4", "--ratio", "2", "--activation", "nope"],
  ];
  for (const args of cases) {
    const r = runCli(args);
    assert.ok(isOneLineInputError(r), `${args.join(" ")}: ${r.code} ${r.stderr}`);
  }
  const bad = {
    model: "cnn",
    activation: "swishy",
    teacher: { w: [1], a: [1] },
    student: { v: [1], a: [1] },
  };
  const r = runCli(["eval", "-", "--json"], { input: JSON.stringify(bad) });
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /activation/);
  const scaled = { ...bad, activation: "tanh", teacher: { w: [2], a: [1] } };
  assert.ok(isOneLineInputError(runCli(["eval", "-", "--json"], { input: JSON.stringify(scaled) })));
  const help = runCli(["cnn", "train", "--help"]);
  assert.match(help.stdout + help.stderr, /softplus, swish, gelu/);
});
