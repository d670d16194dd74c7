/** Du et al. (2018), sensitivity of P(global) to p, ‖a*‖ and η: claims, method and figures. */
import { intervalPlot } from "../../figures/interval-plot.js";
import { type ProportionEstimate, wilsonInterval } from "../../math/stats.js";
import { evaluateClaims } from "../claims.js";
import { fmtP, fmtProportion } from "../format.js";
import {
  RISE_THROUGHOUT_TEST,
  type RiseThroughout,
  riseThroughout,
  riseThroughoutText,
  riseVerdict,
  significantRise,
} from "../trend.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { DuSensitivity, DuSensitivityRow } from "./compute/sensitivity.js";
import type { DuResults } from "./results.js";

const NAMES = { p: "filter size p", anorm: "‖a*‖", eta: "step size η" } as const;

export interface SensitivityFacts {
  readonly rowsOf: (param: DuSensitivity["parameter"]) => readonly DuSensitivityRow[];
  /** Trend tests of a rise of P(global) with log₁₀ of the setting, over all values and each half. */
  readonly trend: (param: "p" | "anorm") => RiseThroughout;
  /** η rows against the smallest η, start by start. */
  readonly eta: readonly EtaComparison[];
  readonly listed: (param: DuSensitivity["parameter"]) => string;
}

export interface EtaComparison {
  readonly value: number;
  /** Share of runs whose outcome changed from the smallest η's (same start), with its Wilson interval. */
  readonly changed: ProportionEstimate;
  /** Exact two-sided McNemar p-value of "P(global) is the same as at the smallest η" (discordant runs). */
  readonly mcNemarP: number;
}

/** Largest change of P(global) from the smallest η that the claim "does not change" allows. */
export const ETA_MARGIN = 0.05;

/** Exact two-sided McNemar test: of b + c discordant pairs, b went one way; P(as or more lopsided | ½). */
export function mcNemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let logC = 0;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    tail += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}

export function sensitivityFacts(r: DuResults): SensitivityFacts {
  const rowsOf = (param: DuSensitivity["parameter"]) =>
    r.sensitivity.find((x) => x.parameter === param)!.rows;
  const smallestEta = Math.min(...rowsOf("eta").map((row) => row.value));
  return {
    rowsOf,
    trend: (param) =>
      riseThroughout(rowsOf(param).map((row) => ({ score: Math.log10(row.value), estimate: row.global }))),
    eta: rowsOf("eta")
      .filter((row) => row.value !== smallestEta && row.paired !== undefined)
      .map((row) => {
        const paired = row.paired!;
        return {
          value: row.value,
          changed: wilsonInterval(paired.changed, row.counts.n),
          mcNemarP: mcNemarExact(paired.gained, paired.lost),
        };
      }),
    listed: (param) =>
      rowsOf(param)
        .map((row) => `${NAMES[param]} = ${row.value}: ${fmtProportion(row.global)}`)
        .join("; "),
  };
}

/** Why a rise was not found throughout; `lowerFlat` explains a flat lower half, `always` is said in any case. */
function riseWhy(t: RiseThroughout, name: string, lowerFlat = "", always = ""): string | undefined {
  const say = (s: string) => [s, always].filter((x) => x !== "").join(" ");
  if (!significantRise(t.all)) return say(`no significant rise of P(global) with ${name}.`);
  if (!significantRise(t.lower))
    return say(`P(global) rises only over the upper half of the range of ${name}. ${lowerFlat}`.trim());
  if (!significantRise(t.upper))
    return say(`P(global) rises only over the lower half of the range of ${name}.`);
  return always === "" ? undefined : always;
}

const ANORM_REASON =
  "A likely reason (not verified): v turns at a rate ∝ aᵀa*, which scales with ‖a*‖², while the a-layer relaxes at a rate independent of ‖a*‖, so for small ‖a*‖ the a-layer also aligns first and rescues starts.";

const P_UNKNOWN = "The paper's numbers cannot be compared cell by cell: they depend on its unknown p.";

