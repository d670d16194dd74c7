import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { evalCommand } from "../../src/cli/eval.js";
import { InputError } from "../../src/core/errors.js";
import { CnnProblem } from "../../src/models/cnn/problem.js";
import { spuriousOutputWeights } from "../../src/models/cnn/stationary.js";
import { cnnTeacher, cnnTeacherFromRatio } from "../../src/models/cnn/teacher.js";
import { isOneLineInputError, runCli } from "../helpers/cli.js";

const problem = {
  model: "cnn",
  teacher: { w: [2, 0, 0], a: [1, -0.5] },
  student: { v: [0.3, 1, -0.2], a: [0.2, 0.3] },
};

test("minima eval --json prints the loss and the gradient in blocks v and a, equal to the library's", () => {
  const r = runCli(["eval", "-", "--json"], { input: JSON.stringify(problem) });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const p = new CnnProblem(cnnTeacher([2, 0, 0], [1, -0.5]), problem.student.v, problem.student.a);
  assert.ok(Math.abs(out.loss - p.loss(p.point)) < 1e-15);
  const g = p.gradient(p.point);
  assert.deepEqual(out.grad, { v: Array.from(g.subarray(0, 3)), a: Array.from(g.subarray(3)) });
  assert.equal(out.hessian, undefined);
});

test("minima eval --hessian at the spurious point: ascending eigenvalues, index 0 and p zero modes", () => {
  const t = cnnTeacherFromRatio(4, 3, 0.5, 1);
  const spurious = {
    model: "cnn",
    teacher: { w: Array.from(t.w), a: Array.from(t.a) },
    student: { v: Array.from(t.w, (x) => -2 * x), a: Array.from(spuriousOutputWeights(t)) },
  };
  const r = runCli(["eval", "-", "--hessian", "--json"], { input: JSON.stringify(spurious) });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const ev: number[] = out.hessian.eigenvalues;
  assert.equal(ev.length, 7);
  for (let i = 1; i < ev.length; i++) assert.ok(ev[i - 1] <= ev[i]);
  assert.equal(out.hessian.index, 0);
  assert.equal(out.hessian.zeroModes, 3);
  const readable = runCli(["eval", "-", "--hessian"], { input: JSON.stringify(spurious) });
  assert.equal(readable.code, 0);
  assert.match(readable.stdout, /index 0 .* 3 zero modes/);
  assert.doesNotMatch(readable.stdout, /NaN/);
});

function withFile<T>(content: string, f: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "minima-eval-"));
  const path = join(dir, "problem.json");
  writeFileSync(path, content);
  try {
    return f(path);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test("eval rejects bad problems with an InputError naming the field (in process)", () => {
  const cases: [unknown, RegExp][] = [
    [{ ...problem, student: { v: [1, 0], a: [0.2, 0.3] } }, /student\.v: must have length 3/],
    [{ ...problem, student: { v: [1, 0, 0], a: [0.2] } }, /student\.a: must have length 2/],
    [{ ...problem, student: { v: [0, 0, 0], a: [0.2, 0.3] } }, /student\.v: must be a non-zero vector/],
    [
      { ...problem, student: { v: [1, "NaN", 0], a: [0.2, 0.3] } },
      /student\.v\[1\]: must be a finite number/,
    ],
    [{ ...problem, teacher: { w: [0, 0, 0], a: [1, 1] } }, /teacher\.w: must be a non-zero/],
    [{ ...problem, extra: 1 }, /extra: is not a field of a cnn problem/],
    [{ ...problem, model: "cnnn" }, /model: must be one of .*cnn/],
  ];
  for (const [input, message] of cases) {
    withFile(JSON.stringify(input), (path) =>
      assert.throws(
        () => evalCommand.run([path]),
        (e: unknown) => e instanceof InputError && message.test(e.message),
      ),
    );
  }
  assert.throws(() => evalCommand.run(["x.json", "--hesian"]), /unknown flag --hesian/);
  assert.throws(() => evalCommand.run([]), /FILE: is required/);
  assert.throws(() => evalCommand.run(["/no/such/file.json"]), /FILE: must be a readable file/);
  withFile("{not json", (path) =>
    assert.throws(() => evalCommand.run([path]), /FILE: must contain valid JSON/),
  );
});

test("minima eval turns bad input into one line on stderr and exit code 2", () => {
  const r = runCli(["eval", "-"], {
    input: JSON.stringify({ ...problem, student: { v: [1, 0], a: [1, 2] } }),
  });
  assert.ok(isOneLineInputError(r), r.stderr);
  assert.match(r.stderr, /student\.v/);
});
