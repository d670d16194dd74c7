/**
 * The Tian view (Tian 2017, §4): the population-gradient flow of a two-layer ReLU network with an
 * orthonormal teacher, reduced by symmetry to the (x, y) plane, w_j = x·w*_j + y·Σ_{k≠j} w*_k. The
 * vector field for the chosen K, the saddle (x*_K, x*_K) and the optimum (1, 0), and trajectories from
 * starts that you add by clicking on the plane (or by typing them).
 */

import { tianCommand } from "../commands.js";
import { TIAN_X_DOMAIN, TIAN_Y_DOMAIN, type TianPicture, type TianRun } from "../compute/tian.js";
import { exportBar, refreshExportBar } from "../export.js";
import {
  figureBox,
  OKABE_ITO,
  OUTCOME_COLOURS,
  Plot,
  plotScales,
  plotSvg,
  REFERENCE_COLOUR,
} from "../figures.js";
import { Cancelled, type Job } from "../rpc.js";
import type { TianState } from "../state.js";
import { button, el, explainAside, fmt, numberControl, paperNote, viewLayout } from "../ui.js";
import type { View } from "./view.js";

const X_DOMAIN = TIAN_X_DOMAIN;
const Y_DOMAIN = TIAN_Y_DOMAIN;
const LIMIT_COLOURS: Record<string, string> = {
  teacher: OUTCOME_COLOURS.global,
  saddle: OUTCOME_COLOURS.saddle,
  singular: OUTCOME_COLOURS.diverged,
  other: OUTCOME_COLOURS.unconverged,
};

function tianFigure(picture: TianPicture): SVGSVGElement {
  const arrows = picture.field.map((a) => ({ ...a, angle: (Math.atan2(a.dx, a.dy) * 180) / Math.PI }));
  const paths = picture.runs.flatMap((run, i) => run.points.map(([x, y]) => ({ x, y, run: i })));
  return plotSvg({
    width: 600,
    height: 520,
    marginLeft: 50,
    x: { label: "x (weight on one's own teacher vector)", domain: [...X_DOMAIN] },
    y: { label: "y (weight on each other teacher vector)", domain: [...Y_DOMAIN] },
    color: { type: "log", scheme: "greys", range: [0.35, 0.9] },
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: REFERENCE_COLOUR, strokeDasharray: "5,4" },
      ),
      Plot.vector(arrows, {
        x: "x",
        y: "y",
        rotate: "angle",
        length: 11,
        stroke: "speed",
        strokeWidth: 1.2,
        anchor: "middle",
      }),
      Plot.line(paths, {
        x: "x",
        y: "y",
        z: "run",
        stroke: (d: { run: number }) => OKABE_ITO[d.run % 6],
        strokeWidth: 2.5,
      }),
      Plot.dot(
        picture.runs.map((r, i) => ({ x: r.start[0], y: r.start[1], run: i })),
        {
          x: "x",
          y: "y",
          r: 5,
          fill: "white",
          stroke: (d: { run: number }) => OKABE_ITO[d.run % 6],
          strokeWidth: 2,
        },
      ),
      Plot.dot(
        [
          {
            x: picture.saddle,
            y: picture.saddle,
            label: `saddle x*_K = ${fmt(picture.saddle, 4)}`,
            symbol: "triangle",
          },
          { x: 1, y: 0, label: "optimum w_j = w*_j", symbol: "star" },
        ],
        { x: "x", y: "y", symbol: "symbol", r: 9, fill: "white", stroke: "black", strokeWidth: 1.5 },
      ),
      Plot.text(
        [
          {
            x: picture.saddle,
            y: picture.saddle,
            label: `saddle (x*_K, x*_K), x*_K = ${fmt(picture.saddle, 4)}`,
          },
          { x: 1, y: 0, label: "optimum (1, 0)" },
        ],
        {
          x: "x",
          y: "y",
          text: "label",
          dy: -16,
          fill: "black",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        },
      ),
    ],
  });
}

