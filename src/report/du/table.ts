/** Du et al. (2018), the success table over k and (1ᵀa*)²/‖a*‖²: claims, method, table and figures. */
import type { Figure } from "../../figures/figure.js";
import { heatMap } from "../../figures/heat-map.js";
import { intervalPlot } from "../../figures/interval-plot.js";
import { type ProportionEstimate, wilsonInterval } from "../../math/stats.js";
import { cochranArmitageStratified, type TrendTest } from "../../math/trend.js";
import { evaluateClaims } from "../claims.js";
import { fmt, fmtP, fmtProportion } from "../format.js";
import { proportionTrend, significantFall, significantRise, TREND_LEVEL, trendText } from "../trend.js";
import type { ClaimSpec, SubsectionSpec, Table } from "../types.js";
import { DU_KS, DU_RATIOS } from "./compute/cells.js";
import type { DuCell } from "./compute/table.js";
import type { DuResults } from "./results.js";

/** What the claims compare: the table's cells, pooled and picked. */
export interface TableFacts {
  readonly cells: readonly DuCell[];
  readonly at: (k: number, ratio: number) => DuCell;
  /** The cells at ratio 0, how many of their intervals contain 1/2, and the pooled numbers. */
  readonly zero: readonly DuCell[];
  readonly zeroOk: number;
  readonly zeroTrials: number;
  readonly zeroRule: number;
  readonly zeroPooled: ProportionEstimate;
  /** Cells above the threshold (no spurious minimum). */
  readonly above: readonly DuCell[];
  readonly aboveSpurious: number;
  readonly aboveTrials: number;
  readonly aboveGlobal: number;
  /** Cells below the threshold (the spurious minimum exists). */
  readonly below: readonly DuCell[];
  readonly belowWithSpurious: number;
  readonly belowWithout: readonly DuCell[];
  readonly minGlobal: DuCell;
  /** Good-quadrant starts (φ₀ < π/2, a₀ᵀa* > 0) over all cells, and how many ended global. */
  readonly good: { readonly n: number; readonly g: number };
  /** Significant drops of P(global) from one ratio to the next within a k. */
  readonly drops: readonly string[];
  /** Per k: the one-sided trend test of a rise of P(global) with the ratio. */
  readonly riseWithRatio: readonly { readonly k: number; readonly test: TrendTest }[];
  /** The fall of P(global) with k, stratified by ratio (ratios > 0: at 0 it is ½ for every k). */
  readonly fallWithK: TrendTest;
}

export function tableFacts(r: DuResults): TableFacts {
  const cells = r.cells;
  const at = (k: number, ratio: number) => cells.find((c) => c.k === k && c.ratio === ratio)!;
  const zero = cells.filter((c) => c.ratio === 0);
  const above = cells.filter((c) => !c.spuriousExists);
  const below = cells.filter((c) => c.spuriousExists);
  // monotone in the ratio within each k, allowing for sampling noise (a drop beyond both intervals counts)
  const drops: string[] = [];
  for (const k of DU_KS) {
    for (let i = 1; i < DU_RATIOS.length; i++) {
      const a = at(k, DU_RATIOS[i - 1]);
      const b = at(k, DU_RATIOS[i]);
      if (b.global.hi < a.global.lo) drops.push(`k=${k}: ${a.ratio}→${b.ratio}`);
    }
  }
  return {
    cells,
    at,
    zero,
    zeroOk: zero.filter((c) => c.global.lo <= 0.5 && c.global.hi >= 0.5).length,
    zeroTrials: zero.reduce((s, c) => s + c.counts.n, 0),
    zeroRule: zero.reduce((s, c) => s + c.zeroRatioRule, 0),
    zeroPooled: wilsonInterval(
      zero.reduce((s, c) => s + c.counts.global, 0),
      zero.reduce((s, c) => s + c.counts.n, 0),
    ),
    above,
    aboveSpurious: above.reduce((s, c) => s + c.counts.spurious, 0),
    aboveTrials: above.reduce((s, c) => s + c.counts.n, 0),
    aboveGlobal: above.reduce((s, c) => s + c.counts.global, 0),
    below,
    belowWithSpurious: below.filter((c) => c.counts.spurious > 0).length,
    belowWithout: below.filter((c) => c.counts.spurious === 0),
    minGlobal: cells.reduce((m, c) => (c.global.p < m.global.p ? c : m)),
    good: cells.reduce((s, c) => ({ n: s.n + c.goodQuadrant.n, g: s.g + c.goodQuadrant.global }), {
      n: 0,
      g: 0,
    }),
    drops,
    riseWithRatio: DU_KS.map((k) => ({
      k,
      test: proportionTrend(DU_RATIOS.map((ratio) => ({ score: ratio, estimate: at(k, ratio).global }))),
    })),
    fallWithK: cochranArmitageStratified(
      DU_RATIOS.filter((ratio) => ratio > 0).map((ratio) =>
        DU_KS.map((k) => ({ count: at(k, ratio).counts.global, n: at(k, ratio).counts.n, score: k })),
      ),
    ),
  };
}

