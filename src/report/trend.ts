/**
 * The report's trend verdicts: a claimed rise (or fall) of a proportion along a setting is judged by
 * the one-sided Cochran–Armitage test (math/trend.ts) at level TREND_LEVEL, and a claimed rise
 * "throughout" the range also in its lower and its upper half, so that a curve that is flat over
 * half the range and rises over the rest (0.620 → 0.618 → 0.608 → 0.660 → 0.715) is not called a
 * rise with the setting.
 */
import type { ProportionEstimate } from "../math/stats.js";
import { cochranArmitage, type TrendTest } from "../math/trend.js";
import { fmtP } from "./format.js";
import type { Verdict } from "./types.js";

/** The level of every one-sided trend test in the report. */
export const TREND_LEVEL = 0.05;

export interface TrendPoint {
  /** The setting's score (the value, or its log₁₀ on a log axis). */
  readonly score: number;
  readonly estimate: ProportionEstimate;
}

export function proportionTrend(points: readonly TrendPoint[]): TrendTest {
  return cochranArmitage(points.map((p) => ({ count: p.estimate.count, n: p.estimate.n, score: p.score })));
}

export interface RiseThroughout {
  readonly all: TrendTest;
  /** The lower and upper halves of the range (the middle value in both when their number is odd). */
  readonly lower: TrendTest;
  readonly upper: TrendTest;
}

export function riseThroughout(points: readonly TrendPoint[]): RiseThroughout {
  const m = points.length;
  return {
    all: proportionTrend(points),
    lower: proportionTrend(points.slice(0, Math.ceil(m / 2))),
    upper: proportionTrend(points.slice(Math.floor(m / 2))),
  };
}

export const significantRise = (t: TrendTest) => t.pRise < TREND_LEVEL;
export const significantFall = (t: TrendTest) => t.pFall < TREND_LEVEL;

/** "one-sided Cochran–Armitage p = 0.003 (z = 2.7)" */
export function trendText(t: TrendTest, direction: "rise" | "fall" = "rise"): string {
  return `one-sided ${fmtP(direction === "rise" ? t.pRise : t.pFall)} for a ${direction} (z = ${t.z.toFixed(2)})`;
}

/** The three tests of `riseThroughout` in words. */
export function riseThroughoutText(r: RiseThroughout): string {
  return `trend test over all values: ${trendText(r.all)}; lower half: ${fmtP(r.lower.pRise)}; upper half: ${fmtP(r.upper.pRise)}`;
}

export const RISE_THROUGHOUT_TEST = `one-sided Cochran–Armitage trend tests for a rise at level ${TREND_LEVEL}. Agrees when P(global) rises significantly over all values and also over the lower half and over the upper half of the range (the middle value in both); partly agrees when it rises significantly over all values but not in one half (the rise is carried by part of the range); else differs`;

/** The verdict of RISE_THROUGHOUT_TEST. */
export function riseVerdict(t: RiseThroughout): Verdict {
  if (!significantRise(t.all)) return "differs";
  return significantRise(t.lower) && significantRise(t.upper) ? "agrees" : "partly agrees";
}
