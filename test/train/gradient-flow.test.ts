// Gradient flow against closed-form flows, its tolerance behaviour, the stiff hand-over, Newton's
// finish and divergence. The closed forms are written out here and share no code with the integrator.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { isDivergent, type StopRule } from "../../src/train/contract.js";
import { type FlowMethod, type FlowModel, gradientFlow } from "../../src/train/gradient-flow.js";

interface LossState {
  readonly loss: number;
  readonly gradNorm: number;
}

const euclidean = (g: ArrayLike<number>) => Math.sqrt(Array.from(g).reduce((s, v) => s + v * v, 0));

/** A Householder reflection Q = I − 2vvᵀ/‖v‖² (orthogonal and symmetric) as rows. */
function householder(v: number[]): number[][] {
  const vv = v.reduce((s, x) => s + x * x, 0);
  return v.map((vi, i) => v.map((vj, j) => (i === j ? 1 : 0) - (2 * vi * vj) / vv));
}

/** L = ½θᵀHθ with H = Q diag(λ) Q: the flow is θ(t) = Q e^{−Λt} Q θ₀. */
function quadratic(lambdas: number[], v: number[]) {
  const Q = householder(v);
  const n = lambdas.length;
  const H = Q.map((_, i) =>
    Float64Array.from({ length: n }, (_, j) => lambdas.reduce((s, l, m) => s + Q[i][m] * l * Q[j][m], 0)),
  );
  const model: FlowModel<LossState> = {
    evaluate(x, grad) {
      const g = grad ?? new Float64Array(n);
      let loss = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += H[i][j] * x[j];
        g[i] = s;
        loss += 0.5 * x[i] * s;
      }
      return { loss, gradNorm: euclidean(g) };
    },
    hessian: () => H,
  };
  const exact = (theta0: number[], t: number) => {
    const c = Q.map((row) => row.reduce((s, q, j) => s + q * theta0[j], 0));
    const decayed = c.map((ci, m) => ci * Math.exp(-lambdas[m] * t));
    return Q.map((row) => row.reduce((s, q, m) => s + q * decayed[m], 0));
  };
  return { model, exact, H };
}

const never: StopRule<LossState> = { check: () => undefined };
const stationaryBelow = (tol: number): StopRule<LossState> => ({
  check: (s) => (isDivergent(s.loss) ? "diverged" : s.gradNorm < tol ? "stationary" : undefined),
});

test("on a quadratic the flow matches θ(t) = e^{−Ht}θ₀ at several times, with either method", () => {
  const { model, exact } = quadratic([0.3, 1, 2.5, 4], [1, -2, 0.5, 1]);
  const theta0 = [1, -0.5, 2, 0.25];
  for (const method of ["explicit", "implicit", "auto"] as FlowMethod[])
    for (const T of [0.5, 3, 20]) {
      const x = Float64Array.from(theta0);
      const end = gradientFlow(model, x, never, {
        maxSteps: 1e5,
        maxTime: T,
        rtol: 1e-10,
        atol: 1e-12,
        method,
      });
      assert.equal(end.stop, "budget");
      assert.equal(end.time, T, "the last step lands on maxTime");
      const want = exact(theta0, T);
      const err = Math.max(...want.map((v, i) => Math.abs(x[i] - v)));
      assert.ok(err < 1e-8, `${method}, T = ${T}: error ${err}`);
    }
});

test("1-D flows with known solutions: θ' = −sin θ (L = 1 − cos θ) and θ' = −θ³ (L = θ⁴/4)", () => {
  const cases = [
    {
      grad: (t: number) => Math.sin(t),
      curv: (t: number) => Math.cos(t),
      loss: (t: number) => 1 - Math.cos(t),
      exact: (t0: number, t: number) => 2 * Math.atan(Math.tan(t0 / 2) * Math.exp(-t)),
      starts: [3, -2, 0.1],
    },
    {
      grad: (t: number) => t ** 3,
      curv: (t: number) => 3 * t * t,
      loss: (t: number) => t ** 4 / 4,
      exact: (t0: number, t: number) => t0 / Math.sqrt(1 + 2 * t0 * t0 * t),
      starts: [2, -1, 0.3],
    },
  ];
  for (const c of cases) {
    const model: FlowModel<LossState> = {
      evaluate(x, g) {
        if (g) g[0] = c.grad(x[0]);
        return { loss: c.loss(x[0]), gradNorm: Math.abs(c.grad(x[0])) };
      },
      hessian: (x) => [Float64Array.of(c.curv(x[0]))],
    };
    for (const method of ["explicit", "implicit"] as FlowMethod[])
      for (const t0 of c.starts)
        for (const T of [0.7, 5, 40]) {
          const x = Float64Array.of(t0);
          gradientFlow(model, x, never, { maxSteps: 1e5, maxTime: T, rtol: 1e-10, atol: 1e-12, method });
          const want = c.exact(t0, T);
          assert.ok(
            Math.abs(x[0] - want) < 1e-8 * Math.max(1, Math.abs(want)),
            `${method} ${t0} ${T}: ${x[0]} vs ${want}`,
          );
        }
  }
});

