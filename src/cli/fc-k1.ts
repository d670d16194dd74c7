/**
 * `minima fc k1`: Tian's K = 1 results. Default: for each (d, ε), the probability that a start uniform in
 * the ball of radius ε√(2π/(d+1))‖w*‖ lies in Ω (quadrature and Monte Carlo), Thm 3.3's bound (1−ε)/2 and
 * the measured success rate of population GD from those starts. With --polar: one run in (r, θ) form.
 */

import { InputError } from "../core/errors.js";
import { k1Initialisation, k1Polar } from "../experiments/tian/k1.js";
import { formatProportion } from "../math/proportion-text.js";
import type { Command } from "./command.js";
import { numberListFlag, reluOnlyActivation } from "./fc-common.js";
import { boolFlag, intFlag, numberFlag, parseFlags } from "./flags.js";
import { MAX_GD_STEPS, MAX_RECORDED, MAX_RUNS, MAX_START } from "./limits.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc k1 [--d 2,10,100] [--eps 0.1,0.5,0.9] [--gaussian-std s] [--trials N] [--eta E] [--steps N] [--seed S] [--json]
       minima fc k1 --polar [--d D] [--r0 r] [--theta0 θ] [--eta E] [--steps N] [--every n] [--json]

K = 1, teacher w* = e₁ (‖w*‖ = 1), population GD w ← w − η∇J.
Table mode (Tian 2017, Thm 3.3): per (d, ε), radius r = ε√(2π/(d+1)), exactInOmega = P(w₀ ∈ Ω) by quadrature,
sampledInOmega = the same over the drawn starts (95% Wilson interval), bound = (1−ε)/2, and gdSuccess =
the fraction of those starts from which GD reached ‖w − w*‖ < 1e-6 (95% Wilson interval), with the median
number of steps. With --gaussian-std s the starts are N(0, s²) entries instead (the check of docs/tian.md#a-single-unit; --eps
is then only a label for the bound, and P(Ω) is reported by Monte Carlo only). The theorem bounds P(w₀ ∈ Ω); GD itself converges from every start with θ₀ < π.
Trial t uses Rng.fromSeed(seed, t).
Polar mode (docs/tian.md#a-single-unit): the trajectory (r, θ, J) from r₀, θ₀ and the largest mismatch between the polar
equations ṙ, θ̇ and the projected gradient.

Defaults: --d 2,10,100 --eps 0.1,0.5,0.9 --trials 200 --eta 0.1 --steps 20000 --seed 1;
polar: --d 3 --r0 0.5 --theta0 3 --eta 0.01 --steps 5000 --every 100.
ReLU only: --activation accepts relu alone (Ω, the ball probability and the polar (r, θ) dynamics are Tian's ReLU results).`;

export const fcK1Command: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      polar: { type: "boolean" },
      d: { type: "string" },
      eps: { type: "string" },
      trials: { type: "string" },
      eta: { type: "string" },
      steps: { type: "string" },
      seed: { type: "string" },
      r0: { type: "string" },
      theta0: { type: "string" },
      every: { type: "string" },
      "gaussian-std": { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(
      flags,
      "fc k1",
      "Ω, the ball probability and the polar (r, θ) dynamics are Tian's ReLU results",
    );
    const json = boolFlag(flags, "json");
    if (boolFlag(flags, "polar")) {
      const spec = {
        d: intFlag(flags, "d", { default: 3, min: 2, max: 100000 }),
        r0: numberFlag(flags, "r0", { default: 0.5, min: 0, max: MAX_START, exclusiveMin: true }),
        theta0: numberFlag(flags, "theta0", { default: 3, min: 0, max: Math.PI }),
        eta: numberFlag(flags, "eta", { default: 0.01, min: 0, exclusiveMin: true }),
        steps: intFlag(flags, "steps", { default: 5000, min: 0, max: MAX_GD_STEPS }),
        recordEvery: intFlag(flags, "every", { default: 100, min: 1, max: MAX_GD_STEPS }),
      };
      if (spec.steps / spec.recordEvery > MAX_RECORDED)
        throw new InputError(
          "--every",
          `must keep steps/every <= ${MAX_RECORDED} recorded points`,
          spec.recordEvery,
        );
      const result = k1Polar(spec);
      if (json) printJson(result);
      else {
        for (const p of result.trajectory)
          console.log(
            `step ${p.step}: r ${formatNumber(p.r)}  θ ${formatNumber(p.theta)}  J ${formatNumber(p.loss)}`,
          );
        if (result.divergedAt !== undefined)
          console.log(
            `diverged at step ${result.divergedAt} (‖w‖ or J passed 1e100); the last finite point is above`,
          );
        console.log(`max |polar − projected gradient| = ${formatNumber(result.maxRateMismatch)}`);
      }
      return 0;
    }
    const ds = numberListFlag(flags, "d", [2, 10, 100], { integer: true, min: 1, max: 100000 });
    const epss = numberListFlag(flags, "eps", [0.1, 0.5, 0.9], { min: 1e-9, max: 1 });
    const trials = intFlag(flags, "trials", { default: 200, min: 1, max: MAX_RUNS });
    const eta = numberFlag(flags, "eta", { default: 0.1, min: 0, exclusiveMin: true });
    const maxSteps = intFlag(flags, "steps", { default: 20000, min: 0, max: MAX_GD_STEPS });
    const seed = intFlag(flags, "seed", { default: 1, min: 0 });
    const gaussianStd =
      flags.values["gaussian-std"] === undefined
        ? undefined
        : numberFlag(flags, "gaussian-std", { min: 0, exclusiveMin: true });
    const rows = ds.flatMap((d) =>
      epss.map((epsilon) => k1Initialisation({ d, epsilon, trials, seed, eta, maxSteps, gaussianStd })),
    );
    if (json) printJson({ trials, eta, maxSteps, seed, rows });
    else {
      console.log("d      ε     bound   P(Ω) exact  P(Ω) MC [95% CI]        GD success [95% CI]");
      for (const r of rows)
        console.log(
          `${String(r.d).padEnd(6)} ${String(r.epsilon).padEnd(5)} ${r.bound.toFixed(3)}   ${r.exactInOmega === undefined ? "  —   " : r.exactInOmega.toFixed(4)}      ` +
            `${formatProportion(r.sampledInOmega).padEnd(22)}   ${formatProportion(r.gdSuccess)}`,
        );
    }
    return 0;
  },
};
