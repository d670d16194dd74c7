/**
 * Estimates with confidence intervals against x, one colour per group, with optional theory
 * curves (dashed) for comparison: e.g. P(global) against (1ᵀa*)²/‖a*‖² for each k, or measured
 * against predicted restart success.
 */
import * as Plot from "@observablehq/plot";
import type { Axis, Figure, Series } from "./figure.js";
import { categoricalColour, REFERENCE_COLOUR } from "./palette.js";
import { plotPanel, scaleOptions } from "./panel.js";
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
  /** Spread groups sideways by this many x units so their intervals do not overlap. */
  readonly dodge?: number;
}

export function intervalPlot(spec: IntervalPlotSpec): Figure {
  const marks: Plot.Markish[] = [];
  const n = spec.groups.length;
  spec.groups.forEach((g, i) => {
    const colour = categoricalColour(i);
    const shift = spec.dodge ? (i - (n - 1) / 2) * spec.dodge : 0;
    const pts = g.estimates.map((e) => ({ ...e, x: e.x + shift })).sort((a, b) => a.x - b.x);
    if (g.connect) marks.push(Plot.line(pts, { x: "x", y: "estimate", stroke: colour, strokeOpacity: 0.6 }));
    marks.push(Plot.ruleX(pts, { x: "x", y1: "low", y2: "high", stroke: colour, strokeWidth: 1.5 }));
    marks.push(Plot.dot(pts, { x: "x", y: "estimate", fill: colour, r: 3 }));
  });
  for (const t of spec.theory ?? []) {
    const colour = t.group === undefined ? REFERENCE_COLOUR : categoricalColour(t.group);
    marks.push(Plot.line(t.points, { x: "x", y: "y", stroke: colour, strokeDasharray: "6,3" }));
  }
  for (const r of spec.references ?? []) {
    marks.push(Plot.ruleY([r.y], { stroke: REFERENCE_COLOUR, strokeDasharray: "2,3" }));
    marks.push(
      Plot.text([r], { y: "y", frameAnchor: "right", text: "label", dy: -6, fill: REFERENCE_COLOUR }),
    );
  }
  marks.push(Plot.frame({ stroke: "#999" }));
  const panel = plotPanel(
    { marginLeft: 60, marginBottom: 40, x: scaleOptions(spec.x), y: scaleOptions(spec.y), marks },
    560,
    340,
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
