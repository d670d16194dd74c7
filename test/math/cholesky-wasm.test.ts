import assert from "node:assert/strict";
import { test } from "node:test";
import { cholesky, choleskyScalar, SIMD_CHOLESKY_FROM } from "../../src/math/cholesky.js";
import { choleskyKernel, choleskyModuleBytes } from "../../src/math/cholesky-wasm.js";
import { Rng } from "../../src/math/rng.js";

/** B·Bᵀ/cols + c·I for a random n × cols matrix B: positive definite with λ_min ≥ c (= c when cols < n). */
function gramPlus(n: number, cols: number, c: number, rng: Rng): Float64Array[] {
  const B = Array.from({ length: n }, () => rng.normals(cols));
  return Array.from({ length: n }, (_, i) =>
    Float64Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let m = 0; m < cols; m++) s += B[i][m] * B[j][m];
      return s / cols + (i === j ? c : 0);
    }),
  );
}

function kernel() {
  const k = choleskyKernel();
  assert.ok(k, "WebAssembly SIMD is available in Node 20");
  return k;
}

test("the SIMD factor equals the TypeScript factor to 1e-13 at orders 1…65 and 400, with and without a shift", () => {
  assert.ok(WebAssembly.validate(choleskyModuleBytes()));
  const k = kernel();
  const rng = Rng.fromSeed(65);
  // 400 first, so that the smaller orders run on a memory full of its leftovers.
  for (const n of [400, ...Array.from({ length: 65 }, (_, i) => i + 1)]) {
    const A = gramPlus(n, n, 0.5, rng);
    for (const shift of [0, 0.25, -0.2]) {
      const simd = k.factor(A, shift);
      const ts = choleskyScalar(A, shift);
      assert.ok(simd && ts, `n = ${n}, shift ${shift}`);
      for (let i = 0; i < n; i++) {
        // Row i of L has norm √(A_ii + shift): the scale of its entries.
        const scale = Math.sqrt(A[i][i] + shift);
        for (let j = 0; j < n; j++) {
          const d = Math.abs(simd[i * n + j] - ts.L[i * n + j]);
          assert.ok(
            d <= 1e-13 * scale,
            `n = ${n}, shift ${shift}, L[${i}][${j}]: ${simd[i * n + j]} vs ${ts.L[i * n + j]}`,
          );
          if (j > i) assert.equal(simd[i * n + j], 0);
        }
      }
    }
  }
});

test("the SIMD factor reproduces A + shift·I = LLᵀ and reads only the lower triangle", () => {
  const k = kernel();
  const rng = Rng.fromSeed(66);
  for (const n of [1, 2, 5, 8, 31, 64]) {
    const A = gramPlus(n, n + 3, 0.1, rng);
    const shift = 0.3;
    // Garbage above the diagonal (and plain arrays as rows) change nothing.
    const lower = A.map((row, i) => Array.from(row, (v, j) => (j > i ? Number.NaN : v)));
    const L = k.factor(lower, shift);
    assert.ok(L, `n = ${n}`);
    assert.deepEqual(L, k.factor(A, shift));
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let m = 0; m <= j; m++) s += L[i * n + m] * L[j * n + m];
        const want = A[i][j] + (i === j ? shift : 0);
        assert.ok(
          Math.abs(s - want) <= 1e-14 * n * (A[i][i] + shift),
          `n = ${n}: (LLᵀ)[${i}][${j}] = ${s}, want ${want}`,
        );
      }
  }
});

