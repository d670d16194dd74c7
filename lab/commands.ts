/**
 * The `minima` command line equivalent to each view's state. The command names and flags are
 * those of src/cli/*.ts; the e2e tests run these lines through the real CLI and compare its output
 * with the numbers on screen.
 */
import { cellSpec, probabilityCells } from "./compute/probability.js";
import { studentWidth } from "./compute/spurious.js";
import type { CnnState, DingState, ProbabilityState, SpuriousState, TianState } from "./state.js";

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

/** One `minima cnn probability` line per cell, with the cell's resolved step size and budget. */
export function probabilityCommand(s: ProbabilityState): string {
  const cells = probabilityCells(s);
  if (cells.length === 0) return "(no cell has ratio <= k)";
  return cells
    .map(({ k, ratio }) => {
      const spec = cellSpec(s, k, ratio);
      return [
        "minima cnn probability",
        `--k ${k}`,
        `--ratio ${ratio}`,
        `--trials ${s.trials}`,
        `--p ${spec.p}`,
        `--anorm ${spec.anorm}`,
        `--eta ${spec.eta}`,
        `--steps ${spec.maxSteps}`,
        `--seed ${s.seed}`,
        "--json",
      ].join(" ");
    })
    .join("\n");
}

/** One `minima fc dynamics2d` line per start; symmetric starts use the exact diagonal equation, as the view does. */
export function tianCommand(s: TianState): string | undefined {
  if (s.starts.length === 0) return undefined;
  return s.starts
    .map(
      ([x, y]) =>
        `minima fc dynamics2d --K ${s.K} --x0 ${x} --y0 ${y} --eta ${s.eta} --steps ${s.steps} --mode ${x === y ? "diagonal" : "plain"} --json`,
    )
    .join("\n");
}

export function dingCommand(s: DingState): string {
  return [
    "minima certify",
    `--activation ${s.activation}`,
    `--d0 ${s.inputDim}`,
    `--samples ${s.samples}`,
    `--widths ${s.widths.join(",")}`,
    `--seed ${s.seed}`,
    `--weights ${s.weights}`,
    "--json",
  ].join(" ");
}

/** The one `minima fc probability` line of the Spurious view's cell (every flag the view sets, the rest default). */
export function spuriousCommand(s: SpuriousState): string {
  return [
    "minima fc probability",
    `--K ${studentWidth(s)}`,
    `--Kstar ${s.k}`,
    `--d ${s.k}`,
    `--init ${s.init}`,
    ...(s.init === "normal" ? [`--init-std ${s.initStd}`] : []),
    `--eta ${s.eta}`,
    `--trials ${s.runs}`,
    `--seed ${s.seed}`,
    "--json",
  ].join(" ");
}
