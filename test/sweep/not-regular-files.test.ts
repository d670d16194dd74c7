/**
 * A sweep directory's files (a shard's trials, sweep.json, a shard's lock) that are not regular files
 * — a directory of the same name, a FIFO, a link to /dev/full or /dev/zero — are refused with one line
 * naming the file and what it is (exit 2). Before, a FIFO blocked `sweep run`, `summary` and `merge`
 * for ever (even SIGTERM could not end them) and a directory was blamed on --out.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { CaseRunner } from "../robustness/harness.js";

const root = mkdtempSync(join(tmpdir(), "minima-not-regular-"));
const runner = new CaseRunner(20_000);
after(() => {
  runner.close();
  rmSync(root, { recursive: true, force: true });
});

const KINDS: ReadonlyArray<{ name: string; what: RegExp; make: (path: string) => boolean }> = [
  {
    name: "a directory",
    what: /is a directory, not a regular file/,
    make: (path) => {
      mkdirSync(path);
      return true;
    },
  },
  {
    name: "a FIFO",
    what: /is a FIFO \(named pipe\), not a regular file/,
    make: (path) => spawnSync("mkfifo", [path]).status === 0,
  },
  ...["/dev/full", "/dev/zero"].map((device) => ({
    name: `a link to ${device}`,
    what: /is a character device, not a regular file/,
    make: (path: string) => {
      if (!existsSync(device)) return false;
      symlinkSync(device, path);
      return true;
    },
  })),
];

test("a shard file, sweep.json or lock that is not a regular file is refused in one line, never a hang", async (t) => {
  const spec = join(root, "spec.json");
  writeFileSync(
    spec,
    JSON.stringify({
      model: "cnn",
      params: { k: 4, p: 4, ratio: 1, anorm: 1, maxSteps: 200 },
      trials: 10,
      seed: 1,
    }),
  );
  const dir = join(root, "sweep");
  const first = await runner.run(["sweep", "run", spec, "--out", dir, "--workers", "1"]);
  assert.equal(first.code, 0, first.stderr);
  const run = ["sweep", "run", spec, "--out", dir, "--workers", "1"];
  const targets = [
    {
      file: "trials-shard-0-of-1.jsonl",
      commands: [run, ["sweep", "summary", dir], ["sweep", "merge", dir]],
    },
    { file: "sweep.json", commands: [run, ["sweep", "summary", dir], ["sweep", "merge", dir]] },
    { file: "trials-shard-0-of-1.jsonl.lock", commands: [run] },
  ];
  let cases = 0;
  for (const { file, commands } of targets) {
    const path = join(dir, file);
    const kept = join(root, "kept");
    if (existsSync(path)) renameSync(path, kept);
    for (const kind of KINDS) {
      if (!kind.make(path)) {
        t.diagnostic(`skipped ${kind.name} (not available here)`);
        continue;
      }
      for (const argv of commands) {
        const out = join(root, `merged-${cases}`);
        const r = await runner.run(argv[1] === "merge" ? [...argv, "--out", out] : argv);
        const line = r.stderr.trim();
        const label = `${file} as ${kind.name}: ${argv.slice(0, 2).join(" ")}`;
        assert.ok(!r.hung, `${label} hung`);
        assert.equal(r.code, 2, `${label}: ${line}`);
        assert.equal(line.split("\n").length, 1, `${label}: ${line}`);
        assert.ok(line.startsWith(`minima: error: ${path}: `), `${label}: ${line}`);
        assert.match(line, kind.what, label);
        cases++;
      }
      rmSync(path, { recursive: true, force: true });
    }
    if (existsSync(kept)) renameSync(kept, path);
  }
  t.diagnostic(`${cases} commands refused as asked`);
  const again = await runner.run(run);
  assert.equal(again.code, 0, `the restored directory is whole again: ${again.stderr}`);
});
