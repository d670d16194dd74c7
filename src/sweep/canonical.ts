/**
 * Canonical JSON (object keys sorted, no spaces) and a 52-bit hash of it. Two parameter objects
 * that mean the same thing give the same text whatever order their keys were written in, so a
 * cell's random stream depends on its parameters only.
 */
import { mix32 } from "../math/rng.js";

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A 52-bit non-negative integer hash of a string (two keyed lanes of the lowbias32 mixer). */
export function hash52(text: string): number {
  let hi = 0x9e3779b9;
  let lo = 0x7f4a7c15;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    hi = mix32((hi ^ c) >>> 0);
    lo = mix32((lo ^ c ^ 0x5bd1e995) >>> 0);
  }
  hi = mix32((hi ^ text.length) >>> 0);
  lo = mix32((lo ^ text.length) >>> 0);
  return (hi >>> 12) * 4294967296 + lo;
}

/** The random-stream key of a sweep cell: a hash of its model and resolved parameters, not its position. */
export function streamKeyOf(modelName: string, params: unknown): number {
  return hash52(canonicalJson({ model: modelName, params }));
}
