/** Safran & Shamir (2018): λ_min at the spurious minima, and k·J of the families against k. */
import type { Figure } from "../../figures/figure.js";
import { intervalPlot } from "../../figures/interval-plot.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec, Table } from "../types.js";
import { cellName, relDiff, sameRunsText } from "./common.js";
import { isSpecialUnit, spuriousFamilies } from "./families.js";
import { RELEASED_PROVENANCE, RELEASED_SPECIAL_KLOSS } from "./released.js";
import type { SafranShamirResults, SsCell, SsFamily } from "./results.js";

/** Half a unit in the fifth decimal: the rounding of the released λ_min bounds. */
export const LAMBDA_ROUNDING = 5e-6;
/** Half a unit in the second decimal: the rounding of the stated k·J values. */
export const KLOSS_ROUNDING = 0.005;

/** The special-unit family of an n = k cell: of the spurious families with orbits [k − 1, 1], the lowest. */
export function specialFamily(c: SsCell): SsFamily | undefined {
  if (c.excess !== 0) return undefined;
  const candidates = spuriousFamilies(c).filter((f) => isSpecialUnit(f, c.k));
  return candidates.sort((a, b) => a.loss - b.loss)[0];
}

export interface LambdaRow {
  readonly cell: SsCell;
  readonly measured: number;
  readonly bound: number;
  readonly passes: boolean;
  /** The authors found one family in this cell: the mean bound is that family's bound. */
  readonly singleFamily: boolean;
  /** Smallest and largest λ_min of Minima's spurious families in the cell. */
  readonly range: readonly [number, number];
  /**
   * More than one released family, and the released mean lies within the range of Minima's
   * families' λ_min: it can be a mean of the same families in other proportions.
   */
  readonly mixture: boolean;
}

export interface CurvatureFacts {
  readonly lambda: readonly LambdaRow[];
  /** Below the bound, and not explained as another mix of the same families. */
  readonly failing: readonly LambdaRow[];
  /** Below the bound, but within the range of Minima's families where the authors found several. */
  readonly mixed: readonly LambdaRow[];
  /** The special-unit family's k·J at n = k, by k, where found. */
  readonly special: readonly { readonly k: number; readonly kLoss: number }[];
  /** Stated k·J values with the measured one where the family was found. */
  readonly stated: readonly { readonly k: number; readonly kLoss: number; readonly measured?: number }[];
  readonly specialRises: boolean;
}

export function curvatureFacts(r: SafranShamirResults): CurvatureFacts {
  const lambda = r.cells
    .filter((c) => c.released !== undefined && c.meanLambdaMin !== null)
    .map((c): LambdaRow => {
      const bound = c.released!.meanLambdaMinBound;
      const measured = c.meanLambdaMin as number;
      const lambdas = spuriousFamilies(c).map((f) => f.lambdaMin);
      const range = [Math.min(...lambdas), Math.max(...lambdas)] as const;
      const singleFamily = c.released!.families === 1;
      return {
        cell: c,
        measured,
        bound,
        passes: measured >= bound - LAMBDA_ROUNDING,
        singleFamily,
        range,
        mixture: !singleFamily && range[0] - LAMBDA_ROUNDING <= bound && bound <= range[1] + LAMBDA_ROUNDING,
      };
    });
  const special = r.cells
    .filter((c) => c.excess === 0)
    .sort((a, b) => a.k - b.k)
    .flatMap((c) => {
      const f = specialFamily(c);
      return f ? [{ k: c.k, kLoss: f.kLoss }] : [];
    });
  return {
    lambda,
    failing: lambda.filter((x) => !x.passes && !x.mixture),
    mixed: lambda.filter((x) => !x.passes && x.mixture),
    special,
    stated: RELEASED_SPECIAL_KLOSS.map((s) => ({
      ...s,
      measured: special.find((x) => x.k === s.k)?.kLoss,
    })),
    specialRises: special.every((x, i) => i === 0 || x.kLoss > special[i - 1].kLoss),
  };
}

