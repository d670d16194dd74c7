/**
 * A child process that runs many `minima` command lines in one Node process (a process per case
 * costs ~1 s of tsx start-up): reads one JSON case per line on stdin ({argv, input?}), runs it
 * through the CLI's own dispatch with stdout and stderr captured, and writes one JSON line
 * {code, stdout, stderr} per case on fd 3. The parent (harness.ts) kills it when a case hangs.
 */
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { main } from "../../src/cli/dispatch.js";
import { reportError } from "../../src/cli/report-error.js";

const results = createWriteStream("", { fd: 3 });
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

async function runCase(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(argv);
  } catch (error) {
    code = reportError(error);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  return { code, stdout, stderr };
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === "") continue;
  const { argv } = JSON.parse(line) as { argv: string[] };
  const result = await runCase(argv);
  results.write(`${JSON.stringify(result)}\n`);
}
results.end();
