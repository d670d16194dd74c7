#!/usr/bin/env node
/**
 * The `minima` process: runs the command line (dispatch.ts) and sets the exit code. Input and
 * environment errors exit 2 with one line; anything else is a bug and exits 1 (report-error.ts).
 */
import { main } from "./dispatch.js";
import { reportError } from "./report-error.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

// A failed command may leave a handle open (a worker pool mid-task, a file stream): once it has
// answered, the process must not hang on it (an unwritable --out once hung sweep run and merge).
function exitSoon(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), code === 0 ? 10_000 : 500).unref();
}

main(process.argv.slice(2)).then(exitSoon, (error) => exitSoon(reportError(error)));
