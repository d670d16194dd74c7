/**
 * Deterministic data for every figure kind: smooth closed-form curves and grids shaped like the
 * report's results, so the snapshot tests pin the drawing code, not the numerics upstream.
 */
import { barChart } from "../../src/figures/bars.js";
import type { Figure } from "../../src/figures/figure.js";
import { heatMap } from "../../src/figures/heat-map.js";
import { intervalPlot } from "../../src/figures/interval-plot.js";
import { landscapeSlice } from "../../src/figures/landscape-slice.js";
import { lineChart } from "../../src/figures/line-chart.js";
import { vectorField } from "../../src/figures/vector-field.js";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function twoPhase(switchAt: number) {
  return range(60).map((i) => {
    const t = i * 10;
    const slow = 0.5 / (1 + t / switchAt);
    return { x: t, y: t < switchAt ? slow : slow * Math.exp(-(t - switchAt) / 25) };
  });
}

export const fixtureFigures: Record<string, () => Figure> = {
  "line-log-with-switch": () =>
    lineChart({
      name: "line-log-with-switch",
      title: "Two phases (fixture)",
      caption: "Slow first phase, then linear convergence after the marked switch.",
      panels: [
        {
          x: { label: "iteration t" },
          y: { label: "loss ℓ_t", log: true },
          series: [
            { label: "seed 1", points: twoPhase(150) },
            { label: "seed 2", points: twoPhase(300) },
          ],
          markers: [
            { series: 0, x: 150 },
            { series: 1, x: 300 },
          ],
        },
        {
          x: { label: "iteration t" },
          y: { label: "angle φ_t (rad)" },
          series: [
            { label: "seed 1", points: range(60).map((i) => ({ x: i * 10, y: 1.5 * Math.exp(-i / 15) })) },
            { label: "seed 2", points: range(60).map((i) => ({ x: i * 10, y: 1.5 * Math.exp(-i / 30) })) },
          ],
          references: [{ y: Math.PI / 2, label: "π/2" }],
        },
      ],
    }),
  "heat-map-threshold": () => {
    const cells = [];
    for (let sk = 5; sk <= 10; sk++) {
      for (let s = 0; s <= 5; s++) {
        const threshold = Math.sqrt((sk * sk + Math.PI - 1) / Math.PI);
        const value = s === 0 ? 0.5 : Math.min(1, 0.5 + 0.5 * (s / threshold) ** 2);
        cells.push({ x: sk, y: s, value });
      }
    }
    return heatMap({
      name: "heat-map-threshold",
      title: "P(global) (fixture)",
      caption: "Success probability rises with the ratio and reaches 1 past the threshold curve.",
      x: { label: "k (patches), √k axis", ticks: [5, 6, 7, 8, 9, 10], tickFormat: (v) => String(v * v) },
      y: { label: "|1ᵀa*|/‖a*‖", ticks: [0, 1, 2, 3, 4, 5] },
      cellWidth: 1,
      cellHeight: 1,
      cells,
      valueLabel: "P(global)",
      curves: [
        {
          label: "threshold (k+π−1)/π",
          points: range(51).map((i) => {
            const sk = 4.5 + (i * 6) / 50;
            return { x: sk, y: Math.sqrt((sk * sk + Math.PI - 1) / Math.PI) };
          }),
        },
      ],
    });
  },
  "interval-plot": () =>
    intervalPlot({
      name: "interval-plot",
      title: "Restarts (fixture)",
      caption: "Measured success within m restarts against the prediction 1 − (1 − p)^m.",
      x: { label: "restarts m" },
      y: { label: "P(success within m)", domain: [0, 1] },
      groups: [
        {
          label: "measured",
          connect: true,
          estimates: range(6).map((i) => {
            const p = 1 - 0.5 ** (i + 1);
            return { x: i + 1, estimate: p, low: p - 0.05, high: Math.min(1, p + 0.05) };
          }),
        },
      ],
      theory: [
        { label: "1 − (3/4)^m bound", points: range(6).map((i) => ({ x: i + 1, y: 1 - 0.75 ** (i + 1) })) },
      ],
      references: [{ y: 0.25, label: "1/4" }],
    }),
  bars: () =>
    barChart({
      name: "bars",
      title: "Success per noise level (fixture)",
      caption: "Success rate with Wilson intervals; black ticks mark the theory value.",
      xLabel: "setting",
      y: { label: "success rate", domain: [0, 1] },
      groupLabels: ["K = 4", "K = 10"],
      bars: [
        { category: "K=4 noise 0", group: 0, value: 1, low: 0.68, high: 1, theory: 1 },
        { category: "K=4 noise 10", group: 0, value: 0.875, low: 0.53, high: 0.98 },
        { category: "K=10 noise 1", group: 1, value: 0.75, low: 0.5, high: 0.9 },
        { category: "K=10 noise 10", group: 1, value: 0.5, low: 0.28, high: 0.72 },
      ],
      theoryLabel: "theory",
    }),
  "landscape-slice": () => {
    const nx = 41;
    const ny = 31;
    const values: number[] = [];
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const x = -1.5 + (3 * i) / (nx - 1);
        const y = -1 + (2 * j) / (ny - 1);
        const loss = Math.min((x - 1) ** 2 + y * y, 0.3 + (x + 1) ** 2 + 2 * y * y) + 1e-3;
        values.push(Math.log10(loss));
      }
    }
    return landscapeSlice({
      name: "landscape-slice",
      title: "Two basins (fixture)",
      caption: "Trajectories end in the global or the spurious basin.",
      x: { label: "α (towards global)", domain: [-1.5, 1.5] },
      y: { label: "β (orthogonal)", domain: [-1, 1] },
      grid: { nx, ny, x0: -1.5, x1: 1.5, y0: -1, y1: 1, values, valueLabel: "log₁₀ ℓ" },
      trajectories: [
        {
          label: "run 1",
          points: range(30).map((i) => ({ x: 0.2 + 0.8 * (1 - 0.9 ** i), y: 0.8 * 0.85 ** i })),
        },
        {
          label: "run 2",
          points: range(30).map((i) => ({ x: -0.2 - 0.8 * (1 - 0.9 ** i), y: -0.7 * 0.85 ** i })),
        },
      ],
      dotEvery: 5,
      points: [
        { x: 1, y: 0, label: "global", symbol: "star" },
        { x: -1, y: 0, label: "spurious", symbol: "triangle" },
      ],
    });
  },
  "vector-field": () => {
    const arrows = [];
    for (let i = 0; i <= 15; i++) {
      for (let j = 0; j <= 9; j++) {
        const x = 0.02 + (i * 1.0) / 15;
        const y = (j * 0.6) / 9;
        arrows.push({ x, y, dx: 1 - x + (x - y) * 0.3, dy: -y + 0.2 * (0.5 - x) });
      }
    }
    return vectorField({
      name: "vector-field",
      title: "Vector field (fixture)",
      caption: "Arrows show the flow; the saddle sits on the diagonal.",
      x: { label: "x", domain: [0, 1.05] },
      y: { label: "y", domain: [0, 0.62] },
      arrows,
      trajectories: [
        {
          label: "from (10⁻³, 0)",
          points: range(40).map((i) => ({ x: 1 - 0.95 ** i, y: 0.3 * Math.sin((i / 40) * Math.PI) })),
        },
      ],
      points: [
        { x: 0.534, y: 0.534, label: "saddle", symbol: "cross" },
        { x: 1, y: 0, label: "w*", symbol: "star" },
      ],
      guides: [
        {
          label: "y = x",
          points: [
            { x: 0, y: 0 },
            { x: 0.62, y: 0.62 },
          ],
        },
      ],
    });
  },
};
