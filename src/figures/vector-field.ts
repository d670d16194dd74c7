/**
 * A 2-D vector field drawn as arrows on a grid (arrow length ∝ speed^{1/2}, normalised, so
 * both slow and fast regions stay readable), with trajectories and marked points (the saddle,
 * the optimum) over it. The axes are inset by half the longest arrow, so that arrows centred on
 * grid points at the domain's edge stay inside the frame.
 */
import * as Plot from "@observablehq/plot";
import type { Axis, Figure, MarkedPoint, Series } from "./figure.js";
import { guideMarks, pointMarks, trajectoryLegend, trajectoryMarks } from "./landscape-slice.js";
import { plotPanel, scaleOptions } from "./panel.js";
import { composeFigure, type LegendEntry } from "./svg.js";

export interface Arrow {
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
}

export interface VectorFieldSpec {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly arrows: readonly Arrow[];
  readonly trajectories?: readonly Series[];
  readonly points?: readonly MarkedPoint[];
  readonly guides?: readonly Series[];
  readonly width?: number;
  readonly height?: number;
}

const MAX_ARROW_PX = 16;
/** Pixels between the frame and the outermost grid points: half the longest arrow and a margin. */
export const FIELD_INSET = MAX_ARROW_PX / 2 + 3;

/** A plot's margins in pixels (Plot's marginTop, marginRight, marginBottom, marginLeft). */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** The margins vectorField draws with. */
const FIELD_MARGINS: Margins = { top: 24, right: 20, bottom: 40, left: 60 };

/**
 * The field's marks for a plot `width` × `height` pixels with the given margins, whose axes are
 * inset by FIELD_INSET (the arrows' angles are computed on screen, so they need the pixel scale).
 */
export function vectorPanelMarks(
  spec: VectorFieldSpec,
  width: number,
  height: number,
  margins: Margins = FIELD_MARGINS,
): Plot.Markish[] {
  const xd = spec.x.domain ?? [
    Math.min(...spec.arrows.map((a) => a.x)),
    Math.max(...spec.arrows.map((a) => a.x)),
  ];
  const yd = spec.y.domain ?? [
    Math.min(...spec.arrows.map((a) => a.y)),
    Math.max(...spec.arrows.map((a) => a.y)),
  ];
  // pixel scale of each axis, so the arrow angle is the angle of the field on screen
  const sx = (width - margins.left - margins.right - 2 * FIELD_INSET) / (xd[1] - xd[0]);
  const sy = (height - margins.top - margins.bottom - 2 * FIELD_INSET) / (yd[1] - yd[0]);
  const speeds = spec.arrows.map((a) => Math.hypot(a.dx * sx, a.dy * sy));
  const maxRoot = Math.sqrt(Math.max(...speeds, Number.MIN_VALUE));
  const arrows = spec.arrows.map((a, i) => ({
    x: a.x,
    y: a.y,
    length: speeds[i] > 0 ? (MAX_ARROW_PX * Math.sqrt(speeds[i])) / maxRoot : 0,
    // Plot measures rotation clockwise from up, in degrees, on screen (y grows downwards)
    rotate: (Math.atan2(a.dx * sx, a.dy * sy) * 180) / Math.PI,
  }));
  return [
    Plot.vector(arrows, {
      x: "x",
      y: "y",
      length: "length",
      rotate: "rotate",
      anchor: "middle",
      stroke: "#777",
      strokeWidth: 1,
    }),
    ...guideMarks(spec.guides ?? []),
    ...trajectoryMarks(spec.trajectories ?? [], 0),
    ...pointMarks(spec.points ?? []),
    Plot.frame({ stroke: "#999" }),
  ];
}

export function vectorField(spec: VectorFieldSpec): Figure {
  const width = spec.width ?? 480;
  const height = spec.height ?? 380;
  const panel = plotPanel(
    {
      marginTop: FIELD_MARGINS.top,
      marginRight: FIELD_MARGINS.right,
      marginBottom: FIELD_MARGINS.bottom,
      marginLeft: FIELD_MARGINS.left,
      x: { ...scaleOptions(spec.x), grid: false, inset: FIELD_INSET },
      y: { ...scaleOptions(spec.y), grid: false, inset: FIELD_INSET },
      length: { type: "identity" },
      symbol: { type: "identity" },
      marks: vectorPanelMarks(spec, width, height),
    },
    width,
    height,
  );
  const legend: LegendEntry[] = [
    { label: "direction of −∇ (arrow length ∝ √speed)", colour: "#777", shape: "line" },
    ...trajectoryLegend(spec.trajectories ?? []),
  ];
  const svg = composeFigure({ name: spec.name, title: spec.title, panels: [panel], legend });
  return { name: spec.name, title: spec.title, caption: spec.caption, svg };
}