test("the SIMD factor refuses exactly the matrices the TypeScript one refuses", () => {
  const k = kernel();
  const rng = Rng.fromSeed(67);
  for (const n of [1, 2, 3, 6, 7, 16, 33]) {
    const A = gramPlus(n, n, 1, rng);
    for (const at of new Set([0, 1, Math.floor(n / 2), n - 2, n - 1].filter((p) => p >= 0 && p < n))) {
      // A dent in one diagonal entry makes that pivot (and no earlier one) negative; a small dent keeps it positive.
      for (const [dent, definite] of [
        [1e3, false],
        [0.5, true],
      ] as const) {
        const dented = A.map((row) => Float64Array.from(row));
        dented[at][at] -= dent;
        assert.equal(choleskyScalar(dented) !== undefined, definite, `TypeScript, n = ${n}, pivot ${at}`);
        assert.equal(
          k.factor(dented, 0) !== undefined,
          definite,
          `SIMD, n = ${n}, pivot ${at}, dent ${dent}`,
        );
      }
      // Not finite: NaN or ∞ anywhere in the lower triangle of row `at`.
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        for (const col of new Set([0, at])) {
          const broken = A.map((row) => Float64Array.from(row));
          broken[at][col] = bad;
          assert.equal(choleskyScalar(broken), undefined, `TypeScript, n = ${n}, A[${at}][${col}] = ${bad}`);
          assert.equal(k.factor(broken, 0), undefined, `SIMD, n = ${n}, A[${at}][${col}] = ${bad}`);
        }
      }
    }
  }
  // A pivot exactly zero: [[4, 2], [2, 1]] has L = [[2, 0], [1, 0]], at every alignment to the row pairs.
  for (const n of [2, 5, 9]) {
    for (let at = 0; at + 1 < n; at++) {
      const A = Array.from({ length: n }, (_, i) =>
        Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
      );
      A[at][at] = 4;
      A[at + 1][at] = 2;
      A[at][at + 1] = 2;
      A[at + 1][at + 1] = 1;
      assert.equal(choleskyScalar(A), undefined);
      assert.equal(k.factor(A, 0), undefined, `n = ${n}, zero pivot at ${at + 1}`);
      assert.ok(k.factor(A, 1e-12), `n = ${n}: a positive shift makes it definite`);
    }
  }
});

test("the shift moves the spectrum: A with λ_min = 1 factors with shift −0.9 and is refused with shift −1.1", () => {
  const k = kernel();
  const rng = Rng.fromSeed(68);
  for (const n of [3, 10, 41, 100]) {
    // B·Bᵀ/cols with cols < n is singular, so λ_min(A) = 1 exactly (up to rounding of the products).
    const A = gramPlus(n, n - 2, 1, rng);
    for (const [shift, definite] of [
      [-0.9, true],
      [-1.1, false],
      [0, true],
    ] as const) {
      assert.equal(k.factor(A, shift) !== undefined, definite, `SIMD, n = ${n}, shift ${shift}`);
      assert.equal(choleskyScalar(A, shift) !== undefined, definite, `TypeScript, n = ${n}, shift ${shift}`);
      assert.equal(cholesky(A, shift) !== undefined, definite, `cholesky, n = ${n}, shift ${shift}`);
    }
  }
});

test("cholesky takes the SIMD factor from SIMD_CHOLESKY_FROM on", () => {
  const k = kernel();
  const rng = Rng.fromSeed(69);
  for (const n of [SIMD_CHOLESKY_FROM, 100]) {
    const A = gramPlus(n, n, 0.5, rng);
    const f = cholesky(A, 0.1);
    assert.ok(f);
    assert.equal(f.n, n);
    assert.deepEqual(f.L, k.factor(A, 0.1));
  }
  // Below it, the TypeScript factor (bit for bit); the empty matrix factors trivially.
  const small = gramPlus(SIMD_CHOLESKY_FROM - 1, 5, 0.5, rng);
  assert.deepEqual(cholesky(small)?.L, choleskyScalar(small)?.L);
  assert.equal(k.factor([], 0)?.length, 0);
});

test("the panel height changes the order of the work, not the factor (bit for bit)", () => {
  const rng = Rng.fromSeed(70);
  const factorWith = (panel: number, A: Float64Array[]) => {
    const n = A.length;
    const ld = n + (n & 1);
    const memory = new WebAssembly.Memory({ initial: 4 });
    const run = new WebAssembly.Instance(new WebAssembly.Module(choleskyModuleBytes(panel)), {
      env: { mem: memory },
    }).exports.cholesky as (a: number, n: number, ld: number, shift: number) => number;
    const f64 = new Float64Array(memory.buffer);
    A.forEach((row, i) => {
      f64.set(row, i * ld);
    });
    assert.equal(run(0, n, 8 * ld, 0), n);
    return Array.from({ length: n }, (_, i) => Array.from(f64.subarray(i * ld, i * ld + i + 1)));
  };
  for (const n of [37, 90]) {
    const A = gramPlus(n, n, 0.5, rng);
    const reference = factorWith(n + 1, A);
    for (const panel of [4, 8, 12, 32])
      assert.deepEqual(factorWith(panel, A), reference, `n = ${n}, panel ${panel}`);
  }
});
