/**
 * The Basins view: where each start ends. A grid of starts (φ₀, (a₀ᵀa*)/‖a*‖) for the CNN view's
 * teacher and step size, coloured by outcome and filled in row by row by several workers.
 */
import type { BasinCell } from "../../compute/cnn-basins.js";
import { call, shareOut, workerCount } from "../../run-cycle.js";
import { el, explainAside, paperNote } from "../../ui.js";
import { defineView } from "../define.js";
import { numberField } from "../fields.js";
import { basinsOutput } from "./output.js";

export const basinsView = defineView<"basins", BasinCell[]>({
  id: "basins",
  title: "Basins",
  heading: "Basins of attraction of weight-normalised GD",
  formLabel: "Basins controls",
  controls: (io) => {
    const cnn = io.lab().cnn;
    return [
      el(
        "fieldset",
        {},
        el("legend", { text: "Grid of starts" }),
        numberField(io, "basins", "resolution", {
          label: "cells per side",
          min: 4,
          max: 64,
          step: 1,
          integer: true,
          slider: true,
        }),
        numberField(io, "basins", "steps", {
          label: "iteration budget",
          min: 10,
          max: 200000,
          step: 100,
          integer: true,
        }),
      ),
      el("p", {
        class: "field-msg",
        id: "basins-teacher",
        text: `Teacher and η from the CNN view: k = ${cnn.k}, (1ᵀa*)²/‖a*‖² = ${cnn.ratio}, ‖a*‖ = ${cnn.aNorm}, η = ${cnn.eta}.`,
      }),
    ];
  },
  buttons: { run: { id: "basins-run", label: "Recompute" }, cancel: "basins-cancel" },
  compute: (state) => {
    const n = state.basins.resolution;
    const rows = Array.from({ length: n }, (_, j) => j);
    return {
      calls: shareOut(rows, workerCount()).map((mine) =>
        call("cnnBasins", { cnn: state.cnn, basins: state.basins, rows: mine }),
      ),
      total: n * n,
      combine: (parts) => (parts as (BasinCell[] | undefined)[]).flatMap((p) => p ?? []),
      count: (cells) => cells.length,
    };
  },
  status: {
    id: "basins-progress-text",
    barId: "basins-progress",
    starting: () => "computing…",
    progress: (done, total) => `${done} of ${total} starts`,
    finished: (_cells, total) => `done: ${total} starts`,
    cancelled: (done, total) => `cancelled after ${done} of ${total}`,
    announce: () => "Basins computed",
  },
  output: (io) => basinsOutput(io),
  exports: {
    name: "minima-basins",
    data: (state, cells) => ({ cnn: state.cnn, basins: state.basins, cells: cells ?? [] }),
    csv: (cells = []) => [
      ["phi0", "c0", "outcome", "steps"],
      ...cells.map((c) => [c.phi0, c.c0, c.outcome, c.steps]),
    ],
    command: () => undefined,
  },
  explain: () =>
    explainAside(
      "Each cell is one start of Algorithm 1: the filter at angle φ₀ from w*, the output layer " +
        "a₀ = c₀·(a*)/‖a*‖. Its colour is where gradient descent ends. The dashed lines cut the plane " +
        "into the quadrants of Theorems 4.1 and 4.3: starts with φ₀ < π/2 and a₀ᵀa* > 0 (top left) " +
        "always reach the global minimum; the spurious basin lies right of π/2 and shrinks as " +
        "(1ᵀa*)²/‖a*‖² grows, vanishing past (k+π−1)/π. Starts outside the good quadrant may still " +
        "be rescued: the theorems give sufficient conditions, the grid shows the whole basin.",
      paperNote(
        "Du, Lee, Tian, Póczos & Singh, ICML 2018",
        "1712.00779",
        "docs/du-cnn.md#random-starts-and-the-good-region",
      ),
    ),
});
