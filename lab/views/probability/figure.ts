/**
 * The Probability figure: src/figures' interval plot (as in the report) of P(global) with 95%
 * Wilson intervals per k, the 1/4 bound of Theorem 4.2, and each k's threshold (k+π−1)/π drawn as a
 * dashed vertical in that k's colour.
 */
import { intervalPlot } from "../../../src/figures/interval-plot.js";
import { spuriousRatioThreshold } from "../../../src/models/cnn/protocol.js";
import type { CellSummary } from "../../compute/probability.js";
import { fittedFigure } from "../../figures.js";

const TOP = 1.05;

/** The figure for `available` px of page (type of at least minType() px). */
export function probabilityFigure(
  cells: readonly CellSummary[],
  ks: readonly number[],
  available: number,
): SVGSVGElement {
  const thresholds = ks.map((k) => spuriousRatioThreshold(k));
  const maxRatio = Math.max(...cells.map((c) => c.ratio), 1);
  return fittedFigure(
    (width) =>
      intervalPlot({
        width: width - 16,
        height: Math.round(Math.min(420, Math.max(260, width * 0.6))),
        name: "lab-probability",
        // the builder's title is one line: a short one where the figure is narrow
        title: width < 420 ? "P(global), 95% intervals" : "P(global minimum) per cell, 95% Wilson intervals",
        caption: "",
        x: { label: "(1ᵀa*)²/‖a*‖²", domain: [-0.5, Math.max(maxRatio, ...thresholds) + 1] },
        y: { label: "P(global minimum)", domain: [0, TOP] },
        // side by side: each k's intervals are shifted a little so that they do not hide each other
        dodge: 0.012 * (maxRatio + 1),
        groups: ks.map((k) => ({
          label: `k = ${k}`,
          connect: true,
          estimates: cells
            .filter((c) => c.k === k)
            .map((c) => ({ x: c.ratio, estimate: c.pGlobal, low: c.lo, high: c.hi })),
        })),
        theory: ks.map((k, i) => ({
          label: `(k+π−1)/π, k = ${k}`,
          group: i,
          points: [
            { x: thresholds[i], y: 0 },
            { x: thresholds[i], y: TOP },
          ],
        })),
        references: [{ y: 0.25, label: "Theorem 4.2: P ≥ 1/4" }],
      }),
    available,
  );
}
