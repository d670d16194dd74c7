/**
 * The analytic certificate of a constructed point (docs/ding.md#why-it-is-a-local-minimum and #the-verification-protocol): the quantities whose
 * positivity gives L(θ) − L* ≥ (κ/2)‖W₁‖² − K‖W₁‖³ near θ*, measured, not assumed:
 * (R1) |Σr|, (R2) ‖Σ r x‖ (both relative to Σ|r|·max(1, max‖x‖)), λ_min(s·S), λ_min(s·∇²F(b₁)),
 * ‖W₁‖, the gradient norm, and the exact Hessian's spectrum with its zero modes against the
 * predicted P − d₀·d₁ − 1 (the dimension of the flat manifold {W₁ = 0, F(b₁) = c}).
 */

import { largestMagnitude } from "../../landscape/classify.js";
import { symmetricEigen } from "../../math/eigen.js";
import { Rng } from "../../math/rng.js";
import { hessianSpectrum } from "../../math/spectrum.js";
import { normUnchecked } from "../../math/vector.js";
import { Mlp } from "../../models/mlp/network.js";
import { checkDingPoint, type DingPoint, definiteness } from "./construction.js";
import { quadraticMoment } from "./residual-design.js";

export interface DingCertificate {
  readonly lossAtPoint: number;
  readonly gradNorm: number;
  /** |Σ rᵢ| / (Σ|rᵢ|·max(1, max‖xᵢ‖)). */
  readonly r1: number;
  /** ‖Σ rᵢ xᵢ‖ / (Σ|rᵢ|·max(1, max‖xᵢ‖)). */
  readonly r2: number;
  readonly curvatureSign: 1 | -1 | 0;
  /** λ_min(s·S), s = curvatureSign (+1 when 0). */
  readonly minEigenvalueS: number;
  /** λ_min(s·∇²F(b₁)). */
  readonly minEigenvalueF: number;
  /**
   * λ_min(s·∇²F) at three points of the flat manifold 𝓜 near θ* (downstream parameters moved by
   * 1e-2·N(0, 1), b₀ re-set so f ≡ c): the bound of docs/ding.md#why-it-is-a-local-minimum needs it uniformly near θ*.
   */
  readonly nearbyMinEigenvalueF: number[];
  /** max |L − L*| at those points (0 up to rounding, since they lie on 𝓜). */
  readonly nearbyLossDeviation: number;
  /** ‖W₁‖_F (0 at the constructed point). */
  readonly firstLayerNorm: number;
  readonly parameters: number;
  readonly eigenvalues: Float64Array;
  readonly minEigenvalue: number;
  readonly maxEigenvalue: number;
  readonly index: number;
  readonly zeroModes: number;
  readonly zeroThreshold: number;
  readonly predictedZeroModes: number;
  /** Every analytic condition holds: R1, R2 ≤ 1e-10, λ_min(sS) > 0, λ_min(s∇²F) > 0, W₁ = 0, gradient ≈ 0. */
  readonly holds: boolean;
  /** Which conditions fail, empty when `holds`. */
  readonly failures: string[];
}

/** Stream of the nearby-manifold probes: Rng.fromSeed(0, NEARBY_STREAM, j). */
export const NEARBY_STREAM = 6;

export type CertifiablePoint = Pick<DingPoint, "architecture" | "data" | "theta" | "curvatureSign">;

