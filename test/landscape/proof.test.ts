import assert from "node:assert/strict";
import { test } from "node:test";
import { validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { fcTrialModel, fcTrialSetup, runFcTrial } from "../../src/experiments/fc/trial.js";
import { proveCriticalPoint } from "../../src/landscape/proof.js";
import { proveProblemPoint } from "../../src/landscape/prove-point.js";
import { symmetricEigen } from "../../src/math/eigen.js";
import { Rng } from "../../src/math/rng.js";
import "../../src/models/formats.js";
import { fcPairKernelFor } from "../../src/models/fc/kernels.js";
import { makeNetwork } from "../../src/models/fc/network.js";
import { FcPopulation } from "../../src/models/fc/population.js";
import { fcProblem } from "../../src/models/fc/problem-format.js";
import { fcRoundingEstimate } from "../../src/models/fc/proof-support.js";
import { FC_GLOBAL_LAMBDA_MIN } from "../../src/models/fc/protocol.js";
import { reducedToWeights, symmetricSaddle } from "../../src/models/fc/reduced-2d.js";
import { reluPairKernel } from "../../src/models/fc/relu-kernel.js";
import { orthonormalTeacher } from "../../src/models/fc/teachers.js";
import { parseProblem } from "../../src/models/registry.js";
import { newtonFinish } from "../../src/train/newton.js";

const u = 2 ** -53;

/**
 * L(x) = Σ (x_i² − 1)²/4: critical points at x_i ∈ {−1, 0, 1}, ∇²L = diag(3x_i² − 1), and
 * ‖∇²L(y) − ∇²L(z)‖ ≤ 3 max_i |y_i + z_i|·‖y − z‖ ≤ 6(‖x₀‖_∞ + R)‖y − z‖ on B(x₀, R).
 */
function quartic(x0: number[]) {
  const x = Float64Array.from(x0);
  return proveCriticalPoint({
    point: x,
    gradient: x.map((v) => v * v * v - v),
    hessian: Array.from(x, (v, i) => Float64Array.from(x, (_, j) => (i === j ? 3 * v * v - 1 : 0))),
    // Three roundings in v³ − v and two in 3v² − 1.
    rounding: {
      gradient: Math.hypot(...Array.from(x, (v) => 4 * u * (Math.abs(v) ** 3 + Math.abs(v)))),
      hessian: Math.max(...Array.from(x, (v) => 3 * u * (3 * v * v + 1))),
      proven: true,
    },
    hessianLipschitz: (c, R) => ({ bound: 6 * (Math.max(...Array.from(c, Math.abs)) + R) }),
  });
}

test("a quartic with known critical points: a saddle of index 1 and a minimum are found within the radius; a far point and a degenerate one are refused", () => {
  const near = [1 + 1e-3, -1 + 2e-3, 1e-3];
  const saddle = quartic(near);
  assert.ok(saddle.certified, saddle.reason);
  assert.equal(saddle.kind, "saddle");
  assert.equal(saddle.index, 1);
  assert.equal(saddle.rounding, "proven");
  // The true critical point (1, −1, 0) is inside the radius, and the radius is not much larger.
  const distance = Math.hypot(near[0] - 1, near[1] + 1, near[2]);
  assert.ok(
    (saddle.radius as number) >= distance && (saddle.radius as number) < 1.2 * distance,
    String(saddle.radius),
  );
  assert.ok((saddle.uniqueRadius as number) > 0.05, String(saddle.uniqueRadius));

  const minimum = quartic([1.01, 0.98, -1.02]);
  assert.ok(minimum.certified && minimum.kind === "strict-local-min" && minimum.index === 0, minimum.reason);
  // Hessian 2 at x* = (1, 1, −1); at x₀ λ_min = 3·0.98² − 1 = 1.88, less L_H·r ≈ 0.2 for the distance.
  assert.ok((minimum.lambdaMinLower as number) <= 2 && (minimum.lambdaMinLower as number) > 1.5);

  const far = quartic([0.5, 1, 1]);
  assert.ok(!far.certified && /Kantorovich's condition fails/.test(far.reason), far.reason);
  const degenerate = quartic([1 / Math.sqrt(3), 1, 1]);
  assert.ok(!degenerate.certified, degenerate.reason);
});

const identity = (k: number) => Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0));

