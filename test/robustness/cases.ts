/**
 * The generated command lines: the input files they name (written once to a temporary directory)
 * and every single-flag change of each command's quick valid run (command-table.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMANDS, type CommandCase, type FlagKind, NASTY_LISTS, NASTY_NUMBERS } from "./command-table.js";

/** JSON inputs by name: the valid ones the bases use and malformed ones for file flags. */
export const FIXTURES: Readonly<Record<string, string>> = {
  "cnn-problem": JSON.stringify({
    model: "cnn",
    teacher: { w: [2, 0, 0], a: [1, -0.5] },
    student: { v: [0.3, 1, -0.2], a: [0.2, 0.3] },
  }),
  "fc-problem": JSON.stringify({
    model: "fc",
    teacher: {
      W: [
        [1, 0],
        [0, 1],
      ],
    },
    student: {
      W: [
        [0.7, 0.2],
        [0.1, 1.1],
      ],
    },
  }),
  "fc-huge": JSON.stringify({ model: "fc", teacher: { W: [[1e300, 0]] }, student: { W: [[1e300, 1e300]] } }),
  "fc-stationary": JSON.stringify({
    model: "fc",
    teacher: {
      W: [
        [1, 0],
        [0, 1],
      ],
    },
    student: {
      W: [
        [1, 0],
        [0, 1],
      ],
    },
  }),
  "not-json": "{not json",
  empty: "",
  "json-null": "null",
  "json-array": "[1,2]",
  "json-number": "1e400",
  "unknown-key": JSON.stringify({ W: [[1, 0]], a: [1], colour: "red" }),
};

export interface Fixtures {
  readonly dir: string;
  path(name: string): string;
  readonly names: readonly string[];
}

export function writeFixtures(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), "minima-robust-"));
  for (const [name, text] of Object.entries(FIXTURES)) writeFileSync(join(dir, `${name}.json`), text);
  return {
    dir,
    path: (name) => join(dir, `${name}.json`),
    names: Object.keys(FIXTURES),
  };
}

/** Values a flag of this kind is tried with: its typical ones and the nasty ones. */
export function valuesOf(kind: FlagKind, fixtures: Fixtures): readonly string[] {
  switch (kind.kind) {
    case "number":
    case "int":
      return [...kind.typical, ...NASTY_NUMBERS];
    case "list":
      return [...kind.typical, ...NASTY_NUMBERS.slice(0, 14), ...NASTY_LISTS];
    case "choice":
      return [...kind.choices, "", "RELU"];
    case "switch":
      return [];
    case "file":
      return [
        ...fixtures.names.map((n) => fixtures.path(n)),
        join(fixtures.dir, "missing.json"),
        fixtures.dir,
        "",
      ];
  }
}

/** The base command line with `@name` replaced by fixture paths, and the flags given by `changes` replaced. */
export function commandLine(
  command: CommandCase,
  changes: ReadonlyArray<readonly [string, string | true]>,
  fixtures: Fixtures,
): string[] {
  const base = command.base.map((a) => (a.startsWith("@") ? fixtures.path(a.slice(1)) : a));
  const changed = new Set(changes.map(([f]) => f));
  const out: string[] = [...command.name.split(" ")];
  for (let i = 0; i < base.length; i++) {
    const a = base[i];
    if (a.startsWith("--") && changed.has(a.slice(2))) {
      if (i + 1 < base.length && !base[i + 1].startsWith("--")) i++;
      continue;
    }
    out.push(a);
  }
  for (const [flag, value] of changes) {
    out.push(`--${flag}`);
    if (value !== true) out.push(value);
  }
  return out;
}

/** Names an error line may blame for this case: the flags it gives and the fields of its inputs. */
export function blameable(argv: readonly string[]): string[] {
  const flags = argv.filter((a) => a.startsWith("--"));
  // A flag is named as --flag, or as its own word leading a message ("samples: …", "init-file.W: …").
  const names = [
    ...flags,
    ...flags.flatMap((f) => [`error: ${f.slice(2)}:`, `error: ${f.slice(2)}.`, `error: ${f.slice(2)}[`]),
  ];
  // An input file's error names the file or a field inside it (a JSON key path, quoted or not).
  if (argv.some((a) => a.endsWith(".json")))
    names.push("FILE", ".json", "teacher", "student", "model", "problem");
  return names;
}

export interface GeneratedCase {
  readonly argv: string[];
  readonly command: string;
}

/** Every single change of one flag (or one switch added) to each command's quick valid run. */
export function singleFlagCases(fixtures: Fixtures): GeneratedCase[] {
  const out: GeneratedCase[] = [];
  for (const command of COMMANDS) {
    out.push({ command: command.label ?? command.name, argv: commandLine(command, [], fixtures) });
    for (const [flag, kind] of Object.entries(command.flags)) {
      if (kind.kind === "switch") {
        out.push({
          command: command.label ?? command.name,
          argv: commandLine(command, [[flag, true]], fixtures),
        });
        continue;
      }
      for (const value of valuesOf(kind, fixtures))
        out.push({
          command: command.label ?? command.name,
          argv: commandLine(command, [[flag, value]], fixtures),
        });
    }
  }
  return out;
}
