/** `minima sweep merge DIR…`: one sweep from the shards' directories, deduplicated by trial. */
import { InputError } from "../core/errors.js";
import { collectSweep, MergedSweepWriter, planFromDirs } from "../sweep/merge.js";
import { trialFileName } from "../sweep/store.js";
import type { Command } from "./command.js";
import { optionalStringFlag, parseFlags } from "./flags.js";
import { checkOutputDir, withOutputDir } from "./output-dir.js";

export const sweepMergeCommand: Command = {
  usage: [
    "Usage: minima sweep merge DIR... [--out DIR]",
    "",
    "Checks that every DIR holds the same spec (and model code and Minima version), checks every",
    "line, keeps one record per (cell, trial) and refuses conflicting duplicates. With --out, writes",
    "a complete sweep directory (which summary reads and run can resume); without it, prints the",
    `merged ${trialFileName(0, 1)} to stdout. A short report goes to stderr. Memory: about 10 bytes`,
    "per planned trial, whatever the size of the files.",
  ].join("\n"),
  async run(argv) {
    const flags = parseFlags(argv, { out: { type: "string" } }, Number.MAX_SAFE_INTEGER);
    if (flags.positionals.length === 0) throw new InputError("DIR", "at least one sweep directory is needed");
    const outFlag = optionalStringFlag(flags, "out");
    const out = outFlag === undefined ? undefined : checkOutputDir("--out", outFlag);
    const { manifest, plan } = await planFromDirs(flags.positionals);
    const merged = await withOutputDir("--out", out ?? "standard output", async () => {
      const writer = new MergedSweepWriter(manifest, out);
      try {
        return await collectSweep(flags.positionals, (record) => writer.add(record));
      } finally {
        writer.close();
      }
    });
    const planned = plan.spec.trials * plan.cells.length;
    console.error(
      `merged ${flags.positionals.length} directories: ${merged.trials}/${planned} trials, ${merged.duplicates} duplicates dropped${merged.tornBytes > 0 ? `, ${merged.tornBytes} bytes of torn lines ignored` : ""}${out ? ` -> ${out}` : ""}`,
    );
    return 0;
  },
};
