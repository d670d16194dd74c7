/**
 * The hot loops of the ReLU Gram path (`relu-gram.ts`) as WebAssembly SIMD functions (f64x2), in one
 * module that works on one memory: `abt` (C = A·Bᵀ, the Gram matrix), `ab` (C = A·B, the gradient),
 * `angles` (cos θ, θ, sin θ of every pair) and `teacherTerms` (the teacher columns of the coefficients).
 * Scalar TypeScript tops out near 1.3·10⁹ multiply-adds per second on the products, the two-lane versions
 * reach 4–6·10⁹; Math.acos costs ~25 ns, the two-lane fdlibm acos ~8 ns per angle. Together they are what
 * the 10×-NumPy target of bench/fc.bench.ts needs.
 *
 * The module (~2 KB) is assembled from WAT-like listings at first use by `math/wasm-assembler.ts`: no
 * toolchain, no binary file in the repository, nothing fetched. Where WebAssembly SIMD is unavailable `gramKernel` returns undefined
 * and callers keep the generic TypeScript path. Each function's comment gives its contract; the caller
 * pads with zeros to the sizes they require.
 *
 * Why this file is long: it is one WebAssembly module, and its four functions share one memory
 * layout; split across files, a reader would have to keep the layout in mind across them.
 */

import { assemble, lazyModule, wasmModuleBytes } from "../../math/wasm-assembler.js";

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

/**
 * A loop that runs `body` while a whole step of `step` bytes fits between the byte cursor and `end`,
 * advancing each of `advance` by `step` after it, then `tail` once if the cursor has not reached `end`
 * (the lanes left over).
 */
function wideThenTail(
  cursor: string,
  end: string,
  step: number,
  advance: readonly string[],
  body: string,
  tail: string,
): string {
  return `
    block loop
      local.get ${cursor} i32.const ${step} i32.add local.get ${end} i32.gt_u br_if 1
      ${body}
      ${advance.map((v) => `local.get ${v} i32.const ${step} i32.add local.set ${v}`).join("\n")}
      br 0
    end end
    block
      local.get ${cursor} local.get ${end} i32.ge_u br_if 0
      ${tail}
    end`;
}

const ABT_PARAMS = ["$a", "$m", "$b", "$n", "$len", "$c", "$ldc", "$symmetricCols"];

/**
 * C[p][q] = Σ_{i<len} A[p][i]·B[q][i] for p < m, q < n (byte offsets and strides), in blocks of 2×4
 * outputs: m even, n a multiple of 4, len even and ≥ 2. Blocks with q + 4 ≤ p and q < symmetricCols are
 * skipped (the caller reads their mirror). Each output sums even and odd i in separate lanes and adds
 * them at the end, so it differs from a sequential sum by rounding only.
 */
function abtFunction(): number[] {
  const cols = range(4);
  const acc = (r: number, k: number) => `$acc${r}${k}`;
  const listing = `
    i32.const 0 local.set $p
    block loop
      local.get $p local.get $m i32.ge_u br_if 1
      local.get $a local.get $p local.get $len i32.mul i32.add local.set $pa0
      local.get $pa0 local.get $len i32.add local.set $pa1
      i32.const 0 local.set $q
      block loop
        local.get $q local.get $n i32.ge_u br_if 1
        block
          ;; skip a block strictly below the diagonal of the symmetric columns
          local.get $q local.get $symmetricCols i32.lt_u
          local.get $q i32.const 4 i32.add local.get $p i32.le_u i32.and br_if 0
          local.get $b local.get $q local.get $len i32.mul i32.add local.set $pb0
          ${[1, 2, 3].map((k) => `local.get $pb${k - 1} local.get $len i32.add local.set $pb${k}`).join("\n")}
          ${cols.map((k) => `f64x2.const 0 local.set ${acc(0, k)} f64x2.const 0 local.set ${acc(1, k)}`).join("\n")}
          i32.const 0 local.set $i
          loop
            local.get $pa0 local.get $i i32.add v128.load 0 local.set $x0
            local.get $pa1 local.get $i i32.add v128.load 0 local.set $x1
            ${cols
              .map(
                (k) => `local.get $pb${k} local.get $i i32.add v128.load 0 local.set $y
                  local.get ${acc(0, k)} local.get $x0 local.get $y f64x2.mul f64x2.add local.set ${acc(0, k)}
                  local.get ${acc(1, k)} local.get $x1 local.get $y f64x2.mul f64x2.add local.set ${acc(1, k)}`,
              )
              .join("\n")}
            local.get $i i32.const 16 i32.add local.tee $i local.get $len i32.lt_u br_if 0
          end
          ;; store the 2×4 block at c + p·ldc + 8q, each entry the sum of its two lanes
          local.get $c local.get $p local.get $ldc i32.mul i32.add local.get $q i32.const 8 i32.mul i32.add
          local.set $pc
          ${[0, 1]
            .map((r) =>
              cols
                .map(
                  (k) => `local.get $pc local.get ${acc(r, k)} f64x2.extract_lane 0
                    local.get ${acc(r, k)} f64x2.extract_lane 1 f64.add f64.store ${8 * k}`,
                )
                .join("\n"),
            )
            .join("\nlocal.get $pc local.get $ldc i32.add local.set $pc\n")}
        end
        local.get $q i32.const 4 i32.add local.set $q
        br 0
      end end
      local.get $p i32.const 2 i32.add local.set $p
      br 0
    end end`;
  return assemble(
    ABT_PARAMS,
    {
      i32: ["$p", "$q", "$i", "$pa0", "$pa1", "$pb0", "$pb1", "$pb2", "$pb3", "$pc"],
      v128: ["$x0", "$x1", "$y", ...[0, 1].flatMap((r) => cols.map((k) => acc(r, k)))],
    },
    listing,
  );
}

