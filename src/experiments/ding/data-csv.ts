/**
 * Labelled data from CSV text: a header row, then one sample per row; the last column is the
 * label y, the others are the inputs x. Pure (no file access): the CLI reads the file.
 */
import { stringArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import type { MlpData } from "../../models/mlp/network.js";

export function parseLabelledCsv(text: string, field = "--data"): MlpData {
  stringArgument("field", field);
  if (typeof text !== "string")
    throw new InputError(field, "must be CSV text (a header row, then data rows)", text);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0)
    throw new InputError(field, "must be a CSV file with a header row and data rows", "an empty file");
  const header = lines[0].split(",").map((c) => c.trim());
  if (header.every((c) => c !== "" && Number.isFinite(Number(c))))
    throw new InputError(
      field,
      "must start with a header row (e.g. x1,x2,y); the first row is numeric",
      lines[0],
    );
  if (header.length < 2)
    throw new InputError(field, "needs at least two columns (inputs, then the label y last)", lines[0]);
  const x: Float64Array[] = [];
  const y: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(",").map((c) => c.trim());
    if (cells.length !== header.length)
      throw new InputError(
        field,
        `row ${i + 1} must have ${header.length} columns like the header`,
        lines[i],
      );
    const values = cells.map((c) => (c === "" ? Number.NaN : Number(c)));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new InputError(field, `row ${i + 1}, column ${bad + 1} must be a finite number`, cells[bad]);
    x.push(Float64Array.from(values.slice(0, -1)));
    y.push(values[values.length - 1]);
  }
  if (x.length === 0) throw new InputError(field, "has a header row but no data rows");
  return { x, y: Float64Array.from(y) };
}
