import assert from "node:assert/strict";
import { test } from "node:test";
import { Rng } from "../../../src/math/rng.js";
import { makeNetwork } from "../../../src/models/fc/network.js";
import type { PairKernel } from "../../../src/models/fc/pair-kernel.js";
import { FcPopulation } from "../../../src/models/fc/population.js";
import { ReluGramPopulation } from "../../../src/models/fc/relu-gram.js";
import { gramKernel, gramModuleBytes } from "../../../src/models/fc/relu-gram-wasm.js";
import { reluPairKernel } from "../../../src/models/fc/relu-kernel.js";

// The same ReLU closed forms behind a different object: FcPopulation then takes the generic path.
const genericRelu: PairKernel = {
  activation: "relu",
  first: reluPairKernel.first,
  second: reluPairKernel.second,
};

function bitsDiffer(x: number, y: number): number {
  const b = new Float64Array([x, y]);
  const i = new BigInt64Array(b.buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

/** Asserts fast and generic agree to `rel` relative to the largest entry of each block. */
function assertSamePath(
  teacher: ReturnType<typeof makeNetwork>,
  W: Float64Array,
  a: Float64Array,
  rel: number,
  label: string,
) {
  const K = a.length;
  const fast = ReluGramPopulation.create(teacher, K);
  assert.ok(fast, "WebAssembly SIMD is available in Node 20");
  const slow = new FcPopulation(genericRelu, teacher, K);
  const gFast = new Float64Array(W.length);
  const gSlow = new Float64Array(W.length);
  const aFast = new Float64Array(K);
  const aSlow = new Float64Array(K);
  const jFast = fast.evaluate(W, a, gFast, aFast);
  const jSlow = slow.lossAndGradient({ W, a }, gSlow, aSlow);
  assert.ok(
    Math.abs(jFast - jSlow) <= rel * Math.max(1, Math.abs(jSlow)),
    `${label}: J ${jFast} vs ${jSlow}`,
  );
  assert.equal(fast.evaluate(W, a), jFast, `${label}: the loss alone equals the loss beside the gradient`);
  for (const [x, y, name] of [
    [gFast, gSlow, "∇W"],
    [aFast, aSlow, "∇a"],
  ] as const) {
    const scale = Math.max(1, ...y.map(Math.abs));
    for (let p = 0; p < y.length; p++) {
      assert.ok(Number.isFinite(x[p]), `${label}: ${name}[${p}] is ${x[p]}`);
      assert.ok(Math.abs(x[p] - y[p]) <= rel * scale, `${label}: ${name}[${p}] ${x[p]} vs ${y[p]}`);
    }
  }
  return { gFast, gSlow };
}

test("the SIMD product equals sequential dot products, including the skipped lower blocks' mirrors", () => {
  assert.ok(WebAssembly.validate(gramModuleBytes()));
  const kernel = gramKernel(4096);
  assert.ok(kernel, "WebAssembly SIMD is available in Node 20");
  const f = kernel.f64;
  const rng = Rng.fromSeed(401);
  for (const [m, n, len] of [
    [2, 4, 2],
    [8, 12, 6],
    [12, 16, 10],
  ]) {
    const A = 0;
    const C = m * len + n * len;
    f.fill(0);
    f.set(rng.normals(m * len), A);
    // B = [A; extra rows]: the first m columns of C are then symmetric.
    f.set(rng.normals((n - m) * len), A + m * len);
    kernel.abt(A, m, A, n, len, C, n, m);
    for (let p = 0; p < m; p++) {
      for (let q = 0; q < n; q++) {
        let s = 0;
        for (let i = 0; i < len; i++) s += f[A + p * len + i] * f[A + q * len + i];
        const skipped = q < m && Math.floor(q / 4) * 4 + 4 <= Math.floor(p / 2) * 2;
        const got = skipped ? f[C + q * n + p] : f[C + p * n + q];
        assert.ok(Math.abs(got - s) <= 1e-14 * len, `m=${m} n=${n} len=${len} (${p},${q}): ${got} vs ${s}`);
      }
    }
  }
});

test("the SIMD product A·B equals sequential sums (rows and columns in blocks of 4, any inner length)", () => {
  const kernel = gramKernel(4096);
  assert.ok(kernel);
  const f = kernel.f64;
  const rng = Rng.fromSeed(406);
  for (const [m, n, len] of [
    [4, 4, 1],
    [8, 12, 7],
    [12, 8, 20],
  ]) {
    const A = 0;
    const B = m * len;
    const C = B + len * n;
    f.set(rng.normals(m * len + len * n), A);
    kernel.ab(A, m, B, n, len, C);
    for (let p = 0; p < m; p++) {
      for (let q = 0; q < n; q++) {
        let s = 0;
        for (let k = 0; k < len; k++) s += f[A + p * len + k] * f[B + k * n + q];
        assert.ok(Math.abs(f[C + p * n + q] - s) <= 1e-14 * len, `m=${m} n=${n} len=${len} (${p},${q})`);
      }
    }
  }
});

test("SIMD pair angles: acos equals Math.acos bit for bit and sin θ equals √(1 − cos²) bit for bit", () => {
  const special = [1, -1, 0, -0, 0.5, -0.5, 0.5 - 2 ** -54, -0.5 + 2 ** -54, 0.5 + 2 ** -53, 0.99, -0.99];
  const tiny = [1e-300, -1e-300, 2 ** -57, 2 ** -60, 1 - 2 ** -53, -1 + 2 ** -53, 1 - 1e-12, -1 + 1e-12];
  const rng = Rng.fromSeed(402);
  const N = 20_000;
  const x = new Float64Array(N);
  [...special, ...tiny].forEach((v, i) => {
    x[i] = v;
  });
  for (let i = special.length + tiny.length; i < N; i++) {
    const u = rng.uniform();
    // A quarter in (−½, ½), where both lanes of a pair take the kernel's shortcut (the first branch
    // alone); the rest uniform on [−1, 1] and crowded towards ±1, where the third branch works.
    x[i] = i < N / 4 ? u - 0.5 : i % 3 === 0 ? 2 * u - 1 : i % 3 === 1 ? 1 - u ** 6 : u ** 6 - 1;
  }
  // One Gram row with unit inverse norms: its entries are the cosines themselves.
  const kernel = gramKernel(4 * N);
  assert.ok(kernel);
  kernel.f64.set(x, 0);
  kernel.f64.fill(1, 3 * N, 4 * N);
  kernel.angles(0, N, 1, 3 * N, N, 2 * N, "diagonal", N);
  let worst = 0;
  for (let i = 0; i < N; i++) {
    assert.equal(kernel.f64[i], x[i], "cos θ is left in place");
    worst = Math.max(worst, bitsDiffer(kernel.f64[N + i], Math.acos(x[i])));
    assert.equal(kernel.f64[2 * N + i], Math.sqrt(1 - x[i] * x[i]), `sin at cos = ${x[i]}`);
  }
  assert.equal(worst, 0, "largest difference in units of the last place");
  assert.equal(kernel.f64[N], 0, "acos(1) = 0");
  assert.equal(kernel.f64[N + 1], Math.PI, "acos(−1) = π");
});

test("SIMD pair angles: a column range (4 at a time, then 2) writes exactly its columns, from the diagonal or a given column", () => {
  // rows × n Gram matrix of cosines (unit inverse norms); θ goes to an n-wide block after it
  const n = 16;
  const rows = 5;
  const kernel = gramKernel(3 * rows * n + n);
  assert.ok(kernel);
  const theta = rows * n;
  const sin = 2 * rows * n;
  const inv = 3 * rows * n;
  kernel.f64.fill(1, inv, inv + n);
  for (let i = 0; i < rows * n; i++) kernel.f64[i] = Math.cos(i);
  const marker = -7;
  kernel.f64.fill(marker, theta, theta + rows * n);
  // columns 2…11 of every row (ten: two groups of four and a pair), then from each row's diagonal to 6
  kernel.angles(0, n, rows, inv, theta, sin, 2, 12);
  kernel.angles(0, n, rows, inv, theta, sin, "diagonal", 6);
  for (let j = 0; j < rows; j++)
    for (let k = 0; k < n; k++) {
      const written = (k >= 2 && k < 12) || (k >= j + 1 - ((j + 1) % 2) && k < 6);
      const got: number = kernel.f64[theta + j * n + k];
      if (written) assert.equal(got, Math.acos(Math.cos(j * n + k)), `θ at (${j}, ${k})`);
      else assert.equal(got, marker, `(${j}, ${k}) is outside both ranges`);
    }
});

test("ReLU Gram path equals the generic pair-kernel path (loss, ∇W, ∇a) to 1e-12 on random networks", () => {
  for (const [seed, K, Ks, d] of [
    [1, 1, 1, 3],
    [2, 2, 3, 1],
    [3, 5, 7, 3],
    [4, 13, 6, 17],
    [5, 20, 20, 20],
    [6, 9, 12, 40],
  ]) {
    const rng = Rng.fromSeed(403, seed);
    const aT = Float64Array.from({ length: Ks }, () => rng.normal());
    const teacher = makeNetwork(Ks, d, rng.normals(Ks * d), aT);
    const a = Float64Array.from({ length: K }, () => rng.normal());
    assertSamePath(teacher, rng.normals(K * d), a, 1e-12, `K=${K} K*=${Ks} d=${d}`);
  }
});

test("ReLU Gram path equals the generic path at θ = 0 and π (student–student, student–teacher) and zero rows", () => {
  const d = 5;
  const rng = Rng.fromSeed(404);
  const Ws = rng.normals(3 * d);
  const teacher = makeNetwork(3, d, Ws, Float64Array.of(1, -0.5, 2));
  const row = (W: Float64Array, j: number) => W.subarray(j * d, (j + 1) * d);
  const W = rng.normals(6 * d);
  row(W, 1).set(row(W, 0).map((v) => 2.5 * v)); // w_1 ∥ w_0 (θ = 0)
  row(W, 2).set(row(W, 0).map((v) => -0.3 * v)); // w_2 antiparallel to w_0 (θ = π)
  row(W, 3).set(row(Ws, 1).map((v) => 0.7 * v)); // w_3 ∥ w*_1
  row(W, 4).set(row(Ws, 2).map((v) => -1.1 * v)); // w_4 antiparallel to w*_2
  // w_5 at 1e-7 rad from w*_0: near-aligned, sin θ from the rows.
  const u = rng.normals(d);
  const w0 = row(Ws, 0);
  const n0 = Math.hypot(...w0);
  const proj = u.reduce((s, v, i) => s + v * w0[i], 0) / (n0 * n0);
  const perp = u.map((v, i) => v - proj * w0[i]);
  const np = Math.hypot(...perp);
  row(W, 5).set(w0.map((v, i) => v + (1e-7 * n0 * perp[i]) / np));
  const a = Float64Array.of(1, 0.5, -2, 1.5, 0.8, 1.2);
  assertSamePath(teacher, W, a, 1e-12, "aligned rows");
  // A zero row (after a call without one, so nothing stale survives in the kernel's memory).
  const pop = new FcPopulation(reluPairKernel, teacher, 6);
  pop.gradient({ W, a }, true);
  const Wz = Float64Array.from(W);
  row(Wz, 2).fill(0);
  const g = pop.gradient({ W: Wz, a }, true); // the Gram path (K ≥ 2)
  const ref = new FcPopulation(genericRelu, teacher, 6).gradient({ W: Wz, a }, true);
  for (let p = 0; p < g.length; p++) assert.ok(Math.abs(g[p] - ref[p]) <= 1e-12, `zero row: ${p}`);
  for (let i = 0; i < d; i++) assert.equal(g[2 * d + i], 0, "the zero unit receives zero gradient");
  assertSamePath(teacher, Wz, a, 1e-12, "zero row");
  // A teacher with a zero row (makeNetwork allows it; the JSON readers do not).
  const Wsz = Float64Array.from(Ws);
  row(Wsz, 1).fill(0);
  assertSamePath(makeNetwork(3, d, Wsz, Float64Array.of(1, -0.5, 2)), Wz, a, 1e-12, "zero teacher row");
});

test("FcPopulation takes the Gram path for the ReLU kernel when K ≥ 2 (identical results), the generic one at K = 1", () => {
  const rng = Rng.fromSeed(405);
  const teacher = makeNetwork(4, 6, rng.normals(24));
  const W = rng.normals(24);
  const a = Float64Array.of(1, 1, 1, 1);
  const direct = ReluGramPopulation.create(teacher, 4);
  assert.ok(direct);
  const g1 = new Float64Array(24);
  const g2 = new Float64Array(24);
  const j1 = direct.evaluate(W, a, g1);
  const j2 = new FcPopulation(reluPairKernel, teacher, 4).lossAndGradient({ W, a }, g2);
  assert.equal(j1, j2);
  assert.deepEqual(g1, g2);
  const one = makeNetwork(1, 6, rng.normals(6));
  const x = { W: rng.normals(6), a: Float64Array.of(1) };
  assert.deepEqual(
    new FcPopulation(reluPairKernel, one, 1).gradient(x, true),
    new FcPopulation(genericRelu, one, 1).gradient(x, true),
  );
});

test("ReLU Gram path equals the generic path near the teacher, where every unit is nearly aligned with one", () => {
  const rng = Rng.fromSeed(407);
  const K = 6;
  const d = 8;
  const aT = Float64Array.of(1, 1, -1, 0.5, 2, 1);
  const teacher = makeNetwork(K, d, rng.normals(K * d), aT);
  for (const noise of [1e-3, 1e-6, 1e-9]) {
    // A permuted, slightly perturbed copy of the teacher: each row near-aligned with one teacher row.
    const W = new Float64Array(K * d);
    for (let j = 0; j < K; j++) {
      const src = (j + 2) % K;
      for (let i = 0; i < d; i++) W[j * d + i] = teacher.W[src * d + i] * (1 + noise * rng.normal());
    }
    const a = Float64Array.from({ length: K }, (_, j) => aT[(j + 2) % K]);
    assertSamePath(teacher, W, a, 1e-12, `noise ${noise}`);
  }
});

test("ReLU Gram path with the orthonormal teacher (its products skipped) equals the general path bit for bit", () => {
  const rng = Rng.fromSeed(408);
  for (const [K, Ks, d] of [
    [3, 2, 5],
    [10, 10, 10],
    [7, 5, 5],
    [21, 20, 20],
  ]) {
    const Wt = new Float64Array(Ks * d);
    for (let k = 0; k < Ks; k++) Wt[k * d + k] = 1;
    const unit = makeNetwork(Ks, d, Wt);
    // The same teacher with one zero written as −0 is not recognised as e_k, so it takes the general
    // products: the two paths must agree to the last bit.
    const Wg = Float64Array.from(Wt);
    Wg[1] = -0; // row 0, column 1: off the diagonal
    const general = makeNetwork(Ks, d, Wg);
    const fast = ReluGramPopulation.create(unit, K);
    const slow = ReluGramPopulation.create(general, K);
    assert.ok(fast && slow);
    const W = rng.normals(K * d);
    W.set(
      Wt.subarray(0, d).map((v) => 2 * v),
      0,
    ); // one unit aligned with w*_1
    // Rows 1…3 and the last nearly aligned with a teacher unit (cos θ > 0.99): their angles come from
    // the rows, and their teacher terms are redone over the span of such rows (K = 7, 10) or row by row
    // (K = 21, where the span is long and sparse).
    for (const j of [1, 2, 3, K - 1].filter((j) => j > 0 && j < K)) {
      for (let i = 0; i < d; i++) W[j * d + i] *= 1e-3;
      W[j * d + ((j * 3) % Ks)] += 1.5;
    }
    const a = Float64Array.from({ length: K }, () => 1);
    const g1 = new Float64Array(K * d);
    const g2 = new Float64Array(K * d);
    assert.equal(fast.evaluate(W, a, g1), slow.evaluate(W, a, g2));
    assert.deepEqual(g1, g2);
    assertSamePath(unit, W, a, 1e-12, `unit teacher K=${K} K*=${Ks} d=${d}`);
  }
});