const AB_PARAMS = ["$a", "$m", "$b", "$n", "$len", "$c", "$lda"];

/**
 * C = A·B (offsets in bytes) for A m×len (row stride lda ≥ len entries: the first len columns of a wider
 * matrix), B len×n and C m×n row-major and contiguous: blocks of 4 rows × 4 columns, each A entry
 * broadcast to both lanes. m and n multiples of 4, len ≥ 1. Each output is a plain sequential sum over
 * the len products.
 */
function abFunction(): number[] {
  const rows = range(4);
  const listing = `
    local.get $len i32.const 3 i32.shl local.set $lenB
    local.get $lda i32.const 3 i32.shl local.set $ldaB
    local.get $n i32.const 3 i32.shl local.set $nB
    i32.const 0 local.set $p
    block loop
      local.get $p local.get $m i32.ge_u br_if 1
      local.get $a local.get $p local.get $ldaB i32.mul i32.add local.set $pa0
      ${[1, 2, 3].map((r) => `local.get $pa${r - 1} local.get $ldaB i32.add local.set $pa${r}`).join("\n")}
      i32.const 0 local.set $q
      block loop
        local.get $q local.get $nB i32.ge_u br_if 1
        ${rows.map((r) => `f64x2.const 0 local.set $acc${r}0 f64x2.const 0 local.set $acc${r}1`).join("\n")}
        local.get $b local.get $q i32.add local.set $pb
        i32.const 0 local.set $k
        loop
          local.get $pb v128.load 0 local.set $b0
          local.get $pb v128.load 16 local.set $b1
          ${rows
            .map(
              (r) => `local.get $pa${r} local.get $k i32.add f64.load 0 f64x2.splat local.set $x
                local.get $acc${r}0 local.get $x local.get $b0 f64x2.mul f64x2.add local.set $acc${r}0
                local.get $acc${r}1 local.get $x local.get $b1 f64x2.mul f64x2.add local.set $acc${r}1`,
            )
            .join("\n")}
          local.get $pb local.get $nB i32.add local.set $pb
          local.get $k i32.const 8 i32.add local.tee $k local.get $lenB i32.lt_u br_if 0
        end
        local.get $c local.get $p local.get $nB i32.mul i32.add local.get $q i32.add local.set $pc
        ${rows
          .map(
            (
              r,
            ) => `local.get $pc local.get $acc${r}0 v128.store 0 local.get $pc local.get $acc${r}1 v128.store 16
              local.get $pc local.get $nB i32.add local.set $pc`,
          )
          .join("\n")}
        local.get $q i32.const 32 i32.add local.set $q
        br 0
      end end
      local.get $p i32.const 4 i32.add local.set $p
      br 0
    end end`;
  return assemble(
    AB_PARAMS,
    {
      i32: ["$lenB", "$ldaB", "$nB", "$p", "$q", "$k", "$pa0", "$pa1", "$pa2", "$pa3", "$pb", "$pc"],
      v128: ["$b0", "$b1", "$x", ...rows.flatMap((r) => [`$acc${r}0`, `$acc${r}1`])],
    },
    listing,
  );
}

