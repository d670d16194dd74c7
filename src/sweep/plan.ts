/**
 * A sweep plan: the parsed spec with its model loaded and every cell's parameters checked by the
 * model, plus each cell's stream key — the 52-bit hash of the cell's canonical resolved parameters.
 *
 * Trial t of a cell draws from Rng.fromSeed(seed, streamKey, t). Keying by parameters rather than
 * by the cell's position means a cell gives the same trials in any sweep that contains it — the
 * du-table sweep and `minima cnn probability` with the same settings and seed agree trial for
 * trial, and adding a value to an axis changes no existing cell.
 */
import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { InputError } from "../core/errors.js";
import { hash52, streamKeyOf } from "./canonical.js";

export { streamKeyOf };

import { loadModel, type SweepModel } from "./model.js";
import { builtInModels } from "./registry.js";
import { cellAxes, cellCount, cellRawParams, type Scalar, type SweepSpec, specHash } from "./spec.js";

export interface CellPlan {
  readonly index: number;
  readonly axes: Readonly<Record<string, Scalar>>;
  readonly raw: Readonly<Record<string, Scalar>>;
  readonly params: unknown;
  readonly streamKey: number;
}

export interface SweepPlan {
  readonly spec: SweepSpec;
  readonly specHash: string;
  readonly modelUrl: string;
  /** For a model loaded from a file: a hash of its source, so results of changed code are never mixed. */
  readonly modelHash?: string;
  readonly model: SweepModel;
  readonly cells: readonly CellPlan[];
}

/** The module URL of the spec's model: a built-in name, or a path relative to `baseDir`. */
export function modelUrlOf(model: string, baseDir: string): string {
  const builtIn = builtInModels[model];
  if (builtIn) return builtIn;
  if (/[\\/]/.test(model) || /\.(m?js|ts)$/.test(model))
    return pathToFileURL(resolvePath(baseDir, model)).href;
  throw new InputError(
    "spec.model",
    `must be one of ${Object.keys(builtInModels).join(", ")} or a path to a module exporting a sweep model`,
    model,
  );
}

export async function planSweep(spec: SweepSpec, baseDir: string): Promise<SweepPlan> {
  const modelUrl = modelUrlOf(spec.model, baseDir);
  let model: SweepModel;
  try {
    model = await loadModel(modelUrl);
  } catch (error) {
    throw new InputError(
      "spec.model",
      `could not be loaded (${(error as Error).message.split("\n")[0]})`,
      spec.model,
    );
  }
  const cells: CellPlan[] = [];
  const n = cellCount(spec);
  for (let index = 0; index < n; index++) {
    const raw = cellRawParams(spec, index);
    const axes = cellAxes(spec, index);
    const params = resolveCell(model, spec, raw, axes);
    cells.push({ index, axes, raw, params, streamKey: streamKeyOf(model.name, params) });
  }
  const modelHash = builtInModels[spec.model] ? undefined : modelSourceHash(modelUrl);
  return { spec, specHash: specHash(spec), modelUrl, modelHash, model, cells };
}

/** The hash of a model module's source file (its own code; what it imports is covered by the Minima version). */
function modelSourceHash(modelUrl: string): string | undefined {
  try {
    return hash52(readFileSync(fileURLToPath(modelUrl), "latin1")).toString(16);
  } catch {
    return undefined;
  }
}

/** Runs the model's checks, naming the spec section (and for grid values, the cell) of a bad field. */
function resolveCell(
  model: SweepModel,
  spec: SweepSpec,
  raw: Record<string, Scalar>,
  axes: Record<string, Scalar>,
): unknown {
  try {
    return model.resolve(raw, "spec");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const name = error.field.replace(/^spec\./, "").split(/[.[]/)[0];
    const section = (["params", "optimiser", "stop", "grid"] as const).find((s) => name in spec[s]);
    const where = section ? `spec.${section}.${name}` : `spec.params.${name}`;
    const cell = Object.keys(axes).length > 0 ? ` (in the cell ${describeAxes(axes)})` : "";
    throw new InputError(`${where}${cell}`, error.message.slice(error.field.length + 2));
  }
}

export function describeAxes(axes: Readonly<Record<string, Scalar>>): string {
  return Object.entries(axes)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}
