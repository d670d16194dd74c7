/**
 * The exact Hessian–vector product of the two-layer network's population loss (population.ts),
 * without forming the Hessian: O(K(K + K*)d) per product instead of the (Kd)² entries.
 *
 * The Hessian's blocks are pair matrices (pair-kernel.ts) M = i·I + m11 ŵŵᵀ + m12(ŵuᵀ + uŵᵀ) + m22 uuᵀ
 * in the in-plane basis of a pair (ŵ, u), u = (v̂ − cos θ ŵ)/sin θ:
 *   H_{w_j w_j} = a_j² (R + Q)(w_j, w_j) + Σ_{k≠j} a_j a_k R(w_j, w_k) − Σ_k a_j a*_k R(w_j, w*_k)
 *   H_{w_j w_k} = a_j a_k Q(w_j, w_k)                                         (k ≠ j)
 * and M x needs only α = ŵ·x and v̂·x (then u·x = (v̂·x − cos θ α)/sin θ):
 *   M x = i·x + ŵ [m11 α + m12 β − (cos θ/sin θ)(m12 α + m22 β)] + v̂ (m12 α + m22 β)/sin θ,  β = u·x.
 * So a product is two Gram matrices (X Ŵᵀ, X Ŵ*ᵀ) and three coefficient matrices times X, Ŵ and Ŵ*.
 * With trained top weights (parameters a after W) the mixed blocks are
 *   ∂²J/∂a_j∂a_k = k(w_j, w_k),   ∂²J/∂a_j∂w_k = a_k T(w_k, w_j) (k ≠ j),
 *   ∂²J/∂a_j∂w_j = Σ_k a_k T(w_j, w_k) (k = j twice) − Σ_k a*_k T(w_j, w*_k)   (a d-vector g_j),
 * with T(w, v) = cw·w + cv·v. Zero units contribute nothing (population.ts's convention).
 *
 * The pair quantities depend only on the point, so they are computed once (`FcHessianOperator`) and
 * each product reuses them; population.ts's dense Hessian is the same sums written out entry by entry.
 */
import { type FcNetwork, rowNorms } from "./network.js";
import type { PairAngle, PairKernel } from "./pair-kernel.js";
import { emptyPairFirst, emptyPairSecond } from "./pair-kernel.js";
import type { FcPoint } from "./population.js";

/** |cos θ| beyond which the sine is recomputed from the vectors (as population.ts does). */
const NEAR_ALIGNED = 0.99;

/** Per pair: cos, sin, i, m11, m12, m22 (factor included); for the a-block k, cw, cv. */
const SECOND = 6;
const FIRST = 3;

/** out[p·n + q] = Σ_i A[p·d + i] B[q·d + i] (A: m×d, B: n×d, row-major). */
function products(
  A: Float64Array,
  m: number,
  B: Float64Array,
  n: number,
  d: number,
  out: Float64Array,
): void {
  for (let p = 0; p < m; p++) {
    const a = p * d;
    for (let q = 0; q < n; q++) {
      const b = q * d;
      let s = 0;
      for (let i = 0; i < d; i++) s += A[a + i] * B[b + i];
      out[p * n + q] = s;
    }
  }
}

/** out[j·d + ·] += Σ_q coef[j·n + q] V[q·d + ·] (coef: m×n, V: n×d). */
function combine(
  coef: Float64Array,
  m: number,
  n: number,
  V: Float64Array,
  d: number,
  out: Float64Array,
): void {
  for (let j = 0; j < m; j++) {
    const o = j * d;
    for (let q = 0; q < n; q++) {
      const c = coef[j * n + q];
      if (c === 0) continue;
      const v = q * d;
      for (let i = 0; i < d; i++) out[o + i] += c * V[v + i];
    }
  }
}

/** cos θ and sin θ of rows p of A and q of B (unit rows), accurate near 0 and π. */
function angleOf(A: Float64Array, p: number, B: Float64Array, q: number, d: number, angle: PairAngle): void {
  let c = 0;
  for (let i = 0; i < d; i++) c += A[p * d + i] * B[q * d + i];
  if (c > 1) c = 1;
  else if (c < -1) c = -1;
  let s: number;
  if (c > NEAR_ALIGNED || c < -NEAR_ALIGNED) {
    let s2 = 0;
    for (let i = 0; i < d; i++) {
      const r = A[p * d + i] - c * B[q * d + i];
      s2 += r * r;
    }
    s = Math.sqrt(s2);
  } else s = Math.sqrt(1 - c * c);
  angle.cos = c;
  angle.sin = s;
  angle.theta = Math.atan2(s, c);
}

