/**
 * Issue 16, item 8: property-based tests (fast-check) over every command's flags and every JSON
 * input. Each generated case must be handled: exit 0 with finite output, or exit 2 with one line
 * naming a flag or field the case gave; never exit 1, a stack trace, NaN / Infinity, or a hang.
 * The number of cases is printed (MINIMA_ROBUST_RUNS sets it, default 250 per property; the seed is
 * fixed so a failure reproduces, MINIMA_ROBUST_SEED changes it). The exhaustive single-flag sweep of
 * the same table (3,647 cases, ~14 min) runs with MINIMA_ROBUST_FULL=1.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import fc from "fast-check";
import { blameable, commandLine, FIXTURES, singleFlagCases, valuesOf, writeFixtures } from "./cases.js";
import { COMMANDS } from "./command-table.js";
import { CaseRunner, notHandled } from "./harness.js";

const RUNS = Number(process.env.MINIMA_ROBUST_RUNS ?? 250);
const SEED = Number(process.env.MINIMA_ROBUST_SEED ?? 16);
const runner = new CaseRunner(60_000);
const fixtures = writeFixtures();
after(() => runner.close());

/** A command and one to three of its flags with generated values (typical, nasty or arbitrary text). */
type Change = readonly [string, string | true];

const commandCase = fc.constantFrom(...COMMANDS).chain((command) => {
  const flags = Object.entries(command.flags);
  const change: fc.Arbitrary<Change> = fc
    .constantFrom(...flags)
    .chain(([flag, kind]) =>
      kind.kind === "switch"
        ? fc.constant<Change>([flag, true])
        : fc
            .oneof(
              { weight: 4, arbitrary: fc.constantFrom(...valuesOf(kind, fixtures)) },
              { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
            )
            .map((value): Change => [flag, value]),
    );
  return fc
    .uniqueArray(change, { minLength: 1, maxLength: 3, selector: (c: Change) => c[0] })
    .map((changes) => commandLine(command, changes, fixtures));
});

test(`generated command lines are handled (${RUNS} cases)`, async (t) => {
  const failures: string[] = [];
  let count = 0;
  await fc.assert(
    fc.asyncProperty(commandCase, async (argv) => {
      count++;
      const why = notHandled(await runner.run(argv), blameable(argv));
      if (why) failures.push(`${argv.join(" ")}: ${why}`);
      return why === undefined;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  t.diagnostic(`${count} generated command lines, ${count - failures.length} handled`);
  assert.deepEqual(failures, []);
});

test("a flag given twice is an error naming it, whatever the command", async () => {
  for (const command of COMMANDS) {
    const [flag, kind] = Object.entries(command.flags)[0];
    const value = kind.kind === "switch" ? true : valuesOf(kind, fixtures)[0];
    const argv = commandLine(command, [[flag, value]], fixtures);
    const twice = value === true ? [...argv, `--${flag}`] : [...argv, `--${flag}`, value];
    const r = await runner.run(twice);
    assert.equal(r.code, 2, twice.join(" "));
    assert.match(r.stderr, new RegExp(`--${flag}: is given more than once`));
  }
});

/** JSON values of any shape, biased towards numbers at the edges of float64. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(0, -1, 1, 0.5, 1e300, -1e300, 5e-324, 2 ** 53 + 2),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A valid input with one field replaced, one key added or one removed. */
function mutated(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), jsonValue).map(([k, v]) => ({ ...base, [k]: v })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), jsonValue).map(([k, v]) => ({ ...base, [k]: v })),
    fc.constantFrom(...keys).map((k) => {
      const copy: Record<string, unknown> = { ...base };
      delete copy[k];
      return copy;
    }),
  );
}

const INPUTS: ReadonlyArray<{
  name: string;
  base: Record<string, unknown>;
  argv: (file: string) => string[];
  /** How the input's top level is named in errors ("" for a problem's fields). */
  root: string;
}> = [
  {
    name: "eval (cnn problem)",
    base: JSON.parse(FIXTURES["cnn-problem"]),
    argv: (f) => ["eval", f, "--hessian", "--json"],
    root: "",
  },
  {
    name: "eval (mlp problem)",
    base: {
      model: "mlp",
      activation: "sigmoid",
      widths: [2],
      layers: [
        { weights: [[0], [0]], biases: [-1, -1] },
        { weights: [[1, 1]], biases: [-0.5379] },
      ],
      data: { x: [[-1.5], [-0.5], [0.5], [1.5]], y: [-1, 1, 1, -1] },
    },
    argv: (f) => ["eval", f, "--hessian", "--json"],
    root: "",
  },
  {
    name: "classify (fc problem)",
    base: JSON.parse(FIXTURES["fc-problem"]),
    argv: (f) => ["classify", f, "--restarts", "1", "--iterations", "20"],
    root: "",
  },
  {
    name: "cnn train --teacher",
    base: { w: [1, 0, 0], a: [0.6, 0.8] },
    argv: (f) => ["cnn", "train", "--teacher", f, "--steps", "20"],
    root: "teacher",
  },
  {
    name: "fc train --teacher-file",
    base: {
      W: [
        [1, 0],
        [0, 1],
      ],
      a: [1, 1],
    },
    argv: (f) => ["fc", "train", "--K", "2", "--d", "2", "--teacher-file", f, "--steps", "20"],
    root: "teacher-file",
  },
  {
    name: "sweep run SPEC",
    base: {
      name: "g",
      model: "cnn",
      params: { p: 3, anorm: 1, init: "paper" },
      optimiser: { method: "wn-gd", eta: "auto" },
      stop: { horizon: 30 },
      grid: { k: [3], ratio: [0, 1] },
      trials: 3,
      seed: 1,
    },
    argv: (f) => ["sweep", "run", f, "--out", `${f}.out`, "--workers", "1"],
    root: "spec",
  },
];

