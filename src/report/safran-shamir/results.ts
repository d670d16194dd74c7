/**
 * Safran & Shamir (2018), computed as plain data: per (k, n) the outcomes of GD runs under the
 * protocol with Wilson intervals, the families of non-global end points modulo the symmetries (their
 * loss, Hessian index, λ_min, symmetry and proof), the share of runs ending at a proven spurious
 * minimum, and the authors' released numbers for the same cell.
 * The trials run on the sweep worker pool as the sweep of examples/sweeps/safran-shamir.json would
 * (compute/cells.ts).
 */
import type { FcTrialSpec } from "../../experiments/fc/spec.js";
import { type ProportionEstimate, wilsonInterval } from "../../math/stats.js";
import type { ReportSettings } from "../settings.js";
import { runSafranShamir, ssSizes } from "./compute/cells.js";
import { fisherExactTwoSided } from "./compute/stats.js";
import { RELEASED_MISSING, RELEASED_RUNS, type ReleasedCell, releasedCell } from "./released.js";

export interface SsFamily {
  readonly outcome: string;
  readonly count: number;
  readonly loss: number;
  readonly kLoss: number;
  readonly index: number;
  readonly lambdaMin: number;
  /** Orbits of the teacher's units under the family's symmetry, largest first ([k − 1, 1]: one special unit). */
  readonly orbits: readonly number[];
  readonly gradMax: number;
  /** A true critical point is proven near the family's (Newton-polished) member (docs/proofs.md). */
  readonly certified?: boolean;
  /** The kind proven ("strict-local-min", "saddle"), its radius and λ_min's lower bound; null when not certified. */
  readonly provenKind?: string | null;
  readonly radius?: number | null;
  readonly lambdaMinLower?: number | null;
}

export interface SsCounts {
  readonly global: number;
  readonly spurious: number;
  readonly saddle: number;
  readonly unconverged: number;
  readonly diverged: number;
}

export interface SsCell {
  readonly k: number;
  readonly n: number;
  readonly excess: number;
  /** The sweep stream key of the cell (trial t starts from Rng.fromSeed(seed, streamKey, t)). */
  readonly streamKey: number;
  readonly runs: number;
  readonly counts: SsCounts;
  /** Runs ending at J ≥ 10⁻³ (spurious, saddle, or unconverged there). */
  readonly nonGlobalRuns: number;
  readonly spurious: ProportionEstimate;
  readonly saddle: ProportionEstimate;
  readonly nonGlobal: ProportionEstimate;
  /** Families of spurious and saddle end points, most frequent first. */
  readonly families: readonly SsFamily[];
  /** The most frequent spurious family, with its canonical representative (row-major n × d). */
  readonly top?: SsFamily & { readonly representative: readonly number[] };
  /** Run-weighted mean λ_min over the spurious runs (null without any). */
  readonly meanLambdaMin: number | null;
  /** Run-weighted mean J over the spurious runs (null without any). */
  readonly meanLoss: number | null;
  /** Runs in spurious families proven to be strict local minima, and their share. */
  readonly provenSpuriousRuns: number;
  readonly provenSpurious: ProportionEstimate;
  /** Spurious families without a proof. */
  readonly unprovenFamilies: number;
  /** The largest proof radius over the cell's proven spurious families (null without any). */
  readonly maxRadius: number | null;
  /** Run-weighted mean of the proven lower bound on λ_min over the proven spurious runs (null without any). */
  readonly meanLambdaMinLower: number | null;
  /** The authors' released numbers for this cell, if a result file exists. */
  readonly released?: ReleasedCell;
  /** The experiment ran this cell but released no result file for it. */
  readonly releasedMissing: boolean;
  /** The released share of spurious (verified) runs with its Wilson interval over 1000 runs. */
  readonly releasedSpurious?: ProportionEstimate;
  /** Two-sided Fisher exact test of measured spurious vs released verified counts. */
  readonly fisherP?: number;
}

export interface SafranShamirResults {
  readonly seed: number;
  readonly sizes: string;
  readonly cells: readonly SsCell[];
}