export function certifyDingPoint(point: CertifiablePoint): DingCertificate {
  checkDingPoint(point);
  const net = new Mlp(point.architecture);
  const { data, theta } = point;
  const r = Float64Array.from(net.outputs(theta, data), (f, i) => f - data.y[i]);
  const d = point.architecture.inputDim;
  const d1 = point.architecture.widths[0];
  let absSum = 0;
  let maxX = 1;
  let sumR = 0;
  const sumRX = new Float64Array(d);
  r.forEach((ri, i) => {
    absSum += Math.abs(ri);
    sumR += ri;
    maxX = Math.max(maxX, normUnchecked(data.x[i]));
    for (let a = 0; a < d; a++) sumRX[a] += ri * data.x[i][a];
  });
  const scale = Math.max(absSum * maxX, 1e-300);
  const r1 = Math.abs(sumR) / scale;
  const r2 = normUnchecked(sumRX) / scale;
  const sign = point.curvatureSign === -1 ? -1 : 1;
  const s = quadraticMoment(data.x, r).map((row) => row.map((v) => sign * v));
  const minEigenvalueS = symmetricEigen(s).values[0];
  const hf = net
    .outputHessianBlock(theta, data.x[0], net.biasOffsets[0], d1)
    .map((row) => row.map((v) => sign * v));
  const minEigenvalueF = symmetricEigen(hf).values[0];
  const nearbyMinEigenvalueF: number[] = [];
  let nearbyLossDeviation = 0;
  const lossHere = net.loss(theta, data);
  for (let j = 0; j < 3; j++) {
    const rng = Rng.fromSeed(0, NEARBY_STREAM, j);
    const moved = Float64Array.from(theta);
    for (let i = net.biasOffsets[0]; i < net.outputBiasOffset; i++) moved[i] += 1e-2 * rng.normal();
    // Back onto 𝓜: the output (the same for every sample while W₁ = 0) returns to c.
    moved[net.outputBiasOffset] += net.output(theta, data.x[0]) - net.output(moved, data.x[0]);
    const block = net
      .outputHessianBlock(moved, data.x[0], net.biasOffsets[0], d1)
      .map((row) => row.map((v) => sign * v));
    nearbyMinEigenvalueF.push(symmetricEigen(block).values[0]);
    nearbyLossDeviation = Math.max(nearbyLossDeviation, Math.abs(net.loss(moved, data) - lossHere));
  }
  const firstLayerNorm = normUnchecked(theta.subarray(net.weightOffsets[0], net.biasOffsets[0]));
  const lossAtPoint = net.loss(theta, data);
  const gradNorm = normUnchecked(net.gradient(theta, data));
  const spectrum = hessianSpectrum(net.hessian(theta, data));
  const values = spectrum.eigenvalues;
  const failures: string[] = [];
  const gradTol = 1e-10 * Math.max(1, largestMagnitude(spectrum)) * Math.max(1, Math.sqrt(2 * lossAtPoint));
  if (!(r1 <= 1e-10)) failures.push(`R1 fails: |Σr| relative ${r1.toExponential(2)}`);
  if (!(r2 <= 1e-10))
    failures.push(`R2 fails: the labels have a linear component (‖Σr·x‖ relative ${r2.toExponential(2)})`);
  if (!(minEigenvalueS > 0))
    failures.push(`S is not definite (λ_min(s·S) = ${minEigenvalueS.toExponential(3)})`);
  if (!(minEigenvalueF > 0))
    failures.push(`the curvature condition fails (λ_min(s·∇²F) = ${minEigenvalueF.toExponential(3)})`);
  if (firstLayerNorm !== 0) failures.push("the first layer is not zero");
  if (!nearbyMinEigenvalueF.every((v) => v > 0))
    failures.push("the curvature condition fails at a nearby point of the flat manifold");
  if (!(gradNorm <= gradTol)) failures.push(`not stationary (gradient norm ${gradNorm.toExponential(3)})`);
  return {
    lossAtPoint,
    gradNorm,
    r1,
    r2,
    curvatureSign: point.curvatureSign,
    minEigenvalueS,
    minEigenvalueF,
    nearbyMinEigenvalueF,
    nearbyLossDeviation,
    firstLayerNorm,
    parameters: net.parameterCount,
    eigenvalues: values,
    minEigenvalue: values[0],
    maxEigenvalue: values[values.length - 1],
    index: spectrum.index,
    zeroModes: spectrum.zeroModes,
    zeroThreshold: spectrum.threshold,
    predictedZeroModes: net.parameterCount - d * d1 - 1,
    holds: failures.length === 0,
    failures,
  };
}

/**
 * The certificate for any "mlp" point whose first layer is zero (the shape of the construction),
 * with the curvature sign read from the labels' S; undefined for other points, where no analytic
 * certificate is known.
 */
export function certificateForMlpPoint(
  point: Omit<CertifiablePoint, "curvatureSign">,
): DingCertificate | undefined {
  const net = new Mlp(point.architecture);
  const w1 = point.theta.subarray(net.weightOffsets[0], net.biasOffsets[0]);
  if (w1.some((w) => w !== 0) || !point.architecture.activation.theoremCondition) return undefined;
  const r = Float64Array.from(net.outputs(point.theta, point.data), (f, i) => f - point.data.y[i]);
  return certifyDingPoint({ ...point, curvatureSign: definiteness(quadraticMoment(point.data.x, r)) });
}
