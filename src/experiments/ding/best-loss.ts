/**
 * The best loss found away from the constructed point, by two independent routes (docs/ding.md#the-loss-at-the-point-and-elsewhere):
 * - random features: random hidden layers, then the output layer by least squares — exact
 *   interpolation (loss ≈ 0) when d_H + 1 ≥ N and the features have rank N;
 * - training: L-BFGS from random starts on all parameters.
 * Each loss is re-evaluated by the network itself at the parameters found.
 */

import { objectArgument } from "../../core/arguments.js";
import { integerInRange } from "../../core/validate.js";
import { leastSquares } from "../../math/least-squares.js";
import { Rng, type Seed } from "../../math/rng.js";
import { checkMlpData } from "../../models/mlp/data.js";
import { checkMlpArchitecture, Mlp, type MlpArchitecture, type MlpData } from "../../models/mlp/network.js";
import { lbfgs } from "../../train/lbfgs.js";

export interface BestLossOptions {
  readonly featureDraws?: number;
  readonly trainingStarts?: number;
  readonly trainingIterations?: number;
  readonly seed: Seed;
}

export interface BestLossReport {
  readonly randomFeatureLosses: number[];
  readonly trainingLosses: number[];
  readonly bestLoss: number;
  /** The parameters that reached bestLoss. */
  readonly bestTheta: Float64Array;
  readonly bestFrom: "random-features" | "training";
}

export const FEATURE_STREAM = 3;
export const TRAINING_STREAM = 4;

/** Gaussian hidden layers: W ~ N(0, 1/d_{l−1}), b ~ N(0, 1); output layer zero. */
function randomHidden(net: Mlp, rng: Rng): Float64Array {
  const theta = new Float64Array(net.parameterCount);
  for (let l = 1; l <= net.depth; l++) {
    const din = net.sizes[l - 1];
    for (let j = 0; j < net.sizes[l]; j++) {
      for (let k = 0; k < din; k++) theta[net.weightIndex(l, j, k)] = rng.normal() / Math.sqrt(din);
      theta[net.biasOffsets[l - 1] + j] = rng.normal();
    }
  }
  return theta;
}

/** Features h_H(xᵢ) of the network at theta (output weights ignored), read through unit output weights. */
function lastHidden(net: Mlp, theta: Float64Array, x: Float64Array): Float64Array {
  const dH = net.sizes[net.depth];
  const t = Float64Array.from(theta);
  const out = new Float64Array(dH);
  t[net.outputBiasOffset] = 0;
  for (let j = 0; j < dH; j++) {
    t.fill(0, net.outputWeightOffset, net.outputWeightOffset + dH);
    t[net.outputWeightOffset + j] = 1;
    out[j] = net.output(t, x);
  }
  return out;
}

export function bestLossElsewhere(
  architecture: MlpArchitecture,
  data: MlpData,
  options: BestLossOptions,
): BestLossReport {
  checkMlpData(data, checkMlpArchitecture(architecture).inputDim);
  const o = objectArgument("options", options, "options {seed, …}");
  integerInRange("options.seed", o.seed, 0);
  for (const f of ["featureDraws", "trainingStarts", "trainingIterations"])
    if (o[f] !== undefined) integerInRange(`options.${f}`, o[f], 0);
  const net = new Mlp(architecture);
  const dH = net.sizes[net.depth];
  const randomFeatureLosses: number[] = [];
  const trainingLosses: number[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestTheta: Float64Array = new Float64Array(net.parameterCount);
  let bestFrom: BestLossReport["bestFrom"] = "random-features";
  for (let draw = 0; draw < (options.featureDraws ?? 3); draw++) {
    const theta = randomHidden(net, Rng.fromSeed(options.seed, FEATURE_STREAM, draw));
    const rows = data.x.map((x) => {
      const row = new Float64Array(dH + 1);
      row.set(lastHidden(net, theta, x));
      row[dH] = 1;
      return row;
    });
    const { x: coef } = leastSquares(rows, data.y);
    theta.set(coef.subarray(0, dH), net.outputWeightOffset);
    theta[net.outputBiasOffset] = coef[dH];
    const loss = net.loss(theta, data);
    randomFeatureLosses.push(loss);
    if (loss < bestLoss) {
      bestLoss = loss;
      bestTheta = theta;
      bestFrom = "random-features";
    }
  }
  const objective = {
    loss: (t: Float64Array) => net.loss(t, data),
    gradient: (t: Float64Array) => net.gradient(t, data),
  };
  for (let start = 0; start < (options.trainingStarts ?? 3); start++) {
    const rng = Rng.fromSeed(options.seed, TRAINING_STREAM, start);
    const theta0 = randomHidden(net, rng);
    for (let j = 0; j <= dH; j++) theta0[net.outputWeightOffset + j] = rng.normal() / Math.sqrt(dH + 1);
    const result = lbfgs(objective, theta0, {
      maxIterations: options.trainingIterations ?? 1000,
      gradTol: 1e-12,
      targetLoss: 1e-24,
    });
    const loss = net.loss(result.x, data);
    if (!Number.isFinite(loss)) continue;
    trainingLosses.push(loss);
    if (loss < bestLoss) {
      bestLoss = loss;
      bestTheta = result.x;
      bestFrom = "training";
    }
  }
  return { randomFeatureLosses, trainingLosses, bestLoss, bestTheta, bestFrom };
}
