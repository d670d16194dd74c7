/**
 * The ReLU population loss and gradient of `population.ts`, computed through Gram matrices: the fast path
 * that `FcPopulation` takes for the ReLU kernel (same formulas, same conventions, different order of
 * floating-point operations).
 *
 *   G = W·[W; W*]ᵀ                         (K × (K + K*); the student block is symmetric, half computed)
 *   per pair, from G and the norms only:   cos θ (clamped), θ = acos, sin θ = √(1 − cos²), k, cv, cw
 *   ∇_W J = M·[W; W*]                      M_jk = a_j a_k cv_jk, M_j,K+k = −a_j a*_k cv*_jk,
 *                                          M_jj = a_j²/2 + a_j (Σ_k a_k cw_jk − Σ_k a*_k cw*_jk)
 *
 * Both products run in the WebAssembly SIMD kernel of `relu-gram-wasm.ts` on zero-padded copies in its
 * memory. The per-pair scalars are symmetric in (j, k) for student pairs (θ, k and cv; cw differs by the
 * norm ratio), so each student pair is visited once. Near-aligned pairs (|cos θ| > 0.99) recompute
 * sin θ = ‖ŵ − cos θ v̂‖ from the rows and take θ = atan2(sin, cos), exactly as the generic path does, so
 * θ → 0 and θ → π keep full relative accuracy. Zero rows get zero coefficients (σ'(0) = 0 convention).
 */

import type { FcNetwork } from "./network.js";
import { rowNorms } from "./network.js";
import { type GramKernel, gramKernel } from "./relu-gram-wasm.js";

const INV_TWO_PI = 1 / (2 * Math.PI);
const NEAR_ALIGNED = 0.99;

const roundUp = (x: number, m: number) => Math.ceil(x / m) * m;

function clampCos(c: number): number {
  return c > 1 ? 1 : c < -1 ? -1 : c;
}

/** The padded layout of the kernel's memory (offsets and sizes in float64 entries). */
function layout(K: number, Ks: number, d: number) {
  const Kp = roundUp(K, 4);
  const n = Kp + roundUp(Ks, 4);
  const dp = roundUp(d, 2);
  const dq = roundUp(d, 4);
  const pairs = roundUp((K * (K - 1)) / 2 + K * Ks, 2);
  const offV = 0;
  const offG = offV + n * dp;
  const offM = offG + Kp * n;
  const offVt = offM + Kp * n;
  const offOut = offVt + dq * n;
  const offCos = offOut + Kp * dq;
  const offTheta = offCos + pairs;
  const offSin = offTheta + pairs;
  return {
    Kp,
    n,
    dp,
    dq,
    offV,
    offG,
    offM,
    offVt,
    offOut,
    offCos,
    offTheta,
    offSin,
    doubles: offSin + pairs,
  };
}

export class ReluGramPopulation {
  readonly K: number;
  readonly d: number;
  private readonly teacher: FcNetwork;
  private readonly kernel: GramKernel;
  private readonly teacherNorms: Float64Array;
  private readonly teacherSelfTerm: number;
  /** Where everything lives in the kernel's memory (see `layout`). */
  private readonly L: ReturnType<typeof layout>;
  private readonly norms: Float64Array;
  private readonly selfCoef: Float64Array;
  private readonly kStudent: Float64Array;
  private readonly scratchAngle = { theta: 0, cos: 1, sin: 0 };

  private constructor(teacher: FcNetwork, K: number, kernel: GramKernel, L: ReturnType<typeof layout>) {
    const d = teacher.d;
    const Ks = teacher.K;
    this.teacher = teacher;
    this.K = K;
    this.d = d;
    this.kernel = kernel;
    this.L = L;
    this.norms = new Float64Array(K);
    this.selfCoef = new Float64Array(K);
    this.kStudent = new Float64Array(K);
    this.teacherNorms = rowNorms(teacher.W, Ks, d);
    // The teacher's rows in V and its columns in Vt never change.
    const f = kernel.f64;
    for (let k = 0; k < Ks; k++) {
      for (let i = 0; i < d; i++) {
        const w = teacher.W[k * d + i];
        f[L.offV + (L.Kp + k) * L.dp + i] = w;
        f[L.offVt + i * L.n + L.Kp + k] = w;
      }
    }
    this.teacherSelfTerm = this.teacherSelf();
  }

