/**
 * What `cnn probability` and `fc probability` share: plan the one-cell sweep (errors renamed to the
 * command's flags), take --workers, run the cell in memory with a progress display, and return the
 * plan with the cell's summary.
 */
import { Progress } from "../io/progress.js";
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
