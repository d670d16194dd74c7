/**
 * The Basins view: where each start ends. A grid of starts (φ₀, (a₀ᵀa*)/‖a*‖) for the CNN view's
 * teacher and step size, coloured by outcome and filled in row by row by several workers.
 */

import type { BasinCell } from "../compute/cnn-basins.js";
import { exportBar, refreshExportBar } from "../export.js";
import { figureBox, OUTCOME_COLOURS, Plot, plotSvg, REFERENCE_COLOUR } from "../figures.js";
import { Cancelled, type Job } from "../rpc.js";
import type { BasinsState } from "../state.js";
import { button, el, explainAside, fmt, numberControl, paperNote, viewLayout } from "../ui.js";
import type { View } from "./view.js";

const OUTCOMES = ["global", "spurious", "saddle", "unconverged", "diverged"] as const;

function basinFigure(cells: readonly BasinCell[], n: number, aNorm: number): SVGSVGElement {
  const dphi = Math.PI / n;
  const dc = (2 * aNorm) / n;
  return plotSvg({
    width: 560,
    height: 460,
    marginLeft: 60,
    x: { label: "start angle φ₀ (rad)", domain: [0, Math.PI] },
    y: { label: "start (a₀ᵀa*)/‖a*‖", domain: [-aNorm, aNorm] },
    color: { domain: [...OUTCOMES], range: OUTCOMES.map((o) => OUTCOME_COLOURS[o]) },
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.rect(cells, {
        x1: (d: BasinCell) => d.phi0 - dphi / 2,
        x2: (d: BasinCell) => d.phi0 + dphi / 2,
        y1: (d: BasinCell) => d.c0 - dc / 2,
        y2: (d: BasinCell) => d.c0 + dc / 2,
        fill: "outcome",
        title: (d: BasinCell) =>
          `φ₀ = ${fmt(d.phi0)}, c₀ = ${fmt(d.c0)}: ${d.outcome} after ${d.steps} steps`,
      }),
      Plot.ruleX([Math.PI / 2], { stroke: REFERENCE_COLOUR, strokeWidth: 1.5, strokeDasharray: "5,3" }),
      Plot.ruleY([0], { stroke: REFERENCE_COLOUR, strokeWidth: 1.5, strokeDasharray: "5,3" }),
    ],
  });
}

