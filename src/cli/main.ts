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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.exitCode = reportError(error);
  },
);
