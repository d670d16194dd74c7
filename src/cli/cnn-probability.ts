/**
 * `minima cnn probability`: the one-cell sweep for the Du et al. CNN. Its trials use the same
 * streams as the cell with the same resolved parameters and seed in any sweep (e.g. the du-table
 * example), so the two agree trial for trial.
 */

import { CNN_TRIAL_DEFAULTS } from "../experiments/cnn/spec.js";
import { parseSweepSpec } from "../sweep/spec.js";
import type { Command } from "./command.js";
import { boolFlag, choiceFlag, intFlag, numberFlag, optionalStringFlag, parseFlags } from "./flags.js";
import { formatNumber, printJson } from "./output.js";
import { outcomeTable, runProbabilityCell } from "./probability-cell.js";

const FLAGS = {
  k: { type: "string" },
  p: { type: "string" },
  ratio: { type: "string" },
  anorm: { type: "string" },
  eta: { type: "string" },
  trials: { type: "string" },
  seed: { type: "string" },
  steps: { type: "string" },
  init: { type: "string" },
  workers: { type: "string" },
  json: { type: "boolean" },
} as const;

export const cnnProbabilityCommand: Command = {
  usage: [
    "Usage: minima cnn probability --k K --ratio R [--p P] [--anorm A] [--eta E|auto] [--trials T]",
    "                              [--seed S] [--steps N] [--init paper|gaussian] [--workers N] [--json]",
    "",
    "Runs T independent trials of Algorithm 1 (Du et al. 2018) on the teacher with k patches of size p,",
    "(1ᵀa*)²/‖a*‖² = R and ‖a*‖ = A, and prints the probability of every outcome with a Wilson 95%",
    "interval, the restart law 1-(1-p)^m, and the theory's numbers beside them.",
    "",
    "  --p 25  --anorm 1  --eta auto (= min(0.2, 2π/(k+π−1)))  --steps ⌈6000/η⌉  --trials 1000  --seed 1",
    "  --init paper (v₀ on the sphere, a₀ in the ball of radius |1ᵀa*|/√k)  --workers: all cores",
  ].join("\n"),
  async run(argv) {
    const flags = parseFlags(argv, FLAGS);
    const k = intFlag(flags, "k", { min: 1, max: 100000 });
    const etaText = optionalStringFlag(flags, "eta") ?? "auto";
    const eta = etaText === "auto" ? "auto" : numberFlag(flags, "eta", { min: 0, exclusiveMin: true });
    const stop =
      flags.values.steps === undefined
        ? { horizon: 6000 }
        : { maxSteps: intFlag(flags, "steps", { min: 1 }) };
    const trials = intFlag(flags, "trials", { default: 1000, min: 1, max: 10_000_000 });
    const spec = parseSweepSpec({
      model: "cnn",
      params: {
        k,
        p: intFlag(flags, "p", { default: 25, min: 1, max: 100000 }),
        ratio: numberFlag(flags, "ratio", { min: 0 }),
        anorm: numberFlag(flags, "anorm", { default: CNN_TRIAL_DEFAULTS.anorm, min: 0, exclusiveMin: true }),
        init: choiceFlag(flags, "init", ["paper", "gaussian"] as const, CNN_TRIAL_DEFAULTS.init),
      },
      optimiser: { eta },
      stop,
      trials,
      seed: intFlag(flags, "seed", { default: 1, min: 0 }),
    });
    const { plan, cell } = await runProbabilityCell(spec, flags, { flagError, progressFrom: 2000 });
    const result = {
      trials: cell.trials,
      ...cell.outcomes,
      restarts: cell.restarts.map((r) => ({ m: r.m, measured: r.measured, predicted: r.predicted })),
      theory: cell.theory,
      settings: { ...(plan.cells[0].params as object), seed: spec.seed },
    };
    if (boolFlag(flags, "json")) {
      printJson(result);
      return 0;
    }
    const settings = plan.cells[0].params as { eta: number; maxSteps: number; p: number; anorm: number };
    console.log(
      `CNN k=${k} p=${settings.p} ratio=${formatNumber(spec.params.ratio as number)} ‖a*‖=${formatNumber(settings.anorm)} η=${formatNumber(settings.eta)} steps≤${settings.maxSteps}: ${cell.trials} trials, seed ${spec.seed}`,
    );
    for (const line of outcomeTable(cell.outcomes)) console.log(line);
    for (const r of cell.restarts)
      console.log(
        `  ≥1 global in ${r.m} restarts: measured ${r.measured.p.toFixed(4)} (${r.measured.n} blocks), predicted ${r.predicted.p.toFixed(4)}`,
      );
    for (const t of cell.theory)
      console.log(
        `  theory: P(${t.outcome}) ${t.relation} ${t.value} (${t.source}): ${t.consistent ? "consistent" : "INCONSISTENT"}`,
      );
    return 0;
  },
};

/** The spec's field names (spec.params.k) are flags here (--k). */
function flagError(error: unknown): unknown {
  if (error instanceof Error && error.name === "InputError") {
    error.message = error.message.replace(
      /^spec\.(params|optimiser|stop|grid)\.(\w+)/,
      (_m, _s, name: string) => (name === "maxSteps" ? "--steps" : `--${name}`),
    );
  }
  return error;
}