export const tableClaims: readonly ClaimSpec<TableFacts>[] = [
  {
    id: "du-half-at-zero",
    statement:
      "With 1ᵀa* = 0 the initialisation gives a₀ = 0 and the run is global exactly when φ₀ < π/2, so P(global) = 1/2.",
    provenance: "derived",
    measured: (f) =>
      `Outcome global ⇔ φ₀ < π/2 in ${f.zeroRule} of ${f.zeroTrials} runs at ratio 0; pooled P(global) ${fmtProportion(f.zeroPooled)}; per k: ${f.zero.map((c) => `k=${c.k} ${fmtProportion(c.global)}`).join("; ")}.`,
    verdict: {
      test: "agrees when every run at ratio 0 is global exactly when φ₀ < π/2 and the pooled 95% Wilson interval of P(global) at ratio 0 contains 1/2; else differs",
      decide: (f) =>
        f.zeroRule === f.zeroTrials && f.zeroPooled.lo <= 0.5 && f.zeroPooled.hi >= 0.5
          ? "agrees"
          : "differs",
    },
    why: (f) =>
      f.zeroOk === f.zero.length
        ? undefined
        : `${f.zero.length - f.zeroOk} per-k interval(s) miss 1/2, as 95% intervals do by chance; the per-run rule is the exact check`,
  },
  {
    id: "du-quarter-bound",
    statement:
      "Random initialisation lands in the region of Theorem 4.1 with probability 1/4, so GD reaches the global minimum with probability ≥ 1/4 (Theorem 4.2).",
    provenance: "recalled",
    measured: (f) =>
      `Lowest P(global) in the table: ${fmtProportion(f.minGlobal.global)} (k=${f.minGlobal.k}, ratio ${f.minGlobal.ratio}). Good-quadrant starts (φ₀ < π/2, a₀ᵀa* > 0): ${f.good.g} of ${f.good.n} reached the global minimum.`,
    verdict: {
      test: "agrees when the upper end of the 95% Wilson interval of the lowest P(global) in the table is at least 1/4 and every good-quadrant start (φ₀ < π/2, a₀ᵀa* > 0) ended global; else differs",
      decide: (f) => (f.minGlobal.global.hi >= 0.25 && f.good.g === f.good.n ? "agrees" : "differs"),
    },
    why: "the bound is loose: about half of all starts succeed even at 1ᵀa* = 0, because φ₀ < π/2 alone suffices there",
  },
  {
    id: "du-spurious-exists",
    statement:
      "With constant probability the same procedure converges to the spurious local minimum (abstract).",
    provenance: "verified",
    measured: (f) =>
      `P(spurious) > 0 in ${f.belowWithSpurious} of ${f.below.length} cells below the threshold (k+π−1)/π; e.g. k=25, ratio 1: ${fmtProportion(f.at(25, 1).spurious)}.${
        f.belowWithout.length > 0
          ? ` No spurious run in ${f.belowWithout.map((c) => `(k=${c.k}, ratio ${c.ratio}, threshold ${fmt(c.threshold)})`).join(", ")}.`
          : ""
      }`,
    verdict: {
      test: "agrees when at least one run ended spurious in every cell below the threshold (k+π−1)/π; else partly agrees",
      decide: (f) => (f.belowWithSpurious === f.below.length ? "agrees" : "partly agrees"),
    },
    why: (f) =>
      f.belowWithSpurious === f.below.length
        ? undefined
        : "the minimum exists there, but its basin holds (almost) no random starts: the a-layer learns the common mode 1ᵀa* first and rescues bad-quadrant starts. Theorem 4.3 is recalled as needing extra conditions (e.g. (1ᵀa*)² small); its exact conditions are not known",
  },
  {
    id: "du-threshold",
    statement:
      "The spurious point is a local minimum exactly when $(\\mathbf{1}^\\top a^*)^2 < (k+\\pi-1)\\|a^*\\|^2/\\pi$; past this threshold it disappears and P(global) reaches 1.",
    provenance: "derived",
    measured: (f) =>
      `Above the threshold: ${f.aboveSpurious} spurious runs and ${f.aboveGlobal} global of ${f.aboveTrials} trials in ${f.above.length} cells.`,
    verdict: {
      test: "agrees when no run above the threshold ended spurious and all of them ended global; partly agrees when none ended spurious but some ended otherwise; else differs",
      decide: (f) =>
        f.aboveSpurious === 0 && f.aboveGlobal === f.aboveTrials
          ? "agrees"
          : f.aboveSpurious === 0
            ? "partly agrees"
            : "differs",
    },
    why: (f) =>
      f.aboveGlobal === f.aboveTrials
        ? undefined
        : "some runs ended unclassified (saddle or unconverged) within the budget",
  },
  {
    id: "du-monotone",
    statement:
      "P(global) rises with (1ᵀa*)²/‖a*‖² at fixed k, and more slowly for larger k (the threshold grows with k).",
    provenance: "recalled",
    measured: (f) =>
      `Rise with the ratio, per k: ${f.riseWithRatio.map((x) => `k=${x.k} ${fmtP(x.test.pRise)}`).join(", ")} (one-sided Cochran–Armitage, scores = ratio). Fall with k at fixed ratio (stratified by the ratios 1…25): ${trendText(f.fallWithK, "fall")}. ${
        f.drops.length === 0
          ? "No cell falls significantly below its neighbour at the next smaller ratio."
          : `Significant drops between neighbours: ${f.drops.join(", ")}.`
      }`,
    verdict: {
      test: `one-sided Cochran–Armitage trend tests at level ${TREND_LEVEL}. Agrees when P(global) rises significantly with the ratio at every k and falls significantly with k at fixed ratio (the test stratified by ratio); partly agrees when only the first holds; else differs`,
      decide: (f) =>
        f.riseWithRatio.every((x) => significantRise(x.test))
          ? significantFall(f.fallWithK)
            ? "agrees"
            : "partly agrees"
          : "differs",
    },
    why: (f) =>
      f.riseWithRatio.every((x) => significantRise(x.test)) && !significantFall(f.fallWithK)
        ? "the rise with the ratio is clear, but the slower rise at larger k is not resolved at these trial counts; the table's individual numbers in the paper are not known (its experiments section was not available), so only the pattern is compared"
        : "the table's individual numbers in the paper are not known (its experiments section was not available), so only the pattern is compared",
  },
];

