/** `minima fc noisy`: near-symmetric noisy starts (Tian 2017, Fig. 5 and Conjecture 4.3) — successes and where failures stop. */
import { InputError } from "../core/errors.js";
import { noisyStarts } from "../experiments/tian/noisy.js";
import { formatProportion } from "../math/proportion-text.js";
import type { Command } from "./command.js";
import { ACTIVATION_HELP, activationFlag, numberListFlag } from "./fc-common.js";
import { boolFlag, intFlag, numberFlag, parseFlags } from "./flags.js";
import { checkFcWork, MAX_GD_STEPS, MAX_RUNS } from "./limits.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc noisy --K K [--d D] [--noises 0,1,10] [--runs N] [--eta E] [--steps N] [--seed S] [--a 1,1,-1,-1]
                       [--activation σ] [--json]

Orthonormal teacher w*_j = e_j; start w_j = 1e-3·w*_j + ε_j, ε_j ~ N(0, (1e-3·noise)² I) (noise read as a
standard deviation); population GD. Top weights a (teacher and student, fixed) default to ones.
A run succeeds when J < 1e-8. For each failure: J, ‖∇J‖, the Hessian's index and smallest eigenvalue
(index 0 and λ_min > 0: a spurious local minimum), and the distinct stopping points modulo permutation of the
hidden units, plus the distinct loss levels (a diverged run has hessianIndex null). Run t at noise level i
uses Rng.fromSeed(seed, i, t). Teacher and student share σ:
  ${ACTIVATION_HELP}
Defaults: --d K --noises 0,0.5,1,2,5,10,100 --runs 8 --eta 0.1 --steps 20000 --seed 1.
Example (spurious minima, J ≈ 0.0187): minima fc noisy --K 10 --d 20 --noises 0.1,1,3,10 --runs 16 --eta 0.05`;

export const fcNoisyCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      K: { type: "string" },
      d: { type: "string" },
      noises: { type: "string" },
      runs: { type: "string" },
      eta: { type: "string" },
      steps: { type: "string" },
      seed: { type: "string" },
      a: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    const activation = activationFlag(flags);
    const K = intFlag(flags, "K", { min: 1, max: 500 });
    const aList = flags.values.a === undefined ? undefined : numberListFlag(flags, "a", []);
    if (aList && aList.length !== K)
      throw new InputError("--a", `must list K = ${K} numbers`, aList.join(","));
    const d = intFlag(flags, "d", { default: K, min: 1, max: 10000 });
    const noises = numberListFlag(flags, "noises", [0, 0.5, 1, 2, 5, 10, 100], { min: 0 });
    const runs = intFlag(flags, "runs", { default: 8, min: 1, max: MAX_RUNS });
    const maxSteps = intFlag(flags, "steps", { default: 20000, min: 0, max: MAX_GD_STEPS });
    checkFcWork(runs * noises.length, maxSteps, K, d, "--runs × --noises × --steps");
    const result = noisyStarts({
      K,
      d,
      noises,
      runs,
      eta: numberFlag(flags, "eta", { default: 0.1, min: 0, exclusiveMin: true }),
      maxSteps,
      seed: intFlag(flags, "seed", { default: 1, min: 0 }),
      ...(aList ? { a: Float64Array.from(aList) } : {}),
      activation,
    });
    if (boolFlag(flags, "json")) printJson({ activation, ...result });
    else
      for (const l of result.levels) {
        const s = l.success;
        console.log(`noise ${l.noise}: ${s.count}/${s.n} succeed, ${formatProportion(s)} (95% CI)`);
        for (const f of l.failures)
          console.log(
            `  run ${f.run} (${f.outcome}): J ${formatNumber(f.loss)}, ‖∇J‖ ${formatNumber(f.gradNorm)}, ${f.hessianIndex === null || f.minEigenvalue === null ? "no Hessian (diverged)" : `Hessian index ${f.hessianIndex}, λ_min ${formatNumber(f.minEigenvalue)}`}`,
          );
        if (l.failures.length)
          console.log(
            `  ${l.distinctFailures.length} distinct modulo permutation; loss levels ${l.lossLevels.map((x) => formatNumber(x)).join(", ")}`,
          );
      }
    return 0;
  },
};
