/**
 * A small WebAssembly assembler: function bodies from a flat WAT-like listing
 * ("local.get $p i32.const 4 i32.add …"), and modules of such functions that import one memory
 * (env.mem). The SIMD kernels (`cholesky-wasm.ts`, `models/fc/relu-gram-wasm.ts`) are assembled with
 * it at first use: no toolchain, no binary file in the repository, nothing fetched.
 *
 * Only the instructions the kernels use are in the table; an unknown one throws, so a typo fails at
 * assembly instead of producing a module that does not validate.
 */

export type ValueType = "i32" | "f64" | "v128";

const TYPE_CODE: Record<ValueType, number> = { i32: 0x7f, f64: 0x7c, v128: 0x7b };

/** Unsigned LEB128 (the encoding of every count, index and size). */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** Signed LEB128 (the encoding of i32.const immediates). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const utf8 = (s: string): number[] => vec([...s].map((ch) => [ch.charCodeAt(0)]));
const f64Bytes = (...values: number[]): number[] => [...new Uint8Array(Float64Array.from(values).buffer)];

type Immediate = "local" | "depth" | "i32" | "mem" | "lane" | "f64" | "f64x2" | "hex";

/**
 * Opcodes (WebAssembly core spec §5.4; SIMD ones follow the 0xfd prefix) and their immediates.
 * Memory instructions carry their alignment (as log2 bytes) in `code` and take the offset as immediate.
 */
const OPCODES: Record<string, { code: number[]; imm?: Immediate }> = {
  block: { code: [0x02, 0x40] },
  loop: { code: [0x03, 0x40] },
  if: { code: [0x04, 0x40] },
  else: { code: [0x05] },
  end: { code: [0x0b] },
  br: { code: [0x0c], imm: "depth" },
  br_if: { code: [0x0d], imm: "depth" },
  return: { code: [0x0f] },
  "local.get": { code: [0x20], imm: "local" },
  "local.set": { code: [0x21], imm: "local" },
  "local.tee": { code: [0x22], imm: "local" },
  "i32.const": { code: [0x41], imm: "i32" },
  "f64.const": { code: [0x44], imm: "f64" },
  "i32.eqz": { code: [0x45] },
  "i32.lt_u": { code: [0x49] },
  "i32.gt_u": { code: [0x4b] },
  "i32.le_u": { code: [0x4d] },
  "i32.ge_u": { code: [0x4f] },
  "f64.lt": { code: [0x63] },
  "f64.gt": { code: [0x64] },
  "i32.add": { code: [0x6a] },
  "i32.sub": { code: [0x6b] },
  "i32.mul": { code: [0x6c] },
  "i32.and": { code: [0x71] },
  "i32.shl": { code: [0x74] },
  "f64.sqrt": { code: [0x9f] },
  "f64.add": { code: [0xa0] },
  "f64.sub": { code: [0xa1] },
  "f64.mul": { code: [0xa2] },
  "f64.div": { code: [0xa3] },
  "f64.max": { code: [0xa5] },
  "f64.load": { code: [0x2b, 3], imm: "mem" },
  "f64.store": { code: [0x39, 3], imm: "mem" },
  "v128.load": { code: [0xfd, 0x00, 3], imm: "mem" },
  "v128.store": { code: [0xfd, 0x0b, 3], imm: "mem" },
  "f64x2.const": { code: [0xfd, 0x0c], imm: "f64x2" },
  "v128.const_hex": { code: [0xfd, 0x0c], imm: "hex" },
  "f64x2.splat": { code: [0xfd, 0x14] },
  "f64x2.extract_lane": { code: [0xfd, 0x21], imm: "lane" },
  "f64x2.lt": { code: [0xfd, 0x49] },
  "f64x2.ge": { code: [0xfd, 0x4c] },
  "v128.and": { code: [0xfd, 0x4e] },
  "v128.bitselect": { code: [0xfd, 0x52] },
  "i64x2.all_true": { code: [0xfd, ...uleb(0xc3)] },
  "f64x2.abs": { code: [0xfd, ...uleb(0xec)] },
  "f64x2.sqrt": { code: [0xfd, ...uleb(0xef)] },
  "f64x2.add": { code: [0xfd, ...uleb(0xf0)] },
  "f64x2.sub": { code: [0xfd, ...uleb(0xf1)] },
  "f64x2.mul": { code: [0xfd, ...uleb(0xf2)] },
  "f64x2.div": { code: [0xfd, ...uleb(0xf3)] },
  "f64x2.min": { code: [0xfd, ...uleb(0xf4)] },
  "f64x2.max": { code: [0xfd, ...uleb(0xf5)] },
};

