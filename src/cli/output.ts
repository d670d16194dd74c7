/** Printing results for people (numbers) and for programs (JSON through io/json.ts). */
import { toJson } from "../io/json.js";

export function printJson(value: unknown): void {
  process.stdout.write(`${toJson(value, 2)}\n`);
}

/** A number for people: up to `digits` significant digits, no exponent for ordinary magnitudes. */
export function formatNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e9) return Number(x.toPrecision(digits)).toString();
  return x.toExponential(digits - 1);
}
