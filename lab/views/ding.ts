/**
 * The Ding view (Ding, Li & Sun 2019): choose an activation, the hidden widths and the data size;
 * the library builds the sub-optimal local minimum, checks its certificate, computes the exact
 * Hessian spectrum (with the predicted number of zero modes) and walks the escape path along the
 * flat valley. The whole protocol runs in a worker and can be cancelled.
 */
import { activationNames } from "../../src/activations/registry.js";
import { dingCommand } from "../commands.js";
import type { DingSummary } from "../compute/ding.js";
import { exportBar, refreshExportBar } from "../export.js";
import { figureBox, OKABE_ITO, Plot, plotSvg, REFERENCE_COLOUR } from "../figures.js";
import { Cancelled, type Job } from "../rpc.js";
import type { DingState } from "../state.js";
import {
  button,
  el,
  explainAside,
  fmt,
  numberControl,
  paperNote,
  selectControl,
  textControl,
  viewLayout,
} from "../ui.js";
import type { View } from "./view.js";

function spectrumFigure(r: NonNullable<DingSummary["certificate"]>): SVGSVGElement {
  const floor = Math.min(r.zeroThreshold / 100, 1e-12);
  const data = r.eigenvalues.map((value, i) => ({
    i: i + 1,
    magnitude: Math.max(Math.abs(value), floor),
    value,
    kind: Math.abs(value) <= r.zeroThreshold ? "zero mode" : value < 0 ? "negative" : "positive",
  }));
  return plotSvg({
    width: 460,
    height: 300,
    marginLeft: 60,
    x: { label: "eigenvalue number (ascending)" },
    y: { label: "|λ| of the Hessian", type: "log", grid: true },
    color: {
      domain: ["negative", "zero mode", "positive"],
      range: [OKABE_ITO[1], OKABE_ITO[4], OKABE_ITO[0]],
    },
    marks: [
      Plot.ruleY([r.zeroThreshold], { stroke: REFERENCE_COLOUR, strokeDasharray: "4,3" }),
      Plot.text([r.zeroThreshold], {
        y: (d: number) => d,
        frameAnchor: "left",
        dx: 4,
        dy: -7,
        textAnchor: "start",
        text: () => "zero-mode threshold",
        fill: REFERENCE_COLOUR,
      }),
      Plot.dot(data, {
        x: "i",
        y: "magnitude",
        fill: "kind",
        r: 4,
        title: (d: { value: number }) => `λ = ${fmt(d.value)}`,
      }),
    ],
  });
}

function escapeFigure(e: NonNullable<DingSummary["escape"]>): SVGSVGElement {
  const ref = e.referenceLoss;
  const rows = [
    ...e.valley.map((p) => ({ s: p.t, d: p.loss - ref, path: "valley" })),
    { s: 1, d: 0, path: "descent" },
    ...e.descent.map((p) => ({ s: 1 + p.t, d: p.loss - ref, path: "descent" })),
  ];
  return plotSvg({
    width: 460,
    height: 300,
    marginLeft: 80,
    x: { label: "valley: 0 → 1, then W₁ = t·q uᵀ: 1 + t" },
    y: { label: "L − L*", grid: true, tickFormat: (v: number) => fmt(v, 2) },
    color: { domain: ["valley", "descent"], range: [OKABE_ITO[0], OKABE_ITO[2]] },
    marks: [
      Plot.ruleY([0], { stroke: REFERENCE_COLOUR, strokeDasharray: "4,3" }),
      Plot.ruleX([1], { stroke: "#bbb" }),
      Plot.line(rows, { x: "s", y: "d", stroke: "path", strokeWidth: 2 }),
      Plot.dot(rows, { x: "s", y: "d", fill: "path", r: 3 }),
    ],
  });
}