const TEACHER_PARAMS = [
  "$g",
  "$theta",
  "$sin",
  "$m",
  "$n",
  "$rows",
  "$col0",
  "$cols",
  "$a",
  "$cv",
  "$an",
  "$out",
];

/**
 * The teacher columns of the ReLU coefficients, row by row (byte offsets; matrices of row length n, the
 * teacher's columns col0 … col0 + cols − 1, cols even): from cos θ (in g), θ and sin θ,
 *   M_jk = −a_j·cv_k·(π − θ_jk),   out_3j = Σ_k an_k sin θ_jk,   out_3j+1 = Σ_k an_k [(π − θ_jk) cos θ_jk + sin θ_jk],
 *   out_3j+2 = max_k |cos θ_jk|   (the caller fixes near-aligned pairs and repeats such a row alone)
 * with cv_k = a*_k/2π and an_k = a*_k‖w*_k‖ (zero in padding columns).
 */
function teacherFunction(): number[] {
  const listing = `
    local.get $col0 i32.const 3 i32.shl local.set $col0B
    local.get $cols i32.const 3 i32.shl local.set $colsB
    i32.const 0 local.set $j
    block loop
      local.get $j local.get $rows i32.ge_u br_if 1
      f64x2.const 0 local.get $a local.get $j i32.const 3 i32.shl i32.add f64.load 0 f64x2.splat f64x2.sub
      local.set $minusA
      f64x2.const 0 local.set $sumS
      f64x2.const 0 local.set $sumK
      f64x2.const 0 local.set $maxAbs
      local.get $j local.get $n i32.mul local.get $col0 i32.add i32.const 3 i32.shl local.set $row
      i32.const 0 local.set $k
      block loop
        local.get $k local.get $colsB i32.ge_u br_if 1
        local.get $row local.get $k i32.add local.set $at
        f64x2.const ${Math.PI} local.get $theta local.get $at i32.add v128.load 0 f64x2.sub local.set $piMinus
        local.get $sin local.get $at i32.add v128.load 0 local.set $s
        local.get $g local.get $at i32.add v128.load 0 local.set $c
        local.get $maxAbs local.get $c f64x2.abs f64x2.max local.set $maxAbs
        local.get $an local.get $k i32.add v128.load 0 local.set $w
        local.get $m local.get $at i32.add
        local.get $minusA local.get $cv local.get $k i32.add v128.load 0 f64x2.mul local.get $piMinus f64x2.mul
        v128.store 0
        local.get $sumS local.get $w local.get $s f64x2.mul f64x2.add local.set $sumS
        local.get $sumK local.get $w
        local.get $piMinus local.get $c f64x2.mul local.get $s f64x2.add
        f64x2.mul f64x2.add local.set $sumK
        local.get $k i32.const 16 i32.add local.set $k
        br 0
      end end
      local.get $out local.get $j i32.const 24 i32.mul i32.add local.tee $at
      local.get $sumS f64x2.extract_lane 0 local.get $sumS f64x2.extract_lane 1 f64.add f64.store 0
      local.get $at local.get $sumK f64x2.extract_lane 0 local.get $sumK f64x2.extract_lane 1 f64.add f64.store 8
      local.get $at local.get $maxAbs f64x2.extract_lane 0 local.get $maxAbs f64x2.extract_lane 1 f64.max f64.store 16
      local.get $j i32.const 1 i32.add local.set $j
      br 0
    end end`;
  return assemble(
    TEACHER_PARAMS,
    {
      i32: ["$col0B", "$colsB", "$j", "$k", "$row", "$at"],
      v128: ["$minusA", "$sumS", "$sumK", "$maxAbs", "$piMinus", "$s", "$c", "$w"],
    },
    listing,
  );
}

const ANGLES_PARAMS = [
  "$g",
  "$n",
  "$rows",
  "$invNorm",
  "$theta",
  "$sin",
  "$colStart",
  "$fromDiagonal",
  "$colEnd",
];

/**
 * The pair angles from a Gram matrix G (rows × n, row stride n, byte offsets): for each row j < rows and
 * each column k from colStart + (fromDiagonal ? j or j + 1, to keep lanes aligned : 0) to colEnd (so
 * that padding columns can be left out), cos θ_jk = clamp(G_jk/‖·‖_j/‖·‖_k) with
 * the inverse norms in invNorm (n entries; 0 for zero rows and padding) replaces G_jk, and θ_jk = acos,
 * sin θ_jk = √(1 − cos²) go to the matrices theta and sin (same shape). acos is fdlibm's e_acos.c (the
 * algorithm and constants behind V8's Math.acos), its three branches computed for both lanes and
 * selected by masks, except when both lanes have |cos| < ½ (most pairs of units that are not aligned):
 * then the first branch alone, which skips a division and a square root. acos(1) = 0 and acos(−1) = π
 * exactly. n, colStart and colEnd must be even.
 */
