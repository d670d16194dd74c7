/**
 * The Spurious-minima view's computation: the Safran–Shamir experiment on one (k, n) cell, run as
 * `minima fc probability` runs it, so the lab's numbers equal the command's for the same settings
 * and seed. The cell's spec is the fc trial's one validator applied to the view's fields; trial t
 * is runFcTrial(spec, Rng.fromSeed(seed, streamKey, t)), the stream key being the 52-bit hash of
 * the canonical resolved spec (src/sweep/canonical.ts), as the sweep engine keys any cell; the
 * families are the fc sweep model's grouping of all runs in trial order, as in the command's
 * summary. Trials are shared out among workers; the families are one more call once all have run.
 */
import type { FcFamily } from "../../src/experiments/fc/families.js";
import { type FcTrialSpec, validateFcTrialSpec } from "../../src/experiments/fc/spec.js";
import { type FcTrialResult, runFcTrial } from "../../src/experiments/fc/trial.js";
import { Rng } from "../../src/math/rng.js";
import { type ProportionEstimate, wilsonInterval } from "../../src/math/stats.js";
import { streamKeyOf } from "../../src/sweep/canonical.js";
import type { TrialResult } from "../../src/sweep/model.js";
import fcSweepModel from "../../src/sweep/models/fc.js";
import type { SpuriousState } from "../state.js";
import type { ProgressFn } from "./progress.js";

/** One run: its trial index and the trial's result (the end point only in final results). */
export interface SpuriousRun {
  readonly trial: number;
  readonly outcome: string;
  readonly loss: number | null;
  readonly gradMax?: number | null;
  readonly steps?: number;
  readonly end?: readonly number[];
}

export interface SpuriousRunsArgs {
  readonly state: SpuriousState;
  /** The trial indices this worker runs. */
  readonly trials: readonly number[];
}

export interface SpuriousFamiliesArgs {
  readonly state: SpuriousState;
  readonly runs: readonly SpuriousRun[];
}

/** The student's width for the state: k, k + 1, or the free value. */
export function studentWidth(s: SpuriousState): number {
  return s.nMode === "equal" ? s.k : s.nMode === "plus-one" ? s.k + 1 : s.n;
}

/** The raw fc trial fields the view sets (the rest are the protocol's defaults). */
export function spuriousRawSpec(s: SpuriousState): Record<string, unknown> {
  return {
    n: studentWidth(s),
    k: s.k,
    d: s.k,
    init: s.init,
    ...(s.init === "normal" ? { initStd: s.initStd } : {}),
    eta: s.eta,
  };
}

export function spuriousSpec(s: SpuriousState): FcTrialSpec {
  return validateFcTrialSpec(spuriousRawSpec(s));
}

/** The sweep engine's stream key of the cell, so the lab draws the same starts as `minima fc probability`. */
export function spuriousStreamKey(spec: FcTrialSpec): number {
  return streamKeyOf(fcSweepModel.name, spec);
}

function runOf(trial: number, r: FcTrialResult): SpuriousRun {
  return {
    trial,
    outcome: r.outcome,
    loss: r.loss,
    gradMax: r.gradMax,
    steps: r.steps,
    end: r.end,
  };
}

/**
 * The runs of the given trial indices. Progress carries the runs so far without their end points
 * (small enough to post many times a second); the final result has them.
 */
export function spuriousRuns(args: SpuriousRunsArgs, progress: ProgressFn): SpuriousRun[] {
  const spec = spuriousSpec(args.state);
  const key = spuriousStreamKey(spec);
  const runs: SpuriousRun[] = [];
  const light: SpuriousRun[] = [];
  for (const t of args.trials) {
    const run = runOf(t, runFcTrial(spec, Rng.fromSeed(args.state.seed, key, t)));
    runs.push(run);
    light.push({ trial: t, outcome: run.outcome, loss: run.loss });
    // the worker posts (and so copies) at most every 40 ms; passing the live list costs nothing
    progress({ done: runs.length, total: args.trials.length, partial: light });
  }
  return runs;
}

/** Runs from several workers as one list in trial order (the order the command's summary uses). */
export function mergeRuns(parts: readonly (readonly SpuriousRun[] | undefined)[]): SpuriousRun[] {
  return parts.flatMap((p) => p ?? []).sort((a, b) => a.trial - b.trial);
}

/** The families of all runs' end points, grouped by the fc sweep model as in the command's summary. */
export function spuriousFamilies(args: SpuriousFamiliesArgs): FcFamily[] {
  const spec = spuriousSpec(args.state);
  const records = [...args.runs].sort((a, b) => a.trial - b.trial) as unknown as TrialResult[];
  return (fcSweepModel.families?.(records, spec) ?? []) as unknown as FcFamily[];
}

/** Whether any run ended where families are formed (away from the global minimum). */
export function hasFamilies(runs: readonly SpuriousRun[]): boolean {
  return runs.some((r) => r.outcome === "spurious" || r.outcome === "saddle");
}

/** Every outcome's count with its Wilson 95% interval, in the command's order. */
export function spuriousOutcomes(runs: readonly SpuriousRun[]): Record<string, ProportionEstimate> {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const names = [...fcSweepModel.outcomes];
  for (const name of counts.keys()) if (!names.includes(name)) names.push(name);
  return Object.fromEntries(names.map((o) => [o, wilsonInterval(counts.get(o) ?? 0, runs.length)]));
}

/** What a family says about its proof: proven (with the radius), not proven (with the reason), or nothing yet. */
export interface FamilyProof {
  readonly state: "proven" | "not proven" | "absent";
  readonly radius?: number;
  /** What was proven to lie within the radius ("minimum", "saddle"), when the library says. */
  readonly kind?: string;
  readonly reason?: string;
}

/** Reads `certified`, `radius`, `provenKind` and `reason` from the family itself or from a `proof` object on it. */
export function familyProof(f: FcFamily): FamilyProof {
  const nested = (f as unknown as { proof?: unknown }).proof;
  const source = (nested !== null && typeof nested === "object" ? nested : f) as Record<string, unknown>;
  const { certified, radius, provenKind, reason } = source;
  if (typeof certified !== "boolean") return { state: "absent" };
  const r = typeof radius === "number" && Number.isFinite(radius) ? radius : undefined;
  const kind = typeof provenKind === "string" ? provenKind : undefined;
  const why = typeof reason === "string" ? reason : undefined;
  return certified ? { state: "proven", radius: r, kind, reason: why } : { state: "not proven", reason: why };
}

/**
 * P(a run ends at a proven spurious minimum), from the spurious families that carry a proof; undefined
 * when no family carries the proof fields (they are not computed yet) or there are no runs.
 */
export function provenSpuriousShare(
  families: readonly FcFamily[],
  runs: number,
): ProportionEstimate | undefined {
  const spurious = families.filter((f) => f.outcome === "spurious");
  if (runs === 0 || spurious.length === 0 || spurious.some((f) => familyProof(f).state === "absent"))
    return undefined;
  const proven = spurious.filter((f) => familyProof(f).state === "proven").reduce((s, f) => s + f.count, 0);
  return wilsonInterval(proven, runs);
}
