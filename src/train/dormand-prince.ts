/**
 * One explicit Dormand–Prince 5(4) step of the gradient flow dθ/dt = −∇L(θ): seven stages, the
 * fifth-order solution (the one kept), and the difference to the embedded fourth-order one as the
 * local error estimate. The last stage is the gradient at the new point, so an accepted step hands it
 * to the next as its first stage (FSAL: six gradients per step).
 *
 * Stiffness. Stages 6 and 7 sit at the same time t + h, so ‖∇L(y₇) − ∇L(y₆)‖/‖y₇ − y₆‖ estimates the
 * largest curvature |λ| the step sees (Hairer & Wanner's test). An explicit method is stable on this
 * flow only for h·λ_max below about 3.3 (the real-axis boundary of its stability region): when h·|λ|
 * keeps sitting near that bound, the step size is set by stability, not accuracy, and a linearly
 * implicit method can take far longer steps. The step returns h times the estimate.
 */

// The Dormand–Prince tableau (Dormand & Prince 1980), written for k_i = ∇L(Y_i), so y' = −k.
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// Fifth-order weights (stage 7's row of A: y₇ is the new point).
const B1 = 35 / 384;
const B3 = 500 / 1113;
const B4 = 125 / 192;
const B5 = -2187 / 6784;
const B6 = 11 / 84;
// Fifth- minus fourth-order weights.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;

/** The explicit method's order, for its step-size controller (error ∝ h⁵). */
export const DORMAND_PRINCE_ERROR_ORDER = 5;
/** h·|λ| beyond which a step counts as limited by stability (Hairer & Wanner's threshold). */
export const DORMAND_PRINCE_STIFF_PRODUCT = 3.25;

/** Buffers of one problem size, reused from step to step. */
export interface DormandPrinceWork {
  /** k[0] = ∇L(y) on entry; k[6] = ∇L(y_new) after the step. */
  readonly k: Float64Array[];
  readonly stage: Float64Array;
  readonly y6: Float64Array;
  /** The local error estimate (fifth- minus fourth-order solution). */
  readonly err: Float64Array;
}

export function dormandPrinceWork(n: number): DormandPrinceWork {
  return {
    k: Array.from({ length: 7 }, () => new Float64Array(n)),
    stage: new Float64Array(n),
    y6: new Float64Array(n),
    err: new Float64Array(n),
  };
}

export interface DormandPrinceStep<S> {
  /** The model's state at the new point. */
  readonly state: S;
  /** h times the curvature estimate ‖k₇ − k₆‖/‖y₇ − y₆‖ (0 when the two points coincide). */
  readonly stiffness: number;
}

/**
 * From y with ∇L(y) in work.k[0], a step of length h: the new point goes into `out`, its gradient
 * into work.k[6], the error estimate into work.err. `gradient` returns the model's state at its point.
 */
export function dormandPrinceStep<S>(
  gradient: (y: Float64Array, out: Float64Array) => S,
  y: Float64Array,
  h: number,
  work: DormandPrinceWork,
  out: Float64Array,
): DormandPrinceStep<S> {
  const [k1, k2, k3, k4, k5, k6, k7] = work.k;
  const { stage, y6, err } = work;
  const n = y.length;
  for (let i = 0; i < n; i++) stage[i] = y[i] - h * A21 * k1[i];
  gradient(stage, k2);
  for (let i = 0; i < n; i++) stage[i] = y[i] - h * (A31 * k1[i] + A32 * k2[i]);
  gradient(stage, k3);
  for (let i = 0; i < n; i++) stage[i] = y[i] - h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
  gradient(stage, k4);
  for (let i = 0; i < n; i++) stage[i] = y[i] - h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
  gradient(stage, k5);
  for (let i = 0; i < n; i++)
    y6[i] = y[i] - h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
  gradient(y6, k6);
  for (let i = 0; i < n; i++)
    out[i] = y[i] - h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
  const state = gradient(out, k7);
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    err[i] = -h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
    num += (k7[i] - k6[i]) ** 2;
    den += (out[i] - y6[i]) ** 2;
  }
  return { state, stiffness: den > 0 ? h * Math.sqrt(num / den) : 0 };
}
