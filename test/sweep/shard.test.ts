import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/core/errors.js";
import { ownsTrial, resolveShard } from "../../src/sweep/shard.js";

test("every trial belongs to exactly one of n shards, and each shard gets a share of every cell", () => {
  const trials = 7;
  for (const shards of [1, 2, 3, 5]) {
    for (let cell = 0; cell < 4; cell++) {
      const perShard = new Array(shards).fill(0);
      for (let trial = 0; trial < trials; trial++) {
        const owners = [...Array(shards).keys()].filter((shard) =>
          ownsTrial({ shard, shards }, trials, cell, trial),
        );
        assert.equal(owners.length, 1);
        perShard[owners[0]]++;
      }
      assert.ok(Math.max(...perShard) - Math.min(...perShard) <= 1);
    }
  }
});

test("resolveShard takes flags first, then Kubernetes, then Slurm, else 0 of 1", () => {
  assert.deepEqual(resolveShard({}, {}), { shard: 0, shards: 1 });
  assert.deepEqual(resolveShard({ shard: 2, shards: 4 }, { JOB_COMPLETION_INDEX: "1" }), {
    shard: 2,
    shards: 4,
  });
  assert.deepEqual(resolveShard({}, { JOB_COMPLETION_INDEX: "3", MINIMA_SHARDS: "8" }), {
    shard: 3,
    shards: 8,
  });
  assert.deepEqual(resolveShard({ shards: 8 }, { JOB_COMPLETION_INDEX: "3" }), { shard: 3, shards: 8 });
  assert.deepEqual(
    resolveShard({}, { SLURM_ARRAY_TASK_ID: "5", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "6" }),
    { shard: 4, shards: 6 },
  );
});

test("resolveShard rejects a missing count or an index out of range, naming where it came from", () => {
  assert.throws(
    () => resolveShard({}, { JOB_COMPLETION_INDEX: "0" }),
    /--shards: is required with JOB_COMPLETION_INDEX/,
  );
  assert.throws(
    () => resolveShard({}, { SLURM_ARRAY_TASK_ID: "6", SLURM_ARRAY_TASK_COUNT: "6" }),
    (e: unknown) =>
      e instanceof InputError &&
      /^SLURM_ARRAY_TASK_ID: must be a shard index from 0 to 5, got 6/.test(e.message),
  );
  assert.throws(
    () => resolveShard({ shard: 3, shards: 3 }, {}),
    /--shard: must be a shard index from 0 to 2/,
  );
  assert.throws(
    () => resolveShard({}, { JOB_COMPLETION_INDEX: "x", MINIMA_SHARDS: "2" }),
    /JOB_COMPLETION_INDEX: must be/,
  );
});
