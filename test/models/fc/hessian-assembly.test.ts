import assert from "node:assert/strict";
import { test } from "node:test";
import { Rng } from "../../../src/math/rng.js";
import { type FcNetwork, makeNetwork } from "../../../src/models/fc/network.js";
import { emptyPairFirst, emptyPairSecond, type PairAngle } from "../../../src/models/fc/pair-kernel.js";
import { FcPopulation } from "../../../src/models/fc/population.js";
import { reluPairKernel } from "../../../src/models/fc/relu-kernel.js";

/**
 * The Hessian assembled entry by entry from its definition: block (j, j) is
 * a_j Σ_{k≠j} a_k R(w_j, w_k) + a_j² (R + Q)(w_j, w_j) − a_j Σ_k a*_k R(w_j, w*_k), block (j, k) is
 * a_j a_k Q(w_j, w_k), each pair matrix M = i·I + m11 ŵŵᵀ + m12 (ŵuᵀ + uŵᵀ) + m22 uuᵀ built as a
 * dense d × d matrix; with trained top weights ∂²J/∂a_j∂a_k = k(w_j, w_k),
 * ∂²J/∂a_j∂w_j = Σ_k a_k T(w_j, w_k) (+ a_j T(w_j, w_j) once more) − Σ_k a*_k T(w_j, w*_k) and
 * ∂²J/∂a_j∂w_k = a_k T(w_k, w_j) (k ≠ j), T(w, v) = cw·w + cv·v.
 */
function denseHessian(teacher: FcNetwork, W: Float64Array, a: Float64Array, trainA: boolean): number[][] {
  const K = a.length;
  const d = teacher.d;
  const n = K * d + (trainA ? K : 0);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rowOf = (M: Float64Array, j: number) => Array.from(M.subarray(j * d, (j + 1) * d));
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const pair = (w: number[], v: number[], same: boolean) => {
    const nw = norm(w);
    const nv = norm(v);
    const what = w.map((x) => x / nw);
    const c = same ? 1 : Math.min(1, Math.max(-1, w.reduce((s, x, i) => s + x * v[i], 0) / (nw * nv)));
    const angle: PairAngle = { theta: Math.acos(c), cos: c, sin: Math.sqrt(1 - c * c) };
    const u = v.map((x, i) => (angle.sin > 0 ? (x / nv - c * what[i]) / angle.sin : 0));
    const second = emptyPairSecond();
    const first = emptyPairFirst();
    reluPairKernel.second?.(nw, nv, angle, second);
    reluPairKernel.first(nw, nv, angle, first);
    return { nw, nv, what, u, second, first };
  };
  const addM = (
    r0: number,
    c0: number,
    f: number,
    mI: number,
    m11: number,
    m12: number,
    m22: number,
    what: number[],
    u: number[],
  ) => {
    for (let p = 0; p < d; p++)
      for (let q = 0; q < d; q++)
        H[r0 + p][c0 + q] +=
          f *
          ((p === q ? mI : 0) +
            m11 * what[p] * what[q] +
            m12 * (what[p] * u[q] + u[p] * what[q]) +
            m22 * u[p] * u[q]);
  };
  for (let j = 0; j < K; j++) {
    const wj = rowOf(W, j);
    if (norm(wj) === 0) continue;
    for (let k = 0; k < K; k++) {
      const wk = rowOf(W, k);
      if (norm(wk) === 0) continue;
      const { what, u, second: s, first } = pair(wj, wk, j === k);
      const f = a[j] * a[k];
      if (j === k) addM(j * d, j * d, f, s.rI + s.qI, s.r11 + s.q11, s.r12 + s.q12, s.r22 + s.q22, what, u);
      else {
        addM(j * d, j * d, f, s.rI, s.r11, s.r12, s.r22, what, u);
        addM(j * d, k * d, f, s.qI, s.q11, s.q12, s.q22, what, u);
      }
      if (trainA) {
        const aj = K * d + j;
        H[aj][K * d + k] = first.k;
        for (let i = 0; i < d; i++) {
          const t = first.cw * wj[i] + first.cv * wk[i];
          H[aj][j * d + i] += (j === k ? 2 : 1) * a[k] * t;
          if (j !== k) H[K * d + k][j * d + i] += a[j] * t;
        }
      }
    }
    for (let k = 0; k < teacher.K; k++) {
      const vk = rowOf(teacher.W, k);
      const { what, u, second: s, first } = pair(wj, vk, false);
      addM(j * d, j * d, -a[j] * teacher.a[k], s.rI, s.r11, s.r12, s.r22, what, u);
      if (trainA)
        for (let i = 0; i < d; i++)
          H[K * d + j][j * d + i] -= teacher.a[k] * (first.cw * wj[i] + first.cv * vk[i]);
    }
  }
  if (trainA) for (let j = 0; j < K; j++) for (let c = 0; c < K * d; c++) H[c][K * d + j] = H[K * d + j][c];
  return H;
}

test("the fc Hessian's assembly equals the entry-by-entry definition to rounding (zero unit, K* ≠ K, odd d)", () => {
  const rng = Rng.fromSeed(2024);
  for (const [K, Ks, d] of [
    [6, 5, 7],
    [4, 4, 4],
    [2, 3, 1],
  ]) {
    const teacher = makeNetwork(
      Ks,
      d,
      rng.normals(Ks * d),
      Float64Array.from({ length: Ks }, (_, k) => (k % 2 ? -0.6 : 1.2)),
    );
    const W = rng.normals(K * d);
    // A dead unit (w = 0) contributes nothing and gets no curvature.
    W.fill(0, d, 2 * d);
    const a = Float64Array.from({ length: K }, () => 0.4 + rng.uniform());
    const pop = new FcPopulation(reluPairKernel, teacher, K);
    for (const trainA of [false, true]) {
      const H = pop.hessian({ W, a }, trainA);
      const ref = denseHessian(teacher, W, a, trainA);
      const scale = Math.max(...ref.map((r) => Math.max(...r.map(Math.abs))));
      assert.equal(H.length, ref.length);
      for (let p = 0; p < H.length; p++)
        for (let q = 0; q < H.length; q++) {
          const tag = `K=${K} K*=${Ks} d=${d} trainA=${trainA}: H[${p}][${q}]`;
          assert.ok(Math.abs(H[p][q] - ref[p][q]) <= 1e-13 * scale, `${tag} = ${H[p][q]} vs ${ref[p][q]}`);
          assert.ok(Math.abs(H[p][q] - H[q][p]) <= 1e-13 * scale, `${tag} is not symmetric`);
        }
      for (let p = d; p < 2 * d; p++)
        assert.ok(
          H[p].every((v, q) => v === 0 || q >= K * d),
          `dead unit row ${p}`,
        );
    }
  }
});