  /** The fast path for this teacher and width, or undefined where WebAssembly SIMD is unavailable. */
  static create(teacher: FcNetwork, K: number): ReluGramPopulation | undefined {
    const L = layout(K, teacher.K, teacher.d);
    const kernel = gramKernel(L.doubles);
    return kernel ? new ReluGramPopulation(teacher, K, kernel, L) : undefined;
  }

  /** Σ_pq a*_p a*_q k(w*_p, w*_q); half of it is the constant term of J. */
  private teacherSelf(): number {
    const T = this.teacher;
    const Ks = T.K;
    const { d } = this;
    const { Kp } = this.L;
    const tn = this.teacherNorms;
    let total = 0;
    for (let p = 0; p < Ks; p++) {
      if (tn[p] === 0) continue;
      total += T.a[p] * T.a[p] * tn[p] * tn[p] * 0.5;
      for (let q = p + 1; q < Ks; q++) {
        if (tn[q] === 0) continue;
        let g = 0;
        for (let i = 0; i < d; i++) g += T.W[p * d + i] * T.W[q * d + i];
        const { theta, cos, sin } = this.angle(Kp + p, tn[p], Kp + q, tn[q], g);
        total += 2 * T.a[p] * T.a[q] * tn[p] * tn[q] * INV_TWO_PI * ((Math.PI - theta) * cos + sin);
      }
    }
    return total;
  }

  /** The angle between rows r and s of V (norms nr, ns > 0, inner product g), accurate near 0 and π. */
  private angle(r: number, nr: number, s: number, ns: number, g: number) {
    const out = this.scratchAngle;
    const c = clampCos(g / (nr * ns));
    out.cos = c;
    if (c > NEAR_ALIGNED || c < -NEAR_ALIGNED) this.alignedAngle(r, nr, s, ns, c);
    else {
      out.sin = Math.sqrt(1 - c * c);
      out.theta = Math.acos(c);
    }
    return out;
  }

  /** sin θ = ‖ŵ − cos θ v̂‖ and θ = atan2(sin, cos) from the rows (|cos θ| > 0.99: √(1 − cos²) loses digits). */
  private alignedAngle(r: number, nr: number, s: number, ns: number, c: number): void {
    const f = this.kernel.f64;
    const or = this.L.offV + r * this.L.dp;
    const os = this.L.offV + s * this.L.dp;
    let s2 = 0;
    for (let i = 0; i < this.d; i++) {
      const t = f[or + i] / nr - (c * f[os + i]) / ns;
      s2 += t * t;
    }
    this.scratchAngle.sin = Math.sqrt(s2);
    this.scratchAngle.theta = Math.atan2(this.scratchAngle.sin, c);
  }

