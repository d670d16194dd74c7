/**
 * Summaries of a sweep's trials, per cell: the count and Wilson 95% interval of every outcome;
 * for restarts, P(at least one of m trials succeeds) measured on consecutive m-blocks of trials
 * and predicted as 1 − (1 − p)^m from the single-trial estimate (its interval mapped through the
 * same monotone function); and the model's theory beside the measurement.
 */
import { atLeastOneOf, type ProportionEstimate, wilsonInterval } from "../math/stats.js";
import type { TrialFamily, TrialResult } from "./model.js";
import type { SweepPlan } from "./plan.js";
import type { Scalar } from "./spec.js";
import type { TrialRecord } from "./trial.js";

export interface RestartSummary {
  readonly m: number;
  /** Blocks of trials [jm, (j+1)m) that are complete; success if any trial in the block succeeded. */
  readonly measured: ProportionEstimate;
  readonly predicted: { readonly p: number; readonly lo: number; readonly hi: number };
}

export interface TheoryCheck {
  readonly outcome: string;
  readonly relation: "=" | ">=" | "<=";
  readonly value: number;
  readonly source: string;
  readonly measured: ProportionEstimate;
  /** Whether the 95% interval is consistent with the claim. */
  readonly consistent: boolean;
}

export interface CellSummary {
  readonly cell: number;
  readonly axes: Readonly<Record<string, Scalar>>;
  readonly trials: number;
  readonly planned: number;
  readonly outcomes: Readonly<Record<string, ProportionEstimate>>;
  readonly restarts: readonly RestartSummary[];
  readonly theory: readonly TheoryCheck[];
  /** The model's families of end points in this cell, for models that group them. */
  readonly families?: readonly TrialFamily[];
}

export interface SweepSummary {
  readonly model: string;
  readonly success: string;
  readonly outcomes: readonly string[];
  readonly trials: number;
  readonly planned: number;
  readonly cells: readonly CellSummary[];
}

/**
 * A summary built one record at a time, in memory bounded by the plan: per cell the outcome counts
 * and one byte per planned trial (for the restart blocks); only models that group end points
 * (`families`) keep their cells' records, which the grouping needs.
 */
export class SweepSummaryBuilder {
  private readonly counts: Map<string, number>[];
  /** Per cell and trial: 0 not present, 1 present, 2 present and a success. */
  private readonly status: Uint8Array[];
  private readonly kept: TrialRecord[][] | undefined;
  private readonly extraOutcomes: string[] = [];
  private total = 0;

  constructor(private readonly plan: SweepPlan) {
    this.counts = plan.cells.map(() => new Map());
    this.status = plan.cells.map(() => new Uint8Array(plan.spec.trials));
    this.kept = plan.model.families ? plan.cells.map(() => []) : undefined;
  }

  add(record: TrialRecord): void {
    const counts = this.counts[record.cell];
    counts.set(record.outcome, (counts.get(record.outcome) ?? 0) + 1);
    this.status[record.cell][record.trial] = record.outcome === this.plan.model.success ? 2 : 1;
    if (!this.plan.model.outcomes.includes(record.outcome) && !this.extraOutcomes.includes(record.outcome))
      this.extraOutcomes.push(record.outcome);
    this.kept?.[record.cell].push(record);
    this.total++;
  }

  finish(): SweepSummary {
    const { model, spec } = this.plan;
    const outcomeNames = [...model.outcomes, ...this.extraOutcomes];
    const cells = this.plan.cells.map((cell): CellSummary => {
      const counts = this.counts[cell.index];
      let n = 0;
      for (const c of counts.values()) n += c;
      const outcomes = Object.fromEntries(
        outcomeNames.map((o) => [o, wilsonInterval(counts.get(o) ?? 0, n)]),
      );
      const single = outcomes[model.success];
      const restarts = spec.restarts.map((m) => restartSummary(this.status[cell.index], m, single));
      const theory = (model.theory?.(cell.params) ?? []).map((claim): TheoryCheck => {
        const measured = outcomes[claim.outcome] ?? wilsonInterval(0, n);
        // No trials: nothing measured, so nothing contradicts the claim.
        return {
          ...claim,
          measured,
          consistent: n === 0 || isConsistent(claim.relation, claim.value, measured),
        };
      });
      const summary = {
        cell: cell.index,
        axes: cell.axes,
        trials: n,
        planned: spec.trials,
        outcomes,
        restarts,
        theory,
      };
      const kept = this.kept?.[cell.index];
      if (!model.families || !kept) return summary;
      kept.sort((a, b) => a.trial - b.trial);
      return { ...summary, families: model.families(kept as unknown as TrialResult[], cell.params) };
    });
    return {
      model: model.name,
      success: model.success,
      outcomes: outcomeNames,
      trials: this.total,
      planned: spec.trials * this.plan.cells.length,
      cells,
    };
  }
}

/** The summary of records held in memory (the report, one-cell runs). */
export function summariseSweep(plan: SweepPlan, records: Iterable<TrialRecord>): SweepSummary {
  const builder = new SweepSummaryBuilder(plan);
  for (const r of records) builder.add(r);
  return builder.finish();
}

function restartSummary(status: Uint8Array, m: number, single: ProportionEstimate): RestartSummary {
  let maxTrial = -1;
  for (let t = status.length - 1; t >= 0; t--)
    if (status[t] !== 0) {
      maxTrial = t;
      break;
    }
  let blocks = 0;
  let successes = 0;
  for (let start = 0; start + m - 1 <= maxTrial; start += m) {
    let complete = true;
    let any = false;
    for (let t = start; t < start + m; t++) {
      if (status[t] === 0) complete = false;
      else if (status[t] === 2) any = true;
    }
    if (!complete) continue;
    blocks++;
    if (any) successes++;
  }
  return {
    m,
    measured: wilsonInterval(successes, blocks),
    predicted: {
      p: atLeastOneOf(single.p, m),
      lo: atLeastOneOf(single.lo, m),
      hi: atLeastOneOf(single.hi, m),
    },
  };
}

function isConsistent(relation: "=" | ">=" | "<=", value: number, ci: ProportionEstimate): boolean {
  if (relation === ">=") return ci.hi >= value;
  if (relation === "<=") return ci.lo <= value;
  return ci.lo <= value && value <= ci.hi;
}
