import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { InputError } from "../../src/core/errors.js";
import { Rng } from "../../src/math/rng.js";
import { mergeSweepDirs } from "../../src/sweep/merge.js";
import { planSweep } from "../../src/sweep/plan.js";
import { withChecksum } from "../../src/sweep/record-check.js";
import { runSweep } from "../../src/sweep/run.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { trialFileName } from "../../src/sweep/store.js";

/** A stored line without its checksum field. */
const stripCheck = (line: string) => line.replace(/,"check":"[0-9a-f]+"}$/, "}");

const coin = fileURLToPath(new URL("./fixtures/coin-model.ts", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "minima-sweep-run-"));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const newDir = () => join(root, `d${dirs++}`);

const specInput = { model: coin, grid: { p: [0.2, 0.5, 0.9] }, trials: 40, seed: 11 };
const plan = await planSweep(parseSweepSpec(specInput), root);
const single = { shard: 0, shards: 1 };

async function fullRun(workers: number, batchSize: number): Promise<string> {
  const dir = newDir();
  await runSweep(plan, { dir, specDir: root, shard: single, workers, batchSize });
  return dir;
}

const reference = await fullRun(1, 7);
const referenceRecords = (await mergeSweepDirs([reference])).records;

test("every trial is the model run on its own stream Rng.fromSeed(seed, cell key, trial)", () => {
  assert.equal(referenceRecords.length, 120);
  for (const r of referenceRecords) {
    const [seed, key, trial] = r.seed;
    assert.equal(seed, 11);
    assert.equal(key, plan.cells[r.cell].streamKey);
    assert.equal(trial, r.trial);
    const u = Rng.fromSeed(seed, key, trial).uniform();
    assert.equal(r.u, u);
    assert.equal(r.outcome, u < (plan.cells[r.cell].raw.p as number) ? "heads" : "tails");
  }
  assert.equal(new Set(plan.cells.map((c) => c.streamKey)).size, 3, "cells have distinct streams");
});

test("results are identical whatever the worker count and batch size", async () => {
  const other = await fullRun(2, 50);
  assert.deepEqual((await mergeSweepDirs([other])).records, referenceRecords);
});

test("three shards run separately merge to the single run, trial for trial", async () => {
  const shardDirs: string[] = [];
  for (let shard = 0; shard < 3; shard++) {
    const dir = newDir();
    const report = await runSweep(plan, { dir, specDir: root, shard: { shard, shards: 3 }, workers: 1 });
    assert.equal(report.ran, 40);
    shardDirs.push(dir);
  }
  const merged = await mergeSweepDirs(shardDirs);
  assert.equal(merged.duplicates, 0);
  assert.deepEqual(merged.records, referenceRecords);
});

test("an interrupted run resumes: the torn last line is redone and nothing finished is recomputed", async () => {
  const dir = newDir();
  const controller = new AbortController();
  await assert.rejects(
    runSweep(plan, {
      dir,
      specDir: root,
      shard: single,
      workers: 1,
      batchSize: 10,
      signal: controller.signal,
      onBatch: () => controller.abort(),
    }),
    /interrupted/,
  );
  const file = join(dir, trialFileName(0, 1));
  const before = readFileSync(file, "utf8");
  const linesBefore = before.split("\n").length - 2;
  assert.ok(linesBefore >= 10 && linesBefore < 120, `${linesBefore} trials before the interruption`);
  appendFileSync(file, '{"cell":2,"trial":39,"seed":[11,');
  const report = await runSweep(plan, { dir, specDir: root, shard: single, workers: 2 });
  assert.equal(report.repairedBytes, Buffer.byteLength('{"cell":2,"trial":39,"seed":[11,'));
  assert.equal(report.alreadyDone, linesBefore);
  assert.equal(report.ran, 120 - linesBefore);
  const afterText = readFileSync(file, "utf8");
  assert.ok(
    afterText.startsWith(before.slice(0, before.lastIndexOf("\n") + 1)),
    "finished lines kept byte for byte",
  );
  assert.equal(afterText.trimEnd().split("\n").length, 121);
  assert.deepEqual((await mergeSweepDirs([dir])).records, referenceRecords);
});

test("running a finished sweep again runs nothing and leaves the files unchanged", async () => {
  const file = join(reference, trialFileName(0, 1));
  const before = readFileSync(file, "utf8");
  const report = await runSweep(plan, { dir: reference, specDir: root, shard: single, workers: 2 });
  assert.deepEqual(report, { owned: 120, alreadyDone: 120, ran: 0, repairedBytes: 0, droppedLines: 0 });
  assert.equal(readFileSync(file, "utf8"), before);
});

test("a directory holding another spec's results is refused with the reason", async () => {
  const changed = await planSweep(parseSweepSpec({ ...specInput, seed: 12 }), root);
  await assert.rejects(
    runSweep(changed, { dir: reference, specDir: root, shard: single, workers: 1 }),
    (e: unknown) => e instanceof InputError && /holds results of a different spec/.test(e.message),
  );
});

test("merge refuses two different results for the same trial", async () => {
  const dir = newDir();
  const copy = newDir();
  const text = readFileSync(join(reference, trialFileName(0, 1)), "utf8");
  const manifest = readFileSync(join(reference, "sweep.json"), "utf8");
  for (const d of [dir, copy]) {
    mkdirSync(d);
    writeFileSync(join(d, "sweep.json"), manifest);
  }
  writeFileSync(join(dir, trialFileName(0, 1)), text);
  // A different but well-formed result (its checksum recomputed), as other code would write.
  const other = text
    .split("\n")
    .map((line, i) =>
      i === 0 || line === ""
        ? line
        : withChecksum(stripCheck(line).replace('"outcome":"heads"', '"outcome":"tails"')),
    )
    .join("\n");
  writeFileSync(join(copy, trialFileName(0, 1)), other);
  assert.equal((await mergeSweepDirs([dir, reference])).duplicates, 120);
  await assert.rejects(mergeSweepDirs([dir, copy]), /conflicting results/);
});
