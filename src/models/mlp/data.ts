/** Data for finite-sample networks: seeded Gaussian inputs, and checks on given data. */
import { objectArgument, rowsArgument, vectorArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { Rng, type Seed } from "../../math/rng.js";
import type { MlpData } from "./network.js";

/** Stream index of generated inputs under a seed: Rng.fromSeed(seed, GAUSSIAN_INPUT_STREAM). */
export const GAUSSIAN_INPUT_STREAM = 1;

/** N inputs x_i ~ N(0, I_{d₀}), from the stream (seed, GAUSSIAN_INPUT_STREAM). */
export function gaussianInputs(seed: Seed, inputDim: number, samples: number): Float64Array[] {
  const rng = Rng.fromSeed(seed, GAUSSIAN_INPUT_STREAM);
  return Array.from({ length: samples }, () => rng.normals(inputDim));
}

/** Data given to a public function: x finite rows of length d₀ (`inputDim` when given), y one finite label per row. */
export function checkMlpData(data: unknown, inputDim?: number, field = "data"): MlpData {
  const o = objectArgument(field, data, "data {x: rows, y: labels}");
  const x = rowsArgument(`${field}.x`, o.x, undefined, inputDim);
  vectorArgument(`${field}.y`, o.y, x.length);
  return data as MlpData;
}

/** Checks that x is N rows of equal length d₀ ≥ 1 and y has N finite entries. */
export function checkData(data: MlpData, field = "data"): void {
  const n = data.x.length;
  if (n < 1) throw new InputError(`${field}.x`, "must hold at least one sample");
  const d = data.x[0].length;
  if (d < 1) throw new InputError(`${field}.x`, "rows must have at least one input");
  data.x.forEach((row, i) => {
    if (row.length !== d) throw new InputError(`${field}.x[${i}]`, `must have ${d} entries`, row.length);
  });
  if (data.y.length !== n)
    throw new InputError(`${field}.y`, `must have ${n} entries (one per row of x)`, data.y.length);
}
