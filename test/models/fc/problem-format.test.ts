import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../../src/core/errors.js";
import { centralGradient } from "../../../src/math/finite-difference.js";
import "../../../src/models/formats.js";
import { parseProblem } from "../../../src/models/registry.js";

const teacher = {
  W: [
    [1, 0, 0],
    [0, 1, 0],
  ],
};

test("fc problem without student a: parameters are W only, a fixed at ones; gradient is ∇J", () => {
  const p = parseProblem({
    model: "fc",
    teacher,
    student: {
      W: [
        [0.9, 0.1, 0],
        [0.2, 0.8, 0.1],
      ],
    },
  });
  assert.equal(p.model, "fc");
  assert.deepEqual(p.blocks, [["W", 6]]);
  const g = p.gradient(p.point);
  const fd = centralGradient((x) => p.loss(x), p.point, 1e-6);
  for (let i = 0; i < 6; i++) assert.ok(Math.abs(g[i] - fd[i]) < 1e-8);
  const s = p.structure(g) as { W: number[][]; a?: number[] };
  assert.equal(s.W.length, 2);
  assert.equal(s.W[1].length, 3);
  assert.equal(s.a, undefined);
  assert.equal(p.hessian?.(p.point).length, 6);
});

test("fc problem with student a trains it (unless trainA is false); K* ≠ K is accepted", () => {
  const p = parseProblem({ model: "fc", teacher, student: { W: [[1, 1, 0]], a: [1.5] } });
  assert.deepEqual(p.blocks, [
    ["W", 3],
    ["a", 1],
  ]);
  const s = p.structure(p.gradient(p.point)) as { a: number[] };
  assert.equal(s.a.length, 1);
  const fixed = parseProblem({ model: "fc", teacher, student: { W: [[1, 1, 0]], a: [1.5] }, trainA: false });
  assert.deepEqual(fixed.blocks, [["W", 3]]);
});

test("fc problem rejects zero rows, non-finite values, ragged rows and dimension mismatch by naming the field", () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ model: "fc", teacher, student: { W: [[0, 0, 0]] } }, /student\.W\[0\]/],
    [{ model: "fc", teacher, student: { W: [[1, "x", 0]] } }, /student\.W\[0\]\[1\]/],
    [{ model: "fc", teacher, student: { W: [[1, Number.POSITIVE_INFINITY, 0]] } }, /student\.W\[0\]\[1\]/],
    [
      {
        model: "fc",
        teacher: {
          W: [
            [1, 0],
            [0, 1, 0],
          ],
        },
        student: { W: [[1, 0]] },
      },
      /teacher\.W\[1\]/,
    ],
    [{ model: "fc", teacher, student: { W: [[1, 0]] } }, /student\.W\[0\]/],
    [{ model: "fc", teacher, student: { W: [[1, 0, 0]], a: [1, 2] } }, /student\.a/],
    [{ model: "fc", teacher, student: { W: [[1, 0, 0]] }, extra: 1 }, /extra/],
  ];
  for (const [json, field] of bad) {
    assert.throws(
      () => parseProblem(json),
      (e: unknown) => e instanceof InputError && field.test(e.message),
    );
  }
});
