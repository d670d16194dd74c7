/**
 * What `cnn probability` and `fc probability` share: plan the one-cell sweep (errors renamed to the
 * command's flags), take --workers, run the cell in memory with a progress display, and return the
 * plan with the cell's summary; and the table of outcomes both print.
 */
import { Progress } from "../io/progress.js";
import { formatShare, proportionDecimals } from "../math/proportion-text.js";
import type { ProportionEstimate } from "../math/stats.js";
import { runOneCell } from "../sweep/one-cell.js";
import { planSweep, type SweepPlan } from "../sweep/plan.js";
import { defaultWorkers } from "../sweep/pool.js";
import type { SweepSpec } from "../sweep/spec.js";
import type { CellSummary } from "../sweep/summary.js";
import { intFlag, type ParsedFlags } from "./flags.js";

export async function runProbabilityCell(
  spec: SweepSpec,
  flags: ParsedFlags,
  options: { readonly flagError: (error: unknown) => unknown; readonly progressFrom?: number },
): Promise<{ plan: SweepPlan; cell: CellSummary }> {
  let plan: SweepPlan;
  try {
    plan = await planSweep(spec, process.cwd());
  } catch (error) {
    throw options.flagError(error);
  }
  const trials = spec.trials;
  const workers = intFlag(flags, "workers", {
    default: Math.min(defaultWorkers(), trials),
    min: 1,
    max: 1024,
  });
  const progress =
    trials >= (options.progressFrom ?? 0) ? new Progress({ total: trials, label: "trials" }) : undefined;
  const cell = await runOneCell(plan, trials, { workers, onProgress: (done) => progress?.update(done) });
  progress?.finish();
  return { plan, cell };
}

/**
 * The outcomes as a table under a header: count, p and its Wilson 95% interval, at least four
 * decimals and more where an end would otherwise read as p (math/proportion-text.ts).
 */
export function outcomeTable(outcomes: Readonly<Record<string, ProportionEstimate>>): string[] {
  const rows = Object.entries(outcomes);
  const d = Math.max(4, ...rows.map(([, e]) => proportionDecimals(e, 4)));
  const share = (x: number) => formatShare(x, d);
  const width = d + 2;
  return [
    `  ${"outcome".padEnd(12)} ${"count".padStart(7)}  ${"p".padEnd(width)}  95% interval`,
    ...rows.map(
      ([name, e]) =>
        `  ${name.padEnd(12)} ${String(e.count).padStart(7)}  ${share(e.p).padEnd(width)}  [${share(e.lo)}, ${share(e.hi)}]`,
    ),
  ];
}
