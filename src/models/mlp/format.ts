/**
 * The "mlp" problem format: a finite-data fully connected network at a point.
 *
 *   {"model": "mlp", "activation": "sigmoid", "widths": [2],
 *    "layers": [{"weights": [[0], [0]], "biases": [-1, -1]},      // hidden layer 1: d₁ rows of d₀
 *               {"weights": [[1, 1]], "biases": [-0.5379]}],       // output layer: 1 row of d_H
 *    "data": {"x": [[-1.5], [-0.5], [0.5], [1.5]], "y": [-1, 1, 1, -1]}}
 *
 * `layers` has H + 1 entries: the H hidden layers, then the output layer (one row, one bias).
 */
import { activationByName } from "../../activations/registry.js";
import { float64Argument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import { finiteMatrix, finiteVector, integerInRange } from "../../core/validate.js";
import type { Problem, ProblemFormat } from "../problem.js";
import { checkData, checkMlpData } from "./data.js";
import { Mlp, type MlpArchitecture, type MlpData } from "./network.js";
import { mlpProofSupport } from "./proof-support.js";

export const MLP_SHAPE =
  '{"model":"mlp","activation":NAME,"widths":[d1,…],"layers":[{"weights":[[…]],"biases":[…]},…,{"weights":[[v…]],"biases":[b0]}],"data":{"x":[[…],…],"y":[…]}}';

/** The network, data and point as a Problem for the generic tools (classification, restarts). */
export function mlpProblem(architecture: MlpArchitecture, data: MlpData, point: Float64Array): Problem {
  const net = new Mlp(architecture);
  checkMlpData(data, architecture.inputDim);
  float64Argument("point", point, net.parameterCount);
  return {
    model: "mlp",
    point,
    blocks: net.blocks,
    loss: (x) => net.loss(x, data),
    gradient: (x) => net.gradient(x, data),
    hessian: (x) => net.hessian(x, data),
    hessianVector: (x, v) => net.hessianVector(x, data, v),
    proof: mlpProofSupport(net, data),
    structure: (flat) => ({ layers: layersOf(net, flat) }),
  };
}

/** Per-layer {weights, biases} (hidden layers, then the output layer), as plain arrays. */
export function layersOf(net: Mlp, flat: Float64Array): { weights: number[][]; biases: number[] }[] {
  const layers: { weights: number[][]; biases: number[] }[] = [];
  for (let l = 1; l <= net.depth; l++) {
    const din = net.sizes[l - 1];
    const w = net.weightOffsets[l - 1];
    const b = net.biasOffsets[l - 1];
    layers.push({
      weights: Array.from({ length: net.sizes[l] }, (_, j) =>
        Array.from(flat.subarray(w + j * din, w + (j + 1) * din)),
      ),
      biases: Array.from(flat.subarray(b, b + net.sizes[l])),
    });
  }
  layers.push({
    weights: [Array.from(flat.subarray(net.outputWeightOffset, net.outputBiasOffset))],
    biases: [flat[net.outputBiasOffset]],
  });
  return layers;
}

/** The problem JSON for a network at a point (the inverse of `mlpFormat.parse`). */
export function mlpProblemJson(architecture: MlpArchitecture, data: MlpData, point: Float64Array) {
  const net = new Mlp(architecture);
  checkMlpData(data, architecture.inputDim);
  float64Argument("point", point, net.parameterCount);
  return {
    model: "mlp",
    activation: architecture.activation.name,
    widths: [...architecture.widths],
    layers: layersOf(net, point),
    data: { x: data.x.map((row) => Array.from(row)), y: Array.from(data.y) },
  };
}

export interface MlpParts {
  readonly architecture: MlpArchitecture;
  readonly data: MlpData;
  readonly point: Float64Array;
}

/** The architecture, data and point of an "mlp" problem JSON (fields validated as in `mlpFormat.parse`). */
export function parseMlpParts(json: Record<string, unknown>): MlpParts {
  objectArgument("problem", json, "a problem object {model, …}");
  checkKeys("", json, ["model", "activation", "widths", "layers", "data"], "a field of an mlp problem");
  const activation = activationByName(json.activation);
  if (!Array.isArray(json.widths) || json.widths.length === 0)
    throw new InputError("widths", "must be a non-empty array of positive integers", json.widths);
  const widths = json.widths.map((w, i) => integerInRange(`widths[${i}]`, w, 1, 100000));
  const dataJson = json.data as Record<string, unknown> | undefined;
  if (dataJson === null || typeof dataJson !== "object" || Array.isArray(dataJson))
    throw new InputError("data", 'must be an object {"x": [[…], …], "y": […]}', dataJson);
  checkKeys("data", dataJson, ["x", "y"], "a data field");
  const x = finiteMatrix("data.x", dataJson.x);
  const y = finiteVector("data.y", dataJson.y, x.length);
  const data: MlpData = { x, y };
  checkData(data);
  const architecture: MlpArchitecture = { inputDim: x[0].length, widths, activation };
  const net = new Mlp(architecture);
  const layers = json.layers;
  if (!Array.isArray(layers) || layers.length !== widths.length + 1)
    throw new InputError(
      "layers",
      `must be an array of ${widths.length + 1} layers (hidden layers, then output)`,
      layers,
    );
  const point = new Float64Array(net.parameterCount);
  layers.forEach((layer, index) => {
    const field = `layers[${index}]`;
    if (layer === null || typeof layer !== "object" || Array.isArray(layer))
      throw new InputError(field, 'must be an object {"weights": [[…]], "biases": […]}', layer);
    const l = index + 1;
    const rows = l <= net.depth ? net.sizes[l] : 1;
    const cols = net.sizes[l - 1];
    const record = layer as Record<string, unknown>;
    checkKeys(field, record, ["weights", "biases"], "a layer field");
    const weights = finiteMatrix(`${field}.weights`, record.weights, rows, cols);
    const biases = finiteVector(`${field}.biases`, record.biases, rows);
    const wOffset = l <= net.depth ? net.weightOffsets[l - 1] : net.outputWeightOffset;
    const bOffset = l <= net.depth ? net.biasOffsets[l - 1] : net.outputBiasOffset;
    weights.forEach((row, j) => {
      point.set(row, wOffset + j * cols);
    });
    point.set(biases, bOffset);
  });
  return { architecture, data, point };
}

function parseMlp(json: Record<string, unknown>): Problem {
  const { architecture, data, point } = parseMlpParts(json);
  return mlpProblem(architecture, data, point);
}

export const mlpFormat: ProblemFormat = { model: "mlp", shape: MLP_SHAPE, parse: parseMlp };
