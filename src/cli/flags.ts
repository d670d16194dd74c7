/**
 * Command-line flags: node's util.parseArgs in strict mode (unknown flags are errors), with typed
 * accessors that turn every bad value into an InputError naming the flag. A flag given twice is an
 * error (not "the last one wins"), and numbers are plain decimals: 0x3, 1_000, Infinity and an empty
 * string are refused rather than read as 3, 1000, ∞ or 0.
 */
import { parseArgs } from "node:util";
import { InputError } from "../core/errors.js";

export type FlagSpec = Record<
  string,
  { type: "string" | "boolean"; short?: string; multiple?: boolean; default?: string | boolean }
>;

export interface ParsedFlags {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

export function parseFlags(argv: readonly string[], spec: FlagSpec, maxPositionals = 0): ParsedFlags {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: spec,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw new InputError("arguments", flagErrorText(error, spec));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || spec[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new InputError(`--${token.name}`, "is given more than once");
    seen.add(token.name);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new InputError(
      "arguments",
      `unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`,
    );
  }
  return { values: parsed.values as ParsedFlags["values"], positionals: parsed.positionals };
}

function flagErrorText(error: unknown, spec: FlagSpec): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const known = Object.keys(spec)
      .map((k) => `--${k}`)
      .join(", ");
    return `unknown flag ${unknown[1]} (allowed: ${known})`;
  }
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `flag ${missing[1].split(",").pop()?.trim()} needs a value`;
  return message.split("\n")[0].replace(/\.$/, "");
}

function raw(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new InputError(`--${name}`, "needs a value");
  return v;
}

/** A plain decimal: optional sign, digits with an optional point, an optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a decimal text denotes, or NaN for anything else (hexadecimal, separators, words, ""). */
export function parseDecimal(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}

function parseNumber(name: string, text: string): number {
  if (!DECIMAL.test(text.trim()))
    throw new InputError(`--${name}`, "must be a finite number in plain decimal (e.g. 3, -0.5, 1e-3)", text);
  const x = Number(text.trim());
  if (!Number.isFinite(x))
    throw new InputError(`--${name}`, "must be a finite number (at most 1.7e308)", text);
  return x;
}

export function numberFlag(
  flags: ParsedFlags,
  name: string,
  options: { default?: number; min?: number; max?: number; exclusiveMin?: boolean } = {},
): number {
  const text = raw(flags, name);
  if (text === undefined) {
    if (options.default === undefined) throw new InputError(`--${name}`, "is required");
    return options.default;
  }
  const x = parseNumber(name, text);
  const { min, max, exclusiveMin } = options;
  if (min !== undefined && (exclusiveMin ? !(x > min) : !(x >= min))) {
    throw new InputError(
      `--${name}`,
      `must be ${exclusiveMin ? ">" : ">="} ${min}${max === undefined ? "" : ` and <= ${max}`}`,
      text,
    );
  }
  if (max !== undefined && !(x <= max)) throw new InputError(`--${name}`, `must be <= ${max}`, text);
  return x;
}

export function intFlag(
  flags: ParsedFlags,
  name: string,
  options: { default?: number; min?: number; max?: number } = {},
): number {
  const text = raw(flags, name);
  if (text === undefined) {
    if (options.default === undefined) throw new InputError(`--${name}`, "is required");
    return options.default;
  }
  const x = parseNumber(name, text);
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(x) || x < min || x > max) {
    const range =
      options.max === undefined
        ? `>= ${min}`
        : options.min === undefined
          ? `<= ${max}`
          : `from ${min} to ${max}`;
    throw new InputError(`--${name}`, `must be an integer ${range}`, text);
  }
  return x;
}

export function stringFlag(flags: ParsedFlags, name: string, options: { default?: string } = {}): string {
  const text = raw(flags, name);
  if (text === undefined) {
    if (options.default === undefined) throw new InputError(`--${name}`, "is required");
    return options.default;
  }
  return text;
}

export function optionalStringFlag(flags: ParsedFlags, name: string): string | undefined {
  return raw(flags, name);
}

export function choiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
  defaultValue?: T,
): T {
  const text = raw(flags, name);
  if (text === undefined) {
    if (defaultValue === undefined)
      throw new InputError(`--${name}`, `is required (one of ${choices.join(", ")})`);
    return defaultValue;
  }
  if (!(choices as readonly string[]).includes(text))
    throw new InputError(`--${name}`, `must be one of ${choices.join(", ")}`, text);
  return text as T;
}

export function boolFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}