const num = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);

export async function computeSafranShamir(settings: ReportSettings): Promise<SafranShamirResults> {
  const sizes = ssSizes(settings.size);
  const { progress } = settings;
  const run = await runSafranShamir(sizes, settings, (label, total) => {
    progress.step(label, total);
    return (done) => progress.advance(done);
  });
  progress.finish();
  const cells = run.plan.cells.map((planned, i): SsCell => {
    const spec = planned.params as FcTrialSpec;
    const summary = run.summary.cells[i];
    const records = run.records.filter((r) => r.cell === i);
    const runs = records.length;
    const count = (o: string) => summary.outcomes[o]?.count ?? 0;
    const counts: SsCounts = {
      global: count("global"),
      spurious: count("spurious"),
      saddle: count("saddle"),
      unconverged: count("unconverged"),
      diverged: count("diverged"),
    };
    const nonGlobalRuns = records.filter(
      (r) => typeof r.loss === "number" && r.loss >= spec.globalLoss,
    ).length;
    const raw = summary.families ?? [];
    const families = raw.map(
      (f): SsFamily => ({
        outcome: String(f.outcome),
        count: f.count,
        loss: num(f.loss),
        kLoss: num(f.kLoss),
        index: num(f.index),
        lambdaMin: num(f.lambdaMin),
        orbits: (f.orbits as readonly number[]) ?? [],
        gradMax: num(f.gradMax),
        certified: f.certified === true,
        provenKind: typeof f.provenKind === "string" ? f.provenKind : null,
        radius: typeof f.radius === "number" ? f.radius : null,
        lambdaMinLower: typeof f.lambdaMinLower === "number" ? f.lambdaMinLower : null,
      }),
    );
    const spuriousFamilies = families.filter((f) => f.outcome === "spurious");
    const topIndex = raw.findIndex((f) => f.outcome === "spurious");
    const spuriousRuns = spuriousFamilies.reduce((s, f) => s + f.count, 0);
    const weighted = (pick: (f: SsFamily) => number) =>
      spuriousRuns === 0 ? null : spuriousFamilies.reduce((s, f) => s + f.count * pick(f), 0) / spuriousRuns;
    const proven = spuriousFamilies.filter((f) => f.certified && f.provenKind === "strict-local-min");
    const provenSpuriousRuns = proven.reduce((s, f) => s + f.count, 0);
    const released = releasedCell(spec.k, spec.n);
    const releasedSpurious = released ? wilsonInterval(released.verified, RELEASED_RUNS) : undefined;
    return {
      k: spec.k,
      n: spec.n,
      excess: spec.n - spec.k,
      streamKey: planned.streamKey,
      runs,
      counts,
      nonGlobalRuns,
      spurious: wilsonInterval(counts.spurious, runs),
      saddle: wilsonInterval(counts.saddle, runs),
      nonGlobal: wilsonInterval(nonGlobalRuns, runs),
      families,
      top:
        topIndex < 0
          ? undefined
          : { ...families[topIndex], representative: raw[topIndex].representative as readonly number[] },
      meanLambdaMin: weighted((f) => f.lambdaMin),
      meanLoss: weighted((f) => f.loss),
      provenSpuriousRuns,
      provenSpurious: wilsonInterval(provenSpuriousRuns, runs),
      unprovenFamilies: spuriousFamilies.length - proven.length,
      maxRadius: proven.length === 0 ? null : Math.max(...proven.map((f) => f.radius as number)),
      meanLambdaMinLower:
        provenSpuriousRuns === 0
          ? null
          : proven.reduce((s, f) => s + f.count * (f.lambdaMinLower as number), 0) / provenSpuriousRuns,
      released,
      releasedMissing: RELEASED_MISSING.some((m) => m.k === spec.k && m.n === spec.n),
      releasedSpurious,
      fisherP: released
        ? fisherExactTwoSided(counts.spurious, runs, released.verified, RELEASED_RUNS)
        : undefined,
    };
  });
  return { seed: settings.seed, sizes: sizes.text, cells };
}
