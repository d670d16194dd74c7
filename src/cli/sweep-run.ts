/** `minima sweep run SPEC --out DIR`: runs (or resumes) a sweep on all cores, one shard of it if asked. */

import { dirname, resolve } from "node:path";
import { InputError } from "../core/errors.js";
import { Progress } from "../io/progress.js";
import { describeAxes, planSweep, type SweepPlan } from "../sweep/plan.js";
import { defaultWorkers } from "../sweep/pool.js";
import { runSweep } from "../sweep/run.js";
import { resolveShard } from "../sweep/shard.js";
import { parseSweepSpec } from "../sweep/spec.js";
import type { Command } from "./command.js";
import { intFlag, parseFlags, stringFlag } from "./flags.js";
import { readJsonFile } from "./json-file.js";
import { printJson } from "./output.js";
import { checkOutputDir, withOutputDir } from "./output-dir.js";

const FLAGS = {
  out: { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  shards: { type: "string" },
  batch: { type: "string" },
  repair: { type: "boolean" },
  json: { type: "boolean" },
} as const;

/** Per-cell outcome counts, for the progress display. */
class CellCounts {
  private readonly counts: Map<string, number>[];
  constructor(private readonly plan: SweepPlan) {
    this.counts = plan.cells.map(() => new Map());
  }
  add(cells: readonly number[], outcomes: readonly string[]): void {
    for (let i = 0; i < cells.length; i++) {
      const m = this.counts[cells[i]];
      m.set(outcomes[i], (m.get(outcomes[i]) ?? 0) + 1);
    }
  }
  lines(): string[] {
    const planned = this.plan.spec.trials;
    return this.plan.cells.map((cell, i) => {
      const m = this.counts[i];
      const n = [...m.values()].reduce((a, b) => a + b, 0);
      const parts = [...m.entries()].map(([o, c]) => `${o} ${(c / n).toFixed(3)}`).join("  ");
      return `  ${(describeAxes(cell.axes) || "cell").padEnd(22)} ${String(n).padStart(7)}/${planned}  ${parts}`;
    });
  }
}

export const sweepRunCommand: Command = {
  usage: [
    "Usage: minima sweep run SPEC --out DIR [--workers N] [--shard i --shards n] [--batch B] [--repair] [--json]",
    "",
    "Runs every trial of the sweep spec SPEC (JSON) that DIR does not hold yet and appends each to",
    "DIR/trials-shard-<i>-of-<n>.jsonl. Stopped at any moment (Ctrl-C, kill -9), the same command",
    "resumes; a finished sweep does nothing; a directory of another spec, of another version of a",
    "custom model's code or of another Minima version is refused. One process writes a shard at a",
    "time (a lock file beside it; a second one refuses). Every stored line is checked when read.",
    "",
    "  --out DIR       the sweep directory (created if needed)",
    "  --workers N     worker threads (default: all cores; never more than the cores or the trials)",
    "  --shard i       run only shard i of n (default from JOB_COMPLETION_INDEX, or",
    "  --shards n        SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT; MINIMA_SHARDS sets n)",
    "  --batch B       trials per worker task (default: automatic)",
    "  --repair        drop bad lines (reported with file and line) of this shard's file and run",
    "                  their trials again",
    "  --json          print the run's counts as JSON",
  ].join("\n"),
  async run(argv) {
    const flags = parseFlags(argv, FLAGS, 1);
    const specPath = flags.positionals[0];
    if (specPath === undefined) throw new InputError("SPEC", "is required (a sweep spec JSON file)");
    const dir = checkOutputDir("--out", stringFlag(flags, "out"));
    const workers = intFlag(flags, "workers", { default: defaultWorkers(), min: 1, max: 1024 });
    const batchSize =
      flags.values.batch === undefined ? undefined : intFlag(flags, "batch", { min: 1, max: 100000 });
    const shard = resolveShard({
      shard: flags.values.shard === undefined ? undefined : intFlag(flags, "shard", { min: 0 }),
      shards: flags.values.shards === undefined ? undefined : intFlag(flags, "shards", { min: 1 }),
    });
    const specDir = dirname(resolve(specPath));
    const plan = await planSweep(parseSweepSpec(readJsonFile("SPEC", specPath)), specDir);

    const counts = new CellCounts(plan);
    let progress: Progress | undefined;
    let done = 0;
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const report = await withOutputDir("--out", dir, () =>
        runSweep(plan, {
          dir,
          specDir,
          shard,
          workers,
          batchSize,
          signal: controller.signal,
          repair: flags.values.repair === true,
          onStart: ({ owned, doneCells, doneOutcomes }) => {
            counts.add(doneCells, doneOutcomes);
            done = doneCells.length;
            if (done < owned) {
              const label = shard.shards > 1 ? `shard ${shard.shard}/${shard.shards}` : "sweep";
              progress = new Progress({ total: owned, initial: done, label });
            }
          },
          onBatch: (result) => {
            counts.add(result.cells, result.outcomes);
            done += result.cells.length;
            progress?.update(done, () => counts.lines());
          },
        }),
      );
      progress?.finish(counts.lines());
      if (report.droppedLines > 0)
        console.error(`minima: dropped ${report.droppedLines} bad lines; their trials were run again`);
      if (flags.values.json) printJson({ dir, ...shard, ...report });
      else if (report.ran === 0)
        console.log(`${dir}: nothing to do; all ${report.owned} trials of this shard are done`);
      else
        console.log(
          `${dir}: ran ${report.ran} trials (${report.alreadyDone} were already done). Next: minima sweep summary ${dir}`,
        );
      return 0;
    } catch (error) {
      if (controller.signal.aborted) {
        progress?.finish(counts.lines());
        console.error(`minima: interrupted after ${done} trials; run the same command again to resume`);
        return 130;
      }
      throw error;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  },
};
