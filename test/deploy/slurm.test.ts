/**
 * The Slurm deploy on a real (single-node) Slurm: deploy/slurm/submit.sh runs a CNN and an fc sweep as
 * job arrays of 3 shards plus the merge job; one array task is "killed" (its shard file cut back to half
 * its trials and a torn line, as a kill leaves it) and requeued with `scontrol requeue`; the merged
 * summary must equal a single-process run's bit for bit.
 *
 * Needs a running cluster (`deploy/slurm/single-node.sh`, which CI's .ci/run starts). Without one the
 * test is skipped, unless MINIMA_SLURM=1 says a cluster must be there (CI), when it fails.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";

const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const clusterUp =
  spawnSync("sinfo", ["-h", "-o", "%T"], { encoding: "utf8" }).stdout?.includes("idle") ?? false;
const required = process.env.MINIMA_SLURM === "1";
const skip =
  !clusterUp && !required ? "no Slurm cluster here (deploy/slurm/single-node.sh starts one)" : false;

const work = mkdtempSync(join(tmpdir(), "minima-slurm-"));
after(() => rmSync(work, { recursive: true, force: true }));

const minima = (args: string[]) => execFileSync(process.execPath, [cli, ...args], { encoding: "utf8" });
const sh = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8" }).trim();

async function waitGone(job: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (sh("squeue", ["-h", "-j", job, "-o", "%i"]) !== "") {
    assert.ok(Date.now() < until, `Slurm job ${job} still queued after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A stored line without its checksum, for comparing records across runs. */
const records = (file: string) =>
  readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => l.replace(/,"check":"[0-9a-f]+"}$/, "}"))
    .sort();

const SPECS = {
  cnn: { model: "cnn", params: { p: 4 }, grid: { k: [2, 3], ratio: [0, 1] }, trials: 30, seed: 1 },
  fc: { model: "fc", params: { d: 5 }, grid: { k: [5], excess: [0, 1] }, trials: 24, seed: 2 },
};

for (const [name, spec] of Object.entries(SPECS)) {
  test(`${name} sweep on Slurm: 3 array tasks, one killed and requeued, merge equals one process bit for bit`, {
    skip,
  }, async () => {
    assert.ok(clusterUp, "MINIMA_SLURM=1 but no idle Slurm node (run deploy/slurm/single-node.sh)");
    assert.ok(existsSync(cli), "build first (npm test does)");
    const specFile = join(work, `${name}.json`);
    writeFileSync(specFile, JSON.stringify(spec));
    const reference = join(work, `${name}-reference`);
    minima(["sweep", "run", specFile, "--out", reference, "--workers", "1"]);
    const referenceSummary = minima(["sweep", "summary", reference, "--json"]);

    const out = join(work, `${name}-slurm`);
    const submitted = sh(join(root, "deploy/slurm/submit.sh"), [
      "--shards",
      "3",
      "--cpus-per-task",
      "1",
      "--time",
      "00:10:00",
      specFile,
      out,
    ]);
    const ids = /array job (\d+) .* merge job (\d+)/.exec(submitted);
    assert.ok(ids, submitted);
    const [, array, merge] = ids;
    sh("scontrol", ["hold", merge]);
    await waitGone(array, 300);

    // Task 1 as a kill leaves it: half its trials and a torn line; then Slurm requeues it.
    const shardFile = join(out, "trials-shard-1-of-3.jsonl");
    const lines = readFileSync(shardFile, "utf8").trimEnd().split("\n");
    const kept = lines.slice(0, 1 + Math.floor((lines.length - 1) / 2));
    writeFileSync(shardFile, `${kept.join("\n")}\n${lines[lines.length - 1].slice(0, 20)}`);
    sh("scontrol", ["requeue", `${array}_1`]);
    sh("scontrol", ["update", `JobId=${array}_1`, "StartTime=now"]); // requeued jobs otherwise wait
    await waitGone(array, 300);
    assert.equal(records(shardFile).length, lines.length - 1, "the requeued task completed its shard");

    sh("scontrol", ["release", merge]);
    await waitGone(merge, 300);
    const merged = `${out}-merged`;
    assert.equal(readFileSync(join(merged, "summary.json"), "utf8").trim(), referenceSummary.trim());
    assert.deepEqual(
      records(join(merged, "trials-shard-0-of-1.jsonl")),
      records(join(reference, "trials-shard-0-of-1.jsonl")),
    );
  });
}
