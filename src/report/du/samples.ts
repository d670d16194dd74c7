/** Du et al. (2018), population versus finite-sample GD: claim, method and figure. */
import { intervalPlot } from "../../figures/interval-plot.js";
import type { TrendTest } from "../../math/trend.js";
import { evaluateClaims } from "../claims.js";
import { fmtProportion } from "../format.js";
import { proportionTrend, significantRise, TREND_LEVEL, trendText } from "../trend.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { DuSamples } from "./compute/samples.js";
import type { DuResults } from "./results.js";

/** The share of runs with the same outcome as population GD that "behaves alike" asks for at the largest n. */
export const SAME_OUTCOME_LEVEL = 0.8;

const sampledRows = (s: DuSamples) => s.rows.filter((row) => row.samples > 0);

/** The trend of the same-outcome share with log₁₀ n. */
export function sameOutcomeTrend(s: DuSamples): TrendTest | undefined {
  const rows = sampledRows(s);
  return rows.length < 2
    ? undefined
    : proportionTrend(
        rows.map((row) => ({ score: Math.log10(row.samples), estimate: row.sameAsPopulation })),
      );
}

export const samplesClaims: readonly ClaimSpec<DuSamples>[] = [
  {
    id: "du-samples",
    statement:
      "The experiments use the Gaussian population set-up (closed-form gradients); finite-sample GD should behave alike when n is large.",
    provenance: "recalled",
    measured: (s) => {
      const trend = sameOutcomeTrend(s);
      return `${s.rows
        .map(
          (row) =>
            `${row.samples === 0 ? "population" : `n=${row.samples}`}: P(global) ${fmtProportion(row.global)}${row.samples > 0 ? `, same outcome ${fmtProportion(row.sameAsPopulation)}` : ""}`,
        )
        .join("; ")}.${trend ? ` Rise of the same-outcome share with log₁₀ n: ${trendText(trend)}.` : ""}`;
    },
    verdict: {
      test: `agrees when the fraction of runs with the same outcome as population GD from the same start rises with n (one-sided Cochran–Armitage test on log₁₀ n at level ${TREND_LEVEL}) and, at the largest n, the lower end of its 95% Wilson interval is at least ${SAME_OUTCOME_LEVEL}; partly agrees when only the rise is significant; else differs`,
      decide: (s) => {
        const trend = sameOutcomeTrend(s);
        if (trend === undefined || !significantRise(trend)) return "differs";
        const largest = s.rows[s.rows.length - 1];
        return largest.sameAsPopulation.lo >= SAME_OUTCOME_LEVEL ? "agrees" : "partly agrees";
      },
    },
    why: (s) => {
      const trend = sameOutcomeTrend(s);
      if (trend === undefined || !significantRise(trend))
        return "no significant approach to population GD over these n (too few runs or too small n to tell)";
      return s.rows[s.rows.length - 1].sameAsPopulation.lo >= SAME_OUTCOME_LEVEL
        ? "with few samples the empirical landscape differs from the population one, so some starts change basin"
        : `finite-sample GD approaches population GD as n grows, but at the largest n the share of matching outcomes is not shown to be at least ${SAME_OUTCOME_LEVEL}`;
    },
  },
];

export const samples: SubsectionSpec<DuResults> = {
  id: "samples",
  title: "Population versus finite-sample GD",
  method: ({ samples: s }) =>
    `Full-vector WN-GD on n drawn inputs (noise-free teacher labels) from the same starts as population GD; at most ${s.base.maxSteps} steps.`,
  claims: (r) => evaluateClaims(samplesClaims, r.samples),
  tables: () => [],
  figures: ({ samples: s }) => [
    intervalPlot({
      name: "du-population-vs-samples",
      title: "Du et al.: population versus finite-sample GD",
      caption: `P(global) and the fraction of runs whose outcome matches population GD from the same start, against the number of drawn inputs n (k = p = ${s.base.k}, (1ᵀa*)² = ${s.base.ratio}, η = ${s.base.eta}). The population result is drawn at the right as n = ∞. With more samples finite-sample GD follows population GD from the same start.`,
      x: { label: "number of samples n (log; population drawn at 10⁴)", log: true },
      y: { label: "probability", domain: [0, 1.02] },
      dodge: 0,
      groups: [
        {
          label: "P(global)",
          connect: true,
          estimates: s.rows.map((row) => ({
            x: row.samples || 1e4,
            estimate: row.global.p,
            low: row.global.lo,
            high: row.global.hi,
          })),
        },
        {
          label: "same outcome as population GD",
          connect: true,
          estimates: s.rows
            .filter((row) => row.samples > 0)
            .map((row) => ({
              x: row.samples,
              estimate: row.sameAsPopulation.p,
              low: row.sameAsPopulation.lo,
              high: row.sameAsPopulation.hi,
            })),
        },
      ],
    }),
  ],
  data: ({ samples: s }) => ({ samples: s }),
};
