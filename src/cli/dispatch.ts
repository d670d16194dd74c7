/**
 * Running one `minima` command line: picks the command by its leading words, prints help, and turns
 * errors into one line (report-error.ts). Returns the exit code; main.ts is the process around it.
 */
import { readFileSync } from "node:fs";
import type { CommandEntry } from "./command.js";
import { commands } from "./commands.js";
import { reportError } from "./report-error.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "minima — exact landscapes and gradient descent for shallow neural networks",
    "",
    "Usage: minima <command> [flags]        minima <command> --help for its flags",
    "",
    "Commands:",
    ...lines,
    "",
    "Flags: --help, --version",
  ].join("\n");
}

function findCommand(argv: readonly string[]): { entry: CommandEntry; rest: string[] } | undefined {
  let best: CommandEntry | undefined;
  let bestWords = 0;
  for (const command of commands) {
    const words = command.name.split(" ");
    if (words.length > bestWords && words.every((w, i) => argv[i] === w)) {
      best = command;
      bestWords = words.length;
    }
  }
  return best ? { entry: best, rest: argv.slice(bestWords) } : undefined;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    console.log(generalHelp());
    return 0;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    console.log(version());
    return 0;
  }
  const found = findCommand(argv);
  const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (!found && group.length > 0 && (argv.length === 1 || argv[1] === "--help" || argv[1] === "-h")) {
    // `minima cnn` or `minima cnn --help`: list the group's commands.
    const width = Math.max(...group.map((c) => c.name.length));
    console.log(
      [`Commands of minima ${argv[0]}:`, ...group.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join(
        "\n",
      ),
    );
    return 0;
  }
  if (!found) {
    const prefix = commands.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name);
    const hint = prefix.length > 0 ? ` (did you mean: ${prefix.join(", ")}?)` : " (see minima --help)";
    console.error(`minima: error: unknown command ${JSON.stringify(argv.slice(0, 2).join(" "))}${hint}`);
    return 2;
  }
  try {
    const command = await found.entry.load();
    if (found.rest.includes("--help") || found.rest.includes("-h")) {
      console.log(command.usage);
      return 0;
    }
    return await command.run(found.rest);
  } catch (error) {
    return reportError(error);
  }
}
