/**
 * The Ding view's figures, drawn by src/figures' line chart (as the report draws the escape path):
 * the exact Hessian spectrum (|λ| on a log axis, one series per kind of eigenvalue) and the loss
 * along the escape path.
 */
import { lineChart } from "../../../src/figures/line-chart.js";
import type { DingSummary } from "../../compute/ding.js";
import { fittedFigure } from "../../figures.js";
import { fmt } from "../../ui.js";

type Certificate = NonNullable<DingSummary["certificate"]>;
type Escape = NonNullable<DingSummary["escape"]>;

/** Series order, so that the colours are blue, vermillion, green. */
export const SPECTRUM_KINDS = ["positive", "negative", "zero mode"] as const;

/** Panel size for a figure `width` px wide in the builder's units. */
function panelSize(width: number): { panelWidth: number; panelHeight: number } {
  return { panelWidth: width - 16, panelHeight: Math.round(Math.min(380, Math.max(240, width * 0.6))) };
}

export function spectrumFigure(c: Certificate, available: number): SVGSVGElement {
  const floor = Math.min(c.zeroThreshold / 100, 1e-12);
  const kind = (value: number) =>
    Math.abs(value) <= c.zeroThreshold ? "zero mode" : value < 0 ? "negative" : "positive";
  const points = c.eigenvalues.map((value, i) => ({
    x: i + 1,
    y: Math.max(Math.abs(value), floor),
    kind: kind(value),
  }));
  return fittedFigure(
    (width) =>
      lineChart({
        ...panelSize(width),
        name: "lab-ding-spectrum",
        // the builder's title is one line: a short one where the figure is narrow
        title: width < 420 ? "Hessian spectrum" : "Exact Hessian spectrum at the constructed point",
        caption: "",
        panels: [
          {
            x: { label: "eigenvalue number (ascending)" },
            y: { label: "|λ| of the Hessian", log: true },
            series: SPECTRUM_KINDS.map((k) => ({ label: k, points: points.filter((p) => p.kind === k) })),
            references: [{ y: c.zeroThreshold, label: "zero-mode threshold" }],
            dots: true,
          },
        ],
      }),
    available,
  );
}

export function escapeFigure(e: Escape, available: number): SVGSVGElement {
  const ref = e.referenceLoss;
  return fittedFigure(
    (width) =>
      lineChart({
        ...panelSize(width),
        name: "lab-ding-escape",
        title: "The escape path",
        caption: "",
        panels: [
          {
            x: { label: "valley: 0 → 1, then W₁ = t·q uᵀ: 1 + t" },
            y: { label: "L − L*", tickFormat: (v: number) => fmt(v, 2) },
            series: [
              { label: "valley", points: e.valley.map((p) => ({ x: p.t, y: p.loss - ref })) },
              {
                label: "descent",
                points: [{ x: 1, y: 0 }, ...e.descent.map((p) => ({ x: 1 + p.t, y: p.loss - ref }))],
              },
            ],
            references: [{ y: 0, label: "L*" }],
            dots: true,
          },
        ],
      }),
    available,
  );
}
