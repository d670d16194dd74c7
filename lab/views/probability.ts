/**
 * The Probability view: a small sweep of P(global) over k and (1ᵀa*)²/‖a*‖² with 95% Wilson
 * intervals, the theory's threshold (k+π−1)/π (past it there is no spurious minimum, so P = 1) and
 * the 1/4 lower bound of Theorem 4.2. Cells are shared out among workers; Cancel stops them.
 */

import { spuriousRatioThreshold } from "../../src/models/cnn/protocol.js";
import { probabilityCommand } from "../commands.js";
import { type CellCounts, type CellSummary, probabilityCells, summarise } from "../compute/probability.js";
import { exportBar, refreshExportBar } from "../export.js";
import { figureBox, OKABE_ITO, Plot, plotSvg, REFERENCE_COLOUR } from "../figures.js";
import { Cancelled, type Job } from "../rpc.js";
import type { ProbabilityState } from "../state.js";
import { button, el, explainAside, fmt, numberControl, paperNote, textControl, viewLayout } from "../ui.js";
import type { View } from "./view.js";

function listProblem(
  text: string,
  min: number,
  max: number,
  integer: boolean,
  maxLength: number,
): string | undefined {
  const items = text.split(",").map((s) => (s.trim() === "" ? Number.NaN : Number(s)));
  if (items.length > maxLength) return `at most ${maxLength} values`;
  if (items.some((x) => !Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))))
    return `comma-separated ${integer ? "integers" : "numbers"} from ${min} to ${max}`;
  return undefined;
}

function probabilityFigure(cells: readonly CellSummary[], ks: readonly number[]): SVGSVGElement {
  const colour = (k: number) => OKABE_ITO[ks.indexOf(k) % OKABE_ITO.length];
  const thresholds = ks.map((k) => ({ k, x: spuriousRatioThreshold(k) }));
  const maxRatio = Math.max(...cells.map((c) => c.ratio), 1);
  // Side by side: each k's intervals are shifted a little so that they do not hide each other.
  const shifted = (d: CellSummary) =>
    d.ratio + (ks.indexOf(d.k) - (ks.length - 1) / 2) * 0.012 * (maxRatio + 1);
  return plotSvg({
    width: 640,
    height: 380,
    marginLeft: 56,
    x: { label: "(1ᵀa*)²/‖a*‖²", domain: [-0.5, Math.max(maxRatio, ...thresholds.map((t) => t.x)) + 1] },
    y: { label: "P(global minimum)", domain: [0, 1.05], grid: true },
    marks: [
      Plot.ruleY([0.25], { stroke: REFERENCE_COLOUR, strokeDasharray: "6,4", strokeWidth: 1.5 }),
      Plot.text([0.25], {
        y: (d: number) => d,
        frameAnchor: "right",
        text: () => "Theorem 4.2: P ≥ 1/4",
        dy: -8,
        fill: REFERENCE_COLOUR,
      }),
      Plot.ruleX(thresholds, { x: "x", stroke: (d: { k: number }) => colour(d.k), strokeDasharray: "3,3" }),
      Plot.text(thresholds, {
        x: "x",
        frameAnchor: "bottom",
        text: (d: { k: number }) => `(k+π−1)/π, k=${d.k}`,
        rotate: -90,
        dx: -6,
        textAnchor: "start",
        fill: (d: { k: number }) => colour(d.k),
      }),
      Plot.ruleX(cells, {
        x: shifted,
        y1: "lo",
        y2: "hi",
        stroke: (d: CellSummary) => colour(d.k),
        strokeWidth: 2.5,
      }),
      Plot.dot(cells, {
        x: shifted,
        y: "pGlobal",
        fill: (d: CellSummary) => colour(d.k),
        r: 4.5,
        stroke: "white",
        title: (d: CellSummary) => `k=${d.k}, ratio=${d.ratio}: ${d.counts.global ?? 0}/${d.n} global`,
      }),
      Plot.line(cells, {
        x: "ratio",
        y: "pGlobal",
        z: "k",
        stroke: (d: CellSummary) => colour(d.k),
        strokeOpacity: 0.5,
      }),
    ],
  });
}

