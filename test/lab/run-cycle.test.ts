/**
 * The run cycle every view shares: partial results of parallel calls are combined, a new run
 * cancels the one before and its late messages are ignored, and a failed call stops its run.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Cancelled, type Progress, type WorkerPool } from "../../lab/rpc.js";
import { call, RunCycle, type RunPlan, shareOut } from "../../lab/run-cycle.js";

interface FakeJob {
  progress(p: Progress): void;
  resolve(v: unknown): void;
  reject(e: Error): void;
  cancelled: boolean;
}

function fakePool(): { pool: WorkerPool; jobs: FakeJob[] } {
  const jobs: FakeJob[] = [];
  const pool = {
    call(_method: string, _args: unknown, onProgress?: (p: Progress) => void) {
      let resolve: (v: unknown) => void = () => {};
      let reject: (e: Error) => void = () => {};
      const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const job: FakeJob = {
        progress: (p) => onProgress?.(p),
        resolve,
        reject,
        cancelled: false,
      };
      jobs.push(job);
      return {
        promise,
        cancel() {
          job.cancelled = true;
          reject(new Cancelled());
        },
      };
    },
  } as unknown as WorkerPool;
  return { pool, jobs };
}

const plan = (calls: number): RunPlan<number[]> => ({
  calls: Array.from({ length: calls }, () => call("cnnBasins", { cnn: {}, basins: {}, rows: [] } as never)),
  total: 10,
  combine: (parts) => (parts as (number[] | undefined)[]).flatMap((p) => p ?? []),
  count: (r) => r.length,
});

const tick = () => new Promise((r) => setTimeout(r, 0));

test("shareOut deals items round robin, as the views share grid rows among workers", () => {
  assert.deepEqual(shareOut([0, 1, 2, 3, 4], 2), [
    [0, 2, 4],
    [1, 3],
  ]);
});

test("partial results of parallel calls are combined, and the run finishes when every call has", async () => {
  const { pool, jobs } = fakePool();
  const seen: string[] = [];
  new RunCycle(pool).start(plan(2), {
    partial: (r, done, total) => seen.push(`partial ${r.join(",")} ${done}/${total}`),
    finish: (r) => seen.push(`finish ${r.join(",")}`),
    fail: (m) => seen.push(`fail ${m}`),
  });
  jobs[1].progress({ done: 1, total: 5, partial: [7] });
  jobs[0].resolve([1, 2]);
  await tick();
  jobs[1].resolve([7, 8]);
  await tick();
  assert.deepEqual(seen, ["partial 7 1/10", "partial 1,2,7 3/10", "finish 1,2,7,8"]);
});

test("a new run cancels the one before, whose late messages are ignored", async () => {
  const { pool, jobs } = fakePool();
  const seen: string[] = [];
  const cycle = new RunCycle(pool);
  const hooks = {
    partial: (r: number[]) => seen.push(`partial ${r.join(",")}`),
    finish: (r: number[]) => seen.push(`finish ${r.join(",")}`),
    fail: (m: string) => seen.push(`fail ${m}`),
  };
  cycle.start(plan(1), hooks);
  cycle.start(plan(1), hooks);
  assert.equal(jobs[0].cancelled, true);
  jobs[0].progress({ done: 1, total: 1, partial: [9] });
  jobs[1].resolve([3]);
  await tick();
  assert.deepEqual(seen, ["finish 3"]);
  assert.equal(cycle.running, false);
  assert.equal(cycle.cancel(), false, "nothing left to cancel");
});

test("a failed call cancels the rest of its run and reports its message once", async () => {
  const { pool, jobs } = fakePool();
  const seen: string[] = [];
  const cycle = new RunCycle(pool);
  cycle.start(plan(2), {
    partial: () => seen.push("partial"),
    finish: () => seen.push("finish"),
    fail: (m) => seen.push(`fail ${m}`),
  });
  jobs[0].reject(new Error("ratio: must be in [0, k]"));
  await tick();
  assert.equal(jobs[1].cancelled, true);
  assert.deepEqual(seen, ["fail ratio: must be in [0, k]"]);
  assert.equal(cycle.running, false);
});

const lastPlan = (calls: number): RunPlan<number[]> => ({
  ...plan(calls),
  last: {
    call: (r) => (r.length > 0 ? call("spuriousFamilies", { runs: r } as never) : undefined),
    merge: (r, answer) => [...r, answer as number],
  },
});

test("a plan's last call runs once every call has finished, on the combined result, and its answer is merged", async () => {
  const { pool, jobs } = fakePool();
  const seen: string[] = [];
  const cycle = new RunCycle(pool);
  cycle.start(lastPlan(2), {
    partial: (r, done) => seen.push(`partial ${r.join(",")} ${done}`),
    finish: (r) => seen.push(`finish ${r.join(",")}`),
    fail: (m) => seen.push(`fail ${m}`),
  });
  jobs[0].resolve([1]);
  await tick();
  assert.equal(jobs.length, 2, "no last call before every call has finished");
  jobs[1].resolve([2]);
  await tick();
  assert.equal(jobs.length, 3, "the last call is made");
  assert.equal(cycle.running, true, "the run is still running during its last call");
  jobs[2].resolve(99);
  await tick();
  assert.deepEqual(seen, ["partial 1 1", "partial 1,2 2", "finish 1,2,99"]);
  assert.equal(cycle.running, false);
});

test("a last call with nothing to do finishes at once; Cancel stops a last call and ignores its answer", async () => {
  const { pool, jobs } = fakePool();
  const seen: string[] = [];
  const hooks = {
    partial: () => seen.push("partial"),
    finish: (r: number[]) => seen.push(`finish ${r.join(",")}`),
    fail: (m: string) => seen.push(`fail ${m}`),
  };
  const cycle = new RunCycle(pool);
  cycle.start(lastPlan(1), hooks);
  jobs[0].resolve([]);
  await tick();
  assert.deepEqual(seen, ["finish "]);
  assert.equal(jobs.length, 1);

  seen.length = 0;
  cycle.start(lastPlan(1), hooks);
  jobs[1].resolve([5]);
  await tick();
  assert.equal(cycle.cancel(), true, "the last call counts as running");
  assert.equal(jobs[2].cancelled, true);
  jobs[2].resolve(7);
  await tick();
  assert.deepEqual(seen, ["partial"]);
});

test("a failed last call reports its message", async () => {
  const { pool, jobs } = fakePool();
  const seen: string[] = [];
  new RunCycle(pool).start(lastPlan(1), {
    partial: () => seen.push("partial"),
    finish: () => seen.push("finish"),
    fail: (m) => seen.push(`fail ${m}`),
  });
  jobs[0].resolve([1]);
  await tick();
  jobs[1].reject(new Error("n: must be at most 200"));
  await tick();
  assert.deepEqual(seen, ["partial", "fail n: must be at most 200"]);
});
