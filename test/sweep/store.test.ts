/**
 * What a sweep directory must survive: bad lines anywhere (found with file and line, repaired on
 * request), changed lines (checksums), a second writer (the shard lock, stale locks), changed model
 * code or another Minima version, files read in bounded memory (the line reader across chunk
 * boundaries), and a cell without trials (not a contradiction of its theory).
 */
import assert from "node:assert/strict";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { InputError } from "../../src/core/errors.js";
import { forEachLine } from "../../src/sweep/lines.js";
import { lockShard, STALE_MS } from "../../src/sweep/lock.js";
import { mergeSweepDirs } from "../../src/sweep/merge.js";
import { planSweep } from "../../src/sweep/plan.js";
import { withChecksum } from "../../src/sweep/record-check.js";
import { runSweep } from "../../src/sweep/run.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { trialFileName } from "../../src/sweep/store.js";
import { summariseSweep } from "../../src/sweep/summary.js";

const coin = fileURLToPath(new URL("./fixtures/coin-model.ts", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "minima-sweep-store-"));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const newDir = () => join(root, `d${dirs++}`);
const single = { shard: 0, shards: 1 };

const plan = await planSweep(
  parseSweepSpec({ model: coin, grid: { p: [0.3, 0.7] }, trials: 20, seed: 5 }),
  root,
);
const reference = newDir();
await runSweep(plan, { dir: reference, specDir: root, shard: single, workers: 1 });
const referenceRecords = (await mergeSweepDirs([reference])).records;
const referenceText = readFileSync(join(reference, trialFileName(0, 1)), "utf8");

/** A copy of the reference directory whose trial file has `line` inserted as line 6. */
function withBadLine(line: string): { dir: string; file: string } {
  const dir = newDir();
  mkdirSync(dir);
  copyFileSync(join(reference, "sweep.json"), join(dir, "sweep.json"));
  const lines = referenceText.split("\n");
  lines.splice(5, 0, line);
  const file = join(dir, trialFileName(0, 1));
  writeFileSync(file, lines.join("\n"));
  return { dir, file };
}

const goodLine = referenceText.split("\n")[3];
const body = goodLine.replace(/,"check":"[0-9a-f]+"}$/, "}");
const BAD_LINES: readonly [string, string, RegExp][] = [
  ["an empty object", withChecksum("{}"), /has cell undefined/],
  ["a second header", referenceText.split("\n")[0], /has no checksum|is a second header/],
  [
    "a trial out of range",
    withChecksum(body.replace(/"trial":\d+/, '"trial":20')),
    /has trial 20; the spec has trials 0 to 19/,
  ],
  ["a trial as a string", withChecksum(body.replace(/"trial":(\d+)/, '"trial":"$1"')), /has trial "\d+"/],
  ["a fractional trial", withChecksum(body.replace(/"trial":(\d+)/, '"trial":$1.5')), /has trial \d+\.5/],
  [
    "an unknown outcome",
    withChecksum(body.replace(/"outcome":"\w+"/, '"outcome":"banana"')),
    /has outcome "banana"/,
  ],
  [
    "a flipped outcome",
    goodLine.replace(
      /"outcome":"(heads|tails)"/,
      (_, o) => `"outcome":"${o === "heads" ? "tails" : "heads"}"`,
    ),
    /does not match its checksum/,
  ],
  ["a line that is not JSON", withChecksum('{"cell":0,"trial":}'), /is not valid JSON/],
];

for (const [what, line, message] of BAD_LINES) {
  test(`a stored line with ${what} is found (file and line), and --repair drops it and runs its trial again`, async () => {
    const { dir, file } = withBadLine(line);
    await assert.rejects(mergeSweepDirs([dir]), (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      assert.equal(e.field, `${file}:6`);
      assert.match(e.message, message);
      assert.match(e.message, /--repair/);
      return true;
    });
    await assert.rejects(runSweep(plan, { dir, specDir: root, shard: single, workers: 1 }), InputError);
    const report = await runSweep(plan, { dir, specDir: root, shard: single, workers: 1, repair: true });
    assert.equal(report.droppedLines, 1);
    assert.deepEqual((await mergeSweepDirs([dir])).records, referenceRecords);
  });
}

