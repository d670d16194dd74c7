/** Shared flag helpers for the `minima fc …` commands (Tian 2017): comma-separated lists and network files. */
import { readFileSync } from "node:fs";
import { InputError } from "../core/errors.js";
import { type FcNetwork, networkFromJson } from "../models/fc/network.js";
import { optionalStringFlag, type ParsedFlags } from "./flags.js";

/** A comma-separated list of finite numbers, e.g. --noises 0,1,10. */
export function numberListFlag(
  flags: ParsedFlags,
  name: string,
  fallback: readonly number[],
  options: { min?: number; max?: number; integer?: boolean } = {},
): number[] {
  const text = optionalStringFlag(flags, name);
  if (text === undefined) return [...fallback];
  const parts = text.split(",").map((s) => s.trim());
  return parts.map((part) => {
    const x = part === "" ? Number.NaN : Number(part);
    const bad =
      !Number.isFinite(x) ||
      (options.integer && !Number.isSafeInteger(x)) ||
      (options.min !== undefined && x < options.min) ||
      (options.max !== undefined && x > options.max);
    if (bad) {
      const kind = options.integer ? "integers" : "numbers";
      const range = [
        options.min !== undefined ? `>= ${options.min}` : "",
        options.max !== undefined ? `<= ${options.max}` : "",
      ]
        .filter(Boolean)
        .join(" and ");
      throw new InputError(
        `--${name}`,
        `must be a comma-separated list of ${kind}${range ? ` ${range}` : ""}`,
        text,
      );
    }
    return x;
  });
}

/** A network {"W": [[…d…], …], "a": […]?} from a JSON file (zero rows, ragged rows, non-finite values rejected). */
export function networkFile(flag: string, file: string, d?: number): FcNetwork {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new InputError(`--${flag}`, "must name a readable JSON file", file);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw new InputError(`--${flag}`, 'must contain {"W": [[…]], "a": […]?}', file);
  const record = json as Record<string, unknown>;
  return networkFromJson(flag, record.W, record.a, d);
}