/** Unit rows (zero rows stay zero). */
function unitRows(W: Float64Array, norms: Float64Array, d: number): Float64Array {
  const out = new Float64Array(W.length);
  for (let j = 0; j < norms.length; j++) {
    const n = norms[j];
    if (n > 0) for (let i = 0; i < d; i++) out[j * d + i] = W[j * d + i] / n;
  }
  return out;
}

/** The Hessian of J at one point as an operator v ↦ Hv (W row-major, then a when trained). */
export class FcHessianOperator {
  readonly size: number;
  private readonly K: number;
  private readonly Ks: number;
  private readonly d: number;
  private readonly a: Float64Array;
  private readonly norms: Float64Array;
  private readonly teacherNorms: Float64Array;
  private readonly unit: Float64Array;
  private readonly teacherUnit: Float64Array;
  /** Student pairs (j, k), k ≠ j: R then Q, each SECOND numbers, factor a_j a_k in. */
  private readonly studentR: Float64Array;
  private readonly studentQ: Float64Array;
  /** Self pairs: i and m11 of a_j² (R + Q)(w_j, w_j). */
  private readonly selfI: Float64Array;
  private readonly self11: Float64Array;
  /** Teacher pairs (j, k): R with factor −a_j a*_k. */
  private readonly teacherR: Float64Array;
  private readonly trainA: boolean;
  /** Trained a: first-order pair quantities (k, cw, cv) per ordered student pair, and g_j (K×d). */
  private readonly studentFirst: Float64Array;
  private readonly g: Float64Array;

  constructor(kernel: PairKernel, teacher: FcNetwork, x: FcPoint, trainA: boolean) {
    if (!kernel.second)
      throw new RangeError(`the ${kernel.activation} pair kernel has no second-order terms`);
    const second = kernel.second.bind(kernel);
    const K = x.a.length;
    const d = teacher.d;
    if (x.W.length !== K * d) throw new RangeError(`point has the wrong shape for K=${K}, d=${d}`);
    const Ks = teacher.K;
    this.K = K;
    this.Ks = Ks;
    this.d = d;
    this.trainA = trainA;
    this.size = K * d + (trainA ? K : 0);
    this.a = Float64Array.from(x.a);
    this.norms = rowNorms(x.W, K, d);
    const teacherNorms = rowNorms(teacher.W, Ks, d);
    this.teacherNorms = teacherNorms;
    this.unit = unitRows(x.W, this.norms, d);
    this.teacherUnit = unitRows(teacher.W, teacherNorms, d);
    this.studentR = new Float64Array(K * K * SECOND);
    this.studentQ = new Float64Array(K * K * SECOND);
    this.selfI = new Float64Array(K);
    this.self11 = new Float64Array(K);
    this.teacherR = new Float64Array(K * Ks * SECOND);
    this.studentFirst = new Float64Array(trainA ? K * K * FIRST : 0);
    this.g = new Float64Array(trainA ? K * d : 0);
    const angle: PairAngle = { theta: 0, cos: 1, sin: 0 };
    const s2 = emptyPairSecond();
    const f1 = emptyPairFirst();
    const a = this.a;
    const put = (
      to: Float64Array,
      at: number,
      f: number,
      i: number,
      m11: number,
      m12: number,
      m22: number,
    ) => {
      to[at] = angle.cos;
      to[at + 1] = angle.sin;
      to[at + 2] = f * i;
      to[at + 3] = f * m11;
      to[at + 4] = f * m12;
      to[at + 5] = f * m22;
    };
    // g_j as coefficients of w_j (own), w_k (students) and w*_k (teacher).
    const gStudent = new Float64Array(trainA ? K * K : 0);
    const gTeacher = new Float64Array(trainA ? K * Ks : 0);
    for (let j = 0; j < K; j++) {
      const nj = this.norms[j];
      if (nj === 0) continue;
      for (let k = 0; k < K; k++) {
        const nk = this.norms[k];
        if (nk === 0) continue;
        if (k === j) {
          angle.theta = 0;
          angle.cos = 1;
          angle.sin = 0;
        } else angleOf(this.unit, j, this.unit, k, d, angle);
        second(nj, nk, angle, s2);
        const f = a[j] * a[k];
        if (k === j) {
          this.selfI[j] = f * (s2.rI + s2.qI);
          this.self11[j] = f * (s2.r11 + s2.q11);
        } else {
          put(this.studentR, (j * K + k) * SECOND, f, s2.rI, s2.r11, s2.r12, s2.r22);
          put(this.studentQ, (j * K + k) * SECOND, f, s2.qI, s2.q11, s2.q12, s2.q22);
        }
        if (trainA) {
          kernel.first(nj, nk, angle, f1);
          const o = (j * K + k) * FIRST;
          this.studentFirst[o] = f1.k;
          this.studentFirst[o + 1] = f1.cw;
          this.studentFirst[o + 2] = f1.cv;
          const t = k === j ? 2 : 1;
          gStudent[j * K + j] += t * a[k] * f1.cw;
          gStudent[j * K + k] += t * a[k] * f1.cv;
        }
      }
      for (let k = 0; k < Ks; k++) {
        const nk = teacherNorms[k];
        if (nk === 0) continue;
        angleOf(this.unit, j, this.teacherUnit, k, d, angle);
        second(nj, nk, angle, s2);
        put(this.teacherR, (j * Ks + k) * SECOND, -a[j] * teacher.a[k], s2.rI, s2.r11, s2.r12, s2.r22);
        if (trainA) {
          kernel.first(nj, nk, angle, f1);
          gStudent[j * K + j] -= teacher.a[k] * f1.cw;
          gTeacher[j * Ks + k] -= teacher.a[k] * f1.cv;
        }
      }
    }
    if (trainA) {
      combine(gStudent, K, K, x.W, d, this.g);
      combine(gTeacher, K, Ks, teacher.W, d, this.g);
    }
  }