export const basinsView: View = {
  id: "basins",
  title: "Basins",
  mount(root, context) {
    const s = () => context.state().basins;
    const cnn = () => context.state().cnn;
    let jobs: Job<BasinCell[]>[] = [];
    let cells: BasinCell[] = [];
    let figure: SVGSVGElement | null = null;
    let generation = 0;

    const set = (patch: Partial<BasinsState>) => {
      context.update((state) => ({ ...state, basins: { ...state.basins, ...patch } }));
      compute();
    };
    const progressBar = el("progress", { id: "basins-progress", max: 1, value: 0 });
    const progressText = el("span", { id: "basins-progress-text", "aria-live": "polite" });
    const cancelButton = button("Cancel", () => cancel(), { id: "basins-cancel" });
    const controls = el(
      "form",
      { class: "controls", "aria-label": "Basins controls" },
      el(
        "fieldset",
        {},
        el("legend", { text: "Grid of starts" }),
        numberControl({
          id: "basins-resolution",
          label: "cells per side",
          value: s().resolution,
          min: 4,
          max: 64,
          step: 1,
          integer: true,
          slider: true,
          onChange: (resolution) => set({ resolution }),
        }),
        numberControl({
          id: "basins-steps",
          label: "iteration budget",
          value: s().steps,
          min: 10,
          max: 200000,
          step: 100,
          integer: true,
          onChange: (steps) => set({ steps }),
        }),
      ),
      el("p", {
        class: "field-msg",
        id: "basins-teacher",
        text: `Teacher and η from the CNN view: k = ${cnn().k}, (1ᵀa*)²/‖a*‖² = ${cnn().ratio}, ‖a*‖ = ${cnn().aNorm}, η = ${cnn().eta}.`,
      }),
      el(
        "div",
        { class: "buttons" },
        button("Recompute", () => compute(), { id: "basins-run", class: "primary" }),
        cancelButton,
      ),
      el("div", { class: "progress" }, progressBar, progressText),
    );
    controls.addEventListener("submit", (e) => e.preventDefault());
    const holder = el("div", { id: "basins-figure-holder" });
    const fractions = el("table", { class: "results", id: "basins-fractions" });
    const exporter = exportBar({
      name: "minima-basins",
      figure: () => figure,
      data: () => ({ cnn: cnn(), basins: s(), cells }),
      csv: () => [
        ["phi0", "c0", "outcome", "steps"],
        ...cells.map((c) => [c.phi0, c.c0, c.outcome, c.steps]),
      ],
      command: () => undefined,
    });
    root.append(
      viewLayout({
        id: "view-basins",
        controls,
        title: "Basins of attraction of weight-normalised GD",
        figures: [holder, fractions, exporter],
        explain: explainAside(
          "Each cell is one start of Algorithm 1: the filter at angle φ₀ from w*, the output layer " +
            "a₀ = c₀·(a*)/‖a*‖. Its colour is where gradient descent ends. The dashed lines cut the plane " +
            "into the quadrants of Theorems 4.1 and 4.3: starts with φ₀ < π/2 and a₀ᵀa* > 0 (top left) " +
            "always reach the global minimum; the spurious basin lies right of π/2 and shrinks as " +
            "(1ᵀa*)²/‖a*‖² grows, vanishing past (k+π−1)/π. Starts outside the good quadrant may still " +
            "be rescued: the theorems give sufficient conditions, the grid shows the whole basin.",
          paperNote(
            "Du, Lee, Tian, Póczos & Singh, ICML 2018",
            "1712.00779",
            "§5.2 and §6.5 of the notes du2018-cnn.md",
          ),
        ),
      }),
    );

    function draw(): void {
      const n = s().resolution;
      figure = basinFigure(cells, n, cnn().aNorm);
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
      const counts = OUTCOMES.map((o) => cells.filter((c) => c.outcome === o).length);
      fractions.replaceChildren(
        el(
          "tr",
          {},
          el("th", { text: "outcome" }),
          el("th", { text: "cells" }),
          el("th", { text: "fraction" }),
        ),
        ...OUTCOMES.map((o, idx) =>
          el(
            "tr",
            { "data-outcome": o },
            el("th", { text: o }),
            el("td", { text: String(counts[idx]) }),
            el("td", { text: cells.length > 0 ? fmt(counts[idx] / cells.length, 4) : "—" }),
          ),
        ),
      );
      refreshExportBar(exporter);
    }

    function cancel(): void {
      for (const job of jobs) job.cancel();
      if (jobs.length > 0)
        progressText.textContent = `cancelled after ${cells.length} of ${s().resolution ** 2}`;
      jobs = [];
      cancelButton.disabled = true;
    }

    function compute(): void {
      cancel();
      const gen = ++generation;
      const n = s().resolution;
      const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
      const partial: BasinCell[][] = Array.from({ length: workers }, () => []);
      cells = [];
      draw();
      progressBar.max = n * n;
      progressBar.value = 0;
      progressText.textContent = "computing…";
      cancelButton.disabled = false;
      const refresh = () => {
        if (gen !== generation) return;
        cells = partial.flat();
        progressBar.value = cells.length;
        progressText.textContent = `${cells.length} of ${n * n} starts`;
        draw();
      };
      jobs = Array.from({ length: workers }, (_, w) => {
        const rows = Array.from({ length: n }, (_, j) => j).filter((j) => j % workers === w);
        const job = context.pool.call("cnnBasins", { cnn: cnn(), basins: s(), rows }, (p) => {
          partial[w] = p.partial as BasinCell[];
          refresh();
        });
        job.promise.then(
          (done) => {
            partial[w] = done;
            refresh();
            if (gen === generation && cells.length === n * n) {
              jobs = [];
              cancelButton.disabled = true;
              progressText.textContent = `done: ${n * n} starts`;
              context.announce("Basins computed");
            }
          },
          (error: unknown) => {
            if (!(error instanceof Cancelled)) progressText.textContent = `cannot run: ${String(error)}`;
          },
        );
        return job;
      });
    }

    compute();
    return { unmount: () => cancel() };
  },
};
