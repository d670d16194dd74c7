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

export function summariseSweep(plan: SweepPlan, records: readonly TrialRecord[]): SweepSummary {
  const { model, spec } = plan;
  const outcomeNames = [...model.outcomes];
  for (const r of records) if (!outcomeNames.includes(r.outcome)) outcomeNames.push(r.outcome);
  const byCell: TrialRecord[][] = plan.cells.map(() => []);
  for (const r of records) byCell[r.cell]?.push(r);
  const cells = plan.cells.map((cell): CellSummary => {
    const rows = byCell[cell.index].slice().sort((a, b) => a.trial - b.trial);
    const n = rows.length;
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
    const outcomes = Object.fromEntries(outcomeNames.map((o) => [o, wilsonInterval(counts.get(o) ?? 0, n)]));
    const single = outcomes[model.success];
    const restarts = spec.restarts.map((m) => restartSummary(rows, m, model.success, single));
    const theory = (model.theory?.(cell.params) ?? []).map((claim): TheoryCheck => {
      const measured = outcomes[claim.outcome] ?? wilsonInterval(0, n);
      return { ...claim, measured, consistent: n > 0 && isConsistent(claim.relation, claim.value, measured) };
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
    if (!model.families) return summary;
    return { ...summary, families: model.families(rows as unknown as TrialResult[], cell.params) };
  });
  return {
    model: model.name,
    success: model.success,
    outcomes: outcomeNames,
    trials: records.length,
    planned: spec.trials * plan.cells.length,
    cells,
  };
}

function restartSummary(
  rows: readonly TrialRecord[],
  m: number,
  success: string,
  single: ProportionEstimate,
): RestartSummary {
  const present = new Map(rows.map((r) => [r.trial, r.outcome === success]));
  const maxTrial = rows.length > 0 ? rows[rows.length - 1].trial : -1;
  let blocks = 0;
  let successes = 0;
  for (let start = 0; start + m - 1 <= maxTrial; start += m) {
    let complete = true;
    let any = false;
    for (let t = start; t < start + m; t++) {
      const s = present.get(t);
      if (s === undefined) complete = false;
      else if (s) any = true;
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
