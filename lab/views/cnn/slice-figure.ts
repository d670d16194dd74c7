/**
 * The CNN view's loss slice: the contours and marked stationary points are src/figures'
 * landscape-slice marks (as in the report), drawn in the page so the animation can use the scales;
 * the run's path is a lab decoration.
 */
import { contourMark, pointMarks } from "../../../src/figures/landscape-slice.js";
import type { CnnRunResult } from "../../compute/cnn.js";
import type { SliceMarker } from "../../compute/cnn-slice.js";
import { Plot, plotSvg, REFERENCE_COLOUR } from "../../figures.js";
import { fmt } from "../../ui.js";

export const SLICE_COLOUR = { type: "linear", scheme: "viridis", label: "log₁₀(ℓ + 10⁻⁴)" } as const;

const MARKER_SYMBOL = {
  "global minimum": "star",
  "spurious local minimum": "diamond",
  "spurious stationary point": "cross",
  saddle: "triangle",
} as const satisfies Record<SliceMarker["label"], string>;

export function sliceFigure(result: CnnRunResult): SVGSVGElement {
  const { grid, markers, trajectory } = result;
  const points = markers.map((m) => ({
    x: m.phi,
    y: m.c,
    label: m.label,
    symbol: MARKER_SYMBOL[m.label],
    labelLeft: m.phi > 2.6,
  }));
  return plotSvg({
    width: 620,
    height: 400,
    // tick labels a marker's width from the frame: the minima sit on the domain's edges
    x: { label: "angle φ = ∠(v, w*) (rad)", domain: [0, Math.PI], tickPadding: 8 },
    y: { label: "(aᵀa*)/‖a*‖", domain: [grid.cs[0], grid.cs[grid.cs.length - 1]], tickPadding: 8 },
    color: SLICE_COLOUR,
    symbol: { type: "identity" },
    marks: [
      contourMark({
        nx: grid.phis.length,
        ny: grid.cs.length,
        x0: 0,
        x1: Math.PI,
        y0: grid.cs[0],
        y1: grid.cs[grid.cs.length - 1],
        values: grid.values.map((v) => Math.log10(v + 1e-4)),
        valueLabel: SLICE_COLOUR.label,
      }),
      Plot.ruleX([Math.PI / 2], { stroke: REFERENCE_COLOUR, strokeDasharray: "4,3" }),
      Plot.line(
        trajectory.phi.map((phi, i) => [phi, trajectory.c[i]]),
        { stroke: "white", strokeOpacity: 0.45, strokeWidth: 1.5 },
      ),
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