const sq = (v: number) => String(Math.round(v * v));

function tableFigures(r: DuResults): Figure[] {
  const cells = r.cells;
  const heat: Figure = heatMap({
    name: "du-success-heatmap",
    title: "Du et al.: P(global) over k and (1ᵀa*)²/‖a*‖²",
    caption:
      "Each cell is the fraction of runs that reached the global minimum (p = 25, ‖a*‖ = 1). Below the orange curve, (1ᵀa*)²/‖a*‖² < (k+π−1)/π and the spurious minimum exists; P(global) is about 1/2 at ratio 0 and reaches 1 above the curve. Axes are square-root scaled so the grid is even.",
    x: { label: "k (number of patches), √k axis", ticks: [5, 6, 7, 8, 9, 10], tickFormat: sq },
    y: { label: "(1ᵀa*)²/‖a*‖², √ axis", ticks: [0, 1, 2, 3, 4, 5], tickFormat: sq },
    cellWidth: 1,
    cellHeight: 1,
    cells: cells.map((c) => ({ x: Math.sqrt(c.k), y: Math.sqrt(c.ratio), value: c.global.p })),
    valueLabel: "P(global)",
    curves: [
      {
        label: "threshold (k+π−1)/π",
        points: Array.from({ length: 61 }, (_, i) => {
          const x = 4.5 + (6 * i) / 60;
          return { x, y: Math.sqrt((x * x + Math.PI - 1) / Math.PI) };
        }),
      },
    ],
  });
  const lines: Figure = intervalPlot({
    name: "du-success-intervals",
    title: "Du et al.: P(global) with 95% Wilson intervals",
    caption:
      "P(global) against (1ᵀa*)²/‖a*‖² for each k. Dashed vertical positions are not drawn; instead compare with the grey 1/4 bound (Theorem 4.2) and 1/2 (exact at ratio 0). Each curve reaches 1 once the ratio passes its threshold (k+π−1)/π = 8.6, 12.1, 16.3, 21.0, 26.5, 32.5. The x axis is square-root scaled, as in the heat map, and the k are set side by side at each ratio so that no interval hides another.",
    x: { label: "(1ᵀa*)²/‖a*‖², √ axis", ticks: [0, 1, 2, 3, 4, 5], tickFormat: sq },
    y: { label: "P(global)", domain: [0, 1] },
    groups: DU_KS.map((k) => ({
      label: `k = ${k}`,
      connect: true,
      estimates: cells
        .filter((c) => c.k === k)
        .map((c) => ({ x: Math.sqrt(c.ratio), estimate: c.global.p, low: c.global.lo, high: c.global.hi })),
    })),
    references: [
      { y: 0.25, label: "1/4 bound" },
      { y: 0.5, label: "1/2" },
    ],
  });
  return [heat, lines];
}

