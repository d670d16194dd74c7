/** Numbers and intervals as the report prints them. */
import { type ProportionEstimate, Z95 } from "../math/stats.js";

export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) throw new Error(`refusing to print a non-finite number (${x})`);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e6) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}

/** "0.512 [0.49, 0.53]" — a proportion with its 95% Wilson interval. */
export function fmtProportion(e: ProportionEstimate): string {
  return `${fmtP(e.p)} [${fmtP(e.lo)}, ${fmtP(e.hi)}]`;
}

function fmtP(p: number): string {
  if (p === 0 || p === 1) return String(p);
  return p.toFixed(3);
}

export function fmtPercent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** A mean with its 95% interval from the standard error: "0.16 ± 0.013". */
export function fmtMean(mean: number, se: number): string {
  return `${fmt(mean)} ± ${fmt(Z95 * se, 2)}`;
}
