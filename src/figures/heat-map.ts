/**
 * A grid of cells coloured by a value in [0, 1] (a probability), each labelled with its value,
 * with optional curves drawn over it (e.g. the threshold past which the spurious minimum vanishes).
 * Cells sit at numeric centres so a curve in the same coordinates lines up with them. A curve
 * passes under the cell values (each value has an outline in its cell's colour), and has a white
 * outline itself so it reads on every colour of the scale.
 */
import * as Plot from "@observablehq/plot";
import type { Axis, Figure, Series } from "./figure.js";
import { categoricalColour, SEQUENTIAL_SCHEME } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { composeFigure, type LegendEntry } from "./svg.js";

/** Cell colour for a value in [0, 1], the scale of the cells and of the colour legend. */
function cellColour(): (value: number) => string {
  const scale = Plot.scale({ color: { type: "linear", scheme: SEQUENTIAL_SCHEME, domain: [0, 1] } });
  return (v) => String(scale.apply(v));
}

export interface HeatCell {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  /** Text in the cell; defaults to the value with two decimals. */
  readonly text?: string;
}

export interface HeatMapSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly x: Axis;
  readonly y: Axis;
  /** Full width and height of one cell in axis units. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly cells: readonly HeatCell[];
  readonly valueLabel: string;
  readonly curves?: readonly Series[];
}

export function heatMap(spec: HeatMapSpec): Figure {
  const hw = spec.cellWidth / 2;
  const hh = spec.cellHeight / 2;
  const colour = cellColour();
  const cells = spec.cells.map((c) => ({
    ...c,
    x1: c.x - hw,
    x2: c.x + hw,
    y1: c.y - hh,
    y2: c.y + hh,
    label: c.text ?? c.value.toFixed(2),
    fill: colour(c.value),
    // dark text on the light (yellow) end of viridis, white on the dark end
    ink: c.value > 0.6 ? "black" : "white",
  }));
  const xs = cells.flatMap((c) => [c.x1, c.x2]);
  const ys = cells.flatMap((c) => [c.y1, c.y2]);
  const xDomain: [number, number] = [Math.min(...xs), Math.max(...xs)];
  const yDomain: [number, number] = [Math.min(...ys), Math.max(...ys)];
  const marks: Plot.Markish[] = [
    Plot.rect(cells, { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "fill", stroke: "white" }),
  ];
  const curveColour = (i: number) => (i === 0 ? "#D55E00" : categoricalColour(i + 1));
  (spec.curves ?? []).forEach((curve, i) => {
    const pts = curve.points.filter(
      (p) => p.x >= xDomain[0] && p.x <= xDomain[1] && p.y >= yDomain[0] && p.y <= yDomain[1],
    );
    const dash = curve.dashed ? "6,3" : undefined;
    marks.push(
      Plot.line(pts, { x: "x", y: "y", stroke: "white", strokeWidth: 5, strokeDasharray: dash }),
      Plot.line(pts, { x: "x", y: "y", stroke: curveColour(i), strokeWidth: 2.5, strokeDasharray: dash }),
    );
  });
  // the values last, outlined in their cell's colour: a curve passes under them
  marks.push(
    Plot.text(cells, {
      x: "x",
      y: "y",
      text: "label",
      fill: "ink",
      fontSize: 10,
      stroke: "fill",
      strokeWidth: 4,
      paintOrder: "stroke",
    }),
  );
  const panel = plotPanel(
    {
      marginLeft: 60,
      marginBottom: 44,
      marginRight: 20,
      x: { ...scaleOptions({ ...spec.x, domain: spec.x.domain ?? xDomain }), grid: false },
      y: { ...scaleOptions({ ...spec.y, domain: spec.y.domain ?? yDomain }), grid: false },
      color: { type: "identity" },
      marks,
    },
    520,
    420,
  );
  const legend: LegendEntry[] = (spec.curves ?? []).map(
    (c, i): LegendEntry => ({ label: c.label, colour: curveColour(i), shape: c.dashed ? "dashed" : "line" }),
  );
  const svg = composeFigure({
    name: spec.name,
    title: spec.title,
    panels: [panel],
    legend,
    colourLegend: {
      kind: "ramp",
      label: spec.valueLabel,
      domain: [0, 1],
      colour,
      ticks: [0, 0.25, 0.5, 0.75, 1],
    },
  });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
