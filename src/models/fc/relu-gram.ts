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
 * With the orthonormal teacher (w*_k = e_k) the teacher halves of both products are copies of W's and
 * M's columns and are not computed.
 *
 * In the WebAssembly SIMD module of `relu-gram-wasm.ts`, on zero-padded copies in its memory: both
 * products, the angles of all pairs (fdlibm's acos, bit-identical to Math.acos), the teacher columns of
 * M with their per-row sums, and the block copies of the orthonormal teacher's shortcut. In TypeScript: the student pairs, which are symmetric in (j, k) (θ, k and cv;
 * cw differs by the norm ratio) and so visited once each. Near-aligned pairs (|cos θ| > 0.99) recompute
 * sin θ = ‖ŵ − cos θ v̂‖ from the rows and take θ = atan2(sin, cos), exactly as the generic path does, so
 * θ → 0 and θ → π keep full relative accuracy. Zero rows contribute nothing (σ'(0) = 0 convention).
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

/**
 * The padded layout of the kernel's memory (offsets and sizes in float64 entries): V = [W; W*] with Kp
 * and Ksp rows (multiples of 4) of width dw (d rounded up to 4); G (then cos θ), θ, sin θ and M, each
 * Kp × n with n = Kp + Ksp; the gradient Out (Kp × dw); the inverse row norms of V (n); a; the teacher's
 * a*_k/2π and a*_k‖w*_k‖ (Ksp each); per student row the two teacher sums and max |cos θ| (3·Kp). Padding
 * stays zero.
 */
export function reluGramLayout(K: number, Ks: number, d: number) {
  const Kp = roundUp(K, 4);
  const n = Kp + roundUp(Ks, 4);
  const dw = roundUp(d, 4);
  const offV = 0;
  const offG = offV + n * dw;
  const offTheta = offG + Kp * n;
  const offSin = offTheta + Kp * n;
  const offM = offSin + Kp * n;
  const offOut = offM + Kp * n;
  const offInv = offOut + Kp * dw;
  const offA = offInv + n;
  const offTeacherCv = offA + Kp;
  const offTeacherANorms = offTeacherCv + (n - Kp);
  const offTeacherSums = offTeacherANorms + (n - Kp);
  return {
    Kp,
    n,
    dw,
    offV,
    offG,
    offTheta,
    offSin,
    offM,
    offOut,
    offInv,
    offA,
    offTeacherCv,
    offTeacherANorms,
    offTeacherSums,
    doubles: offTeacherSums + 3 * Kp,
  };
}

export class ReluGramPopulation {
  readonly K: number;
  readonly d: number;
  private readonly teacher: FcNetwork;
  private readonly kernel: GramKernel;
  private readonly teacherNorms: Float64Array;
  private readonly teacherSelfTerm: number;
  /** The teacher's rows are e_1 … e_K* (the orthonormal teacher): its products with W are copies. */
  private readonly unitTeacher: boolean;
  /** Where everything lives in the kernel's memory (see `reluGramLayout`). */
  private readonly L: ReturnType<typeof reluGramLayout>;
  private readonly teacherInvNorms: Float64Array;
  /** a*_k‖w*_k‖. */
  private readonly teacherANorms: Float64Array;
  /** a*_k/2π. */
  private readonly teacherCv: Float64Array;
  // Per-call scratch of length K.
  private readonly norms: Float64Array;
  private readonly invNorms: Float64Array;
  private readonly aNorms: Float64Array;
  private readonly sinSum: Float64Array;
  private readonly kSum: Float64Array;
  /** The rows with a near-aligned teacher pair, in this evaluation. */
  private readonly alignedRows: Int32Array;
  private readonly scratchAngle = { theta: 0, cos: 1, sin: 0 };

  private constructor(
    teacher: FcNetwork,
    K: number,
    kernel: GramKernel,
    L: ReturnType<typeof reluGramLayout>,
  ) {
    const d = teacher.d;
    const Ks = teacher.K;
    this.teacher = teacher;
    this.K = K;
    this.d = d;
    this.kernel = kernel;
    this.L = L;
    this.norms = new Float64Array(K);
    this.invNorms = new Float64Array(K);
    this.aNorms = new Float64Array(K);
    this.sinSum = new Float64Array(K);
    this.kSum = new Float64Array(K);
    this.alignedRows = new Int32Array(K);
    this.teacherNorms = rowNorms(teacher.W, Ks, d);
    this.teacherInvNorms = this.teacherNorms.map((v) => (v === 0 ? 0 : 1 / v));
    this.teacherANorms = this.teacherNorms.map((v, k) => teacher.a[k] * v);
    this.teacherCv = teacher.a.map((v) => v * INV_TWO_PI);
    // The teacher's rows in V and inverse norms never change.
    for (let k = 0; k < Ks; k++)
      kernel.f64.set(teacher.W.subarray(k * d, (k + 1) * d), L.offV + (L.Kp + k) * L.dw);
    kernel.f64.set(this.teacherInvNorms, L.offInv + L.Kp);
    kernel.f64.set(this.teacherCv, L.offTeacherCv);
    kernel.f64.set(this.teacherANorms, L.offTeacherANorms);
    this.teacherSelfTerm = this.teacherSelf();
    // Exactly e_k, bit for bit (−0 is not 0 here: it keeps a way to the general products for tests).
    this.unitTeacher =
      Ks <= d && teacher.W.every((v, p) => Object.is(v, p % d === Math.floor(p / d) ? 1 : 0));
  }

  /** The fast path for this teacher and width, or undefined where WebAssembly SIMD is unavailable. */
  static create(teacher: FcNetwork, K: number): ReluGramPopulation | undefined {
    const L = reluGramLayout(K, teacher.K, teacher.d);
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
    const or = this.L.offV + r * this.L.dw;
    const os = this.L.offV + s * this.L.dw;
    let s2 = 0;
    for (let i = 0; i < this.d; i++) {
      const t = f[or + i] / nr - (c * f[os + i]) / ns;
      s2 += t * t;
    }
    this.scratchAngle.sin = Math.sqrt(s2);
    this.scratchAngle.theta = Math.atan2(this.scratchAngle.sin, c);
  }

  /**
   * `alignedAngle` against the orthonormal teacher's row e_k (norm 1): the same arithmetic with the
   * teacher's zeros and ones written in (x − c·0/1 and x − c·1/1 are x and x − c, the squares bit for
   * bit those of the general loop), without reading the teacher's row.
   */
  private unitAlignedAngle(r: number, nr: number, k: number, c: number): void {
    const f = this.kernel.f64;
    const or = this.L.offV + r * this.L.dw;
    let s2 = 0;
    for (let i = 0; i < this.d; i++) {
      const t = i === k ? f[or + i] / nr - c : f[or + i] / nr;
      s2 += t * t;
    }
    this.scratchAngle.sin = Math.sqrt(s2);
    this.scratchAngle.theta = Math.atan2(this.scratchAngle.sin, c);
  }

  /** The teacher columns of M and the teacher sums (SIMD) for `rows` rows from `first`. */
  private teacherTermsOfRows(first: number, rows: number): void {
    const { Kp, n, offG, offTheta, offSin, offM, offA, offTeacherCv, offTeacherANorms, offTeacherSums } =
      this.L;
    const at = first * n;
    this.kernel.teacherTerms(
      offG + at,
      offTheta + at,
      offSin + at,
      offM + at,
      n,
      rows,
      Kp,
      n - Kp,
      offA + first,
      offTeacherCv,
      offTeacherANorms,
      offTeacherSums + 3 * first,
    );
  }

  /**
   * J(W, a) for row-major W (K×d); fills gW (K×d) with ∇_W J when given, and ga (K) with ∇_a J when given.
   */
  evaluate(W: Float64Array, a: Float64Array, gW?: Float64Array, ga?: Float64Array): number {
    const { K, d, kernel } = this;
    const T = this.teacher;
    const Ks = T.K;
    const f = kernel.f64;
    const { Kp, n, dw, offV, offG, offM, offOut, offInv, offTheta, offSin, offA, offTeacherSums } = this.L;
    // Plain loops, not set(subarray): a view per row would be most of a small step's allocations.
    if (dw === d) f.set(W, offV);
    else for (let j = 0; j < K; j++) for (let i = 0; i < d; i++) f[offV + j * dw + i] = W[j * d + i];
    if (this.unitTeacher) {
      // w*_k = e_k: the teacher block of G is W's first K* columns, no products needed.
      kernel.abt(offV, Kp, offV, Kp, dw, offG, n, Kp);
      kernel.copyBlock(offG + Kp, n, offV, dw, K, Ks);
    } else kernel.abt(offV, Kp, offV, n, dw, offG, n, Kp);

    const norms = this.norms;
    const inv = this.invNorms;
    const an = this.aNorms;
    const tn = this.teacherNorms;
    const sinSum = this.sinSum;
    const kSum = this.kSum;
    for (let j = 0; j < K; j++) {
      norms[j] = Math.sqrt(f[offG + j * n + j]);
      inv[j] = norms[j] === 0 ? 0 : 1 / norms[j];
      f[offInv + j] = inv[j];
      an[j] = a[j] * norms[j];
      sinSum[j] = 0;
      kSum[j] = 0;
    }
    // Pass 1 (SIMD): cos θ, θ and sin θ of every pair (j, k ≥ j), in place of G and beside it; the
    // padding columns of each block (beyond an even count) are left out, their θ and sin θ stay zero.
    kernel.angles(offG, n, K, offInv, offTheta, offSin, "diagonal", roundUp(K, 2));
    kernel.angles(offG, n, K, offInv, offTheta, offSin, Kp, Kp + roundUp(Ks, 2));
    // The teacher columns of M and the teacher sums of every row in one SIMD pass.
    const angle = this.scratchAngle;
    f.set(a, offA);
    this.teacherTermsOfRows(0, K);
    // Rows with a near-aligned teacher pair get θ and sin θ from the rows there, and their teacher terms
    // are computed again: in one call over the span of such rows when they are dense (the rows in
    // between come out the same), else row by row.
    const aligned = this.alignedRows;
    let count = 0;
    for (let j = 0; j < K; j++) {
      if (inv[j] === 0 || !(f[offTeacherSums + 3 * j + 2] > NEAR_ALIGNED)) continue;
      const row = j * n;
      for (let k = 0; k < Ks; k++) {
        const cos = f[offG + row + Kp + k];
        if (Math.abs(cos) > NEAR_ALIGNED) {
          if (this.unitTeacher) this.unitAlignedAngle(j, norms[j], k, cos);
          else this.alignedAngle(j, norms[j], Kp + k, tn[k], cos);
          f[offTheta + row + Kp + k] = angle.theta;
          f[offSin + row + Kp + k] = angle.sin;
        }
      }
      aligned[count++] = j;
    }
    if (count > 0) {
      const span = aligned[count - 1] - aligned[0] + 1;
      if (span <= 3 * count) this.teacherTermsOfRows(aligned[0], span);
      else for (let c = 0; c < count; c++) this.teacherTermsOfRows(aligned[c], 1);
    }

    // Pass 2: cv into M, and per unit j the sums
    //   sinSum_j = Σ_k a_k‖w_k‖ sin θ_jk − Σ_k a*_k‖w*_k‖ sin θ*_jk      (2π‖w_j‖ times the w_j coefficient)
    //   kSum_j   = Σ_{k≠j} a_k‖w_k‖ [(π − θ_jk) cos θ_jk + sin θ_jk]    (2π/‖w_j‖ times Σ_{k≠j} a_k k(w_j, w_k))
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
      const anj = an[j];
      // Row j's own sums in locals (the same additions in the same order as into the arrays).
      let sinJ = sinSum[j];
      let kJ = kSum[j];
      // Student pairs (j, k > j), written to both (j, k) and (k, j). A zero row k needs no branch: its
      // inverse norm 0 gives cos θ = 0, so every term it adds is a multiple of ‖w_k‖ = 0 or, in M·V, of
      // its zero row (the σ'(0) = 0 convention); its own sums are never read. Likewise for the teacher.
      for (let k = j + 1; k < K; k++) {
        const at = j * n + k;
        const cos = f[offG + at];
        let theta = f[offTheta + at];
        let sin = f[offSin + at];
        if (Math.abs(cos) > NEAR_ALIGNED) {
          this.alignedAngle(j, nj, k, norms[k], cos);
          theta = angle.theta;
          sin = angle.sin;
        }
        const piMinus = Math.PI - theta;
        const cv = aj * a[k] * piMinus * INV_TWO_PI;
        f[rowM + k] = cv;
        f[offM + k * n + j] = cv;
        const ank = an[k];
        sinJ += ank * sin;
        sinSum[k] += anj * sin;
        const kPart = piMinus * cos + sin;
        kJ += ank * kPart;
        kSum[k] += anj * kPart;
      }
      // Teacher pairs (from the SIMD pass).
      const sinS = sinJ - f[offTeacherSums + 3 * j];
      const kTeacherSum = f[offTeacherSums + 3 * j + 1];
      // The pair (j, j) has θ = 0: cw = 0, cv = ½, k = ‖w_j‖²/2.
      f[rowM + j] = aj * (0.5 * aj + sinS * INV_TWO_PI * inv[j]);
      const kStudent = nj * INV_TWO_PI * kJ + 0.5 * aj * nj * nj;
      const kTeacher = nj * INV_TWO_PI * kTeacherSum;
      ss += aj * kStudent;
      st += aj * kTeacher;
      if (ga) ga[j] = kStudent - kTeacher;
    }
    const loss = Math.max(0, 0.5 * ss - st + 0.5 * this.teacherSelfTerm);
    if (!gW) return loss;

    if (!this.unitTeacher) kernel.ab(offM, Kp, offV, dw, n, offOut);
    else {
      // w*_k = e_k: M's teacher columns add to the gradient's first K* columns, in the order ab would add
      // them (after the student terms; the other teacher products are exact zeros), so bit for bit the same.
      kernel.ab(offM, Kp, offV, dw, Kp, offOut, n);
      kernel.addBlock(offOut, dw, offM + Kp, n, K, Ks);
    }
    if (dw === d) gW.set(f.subarray(offOut, offOut + K * d));
    else for (let j = 0; j < K; j++) for (let i = 0; i < d; i++) gW[j * d + i] = f[offOut + j * dw + i];
    return loss;
  }
}
