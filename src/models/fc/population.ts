/**
 * Closed-form population loss, gradient and Hessian of the two-layer network
 * g(x; W, a) = Σ_j a_j σ(w_jᵀx) against a teacher (W*, a*), x ~ N(0, I_d), J = ½E[(g − g*)²].
 *
 *   J        = ½ Σ_jk a_j a_k k(w_j, w_k) − Σ_jk a_j a*_k k(w_j, w*_k) + ½ Σ_jk a*_j a*_k k(w*_j, w*_k)
 *   ∇_{w_j}J = a_j [Σ_k a_k T(w_j, w_k) − Σ_k a*_k T(w_j, w*_k)]          (docs/tian.md#closed-forms, general a)
 *   ∇_{a_j}J = Σ_k a_k k(w_j, w_k) − Σ_k a*_k k(w_j, w*_k)
 *
 * with the pair expectations k, T, Q, R of `pair-kernel.ts`. The cost is O(K(K + K*)d) per gradient:
 * two Gram matrices, K(K + K*) kernel calls and one matrix product.
 * For the ReLU kernel itself with K ≥ 2, `loss` and `lossAndGradient` take the Gram-matrix path of
 * `relu-gram.ts` (WebAssembly SIMD, the same formulas; equal to this generic path to ~1e-15); the
 * Hessian stays here.
 *
 * Zero hidden units: w_j = 0 is the model's singular point (the gradient's limit depends on the
 * direction of approach). The loss is continuous there; for the gradient and Hessian we use the
 * convention σ'(0) = 0, so a zero unit contributes nothing and receives zero gradient, like a dead unit.
 *
 * Angles: cos θ comes from the Gram matrix; when |cos θ| > 0.99 the sine is recomputed as ‖ŵ − cos θ v̂‖
 * (O(d)), so θ → 0 and θ → π keep full relative accuracy (sin = √(1 − cos²) would lose half the digits).
 * Near the global minimum J is a difference of O(1) terms, so its absolute rounding floor is ~1e-15.
 *
 * Why this file is long: loss, gradient and exact Hessian are three views of one sum over unit pairs
 * and share its Gram matrices, angle conventions and accumulation helpers; kept together, one change
 * to a convention (the near-aligned sine, the zero unit) is made in one place for all three.
 */

import { methodsArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { integerInRange } from "../../core/validate.js";
import { centralHessian } from "../../math/finite-difference.js";
import { checkFcNetwork, type FcNetwork, rowNorms } from "./network.js";
import type { PairAngle, PairFirst, PairKernel, PairSecond } from "./pair-kernel.js";
import { emptyPairFirst, emptyPairSecond } from "./pair-kernel.js";
import { ReluGramPopulation } from "./relu-gram.js";
import { reluPairKernel } from "./relu-kernel.js";

const NEAR_ALIGNED = 0.99;

export interface FcPoint {
  readonly W: Float64Array;
  readonly a: Float64Array;
}

/** Fills `angle` for rows p (of A) and q (of B) with norms na, nb > 0 and Gram entry g = a_pᵀb_q. */
function pairAngle(
  A: Float64Array,
  p: number,
  na: number,
  B: Float64Array,
  q: number,
  nb: number,
  g: number,
  d: number,
  angle: PairAngle,
): void {
  let c = g / (na * nb);
  if (c > 1) c = 1;
  else if (c < -1) c = -1;
  let s: number;
  if (c > NEAR_ALIGNED || c < -NEAR_ALIGNED) {
    let s2 = 0;
    const oa = p * d;
    const ob = q * d;
    for (let i = 0; i < d; i++) {
      const r = A[oa + i] / na - (c * B[ob + i]) / nb;
      s2 += r * r;
    }
    s = Math.sqrt(s2);
    angle.theta = Math.atan2(s, c);
  } else {
    s = Math.sqrt(1 - c * c);
    angle.theta = Math.acos(c);
  }
  angle.cos = c;
  angle.sin = s;
}

/**
 * C = A Bᵀ for row-major A (m×d), B (n×d); with `symmetric` (A = B) only q ≥ p is computed and mirrored.
 * Four columns at a time, so each A entry is loaded once per four products (register blocking).
 */
function gram(
  A: Float64Array,
  m: number,
  B: Float64Array,
  n: number,
  d: number,
  C: Float64Array,
  symmetric = false,
): void {
  let p0 = 0;
  if (!symmetric) {
    // Two rows of A by four of B: 8 products per 6 loads.
    for (; p0 + 1 < m; p0 += 2) {
      const a0 = p0 * d;
      const a1 = a0 + d;
      let q = 0;
      for (; q + 3 < n; q += 4) {
        const b0 = q * d;
        const b1 = b0 + d;
        const b2 = b1 + d;
        const b3 = b2 + d;
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s03 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s13 = 0;
        for (let i = 0; i < d; i++) {
          const x0 = A[a0 + i];
          const x1 = A[a1 + i];
          const y0 = B[b0 + i];
          const y1 = B[b1 + i];
          const y2 = B[b2 + i];
          const y3 = B[b3 + i];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s02 += x0 * y2;
          s03 += x0 * y3;
          s10 += x1 * y0;
          s11 += x1 * y1;
          s12 += x1 * y2;
          s13 += x1 * y3;
        }
        const c0 = p0 * n + q;
        C[c0] = s00;
        C[c0 + 1] = s01;
        C[c0 + 2] = s02;
        C[c0 + 3] = s03;
        C[c0 + n] = s10;
        C[c0 + n + 1] = s11;
        C[c0 + n + 2] = s12;
        C[c0 + n + 3] = s13;
      }
      for (; q < n; q++) {
        const ob = q * d;
        let t0 = 0;
        let t1 = 0;
        for (let i = 0; i < d; i++) {
          t0 += A[a0 + i] * B[ob + i];
          t1 += A[a1 + i] * B[ob + i];
        }
        C[p0 * n + q] = t0;
        C[(p0 + 1) * n + q] = t1;
      }
    }
  }
  for (let p = p0; p < m; p++) {
    const oa = p * d;
    let q = symmetric ? p : 0;
    for (; q + 3 < n; q += 4) {
      const b0 = q * d;
      const b1 = b0 + d;
      const b2 = b1 + d;
      const b3 = b2 + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < d; i++) {
        const a = A[oa + i];
        s0 += a * B[b0 + i];
        s1 += a * B[b1 + i];
        s2 += a * B[b2 + i];
        s3 += a * B[b3 + i];
      }
      C[p * n + q] = s0;
      C[p * n + q + 1] = s1;
      C[p * n + q + 2] = s2;
      C[p * n + q + 3] = s3;
    }
    for (; q < n; q++) {
      const ob = q * d;
      let s = 0;
      for (let i = 0; i < d; i++) s += A[oa + i] * B[ob + i];
      C[p * n + q] = s;
    }
  }
  if (symmetric) for (let p = 0; p < m; p++) for (let q = 0; q < p; q++) C[p * n + q] = C[q * n + p];
}

/** out_j += Σ_k sign·coef[j, k]·V_k for row-major V (n×d), four rows of V at a time. */
function accumulate(
  out: Float64Array,
  j: number,
  coef: Float64Array,
  n: number,
  V: Float64Array,
  d: number,
  sign: number,
): void {
  const o = j * d;
  const oc = j * n;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    const c0 = sign * coef[oc + k];
    const c1 = sign * coef[oc + k + 1];
    const c2 = sign * coef[oc + k + 2];
    const c3 = sign * coef[oc + k + 3];
    const v0 = k * d;
    const v1 = v0 + d;
    const v2 = v1 + d;
    const v3 = v2 + d;
    for (let i = 0; i < d; i++)
      out[o + i] += c0 * V[v0 + i] + c1 * V[v1 + i] + c2 * V[v2 + i] + c3 * V[v3 + i];
  }
  for (; k < n; k++) {
    const c = sign * coef[oc + k];
    const v = k * d;
    for (let i = 0; i < d; i++) out[o + i] += c * V[v + i];
  }
}

