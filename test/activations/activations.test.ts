import assert from "node:assert/strict";
import { test } from "node:test";
import { erf, erfc } from "../../src/activations/erf.js";
import { activationByName, activationNames, activations } from "../../src/activations/registry.js";
import { InputError } from "../../src/core/errors.js";

/** Five-point central difference: error O(h⁴) plus rounding O(ε/h). */
function derivative(f: (x: number) => number, x: number, h = 1e-3): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

// Points away from kinks (0), where every activation is smooth.
const points = [-6, -2.7, -1.3, -0.4, 0.35, 1.1, 2.2, 5.5];

for (const act of activations) {
  test(`${act.name}: σ', σ'', σ''' match five-point finite differences away from kinks`, () => {
    for (const x of points) {
      const pairs: [string, (t: number) => number, (t: number) => number][] = [
        ["d1", act.value, act.d1],
        ["d2", act.d1, act.d2],
        ["d3", act.d2, act.d3],
      ];
      for (const [name, f, df] of pairs) {
        const fd = derivative(f, x);
        const exact = df(x);
        assert.ok(
          Math.abs(fd - exact) < 1e-8 * Math.max(1, Math.abs(exact)),
          `${name}(${x}): ${exact} vs ${fd}`,
        );
      }
    }
  });

  test(`${act.name}: value and derivatives are finite at |x| = 50 and 800`, () => {
    for (const x of [-800, -50, 50, 800]) {
      for (const f of [act.value, act.d1, act.d2, act.d3])
        assert.ok(Number.isFinite(f(x)), `${act.name} at ${x}`);
    }
  });

  test(`${act.name}: metadata is consistent (suggested point exactly when the condition holds, σ' > 0 and σ'' > 0 there)`, () => {
    assert.equal(act.suggestedPoint !== undefined, act.theoremCondition);
    if (act.suggestedPoint !== undefined) {
      assert.ok(act.d1(act.suggestedPoint) > 0);
      assert.ok(act.d2(act.suggestedPoint) > 0);
    } else {
      // Outside the theorem: σ'' vanishes wherever it is defined.
      for (const x of points) assert.equal(act.d2(x), 0);
    }
    assert.ok(act.note.length > 0 && !act.note.includes("\n"));
  });
}

test("non-smooth and linear activations are exactly relu, leaky-relu, elu (not smooth) and linear, relu, leaky-relu (condition fails)", () => {
  assert.deepEqual(
    activations.filter((a) => !a.smooth).map((a) => a.name),
    ["relu", "leaky-relu", "elu"],
  );
  assert.deepEqual(
    activations.filter((a) => !a.theoremCondition).map((a) => a.name),
    ["relu", "leaky-relu", "linear"],
  );
});

test("large-|x| values have the right asymptotics without overflow or cancellation", () => {
  const s = activationByName("sigmoid");
  assert.equal(s.value(800), 1);
  assert.equal(s.value(-800), 0);
  assert.ok(Math.abs(s.d1(-40) / Math.exp(-40) - 1) < 1e-12);
  const sp = activationByName("softplus");
  assert.equal(sp.value(800), 800);
  assert.ok(Math.abs(sp.value(-40) / Math.exp(-40) - 1) < 1e-12);
  const t = activationByName("tanh");
  assert.ok(Math.abs(t.d1(20) / (4 * Math.exp(-40)) - 1) < 1e-12);
  const g = activationByName("gelu");
  // x Φ(x) at x = −10: −10 · 7.619853024160527e-24.
  assert.ok(Math.abs(g.value(-10) / (-10 * 7.619853024160527e-24) - 1) < 1e-12);
  assert.ok(Math.abs(activationByName("swish").value(-40) / (-40 * Math.exp(-40)) - 1) < 1e-12);
});

test("erf and erfc match reference values to full relative precision (series and continued-fraction branches)", () => {
  const cases: [number, number][] = [
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [-2.4, -0.999311486103355],
  ];
  for (const [x, v] of cases) assert.ok(Math.abs(erf(x) - v) < 2e-16 * 4, `erf(${x}) = ${erf(x)}`);
  const tails: [number, number][] = [
    [3, 2.2090496998585438e-5],
    [5, 1.5374597944280351e-12],
    [10, 2.088487583762545e-45],
    [2.6, 0.00023603441652934908],
  ];
  for (const [x, v] of tails) assert.ok(Math.abs(erfc(x) / v - 1) < 1e-14, `erfc(${x}) = ${erfc(x)}`);
  assert.equal(erf(0), 0);
  assert.ok(Math.abs(erf(1e-10) - 1.1283791670955126e-10) < 1e-25);
});

test("activationByName accepts aliases and rejects unknown names with a one-line list of the allowed names", () => {
  assert.equal(activationByName("SiLU").name, "swish");
  assert.equal(activationByName("leaky_relu").name, "leaky-relu");
  assert.throws(
    () => activationByName("mish"),
    (e: unknown) =>
      e instanceof InputError &&
      e.message.includes(activationNames().join(", ")) &&
      !e.message.includes("\n"),
  );
});
