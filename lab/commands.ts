/**
 * The `minima` command line equivalent to each view's state. The command names and flags are
 * those of src/cli/*.ts; the e2e tests run these lines through the real CLI and compare its output
 * with the numbers on screen.
 */
import type { CnnState, ProbabilityState } from "./state.js";

export function cnnCommand(s: CnnState): string {
  return [
    "minima cnn train",
    `--k ${s.k}`,
    `--p ${s.p}`,
    `--ratio ${s.ratio}`,
    `--anorm ${s.aNorm}`,
    `--eta ${s.eta}`,
    `--steps ${s.steps}`,
    `--init ${s.init}`,
    `--seed ${s.seed}`,
    `--trial ${s.trial}`,
    "--json",
  ].join(" ");
}

export function probabilityCommand(s: ProbabilityState): string {
  return [
    "minima cnn probability",
    `--k ${s.ks.join(",")}`,
    `--ratio ${s.ratios.join(",")}`,
    `--trials ${s.trials}`,
    `--p ${s.p}`,
    `--anorm ${s.aNorm}`,
    `--eta ${s.eta}`,
    `--steps ${s.steps}`,
    `--seed ${s.seed}`,
    "--json",
  ].join(" ");
}