/** u = (v̂ − cos θ ŵ)/sin θ, the second vector of the pair's in-plane basis (zero when sin θ = 0). */
function inPlaneUnit(
  B: Float64Array,
  q: number,
  nb: number,
  what: Float64Array,
  angle: PairAngle,
  d: number,
  u: Float64Array,
): void {
  if (angle.sin > 0) {
    for (let i = 0; i < d; i++) u[i] = (B[q * d + i] / nb - angle.cos * what[i]) / angle.sin;
  } else u.fill(0);
}

/** c += m12·u and G += m22·uuᵀ (the upper triangle of the d × d matrix G only). */
function addInPlane(
  m12: number,
  m22: number,
  u: Float64Array,
  c: Float64Array,
  G: Float64Array,
  d: number,
): void {
  for (let p = 0; p < d; p++) {
    c[p] += m12 * u[p];
    const t = m22 * u[p];
    const g = p * d;
    for (let q = p; q < d; q++) G[g + q] += t * u[q];
  }
}

/**
 * The population landscape for one teacher and one kernel. Holds the teacher's norms and scratch
 * space, so repeated gradient calls allocate nothing but their output.
 */
export class FcPopulation {
  readonly kernel: PairKernel;
  readonly teacher: FcNetwork;
  readonly K: number;
  readonly d: number;
  private readonly teacherNorms: Float64Array;
  private readonly teacherSelfTerm: number;
  private readonly norms: Float64Array;
  private readonly selfGram: Float64Array;
  private readonly crossGram: Float64Array;
  private readonly coefStudent: Float64Array;
  private readonly coefTeacher: Float64Array;
  private readonly coefSelf: Float64Array;
  /** θ and sin θ of student pairs (j < k), reused for (k, j): the angle is symmetric. */
  private readonly pairTheta: Float64Array;
  private readonly pairSin: Float64Array;
  private readonly angle: PairAngle = { theta: 0, cos: 1, sin: 0 };
  private readonly first: PairFirst = emptyPairFirst();
  /** The ReLU kernel's Gram-matrix fast path for loss and gradient (`relu-gram.ts`), where available. */
  private readonly reluGram: ReluGramPopulation | undefined;

  constructor(kernel: PairKernel, teacher: FcNetwork, K: number) {
    methodsArgument("kernel", kernel, ["first"]);
    checkFcNetwork("teacher", teacher);
    integerInRange("K", K, 1);
    this.kernel = kernel;
    // At K = 1 the Gram path's fixed cost (three WebAssembly calls, copies) outweighs its gain.
    this.reluGram = kernel === reluPairKernel && K >= 2 ? ReluGramPopulation.create(teacher, K) : undefined;
    this.teacher = teacher;
    this.K = K;
    this.d = teacher.d;
    const Ks = teacher.K;
    this.teacherNorms = rowNorms(teacher.W, Ks, this.d);
    this.norms = new Float64Array(K);
    this.selfGram = new Float64Array(K * K);
    this.crossGram = new Float64Array(K * Ks);
    this.coefStudent = new Float64Array(K * K);
    this.coefTeacher = new Float64Array(K * Ks);
    this.coefSelf = new Float64Array(K);
    this.pairTheta = new Float64Array(K * K);
    this.pairSin = new Float64Array(K * K);
    const tg = new Float64Array(Ks * Ks);
    gram(teacher.W, Ks, teacher.W, Ks, this.d, tg);
    let self = 0;
    for (let p = 0; p < Ks; p++) {
      for (let q = 0; q < Ks; q++) {
        self +=
          teacher.a[p] *
          teacher.a[q] *
          this.pairK(
            teacher.W,
            p,
            this.teacherNorms[p],
            teacher.W,
            q,
            this.teacherNorms[q],
            tg[p * Ks + q],
            p === q,
          );
      }
    }
    this.teacherSelfTerm = self;
  }

  private pairK(
    A: Float64Array,
    p: number,
    na: number,
    B: Float64Array,
    q: number,
    nb: number,
    g: number,
    same: boolean,
  ): number {
    if (na === 0 || nb === 0) return 0;
    this.setAngle(A, p, na, B, q, nb, g, same);
    this.kernel.first(na, nb, this.angle, this.first);
    return this.first.k;
  }