function anglesFunction(): number[] {
  // R(z) = p(z)/q(z) ≈ (asin(√z)/√z − 1)/z; fdlibm's coefficients (as the shortest float64 literals).
  const pS = [
    0.16666666666666666, -0.3255658186224009, 0.20121253213486293, -0.04005553450067941,
    0.0007915349942898145, 0.00003479331075960212,
  ];
  const qS = [1, -2.403394911734414, 2.0209457602335057, -0.6882839716054533, 0.07703815055590194];
  // Constants live in locals, set once before the loop.
  const constants = new Map<number, string>();
  const k = (value: number) => {
    if (!constants.has(value)) constants.set(value, `$k${constants.size}`);
    return `local.get ${constants.get(value)}`;
  };
  const horner = (coefs: number[], v: string) =>
    coefs
      .slice(0, -1)
      .reverse()
      .reduce((acc, c) => `${acc} local.get $z${v} f64x2.mul ${k(c)} f64x2.add`, k(coefs.at(-1) as number));
  const pio2Hi = Math.PI / 2;
  const pio2Lo = 6.123233995736766e-17;
  // One pair of lanes at byte offset `off` from (j, k), in locals suffixed `v`. The main loop does two
  // such pairs (off 0 and 16) with separate locals: two independent dependency chains per iteration,
  // which the processor overlaps (one chain alone leaves it waiting on the divisions and square roots).
  const loopBody = (v: string, off: number) => `
      local.get $g local.get $i i32.add local.tee $at v128.load ${off} local.get $scale f64x2.mul
      local.get $invNorm local.get $k i32.add v128.load ${off} f64x2.mul
      ${k(-1)} f64x2.max ${k(1)} f64x2.min local.set $x${v}
      local.get $at local.get $x${v} v128.store ${off}
      local.get $x${v} f64x2.abs local.set $ax${v}
      local.get $ax${v} ${k(0.5)} f64x2.lt local.tee $small${v}
      i64x2.all_true
      if
      ;; both lanes |x| < ½ (most pairs away from alignment): the first branch alone, the same operations
      local.get $x${v} local.get $x${v} f64x2.mul local.set $z${v}
      ${horner(pS, v)} local.get $z${v} f64x2.mul
      ${horner(qS, v)} f64x2.div local.set $r${v}
      ${k(pio2Hi)} local.get $x${v} ${k(pio2Lo)} local.get $x${v} local.get $r${v} f64x2.mul f64x2.sub
      f64x2.sub f64x2.sub local.set $t${v}
      else
      ;; z = x² where |x| < ½, else (1 − |x|)/2
      local.get $x${v} local.get $x${v} f64x2.mul
      ${k(1)} local.get $ax${v} f64x2.sub ${k(0.5)} f64x2.mul
      local.get $small${v} v128.bitselect local.set $z${v}
      ${horner(pS, v)} local.get $z${v} f64x2.mul
      ${horner(qS, v)} f64x2.div local.set $r${v}
      local.get $z${v} f64x2.sqrt local.set $s${v}
      ;; |x| < ½: π/2 − (x − (pio2_lo − x·r))
      ${k(pio2Hi)} local.get $x${v} ${k(pio2Lo)} local.get $x${v} local.get $r${v} f64x2.mul f64x2.sub
      f64x2.sub f64x2.sub
      ;; x ≤ −½: π − 2(s + (r·s − pio2_lo))
      ${k(Math.PI)} ${k(2)} local.get $s${v} local.get $r${v} local.get $s${v} f64x2.mul
      ${k(pio2Lo)} f64x2.sub f64x2.add f64x2.mul f64x2.sub
      ;; x ≥ ½: with df = s cut to its high 32 bits (df² exact), 2(df + (r·s + (z − df²)/(s + df)))
      local.get $s${v} local.get $hi32 v128.and local.set $df${v}
      ${k(2)} local.get $df${v} local.get $r${v} local.get $s${v} f64x2.mul
      local.get $z${v} local.get $df${v} local.get $df${v} f64x2.mul f64x2.sub local.get $s${v} local.get $df${v} f64x2.add f64x2.div
      f64x2.add f64x2.add f64x2.mul
      ;; x = 1 gives 0/0 above; its angle is 0
      ${k(0)} local.get $x${v} ${k(1)} f64x2.lt v128.bitselect
      local.get $x${v} ${k(0)} f64x2.lt v128.bitselect
      local.get $small${v} v128.bitselect local.set $t${v}
      end
      local.get $theta local.get $i i32.add local.get $t${v} v128.store ${off}
      local.get $sin local.get $i i32.add
      ${k(1)} local.get $x${v} local.get $x${v} f64x2.mul f64x2.sub f64x2.sqrt v128.store ${off}`;
  const twoPairs = loopBody("A", 0) + loopBody("B", 16);
  const onePair = loopBody("A", 0);
  const setConstants = [...constants]
    .map(([value, local]) => `f64x2.const ${value} local.set ${local}`)
    .join("\n");
  // $i is the byte offset of (j, k) from the matrices' starts, $k that of column k.
  const listing = `
    ${setConstants}
    v128.const_hex 00000000ffffffff00000000ffffffff local.set $hi32
    local.get $n i32.const 3 i32.shl local.set $nB
    local.get $colEnd i32.const 3 i32.shl local.set $endB
    i32.const 0 local.set $j
    block loop
      local.get $j local.get $rows i32.ge_u br_if 1
      local.get $invNorm local.get $j i32.const 3 i32.shl i32.add f64.load 0 f64x2.splat local.set $scale
      local.get $j i32.const 1 i32.add i32.const -2 i32.and local.get $fromDiagonal i32.mul
      local.get $colStart i32.add i32.const 3 i32.shl local.set $k
      local.get $j local.get $nB i32.mul local.get $k i32.add local.set $i
      ;; four columns at a time while they fit, then the last two (a row's column count is even)
      ${wideThenTail("$k", "$endB", 32, ["$i", "$k"], twoPairs, onePair)}
      local.get $j i32.const 1 i32.add local.set $j
      br 0
    end end`;
  return assemble(
    ANGLES_PARAMS,
    {
      i32: ["$nB", "$endB", "$j", "$k", "$i", "$at"],
      v128: [
        "$scale",
        "$hi32",
        ...["A", "B"].flatMap((v) =>
          ["$x", "$ax", "$small", "$z", "$r", "$s", "$df", "$t"].map((l) => l + v),
        ),
        ...constants.values(),
      ],
    },
    listing,
  );
}

