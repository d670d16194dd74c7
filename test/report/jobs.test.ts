import assert from "node:assert/strict";
import { test } from "node:test";
import { fig3 } from "../../src/experiments/tian/fig3.js";
import { decodeResult, encodeResult } from "../../src/report/jobs/codec.js";
import { runJobs } from "../../src/report/jobs/run.js";
import {
  assembleFig3,
  fig3ChunkErrors,
  fig3Chunks,
  fig3ReportSpec,
} from "../../src/report/tian/compute/fig3.js";
import { k1Rates } from "../../src/report/tian/compute/k1.js";

test("the job codec keeps infinities, NaN and Float64Arrays, nested, and plain JSON as it is", () => {
  const value = {
    a: [1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -0.5],
    b: { point: Float64Array.of(1, 2.5, Number.POSITIVE_INFINITY), label: "x", flag: true, none: null },
    list: [Float64Array.of(3)],
  };
  const back = decodeResult(encodeResult(value)) as typeof value;
  assert.deepEqual(back.a.slice(0, 3), [1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  assert.ok(Number.isNaN(back.a[3]) && back.a[4] === -0.5);
  assert.ok(back.b.point instanceof Float64Array);
  assert.deepEqual([...back.b.point], [1, 2.5, Number.POSITIVE_INFINITY]);
  assert.deepEqual([back.b.label, back.b.flag, back.b.none], ["x", true, null]);
  assert.ok(back.list[0] instanceof Float64Array && back.list[0][0] === 3);
  assert.deepEqual(decodeResult(encodeResult({ x: [1, "two"] })), { x: [1, "two"] });
});

test("runJobs: the pool and this thread give the same results, in the order asked, whatever the cost order", async () => {
  const jobs = [
    { job: "tian-k1-rates", args: { size: "smoke" }, cost: 1 },
    { job: "tian-saddles", args: { size: "smoke" }, cost: 9 },
    { job: "tian-k1-rates", args: { size: "quick" }, cost: 5 },
  ];
  const done: number[] = [];
  const one = await runJobs(jobs, { workers: 1, seed: 1 }, (i) => done.push(i));
  const two = await runJobs(jobs, { workers: 2, seed: 1 });
  assert.deepEqual(two, one);
  assert.deepEqual(done, [1, 2, 0], "one worker runs the costliest first");
  assert.deepEqual(one[0], k1Rates({ size: "smoke" }));
  await assert.rejects(runJobs([{ job: "nope", args: {} }], { workers: 1, seed: 1 }), /job\.job/);
});

test("Fig. 3 cut into chunks of pairs and joined equals fig3 of the same spec, and the largest cells are split", () => {
  const spec = { ...fig3ReportSpec("smoke"), Ns: [100, 1000], pairs: 7 };
  // at most 3 pairs of N·d = 5000 per chunk: the N = 1000 cells split into 3 chunks (3 + 3 + 1 pairs)
  const chunks = fig3Chunks(spec, 3, 15_000);
  assert.equal(chunks.filter((c) => c.cell.N === 1000).length, spec.laws.length * spec.ds.length * 3);
  const joined = assembleFig3(spec, 3, chunks, chunks.map(fig3ChunkErrors));
  assert.deepEqual(joined.result, fig3({ ...spec, seed: 3 }));
  const big = fig3Chunks(fig3ReportSpec("full"), 1).filter((c) => c.cell.N === 100_000 && c.cell.d === 100);
  assert.ok(big.length >= 2 * 8, `${big.length} chunks for the two 10⁷-input cells`);
  assert.ok(big.every((c) => (c.to - c.from) * c.cell.N * c.cell.d <= 4e7));
});
