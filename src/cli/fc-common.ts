/**
 * Shared flag helpers for the `minima fc …` commands (Tian 2017): comma-separated lists, network
 * files and --activation.
 */
import { readFileSync } from "node:fs";
import { activationByName, activationNames } from "../activations/registry.js";
import { InputError } from "../core/errors.js";
import { checkKeys } from "../core/keys.js";
import { type FcNetwork, networkFromJson } from "../models/fc/network.js";
import { optionalStringFlag, type ParsedFlags, parseDecimal } from "./flags.js";

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
    const x = parseDecimal(part);
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
  checkKeys(flag, record, ["W", "a"], "a network field");
  return networkFromJson(flag, record.W, record.a, d);
}

/** Help text for --activation on the commands that accept any σ. */
export const ACTIVATION_HELP = `--activation σ    ${activationNames().join(", ")}
                    (default relu). relu, leaky-relu: closed forms; smooth σ: quadrature (trapezoid rule,
                    ~1e-13 at any weight scale; Hessian by differences of the gradient); elu: quadrature
                    split at its kink (slow). Teacher and student share σ; costs: docs/benchmarks.md.`;

/** --activation NAME (or an alias such as silu) as the registry's canonical name; default "relu". */
export function activationFlag(flags: ParsedFlags): string {
  return activationByName(optionalStringFlag(flags, "activation") ?? "relu", "--activation").name;
}

/**
 * --activation on a command whose mathematics is ReLU's alone: "relu" is accepted (it is what the
 * command computes), any other activation is refused with the reason, e.g. "the reduced 2-D dynamics
 * are ReLU's closed form".
 */
export function reluOnlyActivation(flags: ParsedFlags, command: string, reason: string): void {
  const name = activationFlag(flags);
  if (name !== "relu")
    throw new InputError(
      "--activation",
      `minima ${command} is ReLU only (${reason}); use minima fc train or fc noisy for other activations`,
      name,
    );
}