const BLOCK_PARAMS = ["$dst", "$dstStride", "$src", "$srcStride", "$rows", "$cols"];

/**
 * dst[r][c] = src[r][c] (or, with `add`, dst[r][c] + src[r][c]) for r < rows, c < cols: byte offsets
 * and strides, any cols (pairs of lanes, then one scalar for an odd count), so exactly the block is
 * written. The same IEEE operation per entry as a scalar loop; moves blocks that a TypeScript loop
 * over the kernel's memory copies at a few ns per entry.
 */
function blockFunction(add: boolean): number[] {
  const combine = (load: string, width: "v128" | "f64") =>
    add ? `local.get $pd ${width}.load 0 ${load} ${width === "v128" ? "f64x2" : "f64"}.add` : load;
  const listing = `
    i32.const 0 local.set $r
    block loop
      local.get $r local.get $rows i32.ge_u br_if 1
      local.get $dst local.get $r local.get $dstStride i32.mul i32.add local.set $pd
      local.get $src local.get $r local.get $srcStride i32.mul i32.add local.set $ps
      local.get $pd local.get $cols i32.const 3 i32.shl i32.add local.set $end
      ${wideThenTail(
        "$pd",
        "$end",
        16,
        ["$pd", "$ps"],
        `local.get $pd ${combine("local.get $ps v128.load 0", "v128")} v128.store 0`,
        `local.get $pd ${combine("local.get $ps f64.load 0", "f64")} f64.store 0`,
      )}
      local.get $r i32.const 1 i32.add local.set $r
      br 0
    end end`;
  return assemble(BLOCK_PARAMS, { i32: ["$r", "$pd", "$ps", "$end"] }, listing);
}

