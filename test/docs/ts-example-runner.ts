/**
 * Runs library examples (files given as arguments) one after another in this one process, so tsx
 * starts once per group of examples rather than once per example, and prints for each, as one JSON
 * line, whether it finished and what it printed through the console. Used by examples.test.ts.
 */
import { pathToFileURL } from "node:url";
import { format } from "node:util";

const methods = ["log", "info", "warn", "error"] as const;

for (const file of process.argv.slice(2)) {
  const printed: string[] = [];
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void printed.push(format(...args));
  let error: string | undefined;
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  methods.forEach((m, i) => {
    console[m] = saved[i];
  });
  process.stdout.write(`${JSON.stringify({ file, output: printed.join("\n"), error })}\n`);
}
