/**
 * The random-stream key of a set of trial parameters: a 52-bit hash of their canonical JSON (keys
 * sorted), so trial t of a cell draws from Rng.fromSeed(seed, key, t) whatever else the report runs.
 */
import { mix32 } from "../math/rng.js";

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function streamKey(name: string, params: unknown): number {
  const text = `${name}:${canonical(params)}`;
  let h1 = 0x9e3779b9;
  let h2 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = mix32((h1 ^ c) >>> 0);
    h2 = mix32((h2 + c + i) >>> 0);
  }
  // 32 bits from h1 and 20 from h2: a safe integer
  return h1 + (h2 & 0xfffff) * 4294967296;
}
