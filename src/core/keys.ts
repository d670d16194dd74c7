/**
 * Strict JSON objects: a key that is not allowed is an error naming it by its full path, with a
 * suggestion when it looks like a slip of an allowed key (a misspelt field must never be silently
 * ignored, or the run uses a default the user did not mean).
 */
import { InputError } from "./errors.js";

/**
 * Throws an InputError for the first key of `object` not in `allowed`. `field` is the object's path
 * ("spec.params", "layers[2]"; "" for a top-level object) or a function from a key to its path;
 * `what` says what an allowed key is ("a cnn trial field"). The message suggests the closest allowed
 * key (see `suggestKey`) or else lists them all.
 */
export function checkKeys(
  field: string | ((key: string) => string),
  object: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  what = "an allowed key",
): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const shown = printable(key);
    const path = typeof field === "function" ? field(shown) : field === "" ? shown : `${field}.${shown}`;
    const guess = suggestKey(key, allowed);
    throw new InputError(
      path,
      guess === undefined
        ? `is not ${what} (allowed: ${allowed.join(", ")})`
        : `is not ${what}; did you mean "${guess}"?`,
    );
  }
}

/**
 * The allowed key `key` was most likely meant to be: one equal to it up to case, underscores and
 * hyphens (max_steps, MaxSteps → maxSteps), else the nearest within edit distance 2 (insertions,
 * deletions, substitutions and swaps of neighbours) that is not a complete rewrite (distance below
 * the longer length, so "b" does not suggest "a"). Ties go to the first allowed key.
 */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  const plain = normalise(key);
  const variant = allowed.find((a) => normalise(a) === plain);
  if (variant !== undefined) return variant;
  let best: string | undefined;
  let bestDistance = 3;
  for (const a of allowed) {
    if (Math.abs(a.length - key.length) > 2) continue; // also keeps the table small for a huge key
    const d = editDistance(key, a);
    if (d < bestDistance && d < Math.max(key.length, a.length)) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}

/** A key as it can stand in a one-line message: plain names as they are, others quoted and cut at 40. */
function printable(key: string): string {
  if (/^[\w$-]{1,40}$/.test(key)) return key;
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key);
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring characters. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[rows - 1][cols - 1];
}
