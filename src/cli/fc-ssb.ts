/** `minima fc ssb`: spontaneous symmetry breaking — which permutation of the teacher a near-symmetric start selects. */
import { symmetryBreaking } from "../experiments/tian/dynamics2d.js";
import type { Command } from "./command.js";
import { reluOnlyActivation } from "./fc-common.js";
import { boolFlag, intFlag, numberFlag, parseFlags } from "./flags.js";
import { checkFcWork, MAX_GD_STEPS, MAX_RUNS } from "./limits.js";
import { printJson } from "./output.js";

const usage = `Usage: minima fc ssb --K K [--d D] [--x0 x] [--delta s] [--shift m] [--trials N] [--eta E] [--steps N] [--seed S] [--json]

Orthonormal teacher w*_j = e_j. Trial t starts from w_j = x0·Σ_k e_k + N(0, s²) noise (Rng.fromSeed(seed, t)),
runs full population GD and reports the permutation selected (student j → teacher π(j); −1 if unit j did
not converge) and the distinct permutations with counts. Also the deterministic tie-break of Tian (2017), Sec. 4:
w_j = x0·Σ_k e_k + δ·e_{(j+m) mod K} (δ = max(s, 1e-6)) converges to the shift-m permutation.
Defaults: --d K --x0 1e-3 --delta 1e-5 --shift 1 --trials 8 --eta 0.1 --steps 20000 --seed 1.
ReLU only: --activation accepts relu alone (the symmetry-breaking analysis of Tian 2017, Sec. 4, is ReLU's).`;

export const fcSsbCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      K: { type: "string" },
      d: { type: "string" },
      x0: { type: "string" },
      delta: { type: "string" },
      shift: { type: "string" },
      trials: { type: "string" },
      eta: { type: "string" },
      steps: { type: "string" },
      seed: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(flags, "fc ssb", "the symmetry-breaking analysis of Tian 2017, Sec. 4, is ReLU's");
    const K = intFlag(flags, "K", { min: 2, max: 1000 });
    const d = intFlag(flags, "d", { default: K, min: 1, max: 100000 });
    const trials = intFlag(flags, "trials", { default: 8, min: 1, max: MAX_RUNS });
    const maxSteps = intFlag(flags, "steps", { default: 20000, min: 0, max: MAX_GD_STEPS });
    checkFcWork(trials, maxSteps, K, d, "--trials × --steps");
    const result = symmetryBreaking({
      K,
      d,
      x0: numberFlag(flags, "x0", { default: 1e-3, min: 0, exclusiveMin: true }),
      delta: numberFlag(flags, "delta", { default: 1e-5, min: 0 }),
      shift: intFlag(flags, "shift", { default: 1, min: 0 }),
      trials,
      eta: numberFlag(flags, "eta", { default: 0.1, min: 0, exclusiveMin: true }),
      maxSteps,
      seed: intFlag(flags, "seed", { default: 1, min: 0 }),
    });
    if (boolFlag(flags, "json")) printJson(result);
    else {
      for (const r of result.runs)
        console.log(`trial ${r.trial}: π = [${r.permutation.join(", ")}] (${r.outcome})`);
      console.log(`distinct: ${JSON.stringify(result.distinct)}`);
      console.log(`shift ${result.shifted.shift} tie-break → π = [${result.shifted.permutation.join(", ")}]`);
    }
    return 0;
  },
};