test("the global minimum W = W* is a certified strict minimum within rounding, with λ_min ≥ nearly 1/4 − 1/(2π)", () => {
  for (const k of [3, 6]) {
    const problem = fcProblem({
      teacher: orthonormalTeacher(k, k),
      student: makeNetwork(k, k, identity(k)),
      trainA: false,
      kernel: reluPairKernel,
    });
    const proof = proveProblemPoint(problem);
    assert.ok(proof.certified, proof.reason);
    assert.equal(proof.kind, "strict-local-min");
    assert.equal(proof.rounding, "estimated");
    assert.ok((proof.radius as number) < 1e-10, String(proof.radius));
    const lower = proof.lambdaMinLower as number;
    assert.ok(lower <= FC_GLOBAL_LAMBDA_MIN && lower > 0.98 * FC_GLOBAL_LAMBDA_MIN, String(lower));
  }
});

test("trained top weights: the global minimum, rescaled, is certified on the slice of fixed top weights", () => {
  const k = 4;
  const c = Float64Array.of(0.5, 2, 1.3, 0.9);
  const W = identity(k).map((v, i) => v * c[Math.floor(i / k)]);
  const problem = fcProblem({
    teacher: orthonormalTeacher(k, k),
    student: makeNetwork(
      k,
      k,
      W,
      c.map((v) => 1 / v),
    ),
    trainA: true,
    kernel: reluPairKernel,
  });
  const proof = proveProblemPoint(problem);
  assert.ok(proof.certified && proof.kind === "strict-local-min", proof.reason);
  assert.match(proof.slice ?? "", /top weights fixed/);
  // A zero top weight has no slice.
  const zero = proveProblemPoint(problem, Float64Array.from([...W, 1, 0, 1, 1]));
  assert.ok(!zero.certified && /a_1 = 0/.test(zero.reason), zero.reason);
});

test("leaky ReLU's global minimum is certified; a degenerate mlp minimum (zero Hessian modes) or an activation without an exact Hessian is refused with the reason", () => {
  const k = 3;
  const at = (activation: string) =>
    proveProblemPoint(
      fcProblem({
        teacher: orthonormalTeacher(k, k),
        student: makeNetwork(k, k, identity(k)),
        trainA: false,
        kernel: fcPairKernelFor(activation),
      }),
    );
  const leaky = at("leaky-relu");
  assert.ok(leaky.certified && leaky.kind === "strict-local-min", leaky.reason);
  assert.match(at("tanh").reason, /no exact Hessian/);
  const mlp = proveProblemPoint(
    parseProblem({
      model: "mlp",
      activation: "sigmoid",
      widths: [2],
      layers: [
        { weights: [[0], [0]], biases: [-1, -1] },
        { weights: [[1, 1]], biases: [-0.5379] },
      ],
      data: { x: [[-1.5], [-0.5], [0.5], [1.5]], y: [-1, 1, 1, -1] },
    }),
  );
  assert.ok(!mlp.certified && /eigenvalue gap could be proven/.test(mlp.reason), mlp.reason);
});

test("Tian's symmetric saddle: degenerate in the whole space, a certified saddle through the symmetric subspace", () => {
  for (const k of [3, 5]) {
    const s = symmetricSaddle(k);
    const problem = fcProblem({
      teacher: orthonormalTeacher(k, k),
      student: makeNetwork(k, k, reducedToWeights(k, k, s, s)),
      trainA: false,
      kernel: reluPairKernel,
    });
    // All units coincide there: (1 + c_j)·w with Σ c_j = 0 leaves the network unchanged, so K − 1
    // Hessian eigenvalues are exactly zero and the whole-space proof has no gap.
    const whole = proveProblemPoint(problem);
    assert.ok(!whole.certified && /zero eigenvalue|gap/.test(whole.reason), whole.reason);
    // W ↦ PWPᵀ (permutations) fixes J with W* = I; its fixed points w_j = x·e_j + y·Σ_{i≠j} e_i are
    // a plane the gradient maps into itself.
    const basis = [
      reducedToWeights(k, k, 1 / Math.sqrt(k), 0),
      reducedToWeights(k, k, 0, 1 / Math.sqrt(k * (k - 1))),
    ];
    const proof = proveProblemPoint(problem, problem.point, {
      subspace: { basis, note: "fixed points of W ↦ PWPᵀ" },
    });
    assert.ok(proof.certified && proof.kind === "saddle", proof.reason);
    assert.ok((proof.radius as number) < 1e-10, String(proof.radius));
    // (K − 1)² negative eigenvalues proven; the K − 1 left unsigned are the exact zero modes above.
    assert.deepEqual(proof.indexRange, [(k - 1) ** 2, (k - 1) ** 2 + k - 1]);
  }
});