/** Every object in `value` with its path as errors name it ("teacher", "layers[1]"; "" for the top). */
function objectsOf(value: unknown, path: string): [string, Record<string, unknown>][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectsOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const join = (key: string) => (path === "" ? key : `${path}.${key}`);
  return [[path, o], ...Object.entries(o).flatMap(([k, v]) => objectsOf(v, join(k)))];
}

/** Slips of a key: a doubled letter, a dropped letter (keys of 2+ letters), two letters swapped, snake_case or upper case. */
function slips(key: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) {
    out.add(key.slice(0, i + 1) + key.slice(i));
    if (key.length > 1) out.add(key.slice(0, i) + key.slice(i + 1));
    if (i + 1 < key.length) out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
  }
  out.add(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  out.add(key.toUpperCase());
  return [...out];
}

/** A valid input with one key, at any level, replaced by a slip of it: [json, path of the slip, the key]. */
function misspelt(base: Record<string, unknown>, root: string) {
  const choices = objectsOf(base, root).flatMap(([path, o]) =>
    Object.keys(o).flatMap((key) =>
      slips(key)
        .filter((slip) => !(slip in o))
        .map((slip) => ({ path, key, slip })),
    ),
  );
  return fc.constantFrom(...choices).map(({ path, key, slip }) => {
    const json = structuredClone(base);
    const [, target] = objectsOf(json, root).find(([p]) => p === path) as [string, Record<string, unknown>];
    // Rebuild the object so the slip keeps the key's place.
    const entries = Object.entries(target).map(([k, v]) => [k === key ? slip : k, v] as const);
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, Object.fromEntries(entries));
    return { json, where: path === "" ? slip : `${path}.${slip}`, key };
  });
}

for (const input of INPUTS) {
  test(`generated JSON inputs are handled: ${input.name} (${Math.ceil(RUNS / 5)} cases)`, async (t) => {
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    let n = 0;
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(mutated(input.base), async (json) => {
        const file = join(fixtures.dir, `input-${n++}.json`);
        writeFileSync(file, JSON.stringify(json));
        const argv = input.argv(file);
        const why = notHandled(await runner.run(argv), [
          ...blameable(argv),
          ...Object.keys({ ...input.base, ...json }),
          "spec",
        ]);
        if (why) failures.push(`${JSON.stringify(json).slice(0, 200)}: ${why}`);
        return why === undefined;
      }),
      { numRuns: Math.ceil(RUNS / 5), seed: SEED, endOnFailure: true },
    );
    t.diagnostic(`${n} generated inputs for ${input.name}, ${n - failures.length} handled`);
    assert.deepEqual(failures, []);
  });
}

for (const input of INPUTS) {
  test(`a misspelt key at any level is refused naming its path with a suggestion: ${input.name}`, async (t) => {
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    let n = 0;
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(misspelt(input.base, input.root), async ({ json, where, key }) => {
        const file = join(fixtures.dir, `misspelt-${n++}.json`);
        writeFileSync(file, JSON.stringify(json));
        const r = await runner.run(input.argv(file));
        const line = r.stderr.trim();
        const ok =
          r.code === 2 &&
          !line.includes("\n") &&
          line.includes(`${where}`) &&
          line.endsWith(`did you mean "${key}"?`);
        if (!ok) failures.push(`${where} (for ${key}): exit ${r.code}, ${line.slice(0, 300)}`);
        return ok;
      }),
      { numRuns: Math.ceil(RUNS / 10), seed: SEED },
    );
    t.diagnostic(`${n} misspelt keys for ${input.name}, ${n - failures.length} refused as asked`);
    assert.deepEqual(failures, []);
  });
}

test("every single-flag change of every command is handled (MINIMA_ROBUST_FULL=1)", {
  skip: process.env.MINIMA_ROBUST_FULL
    ? false
    : "the exhaustive run (about 3,650 cases, several minutes) runs with MINIMA_ROBUST_FULL=1",
}, async (t) => {
  const failures: string[] = [];
  const cases = singleFlagCases(fixtures);
  for (const c of cases) {
    const why = notHandled(await runner.run(c.argv), blameable(c.argv));
    if (why) failures.push(`${c.argv.join(" ")}: ${why}`);
  }
  t.diagnostic(`${cases.length} single-flag cases, ${cases.length - failures.length} handled`);
  assert.deepEqual(failures, []);
});