export const curvatureClaims: readonly ClaimSpec<CurvatureFacts>[] = [
  {
    id: "ss-lambda-min",
    statement: `The spurious minima are strict: the computer-assisted proof gives a positive lower bound on the Hessian's λ_min at each verified family; its run-weighted mean per cell is e.g. 0.00470 at (6, 6), 0.02135 at (8, 8), 0.03828 at (20, 20), and 0.00147–0.00767 at n = k + 1 (flatter minima with one extra unit). External data, ${RELEASED_PROVENANCE}.`,
    provenance: "released",
    measured: (f) =>
      f.lambda
        .map(
          (x) =>
            `${cellName(x.cell)} ${fmt(x.measured, 4)} vs bound ${fmt(x.bound, 4)}${x.singleFamily ? ` (one released family: ratio ${fmt(x.measured / x.bound, 4)})` : ` (families ${fmt(x.range[0], 4)}–${fmt(x.range[1], 4)})`}`,
        )
        .join("; ") || "No cell with spurious runs on both sides.",
    verdict: {
      test: `per cell with spurious runs on both sides: the run-weighted mean λ_min of the exact Hessian over Minima's spurious runs passes when it is ≥ the released mean lower bound − ${LAMBDA_ROUNDING} (its rounding), or, where the authors found more than one family, when the released mean lies within the range of λ_min of Minima's families (± the rounding: the same families in other proportions). Agrees when every compared cell passes; partly agrees when the only failures are cells where the authors found more than one family; differs otherwise; not comparable without a compared cell`,
      decide: (f) =>
        f.lambda.length === 0
          ? "not comparable"
          : f.failing.length === 0
            ? "agrees"
            : f.failing.every((x) => !x.singleFamily)
              ? "partly agrees"
              : "differs",
    },
    why: (f) => {
      const notes = [
        "the released values are lower bounds from a proof; where the authors found one family they are tight, so λ_min equals them to the rounding there",
      ];
      if (f.mixed.length > 0)
        notes.push(
          `below the mean bound in ${f.mixed.map((x) => cellName(x.cell)).join(", ")}, where Minima's smaller sample holds its families in other proportions (the released mean lies within the range of their λ_min)`,
        );
      if (f.failing.length > 0)
        notes.push(
          `not explained by the mix of families: ${f.failing.map((x) => cellName(x.cell)).join(", ")}`,
        );
      return notes.join("; ");
    },
  },
  {
    id: "ss-special-kloss",
    statement:
      "k·J of the special-unit family (n = k, orbits [k − 1, 1]) rises slowly with k: 0.16 at k = 7, 0.19 at k = 10, 0.23 at k = 20 (stated to two decimals with the released results; at k = 7 and 10 it is the released most frequent family).",
    provenance: "released",
    measured: (f) =>
      `${f.special.map((x) => `k=${x.k}: ${fmt(x.kLoss, 4)}`).join("; ")}` +
      (f.special.length === 0 ? "The family was not found." : "."),
    verdict: {
      test: `agrees when at each of k = 7, 10, 20 where Minima found the family its k·J is within ${KLOSS_ROUNDING} of the stated two-decimal value and its k·J increases with k over every k where it was found; not comparable when it was found at none of k = 7, 10, 20; else differs`,
      decide: (f) => {
        const compared = f.stated.filter((s) => s.measured !== undefined);
        if (compared.length === 0) return "not comparable";
        const ok = compared.every((s) => Math.abs((s.measured as number) - s.kLoss) <= KLOSS_ROUNDING);
        return ok && f.specialRises ? "agrees" : "differs";
      },
    },
  },
];

