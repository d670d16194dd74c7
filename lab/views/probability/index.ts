/**
 * The Probability view: a small sweep of P(global) over k and (1ᵀa*)²/‖a*‖² with 95% Wilson
 * intervals, the theory's threshold (k+π−1)/π (past it there is no spurious minimum, so P = 1) and
 * the 1/4 lower bound of Theorem 4.2. Cells are shared out among workers; Cancel stops them.
 */
import { probabilityCommand } from "../../commands.js";
import { type CellCounts, probabilityCells } from "../../compute/probability.js";
import { call, shareOut, workerCount } from "../../run-cycle.js";
import { el, explainAside, paperNote } from "../../ui.js";
import { defineView } from "../define.js";
import { listField, type NumberFieldOptions, type NumberKey, numberField } from "../fields.js";
import { probabilityOutput, summaries } from "./output.js";

const CSV_HEADER = [
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
];

export const probabilityView = defineView<"probability", CellCounts[]>({
  id: "probability",
  title: "Probability",
  heading: "How often does random initialisation find the global minimum?",
  formLabel: "Sweep controls",
  controls: (io) => {
    const num = (key: NumberKey<"probability">, options: NumberFieldOptions) =>
      numberField(io, "prob", key, options);
    return [
      el(
        "fieldset",
        {},
        el("legend", { text: "Grid" }),
        listField(io, "prob", "ks", {
          label: "patches k",
          min: 1,
          max: 400,
          maxLength: 8,
          integer: true,
          help: "comma-separated",
        }),
        listField(io, "prob", "ratios", {
          label: "(1ᵀa*)²/‖a*‖²",
          min: 0,
          max: 400,
          maxLength: 10,
          help: "comma-separated, each at most k",
        }),
        num("trials", { label: "trials per cell", min: 1, max: 10000, step: 10, integer: true }),
      ),
      el(
        "fieldset",
        {},
        el("legend", { text: "Each trial" }),
        num("p", { label: "filter size p", min: 2, max: 400, step: 1, integer: true }),
        num("aNorm", { label: "‖a*‖", min: 0.01, max: 100, step: 0.1 }),
        num("eta", { label: "step size η (capped at 2π/(k+π−1))", min: 1e-4, max: 10, step: 0.01 }),
        num("steps", { label: "iteration budget", min: 10, max: 1000000, step: 1000, integer: true }),
        num("seed", { label: "seed", min: 0, max: 2 ** 31 - 1, step: 1, integer: true }),
      ),
    ];
  },
  buttons: { run: { id: "prob-run", label: "Run" }, cancel: "prob-cancel" },
  compute: (state) => {
    const s = state.probability;
    const cells = probabilityCells(s);
    const order = new Map(cells.map((c, i) => [`${c.k}:${c.ratio}`, i]));
    const at = (c: CellCounts) => order.get(`${c.k}:${c.ratio}`) ?? 0;
    return {
      calls:
        cells.length === 0
          ? []
          : shareOut(cells, workerCount(cells.length)).map((mine) =>
              call("probabilitySweep", { state: s, cells: mine }),
            ),
      total: cells.length * s.trials,
      combine: (parts) =>
        (parts as (CellCounts[] | undefined)[]).flatMap((p) => p ?? []).sort((a, b) => at(a) - at(b)),
      count: (counts) => counts.reduce((sum, c) => sum + c.n, 0),
    };
  },
  status: {
    id: "prob-progress-text",
    barId: "prob-progress",
    starting: (_state, total) => (total === 0 ? "no cell has ratio ≤ k" : "running…"),
    progress: (done, total) => `${done} of ${total} trials`,
    finished: (_counts, total) => (total === 0 ? "no cell has ratio ≤ k" : `done: ${total} trials`),
    cancelled: (done, total) => `cancelled at ${done} of ${total} trials`,
    announce: () => "Sweep finished",
    announceCancel: "Sweep cancelled",
  },
  output: (io) => probabilityOutput(io),
  exports: {
    name: "minima-probability",
    data: (state, counts) => ({ state: state.probability, cells: summaries(counts ?? []) }),
    csv: (counts) => [
      CSV_HEADER,
      ...summaries(counts ?? []).map((c) => {
        const g = c.counts.global ?? 0;
        const sp = c.counts.spurious ?? 0;
        return [c.k, c.ratio, c.n, g, sp, c.n - g - sp, c.pGlobal, c.lo, c.hi, c.threshold];
      }),
    ],
    command: (state) => probabilityCommand(state.probability),
  },
  explain: () =>
    explainAside(
      "The fraction of random starts (v₀ uniform on the sphere, a₀ uniform in the ball of radius " +
        "|1ᵀa*|/√k) from which Algorithm 1 reaches the global minimum, with 95% Wilson intervals. " +
        "Theorem 4.2: the good quadrant has probability 1/4, so P(global) ≥ 1/4 always; at " +
        "(1ᵀa*)² = 0 it is exactly 1/2. Past the threshold (k+π−1)/π there is no spurious minimum and " +
        "every run succeeds.",
      paperNote(
        "Du, Lee, Tian, Póczos & Singh, ICML 2018",
        "1712.00779",
        "docs/du-cnn.md#the-success-table-protocol",
      ),
    ),
});
