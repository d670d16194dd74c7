/** Numbers and intervals as the report prints them. */
import { formatProportion } from "../math/proportion-text.js";
import { type ProportionEstimate, Z95 } from "../math/stats.js";

export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) throw new Error(`refusing to print a non-finite number (${x})`);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e6) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}

/** "0.512 [0.481, 0.543]" — a proportion with its 95% Wilson interval (math/proportion-text.ts). */
export function fmtProportion(e: ProportionEstimate): string {
  return formatProportion(e);
}

export function fmtPercent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** A mean with its 95% interval from the standard error: "0.16 ± 0.013". */
export function fmtMean(mean: number, se: number): string {
  return `${fmt(mean)} ± ${fmt(Z95 * se, 2)}`;
}

/** A p-value as the report prints it: "p = 0.032", "p = 4.1e-5", "p < 1e-10". */
export function fmtP(p: number): string {
  return p < 1e-10 ? "p < 1e-10" : `p = ${fmt(p, 2)}`;
}
