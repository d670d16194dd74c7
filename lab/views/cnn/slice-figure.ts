/**
 * The CNN view's loss slice: the contours and marked stationary points are src/figures'
 * landscape-slice marks (as in the report), drawn in the page so the animation can use the scales
 * and a click can be mapped back to a start (φ₀, c₀). The run's path is drawn by the player.
 */
import { contourMark, pointMarks } from "../../../src/figures/landscape-slice.js";
import type { CnnRunResult } from "../../compute/cnn.js";
import type { SliceMarker } from "../../compute/cnn-slice.js";
import { Plot, plotScales, plotSvg, REFERENCE_COLOUR } from "../../figures.js";
import { fmt } from "../../ui.js";

export const SLICE_COLOUR = { type: "linear", scheme: "viridis", label: "log₁₀(ℓ + 10⁻⁴)" } as const;

const MARKER_SYMBOL = {
  "global minimum": "star",
  "spurious local minimum": "diamond",
  "spurious stationary point": "cross",
  saddle: "triangle",
} as const satisfies Record<SliceMarker["label"], string>;

/** The slice's c range (its y domain). */
export function sliceRange(result: CnnRunResult): [number, number] {
  const cs = result.grid.cs;
  return [cs[0], cs[cs.length - 1]];
}

export function sliceFigure(result: CnnRunResult, width: number, height: number): SVGSVGElement {
  const { grid, markers } = result;
  const [c0, c1] = sliceRange(result);
  const points = markers.map((m) => ({
    x: m.phi,
    y: m.c,
    label: m.label,
    symbol: MARKER_SYMBOL[m.label],
    labelLeft: m.phi > 2.6,
  }));
  return plotSvg({
    width,
    height,
    // tick labels a marker's width from the frame: the minima sit on the domain's edges
    x: { label: "angle φ = ∠(v, w*) (rad)", domain: [0, Math.PI], tickPadding: 8 },
    y: { label: "(aᵀa*)/‖a*‖", domain: [c0, c1], tickPadding: 8 },
    color: SLICE_COLOUR,
    symbol: { type: "identity" },
    marks: [
      contourMark({
        nx: grid.phis.length,
        ny: grid.cs.length,
        x0: 0,
        x1: Math.PI,
        y0: c0,
        y1: c1,
        values: grid.values.map((v) => Math.log10(v + 1e-4)),
        valueLabel: SLICE_COLOUR.label,
      }),
      Plot.ruleX([Math.PI / 2], { stroke: REFERENCE_COLOUR, strokeDasharray: "4,3" }),
      ...pointMarks(points),
      // lab only: each marker's loss on hover
      Plot.dot(markers, {
        x: "phi",
        y: "c",
        r: 8,
        fill: "transparent",
        title: (d: SliceMarker) => `${d.label}: ℓ = ${fmt(d.loss)}`,
      }),
    ],
  });
}

/** The slice's (φ, c) under a click at (clientX, clientY), or undefined outside the plotted domain. */
export function slicePointAt(
  figure: SVGSVGElement,
  range: readonly [number, number],
  clientX: number,
  clientY: number,
): [number, number] | undefined {
  const box = figure.getBoundingClientRect();
  const scale = (figure.viewBox.baseVal?.width || box.width) / box.width || 1;
  const px = (clientX - box.left) * scale;
  const py = (clientY - box.top) * scale;
  const map = plotScales(figure);
  const [y0, y1] = range;
  const phi = ((px - map.x(0)) / (map.x(Math.PI) - map.x(0))) * Math.PI;
  const c = y0 + ((py - map.y(y0)) / (map.y(y1) - map.y(y0))) * (y1 - y0);
  return phi >= 0 && phi <= Math.PI && c >= y0 && c <= y1 ? [phi, c] : undefined;
}