  /** Hv, exact up to rounding. */
  apply(v: Float64Array): Float64Array {
    if (v.length !== this.size) throw new RangeError(`vector has ${v.length} entries, expected ${this.size}`);
    const { K, Ks, d, unit, teacherUnit, norms, teacherNorms } = this;
    const nW = K * d;
    const X = v.subarray(0, nW);
    const G = new Float64Array(K * K);
    const Gs = new Float64Array(K * Ks);
    products(X, K, unit, K, d, G);
    products(X, K, teacherUnit, Ks, d, Gs);
    // out_W = B X + C Ŵ + D Ŵ*.
    const B = new Float64Array(K * K);
    const C = new Float64Array(K * K);
    const D = new Float64Array(K * Ks);
    // Adds M·x (pair data at `at` of `pair`) with α = ŵ·x, γ = v̂·x: i to B[bAt], ŵ's coefficient to
    // C[j, j], v̂'s to `vCoef[vAt]`.
    const addPair = (
      pair: Float64Array,
      at: number,
      alpha: number,
      gamma: number,
      j: number,
      bAt: number,
      vCoef: Float64Array,
      vAt: number,
    ) => {
      const c = pair[at];
      const s = pair[at + 1];
      B[bAt] += pair[at + 2];
      const m11 = pair[at + 3];
      const m12 = pair[at + 4];
      const m22 = pair[at + 5];
      if (s > 0) {
        const beta = (gamma - c * alpha) / s;
        const t1 = m11 * alpha + m12 * beta;
        const t2 = m12 * alpha + m22 * beta;
        C[j * K + j] += t1 - (c * t2) / s;
        vCoef[vAt] += t2 / s;
      } else C[j * K + j] += m11 * alpha;
    };
    for (let j = 0; j < K; j++) {
      if (norms[j] === 0) continue;
      const alpha = G[j * K + j];
      B[j * K + j] += this.selfI[j];
      C[j * K + j] += this.self11[j] * alpha;
      for (let k = 0; k < K; k++) {
        if (k === j || norms[k] === 0) continue;
        const at = (j * K + k) * SECOND;
        // R(w_j, w_k) acts on x_j; Q(w_j, w_k) on x_k (α = ŵ_j·x_k, γ = ŵ_k·x_k).
        addPair(this.studentR, at, alpha, G[j * K + k], j, j * K + j, C, j * K + k);
        addPair(this.studentQ, at, G[k * K + j], G[k * K + k], j, j * K + k, C, j * K + k);
      }
      for (let k = 0; k < Ks; k++) {
        const at = (j * Ks + k) * SECOND;
        if (teacherNorms[k] === 0) continue;
        addPair(this.teacherR, at, alpha, Gs[j * Ks + k], j, j * K + j, D, j * Ks + k);
      }
    }
    const out = new Float64Array(this.size);
    if (this.trainA) this.addTopWeights(v, G, C, out);
    const outW = out.subarray(0, nW);
    combine(B, K, K, X, d, outW);
    combine(C, K, K, unit, d, outW);
    combine(D, K, Ks, teacherUnit, d, outW);
    return out;
  }

