import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { Rng } from "../../src/math/rng.js";
import {
  cochranArmitage,
  cochranArmitageStratified,
  normalUpperTail,
  weightedSlope,
} from "../../src/math/trend.js";

const near = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tolerance ${tol})`);

test("normalUpperTail matches tabulated values of the normal distribution (relative error below 2e-7)", () => {
  const cases: [number, number][] = [
    [0, 0.5],
    [1.959963984540054, 0.025],
    [1, 0.15865525393145707],
    [-1, 0.8413447460685429],
    [3, 0.0013498980316301],
    [6, 9.865876450377e-10],
  ];
  for (const [z, tail] of cases) near(normalUpperTail(z) / tail, 1, 2e-7, `z = ${z}`);
});

/** The exact conditional (permutation) p-value of a rise, by Monte Carlo: shuffles the outcomes over the subjects. */
type Group = { count: number; n: number; score: number };

/**
 * The exact conditional (permutation) p-value of a rise, by Monte Carlo: shuffles the outcomes over
 * the subjects within each stratum and counts statistics Σ outcome·score at least the observed one.
 */
function permutationPRise(strata: Group[][], shuffles: number): number {
  const parts = strata.map((groups) => ({
    scores: groups.flatMap((g) => Array.from({ length: g.n }, () => g.score)),
    outcomes: groups.flatMap((g) => Array.from({ length: g.n }, (_, i): number => (i < g.count ? 1 : 0))),
  }));
  const stat = () => parts.reduce((s, p) => s + p.outcomes.reduce((t, v, i) => t + v * p.scores[i], 0), 0);
  const observed = stat();
  const rng = Rng.fromSeed(7, 1);
  let atLeast = 0;
  for (let r = 0; r < shuffles; r++) {
    for (const { outcomes: o } of parts)
      for (let i = o.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [o[i], o[j]] = [o[j], o[i]];
      }
    if (stat() >= observed - 1e-9) atLeast++;
  }
  return atLeast / shuffles;
}

test("cochranArmitage's one-sided p-value matches the permutation test by Monte Carlo", () => {
  // shaped like the report's ‖a*‖ row (quick size) and like the example at 2000 runs per value
  const cases = [
    [114, 122, 134, 132, 147].map((count, i) => ({
      count,
      n: 200,
      score: Math.log10([0.25, 0.5, 1, 2, 4][i]),
    })),
    [124, 124, 122, 132, 143].map((count, i) => ({ count, n: 200, score: i })),
  ];
  for (const groups of cases) {
    const shuffles = 20_000;
    const mc = permutationPRise([groups], shuffles);
    const { pRise, pFall, z } = cochranArmitage(groups);
    // Monte Carlo standard error, plus a little for the normal approximation of a discrete statistic
    const tol = 4 * Math.sqrt((mc * (1 - mc)) / shuffles) + 0.01;
    near(pRise, mc, tol, `pRise for ${groups.map((g) => g.count).join(",")}`);
    near(pRise + pFall, 1, 1e-12, "the two one-sided p-values");
    assert.equal(Math.sign(z), pRise < 0.5 ? 1 : -1);
  }
});

test("cochranArmitage rejects at its stated level when every group has one proportion", () => {
  const rng = Rng.fromSeed(11, 2);
  const reps = 3000;
  let rejected = 0;
  for (let r = 0; r < reps; r++) {
    const groups = [0, 1, 2, 3, 4].map((score) => {
      let count = 0;
      for (let i = 0; i < 200; i++) if (rng.uniform() < 0.6) count++;
      return { count, n: 200, score };
    });
    if (cochranArmitage(groups).pRise < 0.05) rejected++;
  }
  const rate = rejected / reps;
  near(rate, 0.05, 4 * Math.sqrt((0.05 * 0.95) / reps), "rejection rate under no trend");
});

test("cochranArmitage: a clear rise, a clear fall, and no evidence without spread", () => {
  const rise = cochranArmitage([
    { count: 20, n: 100, score: 0 },
    { count: 50, n: 100, score: 1 },
    { count: 80, n: 100, score: 2 },
  ]);
  assert.ok(rise.pRise < 1e-12 && rise.pFall > 1 - 1e-12);
  // by hand: p̄ = 1/2, s̄ = 1, T = −20 + 80 = 60, Var = ¼·200 = 50
  near(rise.z, 60 / Math.sqrt(50), 1e-12, "z by hand");
  const flat = cochranArmitage([
    { count: 10, n: 10, score: 0 },
    { count: 20, n: 20, score: 1 },
  ]);
  assert.deepEqual(flat, { z: 0, pRise: 1, pFall: 1 });
  assert.throws(() => cochranArmitage([{ count: 1, n: 2, score: 0 }]), InputError);
  assert.throws(
    () =>
      cochranArmitage([
        { count: 3, n: 2, score: 0 },
        { count: 1, n: 2, score: 1 },
      ]),
    InputError,
  );
});

test("weightedSlope: exact on a line, the textbook standard error, and 95% coverage by simulation", () => {
  const exact = weightedSlope([0, 1, 2, 3], [1, 3, 5, 7], [0.1, 0.1, 0.1, 0.1]);
  near(exact.slope, 2, 1e-12, "slope of a line");
  // equal errors σ: se = σ/√Σ(x − x̄)² = 0.1/√5
  near(exact.se, 0.1 / Math.sqrt(5), 1e-12, "se");
  const xs = [2, 3, 4, 5];
  const ses = [0.05, 0.02, 0.01, 0.03];
  const rng = Rng.fromSeed(5, 3);
  const reps = 4000;
  let covered = 0;
  let sum = 0;
  for (let r = 0; r < reps; r++) {
    const ys = xs.map((x, i) => 1 - 0.5 * x + ses[i] * rng.normal());
    const s = weightedSlope(xs, ys, ses);
    if (s.lo <= -0.5 && -0.5 <= s.hi) covered++;
    sum += s.slope;
  }
  near(covered / reps, 0.95, 4 * Math.sqrt((0.95 * 0.05) / reps), "coverage");
  near(sum / reps, -0.5, 0.002, "mean slope");
  assert.throws(() => weightedSlope([1, 1], [1, 2], [1, 1]), InputError);
  assert.throws(() => weightedSlope([1, 2], [1, 2], [1, 0]), InputError);
  assert.throws(() => weightedSlope([1, 2], [1], [1, 1]), InputError);
});

test("cochranArmitageStratified: one stratum is the plain test, and it matches the within-strata permutation test", () => {
  const a = [
    { count: 30, n: 50, score: 0 },
    { count: 34, n: 50, score: 1 },
    { count: 41, n: 50, score: 2 },
  ];
  const b = [
    { count: 12, n: 40, score: 0 },
    { count: 9, n: 40, score: 1 },
    { count: 18, n: 40, score: 2 },
    { count: 20, n: 40, score: 3 },
  ];
  assert.deepEqual(cochranArmitageStratified([a]), cochranArmitage(a));
  const mc = permutationPRise([a, b], 20_000);
  const { pRise } = cochranArmitageStratified([a, b]);
  near(pRise, mc, 4 * Math.sqrt((mc * (1 - mc)) / 20_000) + 0.01, "stratified pRise");
  // a stratum without spread adds nothing
  const flat = [
    { count: 5, n: 5, score: 0 },
    { count: 5, n: 5, score: 1 },
  ];
  assert.deepEqual(cochranArmitageStratified([a, flat]), cochranArmitage(a));
});
