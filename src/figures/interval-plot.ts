/**
 * Estimates with confidence intervals against x, one colour per group, with optional theory
 * curves (dashed) for comparison: e.g. P(global) against (1ᵀa*)²/‖a*‖² for each k, or measured
 * against predicted restart success.
 *
 * Groups are set side by side a few pixels apart (or `dodge` x units), so no group's dots or
 * intervals hide another's; each interval has caps wider than its dot, so an interval narrower
 * than the dot still shows; the axes are inset from the frame, so an interval ending at the edge
 * of the range is not taken for one cut off by the frame.
 */
import * as Plot from "@observablehq/plot";
import type { Axis, Figure, Series } from "./figure.js";
import { categoricalColour, REFERENCE_COLOUR } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { referenceLineMarks } from "./reference-line.js";
import { composeFigure, type LegendEntry } from "./svg.js";

export interface Estimate {
  readonly x: number;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface EstimateGroup {
  readonly label: string;
  readonly estimates: readonly Estimate[];
  /** Join the points with a thin line (for ordered x). */
  readonly connect?: boolean;
}

export interface IntervalPlotSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly groups: readonly EstimateGroup[];
  /** Theory curves, drawn dashed in the colour of the group with the same index (or grey). */
  readonly theory?: readonly (Series & { readonly group?: number })[];
  readonly references?: readonly { readonly y: number; readonly label: string }[];
  /** Spread groups sideways by this many x units (instead of a few pixels) so their intervals do not overlap. */
  readonly dodge?: number;
  /** The panel's size in px (default 560 × 340); the lab fits it to the page's width. */
  readonly width?: number;
  readonly height?: number;
}

/** Pixels between neighbouring groups at the same x: a dot's width and a gap. */
const DODGE_PX = 8;
/** Pixels between the frame and the outermost data. */
export const INSET_PX = 10;
const DOT_R = 3;
const CAP_HALF_WIDTH = 5;

/** A horizontal bar as a Plot symbol: an interval's cap. */
const CAP_SYMBOL = {
  draw(context: CanvasPath, size: number) {
    const half = Math.sqrt(size / Math.PI);
    context.moveTo(-half, 0);
    context.lineTo(half, 0);
  },
};

export function intervalPlot(spec: IntervalPlotSpec): Figure {
  const marks: Plot.Markish[] = [];
  const n = spec.groups.length;
  const xs = spec.groups.flatMap((g) => g.estimates.map((e) => e.x));
  spec.groups.forEach((g, i) => {
    const colour = categoricalColour(i);
    const offset = i - (n - 1) / 2;
    const shift = spec.dodge ? offset * spec.dodge : 0;
    const dx = spec.dodge ? 0 : offset * DODGE_PX;
    const pts = g.estimates.map((e) => ({ ...e, x: e.x + shift })).sort((a, b) => a.x - b.x);
    if (g.connect)
      marks.push(Plot.line(pts, { x: "x", y: "estimate", stroke: colour, strokeOpacity: 0.6, dx }));
    marks.push(Plot.ruleX(pts, { x: "x", y1: "low", y2: "high", stroke: colour, strokeWidth: 1.5, dx }));
    for (const end of ["low", "high"] as const)
      marks.push(
        Plot.dot(pts, {
          x: "x",
          y: end,
          symbol: CAP_SYMBOL,
          r: CAP_HALF_WIDTH,
          stroke: colour,
          strokeWidth: 1.5,
          dx,
        }),
      );
    marks.push(Plot.dot(pts, { x: "x", y: "estimate", fill: colour, r: DOT_R, dx }));
  });
  for (const t of spec.theory ?? []) {
    const colour = t.group === undefined ? REFERENCE_COLOUR : categoricalColour(t.group);
    marks.push(Plot.line(t.points, { x: "x", y: "y", stroke: colour, strokeDasharray: "6,3" }));
  }
  for (const r of spec.references ?? []) marks.push(...referenceLineMarks(r, "2,3"));
  marks.push(Plot.frame({ stroke: "#999" }));
  const estimates = spec.groups.flatMap((g) => g.estimates);
  const theory = (spec.theory ?? []).flatMap((t) => t.points);
  const panel = plotPanel(
    {
      marginLeft: 60,
      marginBottom: 40,
      // the outermost group's dodge and caps stay inside the frame too
      x: {
        ...scaleOptions(spec.x, [...xs, ...theory.map((p) => p.x)]),
        inset: spec.dodge ? INSET_PX : Math.max(INSET_PX, ((n - 1) / 2) * DODGE_PX + CAP_HALF_WIDTH + 3),
      },
      y: {
        ...scaleOptions(spec.y, [
          ...estimates.flatMap((e) => [e.low, e.high, e.estimate]),
          ...theory.map((p) => p.y),
          ...(spec.references ?? []).map((r) => r.y),
        ]),
        inset: INSET_PX,
      },
      symbol: { type: "identity" },
      marks,
    },
    spec.width ?? 560,
    spec.height ?? 340,
  );
  const legend: LegendEntry[] = spec.groups.map((g, i) => ({
    label: g.label,
    colour: categoricalColour(i),
    shape: "dot",
  }));
  for (const t of spec.theory ?? []) {
    if (t.group === undefined) legend.push({ label: t.label, colour: REFERENCE_COLOUR, shape: "dashed" });
  }
  if ((spec.theory ?? []).some((t) => t.group !== undefined)) {
    legend.push({ label: "dashed: theory, same colour", colour: "#777", shape: "dashed" });
  }
  const svg = composeFigure({ name: spec.name, title: spec.title, panels: [panel], legend });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
