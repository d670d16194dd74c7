/**
 * Every example in README.md and docs/*.md is executed: shell examples (```sh) with `minima` bound to
 * the built CLI, library examples (```ts) through tsx against the sources (an import of the package
 * by name is pointed at src/index.ts). Each must end as the page says (exit 0 unless marked) and print
 * what its expected-output block shows. Blocks marked `<!-- not run: why -->` are skipped and
 * counted. Each page runs in a fresh temporary directory (with a link to examples/), so examples
 * may write files and read the ones the page declares. Conventions: markdown-examples.ts.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assertBuilt, BUILD_HINT, BUILT_CLI, ROOT } from "./built-cli.js";
import { type Example, firstMissingLine, pageSteps } from "./markdown-examples.js";

const PAGES = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const TIMEOUT_MS = 120_000;
const TSX = import.meta.resolve("tsx");
const RUNNER = fileURLToPath(new URL("./ts-example-runner.ts", import.meta.url));
const LIBRARY = pathToFileURL(join(ROOT, "src/index.ts")).href;

const work = mkdtempSync(join(tmpdir(), "minima-docs-"));
const bin = join(work, "bin");
mkdirSync(bin);
writeFileSync(join(bin, "minima"), `#!/bin/sh\nexec "${process.execPath}" "${BUILT_CLI}" "$@"\n`);
chmodSync(join(bin, "minima"), 0o755);
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: "1" };
after(() => rmSync(work, { recursive: true, force: true }));

const counts = { run: 0, checkedOutput: 0, notRun: 0 };
const notRun: string[] = [];

interface Ran {
  readonly example: Example;
  readonly code: number;
  readonly output: string;
}

function runShell(example: Example, cwd: string): Ran {
  const script = example.code.replace(/\bnpx minima\b/g, "minima");
  const r = spawnSync("bash", ["-e", "-o", "pipefail", "-c", script], {
    cwd,
    env,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  return { example, code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** Consecutive library examples run in one process (ts-example-runner.ts); a thrown error is exit 1. */
function runLibrary(examples: readonly Example[], cwd: string): Ran[] {
  const files = examples.map((example) => {
    const file = join(cwd, `example-${example.line}.mts`);
    // The package, under whatever name it is published, is the sources here.
    writeFileSync(file, example.code.replace(/(from\s+["'])minima[\w-]*(["'])/g, `$1${LIBRARY}$2`));
    return file;
  });
  const r = spawnSync(process.execPath, ["--import", TSX, RUNNER, ...files], {
    cwd,
    env,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
  });
  const results = r.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { output: string; error?: string });
  return examples.map((example, i) => {
    const result = results[i];
    if (!result)
      return { example, code: r.status ?? -1, output: `the runner stopped before it:\n${r.stderr}` };
    return {
      example,
      code: result.error ? 1 : 0,
      output: result.error ? `${result.output}\n${result.error}` : result.output,
    };
  });
}

/** The last lines of an output, enough to see what went wrong. */
function tail(output: string, lines = 40): string {
  const all = output.trimEnd().split("\n");
  return all.length <= lines ? all.join("\n") : ["…", ...all.slice(-lines)].join("\n");
}

function check(page: string, { example, code, output }: Ran): void {
  const where = `${page}:${example.line}`;
  counts.run++;
  assert.equal(
    code,
    example.exitCode,
    `${where} exited ${code}, expected ${example.exitCode}:\n${tail(output)}`,
  );
  if (example.expected === undefined) return;
  counts.checkedOutput++;
  const missing = firstMissingLine(example.expected, output);
  assert.equal(
    missing,
    undefined,
    `${where} did not print the line\n  ${missing}\n${BUILD_HINT}. It printed:\n${tail(output)}`,
  );
}

for (const page of PAGES) {
  test(`the examples of ${page} run and print what the page shows`, () => {
    assertBuilt();
    const cwd = join(work, page.replace(/\W/g, "_"));
    mkdirSync(cwd);
    symlinkSync(join(ROOT, "examples"), join(cwd, "examples"));
    let library: Example[] = [];
    const flushLibrary = () => {
      if (library.length === 0) return;
      for (const ran of runLibrary(library, cwd)) check(page, ran);
      library = [];
    };
    for (const step of pageSteps(readFileSync(join(ROOT, page), "utf8"))) {
      if ("file" in step) {
        flushLibrary();
        writeFileSync(join(cwd, step.file.name), step.file.content);
      } else if (step.example.notRun !== undefined) {
        counts.notRun++;
        notRun.push(`${page}:${step.example.line} (${step.example.notRun})`);
      } else if (step.example.kind === "ts") {
        library.push(step.example);
      } else {
        flushLibrary();
        check(page, runShell(step.example, cwd));
      }
    }
    flushLibrary();
  });
}

test("the examples not run are few and each gives its reason", (t) => {
  t.diagnostic(
    `${counts.run} examples run (${counts.checkedOutput} with their output checked), ${counts.notRun} not run: ${notRun.join("; ")}`,
  );
  assert.ok(counts.run > 0);
  assert.ok(
    counts.notRun <= counts.run / 2,
    `${counts.notRun} examples are not run, against ${counts.run} run`,
  );
});
