/**
 * Runs the `minima` CLI from source (through tsx) in a child process, as a user would, and
 * captures what it prints. Used by every CLI test.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: root,
    input: options.input,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the event loop (for tests that kill or race processes). */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
}

/** Asserts the CLI rejected input the way every command must: exit 2, one line on stderr, no stack trace. */
export function isOneLineInputError(r: CliResult): boolean {
  const lines = r.stderr.trim().split("\n");
  return (
    r.code === 2 && lines.length === 1 && lines[0].startsWith("minima: error: ") && !/\n\s+at /.test(r.stderr)
  );
}
