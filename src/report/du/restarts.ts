/** Du et al. (2018), restarts: success within m restarts, measured against predicted (one claim per cell). */
import { intervalPlot } from "../../figures/interval-plot.js";
import { evaluateClaim } from "../claims.js";
import { fmt, fmtProportion } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { DuRestarts } from "./compute/table.js";
import type { DuResults } from "./results.js";

/** Rows whose predicted value lies in the measured interval, and rows whose interval reaches the bound. */
export interface RestartFacts {
  readonly cell: DuRestarts;
  readonly inside: number;
  readonly aboveBound: number;
}

export function restartFacts(x: DuRestarts): RestartFacts {
  return {
    cell: x,
    inside: x.rows.filter((row) => row.predicted >= row.measured.lo && row.predicted <= row.measured.hi)
      .length,
    aboveBound: x.rows.filter((row) => row.measured.hi >= row.bound).length,
  };
}

/** Made once per restart cell, with the id du-restarts-k{k}-r{ratio}. */
export const restartClaim: ClaimSpec<RestartFacts> = {
  id: "du-restarts",
  statement:
    'm independent restarts succeed with probability ≥ 1 − (3/4)^m, which tends to 1 ("boosted to probability 1").',
  provenance: "recalled",
  measured: ({ cell: x }) =>
    `k=${x.k}, ratio ${x.ratio}, single run ${fmtProportion(x.single)}: ${x.rows.map((row) => `m=${row.m} ${fmtProportion(row.measured)} (predicted ${fmt(row.predicted)})`).join("; ")}.`,
  verdict: {
    test: "agrees when for every m the prediction 1 − (1 − p̂)^m lies in the 95% Wilson interval of the measured block success and that interval's upper end is at least the bound 1 − (3/4)^m; else partly agrees",
    decide: (f) =>
      f.inside === f.cell.rows.length && f.aboveBound === f.cell.rows.length ? "agrees" : "partly agrees",
  },
  why: (f) =>
    f.inside === f.cell.rows.length
      ? "restarts are independent, so 1 − (1 − p)^m with the measured p predicts them; the 1/4 bound is loose"
      : "a predicted value outside a 95% interval; with few blocks at large m this happens by chance",
};

export const restarts: SubsectionSpec<DuResults> = {
  id: "restarts",
  title: "Restarts: measured against predicted",
  method: () =>
    "The table's trials of a cell are split into disjoint blocks of m consecutive trials; a block succeeds when any of its runs is global.",
  claims: (r) =>
    r.restarts.map((x) => evaluateClaim(restartClaim, restartFacts(x), `du-restarts-k${x.k}-r${x.ratio}`)),
  tables: (r) => [
    {
      id: "du-restarts",
      caption: "Success within m restarts",
      columns: ["k", "ratio", "m", "measured", "predicted 1 − (1 − p̂)^m", "bound 1 − (3/4)^m"],
      rows: r.restarts.flatMap((x) =>
        x.rows.map((row) => [
          x.k,
          x.ratio,
          row.m,
          fmtProportion(row.measured),
          fmt(row.predicted),
          fmt(row.bound),
        ]),
      ),
    },
  ],
  figures: (r) => [
    intervalPlot({
      name: "du-restarts",
      title: "Du et al.: success within m restarts",
      caption:
        "Measured P(at least one global run among m) over disjoint blocks of m trials (dots, 95% intervals), the prediction 1 − (1 − p̂)^m from the single-run rate (dashed, same colour) and the paper's bound 1 − (3/4)^m (grey dashed). The measured points follow the prediction and lie above the bound.",
      x: { label: "restarts m" },
      y: { label: "P(success within m restarts)", domain: [0, 1.02] },
      dodge: 0.08,
      groups: r.restarts.map((x) => ({
        label: `k = ${x.k}, ratio ${x.ratio}`,
        estimates: x.rows.map((row) => ({
          x: row.m,
          estimate: row.measured.p,
          low: row.measured.lo,
          high: row.measured.hi,
        })),
      })),
      theory: [
        ...r.restarts.map((x, i) => ({
          label: `predicted, k = ${x.k}, ratio ${x.ratio}`,
          group: i,
          points: x.rows.map((row) => ({ x: row.m, y: row.predicted })),
        })),
        {
          label: "bound 1 − (3/4)^m",
          points: Array.from({ length: 10 }, (_, i) => ({ x: i + 1, y: 1 - 0.75 ** (i + 1) })),
        },
      ],
    }),
  ],
  data: (r) => ({ restarts: r.restarts }),
};
