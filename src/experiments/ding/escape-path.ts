/**
 * The escape along the flat valley (docs/ding.md#the-flat-valley-and-the-escape-path): the constructed minimum is not strict and can be
 * left without ever raising the loss.
 *  1. valley: move the flipped output weights from v to ρ·v (ρ < 0) with b₀ compensated — W₁
 *     stays 0, so every output stays c and the loss stays exactly L*;
 *  2. descent: s·∇²F now has a negative eigenvalue with eigenvector q; W₁ = t·q uᵀ, u the top
 *     eigenvector of s·S, has curvature ½t²[(qᵀs∇²Fq)(uᵀsSu) + ‖J d‖²]. The Gauss–Newton part
 *     ‖J d‖² scales like ρ² and the first like ρ, so ρ is taken from −1/2 (the choice of the table in docs/ding.md)
 *     towards 0 until the exact curvature dᵀ∇²L d is negative.
 * Also reported: the same W₁ moves from the original point, where the loss rises.
 */
import { listArgument, objectArgument } from "../../core/arguments.js";
import { finiteNumber, integerInRange } from "../../core/validate.js";
import { symmetricEigen } from "../../math/eigen.js";
import { Mlp } from "../../models/mlp/network.js";
import { checkDingPoint, type DingPoint } from "./construction.js";
import { flipOutputWeights } from "./negative-control.js";
import { quadraticMoment } from "./residual-design.js";

export interface PathPoint {
  readonly t: number;
  readonly loss: number;
}

export interface EscapePath {
  readonly referenceLoss: number;
  /** Loss at W₁ = t·q uᵀ from the original point (rises). */
  readonly rise: PathPoint[];
  /** Loss along the valley, t from 0 (original v) to 1 (flipped v → ρ·v). */
  readonly valley: PathPoint[];
  /** max |L − L*| along the valley. */
  readonly valleyDeviation: number;
  /** Loss at W₁ = ±t·q uᵀ from the end of the valley (falls; the sign is the one the cubic term favours). */
  readonly descent: PathPoint[];
  readonly flipped: number[];
  /** ρ: the flipped output weights end the valley at ρ·v. */
  readonly valleyEndFactor: number;
  /** dᵀ∇²L d at the end of the valley along the descent direction (negative when the escape exists). */
  readonly descentCurvature: number;
}

const END_FACTORS = [-0.5, -0.25, -0.1, -0.05, -0.02, -0.01, -0.005, -0.002];

/** Sign fixed so the largest-magnitude entry is positive (eigenvectors are defined up to sign). */
function canonical(v: Float64Array): Float64Array {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[k])) k = i;
  return v[k] < 0 ? Float64Array.from(v, (x) => -x) : v;
}

export function escapePath(
  point: DingPoint,
  options: { steps?: readonly number[]; valleySteps?: number; flipped?: readonly number[] } = {},
): EscapePath {
  checkDingPoint(point);
  const o = objectArgument("options", options, "options {steps?, valleySteps?, flipped?}");
  if (o.steps !== undefined) listArgument("options.steps", o.steps, finiteNumber);
  if (o.valleySteps !== undefined) integerInRange("options.valleySteps", o.valleySteps, 1);
  if (o.flipped !== undefined)
    listArgument("options.flipped", o.flipped, (f, j) =>
      integerInRange(f, j, 0, point.architecture.widths.at(-1)! - 1),
    );
  const net = new Mlp(point.architecture);
  const { data } = point;
  const sign = point.curvatureSign === -1 ? -1 : 1;
  const steps = options.steps ?? [0.01, 0.03, 0.1, 0.3];
  const valleySteps = options.valleySteps ?? 8;
  const dH = net.sizes[net.depth];
  const d1 = net.sizes[1];
  const referenceLoss = net.loss(point.theta, data);
  const sMatrix = quadraticMoment(data.x, point.residual).map((row) => row.map((v) => sign * v));
  const sEigen = symmetricEigen(sMatrix);
  const u = canonical(sEigen.vectors[sEigen.vectors.length - 1]);
  const curvature = (theta: Float64Array) =>
    symmetricEigen(
      net.outputHessianBlock(theta, data.x[0], net.biasOffsets[0], d1).map((row) => row.map((v) => sign * v)),
    );
  // Flip one weight if that makes s·∇²F indefinite, otherwise all of them (deep nets).
  let flipped = options.flipped ? [...options.flipped] : [0];
  if (
    !options.flipped &&
    !(curvature(flipOutputWeights(net, point.theta, flipped, -0.5)).values[0] < 0) &&
    dH > 1
  )
    flipped = Array.from({ length: dH }, (_, j) => j);
  const direction = (q: Float64Array) => {
    const d = new Float64Array(net.parameterCount);
    for (let j = 0; j < d1; j++)
      for (let k = 0; k < net.sizes[0]; k++) d[net.weightIndex(1, j, k)] = q[j] * u[k];
    return d;
  };
  let valleyEndFactor = END_FACTORS[0];
  let end = flipOutputWeights(net, point.theta, flipped, valleyEndFactor);
  let q = canonical(curvature(end).vectors[0]);
  let descentCurvature = Number.POSITIVE_INFINITY;
  for (const factor of END_FACTORS) {
    const candidate = flipOutputWeights(net, point.theta, flipped, factor);
    const qc = canonical(curvature(candidate).vectors[0]);
    const d = direction(qc);
    const hd = net.hessianVector(candidate, data, d);
    const value = d.reduce((acc, di, i) => acc + di * hd[i], 0);
    if (factor === END_FACTORS[0] || value < descentCurvature) {
      valleyEndFactor = factor;
      end = candidate;
      q = qc;
      descentCurvature = value;
    }
    if (value < 0) break;
  }
  let orientation = 1;
  const withFirstLayer = (theta: Float64Array, t: number) => {
    const out = Float64Array.from(theta);
    for (let j = 0; j < d1; j++)
      for (let k = 0; k < net.sizes[0]; k++) out[net.weightIndex(1, j, k)] = orientation * t * q[j] * u[k];
    return out;
  };
  // The cubic term is odd in t: take the orientation of q uᵀ in which it helps the descent.
  const plus = net.loss(withFirstLayer(end, steps[0]), data);
  orientation = -1;
  const minus = net.loss(withFirstLayer(end, steps[0]), data);
  orientation = minus < plus - 1e-15 * Math.abs(plus) ? -1 : 1;
  const rise = steps.map((t) => ({ t, loss: net.loss(withFirstLayer(point.theta, t), data) }));
  const valley: PathPoint[] = [];
  let valleyDeviation = 0;
  for (let k = 0; k <= valleySteps; k++) {
    const t = k / valleySteps;
    // v_j → (1 − t)v_j + t·ρv_j.
    const theta = flipOutputWeights(net, point.theta, flipped, 1 - t + t * valleyEndFactor);
    const loss = net.loss(theta, data);
    valley.push({ t, loss });
    valleyDeviation = Math.max(valleyDeviation, Math.abs(loss - referenceLoss));
  }
  const descent = steps.map((t) => ({ t, loss: net.loss(withFirstLayer(end, t), data) }));
  return {
    referenceLoss,
    rise,
    valley,
    valleyDeviation,
    descent,
    flipped,
    valleyEndFactor,
    descentCurvature,
  };
}