export const probabilityView: View = {
  id: "probability",
  title: "Probability",
  mount(root, context) {
    const s = () => context.state().probability;
    let jobs: Job<CellCounts[]>[] = [];
    let summaries: CellSummary[] = [];
    let figure: SVGSVGElement | null = null;
    let generation = 0;
    const set = (patch: Partial<ProbabilityState>) => {
      context.update((state) => ({ ...state, probability: { ...state.probability, ...patch } }));
      compute();
    };
    const num = (
      id: keyof ProbabilityState,
      label: string,
      min: number,
      max: number,
      step: number,
      integer: boolean,
    ) =>
      numberControl({
        id: `prob-${id}`,
        label,
        value: s()[id] as number,
        min,
        max,
        step,
        integer,
        onChange: (value) => set({ [id]: value } as Partial<ProbabilityState>),
      });
    const progressBar = el("progress", { id: "prob-progress", max: 1, value: 0 });
    const progressText = el("span", { id: "prob-progress-text", "aria-live": "polite" });
    const cancelButton = button("Cancel", () => cancel(true), { id: "prob-cancel" });
    const controls = el(
      "form",
      { class: "controls", "aria-label": "Sweep controls" },
      el(
        "fieldset",
        {},
        el("legend", { text: "Grid" }),
        textControl({
          id: "prob-ks",
          label: "patches k",
          value: s().ks.join(","),
          help: "comma-separated",
          validate: (t) => listProblem(t, 1, 400, true, 8),
          onChange: (t) => set({ ks: t.split(",").map(Number) }),
        }),
        textControl({
          id: "prob-ratios",
          label: "(1ᵀa*)²/‖a*‖²",
          value: s().ratios.join(","),
          help: "comma-separated, each at most k",
          validate: (t) => listProblem(t, 0, 400, false, 10),
          onChange: (t) => set({ ratios: t.split(",").map(Number) }),
        }),
        num("trials", "trials per cell", 1, 10000, 10, true),
      ),
      el(
        "fieldset",
        {},
        el("legend", { text: "Each trial" }),
        num("p", "filter size p", 2, 400, 1, true),
        num("aNorm", "‖a*‖", 0.01, 100, 0.1, false),
        num("eta", "step size η (capped at 2π/(k+π−1))", 1e-4, 10, 0.01, false),
        num("steps", "iteration budget", 10, 1000000, 1000, true),
        num("seed", "seed", 0, 2 ** 31 - 1, 1, true),
      ),
      el(
        "div",
        { class: "buttons" },
        button("Run", () => compute(), { id: "prob-run", class: "primary" }),
        cancelButton,
      ),
      el("div", { class: "progress" }, progressBar, progressText),
    );
    controls.addEventListener("submit", (e) => e.preventDefault());
    const holder = el("div", { id: "prob-figure-holder" });
    const table = el("table", { class: "results", id: "prob-table" });
    const exporter = exportBar({
      name: "minima-probability",
      figure: () => figure,
      data: () => ({ state: s(), cells: summaries }),
      csv: () => [
        [
          "k",
          "ratio",
          "trials",
          "global",
          "spurious",
          "other",
          "p_global",
          "wilson_lo",
          "wilson_hi",
          "threshold",
        ],
        ...summaries.map((c) => {
          const g = c.counts.global ?? 0;
          const sp = c.counts.spurious ?? 0;
          return [c.k, c.ratio, c.n, g, sp, c.n - g - sp, c.pGlobal, c.lo, c.hi, c.threshold];
        }),
      ],
      command: () => probabilityCommand(s()),
    });
    root.append(
      viewLayout({
        id: "view-probability",
        controls,
        title: "How often does random initialisation find the global minimum?",
        figures: [holder, table, exporter],
        explain: explainAside(
          "The fraction of random starts (v₀ uniform on the sphere, a₀ uniform in the ball of radius " +
            "|1ᵀa*|/√k) from which Algorithm 1 reaches the global minimum, with 95% Wilson intervals. " +
            "Theorem 4.2: the good quadrant has probability 1/4, so P(global) ≥ 1/4 always; at " +
            "(1ᵀa*)² = 0 it is exactly 1/2. Past the threshold (k+π−1)/π there is no spurious minimum and " +
            "every run succeeds.",
          paperNote(
            "Du, Lee, Tian, Póczos & Singh, ICML 2018",
            "1712.00779",
            "§5.3 and §8 of the notes du2018-cnn.md",
          ),
        ),
      }),
    );

    function draw(counts: readonly CellCounts[]): void {
      summaries = counts.filter((c) => c.n > 0).map(summarise);
      figure = probabilityFigure(summaries, s().ks);
      holder.replaceChildren(
        figureBox(
          figure,
          "P(global) per cell with 95% Wilson intervals; dashed: the 1/4 bound and each k's threshold.",
          "prob-figure",
        ),
      );
      table.replaceChildren(
        el(
          "tr",
          {},
          ...["k", "ratio", "trials", "global", "spurious", "other", "P(global)", "95% interval"].map((h) =>
            el("th", { text: h }),
          ),
        ),
        ...summaries.map((c) => {
          const g = c.counts.global ?? 0;
          const sp = c.counts.spurious ?? 0;
          return el(
            "tr",
            { "data-cell": `${c.k}:${c.ratio}` },
            ...[
              c.k,
              c.ratio,
              c.n,
              g,
              sp,
              c.n - g - sp,
              fmt(c.pGlobal, 4),
              `[${fmt(c.lo, 4)}, ${fmt(c.hi, 4)}]`,
            ].map((v) => el("td", { text: String(v) })),
          );
        }),
      );
      refreshExportBar(exporter);
    }

    function cancel(byUser: boolean): void {
      for (const job of jobs) job.cancel();
      if (byUser && jobs.length > 0) {
        progressText.textContent = `cancelled at ${progressBar.value} of ${progressBar.max} trials`;
        context.announce("Sweep cancelled");
      }
      jobs = [];
      cancelButton.disabled = true;
    }

    function compute(): void {
      cancel(false);
      const gen = ++generation;
      const state = s();
      const cells = probabilityCells(state);
      const total = cells.length * state.trials;
      const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2, cells.length));
      const partial: CellCounts[][] = Array.from({ length: workers }, () => []);
      progressBar.max = Math.max(1, total);
      progressBar.value = 0;
      progressText.textContent = cells.length === 0 ? "no cell has ratio ≤ k" : "running…";
      cancelButton.disabled = cells.length === 0;
      const order = new Map(cells.map((c, i) => [`${c.k}:${c.ratio}`, i]));
      const refresh = () => {
        if (gen !== generation) return;
        const all = partial
          .flat()
          .sort((a, b) => (order.get(`${a.k}:${a.ratio}`) ?? 0) - (order.get(`${b.k}:${b.ratio}`) ?? 0));
        const n = all.reduce((sum, c) => sum + c.n, 0);
        progressBar.value = n;
        if (jobs.length > 0) progressText.textContent = `${n} of ${total} trials`;
        draw(all);
        return n;
      };
      draw([]);
      let finished = 0;
      jobs = Array.from({ length: workers }, (_, w) => {
        const mine = cells.filter((_, i) => i % workers === w);
        const job = context.pool.call("probabilitySweep", { state, cells: mine }, (p) => {
          partial[w] = p.partial as CellCounts[];
          refresh();
        });
        job.promise.then(
          (done) => {
            partial[w] = done;
            finished++;
            if (finished === workers && gen === generation) {
              jobs = [];
              cancelButton.disabled = true;
              refresh();
              progressText.textContent = `done: ${total} trials`;
              context.announce("Sweep finished");
            } else refresh();
          },
          (error: unknown) => {
            if (!(error instanceof Cancelled)) progressText.textContent = `cannot run: ${String(error)}`;
          },
        );
        return job;
      });
    }

    compute();
    return { unmount: () => cancel(false) };
  },
};