function tableTables(r: DuResults): Table[] {
  return [
    {
      id: "du-table",
      caption:
        "P(global) and P(spurious) per cell (95% Wilson intervals); ℓ_s is the loss at the spurious point",
      columns: [
        "k",
        "(1ᵀa*)²/‖a*‖²",
        "threshold",
        "spurious min. exists",
        "P(global)",
        "P(spurious)",
        "other",
        "ℓ_s",
        "mean steps",
      ],
      rows: r.cells.map((c) => [
        c.k,
        c.ratio,
        fmt(c.threshold, 4),
        c.spuriousExists ? "yes" : "no",
        fmtProportion(c.global),
        fmtProportion(c.spurious),
        c.counts.saddle + c.counts.unconverged + c.counts.diverged,
        fmt(c.spuriousLoss, 4),
        fmt(c.meanSteps, 4),
      ]),
    },
  ];
}

export const table: SubsectionSpec<DuResults> = {
  id: "table",
  title: "Success probability over k and (1ᵀa*)²/‖a*‖²",
  method: (r) => {
    const other = r.cells.reduce((s, c) => s + c.counts.saddle + c.counts.unconverged + c.counts.diverged, 0);
    const total = r.cells.reduce((s, c) => s + c.counts.n, 0);
    return `Population WN-GD (Algorithm 1) on the exact reduction; p = ${r.p}, ‖a*‖ = ${r.anorm}, η = min(0.2, 2π/(k+π−1)), at most 6000/η steps, v₀ uniform on the sphere, a₀ uniform in the ball of radius |1ᵀa*|/√k; ${r.trialsPerCell} trials per cell; outcomes by the rules of docs/du-cnn.md#outcomes (src/train/cnn/rules.ts) (${other} of ${total} runs were saddle, unconverged or diverged).`;
  },
  claims: (r) => evaluateClaims(tableClaims, tableFacts(r)),
  tables: tableTables,
  figures: tableFigures,
  data: (r) => ({ cells: r.cells }),
};
