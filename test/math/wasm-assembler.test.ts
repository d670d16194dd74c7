import assert from "node:assert/strict";
import { test } from "node:test";
import { assemble, lazyModule, sleb, uleb, wasmModuleBytes } from "../../src/math/wasm-assembler.js";

test("LEB128 encodings match the worked examples of the format", () => {
  // The DWARF specification's examples (also the WebAssembly spec's integer encoding).
  assert.deepEqual(uleb(0), [0x00]);
  assert.deepEqual(uleb(127), [0x7f]);
  assert.deepEqual(uleb(128), [0x80, 0x01]);
  assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
  assert.deepEqual(sleb(2), [0x02]);
  assert.deepEqual(sleb(-2), [0x7e]);
  assert.deepEqual(sleb(63), [0x3f]);
  assert.deepEqual(sleb(64), [0xc0, 0x00]);
  assert.deepEqual(sleb(-64), [0x40]);
  assert.deepEqual(sleb(-65), [0xbf, 0x7f]);
  assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
});

test("an assembled module validates and runs: i32, f64 and f64x2 arithmetic, branches, memory", () => {
  // f(p, n, s) = s + Σ_{k<n} mem[p + k] (two lanes at a time, n even), and g(x) = −x if x < 0 else x·x.
  const sum = assemble(
    ["$p", "$n", "$s"],
    { i32: ["$end"], v128: ["$acc"] },
    `f64x2.const 0 local.set $acc
     local.get $p local.get $n i32.const 3 i32.shl i32.add local.set $end
     block loop
       local.get $p local.get $end i32.ge_u br_if 1
       local.get $acc local.get $p v128.load 0 f64x2.add local.set $acc ;; two entries
       local.get $p i32.const 16 i32.add local.set $p
       br 0
     end end
     local.get $s local.get $acc f64x2.extract_lane 0 f64.add local.get $acc f64x2.extract_lane 1 f64.add`,
  );
  const branch = assemble(
    ["$x"],
    {},
    `local.get $x f64.const 0 f64.lt
     if f64.const 0 local.get $x f64.sub return end
     local.get $x local.get $x f64.mul`,
  );
  const bytes = wasmModuleBytes([
    { name: "sum", params: ["$p", "$n", "$s"], paramTypes: { $s: "f64" }, result: "f64", body: sum },
    { name: "g", params: ["$x"], paramTypes: { $x: "f64" }, result: "f64", body: branch },
  ]);
  assert.ok(WebAssembly.validate(bytes));
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem: memory } });
  new Float64Array(memory.buffer).set([1.5, 2, -4, 8.25, 100], 2);
  const f = exports.sum as (p: number, n: number, s: number) => number;
  const g = exports.g as (x: number) => number;
  assert.equal(f(16, 4, 0.5), 0.5 + 1.5 + 2 - 4 + 8.25);
  assert.equal(f(16, 0, 3), 3);
  assert.equal(g(-3), 3);
  assert.equal(g(3), 9);
});

test("the assembler refuses unknown instructions and locals, and a module that does not validate", () => {
  assert.throws(() => assemble([], {}, "f64.frobnicate"), /unknown instruction f64\.frobnicate/);
  assert.throws(() => assemble(["$a"], {}, "local.get $b"), /unknown local \$b/);
  assert.throws(() => assemble(["$a"], { i32: ["$a"] }, ""), /declared twice/);
  assert.throws(() => assemble([], {}, "i32.const"), /needs an immediate/);
  // i32.add on an empty stack assembles but does not validate: lazyModule then offers nothing.
  const broken = () =>
    wasmModuleBytes([{ name: "f", params: [], result: "i32", body: assemble([], {}, "i32.add") }]);
  assert.equal(WebAssembly.validate(broken()), false);
  assert.equal(lazyModule(broken)(), null);
});