export const sensitivityClaims: readonly ClaimSpec<SensitivityFacts>[] = [
  {
    id: "du-sensitivity-p",
    statement:
      "P(global) rises with the filter size p (larger p puts φ₀ nearer π/2, which gives the a-layer time to align first).",
    provenance: "prior-run",
    measured: (f) => `${f.listed("p")}. Scores log₁₀ p; ${riseThroughoutText(f.trend("p"))}.`,
    verdict: { test: RISE_THROUGHOUT_TEST, decide: (f) => riseVerdict(f.trend("p")) },
    why: (f) => riseWhy(f.trend("p"), "p", "", P_UNKNOWN),
  },
  {
    id: "du-sensitivity-anorm",
    statement: "P(global) rises with ‖a*‖.",
    provenance: "prior-run",
    measured: (f) => `${f.listed("anorm")}. Scores log₁₀ ‖a*‖; ${riseThroughoutText(f.trend("anorm"))}.`,
    verdict: { test: RISE_THROUGHOUT_TEST, decide: (f) => riseVerdict(f.trend("anorm")) },
    why: (f) => riseWhy(f.trend("anorm"), "‖a*‖", ANORM_REASON),
  },
  {
    id: "du-sensitivity-eta",
    statement: "P(global) does not change when η is reduced below 0.2 (the gradient-flow limit).",
    provenance: "prior-run",
    measured: (f) =>
      `${f.listed("eta")}. Runs whose outcome differs from the smallest η's from the same start: ${f.eta
        .map((x) => `η = ${x.value}: ${fmtProportion(x.changed)} (McNemar ${fmtP(x.mcNemarP)})`)
        .join("; ")}.`,
    verdict: {
      test: `the η rows start from the same starts, so they are compared run by run with the smallest η. Agrees when at every η the upper end of the 95% Wilson interval of the share of runs whose outcome changed is below ${ETA_MARGIN} (so |ΔP(global)|, which is at most that share, is below ${ETA_MARGIN}: an equivalence test); differs when at some η an exact two-sided McNemar test of the discordant runs rejects an unchanged P(global) at level 0.05; else not comparable (too few runs to tell)`,
      decide: (f) =>
        f.eta.length === 0
          ? "not comparable"
          : f.eta.every((x) => x.changed.hi < ETA_MARGIN)
            ? "agrees"
            : f.eta.some((x) => x.mcNemarP < 0.05)
              ? "differs"
              : "not comparable",
    },
  },
];

export const sensitivity: SubsectionSpec<DuResults> = {
  id: "sensitivity",
  title: "Sensitivity to p, ‖a*‖ and η",
  method: () =>
    "One cell (k = 25, (1ᵀa*)² = 1) with one setting changed at a time; the η rows start from the same random starts as the base cell.",
  claims: (r) => evaluateClaims(sensitivityClaims, sensitivityFacts(r)),
  tables: () => [],
  figures: (r) =>
    r.sensitivity.map((sens) =>
      intervalPlot({
        name: `du-sensitivity-${sens.parameter}`,
        title: `Du et al.: P(global) against ${NAMES[sens.parameter]}`,
        caption: `k = 25, (1ᵀa*)² = 1, other settings as in the table (p = 25, ‖a*‖ = 1, η = 0.2); 95% Wilson intervals. ${
          sens.parameter === "eta"
            ? "Below η = 0.2 the outcome should no longer depend on η (the gradient-flow limit)."
            : sens.parameter === "p"
              ? "Earlier simulations (docs/du-cnn.md#what-the-report-finds) found a rise with p: φ₀ starts nearer π/2, giving the a-layer time to align before v commits to a side."
              : "Earlier simulations found a rise with ‖a*‖; compare with the measured points."
        }`,
        // the measured values are the ticks: a handful, spread over less than two decades
        x: {
          label: NAMES[sens.parameter],
          log: sens.parameter !== "eta",
          ticks: sens.rows.map((row) => row.value),
        },
        y: { label: "P(global)", domain: [0, 1] },
        groups: [
          {
            label: "P(global)",
            connect: true,
            estimates: sens.rows.map((row) => ({
              x: row.value,
              estimate: row.global.p,
              low: row.global.lo,
              high: row.global.hi,
            })),
          },
        ],
        references: [{ y: 0.25, label: "1/4 bound" }],
      }),
    ),
  data: (r) => ({ sensitivity: r.sensitivity }),
};