/** The local variables of a function beyond its parameters, by type. */
export interface Locals {
  readonly i32?: readonly string[];
  readonly f64?: readonly string[];
  readonly v128?: readonly string[];
}

/**
 * Assembles a flat instruction listing (one instruction and its immediate per token pair; `;;`
 * starts a comment to the end of the line) into a function body. `$name` refers to a parameter or a
 * local by name: parameters first, in order, then the locals (i32, f64, v128).
 */
export function assemble(params: readonly string[], locals: Locals, listing: string): number[] {
  const index = new Map<string, number>();
  for (const p of [...params, ...(locals.i32 ?? []), ...(locals.f64 ?? []), ...(locals.v128 ?? [])]) {
    if (index.has(p)) throw new Error(`wasm assembler: ${p} is declared twice`);
    index.set(p, index.size);
  }
  const tokens = listing
    .replace(/;;[^\n]*/g, "")
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const code: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const op = OPCODES[tokens[t]];
    if (!op) throw new Error(`wasm assembler: unknown instruction ${tokens[t]}`);
    code.push(...op.code);
    if (!op.imm) continue;
    const arg = tokens[++t];
    if (arg === undefined) throw new Error(`wasm assembler: ${tokens[t - 1]} needs an immediate`);
    if (op.imm === "local") {
      const l = index.get(arg);
      if (l === undefined) throw new Error(`wasm assembler: unknown local ${arg}`);
      code.push(...uleb(l));
    } else if (op.imm === "i32") code.push(...sleb(Number(arg)));
    else if (op.imm === "f64") code.push(...f64Bytes(Number(arg)));
    else if (op.imm === "f64x2") code.push(...f64Bytes(Number(arg), Number(arg)));
    else if (op.imm === "hex") {
      // 16 bytes, written in memory order.
      for (let h = 0; h < 32; h += 2) code.push(Number.parseInt(arg.slice(h, h + 2), 16));
    } else code.push(...uleb(Number(arg)));
  }
  const declared = (["i32", "f64", "v128"] as const).map((type) => [
    ...uleb(locals[type]?.length ?? 0),
    TYPE_CODE[type],
  ]);
  return [...vec(declared), ...code, ...OPCODES.end.code];
}

/** One exported function of a module. */
export interface WasmFunction {
  /** The export name. */
  readonly name: string;
  /** Parameter names in order (as `assemble` was given them). */
  readonly params: readonly string[];
  /** Parameter types where not i32. */
  readonly paramTypes?: Readonly<Record<string, ValueType>>;
  readonly result?: ValueType;
  /** The body from `assemble`. */
  readonly body: number[];
}

/** A module's bytes: imports env.mem (a memory of at least one page), exports every function by name. */
export function wasmModuleBytes(functions: readonly WasmFunction[]): Uint8Array<ArrayBuffer> {
  const signature = (f: WasmFunction) => [
    0x60,
    ...vec(f.params.map((p) => [TYPE_CODE[f.paramTypes?.[p] ?? "i32"]])),
    ...vec(f.result ? [[TYPE_CODE[f.result]]] : []),
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, vec(functions.map(signature))),
    ...section(2, vec([[...utf8("env"), ...utf8("mem"), 0x02, 0x00, 1]])),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...utf8(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(functions.map((f) => [...uleb(f.body.length), ...f.body]))),
  ]);
}

/**
 * Compiles a module once, at first call, and returns it thereafter; null where WebAssembly (or its
 * SIMD) is unavailable or the bytes do not validate, so callers can keep a TypeScript path.
 */
export function lazyModule(bytes: () => Uint8Array<ArrayBuffer>): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled === undefined) {
      try {
        const b = bytes();
        compiled =
          typeof WebAssembly !== "undefined" && WebAssembly.validate(b) ? new WebAssembly.Module(b) : null;
      } catch {
        compiled = null;
      }
    }
    return compiled;
  };
}
