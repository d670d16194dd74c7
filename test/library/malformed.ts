/**
 * Malformed inputs by kind of argument, for the table of test/library/table.ts. Each kind takes a
 * valid value and yields the variants a careless caller might pass — wrong length, NaN, ±∞, wrong
 * type, empty, negative sizes — each with the name the library's InputError must carry (the
 * argument, or the element or field inside it that is wrong).
 */

export interface Malformed {
  /** What is wrong, for the failure message. */
  readonly what: string;
  readonly value: unknown;
  /** The name the error must carry; defaults to the argument's. */
  readonly name?: string;
}

export interface Argument {
  /** The argument's name, as the library's errors call it. */
  readonly name: string;
  readonly valid: unknown;
  readonly bad: readonly Malformed[];
}

const WRONG_TYPES: readonly Malformed[] = [
  { what: "a string", value: "1" },
  { what: "null", value: null },
];

type Vector = readonly number[] | Float64Array;

function withAt(valid: Vector, i: number, x: number): Vector {
  const copy = Array.from(valid);
  copy[i] = x;
  return valid instanceof Float64Array ? Float64Array.from(copy) : copy;
}

function like(valid: Vector, values: number[]): Vector {
  return valid instanceof Float64Array ? Float64Array.from(values) : values;
}

/**
 * A vector. `fixedLength`: its length is determined by other arguments (so one more element is
 * wrong); `float64`: only a Float64Array will do.
 */
export function vector(
  name: string,
  valid: Vector,
  options: { fixedLength?: boolean; float64?: boolean; nonEmpty?: boolean } = {},
): Argument {
  const { fixedLength = true, float64 = valid instanceof Float64Array, nonEmpty = true } = options;
  const i = Math.min(1, valid.length - 1);
  const bad: Malformed[] = [
    { what: "NaN inside", value: withAt(valid, i, Number.NaN), name: `${name}[${i}]` },
    { what: "∞ inside", value: withAt(valid, i, Number.POSITIVE_INFINITY), name: `${name}[${i}]` },
    { what: "−∞ inside", value: withAt(valid, i, Number.NEGATIVE_INFINITY), name: `${name}[${i}]` },
    {
      what: "a string inside",
      value: Array.from(valid, (x, j) => (j === i ? "1" : x)),
      name: float64 ? name : `${name}[${i}]`,
    },
    ...WRONG_TYPES,
    { what: "an object", value: { length: valid.length } },
  ];
  if (nonEmpty) bad.push({ what: "empty", value: like(valid, []) });
  if (fixedLength) bad.push({ what: "one element too many", value: like(valid, [...Array.from(valid), 1]) });
  if (float64) bad.push({ what: "a plain array", value: Array.from(valid) });
  return { name, valid, bad };
}

/** An array of rows of equal length. */
export function rows(
  name: string,
  valid: readonly (readonly number[])[] | readonly Float64Array[],
  options: { fixedRows?: boolean; fixedColumns?: boolean } = {},
): Argument {
  const { fixedRows = true, fixedColumns = true } = options;
  const copy = () => valid.map((r) => Array.from(r));
  const nan = copy();
  nan[0][0] = Number.NaN;
  const inf = copy();
  inf[inf.length - 1][0] = Number.POSITIVE_INFINITY;
  const bad: Malformed[] = [
    { what: "NaN entry", value: nan, name: `${name}[0]` },
    { what: "∞ entry", value: inf, name: `${name}[${valid.length - 1}]` },
    { what: "empty", value: [] },
    { what: "a flat array", value: Array.from(valid[0]) },
    ...WRONG_TYPES,
  ];
  if (valid.length > 1 || fixedColumns) {
    const ragged = copy();
    ragged[ragged.length - 1].push(1);
    bad.push({
      what: "a ragged row",
      value: ragged,
      name: valid.length > 1 ? `${name}[${valid.length - 1}]` : name,
    });
  }
  if (fixedRows) bad.push({ what: "one row too many", value: [...copy(), Array.from(valid[0])] });
  return { name, valid, bad };
}

