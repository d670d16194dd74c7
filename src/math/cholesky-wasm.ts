/**
 * The Cholesky factorisation A + shift·I = LLᵀ as a WebAssembly SIMD function (f64x2), for
 * `cholesky.ts`; the TypeScript factorisation there is the fallback where WebAssembly SIMD is
 * unavailable, and the oracle of the tests.
 *
 * The algorithm is the TypeScript one's: Crout order, each entry L_ij one dot product of rows i and
 * j of L over m < j. Rows go two at a time and columns four at a time, so one pass over m reads two
 * rows of i and four of j (six two-lane loads) for eight two-lane multiply-adds, the block of
 * `relu-gram-wasm.ts`'s Gram product. Each dot product sums even and odd m in separate lanes and adds
 * them at the end, so an entry differs from the TypeScript one by rounding only. The columns of a
 * block depend on each other through m = j … j + 3: that small triangle is finished in scalar code
 * after the two-lane pass, as is the diagonal 2×2 tile with its two pivots. Rows are taken in panels
 * of PANEL: first each block of four columns left of the panel for all of the panel's row pairs (its
 * four rows of L stay in cache meanwhile), then the panel's own triangle, row pair by row pair.
 *
 * The factorisation is in place, in the module's memory: the rows of A (lower triangle) are copied in
 * with an even row stride, so that every row starts on a 16-byte boundary and every dot product has
 * an even length (column blocks start at even j). An odd order gets one zero row of padding as the
 * partner of its last row. Entries above the diagonal are never read.
 */

import { assemble, lazyModule, wasmModuleBytes } from "./wasm-assembler.js";

const PARAMS = ["$a", "$n", "$ld", "$shift"];

/**
 * Rows per panel: a multiple of 4, so that column blocks keep starting at multiples of 4 (the factor
 * does not depend on it, bit for bit). At order 400 heights 4 to 64 measured the same; it matters
 * only once L outgrows the cache.
 */
const PANEL = 16;

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

/** Pushes lane 0 + lane 1 of a two-lane local. */
const laneSum = (v: string) =>
  `local.get ${v} f64x2.extract_lane 0 local.get ${v} f64x2.extract_lane 1 f64.add`;

/** Returns `failed` from the function unless the f64 local $d is > 0 and finite (the TypeScript rule). */
const requirePivot = (failed: string) => `
  local.get $d f64.const 0 f64.gt local.get $d f64.const Infinity f64.lt i32.and i32.eqz
  if ${failed} return end`;

/**
 * Entries (i + r, j + c) for r < 2, c < cols of L, with the column block left of the diagonal tile
 * (j + cols ≤ i) and j even: the two-lane pass over m < j, then the triangle m = j … j + c − 1.
 */
function columnBlock(cols: number): string {
  const cs = range(cols);
  const acc = (r: number, c: number) => `$acc${r}${c}`;
  return `
    local.get $a local.get $j local.get $ld i32.mul i32.add local.set $rc0
    ${cs
      .slice(1)
      .map((c) => `local.get $rc${c - 1} local.get $ld i32.add local.set $rc${c}`)
      .join("\n")}
    ${cs.map((c) => `f64x2.const 0 local.set ${acc(0, c)} f64x2.const 0 local.set ${acc(1, c)}`).join("\n")}
    local.get $j i32.const 3 i32.shl local.set $len
    block
      local.get $len i32.eqz br_if 0
      i32.const 0 local.set $m
      loop
        local.get $ri0 local.get $m i32.add v128.load 0 local.set $x0
        local.get $ri1 local.get $m i32.add v128.load 0 local.set $x1
        ${cs
          .map(
            (c) => `local.get $rc${c} local.get $m i32.add v128.load 0 local.set $y
              local.get ${acc(0, c)} local.get $x0 local.get $y f64x2.mul f64x2.add local.set ${acc(0, c)}
              local.get ${acc(1, c)} local.get $x1 local.get $y f64x2.mul f64x2.add local.set ${acc(1, c)}`,
          )
          .join("\n")}
        local.get $m i32.const 16 i32.add local.tee $m local.get $len i32.lt_u br_if 0
      end
    end
    ;; from here on the pointers address column j of their rows
    local.get $ri0 local.get $len i32.add local.set $p0
    local.get $ri1 local.get $len i32.add local.set $p1
    ${cs.map((c) => `local.get $rc${c} local.get $len i32.add local.set $rc${c}`).join("\n")}
    ;; L_(i+r)(j+c) = (A_(i+r)(j+c) − pass − Σ_(c'<c) L_(i+r)(j+c') L_(j+c)(j+c')) / L_(j+c)(j+c)
    ${cs
      .flatMap((c) =>
        [0, 1].map(
          (r) => `local.get $p${r}
            local.get $p${r} f64.load ${8 * c} ${laneSum(acc(r, c))} f64.sub
            ${range(c)
              .map((c2) => `local.get $l${r}${c2} local.get $rc${c} f64.load ${8 * c2} f64.mul f64.sub`)
              .join("\n")}
            local.get $rc${c} f64.load ${8 * c} f64.div local.tee $l${r}${c}
            f64.store ${8 * c}`,
        ),
      )
      .join("\n")}`;
}