export const dingView: View = {
  id: "ding",
  title: "Sub-optimal minima (Ding)",
  mount(root, context) {
    const s = () => context.state().ding;
    let job: Job<DingSummary> | undefined;
    let result: DingSummary | undefined;
    let figures: SVGSVGElement[] = [];
    const set = (patch: Partial<DingState>) => {
      context.update((state) => ({ ...state, ding: { ...state.ding, ...patch } }));
      compute();
    };
    const status = el("div", { class: "progress", id: "ding-status", "aria-live": "polite" });
    const cancelButton = button("Cancel", () => cancel(), { id: "ding-cancel" });
    const controls = el(
      "form",
      { class: "controls", "aria-label": "Ding controls" },
      el(
        "fieldset",
        {},
        el("legend", { text: "Network and data" }),
        selectControl({
          id: "ding-activation",
          label: "activation",
          value: s().activation,
          choices: activationNames().map((n) => ({ value: n, label: n })),
          onChange: (activation) => set({ activation }),
        }),
        textControl({
          id: "ding-widths",
          label: "hidden widths",
          value: s().widths.join(","),
          help: "comma-separated, e.g. 10 or 4,3",
          validate: (t) => {
            const w = t.split(",").map((x) => (x.trim() === "" ? Number.NaN : Number(x)));
            return w.length <= 4 && w.every((x) => Number.isInteger(x) && x >= 1 && x <= 64)
              ? undefined
              : "1 to 4 integers from 1 to 64";
          },
          onChange: (t) => set({ widths: t.split(",").map(Number) }),
        }),
        numberControl({
          id: "ding-inputDim",
          label: "input dimension d₀",
          value: s().inputDim,
          min: 1,
          max: 16,
          step: 1,
          integer: true,
          onChange: (inputDim) => set({ inputDim }),
        }),
        numberControl({
          id: "ding-samples",
          label: "samples N",
          value: s().samples,
          min: 2,
          max: 200,
          step: 1,
          integer: true,
          onChange: (samples) => set({ samples }),
        }),
        selectControl({
          id: "ding-weights",
          label: "downstream weights",
          value: s().weights,
          choices: [
            { value: "random", label: "random in [0.5, 1.5]" },
            { value: "unit", label: "unit (§6.1 example)" },
          ],
          onChange: (weights) => set({ weights }),
        }),
        numberControl({
          id: "ding-seed",
          label: "seed",
          value: s().seed,
          min: 0,
          max: 2 ** 31 - 1,
          step: 1,
          integer: true,
          onChange: (seed) => set({ seed }),
        }),
      ),
      el(
        "div",
        { class: "buttons" },
        button("Build the point", () => compute(), { id: "ding-run", class: "primary" }),
        cancelButton,
      ),
      status,
    );
    controls.addEventListener("submit", (e) => e.preventDefault());
    const verdict = el("p", { id: "ding-verdict", class: "verdict" });
    const readout = el("dl", { class: "readout", id: "ding-readout" });
    const holder = el("div", { class: "row", id: "ding-figures" });
    const exporter = exportBar({
      name: "minima-ding",
      figure: () => figures[0] ?? null,
      data: () => ({ state: s(), result }),
      csv: () => [
        ["index", "eigenvalue"],
        ...(result?.certificate?.eigenvalues ?? []).map((v, i) => [i + 1, v]),
      ],
      command: () => dingCommand(s()),
    });
    root.append(
      viewLayout({
        id: "view-ding",
        controls,
        title: "A sub-optimal local minimum for (almost) any activation",
        figures: [verdict, readout, holder, exporter],
        explain: explainAside(
          "Ding, Li & Sun (2019): for any activation that is smooth with σ'' ≠ 0 somewhere, a network " +
            "of any width and depth has a sub-optimal local minimum on suitable data. The construction: " +
            "first layer zero with its biases at a point where σ'' > 0, positive weights above, output equal " +
            "to the label mean, and labels whose residual has zero mean, no linear part and positive " +
            "definite second moment S.",
          "The certificate measures those conditions; the Hessian has no negative eigenvalue but many " +
            "zero modes (the minimum is not strict: P − d₀·d₁ − 1 are predicted). The escape path keeps the " +
            "loss exactly constant along the flat valley, after which the same move that raised the loss " +
            "lowers it. ReLU and other piecewise-linear activations are outside the theorem.",
          paperNote("Ding, Li & Sun, 2019", "1911.01413", "§2–§4 and §6 of the notes ding2019-suboptimal.md"),
        ),
      }),
    );

    function render(r: DingSummary): void {
      result = r;
      verdict.textContent = `Verdict: ${r.verdict}. ${r.reason}`;
      const c = r.certificate;
      const rows: [string, string, string][] = [["parameters P", String(r.parameters), "ding-parameters"]];
      if (c) {
        rows.push(
          ["loss at the point L*", fmt(c.lossAtPoint), "ding-loss"],
          ["best loss elsewhere", r.bestLoss ? fmt(r.bestLoss.bestLoss) : "—", "ding-best"],
          ["‖∇L‖", fmt(c.gradNorm), "ding-grad"],
          ["R1 = |Σr| (relative)", fmt(c.r1), "ding-r1"],
          ["R2 = ‖Σ r x‖ (relative)", fmt(c.r2), "ding-r2"],
          ["λ_min(s·S)", fmt(c.minEigenvalueS), "ding-min-s"],
          ["λ_min(s·∇²F)", fmt(c.minEigenvalueF), "ding-min-f"],
          ["negative Hessian eigenvalues", String(c.index), "ding-index"],
          ["zero modes (predicted)", `${c.zeroModes} (${c.predictedZeroModes})`, "ding-zero-modes"],
          ["certificate", c.holds ? "holds" : `fails: ${c.failures.join("; ")}`, "ding-holds"],
        );
      }
      if (r.control)
        rows.push(["negative control (one output weight flipped)", r.control.label, "ding-control"]);
      if (r.escape)
        rows.push(
          ["max |L − L*| along the valley", fmt(r.escape.valleyDeviation), "ding-valley"],
          ["curvature after the valley", fmt(r.escape.descentCurvature), "ding-descent-curvature"],
          [
            `same move at the minimum: L − L* at t = ${fmt(r.escape.rise.at(-1)?.t ?? 0)}`,
            fmt((r.escape.rise.at(-1)?.loss ?? r.escape.referenceLoss) - r.escape.referenceLoss),
            "ding-rise",
          ],
        );
      readout.replaceChildren(
        ...rows.flatMap(([k, v, id]) => [el("dt", { text: k }), el("dd", { id, text: v })]),
      );
      figures = [];
      holder.replaceChildren();
      if (c) {
        const spectrum = spectrumFigure(c);
        figures.push(spectrum);
        holder.append(
          figureBox(
            spectrum,
            `Exact Hessian spectrum, |λ| on a log scale; orange: ${c.zeroModes} zero modes (|λ| ≤ ${fmt(c.zeroThreshold, 2)}), blue: positive, vermillion: negative.`,
            "ding-spectrum",
          ),
        );
      }
      if (r.escape) {
        const escapeSvg = escapeFigure(r.escape);
        figures.push(escapeSvg);
        holder.append(
          figureBox(
            escapeSvg,
            "The escape: blue, the loss along the flat valley (constant); green, then moving W₁ off zero lowers it.",
            "ding-escape",
          ),
        );
      }
      refreshExportBar(exporter);
    }

    function cancel(): void {
      if (job) {
        job.cancel();
        job = undefined;
        status.textContent = "cancelled";
        cancelButton.disabled = true;
      }
    }

    function compute(): void {
      job?.cancel();
      status.textContent = "building and certifying…";
      status.classList.remove("error");
      cancelButton.disabled = false;
      const current = context.pool.call("dingRun", s());
      job = current;
      current.promise.then(
        (r) => {
          if (job !== current) return;
          job = undefined;
          cancelButton.disabled = true;
          status.textContent = "done";
          render(r);
          context.announce(`Ding: ${r.verdict}`);
        },
        (error: unknown) => {
          if (error instanceof Cancelled) return;
          cancelButton.disabled = true;
          status.textContent = `cannot run: ${error instanceof Error ? error.message : String(error)}`;
          status.classList.add("error");
        },
      );
    }

    compute();
    return { unmount: () => job?.cancel() };
  },
};
