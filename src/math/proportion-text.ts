/**
 * A proportion and its interval as text, the one way every printer in Minima writes them (the CLI,
 * sweep summaries, the report): "0.512 [0.481, 0.543]". Three decimals are too few near 0 and 1:
 * with 10,000 of 10,000 runs global the Wilson interval's lower end is 0.99962, which three
 * decimals print as "1.000", the same as p. So the number of decimals grows until each end that
 * differs from p also reads differently from p, and a number that is not exactly 0 or 1 never
 * reads as 0 or 1: "1 [0.9996, 1]". Exact 0 and 1 print as "0" and "1".
 */

export interface ProportionLike {
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
}

/** More decimals than this and the interval is better read from the JSON output. */
const MAX_DECIMALS = 9;

/** x with `decimals` decimals, exact 0 and 1 as "0" and "1". */
export function formatShare(x: number, decimals: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`refusing to print a non-finite proportion (${x})`);
  if (x === 0 || x === 1) return String(x);
  return x.toFixed(decimals);
}

/**
 * The fewest decimals (at least `min`) at which lo, p and hi read as they are: an end that differs
 * from p reads differently from p, and a number strictly inside (0, 1) does not read as 0 or 1.
 * `scale` 100 counts decimals of percentages.
 */
export function proportionDecimals(e: ProportionLike, min = 3, scale = 1): number {
  const reads = (x: number, d: number) => (x * scale).toFixed(d);
  for (let d = min; d < MAX_DECIMALS; d++) {
    const ok = [e.lo, e.p, e.hi].every((x) => {
      const text = reads(x, d);
      if (x !== 0 && x !== 1 && (text === reads(0, d) || text === reads(1, d))) return false;
      return x === e.p || text !== reads(e.p, d);
    });
    if (ok) return d;
  }
  return MAX_DECIMALS;
}

/** "p [lo, hi]" with the decimals of `proportionDecimals`. */
export function formatProportion(e: ProportionLike, min = 3): string {
  const d = proportionDecimals(e, min);
  return `${formatShare(e.p, d)} [${formatShare(e.lo, d)}, ${formatShare(e.hi, d)}]`;
}

/** "12.0% [8.2, 17.3]": the same in percent (`min` decimals of a percentage, default 1). */
export function formatPercentProportion(e: ProportionLike, min = 1): string {
  const d = proportionDecimals(e, min, 100);
  const pc = (x: number) => {
    if (!Number.isFinite(x)) throw new RangeError(`refusing to print a non-finite proportion (${x})`);
    return x === 0 || x === 1 ? String(100 * x) : (100 * x).toFixed(d);
  };
  return `${pc(e.p)}% [${pc(e.lo)}, ${pc(e.hi)}]`;
}