test("a point perturbed off a spurious minimum by δ: certified with a radius ≥ δ that holds the minimum; a far point is refused", () => {
  const spec = validateFcTrialSpec({ n: 8, k: 8 });
  const end = runFcTrial(spec, Rng.fromSeed(1, 0, 10));
  assert.equal(end.outcome, "spurious");
  const problem = fcProblem({
    teacher: orthonormalTeacher(8, 8),
    student: makeNetwork(8, 8, Float64Array.from(end.end as number[])),
    trainA: false,
    kernel: reluPairKernel,
  });
  // The stored end point is rounded to 1e-7: polished, the proof's radius there is rounding.
  const polished = proveProblemPoint(problem);
  assert.ok(polished.certified && (polished.proofRadius as number) < 1e-9, polished.reason);
  // The minimum to machine precision by the Newton finish, and its λ_min.
  const model = fcTrialModel(fcTrialSetup(spec));
  const finish = newtonFinish(model, Float64Array.from(end.end as number[]), { gradTol: 1e-14 });
  assert.ok(finish.converged);
  const minimum = finish.x;
  const lambdaMin = symmetricEigen(problem.hessian!(minimum)).values[0];
  const rng = Rng.fromSeed(4);
  for (const delta of [1e-6, 1e-4]) {
    const dir = rng.normals(64);
    const length = Math.hypot(...dir);
    const x = minimum.map((v, i) => v + (delta * dir[i]) / length);
    const proof = proveProblemPoint(problem, x, { polish: false });
    assert.ok(proof.certified && proof.kind === "strict-local-min", proof.reason);
    const radius = proof.radius as number;
    // The true minimum is within 1e-14/λ_min of \`minimum\`, at distance δ from x.
    assert.ok(radius >= delta && radius < 1.2 * delta, `δ=${delta}: r=${radius}`);
    assert.ok((proof.lambdaMinLower as number) <= lambdaMin + 1e-6 && (proof.lambdaMinLower as number) > 0);
  }
  const far = proveProblemPoint(
    problem,
    minimum.map((v, i) => v + 0.05 * Math.sin(7 * i)),
  );
  assert.ok(!far.certified, far.reason);
  assert.match(far.reason, /Kantorovich's condition fails|ball/);
});

test("the rounding estimates of the fc gradient and Hessian exceed the differences between evaluation orders by a wide margin", () => {
  const rng = Rng.fromSeed(21);
  const k = 10;
  const teacher = makeNetwork(
    k,
    k,
    rng.normals(k * k),
    Float64Array.from({ length: k }, () => 0.5 + rng.uniform()),
  );
  const W = rng.normals(k * k);
  const a = new Float64Array(k).fill(1);
  const gram = new FcPopulation(reluPairKernel, teacher, k); // the Gram-matrix (WebAssembly) path
  const generic = new FcPopulation({ ...reluPairKernel }, teacher, k); // the generic per-pair path
  // The same network with its units in reverse order.
  const reversed = Float64Array.from(
    { length: k * k },
    (_, i) => W[(k - 1 - Math.floor(i / k)) * k + (i % k)],
  );
  const unreverse = (v: Float64Array) =>
    Float64Array.from({ length: k * k }, (_, i) => v[(k - 1 - Math.floor(i / k)) * k + (i % k)]);
  const g1 = gram.gradient({ W, a }, false);
  const g2 = generic.gradient({ W, a }, false);
  const g3 = unreverse(gram.gradient({ W: reversed, a }, false));
  const estimate = fcRoundingEstimate(teacher, W, a, k);
  const diff = (x: Float64Array, y: Float64Array) => Math.hypot(...x.map((v, i) => v - y[i]));
  const observed = Math.max(diff(g1, g2), diff(g1, g3));
  assert.ok(
    observed > 0 && estimate.gradient > 20 * observed,
    `gradient: ${estimate.gradient} vs ${observed}`,
  );
  const H1 = generic.hessian({ W, a }, false);
  const H2 = generic.hessian({ W: reversed, a }, false);
  const n = k * k;
  const perm = (i: number) => (k - 1 - Math.floor(i / k)) * k + (i % k);
  const D = H1.map((row, i) => row.map((v, j) => v - H2[perm(i)][perm(j)]));
  const values = symmetricEigen(D).values;
  const observedH = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
  assert.ok(estimate.hessian > 20 * observedH, `Hessian: ${estimate.hessian} vs ${observedH}`);
});