  /** The a-rows of Hv, and the a-columns' part of the W-rows (into C and out). */
  private addTopWeights(v: Float64Array, G: Float64Array, C: Float64Array, out: Float64Array): void {
    const { K, d, norms, a, g } = this;
    const nW = K * d;
    const X = v.subarray(0, nW);
    const y = v.subarray(nW);
    const F = this.studentFirst;
    for (let j = 0; j < K; j++) {
      const nj = norms[j];
      if (nj === 0) continue;
      let hy = 0;
      let gx = 0;
      for (let i = 0; i < d; i++) gx += g[j * d + i] * X[j * d + i];
      let ownCoef = 0;
      for (let k = 0; k < K; k++) {
        const nk = norms[k];
        if (nk === 0) continue;
        const o = (j * K + k) * FIRST;
        hy += F[o] * y[k];
        if (k === j) continue;
        // ∂²J/∂a_j∂w_k = a_k (cw_kj w_k + cv_kj w_j), dotted with x_k.
        const ok = (k * K + j) * FIRST;
        hy += a[k] * (F[ok + 1] * nk * G[k * K + k] + F[ok + 2] * nj * G[k * K + j]);
        // ∂²J/∂w_j∂a_k = a_j (cw_jk w_j + cv_jk w_k), times y_k.
        ownCoef += a[j] * F[o + 1] * y[k];
        C[j * K + k] += a[j] * F[o + 2] * y[k] * nk;
      }
      C[j * K + j] += ownCoef * nj;
      out[nW + j] = hy + gx;
      const yj = y[j];
      for (let i = 0; i < d; i++) out[j * d + i] += g[j * d + i] * yj;
    }
  }

  /** The Hessian's diagonal (for scale estimates such as the trial's symmetry lift). */
  diagonal(): Float64Array {
    const { K, Ks, d, unit, teacherUnit, norms, teacherNorms } = this;
    const out = new Float64Array(this.size);
    const addDiagonal = (pair: Float64Array, at: number, j: number, V: Float64Array, k: number) => {
      const c = pair[at];
      const s = pair[at + 1];
      for (let i = 0; i < d; i++) {
        const w = unit[j * d + i];
        const u = s > 0 ? (V[k * d + i] - c * w) / s : 0;
        out[j * d + i] +=
          pair[at + 2] + pair[at + 3] * w * w + 2 * pair[at + 4] * w * u + pair[at + 5] * u * u;
      }
    };
    for (let j = 0; j < K; j++) {
      if (norms[j] === 0) continue;
      for (let i = 0; i < d; i++) {
        const w = unit[j * d + i];
        out[j * d + i] += this.selfI[j] + this.self11[j] * w * w;
      }
      for (let k = 0; k < K; k++) {
        if (k === j || norms[k] === 0) continue;
        addDiagonal(this.studentR, (j * K + k) * SECOND, j, unit, k);
      }
      for (let k = 0; k < Ks; k++)
        if (teacherNorms[k] > 0) addDiagonal(this.teacherR, (j * Ks + k) * SECOND, j, teacherUnit, k);
      if (this.trainA) out[K * d + j] = this.studentFirst[(j * K + j) * FIRST];
    }
    return out;
  }
}
