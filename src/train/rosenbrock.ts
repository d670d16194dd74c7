/**
 * One linearly implicit (Rosenbrock) step of the gradient flow dθ/dt = −∇L(θ), for the stiff part of
 * a run: near a minimum whose Hessian has λ_max ≫ λ_min an explicit method must keep h·λ_max below
 * about 3, while the slow directions need a time of order 1/λ_min, so it would take λ_max/λ_min
 * steps; this method is stable for every h on the flow's decaying directions and takes steps set by
 * accuracy alone.
 *
 * The method is RODAS4 (Hairer & Wanner, "Solving Ordinary Differential Equations II", §VI.4): six
 * stages, order 4 with an embedded order-3 solution, L-stable and stiffly accurate (its stability
 * function vanishes at −∞, so a step far longer than 1/λ_max removes the fast components instead of
 * letting them oscillate). With J = −H the Jacobian of the flow, each stage solves
 *
 *     (I/(hγ) + H) K_i = ∇L(Y_i) + Σ_{j<i} (C_ij/h) K_j,    Y_i = y − Σ_{j<i} A_ij K_j,
 *
 * and y_new = y − Σ M_j K_j, with one LU factorisation of I/(hγ) + H per step (H is symmetric but,
 * near a saddle, indefinite; hence LU and not Cholesky). The coefficients are the method's published
 * ones in the form that folds 1/h and γ into A and C (one matrix per step, no matrix–vector
 * products). The method needs the exact Jacobian for its order, so the Hessian must be the exact one
 * at y. The error estimate is y_new minus the embedded solution, which here is K₆.
 *
 * On a quadratic loss a step of any length lands closer to the minimum in every direction (the
 * stability function has |R(−hλ)| < 1 for λ > 0 and tends to 0 as hλ → ∞), and as h → ∞ it lands
 * on the minimum, as a Newton step does: near a minimum, long stiff steps behave like Newton steps,
 * which is why a flow run gets there in few of them.
 */
import { type Lu, luFactor, luSolve } from "../math/lu.js";

/** The diagonal γ of the method. */
const GAMMA = 0.25;
// A(i, j) and C(i, j), rows i = 2…6 (strictly lower triangular).
const A = [
  [],
  [1.544],
  [0.9466785280815826, 0.2557011698983284],
  [3.314825187068521, 2.896124015972201, 0.9986419139977817],
  [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895],
  [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895, 1],
];
const C = [
  [],
  [-5.6688],
  [-2.430093356833875, -0.2063599157091915],
  [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
  [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616],
  [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
];
/** Weights of the new point (the method is stiffly accurate: y_new = Y₆ − K₆). */
const M = [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895, 1, 1];

/** The implicit method's error order, for its step-size controller (error ∝ h⁴). */
export const ROSENBROCK_ERROR_ORDER = 4;

/** Buffers of one problem size, reused from step to step. */
export interface RosenbrockWork {
  readonly K: Float64Array[];
  readonly stage: Float64Array;
  readonly rhs: Float64Array;
  readonly g: Float64Array;
  /** I/(hγ) + H, factored in place. */
  readonly G: Float64Array;
  readonly pivots: Int32Array;
  /** The local error estimate. */
  readonly err: Float64Array;
}

export function rosenbrockWork(n: number): RosenbrockWork {
  return {
    K: Array.from({ length: 6 }, () => new Float64Array(n)),
    stage: new Float64Array(n),
    rhs: new Float64Array(n),
    g: new Float64Array(n),
    G: new Float64Array(n * n),
    pivots: new Int32Array(n),
    err: new Float64Array(n),
  };
}

/**
 * From y with gradient g0 = ∇L(y) and exact Hessian H (rows) there, a step of length h into `out`,
 * with the error estimate in work.err. False when I/(hγ) + H is singular to working precision (the
 * caller takes a shorter step). Five gradients, one factorisation, six solves.
 */
export function rosenbrockStep(
  gradient: (y: Float64Array, out: Float64Array) => unknown,
  y: Float64Array,
  g0: Float64Array,
  H: ReadonlyArray<ArrayLike<number>>,
  h: number,
  work: RosenbrockWork,
  out: Float64Array,
): boolean {
  const n = y.length;
  const { K, stage, rhs, g, G, err } = work;
  const diagonal = 1 / (h * GAMMA);
  for (let i = 0; i < n; i++) {
    const row = H[i];
    const ri = i * n;
    for (let j = 0; j < n; j++) G[ri + j] = row[j];
    G[ri + i] += diagonal;
  }
  const lu: Lu | undefined = luFactor(G, n, work.pivots);
  if (!lu) return false;
  for (let s = 0; s < 6; s++) {
    let grad: Float64Array = g0;
    if (s > 0) {
      stage.set(y);
      for (let j = 0; j < s; j++) {
        const a = A[s][j];
        const Kj = K[j];
        for (let i = 0; i < n; i++) stage[i] -= a * Kj[i];
      }
      gradient(stage, g);
      grad = g;
    }
    rhs.set(grad);
    for (let j = 0; j < s; j++) {
      const c = C[s][j] / h;
      const Kj = K[j];
      for (let i = 0; i < n; i++) rhs[i] += c * Kj[i];
    }
    luSolve(lu, rhs, K[s]);
  }
  out.set(y);
  for (let j = 0; j < 6; j++) {
    const m = M[j];
    const Kj = K[j];
    for (let i = 0; i < n; i++) out[i] -= m * Kj[i];
  }
  const K6 = K[5];
  for (let i = 0; i < n; i++) err[i] = K6[i];
  return true;
}
