/**
 * A 2-D plane through parameter space: filled contours of a scalar (usually log₁₀ of the loss)
 * sampled on a regular grid, with trajectories drawn over it and labelled points (minima, saddles,
 * starts). With no grid it is a plain trajectory plot.
 *
 * The contour bands hold equal shares of the grid (quantiles), coloured in equal viridis steps and
 * read off a stepped colour legend: a loss landscape is mostly a deep funnel and a wide plateau, and
 * equal-width bands would spend every colour on the funnel and hide a shallow basin on the plateau.
 * A grid of a few categories (a sign, a yes/no) is drawn in one flat colour per category instead.
 */
import * as Plot from "@observablehq/plot";
import type { ColourLegend } from "./colour-legend.js";
import type { Axis, Figure, MarkedPoint, Series } from "./figure.js";
import { OKABE_ITO, SEQUENTIAL_SCHEME } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { composeFigure, type LegendEntry } from "./svg.js";

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
  /** For a grid of a few values (a sign, a yes/no): each value's meaning, drawn as flat colours. */
  readonly categories?: readonly { readonly value: number; readonly label: string }[];
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

/** Pixels between tick and tick label (Plot's 3, plus room for half a point marker). */
const TICK_PADDING = 8;

/** Number of contour bands of a continuous grid. */
const BANDS = 12;

/** Light, colour-blind-safe fills for categorical grids, dark enough for white markers to show. */
const CATEGORY_FILLS = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7"];

/**
 * Trajectory colours: Okabe–Ito without black and yellow (black is the trajectories' outline,
 * yellow vanishes on white and on the light end of viridis); after six, the colours repeat dashed.
 */
const TRAJECTORY_COLOURS = OKABE_ITO.filter((c) => c !== "#000000" && c !== "#F0E442");

export function trajectoryColour(index: number): string {
  return TRAJECTORY_COLOURS[index % TRAJECTORY_COLOURS.length];
}

const trajectoryDashed = (t: Series, index: number) =>
  (t.dashed ?? false) !== index >= TRAJECTORY_COLOURS.length;

/** Band edges holding equal shares of the finite values: up to `count` bands, lowest edge first. */
export function quantileEdges(values: readonly number[], count = BANDS): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError("a contour grid needs finite values");
  const edges = [sorted[0]];
  for (let i = 1; i < count; i++) {
    const v = sorted[Math.round((i / count) * (sorted.length - 1))];
    if (v > edges[edges.length - 1]) edges.push(v);
  }
  const top = sorted[sorted.length - 1];
  if (top > edges[edges.length - 1]) edges.push(top);
  else if (edges.length === 1) edges.push(top + 1);
  return edges;
}

/** Evenly spaced colours of the sequential scheme, one per band. */
function bandColours(bands: number): string[] {
  const scale = Plot.scale({ color: { type: "linear", scheme: SEQUENTIAL_SCHEME, domain: [0, 1] } });
  return Array.from({ length: bands }, (_, i) => String(scale.apply((i + 0.5) / bands)));
}

/**
 * Filled contours of the grid. Each band is filled with its lower threshold through the plot's
 * colour scale; without `thresholds`, 14 even thresholds (the lab's continuous slices).
 */
export function contourMark(grid: Grid, thresholds?: readonly number[]): Plot.Markish {
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
    thresholds: thresholds ? [...thresholds] : 14,
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
        points.filter((p) => (p.labelLeft ?? false) === left && p.label !== ""),
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

/**
 * Trajectories as coloured lines. Over a colour field each line has a dark outline, so it reads
 * on every colour of the field; its dots (every `dotEvery` points) are rings, so that where runs
 * meet (at a common minimum) no run's dots hide another's.
 */
export function trajectoryMarks(
  trajectories: readonly Series[],
  dotEvery = 0,
  onField = false,
): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  trajectories.forEach((t, i) => {
    const colour = trajectoryColour(i);
    marks.push(
      Plot.line(t.points, {
        x: "x",
        y: "y",
        stroke: onField ? "black" : "white",
        strokeWidth: onField ? 4 : 3.5,
        strokeOpacity: onField ? 0.85 : 0.7,
      }),
    );
    marks.push(
      Plot.line(t.points, {
        x: "x",
        y: "y",
        stroke: colour,
        strokeWidth: onField ? 2 : 1.8,
        strokeDasharray: trajectoryDashed(t, i) ? "5,3" : undefined,
      }),
    );
    if (dotEvery > 0) {
      const dots = t.points.filter((_, j) => j % dotEvery === 0);
      marks.push(Plot.dot(dots, { x: "x", y: "y", stroke: colour, fill: "none", r: 3, strokeWidth: 1.5 }));
    }
  });
  return marks;
}

