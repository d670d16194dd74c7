import assert from "node:assert/strict";
import { test } from "node:test";
import type { Activation } from "../../../src/activations/activation.js";
import { activationByName } from "../../../src/activations/registry.js";
import { proveProblemPoint } from "../../../src/landscape/prove-point.js";
import { symmetricEigen } from "../../../src/math/eigen.js";
import { Rng } from "../../../src/math/rng.js";
import { mlpProblem } from "../../../src/models/mlp/format.js";
import { mlpHessianLipschitz } from "../../../src/models/mlp/hessian-lipschitz.js";
import { Mlp, type MlpData } from "../../../src/models/mlp/network.js";
import { lbfgs } from "../../../src/train/lbfgs.js";

const BOUNDED = ["sigmoid", "tanh", "softplus", "erf", "linear"];

test("each activation's derivative bounds are the suprema over ℝ: a fine grid reaches 99.9% of each and never exceeds it", () => {
  for (const name of BOUNDED) {
    const act = activationByName(name) as Activation;
    const b = act.derivativeBounds;
    assert.ok(b, name);
    const seen = [0, 0, 0, 0];
    for (let x = -40; x <= 40; x += 1e-3) {
      seen[0] = Math.max(seen[0], Math.abs(act.value(x)));
      seen[1] = Math.max(seen[1], Math.abs(act.d1(x)));
      seen[2] = Math.max(seen[2], Math.abs(act.d2(x)));
      seen[3] = Math.max(seen[3], Math.abs(act.d3(x)));
    }
    const claimed = [b.value, b.d1, b.d2, b.d3];
    claimed.forEach((c, k) => {
      assert.ok(seen[k] <= c * (1 + 1e-12), `${name} derivative ${k}: grid ${seen[k]} > bound ${c}`);
      if (Number.isFinite(c) && c > 0)
        assert.ok(seen[k] >= 0.999 * c, `${name} derivative ${k}: bound ${c} not reached (${seen[k]})`);
    });
  }
  assert.equal(activationByName("relu").derivativeBounds, undefined);
});

function randomData(rng: Rng, inputDim: number, samples: number): MlpData {
  return {
    x: Array.from({ length: samples }, () => rng.normals(inputDim)),
    y: Float64Array.from(rng.normals(samples)),
  };
}

/** A point uniformly spread in the ball B(c, R). */
function inBall(rng: Rng, c: Float64Array, R: number): Float64Array {
  const z = rng.normals(c.length);
  const n = Math.hypot(...z);
  const r = (R * rng.uniform() ** (1 / c.length)) / n;
  return c.map((v, i) => v + r * z[i]);
}

function spectralDistance(A: Float64Array[], B: Float64Array[]): number {
  const values = symmetricEigen(A.map((r, i) => r.map((v, j) => v - B[i][j]))).values;
  return Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
}

test("mlp Hessian Lipschitz bound holds over the ball: ‖H(y) − H(z)‖₂/‖y − z‖ from exact Hessians at random pairs stays below it", (t) => {
  const notes: string[] = [];
  for (const name of ["tanh", "sigmoid", "softplus", "erf"]) {
    for (const widths of [[3], [3, 2]]) {
      const rng = Rng.fromSeed(7 + widths.length);
      const net = new Mlp({ inputDim: 2, widths, activation: activationByName(name) as Activation });
      const data = randomData(rng, 2, 5);
      const theta = Float64Array.from(rng.normals(net.parameterCount));
      for (const R of [0.05, 0.5]) {
        const result = mlpHessianLipschitz(net, data, theta, R);
        assert.ok("bound" in result, name);
        let worst = 0;
        for (let pair = 0; pair < 40; pair++) {
          const y = inBall(rng, theta, R);
          // Half of the pairs close together, where the ratio approaches the third derivative.
          const z =
            pair % 2 === 0
              ? inBall(rng, theta, R)
              : y.map((v, i) => v + 1e-4 * R * (i === pair % y.length ? 1 : 0));
          const dist = Math.hypot(...y.map((v, i) => v - z[i]));
          worst = Math.max(worst, spectralDistance(net.hessian(y, data), net.hessian(z, data)) / dist);
        }
        assert.ok(
          worst <= result.bound,
          `${name} ${widths} R=${R}: observed ${worst} > bound ${result.bound}`,
        );
        // Loose by products of norms, but not absurdly (a bug in the recursion shows as orders of magnitude).
        assert.ok(
          result.bound < 1e4 * worst,
          `${name} ${widths} R=${R}: bound ${result.bound} vs observed ${worst}`,
        );
        notes.push(`${name} [${widths}] R=${R}: ${(result.bound / worst).toFixed(1)}×`);
      }
    }
  }
  t.diagnostic(`bound / observed: ${notes.join("; ")}`);
});

test("a strict minimum of a tanh mlp is certified, also from a point perturbed off it (the radius covers the perturbation); a ReLU mlp is refused with the reason", () => {
  // Labels from a teacher of the same architecture plus noise: the minimum near the teacher is strict
  // (random labels drive tanh units into saturation, where the Hessian has near-zero modes).
  const rng = Rng.fromSeed(1);
  const architecture = { inputDim: 2, widths: [3], activation: activationByName("tanh") as Activation };
  const net = new Mlp(architecture);
  const teacher = Float64Array.from(rng.normals(net.parameterCount));
  const x = Array.from({ length: 20 }, () => rng.normals(2));
  const data = { x, y: Float64Array.from(x, (xi) => net.output(teacher, xi) + 0.1 * rng.normal()) };
  const objective = {
    loss: (t: Float64Array) => net.loss(t, data),
    gradient: (t: Float64Array) => net.gradient(t, data),
  };
  const end = lbfgs(objective, teacher, { maxIterations: 5000, gradTol: 1e-10 }).x;
  const problem = mlpProblem(architecture, data, end);
  const proof = proveProblemPoint(problem);
  assert.ok(proof.certified && proof.kind === "strict-local-min", proof.reason);
  assert.ok((proof.radius ?? 1) < 1e-6, `radius ${proof.radius}`);
  const lambda = symmetricEigen(net.hessian(end, data)).values[0];
  assert.ok((proof.lambdaMinLower ?? 0) > 0 && (proof.lambdaMinLower ?? 0) <= lambda * (1 + 1e-6));

  const offset = end.map((v, i) => v + (i % 2 === 0 ? 1e-4 : -1e-4));
  const moved = proveProblemPoint(problem, offset);
  assert.ok(moved.certified, moved.reason);
  const distance = Math.hypot(...offset.map((v, i) => v - end[i]));
  assert.ok(
    (moved.radius ?? 0) >= distance * (1 - 1e-3),
    `radius ${moved.radius} < perturbation ${distance}`,
  );

  const relu = mlpProblem({ ...architecture, activation: activationByName("relu") as Activation }, data, end);
  const refused = proveProblemPoint(relu);
  assert.ok(!refused.certified && /activation relu/.test(refused.reason), refused.reason);
});
