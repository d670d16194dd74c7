#!/usr/bin/env node
// Writes the generated part of docs/cli.md from the CLI's own help output (`minima --help`, then
// `minima <command> --help` for every command it lists), so the reference cannot drift from the
// code. Everything above the marker line is hand-written and kept. Runs the built CLI
// (dist/cli/main.js: `npm run build` first). `--check` writes nothing and exits 1 when the file is
// out of date; test/docs/cli-reference.test.ts runs the same comparison.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const CLI_DOC = fileURLToPath(new URL("../docs/cli.md", import.meta.url));
const MAIN = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
export const MARKER =
  "<!-- Generated below by scripts/cli-reference.mjs from the CLI's help output; do not edit by hand. -->";

function help(args) {
  return execFileSync(process.execPath, [MAIN, ...args, "--help"], { encoding: "utf8" }).trimEnd();
}

const run = promisify(execFile);

/** Every command's help, a few processes at a time (each loads its command's modules). */
async function helps(names) {
  const out = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      const { stdout } = await run(process.execPath, [MAIN, ...names[i].split(" "), "--help"], {
        encoding: "utf8",
      });
      out[i] = stdout.trimEnd();
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return out;
}

/** The command names and summaries, as `minima --help` lists them ("  name   summary"). */
export function listedCommands(generalHelp) {
  const lines = generalHelp.split("\n");
  const start = lines.indexOf("Commands:");
  const out = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}(\S+(?: \S+)?) {2,}(.*)$/.exec(line);
    if (!m) break;
    out.push({ name: m[1], summary: m[2] });
  }
  return out;
}

/** The generated part: the general help, then one section per command with its --help text. */
export async function generatedReference() {
  const general = help([]);
  const commands = listedCommands(general);
  const texts = await helps(commands.map((c) => c.name));
  const parts = ["## minima", "", "```text", general, "```"];
  commands.forEach(({ name, summary }, i) => {
    parts.push("", `## minima ${name}`, "", `${summary[0].toUpperCase()}${summary.slice(1)}.`, "");
    parts.push("```text", texts[i], "```");
  });
  return `${parts.join("\n")}\n`;
}

/** docs/cli.md as it should be: its hand-written head, the marker, the generated reference. */
export async function expectedCliDoc(current = readFileSync(CLI_DOC, "utf8")) {
  const at = current.indexOf(MARKER);
  if (at < 0) throw new Error(`docs/cli.md has no marker line ${MARKER}`);
  return `${current.slice(0, at)}${MARKER}\n\n${await generatedReference()}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(CLI_DOC, "utf8");
  const expected = await expectedCliDoc(current);
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("docs/cli.md is out of date: run `npm run build && node scripts/cli-reference.mjs`");
      process.exit(1);
    }
  } else if (current !== expected) {
    writeFileSync(CLI_DOC, expected);
    console.log("docs/cli.md updated");
  }
}
