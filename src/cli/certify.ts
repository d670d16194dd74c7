/**
 * `minima certify`: builds the sub-optimal local minimum of Ding, Li & Sun (2019) (the construction
 * of docs/ding.md#the-construction) for an activation, data and widths, runs the whole verification
 * protocol (docs/ding.md#the-verification-protocol)
 * and prints the certificate and a verdict that rests on those measurements.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { activationByName, activationNames } from "../activations/registry.js";
import { InputError } from "../core/errors.js";
import { type DingExperimentReport, runDingExperiment } from "../experiments/ding/certify.js";
import { parseLabelledCsv } from "../experiments/ding/data-csv.js";
import { toJson } from "../io/json.js";
import { mlpProblemJson } from "../models/mlp/format.js";
import { Mlp, type MlpData } from "../models/mlp/network.js";
import type { Command } from "./command.js";
import {
  boolFlag,
  choiceFlag,
  intFlag,
  optionalStringFlag,
  type ParsedFlags,
  parseDecimal,
  parseFlags,
  stringFlag,
} from "./flags.js";
import { formatNumber, printJson } from "./output.js";

const usage = `Usage: minima certify --activation NAME --d0 D --samples N --widths W1[,W2,…] [--seed S]
                       [--data FILE.csv] [--weights random|unit] [--restarts K] [--iterations T]
                       [--design-labels] [--training-starts M] [--save-point FILE.json] [--json]

Builds the sub-optimal local minimum of Ding, Li & Sun (2019) for a fully connected network with
biases, squared loss ½Σ(f(xᵢ) − yᵢ)² and the given hidden widths: first layer zero with biases at a
point a where σ'' ≠ 0, later layers positive so the output bends against the labels' curvature,
output = label mean. Labels are designed (y = c − r with Σr = 0, Σr·x = 0, Σr·xxᵀ ≻ 0) for N seeded
Gaussian inputs in ℝ^D, or taken from --data. Then it measures: R1/R2 residuals, λ_min(S), λ_min(∇²F),
‖∇L‖, the exact Hessian spectrum and its zero modes against the predicted P − d₀·d₁ − 1, K perturbed
gradient-descent restarts, the best loss elsewhere (least squares on random features, L-BFGS from
M random starts), the negative control (one output weight flipped: a saddle GD escapes) and the
escape along the flat valley (constant loss, then descent).

Verdict: "sub-optimal local minimum" | "local minimum, sub-optimality not shown" |
"not a local minimum" | "outside the theorem" (linear and piecewise-linear activations), with a reason.

Flags:
  --activation NAME   ${activationNames().join(", ")}
  --d0 D              input dimension (with --data: optional, must match the file)
  --samples N         number of samples (with --data: optional, must match the file)
  --widths W1,W2,…    hidden widths, each >= 1 (any depth)
  --seed S            seed of the inputs, downstream weights, restarts and random starts (default 1)
  --data FILE.csv     labelled data: a header row, then rows x1,…,xD,y (last column is the label)
  --design-labels     with --data: ignore its labels and design them for its inputs (as for generated data)
  --weights           random: downstream and output weights in [0.5, 1.5] (default);
                      unit: all 1 (the worked example of docs/ding.md)
  --restarts K        perturbed restarts (default 5); --iterations T per restart (default 5000)
  --training-starts M L-BFGS runs from random starts (default 3)
  --save-point FILE   also write the constructed point as an "mlp" problem JSON (for minima classify)
  --json              print JSON

Example: minima certify --activation sigmoid --d0 2 --samples 10 --widths 10 --seed 1`;

function parseWidths(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim());
  const widths = parts.map(parseDecimal);
  if (widths.some((w) => !Number.isSafeInteger(w) || w < 1 || w > 1000))
    throw new InputError(
      "--widths",
      "must be comma-separated integers from 1 to 1000, e.g. 10 or 6,10,12",
      text,
    );
  return widths;
}

function readData(file: string): MlpData {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError("--data", "must be a readable CSV file", file);
  }
  return parseLabelledCsv(text);
}

function optionalInt(flags: ParsedFlags, name: string, min: number, max: number): number | undefined {
  return optionalStringFlag(flags, name) === undefined ? undefined : intFlag(flags, name, { min, max });
}

function jsonReport(r: DingExperimentReport) {
  const base = {
    verdict: r.verdict,
    reason: r.reason,
    activation: r.activation,
    widths: r.widths,
    d0: r.inputDim,
    samples: r.samples,
    parameters: r.parameters,
  };
  const c = r.certificate;
  if (!c || !r.point || !r.restarts || !r.bestLoss) return base;
  return {
    ...base,
    lossAtPoint: c.lossAtPoint,
    bestLoss: r.bestLoss.bestLoss,
    gradNorm: c.gradNorm,
    minEigenvalue: c.minEigenvalue,
    zeroModes: c.zeroModes,
    predictedZeroModes: c.predictedZeroModes,
    preActivation: r.point.preActivation,
    labelsDesigned: r.point.labelsDesigned,
    certificate: {
      holds: c.holds,
      failures: c.failures,
      r1: c.r1,
      r2: c.r2,
      curvatureSign: c.curvatureSign,
      minEigenvalueS: c.minEigenvalueS,
      minEigenvalueF: c.minEigenvalueF,
      nearbyMinEigenvalueF: c.nearbyMinEigenvalueF,
      nearbyLossDeviation: c.nearbyLossDeviation,
      index: c.index,
      maxEigenvalue: c.maxEigenvalue,
      zeroThreshold: c.zeroThreshold,
      eigenvalues: c.eigenvalues,
    },
    restarts: {
      finalLosses: r.restarts.finalLosses,
      returned: r.restarts.returned,
      descended: r.restarts.descended,
      maxDistance: r.restarts.maxDistance,
    },
    bestLossDetail: {
      bestFrom: r.bestLoss.bestFrom,
      randomFeatureLosses: r.bestLoss.randomFeatureLosses,
      trainingLosses: r.bestLoss.trainingLosses,
    },
    ...(r.control ? { negativeControl: r.control } : {}),
    ...(r.escape ? { escapePath: r.escape } : {}),
  };
}

function textReport(r: DingExperimentReport): string {
  const lines = [
    `Ding, Li & Sun construction: ${r.activation}, d0 = ${r.inputDim}, N = ${r.samples}, widths ${r.widths.join(",")}, P = ${r.parameters}`,
  ];
  const c = r.certificate;
  if (c && r.restarts && r.bestLoss) {
    lines.push(
      `  loss at point      L* = ${formatNumber(c.lossAtPoint, 10)}`,
      `  gradient norm      ${formatNumber(c.gradNorm, 3)}`,
      `  R1, R2 residuals   ${formatNumber(c.r1, 2)}, ${formatNumber(c.r2, 2)}`,
      `  λ_min(S), λ_min(∇²F)  ${formatNumber(c.minEigenvalueS, 5)}, ${formatNumber(c.minEigenvalueF, 5)}`,
      `  Hessian            λ_min ${formatNumber(c.minEigenvalue, 3)}, λ_max ${formatNumber(c.maxEigenvalue, 5)}, index ${c.index}, zero modes ${c.zeroModes} (predicted ${c.predictedZeroModes})`,
      `  restarts           ${r.restarts.finalLosses.map((l) => formatNumber(l, 10)).join(", ")} (${r.restarts.returned ? "all returned to L*" : r.restarts.descended ? "one descended" : "not all returned"})`,
      `  best loss          ${formatNumber(r.bestLoss.bestLoss, 4)} (${r.bestLoss.bestFrom})`,
    );
    if (r.control)
      lines.push(
        `  negative control   flip v${r.control.flipped.length === 1 ? r.control.flipped[0] + 1 : " (all)"}: ${r.control.label}, λ_min ${formatNumber(r.control.minEigenvalue, 3)}, GD ${r.control.escaped ? "escapes below L*" : "does not escape"}, stopped at ${formatNumber(r.control.lossAfterDescent, 6)}`,
      );
    if (r.escape)
      lines.push(
        `  flat valley        loss constant to ${formatNumber(r.escape.valleyDeviation, 2)}, then ${r.escape.descent.map((p) => formatNumber(p.loss, 8)).join(" → ")}`,
      );
  }
  lines.push(`verdict: ${r.verdict} (${r.reason})`);
  return lines.join("\n");
}

export const certifyCommand: Command = {
  usage,
  run(argv) {
    const flags = parseFlags(argv, {
      activation: { type: "string" },
      d0: { type: "string" },
      samples: { type: "string" },
      widths: { type: "string" },
      seed: { type: "string" },
      data: { type: "string" },
      weights: { type: "string" },
      restarts: { type: "string" },
      iterations: { type: "string" },
      "training-starts": { type: "string" },
      "save-point": { type: "string" },
      "design-labels": { type: "boolean" },
      json: { type: "boolean" },
    });
    const activation = activationByName(stringFlag(flags, "activation"), "--activation");
    const widths = parseWidths(stringFlag(flags, "widths"));
    const seed = intFlag(flags, "seed", { default: 1, min: 0 });
    const weights = choiceFlag(flags, "weights", ["random", "unit"] as const, "random");
    const dataFile = optionalStringFlag(flags, "data");
    const d0 = optionalInt(flags, "d0", 1, 20);
    const samples = optionalInt(flags, "samples", 1, 1000);
    let data: MlpData | undefined;
    if (dataFile !== undefined) {
      data = readData(dataFile);
      if (d0 !== undefined && d0 !== data.x[0].length)
        throw new InputError("--d0", `must match the ${data.x[0].length} input columns of --data`, d0);
      if (samples !== undefined && samples !== data.x.length)
        throw new InputError("--samples", `must match the ${data.x.length} rows of --data`, samples);
    } else {
      if (d0 === undefined)
        throw new InputError("--d0", "is required (an integer from 1 to 20) unless --data is given");
      if (samples === undefined)
        throw new InputError("--samples", "is required (an integer from 1 to 1000) unless --data is given");
    }
    const inputDim = data ? data.x[0].length : (d0 as number);
    const designLabels = boolFlag(flags, "design-labels");
    if (designLabels && !data)
      throw new InputError("--design-labels", "needs --data (generated data always has designed labels)");
    const parameters = new Mlp({ inputDim, widths, activation }).parameterCount;
    if (parameters > 3000)
      throw new InputError(
        "--widths",
        "give at most 3000 parameters (the exact Hessian is dense)",
        `${parameters} parameters`,
      );
    const report = runDingExperiment({
      activation,
      widths,
      seed,
      data,
      designLabels,
      inputDim: d0,
      samples,
      weights,
      restarts: intFlag(flags, "restarts", { default: 5, min: 0, max: 1000 }),
      restartIterations: intFlag(flags, "iterations", { default: 5000, min: 1, max: 10_000_000 }),
      trainingStarts: intFlag(flags, "training-starts", { default: 3, min: 0, max: 1000 }),
    });
    const savePoint = optionalStringFlag(flags, "save-point");
    if (savePoint !== undefined) {
      if (!report.point)
        throw new InputError("--save-point", "needs an activation inside the theorem (no point is built)");
      const p = report.point;
      try {
        writeFileSync(savePoint, `${toJson(mlpProblemJson(p.architecture, p.data, p.theta), 2)}\n`);
      } catch {
        throw new InputError("--save-point", "must be a writable file path", savePoint);
      }
    }
    if (boolFlag(flags, "json")) printJson(jsonReport(report));
    else console.log(textReport(report));
    return 0;
  },
};