/** Legend entries for trajectories drawn by trajectoryMarks, in the same colours and dashes. */
export function trajectoryLegend(trajectories: readonly Series[]): LegendEntry[] {
  return trajectories.map((t, i) => ({
    label: t.label,
    colour: trajectoryColour(i),
    shape: trajectoryDashed(t, i) ? "dashed" : "line",
  }));
}

export function guideMarks(guides: readonly Series[]): Plot.Markish[] {
  return guides.map((g) => Plot.line(g.points, { x: "x", y: "y", stroke: "#777", strokeDasharray: "4,3" }));
}

/** The grid's contours, colour scale and legend: flat colours per category, or quantile bands. */
function field(grid: Grid): {
  mark: Plot.Markish;
  color: Plot.ScaleOptions;
  legend: LegendEntry[];
  colourLegend?: ColourLegend;
} {
  if (grid.categories) {
    const cats = [...grid.categories].sort((a, b) => a.value - b.value);
    if (cats.length < 2 || cats.length > CATEGORY_FILLS.length)
      throw new RangeError(
        `a categorical grid needs 2 to ${CATEGORY_FILLS.length} categories, got ${cats.length}`,
      );
    // one threshold below everything, then one between each pair of neighbouring values
    const thresholds = [
      Math.min(...grid.values, cats[0].value) - 1,
      ...cats.slice(1).map((c, i) => (c.value + cats[i].value) / 2),
    ];
    return {
      mark: contourMark(grid, thresholds),
      color: { type: "threshold", domain: thresholds.slice(1), range: CATEGORY_FILLS.slice(0, cats.length) },
      legend: cats.map((c, i) => ({ label: c.label, colour: CATEGORY_FILLS[i], shape: "square" })),
    };
  }
  const edges = quantileEdges(grid.values);
  const colours = bandColours(edges.length - 1);
  return {
    mark: contourMark(grid, edges.slice(0, -1)),
    color: { type: "threshold", domain: edges.slice(1, -1), range: colours },
    legend: [],
    colourLegend: { kind: "steps", label: `${grid.valueLabel} (bands of equal area)`, edges, colours },
  };
}

export function landscapeSlice(spec: SliceSpec): Figure {
  const marks: Plot.Markish[] = [];
  const f = spec.grid ? field(spec.grid) : undefined;
  if (f) marks.push(f.mark);
  marks.push(...guideMarks(spec.guides ?? []));
  marks.push(...trajectoryMarks(spec.trajectories, spec.dotEvery ?? 0, f !== undefined));
  marks.push(...pointMarks(spec.points ?? []));
  marks.push(Plot.frame({ stroke: "#999" }));
  const panel = plotPanel(
    {
      marginLeft: 60,
      marginBottom: 40,
      // tick labels a marker's width away from the frame: minima often sit on the domain's edge
      x: { ...scaleOptions(spec.x), grid: !spec.grid, tickPadding: TICK_PADDING },
      y: { ...scaleOptions(spec.y), grid: !spec.grid, tickPadding: TICK_PADDING },
      color: f?.color,
      symbol: { type: "identity" },
      marks,
    },
    520,
    420,
  );
  const legend = [...trajectoryLegend(spec.trajectories), ...(f?.legend ?? [])];
  const svg = composeFigure({
    name: spec.name,
    title: spec.title,
    panels: [panel],
    legend,
    colourLegend: f?.colourLegend,
  });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
