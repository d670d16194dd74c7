/**
 * A job's result travels from a worker thread as JSON text. Plain JSON would turn ±Infinity and NaN
 * into null and a Float64Array into an object of indices; this codec keeps both, so a result read
 * back is the value the job returned, whatever thread ran it.
 */

const NON_FINITE = "\u0000nonFinite";
const F64 = "\u0000float64";

export function encodeResult(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
    // `this[key]` is the value before toJSON: a typed array is seen whole here
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Float64Array) return { [F64]: Array.from(raw, (x) => encodeNumber(x)) };
    return typeof v === "number" ? encodeNumber(v) : v;
  });
}

function encodeNumber(x: number): number | { [NON_FINITE]: string } {
  return Number.isFinite(x) ? x : { [NON_FINITE]: String(x) };
}

export function decodeResult(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (NON_FINITE in o) return Number(o[NON_FINITE]);
      if (F64 in o) return Float64Array.from(o[F64] as number[]);
    }
    return v;
  });
}
