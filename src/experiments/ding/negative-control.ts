/**
 * The negative control (docs/ding.md#the-negative-control): flip the sign of one output weight (b₀ compensated, so the
 * loss is unchanged). v₁σ''(a) then has the wrong sign, ∇²F becomes indefinite and the point is a
 * saddle from which gradient descent escapes. In a deep net a single flip can leave ∇²F definite
 * (the other units dominate); then every output weight is flipped, which makes ∇²F definite of
 * the wrong sign. The control reports which weights it flipped.
 */

import { objectArgument } from "../../core/arguments.js";
import { integerInRange, positiveNumber } from "../../core/validate.js";
import { largestMagnitude } from "../../landscape/classify.js";
import { symmetricEigen } from "../../math/eigen.js";
import { Rng, type Seed } from "../../math/rng.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import { Mlp } from "../../models/mlp/network.js";
import { gradientDescent } from "../../train/objective-descent.js";
import { checkDingPoint, type DingPoint } from "./construction.js";

export interface NegativeControl {
  /** Indices j of the output weights whose sign was flipped. */
  readonly flipped: number[];
  readonly lossAtPoint: number;
  readonly minEigenvalueF: number;
  readonly index: number;
  readonly minEigenvalue: number;
  readonly label: "saddle" | "not a saddle";
  /** Loss after gradient descent from a perturbation of the flipped point. */
  readonly lossAfterDescent: number;
  readonly iterations: number;
  /** Descent ended below L*·(1 − 1e-3). */
  readonly escaped: boolean;
}

export const CONTROL_STREAM = 5;

/** θ with the output weights in `flipped` negated and b₀ compensated so every output is unchanged. */
export function flipOutputWeights(
  net: Mlp,
  theta: Float64Array,
  flipped: readonly number[],
  factor = -1,
): Float64Array {
  const t = Float64Array.from(theta);
  // At the construction, every last-layer unit outputs σ(a_H); read it from the network to stay general.
  const hH = new Float64Array(net.sizes[net.depth]);
  for (let j = 0; j < hH.length; j++) {
    const probe = Float64Array.from(theta);
    probe.fill(0, net.outputWeightOffset, net.outputBiasOffset + 1);
    probe[net.outputWeightOffset + j] = 1;
    hH[j] = net.output(probe, new Float64Array(net.sizes[0]));
  }
  for (const j of flipped) {
    const old = t[net.outputWeightOffset + j];
    t[net.outputWeightOffset + j] = factor * old;
    t[net.outputBiasOffset] -= (factor * old - old) * hH[j];
  }
  return t;
}

function minCurvature(net: Mlp, theta: Float64Array, point: DingPoint): number {
  const sign = point.curvatureSign === -1 ? -1 : 1;
  const hf = net
    .outputHessianBlock(theta, point.data.x[0], net.biasOffsets[0], net.sizes[1])
    .map((row) => row.map((v) => sign * v));
  return symmetricEigen(hf).values[0];
}

export function negativeControl(
  point: DingPoint,
  options: { seed: Seed; radius?: number; iterations?: number },
): NegativeControl {
  checkDingPoint(point);
  const o = objectArgument("options", options, "options {seed, radius?, iterations?}");
  integerInRange("options.seed", o.seed, 0);
  if (o.radius !== undefined) positiveNumber("options.radius", o.radius);
  if (o.iterations !== undefined) integerInRange("options.iterations", o.iterations, 0);
  const net = new Mlp(point.architecture);
  const dH = net.sizes[net.depth];
  let flipped = [0];
  let theta = flipOutputWeights(net, point.theta, flipped);
  let minEigenvalueF = minCurvature(net, theta, point);
  if (minEigenvalueF > 0 && dH > 1) {
    flipped = Array.from({ length: dH }, (_, j) => j);
    theta = flipOutputWeights(net, point.theta, flipped);
    minEigenvalueF = minCurvature(net, theta, point);
  }
  const data = point.data;
  const lossAtPoint = net.loss(theta, data);
  const spectrum = hessianSpectrum(net.hessian(theta, data));
  const rng = Rng.fromSeed(options.seed, CONTROL_STREAM);
  const radius = options.radius ?? 1e-3;
  const start = Float64Array.from(theta, (v) => v + radius * rng.normal());
  const target = lossAtPoint * (1 - 1e-3);
  const result = gradientDescent(
    { loss: (t) => net.loss(t, data), gradient: (t) => net.gradient(t, data) },
    start,
    {
      step: 0.5 / Math.max(largestMagnitude(spectrum), 1e-12),
      iterations: options.iterations ?? 20000,
      targetLoss: target,
    },
  );
  return {
    flipped,
    lossAtPoint,
    minEigenvalueF,
    index: spectrum.index,
    minEigenvalue: spectrum.eigenvalues[0],
    label: spectrum.index > 0 ? "saddle" : "not a saddle",
    lossAfterDescent: result.loss,
    iterations: result.iterations,
    escaped: result.loss < target,
  };
}
