/**
 * The mlp's part of the proof of a critical point (landscape/proof.ts, docs/proofs.md#the-mlp): the
 * Hessian's Lipschitz bound (hessian-lipschitz.ts) and estimates of the rounding errors of the
 * backpropagated gradient and the R-operator Hessian.
 *
 * Rounding. Each sample's gradient is a chain of dot products of length at most the widest layer, so
 * its computed value carries an error of a few (width + depth)u relative to the magnitudes of the terms,
 * which the derivative bounds at radius 0 (|rᵢ|·sup|f'| for the gradient, sup|f'|² + |rᵢ|·sup|f''| for
 * the Hessian) bound from above. The estimates are ROUNDING_FACTOR times that model: estimates, not
 * proofs (the activations' library errors are not analysed), and the proof says so.
 */
import type { ProofSupport, RoundingBounds } from "../problem.js";
import { mlpHessianLipschitz, mlpOutputDerivativeBounds } from "./hessian-lipschitz.js";
import type { Mlp, MlpData } from "./network.js";

/** The safety factor of the rounding estimates over the error model. */
const ROUNDING_FACTOR = 16;
const UNIT_ROUNDOFF = 2 ** -53;

/** Estimated rounding errors of the gradient (2-norm) and the Hessian (spectral norm) at θ. */
export function mlpRoundingEstimate(net: Mlp, data: MlpData, theta: Float64Array): RoundingBounds {
  const bounds = net.architecture.activation.derivativeBounds;
  const unit = ROUNDING_FACTOR * (Math.max(...net.sizes) + net.depth + data.x.length + 10) * UNIT_ROUNDOFF;
  let gradient = 0;
  let hessian = 0;
  for (let i = 0; i < data.x.length; i++) {
    const r = Math.abs(net.output(theta, data.x[i]) - data.y[i]);
    const [f1, f2] = bounds ? mlpOutputDerivativeBounds(net, theta, data.x[i], 0, bounds) : [0, 0];
    gradient += r * f1;
    hessian += f1 * f1 + r * f2;
  }
  return { gradient: unit * gradient, hessian: unit * hessian, proven: false };
}

export function mlpProofSupport(net: Mlp, data: MlpData): ProofSupport {
  return {
    hessianLipschitz: (theta, radius) => mlpHessianLipschitz(net, data, theta, radius),
    roundingError: (theta) => mlpRoundingEstimate(net, data, theta),
  };
}
