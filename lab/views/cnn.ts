/**
 * The CNN view (Du et al. 2018): the population loss over the (φ, (aᵀa*)/‖a*‖) slice with the global
 * and spurious minima, the WN-GD trajectory animated on it, and live curves of log-loss, φ_t and
 * a_tᵀa* with the phase switch marked.
 */

import { cnnCommand } from "../commands.js";
import type { CnnRunResult } from "../compute/cnn.js";
import { exportBar, refreshExportBar } from "../export.js";
import {
  figureBox,
  OKABE_ITO,
  OUTCOME_COLOURS,
  Plot,
  plotScales,
  plotSvg,
  REFERENCE_COLOUR,
  svgElement,
} from "../figures.js";
import { Cancelled, type Job } from "../rpc.js";
import type { CnnState } from "../state.js";
import { button, el, explainAside, fmt, numberControl, paperNote, selectControl, viewLayout } from "../ui.js";
import type { View } from "./view.js";

const MARKER_SYMBOL: Record<string, string> = {
  "global minimum": "star",
  "spurious local minimum": "diamond",
  "spurious stationary point": "times",
  saddle: "triangle",
};

const SLICE_COLOUR = { type: "linear", scheme: "viridis", label: "log₁₀(ℓ + 10⁻⁴)" } as const;

function sliceFigure(result: CnnRunResult): SVGSVGElement {
  const { grid, markers, trajectory } = result;
  const logValues = grid.values.map((v) => Math.log10(v + 1e-4));
  const halfPhi = Math.PI / (grid.phis.length - 1) / 2;
  const halfC = (grid.cs[grid.cs.length - 1] - grid.cs[0]) / (grid.cs.length - 1) / 2;
  return plotSvg({
    width: 620,
    height: 400,
    marginLeft: 60,
    x: { label: "angle φ = ∠(v, w*) (rad)", domain: [0, Math.PI] },
    y: { label: "(aᵀa*)/‖a*‖", domain: [grid.cs[0], grid.cs[grid.cs.length - 1]] },
    color: SLICE_COLOUR,
    marks: [
      // Plot's dense-grid contour samples at cell centres, so the extent is widened by half a cell.
      Plot.contour(logValues, {
        x1: -halfPhi,
        x2: Math.PI + halfPhi,
        y1: grid.cs[0] - halfC,
        y2: grid.cs[grid.cs.length - 1] + halfC,
        width: grid.phis.length,
        height: grid.cs.length,
        fill: Plot.identity,
        stroke: "white",
        strokeOpacity: 0.3,
        thresholds: 18,
        clip: true,
      }),
      Plot.ruleX([Math.PI / 2], { stroke: REFERENCE_COLOUR, strokeDasharray: "4,3" }),
      Plot.line(
        trajectory.phi.map((phi, i) => [phi, trajectory.c[i]]),
        { stroke: "white", strokeOpacity: 0.45, strokeWidth: 1.5 },
      ),
      Plot.dot(markers, {
        x: "phi",
        y: "c",
        symbol: (d: { label: string }) => MARKER_SYMBOL[d.label],
        r: 8,
        fill: "white",
        stroke: "black",
        strokeWidth: 1.5,
        title: (d: { label: string; loss: number }) => `${d.label}: ℓ = ${fmt(d.loss)}`,
      }),
      ...(["start", "middle", "end"] as const).map((anchor) =>
        Plot.text(
          markers.filter((m) => (m.phi < 0.5 ? "start" : m.phi > 2.6 ? "end" : "middle") === anchor),
          {
            x: "phi",
            y: "c",
            text: "label",
            dy: -16,
            textAnchor: anchor,
            fill: "white",
            stroke: "black",
            strokeWidth: 3,
            paintOrder: "stroke",
          },
        ),
      ),
    ],
  });
}

function curveFigure(
  result: CnnRunResult,
  key: "logLoss" | "phi" | "aDotAstar",
  label: string,
): SVGSVGElement {
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
      }),
    );
  }
  return plotSvg({
    width: 300,
    height: 200,
    marginLeft: 52,
    x: { label: "iteration t" },
    y: { label, grid: true },
    marks,
  });
}