test("error against tolerance: the global error follows the tolerance and the step count grows as tol^(−1/order)", () => {
  // θ' = −θ³ in three coordinates to T = 5, tolerances 1e-7 … 1e-12 (rtol = atol).
  const start = [1.5, -0.7, 0.4];
  const model: FlowModel<LossState> = {
    evaluate(x, g) {
      let loss = 0;
      for (let i = 0; i < x.length; i++) {
        if (g) g[i] = x[i] ** 3;
        loss += x[i] ** 4 / 4;
      }
      return { loss, gradNorm: 0 };
    },
    hessian: (x) => Array.from(x, (v, i) => Float64Array.from(x, (_, j) => (i === j ? 3 * v * v : 0))),
  };
  const T = 5;
  const want = start.map((a) => a / Math.sqrt(1 + 2 * a * a * T));
  const tols = [1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
  // Steps grow by 10^(1/order) per decade of tolerance once asymptotic (order 5: 0.20; order 4: 0.25),
  // measured over the last two decades; the two bands do not overlap, so a wrong order shows.
  for (const [method, lo, hi] of [
    ["explicit", 0.17, 0.215],
    ["implicit", 0.23, 0.27],
  ] as const) {
    const runs = tols.map((tol) => {
      const x = Float64Array.from(start);
      const end = gradientFlow(model, x, never, { maxSteps: 1e6, maxTime: T, rtol: tol, atol: tol, method });
      return { steps: end.steps, err: Math.max(...want.map((v, i) => Math.abs(x[i] - v))) };
    });
    // The error is held near the tolerance (the implicit method's order-3 estimate is pessimistic).
    for (let i = 0; i < tols.length; i++)
      assert.ok(runs[i].err < 10 * tols[i], `${method} tol ${tols[i]}: error ${runs[i].err}`);
    const errFall = Math.log10(runs[0].err / runs[5].err) / 5;
    assert.ok(errFall > 0.8 && errFall < 1.2, `${method}: error ∝ tol^${errFall}`);
    const stepGrowth = Math.log10(runs[5].steps / runs[3].steps) / 2;
    assert.ok(stepGrowth > lo && stepGrowth < hi, `${method}: steps ∝ tol^−${stepGrowth}`);
  }
});

test("a stiff quadratic (λ_max/λ_min = 1e6) finishes in few steps by handing over to the implicit method; explicit alone cannot", () => {
  const lambdas = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
  const { model } = quadratic(lambdas, [1, 2, -1, 0.5, 3, -2, 1]);
  // Near a minimum only the slow directions are still moving: a start on the two slowest
  // eigenvectors (columns 0 and 1 of Q), where λ_max = 1e6 sets the explicit method's step anyway.
  const Q = householder([1, 2, -1, 0.5, 3, -2, 1]);
  const onSlow = Q.map((row) => row[0] - row[1]);
  const x = Float64Array.from(onSlow);
  const end = gradientFlow(model, x, stationaryBelow(1e-8), { maxSteps: 1e6 });
  assert.equal(end.stop, "stationary");
  assert.ok(end.steps < 150, `${end.steps} steps`);
  assert.ok(end.switches >= 1 && end.implicitSteps > end.steps / 2);
  // ‖θ‖ ≤ ‖∇L‖/λ_min.
  assert.ok(euclidean(x) < 1e-8);
  // The explicit method is held to h < 3.3/λ_max while the slow mode needs t ≈ 20/λ_min: 10⁷ steps.
  const y = Float64Array.from(onSlow);
  const explicit = gradientFlow(model, y, stationaryBelow(1e-8), {
    maxSteps: 100 * end.steps,
    method: "explicit",
  });
  assert.equal(explicit.stop, "budget");
  // From a start that excites every direction the transients of all seven time scales are followed to
  // the tolerance (about 4 implicit steps per e-fold of each): still a few hundred steps.
  const z = Float64Array.of(1, -1, 0.5, 2, -0.3, 1, 0.7);
  const generic = gradientFlow(model, z, stationaryBelow(1e-8), { maxSteps: 1e6 });
  assert.equal(generic.stop, "stationary");
  assert.ok(generic.steps < 450, `${generic.steps} steps`);
});

test("Newton's finish: from a small gradient it lands on the minimum to rounding; `when` can forbid it", () => {
  // L = Σ(1 − cos θ_i) + ½·0.3(Σθ_i)², minimum at 0 with H = diag(cos θ) + 0.3·11ᵀ.
  const n = 3;
  const model: FlowModel<LossState> = {
    evaluate(x, grad) {
      const g = grad ?? new Float64Array(n);
      const s = x.reduce((a, v) => a + v, 0);
      let loss = 0.15 * s * s;
      for (let i = 0; i < n; i++) {
        g[i] = Math.sin(x[i]) + 0.3 * s;
        loss += 1 - Math.cos(x[i]);
      }
      return { loss, gradNorm: euclidean(g) };
    },
    hessian: (x) =>
      Array.from(x, (v, i) => Float64Array.from(x, (_, j) => (i === j ? Math.cos(v) : 0) + 0.3)),
  };
  const start = [1, -0.5, 2];
  const newton = { gradNorm: (s: LossState) => s.gradNorm, switchAt: 1e-3, gradTol: 1e-14 };
  const x = Float64Array.from(start);
  const end = gradientFlow(model, x, stationaryBelow(1e-14), { maxSteps: 1e5, newton });
  assert.equal(end.stop, "stationary");
  assert.ok(end.newtonSteps >= 1 && end.newtonSteps <= 4, `${end.newtonSteps} Newton steps`);
  assert.ok(Math.max(...x.map(Math.abs)) < 1e-14, String(x));
  // Without Newton the flow must crawl to the same tolerance: more steps, same point.
  const y = Float64Array.from(start);
  const flowOnly = gradientFlow(model, y, stationaryBelow(1e-14), {
    maxSteps: 1e5,
    newton: { ...newton, when: () => false },
  });
  assert.equal(flowOnly.stop, "stationary");
  assert.equal(flowOnly.newtonSteps, 0);
  assert.ok(flowOnly.steps > end.steps, `${flowOnly.steps} vs ${end.steps}`);
  assert.ok(Math.max(...y.map(Math.abs)) < 1e-13);
});

test("near a saddle Newton declines (the Hessian is not positive definite) and the flow goes on to the minimum of its basin", () => {
  // θ' = −sin θ from π − 1e-6: the gradient 1e-6 is already below the switch, H = cos θ ≈ −1.
  const model: FlowModel<LossState> = {
    evaluate(x, g) {
      if (g) g[0] = Math.sin(x[0]);
      return { loss: 1 - Math.cos(x[0]), gradNorm: Math.abs(Math.sin(x[0])) };
    },
    hessian: (x) => [Float64Array.of(Math.cos(x[0]))],
  };
  const x = Float64Array.of(Math.PI - 1e-6);
  const end = gradientFlow(model, x, stationaryBelow(1e-13), {
    maxSteps: 1e5,
    newton: { gradNorm: (s) => s.gradNorm, switchAt: 1e-2, gradTol: 1e-13 },
  });
  assert.equal(end.stop, "stationary");
  assert.ok(Math.abs(x[0]) < 1e-13, String(x[0]));
  // Leaving the saddle takes a flow time of about ln(1e6) ≈ 14.
  assert.ok(end.time > 10, String(end.time));
});

test("a start at a critical point stops at step 0; a flow that blows up in finite time ends as diverged", () => {
  const { model } = quadratic([1, 2], [1, 1]);
  const x = Float64Array.of(0, 0);
  const atMin = gradientFlow(model, x, stationaryBelow(1e-12), { maxSteps: 10 });
  assert.equal(atMin.stop, "stationary");
  assert.equal(atMin.steps, 0);
  // L = −θ⁴/4: θ' = θ³ reaches ∞ at t = 1/(2θ₀²).
  const blowUp: FlowModel<LossState> = {
    evaluate(y, g) {
      if (g) g[0] = -(y[0] ** 3);
      return { loss: -(y[0] ** 4) / 4, gradNorm: Math.abs(y[0]) ** 3 };
    },
    hessian: (y) => [Float64Array.of(-3 * y[0] * y[0])],
  };
  for (const method of ["explicit", "auto"] as FlowMethod[]) {
    const y = Float64Array.of(1);
    const end = gradientFlow(blowUp, y, stationaryBelow(1e-12), { maxSteps: 1e5, method });
    assert.equal(end.stop, "diverged", method);
    // The integrator may accept a step a hair past the blow-up before the values overflow.
    assert.ok(end.time < 0.5 + 1e-5, `${method}: t = ${end.time}`);
  }
});

test("bad options are input errors naming the field", () => {
  const { model } = quadratic([1], [1]);
  const noHessian: FlowModel<LossState> = { evaluate: model.evaluate };
  assert.throws(
    () => gradientFlow(noHessian, Float64Array.of(1), never, { maxSteps: 1, method: "implicit" }),
    (e: unknown) => e instanceof InputError && e.field === "method",
  );
  for (const bad of [{ rtol: 0 }, { atol: -1 }, { rtol: Number.NaN }, { maxTime: 0 }])
    assert.throws(
      () => gradientFlow(model, Float64Array.of(1), never, { maxSteps: 1, ...bad }),
      (e: unknown) => e instanceof InputError && e.field === Object.keys(bad)[0],
    );
});