  private setAngle(
    A: Float64Array,
    p: number,
    na: number,
    B: Float64Array,
    q: number,
    nb: number,
    g: number,
    same: boolean,
  ): void {
    if (same) {
      this.angle.theta = 0;
      this.angle.cos = 1;
      this.angle.sin = 0;
    } else pairAngle(A, p, na, B, q, nb, g, this.d, this.angle);
  }

  private checkShape(x: FcPoint): void {
    if (x.W.length !== this.K * this.d || x.a.length !== this.K)
      throw new RangeError(`point has the wrong shape for K=${this.K}, d=${this.d}`);
  }

  /** J(W, a). */
  loss(x: FcPoint): number {
    this.checkShape(x);
    if (this.reluGram) return this.reluGram.evaluate(x.W, x.a);
    const { K, d } = this;
    const T = this.teacher;
    const Ks = T.K;
    rowNorms(x.W, K, d, this.norms);
    gram(x.W, K, x.W, K, d, this.selfGram, true);
    gram(x.W, K, T.W, Ks, d, this.crossGram);
    let ss = 0;
    let st = 0;
    for (let j = 0; j < K; j++) {
      for (let k = 0; k < K; k++) {
        ss +=
          x.a[j] *
          x.a[k] *
          this.pairK(x.W, j, this.norms[j], x.W, k, this.norms[k], this.selfGram[j * K + k], j === k);
      }
      for (let k = 0; k < Ks; k++) {
        st +=
          x.a[j] *
          T.a[k] *
          this.pairK(x.W, j, this.norms[j], T.W, k, this.teacherNorms[k], this.crossGram[j * Ks + k], false);
      }
    }
    return Math.max(0, 0.5 * ss - st + 0.5 * this.teacherSelfTerm);
  }

  /**
   * ∇J: fills gW (K×d) and, when given, ga (K). Returns J as a by-product (it costs K(K+K*) multiplications).
   */
  lossAndGradient(x: FcPoint, gW: Float64Array, ga?: Float64Array): number {
    this.checkShape(x);
    if (this.reluGram) return this.reluGram.evaluate(x.W, x.a, gW, ga);
    const { K, d, kernel, angle, first } = this;
    const T = this.teacher;
    const Ks = T.K;
    const norms = rowNorms(x.W, K, d, this.norms);
    const S = this.selfGram;
    const C = this.crossGram;
    gram(x.W, K, x.W, K, d, S, true);
    gram(x.W, K, T.W, Ks, d, C);
    const cs = this.coefStudent;
    const ct = this.coefTeacher;
    const self = this.coefSelf;
    let ss = 0;
    let st = 0;
    for (let j = 0; j < K; j++) {
      const nj = norms[j];
      let cw = 0;
      let kStudent = 0;
      let kTeacher = 0;
      for (let k = 0; k < K; k++) {
        const nk = norms[k];
        if (nj === 0 || nk === 0) {
          cs[j * K + k] = 0;
          continue;
        }
        if (k === j) {
          angle.theta = 0;
          angle.cos = 1;
          angle.sin = 0;
        } else if (k < j) {
          angle.theta = this.pairTheta[k * K + j];
          angle.sin = this.pairSin[k * K + j];
          angle.cos = S[j * K + k] / (nj * nk);
          if (angle.cos > 1) angle.cos = 1;
          else if (angle.cos < -1) angle.cos = -1;
        } else {
          pairAngle(x.W, j, nj, x.W, k, nk, S[j * K + k], d, angle);
          this.pairTheta[j * K + k] = angle.theta;
          this.pairSin[j * K + k] = angle.sin;
        }
        kernel.first(nj, nk, angle, first);
        cw += x.a[k] * first.cw;
        cs[j * K + k] = x.a[k] * first.cv;
        kStudent += x.a[k] * first.k;
      }
      for (let k = 0; k < Ks; k++) {
        const nk = this.teacherNorms[k];
        if (nj === 0 || nk === 0) {
          ct[j * Ks + k] = 0;
          continue;
        }
        pairAngle(x.W, j, nj, T.W, k, nk, C[j * Ks + k], d, angle);
        kernel.first(nj, nk, angle, first);
        cw -= T.a[k] * first.cw;
        ct[j * Ks + k] = T.a[k] * first.cv;
        kTeacher += T.a[k] * first.k;
      }
      self[j] = cw;
      ss += x.a[j] * kStudent;
      st += x.a[j] * kTeacher;
      if (ga) ga[j] = kStudent - kTeacher;
    }
    // gW_j = a_j [self_j w_j + Σ_k cs_jk w_k − Σ_k ct_jk w*_k]
    const W = x.W;
    for (let j = 0; j < K; j++) {
      const o = j * d;
      const sj = self[j];
      for (let i = 0; i < d; i++) gW[o + i] = sj * W[o + i];
      accumulate(gW, j, cs, K, W, d, 1);
      accumulate(gW, j, ct, Ks, T.W, d, -1);
      const aj = x.a[j];
      if (aj !== 1) for (let i = 0; i < d; i++) gW[o + i] *= aj;
    }
    return Math.max(0, 0.5 * ss - st + 0.5 * this.teacherSelfTerm);
  }

