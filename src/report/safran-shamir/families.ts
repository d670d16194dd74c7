/** Safran & Shamir (2018): families of non-global end points modulo the symmetries, per cell. */
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec, Table } from "../types.js";
import { cellName, relDiff, sameRunsText } from "./common.js";
import { RELEASED_PROVENANCE } from "./released.js";
import type { SafranShamirResults, SsCell, SsFamily } from "./results.js";

/** Relative tolerance for "the same loss" (the released losses have 5–6 significant digits). */
export const LOSS_REL_TOL = 1e-4;
/** The largest k at n = k for which the special-unit family is the most frequent one. */
export const SPECIAL_UNIT_MAX_K = 15;
/** Families listed per cell in the table (the rest are summed in one row). */
const LISTED = 3;

export const spuriousFamilies = (c: SsCell): SsFamily[] => c.families.filter((f) => f.outcome === "spurious");

/** Orbits [k − 1, 1]: one special unit and k − 1 interchangeable ones (symmetry S_{k−1}). */
export const isSpecialUnit = (f: SsFamily, k: number) =>
  f.orbits.length === 2 && f.orbits[0] === k - 1 && f.orbits[1] === 1;

export interface TopLossRow {
  readonly cell: SsCell;
  readonly measured: number;
  readonly released: number;
  readonly matches: boolean;
  /** Some measured spurious family (not necessarily the most frequent) has the released loss. */
  readonly foundAmongOthers: boolean;
}

export interface FamilyFacts {
  readonly rows: readonly TopLossRow[];
  readonly mismatched: readonly TopLossRow[];
  /** n = k cells with k ≤ 15 and at least one spurious run. */
  readonly special: readonly SsCell[];
  readonly specialTop: readonly SsCell[];
  readonly specialPresent: readonly SsCell[];
}

export function familyFacts(r: SafranShamirResults): FamilyFacts {
  const rows = r.cells
    .filter((c) => c.released !== undefined && c.top !== undefined)
    .map((c): TopLossRow => {
      const released = c.released!.topLoss;
      const measured = c.top!.loss;
      return {
        cell: c,
        measured,
        released,
        matches: relDiff(measured, released) < LOSS_REL_TOL,
        foundAmongOthers: spuriousFamilies(c).some((f) => relDiff(f.loss, released) < LOSS_REL_TOL),
      };
    });
  const special = r.cells.filter((c) => c.excess === 0 && c.k <= SPECIAL_UNIT_MAX_K && c.top !== undefined);
  return {
    rows,
    mismatched: rows.filter((x) => !x.matches),
    special,
    specialTop: special.filter((c) => isSpecialUnit(c.top!, c.k) && Math.min(...c.top!.representative) < 0),
    specialPresent: special.filter((c) => spuriousFamilies(c).some((f) => isSpecialUnit(f, c.k))),
  };
}

