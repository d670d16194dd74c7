/** Tian (2017), K = 2 critical-point-free regions: claims, method, table and figures. */
import type { Figure, Series } from "../../figures/figure.js";
import { landscapeSlice } from "../../figures/landscape-slice.js";
import { lineChart } from "../../figures/line-chart.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { TianCritical } from "./compute/critical.js";
import type { TianResults } from "./results.js";

export const criticalClaims: readonly ClaimSpec<TianCritical>[] = [
  {
    id: "tian-k2-free-regions",
    statement:
      "For two ReLUs (K = 2) the in-plane critical-point-free regions are characterised ([I] abstract); the author's code decides it by the signs of L12 and L21 (no critical point when L12(e*₁), L12(e*₂) share a strict sign, or L21 does).",
    provenance: "verified",
    measured: ({ pairs }) =>
      `Student directions at 0 and β = ${fmt(pairs.beta, 4)} (3π/8): the criterion proves ${fmt(100 * pairs.freeFraction, 3)}% of the ${pairs.n}×${pairs.n} teacher pairs (φ₁, φ₂) critical-point free; it disagrees with "both teachers strictly inside the student cone or both strictly outside" in ${pairs.mismatches} pairs.`,
    verdict: {
      test: "agrees when the criterion proves some teacher pairs critical-point free and, on every pair of the grid, agrees with the rule 'both teachers strictly inside the student cone or both strictly outside'; else differs",
      decide: ({ pairs }) => (pairs.freeFraction > 0 && pairs.mismatches === 0 ? "agrees" : "differs"),
    },
    why: "the [I] theorem's wording was not available; the criterion compared is the one in the author's code (fig_L.py, fig_verify.py)",
  },
  {
    id: "tian-cone-rule",
    statement:
      "L12 > 0 and L21 > 0 exactly when the teacher direction lies strictly inside the cone of the two student directions; both are < 0 strictly outside.",
    provenance: "prior-run",
    measured: ({ scan }) =>
      `${scan.mismatches} mismatches in ${scan.checked} grid points (${scan.betas} values of β ∈ (0, π) × ${scan.phis} of φ ∈ (0, 2π), away from the cone's edges).`,
    verdict: {
      test: "agrees when the signs of L12 and L21 match the cone rule at every grid point of the scan (no mismatch); else differs",
      decide: ({ scan }) => (scan.mismatches === 0 ? "agrees" : "differs"),
    },
  },
  {
    id: "tian-k2-exhibited",
    statement:
      "Where the criterion does not apply (one teacher inside the cone, one outside), in-plane critical points can exist: the norm equations are linear, so they need det L = 0 and positive norms.",
    provenance: "derived",
    measured: ({ exhibited }) =>
      exhibited.length === 0
        ? "No point with positive norms was found on det L = 0."
        : `${exhibited.length} points built from L‖w*‖ = 0 and ‖w‖ = M_r⁻¹M*_r‖w*‖: ${exhibited.map((p) => `φ₁ = ${fmt(p.phi1, 3)}, φ₂ = ${fmt(p.phi2, 5)}: ‖∇J‖ = ${fmt(p.gradNorm, 2)}, J = ${fmt(p.loss, 4)}`).join("; ")}; the full population gradient vanishes there, and J > 0: spurious critical points.`,
    verdict: {
      test: "agrees when at least one point is built and at every built point ‖∇J‖ < 1e-10 and J > 1e-6; else differs",
      decide: ({ exhibited }) =>
        exhibited.length > 0 && exhibited.every((p) => p.gradNorm < 1e-10 && p.loss > 1e-6)
          ? "agrees"
          : "differs",
    },
  },
];

