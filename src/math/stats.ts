/**
 * Binomial statistics for success probabilities: Wilson score intervals and the restart law.
 *
 * Wilson's interval (Wilson 1927; Newcombe 1998, method 3) is the set of p for which
 * |p̂ − p| ≤ z·√(p(1−p)/n). Unlike the Wald interval it stays inside [0, 1] and is sensible at
 * 0 and n successes, which are common here (past the existence threshold P(spurious) is exactly 0).
 */

import { InputError } from "../core/errors.js";
import { integerInRange, numberInRange, positiveNumber } from "../core/validate.js";

/** The two-sided 95% standard-normal quantile, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

export interface ProportionEstimate {
  readonly count: number;
  readonly n: number;
  /** The point estimate count/n (0 when n = 0). */
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
}

export function wilsonInterval(count: number, n: number, z = Z95): ProportionEstimate {
  integerInRange("count", count, 0);
  integerInRange("n", n, 0);
  if (count > n) throw new InputError("count", `must be at most n = ${n}`, count);
  positiveNumber("z", z);
  if (n === 0) return { count, n, p: 0, lo: 0, hi: 1 };
  const p = count / n;
  const z2 = z * z;
  const denominator = n + z2;
  const centre = (count + z2 / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((count * (n - count)) / n + z2 / 4);
  // At 0 and n successes one end is exactly 0 or 1; rounding must not move it.
  const lo = count === 0 ? 0 : Math.max(0, centre - half);
  const hi = count === n ? 1 : Math.min(1, centre + half);
  return { count, n, p, lo, hi };
}

/** P(at least one of m independent tries succeeds) = 1 − (1 − p)^m, computed without cancellation. */
export function atLeastOneOf(p: number, m: number): number {
  numberInRange("p", p, 0, 1);
  integerInRange("m", m, 1);
  if (p === 1) return 1;
  return -Math.expm1(m * Math.log1p(-p));
}
