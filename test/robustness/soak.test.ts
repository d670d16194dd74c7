/**
 * Issue 16, item 8: the kill -9 soak test. A CNN sweep (k = p = 4, 200 steps of GD on 32 samples,
 * 2 cells) runs as two shard processes, each killed with SIGKILL at seeded random times (5 kills, each 0.3–2 s after the
 * run has begun to write trials, so the kill lands while batches are being written) and resumed, then
 * merged. The merged trials (sorted lines, checksums included) and the summary must equal those of an
 * uninterrupted run bit for bit. test/cli/sweep.test.ts holds the single, scripted kill (a torn line
 * written by hand); this one is the random, repeated version on a real model.
 *
 * MINIMA_SOAK_SEED changes the kill times; MINIMA_SOAK_TRIALS the trials per cell (default 2,500: a
 * shard takes 4–8 s on two shared cores, so most kills fall before its end).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { Rng } from "../../src/math/rng.js";
import { runCli, spawnCli } from "../helpers/cli.js";

const SEED = Number(process.env.MINIMA_SOAK_SEED ?? 16);
const TRIALS = Number(process.env.MINIMA_SOAK_TRIALS ?? 2500);
// Finite-sample GD on 32 drawn inputs: ~1 ms a trial. The population trial runs on the exact reduced
// dynamics at ~25,000 trials/s, so a sweep of a few thousand would end before the first kill.
const SAMPLES = 32;
const KILLS = 5;
const SHARDS = 2;

const root = mkdtempSync(join(tmpdir(), "minima-soak-"));
after(() => rmSync(root, { recursive: true, force: true }));

const specPath = join(root, "soak.json");
writeFileSync(
  specPath,
  JSON.stringify({
    model: "cnn",
    params: { k: 4, p: 4, anorm: 1, maxSteps: 200, samples: SAMPLES },
    grid: { ratio: [0, 2] },
    trials: TRIALS,
    seed: 3,
  }),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function trialLines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), "utf8").trimEnd().split("\n").slice(1);
}

interface ShardLog {
  /** Kills that stopped the shard before it ended (a run ends after its last trial is on file). */
  readonly landed: number;
  /** Trials on file when each kill landed. */
  readonly trialsAtKill: number[];
}

/** Runs one shard to completion under `KILLS` SIGKILLs at times drawn from `rng`. */
async function soakShard(shard: number, dir: string, rng: Rng): Promise<ShardLog> {
  const file = join(dir, `trials-shard-${shard}-of-${SHARDS}.jsonl`);
  const args = ["sweep", "run", specPath, "--out", dir, "--workers", "1"];
  args.push("--shard", String(shard), "--shards", String(SHARDS));
  const trialsAtKill: number[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    const delay = 300 + 1700 * rng.uniform();
    const child = spawnCli(args);
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    let finished = false;
    void exited.then(() => {
      finished = true;
    });
    // The clock starts when the run writes trials (after start-up, planning and the workers' start),
    // so that every kill can tear a batch being written.
    const spawned = Date.now();
    const before = existsSync(file) ? statSync(file).size : 0;
    while (!finished && !(existsSync(file) && statSync(file).size > Math.max(before, 300))) {
      assert.ok(Date.now() - spawned < 60_000, "the run should write trials");
      await sleep(10);
    }
    await Promise.race([sleep(delay), exited]);
    if (finished) {
      assert.equal(await exited, 0, `shard ${shard} ended on its own but not cleanly`);
      break;
    }
    child.kill("SIGKILL");
    const end = await exited;
    if (end === 0) break; // it finished just before the kill
    assert.equal(end, "SIGKILL");
    trialsAtKill.push(readFileSync(file, "utf8").split("\n").length - 2);
  }
  const last = runCli([...args, "--json"]);
  assert.equal(last.code, 0, last.stderr);
  return { landed: trialsAtKill.length, trialsAtKill };
}

test(`kill -9 soak: ${SHARDS} shards x ${KILLS} SIGKILLs at random times, resumed and merged, equal the uninterrupted run bit for bit`, async (t) => {
  const started = Date.now();
  const dirs = [0, 1].map((s) => join(root, `shard-${s}`));
  const logs = await Promise.all(dirs.map((dir, s) => soakShard(s, dir, Rng.fromSeed(SEED, s))));
  const soakSeconds = (Date.now() - started) / 1000;

  const merged = join(root, "merged");
  const merge = runCli(["sweep", "merge", ...dirs, "--out", merged]);
  assert.equal(merge.code, 0, merge.stderr);
  assert.match(merge.stderr, new RegExp(`${2 * TRIALS}/${2 * TRIALS} trials, 0 duplicates`));

  const reference = join(root, "reference");
  const whole = runCli(["sweep", "run", specPath, "--out", reference, "--workers", "2"]);
  assert.equal(whole.code, 0, whole.stderr);

  const got = trialLines(merged, "trials-shard-0-of-1.jsonl").sort();
  const want = trialLines(reference, "trials-shard-0-of-1.jsonl").sort();
  assert.equal(want.length, 2 * TRIALS);
  assert.equal(got.length, want.length);
  assert.ok(
    got.every((line, i) => line === want[i]),
    "the merged trials differ from the run's",
  );
  const summary = (dir: string) => {
    const r = runCli(["sweep", "summary", dir, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };
  assert.equal(summary(merged), summary(reference));

  const landed = logs.reduce((n, log) => n + log.landed, 0);
  t.diagnostic(
    `${landed} of ${SHARDS * KILLS} kills landed before the run ended (trials on file at each: ${logs
      .map((log) => log.trialsAtKill.join(", "))
      .join(
        " | ",
      )}); soak ${soakSeconds.toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  // A soak whose kills all came after the end would test nothing.
  for (const [s, log] of logs.entries())
    assert.ok(log.landed >= 2, `only ${log.landed} kills landed in shard ${s} before its end`);
});
