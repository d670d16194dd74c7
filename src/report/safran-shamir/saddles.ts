/** Safran & Shamir (2018): runs that the protocol's gradient test stops at saddles. */
import { type ProportionEstimate, wilsonInterval } from "../../math/stats.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec, Table } from "../types.js";
import { cellName, pct, sameRunsText } from "./common.js";
import { RELEASED, RELEASED_PROVENANCE, RELEASED_RUNS, RELEASED_SADDLES } from "./released.js";
import type { SafranShamirResults, SsCell } from "./results.js";

const RELEASED_UNVERIFIED = RELEASED.reduce((s, c) => s + c.nonGlobal - c.verified, 0);

export interface SaddleFacts {
  readonly cells: readonly SsCell[];
  /** Cells with a released result, over which the shares are pooled. */
  readonly compared: readonly SsCell[];
  readonly pooled: ProportionEstimate;
  /** Released non-verified non-global runs of the same cells, pooled (of 1000 per cell). */
  readonly releasedUnverified: ProportionEstimate;
  /** Saddle stops expected in Minima's runs if they were as common as the released non-verified runs. */
  readonly expected: number;
  /** Every cell with a saddle stop, and its saddle families. */
  readonly found: readonly SsCell[];
}

export function saddleFacts(r: SafranShamirResults): SaddleFacts {
  const compared = r.cells.filter((c) => c.released !== undefined);
  const unverified = (c: SsCell) => (c.released ? c.released.nonGlobal - c.released.verified : 0);
  return {
    cells: r.cells,
    compared,
    pooled: wilsonInterval(
      compared.reduce((s, c) => s + c.counts.saddle, 0),
      compared.reduce((s, c) => s + c.runs, 0),
    ),
    releasedUnverified: wilsonInterval(
      compared.reduce((s, c) => s + unverified(c), 0),
      compared.length * RELEASED_RUNS,
    ),
    expected: compared.reduce((s, c) => s + (c.runs * unverified(c)) / RELEASED_RUNS, 0),
    found: r.cells.filter((c) => c.counts.saddle > 0),
  };
}

const saddleText = (c: SsCell) =>
  c.families
    .filter((f) => f.outcome === "saddle")
    .map((f) => `${f.count} at J = ${fmt(f.loss, 5)} (index ${f.index}, λ_min ${fmt(f.lambdaMin, 3)})`)
    .join(", ");

export const saddleClaims: readonly ClaimSpec<SaddleFacts>[] = [
  {
    id: "ss-saddle-stops",
    statement: `A gradient threshold alone does not prove a minimum: the authors' runs also stopped at points with a clearly negative Hessian eigenvalue, at ${RELEASED_SADDLES.map((s) => `(${s.k}, ${s.n}) (λ ≈ ${fmt(s.lambda, 2)})`).join(" and ")}; such stops are rare — all non-verified non-global runs together are ${RELEASED_UNVERIFIED} of the ${RELEASED.length * RELEASED_RUNS} released runs. External data, ${RELEASED_PROVENANCE}.`,
    provenance: "released",
    measured: (f) =>
      `Saddle stops in the compared cells: ${pct(f.pooled)} (${f.pooled.count} of ${f.pooled.n}); released non-verified runs in the same cells: ${pct(f.releasedUnverified)} (${f.releasedUnverified.count} of ${f.releasedUnverified.n}), i.e. ${fmt(f.expected, 2)} expected in Minima's runs at that rate.` +
      (f.found.length > 0
        ? ` Saddles found: ${f.found.map((c) => `${cellName(c)}: ${saddleText(c)}`).join("; ")}.`
        : " No run stopped at a saddle."),
    verdict: {
      test: "agrees when the lower end of the 95% Wilson interval of the pooled share of saddle stops (over the cells with a released result) is at most the released pooled share of non-verified non-global runs of the same cells (saddle stops are no more common than in the released results), else differs; not comparable without a compared cell. Saddles found are named with their cell, Hessian index and λ_min",
      decide: (f) =>
        f.compared.length === 0
          ? "not comparable"
          : f.pooled.lo <= f.releasedUnverified.p
            ? "agrees"
            : "differs",
    },
    why: (f) =>
      f.found.length === 0
        ? `saddle stops are too rare to be seen in ${f.pooled.n} runs (about ${fmt(f.expected, 2)} expected): the comparison bounds their share, it does not reproduce the two released saddles`
        : undefined,
  },
];

function saddleTable(r: SafranShamirResults): Table {
  return {
    id: "ss-saddles",
    caption:
      "Runs the protocol stopped at a saddle (a negative Hessian eigenvalue at J ≥ 10⁻³), with 95% Wilson intervals; other outcomes that are neither global nor spurious; the released non-verified non-global runs (of 1000)",
    columns: [
      "k",
      "n",
      "runs",
      "P(saddle)",
      "saddle families",
      "unconverged",
      "diverged",
      "released non-verified",
    ],
    rows: r.cells.map((c) => [
      c.k,
      c.n,
      c.runs,
      pct(c.saddle),
      saddleText(c) || "–",
      c.counts.unconverged,
      c.counts.diverged,
      c.released
        ? c.released.nonGlobal - c.released.verified
        : c.releasedMissing
          ? "no result file"
          : "not released",
    ]),
  };
}

export const saddles: SubsectionSpec<SafranShamirResults> = {
  id: "saddles",
  title: "Runs that stop at saddles",
  method: (r) =>
    `${sameRunsText(r)} The stop rule is the protocol's gradient threshold max_j ‖∂J/∂w_j‖ < 10⁻⁹/(2π), which is met near saddles too; the exact Hessian at the end point then tells a saddle (H + τI not positive definite, τ = 10⁻⁸·max(1, max|H_ii|)) from a strict minimum (H − τI positive definite).`,
  claims: (r) => evaluateClaims(saddleClaims, saddleFacts(r)),
  tables: (r) => [saddleTable(r)],
  figures: () => [],
  data: (r) => ({
    cells: r.cells.map((c) => ({
      k: c.k,
      n: c.n,
      runs: c.runs,
      saddle: c.saddle,
      counts: c.counts,
    })),
  }),
};
