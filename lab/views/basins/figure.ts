/** The Basins figure: one rectangle per start (φ₀, c₀), coloured by where WN-GD ends. */
import type { BasinCell } from "../../compute/cnn-basins.js";
import { OUTCOME_COLOURS, Plot, plotSvg, REFERENCE_COLOUR } from "../../figures.js";
import { fmt } from "../../ui.js";

export const OUTCOMES = ["global", "spurious", "saddle", "unconverged", "diverged"] as const;

export function basinFigure(
  cells: readonly BasinCell[],
  n: number,
  aNorm: number,
  width: number,
): SVGSVGElement {
  const dphi = Math.PI / n;
  const dc = (2 * aNorm) / n;
  return plotSvg({
    width,
    height: Math.round(Math.min(640, Math.max(300, width * 0.7))),
    // the corner's two tick labels apart: y labels further from the frame
    x: { label: "start angle φ₀ (rad)", domain: [0, Math.PI] },
    y: { label: "start (a₀ᵀa*)/‖a*‖", domain: [-aNorm, aNorm], tickPadding: 8 },
    color: { domain: [...OUTCOMES], range: OUTCOMES.map((o) => OUTCOME_COLOURS[o]) },
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.rect(cells, {
        x1: (d: BasinCell) => d.phi0 - dphi / 2,
        x2: (d: BasinCell) => d.phi0 + dphi / 2,
        y1: (d: BasinCell) => d.c0 - dc / 2,
        y2: (d: BasinCell) => d.c0 + dc / 2,
        fill: "outcome",
        title: (d: BasinCell) =>
          `φ₀ = ${fmt(d.phi0)}, c₀ = ${fmt(d.c0)}: ${d.outcome} after ${d.steps} steps`,
      }),
      Plot.ruleX([Math.PI / 2], { stroke: REFERENCE_COLOUR, strokeWidth: 1.5, strokeDasharray: "5,3" }),
      Plot.ruleY([0], { stroke: REFERENCE_COLOUR, strokeWidth: 1.5, strokeDasharray: "5,3" }),
    ],
  });
}