/**
 * The diagonal tile (i, i), (i + 1, i), (i + 1, i + 1): three dot products over m < i, then the
 * pivots. Returns i or i + 1 from the function at a pivot that is not > 0 and finite (for the
 * padding row of an odd order that is n, which reads as success: its pivot does not count).
 */
const diagonalTile = `
    f64x2.const 0 local.set $acc00 f64x2.const 0 local.set $acc10 f64x2.const 0 local.set $acc11
    local.get $i i32.const 3 i32.shl local.set $len
    block
      local.get $len i32.eqz br_if 0
      i32.const 0 local.set $m
      loop
        local.get $ri0 local.get $m i32.add v128.load 0 local.set $x0
        local.get $ri1 local.get $m i32.add v128.load 0 local.set $x1
        local.get $acc00 local.get $x0 local.get $x0 f64x2.mul f64x2.add local.set $acc00
        local.get $acc10 local.get $x1 local.get $x0 f64x2.mul f64x2.add local.set $acc10
        local.get $acc11 local.get $x1 local.get $x1 f64x2.mul f64x2.add local.set $acc11
        local.get $m i32.const 16 i32.add local.tee $m local.get $len i32.lt_u br_if 0
      end
    end
    local.get $ri0 local.get $len i32.add local.set $p0
    local.get $ri1 local.get $len i32.add local.set $p1
    local.get $p0 f64.load 0 local.get $shift f64.add ${laneSum("$acc00")} f64.sub local.set $d
    ${requirePivot("local.get $i")}
    local.get $p0 local.get $d f64.sqrt local.tee $piv f64.store 0
    local.get $p1 local.get $p1 f64.load 0 ${laneSum("$acc10")} f64.sub local.get $piv f64.div
    local.tee $l10 f64.store 0
    local.get $p1 f64.load 8 local.get $shift f64.add ${laneSum("$acc11")} f64.sub
    local.get $l10 local.get $l10 f64.mul f64.sub local.set $d
    ${requirePivot("local.get $i i32.const 1 i32.add")}
    local.get $p1 local.get $d f64.sqrt f64.store 8`;

/**
 * cholesky(a, n, ld, shift) → i32: factors in place the matrix at byte offset a (order n, row stride
 * ld bytes, a multiple of 16; n + 1 rows when n is odd, the last one zero). Returns n on success, else
 * the row whose pivot was not > 0 and finite (L is then partly written).
 */
function choleskyFunction(panel = PANEL): number[] {
  const listing = `
    i32.const 0 local.set $i0
    block loop
      local.get $i0 local.get $n i32.ge_u br_if 1
      local.get $i0 i32.const ${panel} i32.add local.tee $iEnd local.get $n i32.gt_u
      if local.get $n local.set $iEnd end
      ;; the panel's columns left of it, one column block for all its row pairs at a time
      i32.const 0 local.set $j
      block loop
        local.get $j i32.const 4 i32.add local.get $i0 i32.gt_u br_if 1
        local.get $i0 local.set $i
        block loop
          local.get $i local.get $iEnd i32.ge_u br_if 1
          local.get $a local.get $i local.get $ld i32.mul i32.add local.set $ri0
          local.get $ri0 local.get $ld i32.add local.set $ri1
          ${columnBlock(4)}
          local.get $i i32.const 2 i32.add local.set $i
          br 0
        end end
        local.get $j i32.const 4 i32.add local.set $j
        br 0
      end end
      ;; the panel's own triangle, row pair by row pair
      local.get $i0 local.set $i
      block loop
        local.get $i local.get $iEnd i32.ge_u br_if 1
        local.get $a local.get $i local.get $ld i32.mul i32.add local.set $ri0
        local.get $ri0 local.get $ld i32.add local.set $ri1
        local.get $i0 local.set $j
        block loop
          local.get $j i32.const 4 i32.add local.get $i i32.gt_u br_if 1
          ${columnBlock(4)}
          local.get $j i32.const 4 i32.add local.set $j
          br 0
        end end
        block
          local.get $j i32.const 2 i32.add local.get $i i32.gt_u br_if 0
          ${columnBlock(2)}
          local.get $j i32.const 2 i32.add local.set $j
        end
        ${diagonalTile}
        local.get $i i32.const 2 i32.add local.set $i
        br 0
      end end
      local.get $i0 i32.const ${panel} i32.add local.set $i0
      br 0
    end end
    local.get $n`;
  const lOfBlock = [0, 1].flatMap((r) => range(4).map((c) => `$l${r}${c}`));
  return assemble(
    PARAMS,
    {
      i32: [
        "$i0",
        "$iEnd",
        "$i",
        "$j",
        "$m",
        "$len",
        "$ri0",
        "$ri1",
        "$p0",
        "$p1",
        "$rc0",
        "$rc1",
        "$rc2",
        "$rc3",
      ],
      f64: ["$d", "$piv", ...lOfBlock],
      v128: ["$x0", "$x1", "$y", ...[0, 1].flatMap((r) => range(4).map((c) => `$acc${r}${c}`))],
    },
    listing,
  );
}

