/**
 * How the CLI reports a failure: one line on stderr and an exit code that says whose it is.
 * Exit 2: the user's input (an InputError) or the environment (a path that is not a directory, a
 * permission, a full disk, too many open files): things a person can act on. Exit 1 ("internal
 * error") is reserved for bugs; its stack is shown only with MINIMA_DEBUG=1.
 */
import { InputError } from "../core/errors.js";

/** System error codes that describe the environment, not a bug, each in plain words. */
const ENVIRONMENT_ERRORS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "a path component is a file, not a directory",
  EISDIR: "is a directory, not a file",
  EEXIST: "already exists",
  ENOENT: "no such file or directory",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many symbolic links",
  EFBIG: "file too large",
  EIO: "input/output error",
  ENOMEM: "out of memory",
  EBUSY: "resource busy",
};

/** The one-line text of an environment error (a Node system error with a known code), or undefined. */
export function environmentErrorText(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  const code = e.code;
  if (code === undefined || !(code in ENVIRONMENT_ERRORS)) return undefined;
  const where = e.path === undefined ? "" : `${e.path}${e.dest === undefined ? "" : ` -> ${e.dest}`}: `;
  return `${where}${ENVIRONMENT_ERRORS[code]} (${code}${e.syscall ? ` on ${e.syscall}` : ""})`;
}

/** Prints `error` as one line and returns the exit code (2: input or environment; 1: a bug). */
export function reportError(error: unknown): number {
  if (error instanceof InputError) {
    console.error(`minima: error: ${oneLine(error.message)}`);
    return 2;
  }
  const environment = environmentErrorText(error);
  if (environment !== undefined) {
    console.error(`minima: error: ${oneLine(environment)}`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`minima: internal error: ${oneLine(message)}`);
  if (process.env.MINIMA_DEBUG && error instanceof Error) console.error(error.stack);
  return 1;
}

function oneLine(text: string): string {
  return text.split("\n")[0];
}