  /** Flat gradient: W block, then the a block when `trainA`. */
  gradient(x: FcPoint, trainA: boolean): Float64Array {
    const out = new Float64Array(this.K * this.d + (trainA ? this.K : 0));
    const gW = out.subarray(0, this.K * this.d);
    this.lossAndGradient(x, gW, trainA ? out.subarray(this.K * this.d) : undefined);
    return out;
  }

  /**
   * The exact Hessian (rows) over the flat parameters (W row-major, then a when `trainA`), from the
   * kernel's second-order pair quantities. Kernels without them get central differences of the
   * analytic gradient (error O(h²) away from θ = 0, π; O(h) at those C² points). `out` (n² numbers,
   * overwritten) holds the exact Hessian's rows instead of a new buffer, for a caller that uses each
   * Hessian at once (the finite-difference one is always new).
   */
  hessian(x: FcPoint, trainA: boolean, out?: Float64Array): Float64Array[] {
    this.checkShape(x);
    const { K, d, kernel } = this;
    const T = this.teacher;
    const Ks = T.K;
    const n = K * d + (trainA ? K : 0);
    if (out !== undefined && !(out instanceof Float64Array && out.length === n * n))
      throw new InputError("out", `must be a Float64Array of ${n * n} numbers`, out);
    if (!kernel.second) {
      const flat = new Float64Array(n);
      flat.set(x.W);
      if (trainA) flat.set(x.a, K * d);
      const at = (y: Float64Array): FcPoint => ({
        W: y.subarray(0, K * d),
        a: trainA ? y.subarray(K * d) : x.a,
      });
      return centralHessian((y) => this.gradient(at(y), trainA), flat, 1e-5);
    }
    // One buffer for all rows (one allocation instead of n).
    const flat = out ? out.fill(0) : new Float64Array(n * n);
    const H = Array.from({ length: n }, (_, i) => flat.subarray(i * n, (i + 1) * n));
    const second: PairSecond = emptyPairSecond();
    const angle: PairAngle = { theta: 0, cos: 1, sin: 0 };
    const first = emptyPairFirst();
    const norms = rowNorms(x.W, K, d);
    const S = new Float64Array(K * K);
    const C = new Float64Array(K * Ks);
    gram(x.W, K, x.W, K, d, S);
    gram(x.W, K, T.W, Ks, d, C);
    const what = new Float64Array(d);
    const u = new Float64Array(d);
    // The diagonal block (j, j) collects Σ f·R over the pairs of unit j (and a_j²Q at k = j), all in
    // bases (ŵ_j, u_k) sharing ŵ_j: sI·I + s11·ŵŵᵀ + ŵcᵀ + cŵᵀ + G with c = Σ f·r12·u_k and
    // G = Σ f·r22·u_k u_kᵀ (one rank-1 update per pair, written into the block once at the end).
    const c = new Float64Array(d);
    const G = new Float64Array(d * d);
    let sI = 0;
    let s11 = 0;
    const a = x.a;
    for (let j = 0; j < K; j++) {
      const nj = norms[j];
      if (nj === 0) continue;
      const rowOff = j * d;
      for (let i = 0; i < d; i++) what[i] = x.W[rowOff + i] / nj;
      sI = 0;
      s11 = 0;
      c.fill(0);
      G.fill(0);
      // dJ/da_j row: d/dw_l of (Σ_k a_k k(w_j,w_k) − Σ a* k(w_j,w*_k)).
      const gaRow = trainA ? H[K * d + j] : undefined;
      for (let k = 0; k < K; k++) {
        const nk = norms[k];
        if (nk === 0) continue;
        if (k === j) {
          angle.theta = 0;
          angle.cos = 1;
          angle.sin = 0;
        } else pairAngle(x.W, j, nj, x.W, k, nk, S[j * K + k], d, angle);
        kernel.second(nj, nk, angle, second);
        const f = a[j] * a[k];
        if (k === j) {
          // d/dw_j of a_j² T(w_j, w_j) = a_j² (R + Q) at θ = 0 (no in-plane terms).
          sI += f * (second.rI + second.qI);
          s11 += f * (second.r11 + second.q11);
        } else {
          inPlaneUnit(x.W, k, nk, what, angle, d, u);
          sI += f * second.rI;
          s11 += f * second.r11;
          addInPlane(f * second.r12, f * second.r22, u, c, G, d);
          // Block (j, k) = f·Q, written as f·qI·I + α ŵᵀ + β uᵀ with α = q11 ŵ + q12 u, β = q12 ŵ + q22 u.
          const { qI, q11, q12, q22 } = second;
          const colOff = k * d;
          for (let p = 0; p < d; p++) {
            const r = H[rowOff + p];
            const alpha = f * (q11 * what[p] + q12 * u[p]);
            const beta = f * (q12 * what[p] + q22 * u[p]);
            for (let q = 0; q < d; q++) r[colOff + q] = alpha * what[q] + beta * u[q];
            r[colOff + p] += f * qI;
          }
        }
        if (gaRow) {
          kernel.first(nj, nk, angle, first);
          // ∂²J/∂a_j∂a_k = k(w_j, w_k); ∂²J/∂a_j∂w_j gets a_k T(w_j, w_k) (twice for k = j);
          // ∂²J/∂a_j∂w_k (k ≠ j) = a_k T(w_k, w_j), added when the loop visits (k, j).
          gaRow[K * d + k] = first.k;
          const tj = k === j ? 2 : 1;
          for (let i = 0; i < d; i++) {
            gaRow[rowOff + i] += tj * a[k] * (first.cw * x.W[rowOff + i] + first.cv * x.W[k * d + i]);
          }
          if (k !== j) {
            const gk = H[K * d + k];
            for (let i = 0; i < d; i++)
              gk[rowOff + i] += a[j] * (first.cw * x.W[rowOff + i] + first.cv * x.W[k * d + i]);
          }
        }
      }
      for (let k = 0; k < Ks; k++) {
        const nk = this.teacherNorms[k];
        if (nk === 0) continue;
        pairAngle(x.W, j, nj, T.W, k, nk, C[j * Ks + k], d, angle);
        inPlaneUnit(T.W, k, nk, what, angle, d, u);
        kernel.second(nj, nk, angle, second);
        const f = -a[j] * T.a[k];
        sI += f * second.rI;
        s11 += f * second.r11;
        addInPlane(f * second.r12, f * second.r22, u, c, G, d);
        if (gaRow) {
          kernel.first(nj, nk, angle, first);
          for (let i = 0; i < d; i++) {
            gaRow[rowOff + i] -= T.a[k] * (first.cw * x.W[rowOff + i] + first.cv * T.W[k * d + i]);
          }
        }
      }
      for (let p = 0; p < d; p++) {
        const r = H[rowOff + p];
        const left = s11 * what[p] + c[p];
        // G holds its upper triangle only.
        for (let q = 0; q < p; q++) r[rowOff + q] = left * what[q] + what[p] * c[q] + G[q * d + p];
        for (let q = p; q < d; q++) r[rowOff + q] = left * what[q] + what[p] * c[q] + G[p * d + q];
        r[rowOff + p] += sI;
      }
    }
    if (trainA) {
      // Mirror the a-rows into the a-columns.
      for (let j = 0; j < K; j++) {
        const r = H[K * d + j];
        for (let c = 0; c < K * d; c++) H[c][K * d + j] = r[c];
      }
    }
    return H;
  }
}
