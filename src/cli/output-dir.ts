/**
 * The --out directory of the commands that write one (sweep run, sweep merge): checked before any
 * work, and the environment's refusals (permissions, a full disk, a file in the way) reported as
 * one line naming --out rather than as an internal error.
 */
import { statSync } from "node:fs";
import { InputError } from "../core/errors.js";
import { environmentErrorText } from "./report-error.js";

/** Refuses an empty path and an existing path that is not a directory. */
export function checkOutputDir(flag: string, dir: string): string {
  if (dir.trim() === "") throw new InputError(flag, "must name a directory, not an empty string");
  let isDirectory: boolean | undefined;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    isDirectory = undefined; // absent (created later) or unreachable (reported when written)
  }
  if (isDirectory === false) throw new InputError(flag, "is a file, not a directory", dir);
  return dir;
}

/** Runs `work`, turning an environment error (EACCES, ENOSPC, EROFS, …) into an InputError naming `flag`. */
export async function withOutputDir<T>(flag: string, dir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const text = environmentErrorText(error);
    if (text === undefined) throw error;
    throw new InputError(flag, `cannot write ${dir}: ${text}`);
  }
}
