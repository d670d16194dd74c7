/**
 * `minima fc probability`: the one-cell sweep of the two-layer ReLU network (the Safran–Shamir
 * experiment by default) on all cores. Its trials use the same streams as the cell with the same
 * resolved parameters and seed in any sweep (e.g. examples/sweeps/safran-shamir.json).
 */

import { parseSweepSpec } from "../sweep/spec.js";
import type { Command } from "./command.js";
import { boolFlag, intFlag, numberFlag, optionalStringFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";
import { outcomeTable, runProbabilityCell } from "./probability-cell.js";

const FLAGS = {
  K: { type: "string" },
  Kstar: { type: "string" },
  d: { type: "string" },
  teacher: { type: "string" },
  top: { type: "string" },
  init: { type: "string" },
  "init-std": { type: "string" },
  eta: { type: "string" },
  "grad-tol": { type: "string" },
  steps: { type: "string" },
  finish: { type: "string" },
  activation: { type: "string" },
  optimizer: { type: "string" },
  "flow-rtol": { type: "string" },
  "flow-atol": { type: "string" },
  trials: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  json: { type: "boolean" },
} as const;

/** The trial spec's fields as this command's flags. */
const FLAG_OF: Readonly<Record<string, string>> = {
  n: "--K",
  k: "--Kstar",
  d: "--d",
  teacher: "--teacher",
  top: "--top",
  init: "--init",
  initStd: "--init-std",
  eta: "--eta",
  gradTol: "--grad-tol",
  maxSteps: "--steps",
  finish: "--finish",
  activation: "--activation",
  optimizer: "--optimizer",
  flowRtol: "--flow-rtol",
  flowAtol: "--flow-atol",
};

export const fcProbabilityCommand: Command = {
  usage: [
    "Usage: minima fc probability --K n [--Kstar k] [--d d] [--teacher orthonormal|gaussian] [--top ones|trained]",
    "                             [--init fan-in|glorot|normal] [--init-std s] [--eta E] [--grad-tol g]",
    "                             [--steps N] [--finish newton|gd] [--trials T] [--seed S] [--workers N] [--json]",
    "                             [--optimizer gd|flow] [--flow-rtol r] [--flow-atol a]",
    "",
    "Runs T independent trials of gradient descent on the two-layer ReLU network g(x) = Σ_j σ(w_jᵀx) with n",
    "student units against k teacher units (Safran & Shamir 2018) and prints the probability of every",
    "outcome (global, spurious, saddle, unconverged, diverged) with a Wilson 95% interval, and the families",
    "of end points modulo the problem's symmetries with their loss, Hessian index, λ_min, symmetry and proof",
    "(certified with the radius about the Newton-polished member, or the reason; JSON: certified, radius, reason).",
    "",
    "Defaults (the protocol): --Kstar n, --d k, orthonormal teacher (w*_j = e_j), top weights 1 (fixed),",
    "fan-in start N(0, 1/d), η = 0.1 halved on a blow-up (a unit's gradient norm > 1e4), stop when",
    "max_j ‖∂J/∂w_j‖ < 1e-9/(2π), J < 1e-3 is global; --finish newton (GD hands over to Newton on the",
    "exact Hessian once the gradient is below 1e-4 and the Hessian is positive definite); --steps 1e6;",
    "--trials 1000; --seed 1; --workers: all cores.",
    "",
    "--optimizer flow follows gradient flow dW/dt = −∇J from each trial's start instead of GD steps, by an",
    "adaptive integrator to the per-step tolerances --flow-rtol (default 1e-6) and --flow-atol (default 1e-9)",
    "(docs/gradient-flow.md); the same Newton finish and Hessian verdict decide the outcome; --eta is unused,",
    "--steps counts accepted flow steps. Its cells draw other streams than GD's (the settings differ).",
    "",
    "Example: minima fc probability --K 10 --Kstar 10 --d 10 --init fan-in --eta 0.1 --trials 1000 --seed 1 --json",
  ].join("\n"),
  async run(argv) {
    const flags = parseFlags(argv, FLAGS);
    const params: Record<string, unknown> = { n: numberFlag(flags, "K") };
    const numbers: [string, string][] = [
      ["k", "Kstar"],
      ["d", "d"],
      ["initStd", "init-std"],
      ["eta", "eta"],
      ["gradTol", "grad-tol"],
      ["maxSteps", "steps"],
      ["flowRtol", "flow-rtol"],
      ["flowAtol", "flow-atol"],
    ];
    for (const [field, flag] of numbers)
      if (flags.values[flag] !== undefined) params[field] = numberFlag(flags, flag);
    for (const flag of ["teacher", "top", "init", "finish", "activation", "optimizer"]) {
      const value = optionalStringFlag(flags, flag);
      if (value !== undefined) params[flag] = value;
    }
    const trials = intFlag(flags, "trials", { default: 1000, min: 1, max: 10_000_000 });
    const spec = parseSweepSpec({
      model: "fc",
      params,
      trials,
      seed: intFlag(flags, "seed", { default: 1, min: 0 }),
      restarts: [1],
    });
    const { plan, cell } = await runProbabilityCell(spec, flags, { flagError });
    const settings = plan.cells[0].params as {
      n: number;
      k: number;
      d: number;
      eta: number;
      optimizer?: string;
      flowRtol?: number;
      flowAtol?: number;
    };
    const families = cell.families ?? [];
    if (boolFlag(flags, "json")) {
      printJson({
        trials: cell.trials,
        outcomes: cell.outcomes,
        families,
        settings: { ...settings, seed: spec.seed },
      });
      return 0;
    }
    console.log(
      `two-layer ReLU network, n = ${settings.n} student units, k = ${settings.k} teacher units, d = ${settings.d}, ${optimizerText(settings)}: ${cell.trials} trials, seed ${spec.seed}`,
    );
    for (const line of outcomeTable(cell.outcomes)) console.log(line);
    if (families.length > 0) {
      console.log(`\n  families of end points away from the global minimum (modulo the symmetries):`);
      console.log(
        `  ${"outcome".padEnd(9)} ${"runs".padStart(5)}  ${"J".padEnd(10)} ${"k·J".padEnd(8)} index  ${"λ_min".padEnd(10)} ${"orbits".padEnd(10)} proof`,
      );
      for (const f of families)
        console.log(
          `  ${String(f.outcome).padEnd(9)} ${String(f.count).padStart(5)}  ${formatNumber(f.loss as number, 6).padEnd(10)} ${formatNumber(f.kLoss as number, 4).padEnd(8)} ${String(f.index).padStart(5)}  ${formatNumber(f.lambdaMin as number, 4).padEnd(10)} ${(f.orbits as number[]).join(" + ").padEnd(10)} ${proofText(f)}`,
        );
      console.log(
        "  proof: a true minimum (or saddle) proven within r of the Newton-polished member (docs/proofs.md), or why not",
      );
    }
    return 0;
  },
};

/** "η = 0.1" for GD, the tolerances for gradient flow. */
function optimizerText(s: { eta: number; optimizer?: string; flowRtol?: number; flowAtol?: number }): string {
  return s.optimizer === "flow"
    ? `gradient flow (rtol ${(s.flowRtol as number).toExponential()}, atol ${(s.flowAtol as number).toExponential()})`
    : `η = ${formatNumber(s.eta)}`;
}

/** A family's proof in a few words: the kind proven and the radius, or the reason. */
function proofText(f: Record<string, unknown>): string {
  if (f.certified === true)
    return `${f.provenKind === "saddle" ? "saddle" : "minimum"}, r = ${formatNumber(f.radius as number, 2)}`;
  if (f.certified === false) return `not certified: ${f.reason}`;
  return "-";
}

/** The spec's field names (spec.params.n) are flags here (--K). */
function flagError(error: unknown): unknown {
  if (error instanceof Error && error.name === "InputError")
    // Every mention, not only the leading field: a message may name another field ("… with init normal").
    error.message = error.message.replace(
      /\bspec(?:\.params)?\.(\w+)/g,
      (_m, name: string) => FLAG_OF[name] ?? name,
    );
  return error;
}
