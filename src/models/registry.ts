/** The problem formats `minima eval` and `minima classify` understand, keyed by their "model" field. */
import { InputError } from "../core/errors.js";
import { suggestKey } from "../core/keys.js";
import type { Problem, ProblemFormat } from "./problem.js";

const formats: ProblemFormat[] = [];

export function registerProblemFormat(format: ProblemFormat): void {
  if (!formats.some((f) => f.model === format.model)) formats.push(format);
}

export function problemFormats(): readonly ProblemFormat[] {
  return formats;
}

export function parseProblem(json: unknown): Problem {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new InputError("problem", 'must be a JSON object with a "model" field');
  }
  const record = json as Record<string, unknown>;
  const names = formats.map((f) => f.model).join(", ");
  if (record.model === undefined) {
    // Without "model" no format's field list applies: a slip of "model" itself is the likely cause.
    const slip = Object.keys(record).find((key) => suggestKey(key, ["model"]) === "model");
    if (slip !== undefined) throw new InputError(slip, 'is not a problem field; did you mean "model"?');
  }
  const format = formats.find((f) => f.model === record.model);
  if (!format) throw new InputError("model", `must be one of ${names}`, record.model);
  return format.parse(record);
}