function klossFigure(r: SafranShamirResults): Figure {
  const point = (x: number, y: number) => ({ x, estimate: y, low: y, high: y });
  const groups = [0, 1].flatMap((excess) => {
    const cells = r.cells.filter((c) => c.excess === excess).sort((a, b) => a.k - b.k);
    if (cells.length === 0) return [];
    const name = excess === 0 ? "n = k" : "n = k + 1";
    return [
      {
        label: `Minima most frequent, ${name}`,
        connect: true,
        estimates: cells.filter((c) => c.top).map((c) => point(c.k, c.top!.kLoss)),
      },
      {
        label: `released most frequent, ${name}`,
        estimates: cells.filter((c) => c.released).map((c) => point(c.k, c.k * c.released!.topLoss)),
      },
    ];
  });
  const special = curvatureFacts(r).special;
  if (special.length > 0)
    groups.push({
      label: "Minima special-unit family [k − 1, 1], n = k",
      connect: true,
      estimates: special.map((s) => point(s.k, s.kLoss)),
    });
  const ks = r.cells.map((c) => c.k);
  const ys = groups.flatMap((g) => g.estimates.map((e) => e.estimate));
  const [lo, hi] = ys.length > 0 ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  const pad = 0.06 * Math.max(hi - lo, 0.01);
  return intervalPlot({
    name: "ss-kloss",
    title: "Safran & Shamir: k·J of the most frequent spurious family",
    caption:
      "k·J (the scale-free loss) of each cell's most frequent family of spurious minima, Minima's beside the authors' released one, and Minima's special-unit family at n = k. Where both find the same family the points coincide; at n = k the most frequent family changes from the special-unit one to others for k ≥ 17.",
    x: { label: "teacher units k (d = k)", domain: [Math.min(...ks) - 0.5, Math.max(...ks) + 0.5] },
    y: { label: "k·J", domain: [lo - pad, hi + pad] },
    dodge: 0.1,
    // empty groups stay, so that each series keeps its colour whatever was found
    groups,
  });
}

function curvatureTable(r: SafranShamirResults): Table {
  return {
    id: "ss-curvature",
    caption:
      "Most frequent spurious family's loss beside the released one (relative difference), the special-unit family's k·J, and the run-weighted mean λ_min over the spurious runs, Minima's proven lower bound on it (over the proven runs) and the released mean lower bound",
    columns: [
      "k",
      "n",
      "families (released)",
      "top J",
      "released top J",
      "rel. diff.",
      "top k·J",
      "special-unit k·J",
      "mean λ_min",
      "mean proven λ_min bound",
      "released λ_min bound",
    ],
    rows: r.cells.map((c) => {
      const special = specialFamily(c);
      return [
        c.k,
        c.n,
        `${spuriousFamilies(c).length} (${c.released?.families ?? "–"})`,
        c.top ? fmt(c.top.loss, 6) : "–",
        c.released ? fmt(c.released.topLoss, 6) : "–",
        c.top && c.released ? fmt(relDiff(c.top.loss, c.released.topLoss), 2) : "–",
        c.top ? fmt(c.top.kLoss, 4) : "–",
        special ? fmt(special.kLoss, 4) : "–",
        c.meanLambdaMin === null ? "–" : fmt(c.meanLambdaMin, 4),
        c.meanLambdaMinLower === null ? "–" : fmt(c.meanLambdaMinLower, 4),
        c.released ? fmt(c.released.meanLambdaMinBound, 3) : "–",
      ];
    }),
  };
}

export const curvature: SubsectionSpec<SafranShamirResults> = {
  id: "curvature",
  title: "λ_min and k·J of the spurious minima",
  method: (r) =>
    `${sameRunsText(r)} λ_min is the smallest eigenvalue of the exact Hessian of J at one member of each family (dense symmetric eigen-solver); per cell it is averaged over the spurious runs (run-weighted, as the released means are). k·J is the loss of a family times the number of teacher units.`,
  claims: (r) => evaluateClaims(curvatureClaims, curvatureFacts(r)),
  tables: (r) => [curvatureTable(r)],
  figures: (r) => [klossFigure(r)],
  data: (r) => {
    const f = curvatureFacts(r);
    return {
      lambda: f.lambda.map((x) => ({ ...x, cell: cellName(x.cell), range: [...x.range] })),
      special: f.special,
    };
  },
};
