/** `minima fc fig3`: Tian (2017), Fig. 3 — the closed-form E[F(e, w)] against its empirical value on N samples. */
import { fig3 } from "../experiments/tian/fig3.js";
import type { InputLaw } from "../models/fc/sampled.js";
import type { Command } from "./command.js";
import { numberListFlag, reluOnlyActivation } from "./fc-common.js";
import { boolFlag, choiceFlag, intFlag, parseFlags } from "./flags.js";
import { MAX_PAIRS } from "./limits.js";
import { printJson } from "./output.js";

const usage = `Usage: minima fc fig3 [--d 10,100] [--N 100,1000,10000] [--thetas …] [--theta-N N] [--pairs P] [--laws gaussian,uniform|gaussian|uniform] [--seed S] [--json]

Mean relative error ‖E[F] − F‖/‖F‖ of F = (1/N)Σ x 1(eᵀx>0) σ(wᵀx) against the closed form
(1/2π)[(π−θ)w + ‖w‖ sinθ e], over P random pairs (‖w‖ ~ U[0.5, 2]), with its standard error:
versusTheta (Fig. 3(a): Gaussian inputs, the first d, N = theta-N, θ on the given grid; default 12 angles
in [0, π)), and versusN (Fig. 3(b, c): θ ~ U[0, π/2], Gaussian and uniform[−½,½]^d inputs, the latter
against the closed form scaled by 1/12). Pair p of cell c uses Rng.fromSeed(seed, c, p).
Defaults: --d 10 --N 100,1000,10000 --theta-N 1000 --pairs 20 --laws both --seed 1.
ReLU only: --activation accepts relu alone (it compares samples with ReLU's closed-form gradient term).`;

export const fcFig3Command: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      d: { type: "string" },
      N: { type: "string" },
      thetas: { type: "string" },
      "theta-N": { type: "string" },
      pairs: { type: "string" },
      laws: { type: "string" },
      seed: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(flags, "fc fig3", "it compares samples with ReLU's closed-form gradient term");
    const lawChoice = choiceFlag(
      flags,
      "laws",
      ["gaussian,uniform", "gaussian", "uniform"] as const,
      "gaussian,uniform",
    );
    const result = fig3({
      laws: lawChoice.split(",") as InputLaw[],
      ds: numberListFlag(flags, "d", [10], { integer: true, min: 1, max: 10000 }),
      Ns: numberListFlag(flags, "N", [100, 1000, 10000], { integer: true, min: 1, max: 10_000_000 }),
      thetas: numberListFlag(
        flags,
        "thetas",
        Array.from({ length: 12 }, (_, i) => (Math.PI * i) / 12),
        { min: 0, max: Math.PI },
      ),
      thetaN: intFlag(flags, "theta-N", { default: 1000, min: 1, max: 10_000_000 }),
      pairs: intFlag(flags, "pairs", { default: 20, min: 2, max: MAX_PAIRS }),
      seed: intFlag(flags, "seed", { default: 1, min: 0 }),
    });
    if (boolFlag(flags, "json")) printJson(result);
    else {
      for (const c of result.versusTheta)
        console.log(
          `θ ${c.theta?.toFixed(3)} (gaussian, d ${c.d}, N ${c.N}): ${c.meanRelativeError.toFixed(4)} ± ${c.standardError.toFixed(4)}`,
        );
      for (const c of result.versusN)
        console.log(
          `${c.law} d ${c.d} N ${c.N}: ${c.meanRelativeError.toFixed(4)} ± ${c.standardError.toFixed(4)}`,
        );
    }
    return 0;
  },
};
