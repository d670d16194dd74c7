import assert from "node:assert/strict";
import { test } from "node:test";
import { proveProblemPoint } from "../../../src/landscape/prove-point.js";
import { symmetricEigen } from "../../../src/math/eigen.js";
import { Rng } from "../../../src/math/rng.js";
import { CnnProblem } from "../../../src/models/cnn/problem.js";
import { cnnHessianLipschitz, orthogonalComplement } from "../../../src/models/cnn/proof-support.js";
import { cnnStationaryPoints } from "../../../src/models/cnn/stationary.js";
import { type CnnTeacher, cnnTeacher } from "../../../src/models/cnn/teacher.js";
import type { Problem } from "../../../src/models/problem.js";

/** The CNN problem at (v, a): its proof support is attached by the class. */
const problemAt = (teacher: CnnTeacher, v: ArrayLike<number>, a: ArrayLike<number>): Problem =>
  new CnnProblem(teacher, v, a);

const spectralDistance = (A: Float64Array[], B: Float64Array[]) => {
  const values = symmetricEigen(A.map((r, i) => r.map((v, j) => v - B[i][j]))).values;
  return Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
};

test("the CNN Hessian's Lipschitz bound holds on random pairs in balls, across v ∥ w* and v ∥ −w*", () => {
  const rng = Rng.fromSeed(17);
  const teacher = cnnTeacher(rng.normals(4), Float64Array.of(1, -0.5, 0.8));
  const w = teacher.w;
  const centres = [
    rng.normals(4),
    Float64Array.from(w, (x, i) => 1.3 * x + 1e-4 * (i % 2)), // nearly along w*
    Float64Array.from(w, (x, i) => -0.8 * x + 1e-4 * (i % 3)), // nearly along −w*
  ];
  let worstRatio = 0;
  for (const [c, v0] of centres.entries()) {
    const a0 = rng.normals(3);
    const x0 = Float64Array.from([...v0, ...a0]);
    const R = 0.2 * Math.hypot(...v0);
    const bound = cnnHessianLipschitz(teacher, v0, a0, R);
    assert.ok("bound" in bound, JSON.stringify(bound));
    const cnn = new CnnProblem(teacher, v0, a0);
    let worst = 0;
    for (let t = 0; t < 150; t++) {
      const dir = rng.normals(7);
      const y = x0.map((v, i) => v + (R * rng.uniform() * dir[i]) / Math.hypot(...dir));
      const step = rng.normals(7);
      const s = (t % 2 ? 1e-4 : 0.5) * R * rng.uniform();
      const z = y.map((v, i) => v + (s * step[i]) / Math.hypot(...step));
      if (Math.hypot(...z.map((v, i) => v - x0[i])) > R) continue;
      const ratio =
        spectralDistance(cnn.hessian(y), cnn.hessian(z)) / Math.hypot(...z.map((v, i) => v - y[i]));
      worst = Math.max(worst, ratio);
    }
    assert.ok(worst <= bound.bound, `centre ${c}: observed ${worst} > bound ${bound.bound}`);
    worstRatio = Math.max(worstRatio, worst / bound.bound);
  }
  assert.ok(worstRatio > 1 / 60, `the bound is ${1 / worstRatio}× the largest observed ratio`);
});

test("the slice basis is orthonormal and orthogonal to v", () => {
  const v = Float64Array.of(0.3, -2, 0.5, 1);
  const B = orthogonalComplement(v);
  assert.equal(B.length, 3);
  for (let p = 0; p < 3; p++) {
    assert.ok(Math.abs(B[p].reduce((s, x, i) => s + x * v[i], 0)) < 1e-14);
    for (let q = 0; q < 3; q++)
      assert.ok(Math.abs(B[p].reduce((s, x, i) => s + x * B[q][i], 0) - (p === q ? 1 : 0)) < 1e-14);
  }
});

test("CNN: the global minimum is a certified strict minimum on the slice; the p = 2 saddle a certified saddle; the degenerate spurious point is refused", () => {
  const teacher = cnnTeacher(Float64Array.of(1, 0), Float64Array.of(1, 0.2, -0.9, 0.4));
  const points = cnnStationaryPoints(teacher, (v, a) =>
    new CnnProblem(teacher, v, a).loss(new CnnProblem(teacher, v, a).point),
  );
  const global = proveProblemPoint(
    problemAt(
      teacher,
      points.global.v.map((x) => 2 * x),
      points.global.a,
    ),
  );
  assert.ok(global.certified && global.kind === "strict-local-min", global.reason);
  assert.match(global.slice ?? "", /direction only/);
  assert.ok((global.radius as number) < 1e-10, String(global.radius));
  // With p = 2 the saddle cone is two isolated points.
  assert.ok(points.saddle, "this teacher has a saddle");
  const saddle = proveProblemPoint(problemAt(teacher, points.saddle.v, points.saddle.a));
  assert.ok(saddle.certified && saddle.kind === "saddle" && saddle.index === 1, saddle.reason);
  // v ∥ −w*: the loss grows like the cube of the angle there, so the Hessian is singular on the slice.
  assert.ok(points.spurious.isLocalMinimum);
  const spurious = proveProblemPoint(problemAt(teacher, points.spurious.v, points.spurious.a));
  assert.ok(!spurious.certified && /zero eigenvalue|gap/.test(spurious.reason), spurious.reason);
});

test("CNN: a point off the global minimum by 1e-3 is certified with the radius covering it; a far point is refused", () => {
  const teacher = cnnTeacher(Float64Array.of(0.6, 0.8, 0), Float64Array.of(1, 0.5));
  const v = Float64Array.of(0.6, 0.8, 1e-3);
  const near = proveProblemPoint(problemAt(teacher, v, teacher.a), undefined, { polish: false });
  assert.ok(near.certified && near.kind === "strict-local-min", near.reason);
  // The slice's critical point is w*·‖v‖-ish: within the radius of the given point.
  assert.ok((near.radius as number) >= 1e-3 * 0.9 && (near.radius as number) < 2e-3, String(near.radius));
  const far = proveProblemPoint(problemAt(teacher, Float64Array.of(0, 0.2, 1), Float64Array.of(-1, 2)));
  assert.ok(!far.certified, far.reason);
});
