/**
 * The Ding view (Ding, Li & Sun 2019): choose an activation, the hidden widths and the data size;
 * the library builds the sub-optimal local minimum, checks its certificate, computes the exact
 * Hessian spectrum (with the predicted number of zero modes) and walks the escape path along the
 * flat valley. The whole protocol runs in a worker and can be cancelled.
 */
import { activationNames } from "../../../src/activations/registry.js";
import { dingCommand } from "../../commands.js";
import type { DingSummary } from "../../compute/ding.js";
import { single } from "../../run-cycle.js";
import { el, explainAside, paperNote, selectControl } from "../../ui.js";
import { defineView } from "../define.js";
import { listField, numberField } from "../fields.js";
import { dingOutput } from "./output.js";

export const dingView = defineView<"ding", DingSummary>({
  id: "ding",
  title: "Sub-optimal minima (Ding)",
  heading: "A sub-optimal local minimum for (almost) any activation",
  formLabel: "Ding controls",
  controls: (io) => [
    el(
      "fieldset",
      {},
      el("legend", { text: "Network and data" }),
      selectControl({
        id: "ding-activation",
        label: "activation",
        value: io.state().activation,
        choices: activationNames().map((n) => ({ value: n, label: n })),
        onChange: (activation) => io.set({ activation }),
      }),
      listField(io, "ding", "widths", {
        label: "hidden widths",
        min: 1,
        max: 64,
        maxLength: 4,
        integer: true,
        help: "comma-separated, e.g. 10 or 4,3",
        problem: "1 to 4 integers from 1 to 64",
      }),
      numberField(io, "ding", "inputDim", {
        label: "input dimension d₀",
        min: 1,
        max: 16,
        step: 1,
        integer: true,
      }),
      numberField(io, "ding", "samples", { label: "samples N", min: 2, max: 200, step: 1, integer: true }),
      selectControl({
        id: "ding-weights",
        label: "downstream weights",
        value: io.state().weights,
        choices: [
          { value: "random", label: "random in [0.5, 1.5]" },
          { value: "unit", label: "unit (the worked example)" },
        ],
        onChange: (weights) => io.set({ weights }),
      }),
      numberField(io, "ding", "seed", { label: "seed", min: 0, max: 2 ** 31 - 1, step: 1, integer: true }),
    ),
  ],
  buttons: { run: { id: "ding-run", label: "Build the point" }, cancel: "ding-cancel" },
  compute: (state) => single("dingRun", state.ding),
  status: {
    id: "ding-status",
    starting: () => "building and certifying…",
    finished: () => "done",
    cancelled: () => "cancelled",
    announce: (r) => `Ding: ${r.verdict}`,
  },
  output: () => dingOutput(),
  exports: {
    name: "minima-ding",
    data: (state, result) => ({ state: state.ding, result }),
    csv: (result) => [
      ["index", "eigenvalue"],
      ...(result?.certificate?.eigenvalues ?? []).map((v, i) => [i + 1, v]),
    ],
    command: (state) => dingCommand(state.ding),
  },
  explain: () =>
    explainAside(
      "Ding, Li & Sun (2019): for any activation that is smooth with σ'' ≠ 0 somewhere, a network " +
        "of any width and depth has a sub-optimal local minimum on suitable data. The construction: " +
        "first layer zero with its biases at a point where σ'' > 0, positive weights above, output equal " +
        "to the label mean, and labels whose residual has zero mean, no linear part and positive " +
        "definite second moment S.",
      "The certificate measures those conditions; the Hessian has no negative eigenvalue but many " +
        "zero modes (the minimum is not strict: P − d₀·d₁ − 1 are predicted). The escape path keeps the " +
        "loss exactly constant along the flat valley, after which the same move that raised the loss " +
        "lowers it. ReLU and other piecewise-linear activations are outside the theorem.",
      paperNote("Ding, Li & Sun, 2019", "1911.01413", "docs/ding.md"),
    ),
});
