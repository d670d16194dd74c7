/**
 * Curves against a common x: loss on a log scale, φ_t, a_tᵀa*, error curves, loss along a path.
 * Several panels share one legend (series i has the same colour in every panel); vertical
 * markers (e.g. the detected phase switch) are drawn per series in the series' colour. The y
 * axis is inset from the frame, so a curve's extremes and a reference line at the end of the
 * range stay visible, and a log axis labels at least three values (ticks.ts).
 */
import * as Plot from "@observablehq/plot";
import type { Axis, Figure, Series } from "./figure.js";
import { categoricalColour, REFERENCE_COLOUR } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { referenceLineMarks } from "./reference-line.js";
import { composeFigure, seriesLegend } from "./svg.js";

export interface LinePanel {
  readonly x: Axis;
  readonly y: Axis;
  readonly series: readonly Series[];
  /** x positions to mark, per series index (same colour as the series). */
  readonly markers?: readonly { readonly series: number; readonly x: number }[];
  /** Horizontal reference lines, e.g. a bound. */
  readonly references?: readonly { readonly y: number; readonly label: string }[];
  /** Show point symbols as well as lines (for short series). */
  readonly dots?: boolean;
}

export interface LineChartSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly panels: readonly LinePanel[];
  readonly columns?: number;
  /** Each panel's size in px (default PANEL_WIDTH × PANEL_HEIGHT); the lab fits it to the page's width. */
  readonly panelWidth?: number;
  readonly panelHeight?: number;
}

/** Pixels between the frame and the highest and lowest data. */
const Y_INSET_PX = 6;

function panelMarks(panel: LinePanel): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  panel.series.forEach((s, i) => {
    const pts = panel.y.log ? s.points.filter((p) => p.y > 0) : s.points;
    const colour = categoricalColour(i);
    marks.push(
      Plot.line(pts, {
        x: "x",
        y: "y",
        stroke: colour,
        strokeWidth: 1.6,
        strokeDasharray: s.dashed ? "5,3" : undefined,
      }),
    );
    // the first series' points filled, the others' as rings a little larger: where series share a
    // point neither hides the other
    if (panel.dots)
      marks.push(
        i === 0
          ? Plot.dot(pts, { x: "x", y: "y", fill: colour, r: 2.5 })
          : Plot.dot(pts, { x: "x", y: "y", stroke: colour, fill: "none", strokeWidth: 1.5, r: 3.5 }),
      );
  });
  for (const m of panel.markers ?? []) {
    marks.push(Plot.ruleX([m.x], { stroke: categoricalColour(m.series), strokeDasharray: "2,2" }));
  }
  for (const r of panel.references ?? []) marks.push(...referenceLineMarks(r, "6,3"));
  marks.push(Plot.frame({ stroke: "#999" }));
  return marks;
}

export function lineChart(spec: LineChartSpec): Figure {
  const panels = spec.panels.map((panel) => {
    const points = panel.series.flatMap((s) => s.points);
    return plotPanel(
      {
        marginLeft: 60,
        marginBottom: 40,
        x: scaleOptions(
          panel.x,
          points.map((p) => p.x),
        ),
        y: {
          ...scaleOptions(panel.y, [...points.map((p) => p.y), ...(panel.references ?? []).map((r) => r.y)]),
          inset: Y_INSET_PX,
        },
        marks: panelMarks(panel),
      },
      spec.panelWidth,
      spec.panelHeight,
    );
  });
  const first = spec.panels[0];
  const legend = seriesLegend(
    first.series.map((s) => s.label),
    first.series.map((s) => s.dashed ?? false),
  );
  const hasMarkers = spec.panels.some((p) => (p.markers ?? []).length > 0);
  const svg = composeFigure({
    name: spec.name,
    title: spec.title,
    panels,
    columns: spec.columns,
    legend: hasMarkers
      ? [...legend, { label: "detected switch", colour: REFERENCE_COLOUR, shape: "dashed" }]
      : legend,
  });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
