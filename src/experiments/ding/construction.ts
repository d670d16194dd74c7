/**
 * Step 2 of the construction (docs/ding.md#step-2-the-point): the point itself.
 *   W₁ = 0, b₁ = a·1 with σ'(a) > 0, σ''(a) > 0 (the activation's suggested point);
 *   layers l ≥ 2: positive weights, b_l = a·1 − W_l σ(a)·1, so every pre-activation equals a;
 *   output: weights of the curvature sign s, b₀ = c − vᵀh_H, so f ≡ c (the label mean).
 * With convex increasing units and positive weights, F(z) (the output as a function of the
 * first-layer pre-activations) is locally strictly convex; s = −1 (for labels whose S ≺ 0) makes
 * it concave. The labels are y = c − r from the residual design, or given.
 */
import type { Activation } from "../../activations/activation.js";
import { checkActivation } from "../../activations/registry.js";
import { float64Argument, listArgument, objectArgument, rowsArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { finiteNumber, integerInRange, oneOf } from "../../core/validate.js";
import { symmetricEigen } from "../../math/eigen.js";
import { Rng, type Seed } from "../../math/rng.js";
import { checkMlpData } from "../../models/mlp/data.js";
import {
  checkMlpArchitecture,
  MLP_MAX_SIZE,
  Mlp,
  type MlpArchitecture,
  type MlpData,
} from "../../models/mlp/network.js";
import { designResidual, quadraticMoment } from "./residual-design.js";

/** "unit": downstream weights 1/d_{l−1} and output weights ±1 (the worked example of docs/ding.md); "random": U[0.5, 1.5] scaled alike. */
export type WeightStyle = "unit" | "random";

export interface DingPointSpec {
  readonly activation: Activation;
  readonly widths: readonly number[];
  readonly inputs: readonly Float64Array[];
  /** Given labels; when absent they are designed as y = labelMean − r. */
  readonly labels?: Float64Array;
  /** c, the label mean for designed labels (default 0.3, docs/ding.md#random-data). */
  readonly labelMean?: number;
  readonly weights?: WeightStyle;
  readonly seed: Seed;
}

export interface DingPoint {
  readonly architecture: MlpArchitecture;
  readonly data: MlpData;
  readonly theta: Float64Array;
  /** Residual f(xᵢ) − yᵢ at the point. */
  readonly residual: Float64Array;
  /** +1 when S is positive definite, −1 when negative definite, 0 when indefinite or singular. */
  readonly curvatureSign: 1 | -1 | 0;
  /** The pre-activation a used in every hidden layer. */
  readonly preActivation: number;
  readonly labelsDesigned: boolean;
  /** How the residual was designed, when it was. */
  readonly designMethod?: "exact" | "max-min-eigenvalue";
}

/** Stream of the downstream and output weights: Rng.fromSeed(seed, WEIGHT_STREAM). */
export const WEIGHT_STREAM = 2;

/** Hidden widths of a construction: a non-empty list of integers from 1 to MLP_MAX_SIZE. */
export function checkWidths(field: string, widths: unknown): number[] {
  return listArgument(field, widths, (f, w) => integerInRange(f, w, 1, MLP_MAX_SIZE));
}

/** A constructed point given to a public function: its architecture, data, θ and curvature sign. */
export function checkDingPoint(point: unknown, field = "point"): DingPoint {
  const o = objectArgument(
    field,
    point,
    "a point {architecture, data, theta, curvatureSign} (from buildDingPoint)",
  );
  const architecture = checkMlpArchitecture(o.architecture, `${field}.architecture`);
  checkMlpData(o.data, architecture.inputDim, `${field}.data`);
  float64Argument(`${field}.theta`, o.theta, new Mlp(architecture).parameterCount);
  if (o.curvatureSign !== 1 && o.curvatureSign !== -1 && o.curvatureSign !== 0)
    throw new InputError(`${field}.curvatureSign`, "must be 1, -1 or 0", o.curvatureSign);
  return point as DingPoint;
}

export function buildDingPoint(spec: DingPointSpec): DingPoint {
  const o = objectArgument("spec", spec, "a spec {activation, widths, inputs, seed, …}");
  checkActivation("activation", o.activation);
  checkWidths("widths", o.widths);
  const rows = rowsArgument("inputs", o.inputs);
  if (o.labels !== undefined) float64Argument("labels", o.labels, rows.length);
  if (o.labelMean !== undefined) finiteNumber("labelMean", o.labelMean);
  if (o.weights !== undefined) oneOf("weights", o.weights, ["unit", "random"] as const);
  integerInRange("seed", o.seed, 0);
  const { activation, widths, inputs } = spec;
  const a = activation.suggestedPoint;
  if (a === undefined)
    throw new InputError(
      "activation",
      "must satisfy the theorem's condition (smooth with σ''(a) ≠ 0)",
      activation.name,
    );
  if (widths.length === 0) throw new InputError("widths", "must list at least one hidden width");
  const inputDim = inputs[0].length;
  let labels: Float64Array;
  let curvatureSign: DingPoint["curvatureSign"];
  let designMethod: DingPoint["designMethod"];
  if (spec.labels) {
    labels = spec.labels;
    const mean = labels.reduce((s, v) => s + v, 0) / labels.length;
    curvatureSign = definiteness(
      quadraticMoment(
        inputs,
        Float64Array.from(labels, (y) => mean - y),
      ),
    );
  } else {
    const design = designResidual(inputs);
    const c = spec.labelMean ?? 0.3;
    labels = Float64Array.from(design.r, (r) => c - r);
    curvatureSign = 1;
    designMethod = design.method;
  }
  const labelMean = labels.reduce((s, v) => s + v, 0) / labels.length;
  const architecture: MlpArchitecture = { inputDim, widths, activation };
  const net = new Mlp(architecture);
  const theta = new Float64Array(net.parameterCount);
  const rng = Rng.fromSeed(spec.seed, WEIGHT_STREAM);
  const draw = () => (spec.weights === "random" ? 0.5 + rng.uniform() : 1);
  const sigmaA = activation.value(a);
  theta.fill(a, net.biasOffsets[0], net.biasOffsets[0] + widths[0]);
  for (let l = 2; l <= net.depth; l++) {
    const din = net.sizes[l - 1];
    for (let j = 0; j < net.sizes[l]; j++) {
      let incoming = 0;
      for (let k = 0; k < din; k++) {
        const w = draw() / din;
        theta[net.weightIndex(l, j, k)] = w;
        incoming += w * sigmaA;
      }
      theta[net.biasOffsets[l - 1] + j] = a - incoming;
    }
  }
  // An indefinite S cannot be matched by any sign; +1 is used and the certificate reports the failure.
  const sign = curvatureSign === -1 ? -1 : 1;
  let out = 0;
  for (let j = 0; j < net.sizes[net.depth]; j++) {
    const v = sign * draw();
    theta[net.outputWeightOffset + j] = v;
    out += v * sigmaA;
  }
  theta[net.outputBiasOffset] = labelMean - out;
  const data: MlpData = { x: inputs, y: labels };
  const outputs = net.outputs(theta, data);
  const residual = Float64Array.from(outputs, (f, i) => f - labels[i]);
  return {
    architecture,
    data,
    theta,
    residual,
    curvatureSign,
    preActivation: a,
    labelsDesigned: !spec.labels,
    designMethod,
  };
}

/** +1 if S ≻ 0, −1 if S ≺ 0, 0 otherwise (tolerance 1e-12 of the largest |eigenvalue|). */
export function definiteness(s: Float64Array[]): 1 | -1 | 0 {
  const values = symmetricEigen(s).values;
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  const tol = 1e-12 * scale;
  if (scale > 0 && values[0] > tol) return 1;
  if (scale > 0 && values[values.length - 1] < -tol) return -1;
  return 0;
}
