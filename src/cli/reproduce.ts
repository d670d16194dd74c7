/**
 * `minima reproduce`: computes every reproduced result of the three papers and writes the report
 * (index.html, summary.md, results.json, figures/*.svg|png) into --out.
 */

import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { InputError } from "../core/errors.js";
import { silentProgress, streamProgress } from "../io/step-progress.js";
import { buildReport } from "../report/build.js";
import { reportSections } from "../report/sections.js";
import type { ReportSize } from "../report/types.js";
import { writeReport } from "../report/write.js";
import type { Command } from "./command.js";
import { boolFlag, intFlag, parseFlags, stringFlag } from "./flags.js";

const usage = `Usage: minima reproduce [--quick] [--out DIR] [--workers N] [--seed S] [--only IDS] [--quiet]

Reproduces the results of Du et al. (2018), Tian (2017), Ding, Li & Sun (2019) and Safran & Shamir (2018)
and writes a report:
  DIR/index.html     one self-contained page (figures inline, readable offline)
  DIR/summary.md     every claim: the paper's statement, Minima's measurement, agrees or differs
  DIR/results.json   every number shown
  DIR/figures/       each figure as SVG and PNG

Flags:
  --quick        small sizes for CI (under 3 minutes on 2 cores); default: the papers' sizes
  --smoke        tiny sizes for tests; the numbers are not meaningful
  --out DIR      output directory (default: report)
  --workers N    worker threads for the trial sweeps (default: all cores)
  --seed S       root seed of every random stream (default: 1)
  --only IDS     comma-separated sections to run: du, tian, ding, safran-shamir (default: all)
  --quiet        no progress output`;

export const reproduceCommand: Command = {
  usage,
  async run(argv) {
    const flags = parseFlags(argv, {
      quick: { type: "boolean" },
      smoke: { type: "boolean" },
      out: { type: "string" },
      workers: { type: "string" },
      seed: { type: "string" },
      only: { type: "string" },
      quiet: { type: "boolean" },
    });
    if (boolFlag(flags, "quick") && boolFlag(flags, "smoke"))
      throw new InputError("--smoke", "cannot be combined with --quick");
    const size: ReportSize = boolFlag(flags, "smoke") ? "smoke" : boolFlag(flags, "quick") ? "quick" : "full";
    const out = resolve(stringFlag(flags, "out", { default: "report" }));
    const workers = intFlag(flags, "workers", { default: availableParallelism(), min: 1, max: 256 });
    const seed = intFlag(flags, "seed", { default: 1, min: 0 });
    const known = reportSections.map((s) => s.id);
    const only = stringFlag(flags, "only", { default: known.join(",") })
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    for (const id of only) {
      if (!known.includes(id))
        throw new InputError("--only", `must list sections from ${known.join(", ")}`, id);
    }
    const progress = boolFlag(flags, "quiet") ? silentProgress : streamProgress();
    const started = Date.now();
    const report = await buildReport(
      reportSections.filter((s) => only.includes(s.id)),
      { size, seed, workers, progress },
      ["minima reproduce", ...argv].join(" "),
    );
    const { files } = writeReport(out, report, progress);
    const claims = report.sections.flatMap((s) => s.subsections.flatMap((sub) => sub.claims));
    const agree = claims.filter((c) => c.verdict === "agrees").length;
    const differ = claims.filter((c) => c.verdict === "differs").length;
    console.log(
      `report written to ${out}/index.html (${files.length} files, ${claims.length} claims: ${agree} agree, ` +
        `${differ} differ, ${claims.length - agree - differ} partly or not comparable) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  },
};
