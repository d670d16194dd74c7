/**
 * What a stored trial line must be, checked on every read: a JSON object with an integer cell and trial
 * inside the spec, the stream path, an outcome the model knows, and a checksum of the line itself, so a
 * line edited by hand or by a faulty disk (a flipped outcome) is found instead of changing a summary.
 *
 * The checksum is the 52-bit hash (canonical.ts) of the line's text without it, appended as the last
 * field: `{…,"check":"<13 hex digits>"}`. It is computed on the text, so checking needs no re-encoding.
 */
import { hash52 } from "./canonical.js";
import type { TrialRecord } from "./trial.js";

const CHECK_FIELD = ',"check":"';

export interface RecordRules {
  readonly cells: number;
  readonly trials: number;
  readonly outcomes: readonly string[];
}

function checksum(body: string): string {
  return hash52(body).toString(16).padStart(13, "0");
}

/** The stored form of one record's JSON text (`{…}`): the same object with its checksum last. */
export function withChecksum(json: string): string {
  return `${json.slice(0, -1)}${CHECK_FIELD}${checksum(json)}"}`;
}

/** Appends the checksum to each line of JSONL text. */
export function jsonlWithChecksums(jsonl: string): string {
  let out = "";
  let start = 0;
  for (let end = jsonl.indexOf("\n"); end !== -1; end = jsonl.indexOf("\n", start)) {
    out += `${withChecksum(jsonl.slice(start, end))}\n`;
    start = end + 1;
  }
  return out;
}

/**
 * The record on a stored line, or the reason it is not one. `checked`: the file's header promises
 * checksums (files written before they existed have none).
 */
export function parseRecordLine(
  line: string,
  rules: RecordRules,
  checked: boolean,
): { record: TrialRecord } | { problem: string } {
  let body = line;
  if (checked) {
    const at = line.lastIndexOf(CHECK_FIELD);
    if (at === -1 || !line.endsWith('"}')) return { problem: "has no checksum" };
    body = `${line.slice(0, at)}}`;
    if (line.slice(at + CHECK_FIELD.length, -2) !== checksum(body))
      return { problem: "does not match its checksum (the line was changed after it was written)" };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { problem: "is not valid JSON" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { problem: "is not a JSON object" };
  const r = value as Record<string, unknown>;
  if (r.format !== undefined) return { problem: "is a second header" };
  if (!Number.isInteger(r.cell) || (r.cell as number) < 0 || (r.cell as number) >= rules.cells)
    return { problem: `has cell ${JSON.stringify(r.cell)}; the spec has cells 0 to ${rules.cells - 1}` };
  if (!Number.isInteger(r.trial) || (r.trial as number) < 0 || (r.trial as number) >= rules.trials)
    return { problem: `has trial ${JSON.stringify(r.trial)}; the spec has trials 0 to ${rules.trials - 1}` };
  if (!Array.isArray(r.seed) || r.seed.length !== 3 || !r.seed.every((s) => Number.isSafeInteger(s)))
    return { problem: "has no valid seed path [seed, stream key, trial]" };
  if (r.seed[2] !== r.trial)
    return { problem: `has seed path ${JSON.stringify(r.seed)} for trial ${r.trial}` };
  if (typeof r.outcome !== "string" || !rules.outcomes.includes(r.outcome))
    return {
      problem: `has outcome ${JSON.stringify(r.outcome)}; the model's outcomes are ${rules.outcomes.join(", ")}`,
    };
  return { record: value as TrialRecord };
}
