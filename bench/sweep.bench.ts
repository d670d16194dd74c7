/**
 * Sweep benchmarks.
 *  1. Throughput of the worker pool with 1 and with 2 workers on the same CNN trials (target: the
 *     2-worker rate at least 1.8x the 1-worker rate on a 2-core machine), best of alternating rounds
 *     (MINIMA_BENCH_ROUNDS, default 3; MINIMA_BENCH_PER_CELL trials per cell, default 2000).
 *  2. Wall time of the full Du et al. table, examples/sweeps/du-table.json (36 cells x 10,000
 *     trials; target < 5 min), with the time per trial and mean steps per cell, to show where it goes.
 * MINIMA_BENCH_TRIALS=n runs the table with n trials per cell instead (for a quick look).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { mergeSweepDirs } from "../src/sweep/merge.js";
import { describeAxes, planSweep } from "../src/sweep/plan.js";
import { executeTrials } from "../src/sweep/pool.js";
import { runSweep } from "../src/sweep/run.js";
import { parseSweepSpec } from "../src/sweep/spec.js";
import { summariseSweep } from "../src/sweep/summary.js";

const tablePath = fileURLToPath(new URL("../examples/sweeps/du-table.json", import.meta.url));
const tableInput = JSON.parse(readFileSync(tablePath, "utf8"));

/** Trials per second overall, and in the steady state (from the first finished batch on, so without pool start-up). */
async function throughput(
  workers: number,
  trialsPerCell: number,
): Promise<{ overall: number; steady: number; cpuMsPerTrial: number }> {
  const spec = parseSweepSpec({ ...tableInput, trials: trialsPerCell, seed: 7 });
  const plan = await planSweep(spec, ".");
  const todo = [];
  for (let trial = 0; trial < trialsPerCell; trial++)
    for (let cell = 0; cell < plan.cells.length; cell++) todo.push({ cell, trial });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  let firstAt = 0;
  let firstN = 0;
  let firstCpu = cpu0;
  await executeTrials(plan, todo, {
    workers,
    onBatch: (r) => {
      n += r.cells.length;
      if (firstN === 0) {
        firstN = n;
        firstAt = performance.now();
        firstCpu = process.cpuUsage();
      }
    },
  });
  const end = performance.now();
  const cpu = process.cpuUsage(firstCpu); // all threads of this process, workers included; no start-up
  return {
    overall: n / ((end - t0) / 1000),
    steady: (n - firstN) / ((end - firstAt) / 1000),
    cpuMsPerTrial: (cpu.user + cpu.system) / 1000 / (n - firstN),
  };
}

/**
 * The machine's own parallel capacity right now: a fixed CPU-bound loop in 1 and in 2 bare worker
 * threads (no pool, no messages). The pool's scaling is judged against this ceiling, since other
 * processes share the cores.
 */
async function bareScaling(): Promise<number> {
  const code = `
    const { parentPort } = require("node:worker_threads");
    let x = 0;
    for (let i = 1; i < 600000000; i++) x += Math.sqrt(i) * 1e-9;
    parentPort.postMessage(x);`;
  const run = async (threads: number) => {
    const t0 = performance.now();
    await Promise.all(
      Array.from(
        { length: threads },
        () => new Promise((resolve) => new Worker(code, { eval: true }).once("message", resolve)),
      ),
    );
    return (performance.now() - t0) / 1000;
  };
  const one = await run(1);
  const two = await run(2);
  return (2 * one) / two;
}

console.log(`cores: ${availableParallelism()}`);
await throughput(1, 20); // warm the transform cache
// Rounds alternate 1 and 2 workers and each side keeps its best: on a shared VM other load only
// ever slows a round down, and alternating keeps both sides under the same conditions.
const perCell = Number(process.env.MINIMA_BENCH_PER_CELL ?? 2000);
const rounds = Number(process.env.MINIMA_BENCH_ROUNDS ?? 3);
type Throughput = Awaited<ReturnType<typeof throughput>>;
const best = (a: Throughput | undefined, b: Throughput) => (a === undefined || b.steady > a.steady ? b : a);
let one: Throughput | undefined;
let two: Throughput | undefined;
for (let round = 0; round < rounds; round++) {
  one = best(one, await throughput(1, perCell));
  two = best(two, await throughput(2, perCell));
}
if (one === undefined || two === undefined) throw new Error("MINIMA_BENCH_ROUNDS must be at least 1");
console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} (other processes share these cores)`,
);
console.log(
  `throughput, ${perCell * 36} du-table trials, best of ${rounds} alternating rounds: 1 worker ${one.steady.toFixed(0)}/s (${one.overall.toFixed(0)}/s with start-up), 2 workers ${two.steady.toFixed(0)}/s (${two.overall.toFixed(0)}/s)`,
);
console.log(
  `  ratio 2 workers / 1 worker: ${(two.steady / one.steady).toFixed(2)}x steady, ${(two.overall / one.overall).toFixed(2)}x with start-up (target >= 1.8x on 2 idle cores)`,
);
const ceiling = await bareScaling();
console.log(
  `  baseline: the same CPU loop in 2 bare threads runs ${ceiling.toFixed(2)}x the work of 1 thread per second now; pool / baseline = ${(two.steady / one.steady / ceiling).toFixed(2)}`,
);
// Wall-clock scaling needs idle cores; CPU time per trial does not: if it stays flat from 1 to 2
// workers, the pool adds no parallel overhead and the speed-up is limited only by free cores.
console.log(
  `  CPU time per trial: 1 worker ${one.cpuMsPerTrial.toFixed(3)} ms, 2 workers ${two.cpuMsPerTrial.toFixed(3)} ms (ratio ${(two.cpuMsPerTrial / one.cpuMsPerTrial).toFixed(2)})`,
);

const trials = Number(process.env.MINIMA_BENCH_TRIALS ?? tableInput.trials);
const spec = parseSweepSpec({ ...tableInput, trials });
const plan = await planSweep(spec, ".");
const dir = mkdtempSync(join(tmpdir(), "minima-du-table-"));
try {
  const t0 = performance.now();
  await runSweep(plan, { dir, specDir: ".", shard: { shard: 0, shards: 1 } });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `du table, ${plan.cells.length} cells x ${trials} trials on ${availableParallelism()} workers: ${seconds.toFixed(1)} s (target < 300 s for 10,000 trials)`,
  );
  const merged = await mergeSweepDirs([dir]);
  const summary = summariseSweep(plan, merged.records);
  const steps = new Map<number, number>();
  for (const r of merged.records) steps.set(r.cell, (steps.get(r.cell) ?? 0) + (r.steps as number));
  console.log(
    "  cell                  P(global) [95% CI]        P(spurious)  mean steps (share of all steps)",
  );
  const allSteps = [...steps.values()].reduce((a, b) => a + b, 0);
  for (const cell of summary.cells) {
    const g = cell.outcomes.global;
    const s = cell.outcomes.spurious;
    const st = steps.get(cell.cell) ?? 0;
    const other = cell.trials - g.count - s.count;
    console.log(
      `  ${describeAxes(cell.axes).padEnd(20)}  ${g.p.toFixed(4)} [${g.lo.toFixed(4)}, ${g.hi.toFixed(4)}]  ${s.p.toFixed(4)}  ${(st / cell.trials).toFixed(0).padStart(6)} (${((100 * st) / allSteps).toFixed(1)}%)${other > 0 ? `  other outcomes: ${other}` : ""}${cell.theory.every((t) => t.consistent) ? "" : "  THEORY INCONSISTENT"}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