/** The module's bytes: imports env.mem (memory), exports abt, ab, angles, teacherTerms, copyBlock and addBlock. */
export function gramModuleBytes(): Uint8Array<ArrayBuffer> {
  return wasmModuleBytes([
    { name: "abt", params: ABT_PARAMS, body: abtFunction() },
    { name: "ab", params: AB_PARAMS, body: abFunction() },
    { name: "angles", params: ANGLES_PARAMS, body: anglesFunction() },
    { name: "teacherTerms", params: TEACHER_PARAMS, body: teacherFunction() },
    { name: "copyBlock", params: BLOCK_PARAMS, body: blockFunction(false) },
    { name: "addBlock", params: BLOCK_PARAMS, body: blockFunction(true) },
  ]);
}

export interface GramKernel {
  /** The kernel's memory as float64 (index = byte offset / 8). */
  readonly f64: Float64Array;
  /** C = A·Bᵀ with offsets and strides in float64 elements (see the file comment for the requirements). */
  abt(
    a: number,
    m: number,
    b: number,
    n: number,
    len: number,
    c: number,
    ldc: number,
    symmetricCols: number,
  ): void;
  /**
   * C = A·B for row-major A (m×len, row stride lda, default len), B (len×n), C (m×n); m, n multiples
   * of 4; offsets in float64 elements.
   */
  ab(a: number, m: number, b: number, n: number, len: number, c: number, lda?: number): void;
  /**
   * Pair angles from the Gram matrix g (rows × n, n even): cos θ in place of g, θ and sin θ into the
   * matrices theta and sin, for columns from `from` (a column, or "diagonal": k ≥ j) to `end` (even;
   * see `anglesFunction`); offsets in float64 elements.
   */
  angles(
    g: number,
    n: number,
    rows: number,
    invNorm: number,
    theta: number,
    sin: number,
    from: number | "diagonal",
    end: number,
  ): void;
  /** dst = src on a rows × cols block (row strides in float64 elements; see `blockFunction`). */
  copyBlock(dst: number, dstStride: number, src: number, srcStride: number, rows: number, cols: number): void;
  /** dst += src on a rows × cols block (as `copyBlock`). */
  addBlock(dst: number, dstStride: number, src: number, srcStride: number, rows: number, cols: number): void;
  /** The teacher columns of M and the per-row teacher sums (see `teacherFunction`); offsets in float64 elements. */
  teacherTerms(
    g: number,
    theta: number,
    sin: number,
    m: number,
    n: number,
    rows: number,
    col0: number,
    cols: number,
    a: number,
    cv: number,
    an: number,
    out: number,
  ): void;
}

const module = lazyModule(gramModuleBytes);

/** A kernel instance with its own memory of at least `doubles` float64 entries (zeroed), or undefined. */
export function gramKernel(doubles: number): GramKernel | undefined {
  const mod = module();
  if (!mod) return undefined;
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((doubles * 8) / 65536)) });
  const instance = new WebAssembly.Instance(mod, { env: { mem: memory } });
  const abtRaw = instance.exports.abt as (...args: number[]) => void;
  const abRaw = instance.exports.ab as (...args: number[]) => void;
  const anglesRaw = instance.exports.angles as (...args: number[]) => void;
  const teacherRaw = instance.exports.teacherTerms as (...args: number[]) => void;
  const copyRaw = instance.exports.copyBlock as (...args: number[]) => void;
  const addRaw = instance.exports.addBlock as (...args: number[]) => void;
  return {
    ab: (a, m, b, n, len, c, lda = len) => abRaw(8 * a, m, 8 * b, n, len, 8 * c, lda),
    angles: (g, n, rows, invNorm, theta, sin, from, end) =>
      anglesRaw(
        8 * g,
        n,
        rows,
        8 * invNorm,
        8 * theta,
        8 * sin,
        from === "diagonal" ? 0 : from,
        from === "diagonal" ? 1 : 0,
        end,
      ),
    teacherTerms: (g, theta, sin, m, n, rows, col0, cols, a, cv, an, out) =>
      teacherRaw(8 * g, 8 * theta, 8 * sin, 8 * m, n, rows, col0, cols, 8 * a, 8 * cv, 8 * an, 8 * out),
    copyBlock: (dst, dstStride, src, srcStride, rows, cols) =>
      copyRaw(8 * dst, 8 * dstStride, 8 * src, 8 * srcStride, rows, cols),
    addBlock: (dst, dstStride, src, srcStride, rows, cols) =>
      addRaw(8 * dst, 8 * dstStride, 8 * src, 8 * srcStride, rows, cols),
    f64: new Float64Array(memory.buffer),
    abt: (a, m, b, n, len, c, ldc, symmetricCols) =>
      abtRaw(8 * a, m, 8 * b, n, 8 * len, 8 * c, 8 * ldc, symmetricCols),
  };
}
