/** The Basins view's output: the grid of outcomes with its legend, and the fraction of each outcome. */
import type { BasinCell } from "../../compute/cnn-basins.js";
import { availableWidth, figureBox, OUTCOME_COLOURS } from "../../figures.js";
import { el, fmt } from "../../ui.js";
import type { ViewIO, ViewOutput } from "../define.js";
import { basinFigure, OUTCOMES } from "./figure.js";

function fractionRows(cells: readonly BasinCell[]): HTMLElement[] {
  const counts = OUTCOMES.map((o) => cells.filter((c) => c.outcome === o).length);
  return [
    el("tr", {}, el("th", { text: "outcome" }), el("th", { text: "cells" }), el("th", { text: "fraction" })),
    ...OUTCOMES.map((o, idx) =>
      el(
        "tr",
        { "data-outcome": o },
        el("th", { text: o }),
        el("td", { text: String(counts[idx]) }),
        el("td", { text: cells.length > 0 ? fmt(counts[idx] / cells.length, 4) : "—" }),
      ),
    ),
  ];
}

export function basinsOutput(io: ViewIO<"basins">): ViewOutput<BasinCell[]> {
  const holder = el("div", { id: "basins-figure-holder" });
  const fractions = el("table", { class: "results", id: "basins-fractions" });
  let figure: SVGSVGElement | null = null;
  return {
    elements: [holder, fractions],
    figure: () => figure,
    render(cells) {
      figure = basinFigure(cells, io.state().resolution, io.lab().cnn.aNorm, availableWidth(holder));
      const legend = el(
        "div",
        { class: "legend" },
        ...OUTCOMES.map((o) =>
          el("span", {}, el("span", { class: "swatch", style: `background:${OUTCOME_COLOURS[o]}` }), o),
        ),
      );
      holder.replaceChildren(
        figureBox(
          figure,
          "Outcome of WN-GD from each start; dashed: φ₀ = π/2 and a₀ᵀa* = 0.",
          "basins-figure",
          legend,
        ),
      );
      fractions.replaceChildren(...fractionRows(cells));
    },
  };
}