  /**
   * J(W, a) for row-major W (K×d); fills gW (K×d) with ∇_W J when given, and ga (K) with ∇_a J when given.
   */
  evaluate(W: Float64Array, a: Float64Array, gW?: Float64Array, ga?: Float64Array): number {
    const { K, d, kernel } = this;
    const T = this.teacher;
    const Ks = T.K;
    const f = kernel.f64;
    const { Kp, n, dp, dq, offV, offG, offM, offVt, offOut, offCos, offTheta, offSin } = this.L;
    for (let j = 0; j < K; j++) {
      const o = offV + j * dp;
      for (let i = 0; i < d; i++) f[o + i] = W[j * d + i];
    }
    kernel.abt(offV, Kp, offV, n, dp, offG, n, Kp);

    const norms = this.norms;
    const tn = this.teacherNorms;
    const selfCoef = this.selfCoef;
    const kStudent = this.kStudent;
    for (let j = 0; j < K; j++) {
      norms[j] = Math.sqrt(f[offG + j * n + j]);
      selfCoef[j] = 0;
      kStudent[j] = 0;
    }
    // Pass 1: the cosines of all pairs with nonzero norms (student pairs j < k, then the teacher),
    // then θ and sin θ for all of them in one SIMD call.
    let pairs = 0;
    for (let j = 0; j < K; j++) {
      const nj = norms[j];
      if (nj === 0) continue;
      const rowG = offG + j * n;
      for (let k = j + 1; k < K; k++)
        if (norms[k] !== 0) f[offCos + pairs++] = clampCos(f[rowG + k] / (nj * norms[k]));
      for (let k = 0; k < Ks; k++)
        if (tn[k] !== 0) f[offCos + pairs++] = clampCos(f[rowG + Kp + k] / (nj * tn[k]));
    }
    if (pairs % 2) f[offCos + pairs] = 0;
    kernel.acos(offCos, offTheta, offSin, pairs + (pairs % 2));

    // Pass 2: the coefficients, in the same pair order.
    const angle = this.scratchAngle;
    let pair = 0;
    let ss = 0;
    let st = 0;
    for (let j = 0; j < K; j++) {
      const nj = norms[j];
      const aj = a[j];
      const rowM = offM + j * n;
      if (nj === 0) {
        for (let k = 0; k < K + Ks; k++) f[rowM + (k < K ? k : Kp + k - K)] = 0;
        if (ga) ga[j] = 0;
        continue;
      }
      // The pair (j, j): θ = 0, so cw = 0, cv = ½, k = ‖w_j‖²/2.
      kStudent[j] += aj * nj * nj * 0.5;
      // Student pairs (j, k > j), written to both (j, k) and (k, j).
      for (let k = j + 1; k < K; k++) {
        const nk = norms[k];
        if (nk === 0) {
          f[rowM + k] = 0;
          f[offM + k * n + j] = 0;
          continue;
        }
        const cos = f[offCos + pair];
        let theta = f[offTheta + pair];
        let sin = f[offSin + pair++];
        if (cos > NEAR_ALIGNED || cos < -NEAR_ALIGNED) {
          this.alignedAngle(j, nj, k, nk, cos);
          theta = angle.theta;
          sin = angle.sin;
        }
        const piMinus = Math.PI - theta;
        const cv = aj * a[k] * piMinus * INV_TWO_PI;
        f[rowM + k] = cv;
        f[offM + k * n + j] = cv;
        const sinOver = sin * INV_TWO_PI;
        selfCoef[j] += (a[k] * nk * sinOver) / nj;
        selfCoef[k] += (aj * nj * sinOver) / nk;
        const kjk = nj * nk * INV_TWO_PI * (piMinus * cos + sin);
        kStudent[j] += a[k] * kjk;
        kStudent[k] += aj * kjk;
      }
      // Teacher pairs.
      let kTeacher = 0;
      let self = selfCoef[j];
      for (let k = 0; k < Ks; k++) {
        const nk = tn[k];
        if (nk === 0) {
          f[rowM + Kp + k] = 0;
          continue;
        }
        const cos = f[offCos + pair];
        let theta = f[offTheta + pair];
        let sin = f[offSin + pair++];
        if (cos > NEAR_ALIGNED || cos < -NEAR_ALIGNED) {
          this.alignedAngle(j, nj, Kp + k, nk, cos);
          theta = angle.theta;
          sin = angle.sin;
        }
        const piMinus = Math.PI - theta;
        f[rowM + Kp + k] = -aj * T.a[k] * piMinus * INV_TWO_PI;
        self -= (T.a[k] * nk * sin * INV_TWO_PI) / nj;
        kTeacher += T.a[k] * nj * nk * INV_TWO_PI * (piMinus * cos + sin);
      }
      f[rowM + j] = aj * (0.5 * aj + self);
      ss += aj * kStudent[j];
      st += aj * kTeacher;
      if (ga) ga[j] = kStudent[j] - kTeacher;
    }
    const loss = Math.max(0, 0.5 * ss - st + 0.5 * this.teacherSelfTerm);
    if (!gW) return loss;

    for (let k = 0; k < K; k++) {
      const o = k * d;
      for (let i = 0; i < d; i++) f[offVt + i * n + k] = W[o + i];
    }
    kernel.abt(offM, Kp, offVt, dq, n, offOut, dq, 0);
    for (let j = 0; j < K; j++) {
      const o = offOut + j * dq;
      for (let i = 0; i < d; i++) gW[j * d + i] = f[o + i];
    }
    return loss;
  }
}
