/**
 * Checks of a library call's arguments, made once at the public entry (never per step of a loop):
 * shapes, lengths and finiteness of in-memory arrays, and the kinds of the other arguments. Each
 * throws an InputError naming the argument (or its element: "v[3]", "teacher.w") and what it must
 * be. validate.ts reads JSON (and copies it into typed arrays); these accept what a caller already
 * holds (arrays and typed arrays) and return it unchanged, without copying.
 */
import { InputError } from "./errors.js";

export type NumberArray = ArrayLike<number>;

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A non-empty array (or typed array) of finite numbers, of the given length when one is given. */
export function vectorArgument(field: string, value: unknown, length?: number): NumberArray {
  if (!isArrayLike(value)) throw new InputError(field, "must be an array of numbers", value);
  if (length !== undefined && value.length !== length)
    throw new InputError(field, `must have length ${length}`, `length ${value.length}`);
  if (value.length === 0) throw new InputError(field, "must not be empty");
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (typeof x !== "number" || !Number.isFinite(x))
      throw new InputError(`${field}[${i}]`, "must be a finite number", x);
  }
  return value as NumberArray;
}

/** A Float64Array of finite numbers (for arguments the library views or writes in place). */
export function float64Argument(field: string, value: unknown, length?: number): Float64Array {
  if (!(value instanceof Float64Array)) throw new InputError(field, "must be a Float64Array", value);
  return vectorArgument(field, value, length) as Float64Array;
}

/** A non-empty array of rows, each a vector of the same length (`cols` when given). */
export function rowsArgument(
  field: string,
  value: unknown,
  rows?: number,
  cols?: number,
): ReadonlyArray<NumberArray> {
  if (!Array.isArray(value) || value.length === 0)
    throw new InputError(field, "must be a non-empty array of rows", value);
  if (rows !== undefined && value.length !== rows)
    throw new InputError(field, `must have ${rows} rows`, `${value.length} rows`);
  const width = cols ?? (isArrayLike(value[0]) ? value[0].length : undefined);
  value.forEach((row, i) => {
    vectorArgument(`${field}[${i}]`, row, width);
  });
  return value;
}

/** A square matrix of finite numbers as n rows of length n. */
export function squareRowsArgument(field: string, value: unknown): ReadonlyArray<NumberArray> {
  const rows = rowsArgument(field, value);
  if (rows[0].length !== rows.length)
    throw new InputError(
      field,
      "must be square (n rows of length n)",
      `${rows.length} rows of ${rows[0].length}`,
    );
  return rows;
}

/** A plain object (not null, not an array). */
export function objectArgument(field: string, value: unknown, shape = "an object"): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InputError(field, `must be ${shape}`, value);
  return value as Record<string, unknown>;
}

/** A function. */
export function functionArgument(field: string, value: unknown): void {
  if (typeof value !== "function") throw new InputError(field, "must be a function", value);
}

/** true or false. */
export function booleanArgument(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new InputError(field, "must be true or false", value);
  return value;
}

/** A string. */
export function stringArgument(field: string, value: unknown): string {
  if (typeof value !== "string") throw new InputError(field, "must be a string", value);
  return value;
}

/** An object whose named members are functions (an interface implemented by the caller). */
export function methodsArgument(field: string, value: unknown, methods: readonly string[]): void {
  const o = objectArgument(field, value, `an object with ${methods.join(", ")}`);
  for (const m of methods)
    if (typeof o[m] !== "function") throw new InputError(`${field}.${m}`, "must be a function", o[m]);
}

/** A non-empty array whose elements each pass `check` (called with the element's name, "list[i]"). */
export function listArgument<T>(field: string, value: unknown, check: (field: string, x: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InputError(field, "must be a non-empty array", value);
  return value.map((x, i) => check(`${field}[${i}]`, x));
}
