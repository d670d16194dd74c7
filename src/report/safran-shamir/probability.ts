/** Safran & Shamir (2018): P(spurious) per (k, n) beside the released percentages. */
import type { Figure } from "../../figures/figure.js";
import { intervalPlot } from "../../figures/interval-plot.js";
import type { TrendTest } from "../../math/trend.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import { proportionTrend, significantRise, TREND_LEVEL, trendText } from "../trend.js";
import type { ClaimSpec, SubsectionSpec, Table } from "../types.js";
import { cellName, commandsText, pct, protocolText } from "./common.js";
import { RELEASED_PROVENANCE, RELEASED_RUNS } from "./released.js";
import type { SafranShamirResults, SsCell } from "./results.js";

/** The level of each cell's test. */
export const CELL_LEVEL = 0.05;

export interface ProbabilityFacts {
  readonly cells: readonly SsCell[];
  /** Cells with a released result, compared by the Fisher exact test. */
  readonly compared: readonly SsCell[];
  readonly disagree: readonly SsCell[];
  /** ⌈5% of the compared cells⌉: the disagreements expected by chance at level 0.05. */
  readonly allowed: number;
  /** Cells run without a released result (no result file, or not in the released table). */
  readonly missing: readonly SsCell[];
  /** n = k cells by k, and significant drops of P(spurious) from one k to the next. */
  readonly square: readonly SsCell[];
  readonly drops: readonly string[];
  /** The one-sided trend test of a rise of P(spurious) with k at n = k (undefined with fewer than two cells). */
  readonly trend: TrendTest | undefined;
  /** Runs Minima calls spurious, and those in families proven to be strict local minima. */
  readonly spuriousRuns: number;
  readonly provenRuns: number;
  /** Cells with spurious families that have no proof. */
  readonly unproven: readonly SsCell[];
  /** The largest proof radius over all proven spurious families (null without any). */
  readonly maxRadius: number | null;
}

export function probabilityFacts(r: SafranShamirResults): ProbabilityFacts {
  const compared = r.cells.filter((c) => c.released !== undefined && c.fisherP !== undefined);
  const square = r.cells.filter((c) => c.excess === 0).sort((a, b) => a.k - b.k);
  const drops: string[] = [];
  for (let i = 1; i < square.length; i++)
    if (square[i].spurious.hi < square[i - 1].spurious.lo)
      drops.push(`${cellName(square[i - 1])}→${cellName(square[i])}`);
  return {
    cells: r.cells,
    compared,
    disagree: compared.filter((c) => (c.fisherP as number) < CELL_LEVEL),
    allowed: Math.ceil(0.05 * compared.length),
    missing: r.cells.filter((c) => c.released === undefined),
    square,
    drops,
    trend:
      square.length >= 2
        ? proportionTrend(square.map((c) => ({ score: c.k, estimate: c.spurious })))
        : undefined,
    spuriousRuns: r.cells.reduce((s, c) => s + c.counts.spurious, 0),
    provenRuns: r.cells.reduce((s, c) => s + c.provenSpuriousRuns, 0),
    unproven: r.cells.filter((c) => c.unprovenFamilies > 0),
    maxRadius: r.cells.reduce<number | null>(
      (m, c) => (c.maxRadius === null ? m : Math.max(m ?? 0, c.maxRadius)),
      null,
    ),
  };
}

const released = (c: SsCell) =>
  c.released ? `${((100 * c.released.verified) / RELEASED_RUNS).toFixed(1)}%` : "not released";

