/** One of the CNN view's small live curves (log-loss, φ_t, a_tᵀa*) with the phase switch marked. */
import type { CnnRunResult } from "../../compute/cnn.js";
import { OKABE_ITO, Plot, plotSvg, REFERENCE_COLOUR } from "../../figures.js";

export type CurveKey = "logLoss" | "phi" | "aDotAstar";

export function curveFigure(result: CnnRunResult, key: CurveKey, label: string): SVGSVGElement {
  const t = result.trajectory;
  const ys = key === "logLoss" ? t.loss.map((v) => Math.log10(Math.max(v, 1e-300))) : t[key];
  const data = t.step.map((s, i) => ({ step: s, y: ys[i] }));
  const marks: Plot.Markish[] = [
    Plot.ruleY(key === "phi" ? [Math.PI / 2] : key === "aDotAstar" ? [0] : [], {
      stroke: REFERENCE_COLOUR,
      strokeDasharray: "4,3",
    }),
    Plot.line(data, { x: "step", y: "y", stroke: OKABE_ITO[0], strokeWidth: 2 }),
  ];
  if (result.phaseSwitch !== null) {
    marks.push(
      Plot.ruleX([result.phaseSwitch], { stroke: OKABE_ITO[1], strokeWidth: 2, strokeDasharray: "6,3" }),
      Plot.text([result.phaseSwitch], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: () => "phase switch",
        dx: 4,
        textAnchor: "start",
        fill: OKABE_ITO[1],
        // a white outline masks the curve where it passes under the label
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    );
  }
  return plotSvg({
    width: 300,
    height: 200,
    x: { label: "iteration t" },
    y: { label, grid: true },
    marks,
  });
}
