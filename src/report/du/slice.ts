/** Du et al. (2018), the landscape on a 2-D slice through both minima: claim, method and figure. */
import { landscapeSlice } from "../../figures/landscape-slice.js";
import { reluG } from "../../models/cnn/activation-kernel.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import type { DuSlice } from "./compute/slice.js";
import type { DuResults } from "./results.js";

export const sliceClaims: readonly ClaimSpec<DuSlice>[] = [
  {
    id: "du-spurious-loss",
    statement:
      "The spurious point is v ∝ −w*, $a_s = (\\mathbf{1}\\mathbf{1}^\\top + (\\pi-1)I)^{-1}(\\mathbf{1}\\mathbf{1}^\\top - I)\\,a^*$, with loss $\\ell_s = \\dfrac{(\\pi-2)\\|a^*\\|^2 + \\pi(\\mathbf{1}^\\top a^*)^2/(k+\\pi-1)}{4(\\pi-1)}$.",
    provenance: "derived",
    measured: (s) =>
      `ℓ_s from the formula ${fmt(s.spuriousLoss, 8)}; closed-form loss evaluated at (−w*, a_s) ${fmt(s.spuriousLossOnSlice, 8)}; saddle cone at φ_s = ${s.saddleAngle === null ? "none" : `${fmt((s.saddleAngle * 180) / Math.PI, 4)}°`}.`,
    verdict: {
      test: "agrees when the formula's ℓ_s and the closed-form loss at (−w*, a_s) differ by at most 1e-12·max(1, ℓ_s); else differs",
      decide: (s) =>
        Math.abs(s.spuriousLoss - s.spuriousLossOnSlice) <= 1e-12 * Math.max(1, s.spuriousLoss)
          ? "agrees"
          : "differs",
    },
  },
];

export const slice: SubsectionSpec<DuResults> = {
  id: "slice",
  title: "The landscape on a 2-D slice, with GD trajectories",
  method: () =>
    "Closed-form population loss (Theorem 3.1) on a grid; trajectories from the same WN-GD as the table.",
  claims: (r) => evaluateClaims(sliceClaims, r.slice),
  tables: () => [],
  figures: ({ slice: s }) => [
    landscapeSlice({
      name: "du-landscape-slice",
      title: "Du et al.: the loss on a slice through both minima",
      caption:
        "log₁₀ ℓ on the surface v = cos φ·w* + sin φ·e₂, a = a* + t(a_s − a*) (k = p = 25, (1ᵀa*)² = 1). The global minimum is at (0, 0), the spurious one at (π, 1); the saddle cone meets the plane at (φ_s, 1 − g(φ_s)/π), since a(φ) − a* = (1 − g(φ)/π)(a_s − a*). GD trajectories are drawn by their exact φ_t and the projection t of a_t; they leave the plane in other directions, so they need not follow its contours. Runs starting with φ₀ > π/2 and a₀ᵀa* < 0 drift to the spurious minimum.",
      x: { label: "angle φ between v and w* (rad)", domain: [0, Math.PI] },
      y: { label: "t: a = a* + t(a_s − a*)", domain: [s.grid.y0, s.grid.y1] },
      grid: { ...s.grid, valueLabel: "log₁₀ ℓ" },
      trajectories: s.runs.map((run) => ({
        label: `trial ${run.trial} → ${run.outcome}`,
        points: run.points,
      })),
      dotEvery: 0,
      points: [
        { x: 0, y: 0, label: "global", symbol: "star" },
        { x: Math.PI, y: 1, label: "spurious", symbol: "triangle", labelLeft: true },
        ...(s.saddleAngle !== null
          ? [
              {
                x: s.saddleAngle,
                y: 1 - reluG(s.saddleAngle) / Math.PI,
                label: "saddle cone φ_s",
                symbol: "cross" as const,
              },
            ]
          : []),
      ],
    }),
  ],
  data: ({ slice: s }) => ({ slice: s }),
};
