/** `minima sweep summary DIR… [--json|--csv]`: outcome probabilities per cell with Wilson intervals, restarts, theory. */
import { InputError } from "../core/errors.js";
import { collectSweep, planFromDirs } from "../sweep/merge.js";
import { SweepSummaryBuilder } from "../sweep/summary.js";
import { familiesCsv, summaryCsv, summaryText } from "../sweep/summary-format.js";
import { summaryGridText } from "../sweep/summary-grid.js";
import type { Command } from "./command.js";
import { boolFlag, parseFlags } from "./flags.js";
import { printJson } from "./output.js";

export const sweepSummaryCommand: Command = {
  usage: [
    "Usage: minima sweep summary DIR... [--grid | --long | --json | --csv [--families]]",
    "",
    "A sweep over two axes (the CNN's k x ratio) prints as one table: rows the first axis, columns the",
    "second, each entry P(success) with its Wilson 95% interval, the theory checks summed up below.",
    "That is the default unless the model groups end points into families (fc), whose sweeps list",
    "cell by cell; --grid asks for the table, --long for the listing. For each cell: the count and probability of every outcome with a Wilson 95% interval; the",
    "probability that at least one of m restarts succeeds, measured on blocks of m consecutive trials",
    "and predicted as 1-(1-p)^m (m from the spec's restarts); and, where the theory gives numbers",
    "(CNN: P(global) >= 1/4; P(global) = 1/2 at ratio 0; P(spurious) = 0 past (k+pi-1)/pi), whether",
    "the measured interval agrees; for models that group end points (fc), the families of minima.",
    "Several DIRs (shards) are merged first. --csv --families writes the families table (one row per",
    "family and cell) instead of the cells table.",
  ].join("\n"),
  async run(argv) {
    const flags = parseFlags(
      argv,
      {
        json: { type: "boolean" },
        csv: { type: "boolean" },
        families: { type: "boolean" },
        long: { type: "boolean" },
        grid: { type: "boolean" },
      },
      Number.MAX_SAFE_INTEGER,
    );
    if (flags.positionals.length === 0) throw new InputError("DIR", "at least one sweep directory is needed");
    if (boolFlag(flags, "families") && !boolFlag(flags, "csv"))
      throw new InputError(
        "--families",
        "is for --csv (the JSON and the text summary hold the families already)",
      );
    if (boolFlag(flags, "json") && boolFlag(flags, "csv"))
      throw new InputError("--csv", "cannot be used with --json");
    for (const view of ["long", "grid"])
      if (boolFlag(flags, view) && (boolFlag(flags, "json") || boolFlag(flags, "csv")))
        throw new InputError(`--${view}`, "is for the text summary (not with --json or --csv)");
    if (boolFlag(flags, "long") && boolFlag(flags, "grid"))
      throw new InputError("--grid", "cannot be used with --long");
    const { plan } = await planFromDirs(flags.positionals);
    const builder = new SweepSummaryBuilder(plan);
    await collectSweep(flags.positionals, (record) => builder.add(record));
    const summary = builder.finish();
    if (boolFlag(flags, "json")) printJson(summary);
    else if (boolFlag(flags, "csv"))
      console.log(boolFlag(flags, "families") ? familiesCsv(summary) : summaryCsv(summary));
    else if (boolFlag(flags, "long")) console.log(summaryText(summary));
    else {
      const grid = summaryGridText(summary);
      if (boolFlag(flags, "grid") && grid === undefined)
        throw new InputError(
          "--grid",
          "needs a sweep whose grid has exactly two axes with more than one value",
        );
      const families = summary.cells.some((c) => c.families !== undefined);
      console.log(grid !== undefined && (boolFlag(flags, "grid") || !families) ? grid : summaryText(summary));
    }
    return 0;
  },
};
