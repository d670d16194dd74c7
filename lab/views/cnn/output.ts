/** The CNN view's output: the loss slice, the readout of the run and its three live curves. */
import type { CnnRunResult } from "../../compute/cnn.js";
import { figureBox, OUTCOME_COLOURS, Plot } from "../../figures.js";
import type { StatusLine } from "../../status.js";
import { el, fmt } from "../../ui.js";
import type { ViewOutput } from "../define.js";
import { curveFigure } from "./curve-figure.js";
import { Player } from "./player.js";
import { SLICE_COLOUR, sliceFigure } from "./slice-figure.js";

function readoutRows(r: CnnRunResult): [string, string, string][] {
  return [
    ["outcome", r.outcome, "cnn-outcome"],
    ["iterations", String(r.steps), "cnn-steps-run"],
    ["final loss ℓ_T", fmt(r.final.loss), "cnn-final-loss"],
    ["final angle φ_T", fmt(r.final.phi), "cnn-final-phi"],
    ["final a_Tᵀa*", fmt(r.final.aDotAstar), "cnn-final-adot"],
    ["start φ₀", fmt(r.start.phi), "cnn-start-phi"],
    ["start a₀ᵀa*", fmt(r.start.aDotAstar), "cnn-start-adot"],
    ["phase switch at t", r.phaseSwitch === null ? "—" : String(r.phaseSwitch), "cnn-phase-switch"],
    ["threshold (k+π−1)/π", fmt(r.threshold), "cnn-threshold"],
    [
      "spurious minimum",
      r.spuriousIsLocalMinimum ? "exists" : "absent (ratio above threshold)",
      "cnn-spurious",
    ],
  ];
}

export function cnnOutput(status: StatusLine): ViewOutput<CnnRunResult> {
  const readout = el("dl", { class: "readout", id: "cnn-readout" });
  const sliceHolder = el("div", { id: "cnn-slice-holder" });
  const curvesHolder = el("div", { class: "row", id: "cnn-curves" });
  const player = new Player(status);
  let slice: SVGSVGElement | null = null;
  return {
    elements: [sliceHolder, readout, curvesHolder],
    controls: [player.controls],
    figure: () => slice,
    stop: () => player.pause(),
    render(r) {
      slice = sliceFigure(r);
      const curves = [
        curveFigure(r, "logLoss", "log₁₀ ℓ"),
        curveFigure(r, "phi", "φ_t (rad)"),
        curveFigure(r, "aDotAstar", "a_tᵀa*"),
      ];
      const domain = (slice as unknown as { scale(n: string): { domain: number[] } }).scale("color").domain;
      sliceHolder.replaceChildren(
        figureBox(
          slice,
          "Loss over the (φ, (aᵀa*)/‖a*‖) slice; star: global minimum, diamond: spurious local minimum, triangle: saddle; orange: the WN-GD run.",
          "cnn-slice",
          Plot.legend({ color: { ...SLICE_COLOUR, domain } }),
        ),
      );
      curvesHolder.replaceChildren(
        figureBox(curves[0], "log-loss", "cnn-curve-loss"),
        figureBox(curves[1], "angle φ_t", "cnn-curve-phi"),
        figureBox(curves[2], "alignment a_tᵀa*", "cnn-curve-adot"),
      );
      readout.replaceChildren(
        ...readoutRows(r).flatMap(([k, v, id]) => [
          el("dt", { text: k }),
          el("dd", {
            id,
            text: v,
            style: k === "outcome" ? `color: ${OUTCOME_COLOURS[v] ?? "inherit"}` : undefined,
          }),
        ]),
      );
      player.load({ result: r, slice, curves });
    },
  };
}
