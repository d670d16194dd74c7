/**
 * The wall time of the whole Safran–Shamir example sweep (examples/sweeps/safran-shamir.json:
 * k = 6…20, n ∈ {k, k + 1}, 1000 trials per cell, 30,000 trials) on all cores, through the CLI as a
 * user runs it (`minima sweep run`), then its summary: P(spurious) per (k, n) with Wilson intervals
 * and the largest family. Target: at most 10 minutes on the 2-core machine. Set MINIMA_BENCH_TRIALS
 * to run fewer trials per cell (the time then scales about linearly).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const trials = Number(process.env.MINIMA_BENCH_TRIALS ?? 1000);
const example = JSON.parse(readFileSync("examples/sweeps/safran-shamir.json", "utf8"));
const dir = mkdtempSync(join(tmpdir(), "minima-ss-bench-"));
try {
  const spec = join(dir, "spec.json");
  writeFileSync(spec, JSON.stringify({ ...example, trials }));
  const workers = availableParallelism();
  console.log(
    `sweep ${example.name}: ${example.grid.k.length * example.grid.excess.length} cells × ${trials} trials on ${workers} workers; load average ${loadavg()[0].toFixed(1)}`,
  );
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    ["dist/cli/main.js", "sweep", "run", spec, "--out", join(dir, "out"), "--workers", String(workers)],
    {
      encoding: "utf8",
      stdio: ["ignore", "inherit", "pipe"],
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`sweep run failed: ${run.stderr}`);
  const total = trials * example.grid.k.length * example.grid.excess.length;
  console.log(
    `wall time ${(seconds / 60).toFixed(1)} min (${seconds.toFixed(0)} s), ${(total / seconds).toFixed(1)} trials/s (target ≤ 10 min for 1000 trials per cell)`,
  );
  const t1 = performance.now();
  const summary = spawnSync(
    process.execPath,
    ["dist/cli/main.js", "sweep", "summary", join(dir, "out"), "--json"],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (summary.status !== 0) throw new Error(`sweep summary failed: ${summary.stderr}`);
  console.log(
    `summary (families, their spectra and proofs): ${((performance.now() - t1) / 1000).toFixed(0)} s`,
  );
  const cells = JSON.parse(summary.stdout).cells as {
    axes: { k: number; excess: number };
    outcomes: Record<string, { count: number; p: number; lo: number; hi: number }>;
    families?: {
      count: number;
      loss: number;
      outcome: string;
      certified?: boolean;
      provenKind?: string;
      radius?: number;
    }[];
  }[];
  console.log(
    "k    n    P(spurious) [95% CI]        saddle  unconverged  largest family (runs × J)  proven spurious runs  largest radius",
  );
  for (const c of cells) {
    const s = c.outcomes.spurious;
    const top = c.families?.[0];
    const proven = (c.families ?? []).filter(
      (f) => f.outcome === "spurious" && f.certified === true && f.provenKind === "strict-local-min",
    );
    const provenRuns = proven.reduce((n, f) => n + f.count, 0);
    const radius = proven.reduce((r, f) => Math.max(r, f.radius ?? 0), 0);
    console.log(
      `${String(c.axes.k).padEnd(4)} ${String(c.axes.k + c.axes.excess).padEnd(4)} ${s.p.toFixed(3)} [${s.lo.toFixed(3)}, ${s.hi.toFixed(3)}]   ${String(c.outcomes.saddle.count).padStart(6)}  ${String(c.outcomes.unconverged.count).padStart(11)}  ${(top ? `${top.count} × ${top.loss.toPrecision(6)}` : "-").padEnd(26)} ${String(provenRuns).padStart(5)} of ${String(s.count).padEnd(12)} ${proven.length > 0 ? radius.toExponential(1) : "-"}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
