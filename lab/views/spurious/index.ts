/**
 * The Spurious-minima view (Safran & Shamir 2018): gradient descent on a two-layer ReLU network with
 * n student units learning k orthonormal teacher units, from many random starts. Shows P(spurious)
 * and every outcome with Wilson intervals, the families of end points modulo the symmetries (with
 * their proofs when the library gives them) and a family's weight matrix. Runs are shared out among
 * workers; the families are grouped by one more worker call once every run has finished.
 */
import { spuriousCommand } from "../../commands.js";
import { hasFamilies, mergeRuns, type SpuriousRun, studentWidth } from "../../compute/spurious.js";
import { call, shareOut, workerCount } from "../../run-cycle.js";
import type { SpuriousState } from "../../state.js";
import { el, explainAside, numberControl, selectControl } from "../../ui.js";
import { defineView, type ViewIO } from "../define.js";
import { numberField } from "../fields.js";
import { type SpuriousResult, spuriousOutput } from "./output.js";

const FAMILY_CSV_HEADER = [
  "family",
  "outcome",
  "runs",
  "J",
  "kJ",
  "index",
  "lambda_min",
  "orbits",
  "certified",
  "radius",
];

const N_MODES = [
  { value: "equal", label: "n = k" },
  { value: "plus-one", label: "n = k + 1" },
  { value: "free", label: "free" },
] as const;

const INITS = [
  { value: "fan-in", label: "fan-in, std 1/√d" },
  { value: "glorot", label: "Glorot, std √(2/(d+n))" },
  { value: "normal", label: "normal, std below" },
] as const;

/** The controls; the student width and the start's std are editable only when they are used. */
function controls(io: ViewIO<"spurious">): HTMLElement[] {
  const s = io.state();
  const width = numberControl({
    id: "ss-n",
    label: "student width n",
    value: studentWidth(s),
    min: 1,
    max: 200,
    step: 1,
    integer: true,
    onChange: (n) => io.set({ n }),
  });
  const std = numberField(io, "ss", "initStd", { label: "start std", min: 1e-4, max: 10, step: 0.01 });
  const sync = () => {
    const now = io.state();
    const n = width.querySelector("input") as HTMLInputElement;
    n.disabled = now.nMode !== "free";
    n.value = String(studentWidth(now));
    (std.querySelector("input") as HTMLInputElement).disabled = now.init !== "normal";
  };
  const set = (patch: Partial<SpuriousState>) => {
    io.set(patch);
    sync();
  };
  const fields = [
    el(
      "fieldset",
      {},
      el("legend", { text: "Networks" }),
      numberControl({
        id: "ss-k",
        label: "teacher width k (= input dimension d)",
        value: s.k,
        min: 3,
        max: 20,
        step: 1,
        integer: true,
        onChange: (k) => set({ k }),
      }),
      selectControl({
        id: "ss-n-mode",
        label: "student width",
        value: s.nMode,
        choices: N_MODES,
        // a free width starts from the width shown
        onChange: (nMode) => set(nMode === "free" ? { nMode, n: studentWidth(io.state()) } : { nMode }),
      }),
      width,
    ),
    el(
      "fieldset",
      {},
      el("legend", { text: "Gradient descent" }),
      numberField(io, "ss", "eta", {
        label: "step η (halved after a blow-up)",
        min: 1e-4,
        max: 2,
        step: 0.01,
      }),
      selectControl({
        id: "ss-init",
        label: "start",
        value: s.init,
        choices: INITS,
        onChange: (init) => set({ init }),
      }),
      std,
    ),
    el(
      "fieldset",
      {},
      el("legend", { text: "Runs" }),
      numberField(io, "ss", "runs", { label: "runs", min: 1, max: 10000, step: 10, integer: true }),
      numberField(io, "ss", "seed", { label: "seed", min: 0, max: 2 ** 31 - 1, step: 1, integer: true }),
    ),
  ];
  sync();
  return fields;
}

function familyCsv(result: SpuriousResult | undefined): (string | number)[][] {
  return (result?.families ?? []).map((f, i) => [
    i + 1,
    f.outcome,
    f.count,
    f.loss,
    f.kLoss,
    f.index,
    f.lambdaMin,
    f.orbits.join("+"),
    typeof f.certified === "boolean" ? String(f.certified) : "",
    typeof f.radius === "number" ? f.radius : "",
  ]);
}