export const familyClaims: readonly ClaimSpec<FamilyFacts>[] = [
  {
    id: "ss-top-family-loss",
    statement: `The loss of the most frequent family of spurious minima per cell, e.g. 0.025081 at (6, 6), 0.021508 at (8, 8), 0.018702 at (10, 10), 0.024766 at (17, 17), 0.032152 at (20, 20), 0.015801 at (12, 13): external data, ${RELEASED_PROVENANCE}.`,
    provenance: "released",
    measured: (f) =>
      `${f.rows
        .map(
          (x) =>
            `${cellName(x.cell)} ${fmt(x.measured, 6)} (${x.cell.top?.count} of ${x.cell.counts.spurious} spurious runs) vs ${fmt(x.released, 6)}${x.matches ? "" : x.foundAmongOthers ? " (released family found, not the most frequent)" : " (released family not found)"}`,
        )
        .join("; ")}. ${f.rows.length - f.mismatched.length} of ${f.rows.length} cells compared match.`,
    verdict: {
      test: `per cell with a released most frequent family and at least one measured spurious run: match when |J_top − J_released|/J_released < ${LOSS_REL_TOL} (the released losses have 5–6 significant digits). Agrees when every compared cell matches; partly agrees when each cell that does not match still has a measured spurious family within ${LOSS_REL_TOL} of the released loss (the same family, but another one is the most frequent in Minima's smaller sample); differs otherwise; not comparable without a compared cell`,
      decide: (f) =>
        f.rows.length === 0
          ? "not comparable"
          : f.mismatched.length === 0
            ? "agrees"
            : f.mismatched.every((x) => x.foundAmongOthers)
              ? "partly agrees"
              : "differs",
    },
    why: (f) =>
      f.mismatched.length === 0
        ? undefined
        : `no match in ${f.mismatched.map((x) => cellName(x.cell)).join(", ")}: with few runs the order of similarly frequent families is decided by sampling, and rare families may be missing altogether`,
  },
  {
    id: "ss-special-unit",
    statement:
      "For n = k up to k ≈ 15 the most frequent family has one special unit, whose own coordinate is negative (w₁₁ ≈ −0.63 at k = 7, −0.70 at k = 10), while the other k − 1 units stay near their teachers: it is fixed by the permutations of the other k − 1 indices (symmetry S_{k−1}, orbits [k − 1, 1]; Arjevani & Field 2020). The structure of the released end points.",
    provenance: "released",
    measured: (f) =>
      f.special
        .map((c) => {
          const t = c.top!;
          return `k=${c.k}: orbits [${t.orbits.join(", ")}], most negative entry ${fmt(Math.min(...t.representative), 3)} (${t.count} of ${c.counts.spurious} spurious runs)`;
        })
        .join("; ") || "No spurious run at n = k, k ≤ 15.",
    verdict: {
      test: `agrees when, in every n = k cell with k ≤ ${SPECIAL_UNIT_MAX_K} and at least one spurious run, the most frequent spurious family has orbits [k − 1, 1] and a negative entry; partly agrees when such a family is present in every such cell but is not the most frequent in some; differs otherwise; not comparable without such a cell`,
      decide: (f) =>
        f.special.length === 0
          ? "not comparable"
          : f.specialTop.length === f.special.length
            ? "agrees"
            : f.specialPresent.length === f.special.length
              ? "partly agrees"
              : "differs",
    },
  },
];

const familyCells = (f: SsFamily) => [
  f.outcome,
  f.count,
  fmt(f.loss, 6),
  fmt(f.kLoss, 4),
  f.index,
  fmt(f.lambdaMin, 4),
  `[${f.orbits.join(", ")}]`,
];

function familyTable(r: SafranShamirResults): Table {
  const rows: (string | number)[][] = [];
  for (const c of r.cells) {
    c.families.slice(0, LISTED).forEach((f, i) => {
      const released = i === 0 && c.released ? fmt(c.released.topLoss, 6) : "";
      rows.push([c.k, c.n, i + 1, ...familyCells(f), released]);
    });
    const rest = c.families.slice(LISTED);
    if (rest.length > 0)
      rows.push([
        c.k,
        c.n,
        rest.length === 1 ? String(LISTED + 1) : `${LISTED + 1}…${c.families.length}`,
        "",
        rest.reduce((s, f) => s + f.count, 0),
        rest.length === 1
          ? fmt(rest[0].loss, 4)
          : `${fmt(Math.min(...rest.map((f) => f.loss)), 4)}–${fmt(Math.max(...rest.map((f) => f.loss)), 4)}`,
        "",
        "",
        "",
        "",
        "",
      ]);
  }
  return {
    id: "ss-families",
    caption: `Families of non-global end points per cell (end points equal up to permutations of the student units and simultaneous permutations of teacher units and inputs), most frequent first; at most ${LISTED} listed per cell, the rest summed. Index: negative Hessian eigenvalues; orbits: the teacher units' orbits under the family's symmetry ([k − 1, 1]: one special unit). The last column is the released most frequent family's loss`,
    columns: ["k", "n", "rank", "outcome", "runs", "J", "k·J", "index", "λ_min", "orbits", "released top J"],
    rows,
  };
}

export const families: SubsectionSpec<SafranShamirResults> = {
  id: "families",
  title: "Families of spurious minima",
  method: (r) =>
    `${sameRunsText(r)} End points that stopped at J ≥ 10⁻³ are grouped into families when their invariant signatures (each unit's entries sorted, then the units sorted) agree within 10⁻⁵: equal up to the symmetries of W* = I. Each family's Hessian spectrum (index, λ_min) and symmetry are computed at one member; its loss is the mean over its runs.`,
  claims: (r) => evaluateClaims(familyClaims, familyFacts(r)),
  tables: (r) => [familyTable(r)],
  figures: () => [],
  data: (r) => ({
    cells: r.cells.map((c) => ({ k: c.k, n: c.n, runs: c.runs, families: c.families, top: c.top })),
  }),
};
