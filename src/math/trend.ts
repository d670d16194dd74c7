/**
 * Tests of a claimed direction: does a proportion, or a measured mean, rise (or fall) with a setting?
 * The report's verdicts on trends ("P(global) rises with ‖a*‖") rest on these, with the p-value shown,
 * instead of on comparing the first and last intervals by eye.
 *
 * - `cochranArmitage`: the Cochran–Armitage test for a linear trend in proportions over ordered
 *   groups with scores s_i (Armitage 1955): T = Σ x_i (s_i − s̄), Var T = p̄(1 − p̄) Σ n_i (s_i − s̄)²
 *   under "one proportion in every group", z = T/√Var T, one-sided p-values from the normal tail.
 * - `weightedSlope`: the least-squares slope of means with known standard errors (weights 1/se²),
 *   its standard error and z, for trends of measured means (errors against N or θ).
 *
 * Both are large-sample (normal) tests; the report states them beside each verdict.
 */
import { InputError } from "../core/errors.js";
import { finiteNumber, integerInRange, positiveNumber } from "../core/validate.js";
import { Z95 } from "./stats.js";

/**
 * erfc(x) by the Chebyshev fit of Numerical Recipes (erfcc): relative error below 1.2e-7 for all
 * x, which is far below anything a p-value is read to.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≥ z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  finiteNumber("z", z);
  return 0.5 * erfc(z / Math.SQRT2);
}

export interface TrendGroup {
  /** Successes in the group. */
  readonly count: number;
  /** Trials in the group. */
  readonly n: number;
  /** The group's score (its setting, or a function of it such as log₁₀ of it). */
  readonly score: number;
}

export interface TrendTest {
  /** The standardised statistic: positive for a rise with the score. */
  readonly z: number;
  /** One-sided p-value for a rise (small: evidence that the proportion rises with the score). */
  readonly pRise: number;
  /** One-sided p-value for a fall. */
  readonly pFall: number;
}

/**
 * The Cochran–Armitage trend test. With no spread in the outcomes (all successes or none) or in
 * the scores there is no evidence either way: z = 0 and both p-values are 1, as every permutation
 * of the outcomes gives the same statistic.
 */
export function cochranArmitage(groups: readonly TrendGroup[]): TrendTest {
  return cochranArmitageStratified([groups]);
}

/**
 * The stratified Cochran–Armitage test (Mantel's extension): the statistic and its null variance
 * summed over strata, each stratum with its own common proportion (e.g. P(global) against k at
 * each ratio (1ᵀa*)²/‖a*‖², pooled over the ratios). One stratum is the plain test.
 */
export function cochranArmitageStratified(strata: readonly (readonly TrendGroup[])[]): TrendTest {
  if (strata.length < 1) throw new InputError("strata", "must hold at least one stratum", strata.length);
  let t = 0;
  let variance = 0;
  strata.forEach((groups, k) => {
    if (groups.length < 2)
      throw new InputError(`strata[${k}]`, "must hold at least two groups", groups.length);
    groups.forEach((g, i) => {
      integerInRange(`strata[${k}][${i}].n`, g.n, 1);
      integerInRange(`strata[${k}][${i}].count`, g.count, 0, g.n);
      finiteNumber(`strata[${k}][${i}].score`, g.score);
    });
    const total = groups.reduce((s, g) => s + g.n, 0);
    const pBar = groups.reduce((s, g) => s + g.count, 0) / total;
    const sBar = groups.reduce((s, g) => s + g.n * g.score, 0) / total;
    t += groups.reduce((s, g) => s + g.count * (g.score - sBar), 0);
    variance += pBar * (1 - pBar) * groups.reduce((s, g) => s + g.n * (g.score - sBar) ** 2, 0);
  });
  if (!(variance > 0)) return { z: 0, pRise: 1, pFall: 1 };
  const z = t / Math.sqrt(variance);
  return { z, pRise: normalUpperTail(z), pFall: normalUpperTail(-z) };
}

export interface SlopeEstimate {
  readonly slope: number;
  readonly se: number;
  readonly z: number;
  /** The 95% interval slope ± 1.96·se. */
  readonly lo: number;
  readonly hi: number;
  readonly pRise: number;
  readonly pFall: number;
}

/** Weighted least-squares slope of y on x, each y with a known standard error (weights 1/se²). */
export function weightedSlope(
  xs: readonly number[],
  ys: readonly number[],
  ses: readonly number[],
): SlopeEstimate {
  if (xs.length < 2) throw new InputError("xs", "must hold at least two points", xs.length);
  if (ys.length !== xs.length || ses.length !== xs.length)
    throw new InputError("ys", `must have as many entries as xs (${xs.length})`, ys.length);
  xs.forEach((x, i) => finiteNumber(`xs[${i}]`, x));
  ys.forEach((y, i) => finiteNumber(`ys[${i}]`, y));
  ses.forEach((s, i) => positiveNumber(`ses[${i}]`, s));
  const w = ses.map((s) => 1 / (s * s));
  const sw = w.reduce((s, v) => s + v, 0);
  const mx = xs.reduce((s, x, i) => s + w[i] * x, 0) / sw;
  const my = ys.reduce((s, y, i) => s + w[i] * y, 0) / sw;
  const sxx = xs.reduce((s, x, i) => s + w[i] * (x - mx) ** 2, 0);
  if (!(sxx > 0)) throw new InputError("xs", "must not all be equal", xs[0]);
  const sxy = xs.reduce((s, x, i) => s + w[i] * (x - mx) * (ys[i] - my), 0);
  const slope = sxy / sxx;
  const se = 1 / Math.sqrt(sxx);
  const z = slope / se;
  return {
    slope,
    se,
    z,
    lo: slope - Z95 * se,
    hi: slope + Z95 * se,
    pRise: normalUpperTail(z),
    pFall: normalUpperTail(-z),
  };
}