export const probabilityClaims: readonly ClaimSpec<ProbabilityFacts>[] = [
  {
    id: "ss-p-spurious",
    statement: `P(GD ends at a spurious local minimum) per (k, n), 1000 runs per cell, counting runs in families verified as local minima: 0.3% at (6, 6), 12.6% at (8, 8), 34.6% at (10, 10), 80.3% at (15, 15), 94.0% at (20, 20); at n = k + 1 0.1% at (8, 9) rising to 49.1% at (19, 20). These are external data, ${RELEASED_PROVENANCE}.`,
    provenance: "released",
    measured: (f) =>
      `${f.compared.map((c) => `${cellName(c)} ${pct(c.spurious)} of ${c.runs} vs ${released(c)} (p = ${fmt(c.fisherP as number, 2)})`).join("; ")}.` +
      (f.missing.length > 0
        ? ` Not compared (no released result): ${f.missing.map((c) => `${cellName(c)} ${pct(c.spurious)}${c.releasedMissing ? " (no result file)" : ""}`).join(", ")}.`
        : "") +
      ` ${f.disagree.length} of ${f.compared.length} cells disagree at the 5% level${f.disagree.length > 0 ? `: ${f.disagree.map(cellName).join(", ")}` : ""} (at most ${f.allowed} expected by chance).`,
    verdict: {
      test: "for each cell with a released result, a two-sided Fisher exact test of the measured spurious count (of the cell's runs) against the released verified count (of 1000) at level 0.05; agrees when at most ⌈5% of the compared cells⌉ disagree (the number expected by chance), else differs; not comparable without a compared cell. Cells without a released result file are listed, not compared",
      decide: (f) =>
        f.compared.length === 0 ? "not comparable" : f.disagree.length <= f.allowed ? "agrees" : "differs",
    },
    why: (f) => {
      const notes: string[] = [];
      if (f.disagree.length > f.allowed)
        notes.push(
          `the disagreeing cells are ${f.disagree.map((c) => `${cellName(c)} (measured ${pct(c.spurious)}, released ${released(c)})`).join(", ")}`,
        );
      const unverified = f.compared.filter((c) => c.released && c.released.nonGlobal > c.released.verified);
      if (unverified.length > 0)
        notes.push(
          `in ${unverified.map((c) => `${cellName(c)} (${(c.released?.nonGlobal ?? 0) - (c.released?.verified ?? 0)} runs)`).join(", ")} some released non-global runs were not verified; Minima counts every end point with a positive definite Hessian as spurious`,
        );
      notes.push(
        "the released runs used MATLAB's generator, so only the statistics can be compared, each cell's with its own binomial error on both sides",
      );
      return notes.join("; ");
    },
  },
  {
    id: "ss-common",
    statement:
      "Spurious local minima are common (the paper's title): at n = k the probability that GD ends at one grows with k, from 0.3% at k = 6 to 94.0% at k = 20 in the released results.",
    provenance: "released",
    measured: (f) =>
      `n = k: ${f.square.map((c) => `k=${c.k} ${pct(c.spurious)}`).join("; ")}.` +
      (f.trend ? ` Rise with k: ${trendText(f.trend)}.` : "") +
      (f.drops.length > 0
        ? ` Significant drops: ${f.drops.join(", ")}.`
        : " No significant drop between neighbours."),
    verdict: {
      test: `at n = k: agrees when P(spurious) rises with k by a one-sided Cochran–Armitage trend test at level ${TREND_LEVEL} and no cell's 95% Wilson interval lies wholly below that of the cell at the next smaller k; partly agrees when the rise is significant but some neighbour drops; else differs`,
      decide: (f) =>
        f.trend !== undefined && significantRise(f.trend)
          ? f.drops.length === 0
            ? "agrees"
            : "partly agrees"
          : "differs",
    },
    applies: (f) => f.square.length >= 2,
  },
];

/** The proof claim's measured text: per cell the proven share beside the spurious one, and the radii. */
function provenText(f: ProbabilityFacts): string {
  const cells = f.cells.filter((c) => c.counts.spurious > 0);
  if (cells.length === 0) return "No spurious run.";
  return (
    `${f.provenRuns} of ${f.spuriousRuns} spurious runs end in families proven to be strict local minima; per cell (proven vs spurious): ${cells.map((c) => `${cellName(c)} ${pct(c.provenSpurious)} vs ${pct(c.spurious)}`).join("; ")}.` +
    (f.maxRadius !== null
      ? ` Largest proof radius ${fmt(f.maxRadius, 2)} (about the Newton-polished member).`
      : "") +
    (f.unproven.length > 0
      ? ` Spurious families without a proof: ${f.unproven.map((c) => `${cellName(c)} ${c.unprovenFamilies}`).join(", ")}.`
      : "")
  );
}