export const tianView: View = {
  id: "tian",
  title: "Two-layer ReLU (Tian)",
  mount(root, context) {
    const s = () => context.state().tian;
    let job: Job<TianPicture> | undefined;
    let picture: TianPicture | undefined;
    let figure: SVGSVGElement | null = null;
    const set = (patch: Partial<TianState>) => {
      context.update((state) => ({ ...state, tian: { ...state.tian, ...patch } }));
      compute();
    };
    const addStart = (x: number, y: number) => {
      const starts = [...s().starts, [x, y] as [number, number]].slice(-12);
      set({ starts });
    };
    const status = el("div", { class: "progress", id: "tian-status", "aria-live": "polite" });
    const startX = el("input", {
      id: "tian-start-x",
      type: "number",
      step: 0.01,
      min: -2,
      max: 2,
      value: 0.5,
      "aria-label": "start x",
    });
    const startY = el("input", {
      id: "tian-start-y",
      type: "number",
      step: 0.01,
      min: -2,
      max: 2,
      value: 0.1,
      "aria-label": "start y",
    });
    const controls = el(
      "form",
      { class: "controls", "aria-label": "Tian controls" },
      el(
        "fieldset",
        {},
        el("legend", { text: "Network and descent" }),
        numberControl({
          id: "tian-K",
          label: "hidden units K",
          value: s().K,
          min: 2,
          max: 100,
          step: 1,
          integer: true,
          slider: true,
          onChange: (K) => set({ K }),
        }),
        numberControl({
          id: "tian-eta",
          label: "step size η",
          value: s().eta,
          min: 1e-4,
          max: 1,
          step: 0.001,
          onChange: (eta) => set({ eta }),
        }),
        numberControl({
          id: "tian-steps",
          label: "iterations",
          value: s().steps,
          min: 10,
          max: 200000,
          step: 100,
          integer: true,
          onChange: (steps) => set({ steps }),
        }),
      ),
      el(
        "fieldset",
        {},
        el("legend", { text: "Starts (click the plane to add one)" }),
        el("div", { class: "field" }, el("label", { for: "tian-start-x", text: "x" }), startX),
        el("div", { class: "field" }, el("label", { for: "tian-start-y", text: "y" }), startY),
        el(
          "div",
          { class: "buttons" },
          button(
            "Add start",
            () => {
              const x = Number(startX.value);
              const y = Number(startY.value);
              if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 2 && Math.abs(y) <= 2)
                addStart(x, y);
            },
            { id: "tian-add" },
          ),
          button("Symmetric start", () => addStart(0.2, 0.2), { id: "tian-add-symmetric" }),
          button("Nearly symmetric start", () => addStart(0.2, 0.199), { id: "tian-add-broken" }),
          button("Clear", () => set({ starts: [] }), { id: "tian-clear" }),
        ),
      ),
      status,
    );
    controls.addEventListener("submit", (e) => e.preventDefault());
    const holder = el("div", { id: "tian-figure-holder" });
    const table = el("table", { class: "results", id: "tian-table" });
    const exporter = exportBar({
      name: "minima-tian",
      figure: () => figure,
      data: () => ({ state: s(), picture }),
      csv: () => [
        ["run", "step", "x", "y"],
        ...(picture?.runs ?? []).flatMap((r, i) => r.points.map(([x, y], j) => [i, r.steps[j], x, y])),
      ],
      command: () => tianCommand(s()),
    });
    root.append(
      viewLayout({
        id: "view-tian",
        controls,
        title: "Symmetry breaking in a two-layer ReLU network",
        figures: [holder, table, exporter],
        explain: explainAside(
          "Population gradient descent on a two-layer ReLU network with K hidden units and an orthonormal " +
            "teacher keeps the form w_j = x·w*_j + y·Σ_{k≠j} w*_k, so it is a flow in the plane (Tian 2017, eqs. 16–17). " +
            "Arrows show its direction (darker: faster).",
          "Theorem 4.1: from a symmetric start x = y the flow stays on the diagonal and converges to the " +
            "saddle (x*_K, x*_K); from any start with x > y in (0, 1]² it converges to the optimum (1, 0). An " +
            "infinitesimal asymmetry is enough to break the symmetry.",
          paperNote("Tian, ICML 2017", "1703.00560", "§4 of the notes tian2017-relu.md"),
        ),
      }),
    );

    function draw(): void {
      if (!picture) return;
      figure = tianFigure(picture);
      figure.style.cursor = "crosshair";
      figure.addEventListener("click", (event) => {
        if (!figure) return;
        const box = figure.getBoundingClientRect();
        const scale = figure.viewBox.baseVal.width / box.width || 1;
        const px = (event.clientX - box.left) * scale;
        const py = (event.clientY - box.top) * scale;
        const map = plotScales(figure);
        const x =
          X_DOMAIN[0] +
          ((px - map.x(X_DOMAIN[0])) / (map.x(X_DOMAIN[1]) - map.x(X_DOMAIN[0]))) *
            (X_DOMAIN[1] - X_DOMAIN[0]);
        const y =
          Y_DOMAIN[0] +
          ((py - map.y(Y_DOMAIN[0])) / (map.y(Y_DOMAIN[1]) - map.y(Y_DOMAIN[0]))) *
            (Y_DOMAIN[1] - Y_DOMAIN[0]);
        if (x >= X_DOMAIN[0] && x <= X_DOMAIN[1] && y >= Y_DOMAIN[0] && y <= Y_DOMAIN[1])
          addStart(Number(x.toFixed(3)), Number(y.toFixed(3)));
      });
      holder.replaceChildren(
        figureBox(
          figure,
          "The (x, y) flow; dashed: the diagonal x = y; triangle: the saddle; star: the optimum. Click to add a start.",
          "tian-figure",
        ),
      );
      table.replaceChildren(
        el(
          "tr",
          {},
          ...["start (x, y)", "end (x, y)", "limit", "iterations"].map((h) => el("th", { text: h })),
        ),
        ...picture.runs.map((r: TianRun, i) =>
          el(
            "tr",
            { "data-run": i },
            el("td", { text: `(${fmt(r.start[0], 4)}, ${fmt(r.start[1], 4)})` }),
            el("td", { text: `(${fmt(r.end[0])}, ${fmt(r.end[1])})` }),
            el("td", { text: r.outcome, style: `color:${LIMIT_COLOURS[r.outcome] ?? "inherit"}` }),
            el("td", { text: String(r.steps[r.steps.length - 1]) }),
          ),
        ),
      );
      refreshExportBar(exporter);
    }

    function compute(): void {
      job?.cancel();
      status.textContent = "computing…";
      const current = context.pool.call("tianPicture", s());
      job = current;
      current.promise.then(
        (p) => {
          if (job !== current) return;
          picture = p;
          draw();
          status.textContent = `${p.runs.length} trajectories`;
          context.announce(`Tian flow for K = ${s().K}`);
        },
        (error: unknown) => {
          if (!(error instanceof Cancelled)) status.textContent = `cannot run: ${String(error)}`;
        },
      );
    }

    compute();
    return { unmount: () => job?.cancel() };
  },
};
