import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Rng } from "../../src/math/rng.js";
import { mergeSweepDirs } from "../../src/sweep/merge.js";
import { isOneLineInputError, runCli, spawnCli } from "../helpers/cli.js";

const coin = fileURLToPath(new URL("../sweep/fixtures/coin-model.ts", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "minima-sweep-cli-"));
after(() => rmSync(root, { recursive: true, force: true }));

function writeSpec(name: string, spec: object): string {
  const path = join(root, name);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

function trialLines(dir: string): string[] {
  // Without each line's checksum (the last field).
  return readFileSync(join(dir, "trials-shard-0-of-1.jsonl"), "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.replace(/,"check":"[0-9a-f]+"}$/, "}"));
}

function exited(child: ReturnType<typeof spawnCli>): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

const coinSpec = writeSpec("coin.json", {
  model: coin,
  grid: { p: [0.3, 0.7] },
  trials: 30,
  seed: 4,
  restarts: [1, 2],
});

test("a bad spec is one line naming the field, the value and what is allowed (exit 2)", () => {
  const cnnBad = writeSpec("cnn-bad.json", {
    model: "cnn",
    params: { p: 25, anorm: 1 },
    optimiser: { eta: "auto" },
    stop: { horizon: 10 },
    grid: { k: [4], ratio: [9] },
    trials: 2,
    seed: 1,
  });
  const r2 = runCli(["sweep", "run", cnnBad, "--out", join(root, "bad2")]);
  assert.ok(isOneLineInputError(r2), r2.stderr);
  assert.match(r2.stderr, /spec\.grid\.ratio \(in the cell k=4, ratio=9\): must be in \[0, k\]/);
});

test("3 shard processes merge to the single-process run, trial for trial; summary reads the merge", async () => {
  const singleDir = join(root, "single");
  const one = runCli(["sweep", "run", coinSpec, "--out", singleDir, "--workers", "2"]);
  assert.equal(one.code, 0, one.stderr);
  const shardDirs = [0, 1, 2].map((i) => join(root, `shard${i}`));
  const children = shardDirs.map((dir, i) =>
    spawnCli(["sweep", "run", coinSpec, "--out", dir, "--workers", "1"], {
      JOB_COMPLETION_INDEX: String(i),
      MINIMA_SHARDS: "3",
    }),
  );
  assert.deepEqual(await Promise.all(children.map(exited)), [0, 0, 0]);
  assert.ok(existsSync(join(shardDirs[2], "trials-shard-2-of-3.jsonl")));
  const mergedShards = join(root, "merged-shards");
  const merge = runCli(["sweep", "merge", ...shardDirs, "--out", mergedShards]);
  assert.match(merge.stderr, /60\/60 trials, 0 duplicates/);
  const single = (await mergeSweepDirs([singleDir])).records.map((r) => JSON.stringify(r));
  // The merged file holds each trial once, in the order the shards were read.
  assert.deepEqual(trialLines(mergedShards).sort(), [...single].sort());
  assert.equal(single.length, 60);

  const json = runCli(["sweep", "summary", mergedShards, "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const summary = JSON.parse(json.stdout);
  const heads0 = single.filter((l) => l.startsWith('{"cell":0,') && l.includes('"heads"')).length;
  assert.equal(summary.cells[0].outcomes.heads.count, heads0);
});

test("a sweep killed with SIGKILL resumes: finished lines kept, torn line redone, result complete", async () => {
  const spec = writeSpec("slow.json", {
    model: coin,
    params: { sleepMs: 10 },
    grid: { p: [0.4, 0.6] },
    trials: 40,
    seed: 9,
  });
  const dir = join(root, "killed");
  const file = join(dir, "trials-shard-0-of-1.jsonl");
  const child = spawnCli(["sweep", "run", spec, "--out", dir, "--workers", "1", "--batch", "2"]);
  const done = exited(child);
  const started = Date.now();
  while (!(existsSync(file) && readFileSync(file, "utf8").split("\n").length > 8)) {
    assert.ok(Date.now() - started < 30000, "the sweep should have written some trials");
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  await done;
  const text = readFileSync(file, "utf8");
  const kept = text.slice(0, text.lastIndexOf("\n") + 1);
  const keptTrials = kept.trimEnd().split("\n").length - 1;
  assert.ok(keptTrials < 80, `killed before the end (${keptTrials} trials)`);
  appendFileSync(file, '{"cell":1,"trial":3'); // as if killed mid-write
  const again = runCli(["sweep", "run", spec, "--out", dir, "--workers", "2", "--json"]);
  assert.equal(again.code, 0, again.stderr);
  const report = JSON.parse(again.stdout);
  assert.equal(report.alreadyDone, keptTrials);
  assert.equal(report.ran, 80 - keptTrials);
  assert.ok(report.repairedBytes > 0);
  const finalText = readFileSync(file, "utf8");
  assert.ok(finalText.startsWith(kept), "nothing finished was rewritten");
  const records = finalText
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => JSON.parse(l));
  assert.equal(records.length, 80);
  assert.equal(new Set(records.map((r) => `${r.cell}/${r.trial}`)).size, 80, "each trial exactly once");
  for (const r of records) assert.equal(r.u, Rng.fromSeed(r.seed[0], r.seed[1], r.seed[2]).uniform());

  const nothing = runCli(["sweep", "run", spec, "--out", dir]);
  assert.equal(nothing.code, 0);
  assert.match(nothing.stdout, /nothing to do/);
  assert.equal(readFileSync(file, "utf8"), finalText);
});

test("Ctrl-C stops a sweep cleanly: exit 130, whole lines only, and a hint to resume", async () => {
  const spec = writeSpec("interrupt.json", {
    model: coin,
    params: { sleepMs: 10 },
    grid: { p: [0.5] },
    trials: 400,
    seed: 2,
  });
  const dir = join(root, "interrupted");
  const file = join(dir, "trials-shard-0-of-1.jsonl");
  const child = spawnCli(["sweep", "run", spec, "--out", dir, "--workers", "1", "--batch", "2"]);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const done = exited(child);
  const started = Date.now();
  while (!(existsSync(file) && readFileSync(file, "utf8").split("\n").length > 4)) {
    assert.ok(Date.now() - started < 30000, "the sweep should have written some trials");
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGINT");
  assert.equal(await done, 130);
  assert.match(stderr, /interrupted after \d+ trials; run the same command again to resume/);
  const text = readFileSync(file, "utf8");
  assert.ok(text.endsWith("\n"), "no torn line after a clean stop");
  assert.ok(text.split("\n").length - 2 < 400);
});

test("the compiled CLI (dist/) runs the worker pool like the sources do", (t) => {
  const dist = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
  const pool = fileURLToPath(new URL("../../src/sweep/pool.ts", import.meta.url));
  if (!existsSync(dist) || statSync(dist).mtimeMs < statSync(pool).mtimeMs) {
    t.skip("dist/ is missing or older than the sources (npm test builds it first)");
    return;
  }
  const args = [
    "cnn",
    "probability",
    "--k",
    "25",
    "--ratio",
    "1",
    "--trials",
    "40",
    "--seed",
    "2",
    "--workers",
    "2",
    "--json",
  ];
  const compiled = spawnSync(process.execPath, [dist, ...args], { encoding: "utf8" });
  assert.equal(compiled.status, 0, compiled.stderr);
  const sources = runCli(args);
  assert.equal(sources.code, 0, sources.stderr);
  assert.deepEqual(JSON.parse(compiled.stdout), JSON.parse(sources.stdout));
});

test("two processes started at once on the same shard: one runs, the other refuses at once naming it; the result is whole", async () => {
  const spec = writeSpec("two-writers.json", {
    model: coin,
    params: { sleepMs: 15 },
    grid: { p: [0.5] },
    trials: 40,
    seed: 3,
  });
  const dir = join(root, "two-writers");
  const runs = [0, 1].map(() => {
    const child = spawnCli(["sweep", "run", spec, "--out", dir, "--workers", "1"]);
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    return exited(child).then((code) => ({ code, stderr }));
  });
  const [a, b] = await Promise.all(runs);
  const codes = [a.code, b.code].sort();
  // Both may succeed only if one finished before the other began; otherwise exactly one refuses.
  if (codes[1] !== 0) {
    assert.deepEqual(codes, [0, 2], `${a.stderr}\n${b.stderr}`);
    const refused = a.code === 2 ? a : b;
    assert.match(refused.stderr, /^minima: error: --shard: is being written by process \d+ on /);
    assert.equal(refused.stderr.trim().split("\n").length, 1);
  }
  const lines = readFileSync(join(dir, "trials-shard-0-of-1.jsonl"), "utf8").trimEnd().split("\n");
  assert.equal(lines.filter((l) => l.includes('"format"')).length, 1, "one header");
  assert.equal(lines.length, 41);
  assert.ok(!existsSync(join(dir, "trials-shard-0-of-1.jsonl.lock")), "the lock is released");
});

test("sweep summary prints a two-axis sweep as one table, and cell by cell with --long", () => {
  const spec = writeSpec("grid.json", {
    model: coin,
    grid: { p: [0.2, 0.9], sleepMs: [0, 1] },
    trials: 10,
    seed: 3,
  });
  const dir = join(root, "grid");
  assert.equal(runCli(["sweep", "run", spec, "--out", dir, "--workers", "1"]).code, 0);
  const table = runCli(["sweep", "summary", dir]);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trimEnd().split("\n");
  assert.equal(lines[1], "P(heads) with Wilson 95% intervals; rows p, columns sleepMs");
  assert.match(lines[3], /^p \\ sleepMs +0 +1$/);
  assert.match(lines[4], /^0\.2 +\S+ \[\S+, \S+\] +\S+ \[\S+, \S+\]$/);
  assert.match(lines[5], /^0\.9 /);
  assert.match(table.stdout, /theory: all 4 checks consistent|theory: \d of 4 checks INCONSISTENT/);
  assert.ok(lines.length < 12, table.stdout);
  const long = runCli(["sweep", "summary", dir, "--long"]);
  assert.equal(long.code, 0, long.stderr);
  assert.match(long.stdout, /^p=0\.2, sleepMs=0 {2}\(10\/10 trials\)$/m);
  assert.ok(long.stdout.split("\n").length > lines.length);
  const both = runCli(["sweep", "summary", dir, "--long", "--json"]);
  assert.ok(isOneLineInputError(both), both.stderr);
  assert.equal(runCli(["sweep", "summary", dir, "--grid"]).stdout, table.stdout);
  const oneAxis = writeSpec("one-axis.json", { model: coin, grid: { p: [0.2, 0.9] }, trials: 4, seed: 3 });
  const oneDir = join(root, "one-axis");
  assert.equal(runCli(["sweep", "run", oneAxis, "--out", oneDir, "--workers", "1"]).code, 0);
  assert.match(runCli(["sweep", "summary", oneDir]).stdout, /^p=0\.2 {2}\(4\/4 trials\)$/m);
  const noGrid = runCli(["sweep", "summary", oneDir, "--grid"]);
  assert.ok(isOneLineInputError(noGrid), noGrid.stderr);
  assert.match(noGrid.stderr, /--grid: needs a sweep whose grid has exactly two axes/);
});
