/**
 * A matrix drawn as a grid of cells coloured by the sign and size of each entry (a weight matrix
 * W, rows = units), with a continuous colour legend carrying ticks. The colour scale is diverging
 * and symmetric about 0 (domain [−m, m], m = max |entry|), so a negative entry is red however
 * small the others are, and white means 0. Cells may be outlined (entries the reader should find).
 */
import * as Plot from "@observablehq/plot";
import type { Figure } from "./figure.js";
import { DIVERGING_SCHEME } from "./palette.js";
import { plotPanel } from "./panel.js";
import { composeFigure, escapeXml, type Panel } from "./svg.js";

export interface MatrixCell {
  readonly row: number;
  readonly column: number;
}

export interface MatrixHeatMapSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly rows: number;
  readonly columns: number;
  /** rows × columns entries, row-major. */
  readonly values: readonly number[];
  readonly rowLabel: string;
  readonly columnLabel: string;
  /** What the colour encodes, above the legend, e.g. "W_ji". */
  readonly valueLabel: string;
  /** Cells drawn with a heavy outline (0-based). */
  readonly outlined?: readonly MatrixCell[];
  /** Print each entry in its cell (readable up to about 12 columns). */
  readonly showValues?: boolean;
}

const LEGEND_HEIGHT = 58;
const RAMP_STOPS = 33;

/** [−m, m] with m the largest |entry| (1 for a zero matrix, so the scale stays defined). */
export function symmetricDomain(values: readonly number[]): [number, number] {
  let m = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`a heat-map entry must be finite, got ${v}`);
    m = Math.max(m, Math.abs(v));
  }
  if (m === 0) m = 1;
  return [-m, m];
}

