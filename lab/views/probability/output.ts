/** The Probability view's output: the interval figure and a table of counts per cell. */
import { type CellCounts, type CellSummary, summarise } from "../../compute/probability.js";
import { availableWidth, figureBox } from "../../figures.js";
import { el, fmt } from "../../ui.js";
import type { ViewIO, ViewOutput } from "../define.js";
import { probabilityFigure } from "./figure.js";

const HEADER = ["k", "ratio", "trials", "global", "spurious", "other", "P(global)", "95% interval"];

function row(c: CellSummary): HTMLElement {
  const g = c.counts.global ?? 0;
  const sp = c.counts.spurious ?? 0;
  const cells = [
    c.k,
    c.ratio,
    c.n,
    g,
    sp,
    c.n - g - sp,
    fmt(c.pGlobal, 4),
    `[${fmt(c.lo, 4)}, ${fmt(c.hi, 4)}]`,
  ];
  return el("tr", { "data-cell": `${c.k}:${c.ratio}` }, ...cells.map((v) => el("td", { text: String(v) })));
}

/** The cells with at least one trial, with their P(global) and interval. */
export function summaries(counts: readonly CellCounts[]): CellSummary[] {
  return counts.filter((c) => c.n > 0).map(summarise);
}

export function probabilityOutput(io: ViewIO<"probability">): ViewOutput<CellCounts[]> {
  const holder = el("div", { id: "prob-figure-holder" });
  const table = el("table", { class: "results", id: "prob-table" });
  let figure: SVGSVGElement | null = null;
  return {
    elements: [holder, table],
    figure: () => figure,
    render(counts) {
      const cells = summaries(counts);
      figure = probabilityFigure(cells, io.state().ks, availableWidth(holder));
      holder.replaceChildren(
        figureBox(
          figure,
          "P(global) per cell with 95% Wilson intervals; dashed: the 1/4 bound and each k's threshold.",
          "prob-figure",
        ),
      );
      table.replaceChildren(el("tr", {}, ...HEADER.map((h) => el("th", { text: h }))), ...cells.map(row));
    },
  };
}
