/**
 * The CNN view's output: the loss slice (click it to start there), the readout of the run and its
 * three live curves, all drawn at the width of the page. The run's end (outcome, final point,
 * phase switch) is revealed when the animation reaches it; a diverged run says where it diverged
 * and shows no final numbers.
 */
import type { CnnRunResult } from "../../compute/cnn.js";
import { availableWidth, figureBox, minType, OUTCOME_COLOURS, Plot } from "../../figures.js";
import type { StatusLine } from "../../status.js";
import { el, fmt } from "../../ui.js";
import type { ViewIO, ViewOutput } from "../define.js";
import { curveFigure } from "./curve-figure.js";
import { Player } from "./player.js";
import { SLICE_COLOUR, sliceFigure, slicePointAt, sliceRange } from "./slice-figure.js";

type Row = [label: string, value: string, id: string];

function startRows(r: CnnRunResult): Row[] {
  return [
    ["start", r.chosenStart ? "chosen on the landscape" : "drawn from seed and trial", "cnn-start-kind"],
    ["start φ₀", fmt(r.start.phi), "cnn-start-phi"],
    ["start a₀ᵀa*", fmt(r.start.aDotAstar), "cnn-start-adot"],
    ["threshold (k+π−1)/π", fmt(r.threshold), "cnn-threshold"],
    [
      "spurious minimum",
      r.spuriousIsLocalMinimum ? "exists" : "absent (ratio above threshold)",
      "cnn-spurious",
    ],
  ];
}

function endRows(r: CnnRunResult): Row[] {
  if (r.final === null)
    return [
      ["outcome", r.outcome, "cnn-outcome"],
      ["diverged at step", String(r.divergedAt ?? r.steps), "cnn-diverged-at"],
    ];
  return [
    ["outcome", r.outcome, "cnn-outcome"],
    ["iterations", String(r.steps), "cnn-steps-run"],
    ["final loss ℓ_T", fmt(r.final.loss), "cnn-final-loss"],
    ["final angle φ_T", fmt(r.final.phi), "cnn-final-phi"],
    ["final a_Tᵀa*", fmt(r.final.aDotAstar), "cnn-final-adot"],
    ["phase switch at t", r.phaseSwitch === null ? "none" : String(r.phaseSwitch), "cnn-phase-switch"],
  ];
}

function rowElements(rows: readonly Row[]): HTMLElement[] {
  return rows.flatMap(([k, v, id]) => [
    el("dt", { text: k }),
    el("dd", {
      id,
      text: v,
      style: k === "outcome" ? `color: ${OUTCOME_COLOURS[v] ?? "inherit"}` : undefined,
    }),
  ]);
}

/** Curves per row and their size for a column `width` px wide. */
function curveLayout(width: number): { columns: number; width: number; height: number } {
  const gap = 14; // the row's CSS gap is 12 px: two spare px against rounding
  const columns = width >= 66 * minType() ? 3 : width >= 40 * minType() ? 2 : 1;
  const each = Math.floor((width - gap * (columns - 1)) / columns);
  return { columns, width: each, height: Math.round(Math.min(340, Math.max(220, each * 0.7))) };
}

export function cnnOutput(io: ViewIO<"cnn">, status: StatusLine): ViewOutput<CnnRunResult> {
  const readout = el("dl", { class: "readout", id: "cnn-readout" });
  const sliceHolder = el("div", { id: "cnn-slice-holder" });
  const curvesHolder = el("div", { class: "row", id: "cnn-curves" });
  let revealed: CnnRunResult | undefined;
  const showReadout = (r: CnnRunResult) => {
    const end =
      revealed === r
        ? rowElements(endRows(r))
        : [
            el("dt", { text: "outcome" }),
            el("dd", { id: "cnn-outcome-pending", class: "pending", text: "shown when the animation ends" }),
          ];
    readout.replaceChildren(...end, ...rowElements(startRows(r)));
  };
  const player = new Player(status, (r) => {
    revealed = r;
    showReadout(r);
    io.announce(
      r.divergedAt !== null
        ? `CNN run: diverged at step ${r.divergedAt}`
        : `CNN run: ${r.outcome} after ${r.steps} iterations`,
    );
  });
  let slice: SVGSVGElement | null = null;
  return {
    elements: [sliceHolder, readout, curvesHolder],
    controls: [player.controls],
    figure: () => slice,
    stop: () => player.pause(),
    render(r) {
      const width = availableWidth(sliceHolder);
      const sliceSvg = sliceFigure(r, width, Math.round(Math.min(620, Math.max(320, width * 0.58))));
      slice = sliceSvg;
      const range = sliceRange(r);
      sliceSvg.style.cursor = "crosshair";
      sliceSvg.addEventListener("click", (event) => {
        const point = slicePointAt(sliceSvg, range, event.clientX, event.clientY);
        if (point) io.set({ start: [Number(point[0].toFixed(4)), Number(point[1].toFixed(4))] });
      });
      const layout = curveLayout(width);
      const curves = [
        curveFigure(r, "logLoss", "log₁₀ ℓ", layout.width, layout.height),
        curveFigure(r, "phi", "φ_t (rad)", layout.width, layout.height),
        curveFigure(r, "aDotAstar", "a_tᵀa*", layout.width, layout.height),
      ];
      const domain = (sliceSvg as unknown as { scale(n: string): { domain: number[] } }).scale(
        "color",
      ).domain;
      const type = minType();
      sliceHolder.replaceChildren(
        figureBox(
          sliceSvg,
          "Loss over the (φ, (aᵀa*)/‖a*‖) slice; star: global minimum, diamond: spurious local minimum, triangle: saddle; orange: the WN-GD run. Click to start a run there.",
          "cnn-slice",
          Plot.legend({
            color: { ...SLICE_COLOUR, domain },
            width: Math.min(width, 30 * type),
            // room for the end labels and about one label per 5 ems
            marginLeft: type,
            marginRight: 2 * type,
            ticks: Math.max(3, Math.floor(Math.min(width, 30 * type) / (5 * type))),
            height: 3.4 * type + 16,
            marginTop: 1.3 * type + 4,
            marginBottom: 1.4 * type + 2,
            style: { fontSize: `${type}px` },
          } as unknown as Plot.LegendOptions),
        ),
      );
      curvesHolder.replaceChildren(
        figureBox(curves[0], "log-loss", "cnn-curve-loss"),
        figureBox(curves[1], "angle φ_t", "cnn-curve-phi"),
        figureBox(curves[2], "alignment a_tᵀa*", "cnn-curve-adot"),
      );
      showReadout(r);
      player.load({ result: r, slice: sliceSvg, range, curves });
    },
  };
}
