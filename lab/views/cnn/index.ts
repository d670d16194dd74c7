/**
 * The CNN view (Du et al. 2018): the population loss over the (φ, (aᵀa*)/‖a*‖) slice with the global
 * and spurious minima, the WN-GD trajectory animated on it, and live curves of log-loss, φ_t and
 * a_tᵀa* with the phase switch marked.
 */
import { cnnStabilityBoundFor } from "../../../src/models/cnn/protocol.js";
import { cnnCommand } from "../../commands.js";
import type { CnnRunResult } from "../../compute/cnn.js";
import { single } from "../../run-cycle.js";
import type { CnnState } from "../../state.js";
import { button, el, explainAside, fmt, numberControl, paperNote, selectControl } from "../../ui.js";
import { defineView } from "../define.js";
import { type NumberKey, numberField } from "../fields.js";
import { cnnOutput } from "./output.js";

/**
 * The CLI's warning for a step at or above the stability bound (src/cli/cnn-train.ts), from the same
 * library function: the lab's CNN is ReLU, whose bound is 4π/(k+π−1).
 */
export function stabilityWarning(s: Pick<CnnState, "k" | "eta">): string | undefined {
  const bound = cnnStabilityBoundFor("relu", s.k);
  return s.eta >= bound
    ? `η = ${s.eta} is at or above the stability bound 4π/(k+π−1) = ${fmt(bound, 4)}: the a-layer of GD diverges.`
    : undefined;
}

export const cnnView = defineView<"cnn", CnnRunResult>({
  id: "cnn",
  title: "CNN (Du et al.)",
  heading: "One-hidden-layer CNN: the two minima and the two phases",
  formLabel: "CNN controls",
  controls: (io) => {
    const field = (
      key: NumberKey<"cnn">,
      label: string,
      min: number,
      max: number,
      step: number,
      integer: boolean,
      help?: string,
    ) => numberField(io, "cnn", key, { label, min, max, step, integer, help, slider: true });
    return [
      el(
        "fieldset",
        {},
        el("legend", { text: "Teacher and network" }),
        field("k", "patches k", 1, 400, 1, true),
        field("p", "filter size p", 1, 400, 1, true, "with p = 1 the filter is ±w*: φ is 0 or π"),
        field("ratio", "(1ᵀa*)²/‖a*‖²", 0, 400, 0.5, false, "at most k"),
        field("aNorm", "‖a*‖", 0.01, 100, 0.1, false),
      ),
      el(
        "fieldset",
        {},
        el("legend", { text: "Gradient descent" }),
        field("eta", "step size η", 1e-4, 10, 0.01, false),
        field("steps", "iteration budget", 10, 200000, 100, true),
        // a new seed or trial means a new random start: it replaces one chosen on the landscape
        numberControl({
          id: "cnn-seed",
          label: "seed",
          value: io.state().seed,
          min: 0,
          max: 2 ** 31 - 1,
          step: 1,
          integer: true,
          slider: true,
          onChange: (seed) => io.set({ seed, start: [] }),
        }),
        numberControl({
          id: "cnn-trial",
          label: "trial index",
          value: io.state().trial,
          min: 0,
          max: 1_000_000,
          step: 1,
          integer: true,
          slider: true,
          onChange: (trial) => io.set({ trial, start: [] }),
        }),
        selectControl({
          id: "cnn-init",
          label: "initialisation",
          value: io.state().init,
          choices: [
            { value: "paper", label: "paper: v₀ on sphere, a₀ in ball" },
            { value: "gaussian", label: "Gaussian, std 1/√k" },
          ],
          onChange: (init) => io.set({ init, start: [] }),
        }),
        el(
          "div",
          { class: "buttons" },
          button("Random start", () => io.set({ start: [] }), {
            id: "cnn-random-start",
            title: "Forget the start chosen on the landscape; draw it from the seed and trial",
          }),
        ),
      ),
    ];
  },
  notes: (state) => {
    const warning = stabilityWarning(state.cnn);
    return warning ? [warning] : [];
  },
  compute: (state) => single("cnnRun", state.cnn),
  status: {
    id: "cnn-status",
    starting: () => "computing…",
    // the player writes the last frame's numbers
    finished: () => undefined,
    announce: () => "CNN run computed; the outcome is shown when the animation ends",
  },
  output: (io, status) => cnnOutput(io, status),
  exports: {
    name: "minima-cnn",
    data: (state, result) => ({ state: state.cnn, result }),
    csv: (result) => {
      const header = ["step", "loss", "phi", "aDotAstar"];
      if (!result) return [header];
      const t = result.trajectory;
      return [header, ...t.step.map((st, i) => [st, t.loss[i], t.phi[i], t.aDotAstar[i]])];
    },
    // the CLI draws its start from --seed and --trial: a start chosen by clicking has no command line
    command: (state) => (state.cnn.start.length === 0 ? cnnCommand(state.cnn) : undefined),
  },
  explain: () =>
    explainAside(
      "The exact population loss of a one-hidden-layer CNN with non-overlapping Gaussian patches " +
        "(Du et al. 2018, Theorem 3.1) over the angle φ between the filter and the teacher's, and the " +
        "output layer's component along a*. At each φ the rest of a sits at its best value, so each column's " +
        "lowest point is min over a of ℓ(φ, a).",
      "Weight-normalised gradient descent (Algorithm 1) runs from a random start. Below the threshold " +
        "(1ᵀa*)² < (k+π−1)‖a*‖²/π the point at φ = π is a spurious local minimum (Theorem 4.3): starts " +
        "with φ₀ > π/2 and a₀ᵀa* < 0 can end there. Starts with φ₀ < π/2 and a₀ᵀa* > 0 always reach the " +
        "global minimum (Theorem 4.1), in two phases: slow, then linear (the dashed line marks the switch).",
      paperNote("Du, Lee, Tian, Póczos & Singh, ICML 2018", "1712.00779", "docs/du-cnn.md"),
    ),
});
