/**
 * Tian's 2-D reduction for an orthonormal teacher (docs/tian.md#the-two-dimensional-dynamics; eqs. 16–17 of Tian 2017). With
 * w_j = x·w*_j + y·Σ_{k≠j} w*_k for every j, population gradient flow keeps this form and
 *
 *   2π ẋ = −(π − φ)(x − 1 + (K−1)y) − θ − φ(x − 1) + [(K−1)(α sin φ* − sin φ) + α sin θ] x
 *   2π ẏ = −(π − φ)(x − 1 + (K−1)y) − (φ* − φ) − φ y + [(K−1)(α sin φ* − sin φ) + α sin θ] y
 *
 * with α = 1/‖w_j‖ = (x² + (K−1)y²)^{−1/2}, cos θ = αx, cos φ* = αy, cos φ = α²(2xy + (K−2)y²).
 * Here (ẋ, ẏ) = −∇_{w_j}J projected on (w*_j, w*_k), i.e. one GD step is x ← x + η ẋ. The field is
 * singular at (0, 0). On the diagonal x = y the two equations agree (θ = φ*).
 */
import { clampedAcos } from "../../math/angle.js";

export interface Velocity2d {
  readonly dx: number;
  readonly dy: number;
}

/** (ẋ, ẏ) at (x, y) for K ≥ 2; undefined at the singular point (0, 0). */
export function reducedVelocity(K: number, x: number, y: number): Velocity2d | undefined {
  const nsq = x * x + (K - 1) * y * y;
  if (!(nsq > 0)) return undefined;
  const alpha = 1 / Math.sqrt(nsq);
  const theta = clampedAcos(alpha * x);
  const phiStar = clampedAcos(alpha * y);
  const phi = clampedAcos(alpha * alpha * (2 * x * y + (K - 2) * y * y));
  const common = -(Math.PI - phi) * (x - 1 + (K - 1) * y);
  const bracket = (K - 1) * (alpha * Math.sin(phiStar) - Math.sin(phi)) + alpha * Math.sin(theta);
  const dx = common - theta - phi * (x - 1) + bracket * x;
  const dy = common - (phiStar - phi) - phi * y + bracket * y;
  return { dx: dx / (2 * Math.PI), dy: dy / (2 * Math.PI) };
}

/** ẋ on the diagonal x = y (the 1-D equation, which rounding cannot push off the diagonal). */
export function diagonalVelocity(K: number, x: number): number | undefined {
  return reducedVelocity(K, x, x)?.dx;
}

/** The symmetric saddle x*_K = (√(K−1) − arccos(1/√K) + π)/(πK) of Tian (2017), Thm 4.1. */
export function symmetricSaddle(K: number): number {
  return (Math.sqrt(K - 1) - Math.acos(1 / Math.sqrt(K)) + Math.PI) / (Math.PI * K);
}

/** Rows w_j = x·e_j + y·Σ_{k≠j} e_k (K×d, row-major) for the orthonormal teacher w*_j = e_j. */
export function reducedToWeights(K: number, d: number, x: number, y: number): Float64Array {
  const W = new Float64Array(K * d);
  for (let j = 0; j < K; j++) for (let k = 0; k < K; k++) W[j * d + k] = j === k ? x : y;
  return W;
}
