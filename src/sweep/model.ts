/**
 * The contract a model fulfils to be swept. A sweep model turns one cell's parameters (the spec's
 * fixed parameters, optimiser and stopping settings merged with the cell's grid values) into a
 * validated parameter object — by calling its trial's one validator, the same one the CLI, the
 * report and the lab call — and runs one trial from a random stream into a flat record: an `outcome`
 * string and numeric fields. `run` must be a pure function of (params, rng) — the sweep relies on
 * that for identical results whatever the workers, shards, order or resumes.
 *
 * Models live in modules whose default export is a `SweepModel`, named by a module URL, so that
 * worker threads and other processes can load them: built-in ones by name (registry.ts), a user's
 * own by path in the spec.
 *
 * Models whose trials are expensive and whose end points matter (the two-layer network: a trial
 * costs 10³–10⁴ times a CNN trial and ends at a weight matrix that later analysis groups into
 * families of minima) use the optional parts: `msPerTrial` sizes the pool's first batches before any
 * trial has been timed, a result field may be a flat array of numbers (the end point, kept compactly
 * in the record: row-major, with its shape in another field), and `families` groups a cell's records
 * for the summary (e.g. end points equal up to the model's symmetries).
 */
import type { Rng } from "../math/rng.js";

/** A result field: a number (null when not finite), a label, a flag, or a flat array of numbers (an end point). */
export type TrialField = string | number | boolean | null | readonly number[];

export interface TrialResult {
  readonly outcome: string;
  readonly [field: string]: TrialField;
}

/** A group of a cell's trials that ended at the same point up to the model's symmetries. */
export interface TrialFamily {
  /** A stable name of the family within its cell (e.g. its rounded loss and index). */
  readonly key: string;
  /** How many of the cell's trials ended in it. */
  readonly count: number;
  /** The family's own numbers (loss, index, λ_min, …) and its canonical representative. */
  readonly [field: string]: TrialField;
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
  /** A rough cost of one trial in milliseconds, for the first batches (later ones are timed). */
  msPerTrial?(params: P): number;
  /** Groups one cell's trial records into families, largest first (summaries list them). */
  families?(records: readonly TrialResult[], params: P): readonly TrialFamily[];
}

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
