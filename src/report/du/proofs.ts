/** Du et al. (2018): the computer-assisted proof at the CNN's stationary points (docs/proofs.md). */
import { evaluateClaim } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { DuProofRow } from "./compute/proofs.js";
import type { DuResults } from "./results.js";

const isGlobal = (row: DuProofRow) => row.point === "global minimum";

export const proofClaim: ClaimSpec<readonly DuProofRow[]> = {
  id: "du-proofs",
  statement:
    "(w*, a*) is the global minimum; (−w*, a_spurious) is a spurious local minimum when its condition holds; the saddles form a cone. A Hessian-based proof certifies the first as a strict minimum (across the filter's scale) and must refuse the other two: the loss grows only like (π − θ)³ at the spurious point and is flat along the saddle cone, so their Hessians are singular.",
  provenance: "derived",
  measured: (rows) => {
    const global = rows.filter(isGlobal);
    const other = rows.filter((row) => !isGlobal(row));
    const radii = global.map((row) => row.radius ?? Number.NaN);
    return `global minimum certified in ${global.filter((row) => row.certified).length} of ${global.length} teachers (radius ${fmt(Math.min(...radii))} to ${fmt(Math.max(...radii))}, λ_min ≥ ${fmt(Math.min(...global.map((row) => row.lambdaMinLower ?? 0)))}); spurious minima and saddles refused in ${other.filter((row) => !row.certified).length} of ${other.length}, each because ${[...new Set(other.map((row) => row.reason))].join("; ")}.`;
  },
  verdict: {
    test: "agrees when every global minimum is certified as a strict local minimum and no spurious minimum or saddle is certified (each refused with its reason); else differs",
    decide: (rows) =>
      rows.every((row) => (isGlobal(row) ? row.certified && row.kind === "strict-local-min" : !row.certified))
        ? "agrees"
        : "differs",
  },
  why: "the refusals are the proof working as it should: Newton–Kantorovich needs an invertible Hessian, and Du's spurious minimum is a minimum of third order in the angle, which the paper's own argument (the closed form in θ) establishes instead",
};

export const proofs: SubsectionSpec<DuResults> = {
  id: "proofs",
  title: "Proven critical points",
  method: () =>
    "At the global minimum, the spurious minimum and a saddle of the cone for three teachers of the table, Minima's computer-assisted proof (Newton–Kantorovich with a bound on the Hessian's variation and a verified factorisation, on the slice across the filter's scale; docs/proofs.md) either certifies a true critical point within a radius, with a lower bound on λ_min, or states why it cannot.",
  claims: (r) => [evaluateClaim(proofClaim, r.proofs)],
  tables: (r) => [
    {
      id: "du-proofs",
      caption: "The proof at each stationary point",
      columns: ["k", "ratio", "point", "certified", "radius", "λ_min ≥", "reason"],
      rows: r.proofs.map((row) => [
        row.k,
        row.ratio,
        row.point,
        row.certified ? "yes" : "no",
        row.radius === undefined ? "–" : fmt(row.radius),
        row.lambdaMinLower === undefined ? "–" : fmt(row.lambdaMinLower),
        row.certified ? "strict local minimum" : row.reason,
      ]),
    },
  ],
  figures: () => [],
  data: (r) => r.proofs,
};
