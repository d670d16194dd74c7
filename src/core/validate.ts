/** Checks for numeric user input, each throwing an InputError that names the field. */
import { InputError } from "./errors.js";

export function finiteNumber(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new InputError(field, "must be a finite number", value);
  return value;
}

export function positiveNumber(field: string, value: unknown): number {
  const x = finiteNumber(field, value);
  if (!(x > 0)) throw new InputError(field, "must be a positive number", value);
  return x;
}

export function nonNegativeNumber(field: string, value: unknown): number {
  const x = finiteNumber(field, value);
  if (!(x >= 0)) throw new InputError(field, "must be a number >= 0", value);
  return x;
}

export function integerInRange(
  field: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new InputError(field, `must be an integer ${range}`, value);
  }
  return value;
}

export function numberInRange(field: string, value: unknown, min: number, max: number): number {
  const x = finiteNumber(field, value);
  if (x < min || x > max) throw new InputError(field, `must be a number in [${min}, ${max}]`, value);
  return x;
}

/** A finite float64 vector of an exact length (when given) from a JSON array. */
export function finiteVector(field: string, value: unknown, length?: number): Float64Array {
  if (!Array.isArray(value)) throw new InputError(field, "must be an array of numbers", value);
  if (length !== undefined && value.length !== length) {
    throw new InputError(field, `must have length ${length}`, `length ${value.length}`);
  }
  if (value.length === 0) throw new InputError(field, "must not be empty");
  const out = new Float64Array(value.length);
  value.forEach((x, i) => {
    out[i] = finiteNumber(`${field}[${i}]`, x);
  });
  return out;
}

/** A rectangular finite float64 matrix (array of rows) from JSON; rows are checked to be equally long. */
export function finiteMatrix(field: string, value: unknown, rows?: number, cols?: number): Float64Array[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InputError(field, "must be a non-empty array of rows", value);
  if (rows !== undefined && value.length !== rows)
    throw new InputError(field, `must have ${rows} rows`, `${value.length} rows`);
  const width = cols ?? (Array.isArray(value[0]) ? value[0].length : undefined);
  return value.map((row, i) => finiteVector(`${field}[${i}]`, row, width));
}

/** One of the given strings (an enumeration in a spec or a flag). */
export function oneOf<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value))
    throw new InputError(field, `must be one of ${choices.join(", ")}`, value);
  return value as T;
}