export const provenClaim: ClaimSpec<ProbabilityFacts> = {
  id: "ss-proven",
  statement: `The spurious minima are proven, not only observed: a computer-assisted proof puts a true local minimum near each family the authors count, and the released % spurious counts those verified runs only. External data, ${RELEASED_PROVENANCE}.`,
  provenance: "released",
  measured: provenText,
  verdict: {
    test: "Minima proves each spurious family by Newton–Kantorovich at its Newton-polished member (docs/proofs.md). Agrees when every run Minima calls spurious ends in a family proven to be a strict local minimum; partly agrees when at least 95% of them do; differs otherwise; not comparable without a spurious run",
    decide: (f) =>
      f.spuriousRuns === 0
        ? "not comparable"
        : f.provenRuns === f.spuriousRuns
          ? "agrees"
          : f.provenRuns >= 0.95 * f.spuriousRuns
            ? "partly agrees"
            : "differs",
  },
  why: () =>
    "Minima's proof is rigorous in its mathematics and its eigenvalue bounds, but the rounding errors of the loss's gradient and Hessian formulas are estimated (with a wide margin), not proven; the authors' proof is a different one (a λ_min lower bound and a third-derivative bound)",
};

function probabilityFigure(r: SafranShamirResults): Figure {
  const groups = [0, 1].flatMap((excess) => {
    const cells = r.cells.filter((c) => c.excess === excess).sort((a, b) => a.k - b.k);
    if (cells.length === 0) return [];
    const name = excess === 0 ? "n = k" : "n = k + 1";
    const withReleased = cells.filter((c) => c.releasedSpurious !== undefined);
    return [
      {
        label: `Minima, ${name}`,
        connect: true,
        estimates: cells.map((c) => ({
          x: c.k,
          estimate: c.spurious.p,
          low: c.spurious.lo,
          high: c.spurious.hi,
        })),
      },
      {
        label: `released, ${name}`,
        estimates: withReleased.map((c) => {
          const e = c.releasedSpurious!;
          return { x: c.k, estimate: e.p, low: e.lo, high: e.hi };
        }),
      },
    ];
  });
  const ks = r.cells.map((c) => c.k);
  return intervalPlot({
    name: "ss-p-spurious",
    title: "Safran & Shamir: P(spurious) against k",
    caption: `The share of GD runs ending at a spurious local minimum, with 95% Wilson intervals: Minima's runs (${r.sizes}) beside the authors' released results (1000 runs per cell, verified minima; their intervals are the released runs' own binomial error). Cells without a released result file show no released point. Spurious minima become common as k grows at n = k; one extra unit (n = k + 1) makes them rarer.`,
    x: { label: "teacher units k (d = k)", domain: [Math.min(...ks) - 0.5, Math.max(...ks) + 0.5] },
    y: { label: "P(spurious)", domain: [0, 1.02] },
    dodge: 0.12,
    groups,
  });
}

function probabilityTable(r: SafranShamirResults): Table {
  return {
    id: "ss-p-spurious",
    caption:
      "P(spurious), P(proven spurious: the run's family is proven to be a strict local minimum, docs/proofs.md) and P(non-global: J ≥ 10⁻³ at the end) per cell with 95% Wilson intervals, beside the authors' released results (verified spurious runs and all non-global runs, of 1000); p: two-sided Fisher exact test of the spurious counts",
    columns: [
      "k",
      "n",
      "runs",
      "P(spurious)",
      "P(proven spurious)",
      "released P(spurious)",
      "Fisher p",
      "agrees at 5%",
      "P(non-global)",
      "released non-global",
    ],
    rows: r.cells.map((c) => [
      c.k,
      c.n,
      c.runs,
      pct(c.spurious),
      pct(c.provenSpurious),
      c.releasedSpurious ? pct(c.releasedSpurious) : c.releasedMissing ? "no result file" : "not released",
      c.fisherP === undefined ? "–" : fmt(c.fisherP, 2),
      c.fisherP === undefined ? "–" : c.fisherP >= 0.05 ? "yes" : "no",
      pct(c.nonGlobal),
      c.released ? `${c.released.nonGlobal} of ${RELEASED_RUNS}` : "–",
    ]),
  };
}

export const probability: SubsectionSpec<SafranShamirResults> = {
  id: "probability",
  title: "P(spurious) per (k, n)",
  method: (r) => `${protocolText(r)} ${commandsText(r)}`,
  claims: (r) => evaluateClaims([...probabilityClaims, provenClaim], probabilityFacts(r)),
  tables: (r) => [probabilityTable(r)],
  figures: (r) => [probabilityFigure(r)],
  data: (r) => ({
    cells: r.cells.map(({ families: _f, top: _t, ...rest }) => rest),
  }),
};
