/**
 * A 2-D plane through parameter space: filled contours of a scalar (usually log₁₀ of the loss)
 * sampled on a regular grid, with trajectories drawn over it and labelled points (minima, saddles,
 * starts). With no grid it is a plain trajectory plot.
 */
import * as Plot from "@observablehq/plot";
import type { Axis, Figure, MarkedPoint, Series } from "./figure.js";
import { categoricalColour, SEQUENTIAL_SCHEME } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { composeFigure, type LegendEntry, seriesLegend } from "./svg.js";

/** Values on a regular grid: values[j * nx + i] at x = x0 + i·(x1−x0)/(nx−1), y likewise. */
export interface Grid {
  readonly nx: number;
  readonly ny: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly values: readonly number[];
  readonly valueLabel: string;
}

export interface SliceSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly grid?: Grid;
  readonly trajectories: readonly Series[];
  /** Every how many points of a trajectory to put a dot (0: none). */
  readonly dotEvery?: number;
  readonly points?: readonly MarkedPoint[];
  /** Extra reference lines, drawn thin and dashed grey (e.g. the diagonal y = x). */
  readonly guides?: readonly Series[];
}

export function contourMark(grid: Grid): Plot.Markish {
  // Plot's dense-grid contour samples at cell centres, so widen the extent by half a cell.
  const hx = (grid.x1 - grid.x0) / (grid.nx - 1) / 2;
  const hy = (grid.y1 - grid.y0) / (grid.ny - 1) / 2;
  return Plot.contour([...grid.values], {
    width: grid.nx,
    height: grid.ny,
    x1: grid.x0 - hx,
    x2: grid.x1 + hx,
    y1: grid.y0 - hy,
    y2: grid.y1 + hy,
    fill: Plot.identity,
    stroke: "white",
    strokeOpacity: 0.4,
    thresholds: 14,
    clip: true,
  });
}

export function pointMarks(points: readonly MarkedPoint[]): Plot.Markish[] {
  return [
    Plot.dot(points, {
      x: "x",
      y: "y",
      symbol: (p: MarkedPoint) => p.symbol ?? "circle",
      r: 6,
      fill: "white",
      stroke: "black",
      strokeWidth: 1.5,
    }),
    ...[false, true].map((left) =>
      Plot.text(
        points.filter((p) => (p.labelLeft ?? false) === left),
        {
          x: "x",
          y: "y",
          text: "label",
          dx: left ? -9 : 9,
          textAnchor: left ? "end" : "start",
          fill: "black",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        },
      ),
    ),
  ];
}

export function trajectoryMarks(trajectories: readonly Series[], dotEvery = 0): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  trajectories.forEach((t, i) => {
    const colour = categoricalColour(i);
    marks.push(
      Plot.line(t.points, { x: "x", y: "y", stroke: "white", strokeWidth: 3.5, strokeOpacity: 0.7 }),
    );
    marks.push(
      Plot.line(t.points, {
        x: "x",
        y: "y",
        stroke: colour,
        strokeWidth: 1.8,
        strokeDasharray: t.dashed ? "5,3" : undefined,
      }),
    );
    if (dotEvery > 0) {
      const dots = t.points.filter((_, j) => j % dotEvery === 0);
      marks.push(Plot.dot(dots, { x: "x", y: "y", fill: colour, r: 2.5 }));
    }
  });
  return marks;
}

export function guideMarks(guides: readonly Series[]): Plot.Markish[] {
  return guides.map((g) => Plot.line(g.points, { x: "x", y: "y", stroke: "#777", strokeDasharray: "4,3" }));
}

export function landscapeSlice(spec: SliceSpec): Figure {
  const marks: Plot.Markish[] = [];
  if (spec.grid) marks.push(contourMark(spec.grid));
  marks.push(...guideMarks(spec.guides ?? []));
  marks.push(...trajectoryMarks(spec.trajectories, spec.dotEvery ?? 0));
  marks.push(...pointMarks(spec.points ?? []));
  marks.push(Plot.frame({ stroke: "#999" }));
  const panel = plotPanel(
    {
      marginLeft: 60,
      marginBottom: 40,
      x: { ...scaleOptions(spec.x), grid: !spec.grid },
      y: { ...scaleOptions(spec.y), grid: !spec.grid },
      color: spec.grid
        ? { type: "linear", scheme: SEQUENTIAL_SCHEME, label: spec.grid.valueLabel }
        : undefined,
      symbol: { type: "identity" },
      marks,
    },
    520,
    420,
  );
  const legend: LegendEntry[] = seriesLegend(
    spec.trajectories.map((t) => t.label),
    spec.trajectories.map((t) => t.dashed ?? false),
  );
  if (spec.grid) {
    const { values } = spec.grid;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    legend.push(
      { label: `${spec.grid.valueLabel} ${formatTick(lo)} (low)`, colour: "#440154", shape: "square" },
      { label: `${formatTick(hi)} (high)`, colour: "#fde725", shape: "square" },
    );
  }
  const svg = composeFigure({ name: spec.name, title: spec.title, panels: [panel], legend });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}

function formatTick(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
