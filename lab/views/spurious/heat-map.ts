/**
 * The selected family's weight matrix as a heat map: the family's canonical representative W
 * (row j = student unit j's weights w_j, column i = input coordinate i = teacher unit e_i), coloured
 * on a diverging scale symmetric about 0. Entries below −NEGATIVE_SHARE·max|W| are outlined: a
 * student unit pointing away from a teacher direction, such as the "special unit" of the most
 * frequent family at n = k, whose own coordinate is negative.
 */
import type { FcFamily } from "../../../src/experiments/fc/families.js";
import type { Figure } from "../../../src/figures/figure.js";
import { type MatrixCell, matrixHeatMap } from "../../../src/figures/matrix-heat-map.js";

/** An entry counts as clearly negative below this share of max |W| (−0.66 against 1.00 at k = 8; the other negatives are ~−0.03). */
export const NEGATIVE_SHARE = 0.1;
/** Entries are printed in the cells up to this many columns. */
const VALUES_UP_TO = 12;

export interface NegativeEntry extends MatrixCell {
  readonly value: number;
}

export interface WeightMatrix {
  readonly rows: number;
  readonly columns: number;
  /** Row-major, as the family's representative. */
  readonly values: readonly number[];
  /** The clearly negative entries, most negative first. */
  readonly negatives: readonly NegativeEntry[];
}

/** The family's representative as an n × d matrix with its clearly negative entries. */
export function weightMatrix(family: FcFamily, n: number, d: number): WeightMatrix {
  const values = family.representative;
  if (values.length < n * d)
    throw new RangeError(`the representative has ${values.length} entries, an ${n} × ${d} W needs ${n * d}`);
  const w = values.slice(0, n * d);
  const m = Math.max(...w.map(Math.abs));
  const negatives: NegativeEntry[] = [];
  w.forEach((value, i) => {
    if (value < -NEGATIVE_SHARE * m) negatives.push({ row: Math.floor(i / d), column: i % d, value });
  });
  negatives.sort((a, b) => a.value - b.value);
  return { rows: n, columns: d, values: w, negatives };
}

/**
 * The heat map of family number `index` (1-based, as the table numbers them); the entries are
 * printed in their cells unless `values` is false (a narrow page, where they would be too small).
 */
export function weightFigure(family: FcFamily, n: number, d: number, index: number, values = true): Figure {
  const W = weightMatrix(family, n, d);
  return matrixHeatMap({
    name: "lab-spurious-weights",
    title: `W of family ${index} (${family.outcome}, J = ${family.loss.toPrecision(6)}, ${family.count} runs)`,
    caption:
      "Rows: the student's units w_j; columns: the input coordinates, i.e. the teacher's units e_i (canonical order). " +
      "Red entries are negative, blue positive; outlined: entries below −0.1·max|W|.",
    rows: W.rows,
    columns: W.columns,
    values: W.values,
    rowLabel: "student unit j",
    columnLabel: "coordinate i (teacher unit e_i)",
    valueLabel: "W_ji, the weight of student unit j on coordinate i",
    outlined: W.negatives,
    showValues: values && W.columns <= VALUES_UP_TO,
  });
}
