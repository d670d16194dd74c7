/**
 * One of the CNN view's small live curves (log-loss, φ_t, a_tᵀa*) with the phase switch marked.
 * The curve's line and the phase-switch marks carry classes so that the player can draw the line
 * up to the current frame and show the switch only once the animation has passed it.
 */
import type { CnnRunResult } from "../../compute/cnn.js";
import { OKABE_ITO, Plot, plotSvg, REFERENCE_COLOUR } from "../../figures.js";

export type CurveKey = "logLoss" | "phi" | "aDotAstar";

export function curveFigure(
  result: CnnRunResult,
  key: CurveKey,
  label: string,
  width: number,
  height: number,
): SVGSVGElement {
  const t = result.trajectory;
  const ys = key === "logLoss" ? t.loss.map((v) => Math.log10(Math.max(v, 1e-300))) : t[key];
  const data = t.step.map((s, i) => ({ step: s, y: ys[i] }));
  // a diverging run's a_tᵀa* grows to ~1e99: the axis keeps the slice's range and the line leaves it
  const aLimit = result.cLimit * result.aNorm;
  const clipY =
    key === "aDotAstar" && result.divergedAt !== null
      ? ([Math.max(Math.min(...ys), -aLimit), Math.min(Math.max(...ys), aLimit)] as [number, number])
      : undefined;
  const marks: Plot.Markish[] = [
    Plot.ruleY(key === "phi" ? [Math.PI / 2] : key === "aDotAstar" ? [0] : [], {
      stroke: REFERENCE_COLOUR,
      strokeDasharray: "4,3",
    }),
    Plot.line(data, {
      x: "step",
      y: "y",
      stroke: OKABE_ITO[0],
      strokeWidth: 2,
      clip: clipY !== undefined,
      className: "cnn-curve-line",
    } as Plot.LineYOptions),
  ];
  if (result.phaseSwitch !== null) {
    marks.push(
      Plot.ruleX([result.phaseSwitch], {
        stroke: OKABE_ITO[1],
        strokeWidth: 2,
        strokeDasharray: "6,3",
        className: "cnn-switch",
      } as Plot.RuleXOptions),
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
        className: "cnn-switch",
      } as Plot.TextOptions),
    );
  }
  return plotSvg({
    width,
    height,
    x: { label: "iteration t", domain: [0, Math.max(1, t.step[t.step.length - 1] ?? 1)] },
    y: { label, grid: true, ...(clipY ? { domain: clipY } : {}) },
    marks,
  });
}
