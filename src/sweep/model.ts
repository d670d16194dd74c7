/**
 * The contract a model fulfils to be swept. A sweep model turns one cell's parameters (the spec's
 * fixed parameters, optimiser and stopping settings merged with the cell's grid values) into a
 * validated parameter object, and runs one trial from a random stream into a flat record: an
 * `outcome` string and numeric fields. `run` must be a pure function of (params, rng) — the sweep
 * relies on that for identical results whatever the workers, shards, order or resumes.
 *
 * Models live in modules whose default export is a `SweepModel`, named by a module URL, so that
 * worker threads and other processes can load them: built-in ones by name (see `builtInModels`),
 * a user's own by path in the spec.
 */
import type { Rng } from "../math/rng.js";

export interface TrialResult {
  readonly outcome: string;
  readonly [field: string]: string | number | null;
}

/** A statement of the theory about one cell, to be printed beside the measured value. */
export interface TheoryClaim {
  /** The outcome whose probability the claim is about. */
  readonly outcome: string;
  readonly relation: "=" | ">=" | "<=";
  readonly value: number;
  /** Where the claim comes from and when it applies, for people. */
  readonly source: string;
}

export interface SweepModel<P = unknown> {
  readonly name: string;
  /** Every outcome `run` can return, in the order summaries list them. */
  readonly outcomes: readonly string[];
  /** The outcome that counts as success for restarts (e.g. "global"). */
  readonly success: string;
  /** Checks and completes one cell's parameters; throws InputError naming `${field}.<name>`. */
  resolve(raw: Readonly<Record<string, unknown>>, field: string): P;
  run(params: P, rng: Rng): TrialResult;
  /** What the theory says about this cell's outcome probabilities, if anything. */
  theory?(params: P): readonly TheoryClaim[];
}

/** Built-in models by name → module URL (resolved relative to this file, so it works from src/ and dist/). */
export const builtInModels: Readonly<Record<string, string>> = {
  cnn: new URL(`./models/cnn${ownExtension()}`, import.meta.url).href,
};

/** ".ts" when running from sources (tsx), ".js" from the compiled dist/. */
export function ownExtension(): string {
  return import.meta.url.endsWith(".ts") ? ".ts" : ".js";
}

const loaded = new Map<string, Promise<SweepModel>>();

/** Loads (once per thread) the model whose module URL is given. */
export function loadModel(moduleUrl: string): Promise<SweepModel> {
  let model = loaded.get(moduleUrl);
  if (!model) {
    model = import(moduleUrl).then((mod: { default?: SweepModel }) => {
      const m = mod.default;
      if (
        !m ||
        typeof m.run !== "function" ||
        typeof m.resolve !== "function" ||
        !Array.isArray(m.outcomes)
      ) {
        throw new Error(`${moduleUrl} does not default-export a sweep model (name, outcomes, resolve, run)`);
      }
      return m;
    });
    loaded.set(moduleUrl, model);
  }
  return model;
}
