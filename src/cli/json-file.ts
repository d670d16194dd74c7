/** Reading a JSON input named on the command line, with one-line errors that name the argument. */
import { readFileSync } from "node:fs";
import { InputError } from "../core/errors.js";

/** The parsed JSON of `file` ("-" reads standard input); `field` names the argument in errors (e.g. FILE, --teacher). */
export function readJsonFile(field: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch {
    throw new InputError(field, "must be a readable file (or - for standard input)", file);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "invalid JSON";
    throw new InputError(field, `must contain valid JSON (${reason})`, file);
  }
}
