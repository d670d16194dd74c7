/** `minima sweep merge DIR…`: one sweep from the shards' directories, deduplicated by trial. */
import { InputError } from "../core/errors.js";
import { mergeSweepDirs, writeMergedSweep } from "../sweep/merge.js";
import { minimaVersion, trialFileName } from "../sweep/store.js";
import type { Command } from "./command.js";
import { optionalStringFlag, parseFlags } from "./flags.js";

export const sweepMergeCommand: Command = {
  usage: [
    "Usage: minima sweep merge DIR... [--out DIR]",
    "",
    "Checks that every DIR holds the same spec, keeps one record per (cell, trial) and refuses",
    "conflicting duplicates. With --out, writes a complete sweep directory (which summary reads and",
    `run can resume); without it, prints the merged ${trialFileName(0, 1)} to stdout. A short report goes to stderr.`,
  ].join("\n"),
  run(argv) {
    const flags = parseFlags(argv, { out: { type: "string" } }, Number.MAX_SAFE_INTEGER);
    if (flags.positionals.length === 0) throw new InputError("DIR", "at least one sweep directory is needed");
    const merged = mergeSweepDirs(flags.positionals);
    const out = optionalStringFlag(flags, "out");
    if (out !== undefined) {
      writeMergedSweep(out, merged);
    } else {
      const header = {
        format: "minima-sweep-trials",
        minimaVersion: minimaVersion(),
        specHash: merged.manifest.specHash,
        shard: 0,
        shards: 1,
      };
      let text = `${JSON.stringify(header)}\n`;
      for (const r of merged.records) text += `${JSON.stringify(r)}\n`;
      process.stdout.write(text);
    }
    const planned = merged.manifest.spec.trials * countCells(merged.manifest.spec.grid);
    console.error(
      `merged ${flags.positionals.length} directories: ${merged.records.length}/${planned} trials, ${merged.duplicates} duplicates dropped${merged.tornBytes > 0 ? `, ${merged.tornBytes} bytes of torn lines ignored` : ""}${out ? ` -> ${out}` : ""}`,
    );
    return 0;
  },
};

function countCells(grid: Record<string, readonly unknown[]>): number {
  return Object.values(grid).reduce((n, v) => n * v.length, 1);
}
