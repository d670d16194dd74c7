// The two one-step methods of gradient flow at fixed step sizes: their orders of convergence on a
// nonlinear flow with a closed-form solution, and the implicit method's stability function.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dormandPrinceStep, dormandPrinceWork } from "../../src/train/dormand-prince.js";
import { rosenbrockStep, rosenbrockWork } from "../../src/train/rosenbrock.js";

// L = Σ θ_i⁴/4, so θ_i' = −θ_i³ and θ_i(t) = θ_i(0)/√(1 + 2θ_i(0)²t); H = diag(3θ_i²).
const theta0 = [1, 0.5, -0.8];
const exact = (t: number) => theta0.map((a) => a / Math.sqrt(1 + 2 * a * a * t));
const gradient = (y: Float64Array, out: Float64Array) => {
  for (let i = 0; i < y.length; i++) out[i] = y[i] ** 3;
};
const hessian = (y: Float64Array) =>
  Array.from(y, (v, i) => Float64Array.from(y, (_, j) => (i === j ? 3 * v * v : 0)));

function fixedStepError(method: "explicit" | "implicit", N: number, T: number): number {
  const h = T / N;
  const n = theta0.length;
  const y = Float64Array.from(theta0);
  const out = new Float64Array(n);
  const dp = dormandPrinceWork(n);
  const ros = rosenbrockWork(n);
  const g = new Float64Array(n);
  for (let s = 0; s < N; s++) {
    if (method === "explicit") {
      gradient(y, dp.k[0]);
      dormandPrinceStep(gradient, y, h, dp, out);
    } else {
      gradient(y, g);
      assert.ok(rosenbrockStep(gradient, y, g, hessian(y), h, ros, out));
    }
    y.set(out);
  }
  const e = exact(T);
  return Math.max(...e.map((v, i) => Math.abs(y[i] - v)));
}

test("Dormand–Prince converges at order 5 and RODAS4 at order 4 on θ' = −θ³ (error ratio per halved step)", () => {
  for (const [method, order, Ns] of [
    ["explicit", 5, [20, 40, 80]],
    ["implicit", 4, [20, 40, 80, 160]],
  ] as const) {
    const errors = Ns.map((N) => fixedStepError(method, N, 2));
    for (let i = 1; i < errors.length; i++) {
      const observed = Math.log2(errors[i - 1] / errors[i]);
      // Asymptotic order within half an order either side (higher-order terms still show at these h).
      assert.ok(observed > order - 0.5 && observed < order + 1.5, `${method}: observed order ${observed}`);
    }
  }
});

test("the explicit step's stiffness estimate is h·λ on a linear flow, and its error estimate vanishes to order h⁵", () => {
  const lambda = 7;
  const grad = (y: Float64Array, out: Float64Array) => {
    out[0] = lambda * y[0];
  };
  const work = dormandPrinceWork(1);
  const out = new Float64Array(1);
  const errs: number[] = [];
  for (const h of [0.02, 0.01]) {
    const y = Float64Array.of(1);
    grad(y, work.k[0]);
    const step = dormandPrinceStep(grad, y, h, work, out);
    assert.ok(Math.abs(step.stiffness - h * lambda) < 1e-12, String(step.stiffness));
    errs.push(Math.abs(work.err[0]));
  }
  // The embedded pair's difference is a fifth-order term: halving h divides it by about 2⁵.
  const ratio = errs[0] / errs[1];
  assert.ok(ratio > 24 && ratio < 40, String(ratio));
});

test("RODAS4's stability function on θ' = −λθ: e^{−z} to O(z⁵), |R| < 1 on z > 0, and R(−∞) = 0 (L-stable)", () => {
  const R = (z: number) => {
    const work = rosenbrockWork(1);
    const out = new Float64Array(1);
    const grad = (y: Float64Array, o: Float64Array) => {
      o[0] = z * y[0];
    };
    assert.ok(
      rosenbrockStep(grad, Float64Array.of(1), Float64Array.of(z), [Float64Array.of(z)], 1, work, out),
    );
    return out[0];
  };
  // Local error C·z⁵: the ratio between z = 0.1 and 0.05 is about 32.
  const ratio = Math.abs(R(0.1) - Math.exp(-0.1)) / Math.abs(R(0.05) - Math.exp(-0.05));
  assert.ok(ratio > 24 && ratio < 40, String(ratio));
  for (let e = -2; e <= 10; e += 0.25) {
    const r = R(10 ** e);
    assert.ok(Math.abs(r) < 1, `z = 1e${e}: R = ${r}`);
  }
  assert.ok(Math.abs(R(1e12)) < 1e-10);
});

test("a singular I/(hγ) + H is reported, not solved (the driver then shortens the step)", () => {
  // H = −4 and h = 1: 1/(hγ) + H = 4 − 4 = 0.
  const work = rosenbrockWork(1);
  const ok = rosenbrockStep(
    (y, o) => {
      o[0] = -4 * y[0];
    },
    Float64Array.of(1),
    Float64Array.of(-4),
    [Float64Array.of(-4)],
    1,
    work,
    new Float64Array(1),
  );
  assert.equal(ok, false);
});
