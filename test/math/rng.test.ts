import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mix32, Rng } from "../../src/math/rng.js";

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

describe("Rng", () => {
  test("xoshiro128** matches the reference C implementation from state (1,2,3,4)", () => {
    const rng = Rng.fromRawState(1, 2, 3, 4);
    const got = Array.from({ length: 8 }, () => rng.nextUint32());
    assert.deepEqual(got, [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  test("golden sequence: stream (42, 0) and (42, 7) are pinned", () => {
    const r = Rng.fromSeed(42, 0);
    assert.deepEqual(
      Array.from({ length: 4 }, () => r.nextUint32()),
      [2903651099, 3514681850, 2573263843, 1533866729],
    );
    const u = Rng.fromSeed(42, 7);
    assert.deepEqual(
      [u.uniform(), u.uniform(), u.normal(), u.normal()],
      [0.7065626342986866, 0.40177737448816664, 0.33387607582095713, -0.05192873993374149],
    );
  });

  test("the stream of trial t depends only on (seed, t), not on other streams drawn before it", () => {
    const direct = Rng.fromSeed(9, 3, 17).normals(5);
    for (let t = 0; t < 17; t++) Rng.fromSeed(9, 3, t).normals(100);
    const parent = Rng.fromSeed(9, 3);
    parent.normals(1000);
    assert.deepEqual(parent.stream(17).normals(5), direct);
    assert.deepEqual(Rng.fromSeed(9, 3, 17).normals(5), direct);
  });

  test("neighbouring streams and seeds above 2^32 differ", () => {
    const firsts = new Set<number>();
    for (let t = 0; t < 10000; t++) firsts.add(Rng.fromSeed(1, t).nextUint32());
    assert.ok(firsts.size > 9990);
    assert.notEqual(Rng.fromSeed(1).nextUint32(), Rng.fromSeed(1 + 2 ** 32).nextUint32());
  });

  test("mix32 is a bijection on a sample (no collisions among 2^16 consecutive inputs)", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 65536; i++) seen.add(mix32(i));
    assert.equal(seen.size, 65536);
  });

  test("bad stream indices are rejected", () => {
    assert.throws(() => Rng.fromSeed(-1), /^InputError: seed: must be an integer from 0 to 2\^53/);
    assert.throws(() => Rng.fromSeed(1.5), /seed: must be an integer/);
    assert.throws(() => Rng.fromSeed(1, -2), /index: must be an integer/);
    assert.throws(() => Rng.fromSeed(1).stream(Number.NaN), /index: must be an integer/);
  });

  test("uniform has mean 1/2 and variance 1/12 within 4 standard errors", () => {
    const rng = Rng.fromSeed(1);
    const n = 200000;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = rng.uniform();
    const m = mean(xs);
    assert.ok(Math.abs(m - 0.5) < 4 * Math.sqrt(1 / 12 / n));
    const v = mean(xs.map((x) => (x - 0.5) ** 2));
    assert.ok(Math.abs(v - 1 / 12) < 4 * Math.sqrt((1 / 80 - 1 / 144) / n));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  test("normal has mean 0, variance 1 and fourth moment 3 within 4 standard errors", () => {
    const xs = Rng.fromSeed(2).normals(400000);
    const n = xs.length;
    assert.ok(Math.abs(mean(xs)) < 4 / Math.sqrt(n));
    assert.ok(Math.abs(mean(xs.map((x) => x * x)) - 1) < 4 * Math.sqrt(2 / n));
    assert.ok(Math.abs(mean(xs.map((x) => x ** 4)) - 3) < 4 * Math.sqrt(96 / n));
  });

  test("int(n) is uniform over 0..n-1 (chi-square, 9 degrees of freedom, p > 0.001)", () => {
    const rng = Rng.fromSeed(3);
    const counts = new Array(10).fill(0);
    const n = 100000;
    for (let i = 0; i < n; i++) counts[rng.int(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    assert.ok(chi2 < 27.88, `chi2 = ${chi2}`);
  });

  test("onSphere gives unit vectors with E[x_1^2] = 1/d", () => {
    const rng = Rng.fromSeed(4);
    const d = 5;
    const n = 100000;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.onSphere(d);
      const sq = x.reduce((a, b) => a + b * b, 0);
      assert.ok(Math.abs(sq - 1) < 1e-12);
      s += x[0] * x[0];
    }
    // Var(x_1^2) on S^{d-1} = 3/(d(d+2)) - 1/d^2
    const sd = Math.sqrt((3 / (d * (d + 2)) - 1 / d ** 2) / n);
    assert.ok(Math.abs(s / n - 1 / d) < 4 * sd);
  });

  test("inBall: P(|x| <= r/2) = 2^-d within 4 standard errors, and |x| <= r always", () => {
    const rng = Rng.fromSeed(5);
    const d = 3;
    const r = 2.5;
    const n = 100000;
    let inside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.inBall(d, r);
      const len = Math.hypot(...x);
      assert.ok(len <= r * (1 + 1e-15));
      if (len <= r / 2) inside++;
    }
    const p = 2 ** -d;
    assert.ok(Math.abs(inside / n - p) < 4 * Math.sqrt((p * (1 - p)) / n));
  });
});