function criticalFigures(c: TianCritical): Figure[] {
  const { pairs, exhibited } = c;
  const nPhi = c.signGrid.phis;
  const nBeta = c.signGrid.betas;
  const signFig = landscapeSlice({
    name: "tian-critical-sign",
    title: "Tian, K = 2: the sign of L12 over (φ, β)",
    caption:
      "sign L12 for student directions at angles 0 and β and a teacher direction at angle φ (orange L12 > 0, blue L12 < 0). L12 is positive exactly inside the student cone 0 < φ < β, left of the dashed line φ = β, and negative outside; L21 (not drawn) has the same signs. Two teacher directions on the same side of that line give a critical-point-free configuration.",
    x: { label: "teacher angle φ (rad)", domain: [0, 2 * Math.PI] },
    y: { label: "student angle β (rad)", domain: [0, Math.PI] },
    grid: {
      nx: nPhi,
      ny: nBeta,
      x0: Math.PI / nPhi,
      x1: (2 * Math.PI * (nPhi - 0.5)) / nPhi,
      y0: Math.PI / (nBeta + 1),
      y1: (Math.PI * nBeta) / (nBeta + 1),
      values: c.signGrid.values,
      valueLabel: "sign L12",
      categories: [
        { value: -1, label: "L12 < 0" },
        { value: 1, label: "L12 > 0" },
      ],
    },
    trajectories: [],
    guides: [
      {
        label: "φ = β",
        points: [
          { x: 0, y: 0 },
          { x: Math.PI, y: Math.PI },
        ],
      },
    ],
  });
  const n = pairs.n;
  const guides: Series[] = [
    {
      label: "φ₁ = β",
      points: [
        { x: pairs.beta, y: 0 },
        { x: pairs.beta, y: 2 * Math.PI },
      ],
    },
    {
      label: "φ₂ = β",
      points: [
        { x: 0, y: pairs.beta },
        { x: 2 * Math.PI, y: pairs.beta },
      ],
    },
  ];
  const freeFig = landscapeSlice({
    name: "tian-critical-free",
    title: "Tian, K = 2: critical-point-free teacher pairs",
    caption: `For student directions at 0 and β = 3π/8, each teacher pair (φ₁, φ₂) is orange when the L12/L21 criterion proves that no choice of norms makes the configuration critical, blue when it cannot. The free pairs are those with both teachers inside the cone (lower left) or both outside; the crosses are genuine critical points built in the blue region (one teacher inside, one outside).`,
    x: { label: "first teacher angle φ₁ (rad)", domain: [0, 2 * Math.PI] },
    y: { label: "second teacher angle φ₂ (rad)", domain: [0, 2 * Math.PI] },
    grid: {
      nx: n,
      ny: n,
      x0: Math.PI / n,
      x1: (2 * Math.PI * (n - 0.5)) / n,
      y0: Math.PI / n,
      y1: (2 * Math.PI * (n - 0.5)) / n,
      values: pairs.free,
      valueLabel: "criterion",
      categories: [
        { value: 0, label: "not proved free (critical points possible)" },
        { value: 1, label: "proved critical-point free" },
      ],
    },
    trajectories: [],
    guides,
    // one label, on the rightmost point, so that it runs clear of the others
    points: exhibited.map((p) => ({
      x: p.phi1,
      y: p.phi2,
      label:
        p.phi1 === Math.max(...exhibited.map((q) => q.phi1))
          ? exhibited.length > 1
            ? "critical points"
            : "critical point"
          : "",
      symbol: "cross" as const,
    })),
  });
  const curvesFig = lineChart({
    name: "tian-critical-curves",
    title: "Tian, K = 2: L12 and L21 against the teacher angle",
    caption:
      "L12(φ) and L21(φ) for student directions at 0 and β (left β = 3π/8, right β = 7π/8), as in the author's fig_L.py. Both are positive for 0 < φ < β (inside the cone), negative outside, and vanish where the teacher is aligned with a student direction.",
    columns: 2,
    panels: c.curves.map((cv) => ({
      x: { label: `teacher angle φ (rad), β = ${fmt(cv.beta, 4)}` },
      y: { label: "L12, L21" },
      series: [
        { label: "L12", points: cv.points.map((p) => ({ x: p.phi, y: p.L12 })) },
        { label: "L21", points: cv.points.map((p) => ({ x: p.phi, y: p.L21 })), dashed: true },
      ],
      references: [{ y: 0, label: "0" }],
    })),
  });
  return [signFig, freeFig, curvesFig];
}

export const critical: SubsectionSpec<TianResults> = {
  id: "critical",
  title: "K = 2: critical-point-free regions",
  method: ({ critical: { scan } }) =>
    "The norm equations Σ_k M_ij^k‖w_k‖ = Σ_k M*_ij^k‖w*_k‖ (docs/tian.md#critical-points-in-m-matrix-form, the author's construct_M): the diagonal rows fix ‖w‖ = M_r⁻¹M*_r‖w*‖, the others require L‖w*‖ = 0, L = M*_off − M_off M_r⁻¹M*_r, whose rows for K = 2 are L12 and L21. Same cone scan: minima fc critical --betas " +
    `${scan.betas} --phis ${scan.phis}.`,
  claims: (r) => evaluateClaims(criticalClaims, r.critical),
  tables: ({ critical: { exhibited } }) => [
    {
      id: "tian-critical-exhibited",
      caption:
        "In-plane critical points built where the criterion does not apply (student directions 0 and β)",
      columns: ["β", "φ₁ (inside)", "φ₂ (outside)", "‖w*₁‖, ‖w*₂‖", "‖w₁‖, ‖w₂‖", "‖∇J‖", "J"],
      rows: exhibited.map((p) => [
        fmt(p.beta, 4),
        fmt(p.phi1, 4),
        fmt(p.phi2, 6),
        `${fmt(p.teacherNorms[0], 4)}, ${fmt(p.teacherNorms[1], 4)}`,
        `${fmt(p.studentNorms[0], 4)}, ${fmt(p.studentNorms[1], 4)}`,
        fmt(p.gradNorm, 2),
        fmt(p.loss, 5),
      ]),
    },
  ],
  figures: (r) => criticalFigures(r.critical),
  data: ({ critical: c }) => ({
    critical: { scan: c.scan, pairs: c.pairs, curves: c.curves, exhibited: c.exhibited },
  }),
};