test("a second writer on the same shard is refused while the first holds it; a stale lock is taken over", () => {
  const dir = newDir();
  mkdirSync(dir);
  const file = join(dir, trialFileName(0, 1));
  const first = lockShard(file);
  assert.throws(
    () => lockShard(file),
    (e: unknown) => e instanceof InputError && new RegExp(`process ${process.pid} on`).test(e.message),
  );
  first.release();
  lockShard(file).release(); // free again

  // A lock left by a process that no longer exists on this host.
  writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: "x" }));
  lockShard(file).release();
  // A lock of a process on another host, untouched for longer than STALE_MS.
  writeFileSync(`${file}.lock`, JSON.stringify({ pid: 1, host: "elsewhere", since: "x" }));
  assert.throws(() => lockShard(file), /elsewhere/);
  const old = new Date(Date.now() - STALE_MS - 1000);
  utimesSync(`${file}.lock`, old, old);
  lockShard(file).release();
});

test("a custom model whose code changed, or another Minima version, cannot add to a directory", async () => {
  const modelDir = newDir();
  mkdirSync(modelDir);
  const model = join(modelDir, "coin-copy.ts");
  writeFileSync(
    model,
    readFileSync(coin, "utf8").replaceAll(
      "../../../src/",
      `${fileURLToPath(new URL("../../src/", import.meta.url))}`,
    ),
  );
  const spec = parseSweepSpec({ model, grid: { p: [0.5] }, trials: 4, seed: 1 });
  const dir = newDir();
  await runSweep(await planSweep(spec, modelDir), { dir, specDir: modelDir, shard: single, workers: 1 });
  writeFileSync(model, `${readFileSync(model, "utf8")}\n// changed\n`);
  await assert.rejects(
    async () =>
      runSweep(await planSweep(spec, modelDir), { dir, specDir: modelDir, shard: single, workers: 1 }),
    /another version of the model's code/,
  );

  const versioned = newDir();
  await runSweep(plan, { dir: versioned, specDir: root, shard: single, workers: 1 });
  const manifest = JSON.parse(readFileSync(join(versioned, "sweep.json"), "utf8"));
  writeFileSync(join(versioned, "sweep.json"), JSON.stringify({ ...manifest, minimaVersion: "0.0.1" }));
  await assert.rejects(
    runSweep(plan, { dir: versioned, specDir: root, shard: single, workers: 1 }),
    /written by Minima 0\.0\.1/,
  );
  await assert.rejects(mergeSweepDirs([versioned, reference]), /results of two versions are not merged/);
});

test("the line reader passes every complete line across chunk boundaries, long lines included, and reports a torn tail", () => {
  const file = join(root, "lines.txt");
  const lines = Array.from({ length: 3000 }, (_, i) => "x".repeat((i * 7919) % 1500) + String(i));
  lines.splice(1500, 0, "y".repeat(3 * 1024 * 1024)); // longer than one read
  writeFileSync(file, `${lines.join("\n")}\npartial`);
  const seen: string[] = [];
  const scan = forEachLine(file, (text, n) => {
    assert.equal(n, seen.length + 1);
    seen.push(text);
  });
  assert.deepEqual(seen, lines);
  assert.equal(scan.tornBytes, "partial".length);
  assert.equal(scan.completeBytes, Buffer.byteLength(`${lines.join("\n")}\n`));
});

test("a cell without trials is not reported as contradicting its theory", async () => {
  const du = await planSweep(
    parseSweepSpec({ model: "cnn", params: { p: 4 }, grid: { k: [2], ratio: [0] }, trials: 5, seed: 1 }),
    root,
  );
  const summary = summariseSweep(du, []);
  assert.ok(summary.cells[0].theory.length > 0);
  assert.ok(summary.cells[0].theory.every((t) => t.consistent));
});