/** An integer size or count with a smallest allowed value (and optionally a largest). */
export function integer(name: string, valid: number, min = 1, max?: number): Argument {
  const bad: Malformed[] = [
    { what: "negative", value: -1 },
    { what: "below the minimum", value: min - 1 },
    { what: "not an integer", value: valid + 0.5 },
    { what: "NaN", value: Number.NaN },
    { what: "∞", value: Number.POSITIVE_INFINITY },
    ...WRONG_TYPES,
  ];
  if (max !== undefined) bad.push({ what: "above the maximum", value: max + 1 });
  return {
    name,
    valid,
    bad: bad.filter(
      (b) =>
        !(
          typeof b.value === "number" &&
          b.value >= min &&
          (max === undefined || b.value <= max) &&
          Number.isInteger(b.value)
        ),
    ),
  };
}

/** A finite number, optionally in a range (ends allowed unless `open`). */
export function number(
  name: string,
  valid: number,
  range: { min?: number; max?: number; open?: boolean; openMin?: boolean } = {},
): Argument {
  const bad: Malformed[] = [
    { what: "NaN", value: Number.NaN },
    { what: "∞", value: Number.POSITIVE_INFINITY },
    { what: "−∞", value: Number.NEGATIVE_INFINITY },
    ...WRONG_TYPES,
  ];
  if (range.min !== undefined) {
    bad.push({ what: "below the range", value: range.min - 1 });
    if (range.open || range.openMin) bad.push({ what: "at the open lower end", value: range.min });
  }
  if (range.max !== undefined) {
    bad.push({ what: "above the range", value: range.max + 1 });
    if (range.open) bad.push({ what: "at the open upper end", value: range.max });
  }
  return { name, valid, bad };
}

/** A positive number. */
export const positive = (name: string, valid: number) => number(name, valid, { min: 0, open: true });

/** One of a list of strings. */
export function choice(name: string, valid: string): Argument {
  return {
    name,
    valid,
    bad: [
      { what: "an unknown name", value: "no-such-thing" },
      { what: "a number", value: 3 },
      { what: "null", value: null },
    ],
  };
}

/** A function. */
export function func(name: string, valid: unknown): Argument {
  return {
    name,
    valid,
    bad: [
      { what: "a string", value: "f" },
      { what: "null", value: null },
    ],
  };
}

/** true or false. */
export function bool(name: string, valid: boolean): Argument {
  return {
    name,
    valid,
    bad: [
      { what: "a string", value: "yes" },
      { what: "a number", value: 1 },
    ],
  };
}

/** An object whose fields are arguments of their own; `prefix` is how errors name a field ("" for bare field names). */
export function object(
  name: string,
  fields: Readonly<Record<string, Argument>>,
  options: { prefix?: string; extra?: Record<string, unknown>; unknownField?: boolean } = {},
): Argument {
  const prefix = options.prefix ?? `${name}.`;
  const valid: Record<string, unknown> = { ...options.extra };
  for (const [key, arg] of Object.entries(fields)) valid[key] = arg.valid;
  const bad: Malformed[] = [...WRONG_TYPES, { what: "an array", value: [] }];
  for (const [key, arg] of Object.entries(fields))
    for (const b of arg.bad) {
      const inner = b.name ?? arg.name;
      bad.push({
        what: `${key}: ${b.what}`,
        value: { ...valid, [key]: b.value },
        name: inner.startsWith(arg.name) ? `${prefix}${key}${inner.slice(arg.name.length)}` : inner,
      });
    }
  if (options.unknownField)
    bad.push({ what: "an unknown field", value: { ...valid, nonsense: 1 }, name: `${prefix}nonsense` });
  return { name, valid, bad };
}

/** The same object with some fields left out: where the library must fill in the defaults. */
export function partial(arg: Argument, keep: readonly string[]): Argument {
  const valid = Object.fromEntries(
    Object.entries(arg.valid as Record<string, unknown>).filter(([k]) => keep.includes(k)),
  );
  return { ...arg, valid };
}

/** An argument with a fixed valid value and hand-written malformed variants. */
export function custom(name: string, valid: unknown, bad: readonly Malformed[]): Argument {
  return { name, valid, bad };
}
