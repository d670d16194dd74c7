/**
 * The Tian view (Tian 2017, Sec. 4; docs/tian.md#the-two-dimensional-dynamics): the population-gradient
 * flow of a two-layer ReLU network with an orthonormal teacher, reduced by symmetry to the (x, y)
 * plane, w_j = x·w*_j + y·Σ_{k≠j} w*_k. The
 * vector field for the chosen K, the saddle (x*_K, x*_K) and the optimum (1, 0), and trajectories from
 * starts that you add by clicking on the plane (or by typing them).
 */
import { tianCommand } from "../../commands.js";
import type { TianPicture } from "../../compute/tian.js";
import { single } from "../../run-cycle.js";
import { button, el, explainAside, paperNote } from "../../ui.js";
import { defineView, type ViewIO } from "../define.js";
import { numberField } from "../fields.js";
import { tianOutput } from "./output.js";

/** Adds a start (the last 12 are kept). */
function adder(io: ViewIO<"tian">): (x: number, y: number) => void {
  return (x, y) => io.set({ starts: [...io.state().starts, [x, y] as [number, number]].slice(-12) });
}

function startFields(io: ViewIO<"tian">): HTMLElement {
  const addStart = adder(io);
  const coordinate = (axis: "x" | "y", value: number) =>
    el("input", {
      id: `tian-start-${axis}`,
      type: "number",
      step: 0.01,
      min: -2,
      max: 2,
      value,
      "aria-label": `start ${axis}`,
    });
  const startX = coordinate("x", 0.5);
  const startY = coordinate("y", 0.1);
  const addTyped = () => {
    const x = Number(startX.value);
    const y = Number(startY.value);
    if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 2 && Math.abs(y) <= 2) addStart(x, y);
  };
  return el(
    "fieldset",
    {},
    el("legend", { text: "Starts (click the plane to add one)" }),
    el("div", { class: "field" }, el("label", { for: "tian-start-x", text: "x" }), startX),
    el("div", { class: "field" }, el("label", { for: "tian-start-y", text: "y" }), startY),
    el(
      "div",
      { class: "buttons" },
      button("Add start", addTyped, { id: "tian-add" }),
      button("Symmetric start", () => addStart(0.2, 0.2), { id: "tian-add-symmetric" }),
      button("Nearly symmetric start", () => addStart(0.2, 0.199), { id: "tian-add-broken" }),
      button("Clear", () => io.set({ starts: [] }), { id: "tian-clear" }),
    ),
  );
}

export const tianView = defineView<"tian", TianPicture>({
  id: "tian",
  title: "Two-layer ReLU (Tian)",
  heading: "Symmetry breaking in a two-layer ReLU network",
  formLabel: "Tian controls",
  controls: (io) => [
    el(
      "fieldset",
      {},
      el("legend", { text: "Network and descent" }),
      numberField(io, "tian", "K", {
        label: "hidden units K",
        min: 2,
        max: 100,
        step: 1,
        integer: true,
        slider: true,
      }),
      numberField(io, "tian", "eta", { label: "step size η", min: 1e-4, max: 1, step: 0.001 }),
      numberField(io, "tian", "steps", {
        label: "iterations",
        min: 10,
        max: 200000,
        step: 100,
        integer: true,
      }),
    ),
    startFields(io),
  ],
  compute: (state) => single("tianPicture", state.tian),
  status: {
    id: "tian-status",
    starting: () => "computing…",
    finished: (p) => `${p.runs.length} trajectories`,
    announce: (p) => `Tian flow for K = ${p.K}`,
  },
  output: (io) => tianOutput(adder(io)),
  exports: {
    name: "minima-tian",
    data: (state, picture) => ({ state: state.tian, picture }),
    csv: (picture) => [
      ["run", "step", "x", "y"],
      ...(picture?.runs ?? []).flatMap((r, i) => r.points.map(([x, y], j) => [i, r.steps[j], x, y])),
    ],
    command: (state) => tianCommand(state.tian),
  },
  explain: () =>
    explainAside(
      "Population gradient descent on a two-layer ReLU network with K hidden units and an orthonormal " +
        "teacher keeps the form w_j = x·w*_j + y·Σ_{k≠j} w*_k, so it is a flow in the plane (Tian 2017, eqs. 16–17). " +
        "Arrows show its direction (longer: faster).",
      "Theorem 4.1: from a symmetric start x = y the flow stays on the diagonal and converges to the " +
        "saddle (x*_K, x*_K); from any start with x > y in (0, 1]² it converges to the optimum (1, 0). An " +
        "infinitesimal asymmetry is enough to break the symmetry.",
      paperNote("Tian, ICML 2017", "1703.00560", "docs/tian.md#the-two-dimensional-dynamics"),
    ),
});