/** Round numbers 1, 2 or 5 × 10^e apart covering [lo, hi], about `target` of them (0 among them when lo < 0 < hi). */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo))
    throw new RangeError(`ticks need finite lo < hi, got [${lo}, ${hi}]`);
  const raw = (hi - lo) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw * 0.75) ?? 10 * power;
  const ticks: number[] = [];
  // a tick within a millionth of a step of an end still counts (lo, hi are often round themselves)
  const slack = step * 1e-6;
  for (let i = Math.ceil((lo - slack) / step); i * step <= hi + slack; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** A tick's text: up to three significant digits, with a true minus sign. */
export function tickText(v: number): string {
  const text = String(Number(v.toPrecision(3)));
  return v < 0 ? `−${text.slice(1)}` : text;
}

/** A cell's text: two decimals, a true minus sign, and no "−0.00". */
export function cellText(v: number): string {
  const text = v.toFixed(2);
  if (Number(text) === 0) return "0.00";
  return v < 0 ? `−${text.slice(1)}` : text;
}

/** The colour of a value on the figure's scale (the cells and the legend use this one scale). */
export function divergingColour(domain: readonly [number, number]): (v: number) => string {
  const scale = Plot.scale({ color: { type: "diverging", scheme: DIVERGING_SCHEME, domain: [...domain] } });
  return (v) => String(scale.apply(v));
}

function legendSvg(domain: [number, number], label: string, width: number): string {
  const colour = divergingColour(domain);
  const left = 56;
  const rampWidth = Math.max(120, Math.min(320, width - left - 24));
  const x = (v: number) => left + ((v - domain[0]) / (domain[1] - domain[0])) * rampWidth;
  const stops = Array.from({ length: RAMP_STOPS }, (_, i) => {
    const t = i / (RAMP_STOPS - 1);
    return `<stop offset="${t}" stop-color="${colour(domain[0] + t * (domain[1] - domain[0]))}"/>`;
  }).join("");
  const ticks = niceTicks(domain[0], domain[1])
    .map(
      (v) =>
        `<line x1="${x(v)}" x2="${x(v)}" y1="20" y2="38" stroke="black"/>` +
        `<text x="${x(v)}" y="50" font-size="11" text-anchor="middle">${tickText(v)}</text>`,
    )
    .join("");
  return (
    `<defs><linearGradient id="ramp" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>` +
    `<text x="${left}" y="13" font-size="11">${escapeXml(label)}</text>` +
    `<rect x="${left}" y="20" width="${rampWidth}" height="12" fill="url(#ramp)" stroke="#777" stroke-width="0.5"/>` +
    ticks
  );
}

export function matrixHeatMap(spec: MatrixHeatMapSpec): Figure {
  const { rows, columns, values } = spec;
  if (!(Number.isInteger(rows) && rows >= 1 && Number.isInteger(columns) && columns >= 1))
    throw new RangeError(`a heat map needs at least one row and column, got ${rows} × ${columns}`);
  if (values.length !== rows * columns)
    throw new RangeError(
      `a ${rows} × ${columns} heat map needs ${rows * columns} values, got ${values.length}`,
    );
  const domain = symmetricDomain(values);
  const m = domain[1];
  const cells = values.map((value, i) => {
    const row = Math.floor(i / columns) + 1;
    const column = (i % columns) + 1;
    return {
      row,
      column,
      value,
      label: cellText(value),
      ink: Math.abs(value) > 0.55 * m ? "white" : "black",
      title: `row ${row}, column ${column}: ${value}`,
    };
  });
  const cellSize = Math.max(8, Math.min(36, Math.floor(480 / Math.max(rows, columns))));
  const marginLeft = 56;
  const marginBottom = 40;
  const plotWidth = marginLeft + columns * cellSize + 16;
  const plotHeight = 12 + rows * cellSize + marginBottom;
  const everyFifth = (count: number) =>
    Array.from({ length: count }, (_, i) => i + 1).filter((i) => count <= 24 || i === 1 || i % 5 === 0);
  const marks: Plot.Markish[] = [
    Plot.cell(cells, { x: "column", y: "row", fill: "value", inset: 0.5, title: "title" }),
  ];
  if (spec.showValues)
    marks.push(Plot.text(cells, { x: "column", y: "row", text: "label", fill: "ink", fontSize: 9 }));
  const outlined = (spec.outlined ?? []).map((c) => ({ row: c.row + 1, column: c.column + 1 }));
  if (outlined.length > 0)
    marks.push(
      Plot.cell(outlined, { x: "column", y: "row", fill: "none", stroke: "black", strokeWidth: 2.5 }),
    );
  const plot = plotPanel(
    {
      marginLeft,
      marginBottom,
      marginTop: 12,
      marginRight: 16,
      x: {
        type: "band",
        domain: Array.from({ length: columns }, (_, i) => i + 1),
        ticks: everyFifth(columns),
        label: spec.columnLabel,
        labelAnchor: "center",
        labelArrow: "none",
      },
      y: {
        type: "band",
        domain: Array.from({ length: rows }, (_, i) => i + 1),
        ticks: everyFifth(rows),
        label: spec.rowLabel,
        labelAnchor: "center",
        labelArrow: "none",
      },
      color: { type: "diverging", scheme: DIVERGING_SCHEME, domain: [...domain] },
      marks,
    },
    plotWidth,
    plotHeight,
  );
  const width = Math.max(plotWidth, 360);
  const panel: Panel = {
    svg:
      `<svg width="${width}" height="${plotHeight + LEGEND_HEIGHT}" font-family="sans-serif">` +
      // the plot inherits the outer font (composeFigure sets the shipped one on the first svg only)
      plot.svg.replace(/^<svg /, '<svg x="0" y="0" ').replace(/ font-family="[^"]*"/, "") +
      `<g transform="translate(0, ${plotHeight})">${legendSvg(domain, spec.valueLabel, width)}</g></svg>`,
    width,
    height: plotHeight + LEGEND_HEIGHT,
  };
  const svg = composeFigure({ name: spec.name, title: spec.title, panels: [panel] });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
