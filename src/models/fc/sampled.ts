/**
 * The same loss and gradient on drawn inputs: J_N = (1/2N) Σ_n (g(x_n) − g*(x_n))², the empirical
 * counterpart of the closed forms in population.ts (σ'(0) = 0, as there). Also returns, per
 * parameter, the sample standard deviation of the per-sample terms, so tests can compare the closed
 * form with the Monte-Carlo mean within a stated number of standard errors.
 */
import { booleanArgument, float64Argument, objectArgument } from "../../core/arguments.js";
import { integerInRange, oneOf } from "../../core/validate.js";
import { checkRng, type Rng } from "../../math/rng.js";
import { checkFcNetwork, checkFcPoint, type FcNetwork } from "./network.js";
import type { FcPoint } from "./population.js";

export type InputLaw = "gaussian" | "uniform";

/** N×d inputs, row-major: standard Gaussian, or uniform on [−½, ½]^d (variance 1/12 per coordinate). */
export function drawInputs(rng: Rng, N: number, d: number, law: InputLaw): Float64Array {
  checkRng("rng", rng);
  integerInRange("N", N, 1);
  integerInRange("d", d, 1);
  oneOf("law", law, ["gaussian", "uniform"] as const);
  const X = new Float64Array(N * d);
  if (law === "gaussian") rng.normals(N * d, X);
  else for (let i = 0; i < N * d; i++) X[i] = rng.uniform() - 0.5;
  return X;
}

export interface SampledEstimate {
  readonly loss: number;
  readonly lossStd: number;
  /** Flat gradient: W (K×d), then a when trainA. */
  readonly gradient: Float64Array;
  /** Per-component sample std of the per-sample gradient terms. */
  readonly gradientStd: Float64Array;
}

/** Output of the network on each row of X. */
function outputs(
  net: FcPoint & { K: number },
  X: Float64Array,
  N: number,
  d: number,
  pre?: Float64Array,
): Float64Array {
  const y = new Float64Array(N);
  for (let n = 0; n < N; n++) {
    let s = 0;
    for (let j = 0; j < net.K; j++) {
      let z = 0;
      for (let i = 0; i < d; i++) z += net.W[j * d + i] * X[n * d + i];
      if (pre) pre[n * net.K + j] = z;
      if (z > 0) s += net.a[j] * z;
    }
    y[n] = s;
  }
  return y;
}

export function sampledLossAndGradient(
  teacher: FcNetwork,
  student: FcPoint,
  X: Float64Array,
  N: number,
  trainA: boolean,
): SampledEstimate {
  checkFcNetwork("teacher", teacher);
  const K = float64Argument("student.a", objectArgument("student", student, "a point {W, a}").a).length;
  checkFcPoint("student", student, K, teacher.d);
  integerInRange("N", N, 1);
  float64Argument("X", X, N * teacher.d);
  booleanArgument("trainA", trainA);
  const d = teacher.d;
  const pre = new Float64Array(N * K);
  const yStar = outputs(teacher, X, N, d);
  const y = outputs({ ...student, K }, X, N, d, pre);
  const P = K * d + (trainA ? K : 0);
  const mean = new Float64Array(P);
  const sq = new Float64Array(P);
  const term = new Float64Array(P);
  let lossSum = 0;
  let lossSq = 0;
  for (let n = 0; n < N; n++) {
    const r = y[n] - yStar[n];
    const l = 0.5 * r * r;
    lossSum += l;
    lossSq += l * l;
    term.fill(0);
    for (let j = 0; j < K; j++) {
      const z = pre[n * K + j];
      if (z > 0) {
        const c = r * student.a[j];
        for (let i = 0; i < d; i++) term[j * d + i] = c * X[n * d + i];
        if (trainA) term[K * d + j] = r * z;
      }
    }
    for (let p = 0; p < P; p++) {
      mean[p] += term[p];
      sq[p] += term[p] * term[p];
    }
  }
  const std = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    mean[p] /= N;
    std[p] = Math.sqrt(Math.max(0, sq[p] / N - mean[p] * mean[p]) * (N / Math.max(1, N - 1)));
  }
  const loss = lossSum / N;
  const lossStd = Math.sqrt(Math.max(0, lossSq / N - loss * loss) * (N / Math.max(1, N - 1)));
  return { loss, lossStd, gradient: mean, gradientStd: std };
}
