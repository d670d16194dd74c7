/** The Ding view's output: the verdict, the certificate's numbers, the spectrum and the escape path. */
import type { DingSummary } from "../../compute/ding.js";
import { availableWidth, figureBox, minType } from "../../figures.js";
import { el, fmt } from "../../ui.js";
import type { ViewOutput } from "../define.js";
import { escapeFigure, spectrumFigure } from "./figures.js";

function readoutRows(r: DingSummary): [string, string, string][] {
  const c = r.certificate;
  const rows: [string, string, string][] = [["parameters P", String(r.parameters), "ding-parameters"]];
  if (c) {
    rows.push(
      ["loss at the point L*", fmt(c.lossAtPoint), "ding-loss"],
      ["best loss elsewhere", r.bestLoss ? fmt(r.bestLoss.bestLoss) : "—", "ding-best"],
      ["‖∇L‖", fmt(c.gradNorm), "ding-grad"],
      ["R1 = |Σr| (relative)", fmt(c.r1), "ding-r1"],
      ["R2 = ‖Σ r x‖ (relative)", fmt(c.r2), "ding-r2"],
      ["λ_min(s·S)", fmt(c.minEigenvalueS), "ding-min-s"],
      ["λ_min(s·∇²F)", fmt(c.minEigenvalueF), "ding-min-f"],
      ["negative Hessian eigenvalues", String(c.index), "ding-index"],
      ["zero modes (predicted)", `${c.zeroModes} (${c.predictedZeroModes})`, "ding-zero-modes"],
      ["certificate", c.holds ? "holds" : `fails: ${c.failures.join("; ")}`, "ding-holds"],
    );
  }
  if (r.control) rows.push(["negative control (one output weight flipped)", r.control.label, "ding-control"]);
  if (r.escape) {
    const last = r.escape.rise.at(-1);
    rows.push(
      ["max |L − L*| along the valley", fmt(r.escape.valleyDeviation), "ding-valley"],
      ["curvature after the valley", fmt(r.escape.descentCurvature), "ding-descent-curvature"],
      [
        `same move at the minimum: L − L* at t = ${fmt(last?.t ?? 0)}`,
        fmt((last?.loss ?? r.escape.referenceLoss) - r.escape.referenceLoss),
        "ding-rise",
      ],
    );
  }
  return rows;
}

export function dingOutput(): ViewOutput<DingSummary> {
  const verdict = el("p", { id: "ding-verdict", class: "verdict" });
  const readout = el("dl", { class: "readout", id: "ding-readout" });
  const holder = el("div", { class: "row", id: "ding-figures" });
  let figures: SVGSVGElement[] = [];
  return {
    elements: [verdict, readout, holder],
    figure: () => figures[0] ?? null,
    render(r) {
      verdict.textContent = `Verdict: ${r.verdict}. ${r.reason}`;
      readout.replaceChildren(
        ...readoutRows(r).flatMap(([k, v, id]) => [el("dt", { text: k }), el("dd", { id, text: v })]),
      );
      figures = [];
      const width = availableWidth(holder);
      // side by side when each can keep a readable width, else one above the other
      const each = width >= 60 * minType() ? Math.floor((width - 12) / 2) : width;
      holder.replaceChildren();
      const c = r.certificate;
      if (c) {
        const spectrum = spectrumFigure(c, each);
        figures.push(spectrum);
        holder.append(
          figureBox(
            spectrum,
            `Exact Hessian spectrum, |λ| on a log scale; green: ${c.zeroModes} zero modes (|λ| ≤ ${fmt(c.zeroThreshold, 2)}), blue: positive, vermillion: negative.`,
            "ding-spectrum",
          ),
        );
      }
      if (r.escape) {
        const path = escapeFigure(r.escape, each);
        figures.push(path);
        holder.append(
          figureBox(
            path,
            "The escape: blue, the loss along the flat valley (constant); vermillion, then moving W₁ off zero lowers it.",
            "ding-escape",
          ),
        );
      }
    },
  };
}
