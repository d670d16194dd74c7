/** The Tian view's output: the clickable flow and a table of each start's limit. */
import { trajectoryColour } from "../../../src/figures/landscape-slice.js";
import type { TianPicture, TianRun } from "../../compute/tian.js";
import { availableWidth, figureBox, OUTCOME_COLOURS } from "../../figures.js";
import { el, fmt } from "../../ui.js";
import type { ViewOutput } from "../define.js";
import { pointAt, tianFigure } from "./figure.js";

const LIMIT_COLOURS: Record<string, string> = {
  teacher: OUTCOME_COLOURS.global,
  saddle: OUTCOME_COLOURS.saddle,
  singular: OUTCOME_COLOURS.diverged,
  other: OUTCOME_COLOURS.unconverged,
};

function runRow(r: TianRun, i: number): HTMLElement {
  return el(
    "tr",
    { "data-run": i },
    el("td", { text: `(${fmt(r.start[0], 4)}, ${fmt(r.start[1], 4)})` }),
    el("td", { text: `(${fmt(r.end[0])}, ${fmt(r.end[1])})` }),
    el("td", { text: r.outcome, style: `color:${LIMIT_COLOURS[r.outcome] ?? "inherit"}` }),
    el("td", { text: String(r.steps[r.steps.length - 1]) }),
  );
}

/** `addStart` is called with the plane's point under a click. */
export function tianOutput(addStart: (x: number, y: number) => void): ViewOutput<TianPicture> {
  const holder = el("div", { id: "tian-figure-holder" });
  const table = el("table", { class: "results", id: "tian-table" });
  let figure: SVGSVGElement | null = null;
  return {
    elements: [holder, table],
    figure: () => figure,
    render(picture) {
      const svg = tianFigure(picture, availableWidth(holder));
      figure = svg;
      svg.style.cursor = "crosshair";
      svg.addEventListener("click", (event) => {
        const point = pointAt(svg, event.clientX, event.clientY);
        if (point) addStart(Number(point[0].toFixed(3)), Number(point[1].toFixed(3)));
      });
      // each run's colour, as its path and start dot are drawn
      const legend = el(
        "div",
        { class: "legend" },
        ...picture.runs.map((r, i) =>
          el(
            "span",
            {},
            el("span", { class: "swatch", style: `background:${trajectoryColour(i)}` }),
            `run ${i} from (${fmt(r.start[0], 3)}, ${fmt(r.start[1], 3)})`,
          ),
        ),
      );
      holder.replaceChildren(
        figureBox(
          svg,
          "The (x, y) flow; dashed: the diagonal x = y; triangle: the saddle; star: the optimum. Click to add a start.",
          "tian-figure",
          legend,
        ),
      );
      table.replaceChildren(
        el(
          "tr",
          {},
          ...["start (x, y)", "end (x, y)", "limit", "iterations"].map((h) => el("th", { text: h })),
        ),
        ...picture.runs.map(runRow),
      );
    },
  };
}
