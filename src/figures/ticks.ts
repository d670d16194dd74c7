/**
 * Tick values for axes and colour legends that always give a reader at least three labelled
 * numbers: on a log axis spanning under three decades Plot labels only one or two powers of ten,
 * so there the ticks fall back to 1-2-5 (and then 1…9) multiples, then to linear round numbers.
 */

/** Round numbers 1, 2 or 5 × 10^e apart covering [lo, hi], about `target` of them. */
export function linearTicks(lo: number, hi: number, target = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi)))
    throw new RangeError(`ticks need finite ends, got [${lo}, ${hi}]`);
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw * 0.75) ?? 10 * power;
  const slack = step * 1e-9;
  const ticks: number[] = [];
  for (let i = Math.ceil((lo - slack) / step); i * step <= hi + slack; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Values m·10^e in [lo, hi] for the given mantissas. */
function multiples(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++)
    for (const m of mantissas) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
    }
  return out;
}

/**
 * Ticks for a log axis over [lo, hi] (0 < lo ≤ hi): the powers of ten whose exponent is a multiple
 * of a round stride when three or more fall inside (at most about eight), else 1-2-5 multiples,
 * else 1…9 multiples, else linear round numbers; at least three values whenever lo < hi.
 */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0 && hi >= lo && Number.isFinite(hi)))
    throw new RangeError(`log ticks need 0 < lo ≤ hi, got [${lo}, ${hi}]`);
  const decades = multiples(lo, hi, [1]);
  if (decades.length >= 3) {
    // powers whose exponent is a multiple of a round stride (10⁰, 10⁻⁵, 10⁻¹⁰, …), at most about 8
    for (const stride of [1, 2, 3, 5, 10, 20, 50, 100]) {
      const ticks = decades.filter((d) => Math.round(Math.log10(d)) % stride === 0);
      if (ticks.length <= 8 && ticks.length >= 3) return ticks;
    }
    return decades.filter((_, i) => i % Math.ceil(decades.length / 8) === 0);
  }
  for (const mantissas of [
    [1, 2, 5],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ]) {
    const ticks = multiples(lo, hi, mantissas);
    if (ticks.length >= 3) return ticks.length > 9 ? ticks.filter((_, i) => i % 2 === 0) : ticks;
  }
  return linearTicks(lo, hi, 4).filter((v) => v > 0);
}

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

export function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPTS[c] ?? c).join("");
}

/** A number in at most three significant digits with a true minus sign ("−0.25", "1.5", "120"). */
export function shortNumber(v: number): string {
  const text = String(Number(v.toPrecision(3)));
  return v < 0 ? `−${text.slice(1)}` : text;
}

const isPowerOfTen = (v: number) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

/** A power of ten as "10⁻³". */
export function powerText(value: number): string {
  return `10${superscript(Math.round(Math.log10(value)))}`;
}

/** A positive number plainly between 10⁻³ and 10⁵ ("0.25", "2", "400"), else as "2·10⁻⁵". */
export function plainText(value: number): string {
  const e = Math.floor(Math.log10(value) + 1e-9);
  if (e >= -3 && e <= 4) return shortNumber(value);
  const m = Number((value / 10 ** e).toPrecision(3));
  return m === 1 ? powerText(value) : `${shortNumber(m)}·${powerText(10 ** e)}`;
}

/**
 * The labels of a log axis: powers of ten as "10⁻³" when every tick is one, else every tick as
 * a plain number (a mix such as "0.5, 10⁰, 2" reads badly).
 */
export function logTickFormat(ticks: readonly number[]): (value: number) => string {
  return ticks.every(isPowerOfTen) ? powerText : plainText;
}
