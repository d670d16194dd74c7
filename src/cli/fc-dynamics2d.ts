/**
 * `minima fc dynamics2d`: Tian's 2-D (x, y) dynamics for K ≥ 2 and an orthonormal teacher (Tian 2017,
 * eqs. 16–17 and Thm 4.1 of the workshop version; docs/tian.md#the-two-dimensional-dynamics), optionally checked against full d-dimensional population GD.
 */
import { InputError } from "../core/errors.js";
import { compareWithFull, simulate2d } from "../experiments/tian/dynamics2d.js";
import type { Command } from "./command.js";
import { reluOnlyActivation } from "./fc-common.js";
import { boolFlag, choiceFlag, intFlag, numberFlag, parseFlags } from "./flags.js";
import { MAX_FULL_CHECK_WEIGHTS, MAX_GD_STEPS, MAX_MAP_STEPS, MAX_RECORDED, MAX_START } from "./limits.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima fc dynamics2d --K K --x0 x --y0 y [--eta E] [--steps N] [--mode plain|diagonal|resymmetrise]
                            [--every n] [--check-full] [--d D] [--json]

Steps the map (x, y) ← (x, y) + η(ẋ, ẏ) of w_j = x·w*_j + y·Σ_{k≠j} w*_k (exactly population GD on
J = ½E[(g − g*)²] with w*_j = e_j). Reports the trajectory, its limit (teacher (1, 0), saddle (x*_K, x*_K),
singular (0, 0) or other), x*_K = (√(K−1) − arccos(1/√K) + π)/(πK), and the largest y on the way.
Symmetric starts x0 = y0: --mode diagonal integrates the 1-D diagonal equation; resymmetrise sets
x = y = (x+y)/2 after each step; plain (default) does neither — in double precision it drifts off the
diagonal for larger K (rounding breaks the symmetry) and reaches (1, 0).
--check-full also runs full population GD in d dimensions (default d = K) from the same start and prints
the largest deviation between the two and from the (x, y) form.

Defaults: --eta 0.01 --steps 1000 (the settings of the author's dynamics.py), --every steps/100.
Example: minima fc dynamics2d --K 5 --x0 1e-3 --y0 0 --json
ReLU only: --activation accepts relu alone (the 2-D (x, y) reduction is ReLU's closed-form dynamics).`;

export const fcDynamics2dCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      K: { type: "string" },
      x0: { type: "string" },
      y0: { type: "string" },
      eta: { type: "string" },
      steps: { type: "string" },
      mode: { type: "string" },
      every: { type: "string" },
      "check-full": { type: "boolean" },
      d: { type: "string" },
      activation: { type: "string" },
      json: { type: "boolean" },
    });
    reluOnlyActivation(flags, "fc dynamics2d", "the 2-D (x, y) reduction is ReLU's closed-form dynamics");
    const K = intFlag(flags, "K", { min: 2, max: 100000 });
    // The map's region of interest is |x|, |y| of order 1; far beyond it its squares overflow.
    const x0 = numberFlag(flags, "x0", { min: -MAX_START, max: MAX_START });
    const y0 = numberFlag(flags, "y0", { min: -MAX_START, max: MAX_START });
    if (x0 === 0 && y0 === 0) throw new InputError("--x0, --y0", "must not both be 0 (the singular point)");
    const eta = numberFlag(flags, "eta", { default: 0.01, min: 0, exclusiveMin: true });
    const steps = intFlag(flags, "steps", { default: 1000, min: 0, max: MAX_MAP_STEPS });
    const mode = choiceFlag(flags, "mode", ["plain", "diagonal", "resymmetrise"] as const, "plain");
    if (mode !== "plain" && x0 !== y0)
      throw new InputError("--mode", `${mode} needs a symmetric start x0 = y0`, mode);
    const every = intFlag(flags, "every", {
      default: Math.max(1, Math.floor(steps / 100)),
      min: 1,
      max: MAX_MAP_STEPS,
    });
    const result = simulate2d({ K, x0, y0, eta, steps, mode, recordEvery: every });
    if (steps / every > MAX_RECORDED)
      throw new InputError("--every", `must keep steps/every <= ${MAX_RECORDED} recorded points`, every);
    let full: ReturnType<typeof compareWithFull> | undefined;
    if (boolFlag(flags, "check-full")) {
      const d = intFlag(flags, "d", { default: K, min: 1, max: 100000 });
      if (K * d > MAX_FULL_CHECK_WEIGHTS)
        throw new InputError("--check-full", `needs K·d <= ${MAX_FULL_CHECK_WEIGHTS} weights`, K * d);
      if (steps > MAX_GD_STEPS)
        throw new InputError("--steps", `must be <= ${MAX_GD_STEPS} with --check-full (full GD)`, steps);
      full = compareWithFull({ K, d, x0, y0, eta, steps });
    }
    if (boolFlag(flags, "json")) {
      printJson({ ...result, ...(full ? { fullCheck: full } : {}) });
      return 0;
    }
    for (const p of result.trajectory)
      console.log(
        `step ${p.step}: x ${formatNumber(p.x)}  y ${formatNumber(p.y)}  error ${formatNumber(p.error)}`,
      );
    if (result.divergedAt !== undefined)
      console.log(
        `diverged at step ${result.divergedAt} (x or y passed 1e100); the last finite point is above`,
      );
    console.log(
      `limit ${result.limit}; saddle x*_K = ${formatNumber(result.saddle)}; max y ${formatNumber(result.maxY.y)} at step ${result.maxY.step}`,
    );
    if (full)
      console.log(
        `full GD (d = ${full.d}): max deviation ${formatNumber(full.maxDeviation)}, structure residual ${formatNumber(full.maxStructureResidual)}${full.divergedAt === undefined ? "" : ` (until it diverged at step ${full.divergedAt})`}`,
      );
    return 0;
  },
};
