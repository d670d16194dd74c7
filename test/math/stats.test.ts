import assert from "node:assert/strict";
import { test } from "node:test";
import { atLeastOneOf, wilsonInterval, Z95 } from "../../src/math/stats.js";

function near(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);
}

test("wilsonInterval reproduces Newcombe (1998) Table I, method 3, to 4 decimals", () => {
  // Newcombe, Statistics in Medicine 17:857-872, Table I (score method without continuity correction).
  const cases: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [x, n, lo, hi] of cases) {
    const ci = wilsonInterval(x, n);
    near(ci.lo, lo, 5e-5, `lo ${x}/${n}`);
    near(ci.hi, hi, 5e-5, `hi ${x}/${n}`);
    near(ci.p, x / n, 0, `p ${x}/${n}`);
  }
});

test("wilsonInterval's ends solve (p̂ − p)² = z²p(1−p)/n", () => {
  for (const [x, n] of [
    [3, 7],
    [500, 1000],
    [1, 10000],
    [9999, 10000],
  ]) {
    const ci = wilsonInterval(x, n);
    const phat = x / n;
    for (const end of [ci.lo, ci.hi]) {
      const residual = (phat - end) ** 2 - (Z95 * Z95 * end * (1 - end)) / n;
      near(residual, 0, 1e-12, `residual at ${end} for ${x}/${n}`);
    }
    assert.ok(ci.lo < phat && phat < ci.hi);
  }
});

test("wilsonInterval at 0 and n successes has the exact end 0 or 1 and the closed-form other end", () => {
  for (const n of [1, 5, 40, 10000]) {
    const none = wilsonInterval(0, n);
    const all = wilsonInterval(n, n);
    assert.equal(none.lo, 0);
    assert.equal(all.hi, 1);
    near(none.hi, (Z95 * Z95) / (n + Z95 * Z95), 1e-15, `hi of 0/${n}`);
    near(all.lo, n / (n + Z95 * Z95), 1e-15, `lo of ${n}/${n}`);
  }
  assert.deepEqual(wilsonInterval(0, 0), { count: 0, n: 0, p: 0, lo: 0, hi: 1 });
});

test("wilsonInterval's exact binomial coverage at n = 100 is near 95% over p", () => {
  const n = 100;
  const logFactorial = [0];
  for (let i = 1; i <= n; i++) logFactorial.push(logFactorial[i - 1] + Math.log(i));
  for (const p of [0.1, 0.25, 0.5, 0.8]) {
    let coverage = 0;
    for (let x = 0; x <= n; x++) {
      const ci = wilsonInterval(x, n);
      if (ci.lo <= p && p <= ci.hi) {
        coverage += Math.exp(
          logFactorial[n] -
            logFactorial[x] -
            logFactorial[n - x] +
            x * Math.log(p) +
            (n - x) * Math.log1p(-p),
        );
      }
    }
    assert.ok(coverage > 0.92 && coverage < 0.98, `coverage at p=${p}: ${coverage}`);
  }
});

test("wilsonInterval rejects counts outside [0, n]", () => {
  assert.throws(() => wilsonInterval(5, 4), /^InputError: count: must be at most n = 4, got 5$/);
  assert.throws(() => wilsonInterval(-1, 4), /count: must be an integer >= 0/);
  assert.throws(() => wilsonInterval(1.5, 4), /count: must be an integer >= 0/);
});

test("atLeastOneOf equals 1 − (1 − p)^m and keeps precision for tiny p", () => {
  near(atLeastOneOf(0.25, 1), 0.25, 1e-16, "m=1");
  near(atLeastOneOf(0.25, 3), 1 - 0.75 ** 3, 1e-15, "m=3");
  assert.equal(atLeastOneOf(0, 10), 0);
  assert.equal(atLeastOneOf(1, 10), 1);
  near(atLeastOneOf(1e-17, 2), 2e-17, 1e-30, "tiny p");
});