export const cnnView: View = {
  id: "cnn",
  title: "CNN (Du et al.)",
  mount(root, context) {
    const s = () => context.state().cnn;
    const set = (patch: Partial<CnnState>) => {
      context.update((state) => ({ ...state, cnn: { ...state.cnn, ...patch } }));
      compute();
    };
    let job: Job<CnnRunResult> | undefined;
    let result: CnnRunResult | undefined;
    let frame = 0;
    let playing = false;
    let raf = 0;
    let overlay: { slice: SVGSVGElement; curves: SVGSVGElement[] } | undefined;

    const numberField = (
      id: keyof CnnState,
      label: string,
      min: number,
      max: number,
      step: number,
      integer: boolean,
      help?: string,
    ) =>
      numberControl({
        id: `cnn-${id}`,
        label,
        value: s()[id] as number,
        min,
        max,
        step,
        integer,
        help,
        slider: true,
        onChange: (value) => set({ [id]: value } as Partial<CnnState>),
      });

    const status = el("div", { class: "progress", id: "cnn-status", "aria-live": "polite" });
    const playButton = button("Play", () => (playing ? pause() : play()), {
      id: "cnn-play",
      class: "primary",
    });
    const controls = el(
      "form",
      { class: "controls", "aria-label": "CNN controls" },
      el(
        "fieldset",
        {},
        el("legend", { text: "Teacher and network" }),
        numberField("k", "patches k", 1, 400, 1, true),
        numberField("p", "filter size p", 2, 400, 1, true),
        numberField("ratio", "(1ᵀa*)²/‖a*‖²", 0, 400, 0.5, false, "at most k"),
        numberField("aNorm", "‖a*‖", 0.01, 100, 0.1, false),
      ),
      el(
        "fieldset",
        {},
        el("legend", { text: "Gradient descent" }),
        numberField("eta", "step size η", 1e-4, 10, 0.01, false),
        numberField("steps", "iteration budget", 10, 200000, 100, true),
        numberField("seed", "seed", 0, 2 ** 31 - 1, 1, true),
        numberField("trial", "trial index", 0, 1000000, 1, true),
        selectControl({
          id: "cnn-init",
          label: "initialisation",
          value: s().init,
          choices: [
            { value: "paper", label: "paper: v₀ on sphere, a₀ in ball" },
            { value: "gaussian", label: "Gaussian, std 1/√k" },
          ],
          onChange: (init) => set({ init }),
        }),
      ),
      el(
        "div",
        { class: "buttons", role: "group", "aria-label": "Animation" },
        playButton,
        button("Step", () => stepFrame(), { id: "cnn-step" }),
        button("Reset", () => showFrame(0), { id: "cnn-reset" }),
      ),
      status,
    );
    controls.addEventListener("submit", (e) => e.preventDefault());

    const readout = el("dl", { class: "readout", id: "cnn-readout" });
    const sliceHolder = el("div", { id: "cnn-slice-holder" });
    const curvesHolder = el("div", { class: "row", id: "cnn-curves" });
    const exporter = exportBar({
      name: "minima-cnn",
      figure: () => overlay?.slice ?? null,
      data: () => ({ state: s(), result }),
      csv: () => {
        if (!result) return [["step", "loss", "phi", "aDotAstar"]];
        const t = result.trajectory;
        return [
          ["step", "loss", "phi", "aDotAstar"],
          ...t.step.map((st, i) => [st, t.loss[i], t.phi[i], t.aDotAstar[i]]),
        ];
      },
      command: () => cnnCommand(s()),
    });
    const explain = explainAside(
      "The exact population loss of a one-hidden-layer CNN with non-overlapping Gaussian patches " +
        "(Du et al. 2018, Theorem 3.1) over the angle φ between the filter and the teacher's, and the " +
        "output layer's component along a*. At each φ the rest of a sits at its best value, so each column's " +
        "lowest point is min over a of ℓ(φ, a).",
      "Weight-normalised gradient descent (Algorithm 1) runs from a random start. Below the threshold " +
        "(1ᵀa*)² < (k+π−1)‖a*‖²/π the point at φ = π is a spurious local minimum (Theorem 4.3): starts " +
        "with φ₀ > π/2 and a₀ᵀa* < 0 can end there. Starts with φ₀ < π/2 and a₀ᵀa* > 0 always reach the " +
        "global minimum (Theorem 4.1), in two phases: slow, then linear (the dashed line marks the switch).",
      paperNote(
        "Du, Lee, Tian, Póczos & Singh, ICML 2018",
        "1712.00779",
        "Theorems 3.1, 4.1–4.3 and §7 of the notes du2018-cnn.md",
      ),
    );

    root.append(
      viewLayout({
        id: "view-cnn",
        controls,
        title: "One-hidden-layer CNN: the two minima and the two phases",
        figures: [sliceHolder, readout, curvesHolder, exporter],
        explain: explain,
      }),
    );

    function drawFrame(): void {
      if (!result || !overlay) return;
      const t = result.trajectory;
      const i = Math.min(frame, t.step.length - 1);
      const { slice, curves } = overlay;
      const map = plotScales(slice);
      slice.querySelector(".cnn-anim")?.remove();
      const group = svgElement("g", { class: "cnn-anim" });
      const points = t.phi
        .slice(0, i + 1)
        .map((phi, j) => `${map.x(phi).toFixed(1)},${map.y(t.c[j]).toFixed(1)}`)
        .join(" ");
      group.append(
        svgElement("polyline", { points, fill: "none", stroke: OKABE_ITO[4], "stroke-width": 2.5 }),
        svgElement("circle", {
          cx: map.x(t.phi[i]),
          cy: map.y(t.c[i]),
          r: 6,
          fill: OKABE_ITO[4],
          stroke: "black",
          "stroke-width": 1.5,
        }),
      );
      slice.append(group);
      for (const svg of curves) {
        svg.querySelector(".cnn-anim")?.remove();
        const m = plotScales(svg);
        const x = m.x(t.step[i]);
        const box = svg.viewBox.baseVal;
        const line = svgElement("line", {
          class: "cnn-anim",
          x1: x,
          x2: x,
          y1: 10,
          y2: (box?.height || 200) - 30,
          stroke: "black",
          "stroke-opacity": 0.6,
        });
        svg.append(line);
      }
      const frameText = `t = ${t.step[i]}: ℓ = ${fmt(t.loss[i])}, φ = ${fmt(t.phi[i])}, aᵀa* = ${fmt(t.aDotAstar[i])}`;
      status.textContent = frameText;
    }

    function showFrame(i: number): void {
      pause();
      frame = Math.max(0, i);
      drawFrame();
    }

    function stepFrame(): void {
      if (!result) return;
      showFrame(Math.min(frame + 1, result.trajectory.step.length - 1));
    }

    function play(): void {
      if (!result) return;
      if (frame >= result.trajectory.step.length - 1) frame = 0;
      playing = true;
      playButton.textContent = "Pause";
      const perFrame = Math.max(1, Math.round(result.trajectory.step.length / 240));
      const tick = () => {
        if (!playing || !result) return;
        frame = Math.min(frame + perFrame, result.trajectory.step.length - 1);
        drawFrame();
        if (frame >= result.trajectory.step.length - 1) pause();
        else raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    }

    function pause(): void {
      playing = false;
      cancelAnimationFrame(raf);
      playButton.textContent = "Play";
    }

    function render(r: CnnRunResult): void {
      result = r;
      const slice = sliceFigure(r);
      const curves = [
        curveFigure(r, "logLoss", "log₁₀ ℓ"),
        curveFigure(r, "phi", "φ_t (rad)"),
        curveFigure(r, "aDotAstar", "a_tᵀa*"),
      ];
      overlay = { slice, curves };
      sliceHolder.replaceChildren(
        figureBox(
          slice,
          "Loss over the (φ, (aᵀa*)/‖a*‖) slice; star: global minimum, diamond: spurious local minimum, triangle: saddle; orange: the WN-GD run.",
          "cnn-slice",
          Plot.legend({
            color: {
              ...SLICE_COLOUR,
              domain: (slice as unknown as { scale(n: string): { domain: number[] } }).scale("color").domain,
            },
          }),
        ),
      );
      curvesHolder.replaceChildren(
        figureBox(curves[0], "log-loss", "cnn-curve-loss"),
        figureBox(curves[1], "angle φ_t", "cnn-curve-phi"),
        figureBox(curves[2], "alignment a_tᵀa*", "cnn-curve-adot"),
      );
      const rows: [string, string, string][] = [
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
      readout.replaceChildren(
        ...rows.flatMap(([k, v, id]) => [
          el("dt", { text: k }),
          el("dd", {
            id,
            text: v,
            style: k === "outcome" ? `color: ${OUTCOME_COLOURS[v] ?? "inherit"}` : undefined,
          }),
        ]),
      );
      refreshExportBar(exporter);
      frame = r.trajectory.step.length - 1;
      drawFrame();
      context.announce(`CNN run: ${r.outcome} after ${r.steps} iterations`);
    }

    function compute(): void {
      job?.cancel();
      pause();
      status.textContent = "computing…";
      status.classList.remove("error");
      refreshExportBar(exporter);
      const current = context.pool.call("cnnRun", s());
      job = current;
      current.promise.then(
        (r) => {
          if (job === current) render(r);
        },
        (error: unknown) => {
          if (error instanceof Cancelled) return;
          status.textContent = `cannot run: ${error instanceof Error ? error.message : String(error)}`;
          status.classList.add("error");
        },
      );
    }

    compute();
    return {
      unmount() {
        pause();
        job?.cancel();
      },
    };
  },
};