export const spuriousView = defineView<"spurious", SpuriousResult>({
  id: "spurious",
  title: "Spurious minima (Safran–Shamir)",
  heading: "How often does gradient descent stop at a spurious minimum?",
  formLabel: "Spurious-minima controls",
  controls,
  buttons: { run: { id: "ss-run", label: "Run" }, cancel: "ss-cancel" },
  compute: (state) => {
    const s = state.spurious;
    const trials = Array.from({ length: s.runs }, (_, t) => t);
    return {
      calls: shareOut(trials, workerCount(s.runs)).map((mine) =>
        call("spuriousRuns", { state: s, trials: mine }),
      ),
      total: s.runs,
      combine: (parts): SpuriousResult => ({
        runs: mergeRuns(parts as (SpuriousRun[] | undefined)[]),
      }),
      count: (result) => result.runs.length,
      last: {
        // only the runs that stopped away from the global minimum form families
        call: (result) =>
          hasFamilies(result.runs)
            ? call("spuriousFamilies", {
                state: s,
                runs: result.runs.filter((r) => r.outcome === "spurious" || r.outcome === "saddle"),
              })
            : undefined,
        merge: (result, families) => ({ ...result, families: families as SpuriousResult["families"] }),
      },
    };
  },
  status: {
    id: "ss-progress-text",
    barId: "ss-progress",
    starting: () => "running…",
    progress: (done, total) =>
      done === total ? "grouping the end points into families…" : `${done} of ${total} runs`,
    finished: (_result, total) => `done: ${total} runs`,
    cancelled: (done, total) => `cancelled at ${done} of ${total} runs`,
    announce: (result) =>
      `Runs finished: ${result.runs.filter((r) => r.outcome === "spurious").length} of ${result.runs.length} spurious`,
    announceCancel: "Runs cancelled",
  },
  output: (io) => spuriousOutput(io),
  exports: {
    name: "minima-spurious",
    data: (state, result) => ({
      state: state.spurious,
      runs: result?.runs.map((r) => ({ trial: r.trial, outcome: r.outcome, loss: r.loss })) ?? [],
      families: result?.families ?? null,
    }),
    csv: (result) => [FAMILY_CSV_HEADER, ...familyCsv(result)],
    command: (state) => spuriousCommand(state.spurious),
  },
  explain: () =>
    explainAside(
      "Gradient descent on the population loss J(W) = ½ E[(Σⱼ σ(wⱼᵀx) − Σᵢ σ(xᵢ))²] of a two-layer ReLU " +
        "network, x ~ N(0, I_k): n student units wⱼ learn k teacher units, the coordinate vectors eᵢ, " +
        "with every top weight fixed to 1. Each run starts at random and follows Safran & Shamir's " +
        "protocol: step η, halved and restarted after a blow-up, until every unit's gradient is below " +
        "10⁻⁹/(2π), with a Newton finish. The exact Hessian at the end point decides the outcome: " +
        "global (J < 10⁻³), spurious (a strict local minimum above that), saddle, unconverged or diverged.",
      "P(spurious) is the share of runs that end at a spurious minimum, with its 95% Wilson interval. " +
        "End points equal up to the symmetries (permuting the student's units; permuting the teacher's " +
        "units together with the input coordinates) form a family. For each: the number of runs, J and " +
        "k·J, the Hessian's index (negative eigenvalues) and λ_min, and the orbits of the teacher's units " +
        "under the family's symmetry: [k − 1, 1] is Sₖ₋₁ × S₁, " +
        "one special unit and k − 1 interchangeable ones.",
      "The proof column: the library's computer-assisted proof (Newton–Kantorovich with a verified " +
        "factorisation, docs/proofs.md) that a true minimum (or saddle) lies within radius r of the " +
        "family's point; where it cannot be made, the reason is shown instead.",
      "The heat map is the selected family's representative W in its canonical order. In the special-unit " +
        "family one student unit has a negative weight on its own coordinate: the outlined red cell.",
      "The numbers equal those of the command line below for the same settings: the same seed gives " +
        "the same starts, run for run.",
      el(
        "p",
        { class: "paper-note" },
        el(
          "a",
          { href: "https://arxiv.org/abs/1712.08968", target: "_blank", rel: "noopener" },
          "Safran & Shamir, Spurious Local Minima are Common in Two-Layer ReLU Neural Networks, ICML 2018",
        ),
        " (arXiv:1712.08968). The protocol, the outcomes and the families are derived in ",
        el("a", { href: "../docs/safran-shamir.md" }, el("code", { text: "docs/safran-shamir.md" })),
        " in the Minima repository.",
      ),
    ),
});