/** The module's bytes: imports env.mem, exports cholesky. */
export function choleskyModuleBytes(panel = PANEL): Uint8Array<ArrayBuffer> {
  return wasmModuleBytes([
    {
      name: "cholesky",
      params: PARAMS,
      paramTypes: { $shift: "f64" },
      result: "i32",
      body: choleskyFunction(panel),
    },
  ]);
}

const module = lazyModule(choleskyModuleBytes);

/** Orders above this take the TypeScript path: the matrix must fit the 32-bit memory with room to spare. */
export const SIMD_CHOLESKY_MAX_ORDER = 16_000;

/** Rows from this length on are copied by TypedArray.set rather than a loop. */
const LONG_ROW = 32;

export interface CholeskyKernel {
  /**
   * L (n × n row-major, zero above the diagonal) with LLᵀ = A + shift·I, or undefined when a pivot
   * is not > 0 and finite. Reads only the lower triangle of the rows of A. n ≤ SIMD_CHOLESKY_MAX_ORDER.
   */
  factor(rows: ReadonlyArray<ArrayLike<number>>, shift: number, out?: Float64Array): Float64Array | undefined;
  /** Whether A + shift·I is positive definite: the factorisation without copying L out. */
  positiveDefinite(rows: ReadonlyArray<ArrayLike<number>>, shift: number): boolean;
}

let kernel: CholeskyKernel | null | undefined;

/** The kernel of this thread (one memory, grown as needed), or undefined without WebAssembly SIMD. */
export function choleskyKernel(): CholeskyKernel | undefined {
  if (kernel === undefined) {
    const mod = module();
    kernel = mod ? makeKernel(mod) : null;
  }
  return kernel ?? undefined;
}

function makeKernel(mod: WebAssembly.Module): CholeskyKernel {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const run = new WebAssembly.Instance(mod, { env: { mem: memory } }).exports.cholesky as (
    a: number,
    n: number,
    ld: number,
    shift: number,
  ) => number;
  let f64 = new Float64Array(memory.buffer);
  /** Factors A + shift·I in the memory; the row stride of the factor there, or undefined at a failed pivot. */
  const factorInMemory = (rows: ReadonlyArray<ArrayLike<number>>, shift: number): number | undefined => {
    const n = rows.length;
    if (n > SIMD_CHOLESKY_MAX_ORDER) throw new RangeError(`order ${n} > ${SIMD_CHOLESKY_MAX_ORDER}`);
    const ld = n + (n & 1);
    const padded = n + (n & 1);
    const doubles = padded * ld;
    if (doubles > f64.length) {
      memory.grow(Math.ceil((doubles * 8 - memory.buffer.byteLength) / 65536));
      f64 = new Float64Array(memory.buffer);
    }
    // Long rows of a Float64Array go by the typed array's own copy (at order 400 in and out take
    // 0.18 ms instead of 0.43 ms), short ones by a loop (no view to make).
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const at = i * ld;
      if (i >= LONG_ROW && row instanceof Float64Array) f64.set(row.subarray(0, i + 1), at);
      else for (let j = 0; j <= i; j++) f64[at + j] = row[j];
    }
    if (padded > n) f64.fill(0, n * ld, padded * ld);
    return run(0, n, 8 * ld, shift) === n ? ld : undefined;
  };
  return {
    factor(rows, shift, out) {
      const n = rows.length;
      const ld = factorInMemory(rows, shift);
      if (ld === undefined) return undefined;
      // A given buffer may hold an older factor: each row is written whole, zeros above the diagonal.
      const L = out ?? new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        const at = i * ld;
        if (i >= LONG_ROW) L.set(f64.subarray(at, at + i + 1), i * n);
        else for (let j = 0; j <= i; j++) L[i * n + j] = f64[at + j];
        if (out) L.fill(0, i * n + i + 1, (i + 1) * n);
      }
      return L;
    },
    positiveDefinite: (rows, shift) => factorInMemory(rows, shift) !== undefined,
  };
}
