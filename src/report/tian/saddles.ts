/** Tian (2017), the symmetric saddle x*_K: claims, method, table and figure. */
import { intervalPlot } from "../../figures/interval-plot.js";
import { symmetricSaddle } from "../../models/fc/reduced-2d.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { ClaimSpec, SubsectionSpec } from "../types.js";
import { SADDLE_TABLE, type TianSaddleRow } from "./compute/saddles.js";
import type { TianResults } from "./results.js";

export interface SaddleFacts {
  readonly rows: readonly TianSaddleRow[];
  /** Largest |measured fixed point − formula| over K. */
  readonly maxDiff: number;
  readonly saddleOk: boolean;
  /** The rows with a value in the table of docs/tian.md, and whether all of them match it. */
  readonly withTable: readonly TianSaddleRow[];
  readonly tableOk: boolean;
  readonly indexIsSquare: boolean;
}

export function saddleFacts(r: TianResults): SaddleFacts {
  const rows = r.saddles;
  const withTable = rows.filter((s) => SADDLE_TABLE[s.K] !== undefined);
  return {
    rows,
    maxDiff: Math.max(...rows.map((s) => Math.abs(s.measuredFixedPoint - s.saddle))),
    saddleOk: rows.every(
      (s) =>
        s.hessianIndex >= 1 &&
        s.gradNormAtSaddle < 1e-10 &&
        s.jacobianEigenvalues[0] < 0 &&
        s.jacobianEigenvalues[1] > 0,
    ),
    withTable,
    tableOk: withTable.every((s) => {
      const n = SADDLE_TABLE[s.K];
      return (
        Math.abs(s.saddle - n.x) < 1e-6 &&
        Math.abs(s.jacobianEigenvalues[1] - n.unstable) < 1e-3 &&
        Math.abs(s.jacobianEigenvalues[0] + s.K * Math.PI) < 1e-4 &&
        Math.abs(s.lossAtSaddle - n.loss) < 1e-6
      );
    }),
    indexIsSquare: rows.every((s) => s.hessianIndex === (s.K - 1) ** 2),
  };
}

export const saddleClaims: readonly ClaimSpec<SaddleFacts>[] = [
  {
    id: "tian-saddle-formula",
    statement:
      "Thm 4.1(1): from x = y ∈ (0, 1] the dynamics stay on the diagonal and converge to $x^*_K = \\dfrac{\\sqrt{K-1} - \\arccos(1/\\sqrt{K}) + \\pi}{\\pi K}$.",
    provenance: "verified",
    measured: (f) =>
      `Diagonal equation from x = y = 0.01: ${f.rows.map((s) => `K=${s.K}: ${fmt(s.measuredFixedPoint, 7)} (formula ${fmt(s.saddle, 7)})`).join("; ")}; max difference ${fmt(f.maxDiff, 2)}.`,
    verdict: {
      test: "agrees when the diagonal dynamics' fixed point differs from the formula x*_K by less than 1e-9 for every K; else differs",
      decide: (f) => (f.maxDiff < 1e-9 ? "agrees" : "differs"),
    },
  },
  {
    id: "tian-saddle-index",
    statement: "The symmetric point x = y = x*_K is a saddle point, not a minimum (Thm 4.1).",
    provenance: "verified",
    measured: (f) =>
      `‖∇J‖ there ≤ ${fmt(Math.max(...f.rows.map((s) => s.gradNormAtSaddle)), 2)}; the 2-D Jacobian has one negative and one positive eigenvalue for every K; the full Hessian index (negative eigenvalues of the K·d-dimensional Hessian, d = K) is ${f.rows.map((s) => `${s.hessianIndex} (K=${s.K})`).join(", ")}${f.indexIsSquare ? " = (K − 1)²" : ""}: many more descent directions than the single one inside the 2-D subspace.`,
    verdict: {
      test: "agrees when for every K the full Hessian index is at least 1, ‖∇J‖ < 1e-10 and the 2-D Jacobian has one negative and one positive eigenvalue; else differs",
      decide: (f) => (f.saddleOk ? "agrees" : "differs"),
    },
  },
  {
    id: "tian-saddle-table",
    statement:
      "The table of docs/tian.md#the-symmetric-saddle, computed before Minima: x*_K, the Jacobian eigenvalues of 2π(ẋ, ẏ) at the saddle (one unstable, the stable one −Kπ) and J there.",
    provenance: "prior-run",
    measured: (f) =>
      f.withTable
        .map(
          (s) =>
            `K=${s.K}: x* ${fmt(s.saddle, 6)}, eigenvalues ${fmt(s.jacobianEigenvalues[1], 4)} and ${fmt(s.jacobianEigenvalues[0], 5)}, J ${fmt(s.lossAtSaddle, 7)}`,
        )
        .join("; "),
    verdict: {
      test: "agrees when for every K in that table x*_K is within 1e-6, the unstable eigenvalue within 1e-3, the stable one within 1e-4 of −Kπ and J within 1e-6 of the table's values; else differs",
      decide: (f) => (f.tableOk ? "agrees" : "differs"),
    },
  },
];

export const saddles: SubsectionSpec<TianResults> = {
  id: "saddles",
  title: "The symmetric saddle x*_K",
  method: (r) =>
    "Measured fixed point: the 1-D diagonal equation (x = y exactly) from 0.01 with η = 0.1 for 5000 steps. The plain 2-D map from the same start is also listed: in double precision rounding acts as symmetry breaking and can carry it off the diagonal (docs/tian.md#the-symmetric-saddle). Jacobian by central differences (h = 10⁻⁶); exact Hessian of the full network with d = K. Same numbers: minima fc saddles --K " +
    `${r.saddles.map((s) => s.K).join(",")}; minima fc dynamics2d --K K --x0 0.01 --y0 0.01 --eta 0.1 --steps 5000 --mode diagonal.`,
  claims: (r) => evaluateClaims(saddleClaims, saddleFacts(r)),
  tables: ({ saddles: rows }) => {
    const drifted = rows.filter((s) => s.plainLimit !== "saddle");
    return [
      {
        id: "tian-saddles",
        caption: `Saddle table${drifted.length > 0 ? `; the plain 2-D map left the diagonal for K = ${drifted.map((s) => s.K).join(", ")}` : ""}`,
        columns: [
          "K",
          "x*_K formula",
          "measured",
          "Jacobian eigenvalues of 2π(ẋ, ẏ)",
          "J at saddle",
          "J at 0⁺",
          "‖∇J‖",
          "Hessian index",
          "(K − 1)²",
          "plain 2-D map ends at",
        ],
        rows: rows.map((s) => [
          s.K,
          fmt(s.saddle, 7),
          fmt(s.measuredFixedPoint, 7),
          `${fmt(s.jacobianEigenvalues[0], 5)}, ${fmt(s.jacobianEigenvalues[1], 5)}`,
          fmt(s.lossAtSaddle, 7),
          fmt(s.lossAtOrigin, 7),
          fmt(s.gradNormAtSaddle, 2),
          s.hessianIndex,
          (s.K - 1) ** 2,
          `${s.plainLimit} (${fmt(s.plainFinal.x, 4)}, ${fmt(s.plainFinal.y, 4)})`,
        ]),
      },
    ];
  },
  figures: (r) => {
    const { rows, maxDiff } = saddleFacts(r);
    const Ks = rows.map((s) => s.K);
    const kMax = Math.max(...Ks);
    return [
      intervalPlot({
        name: "tian-saddles",
        title: "Tian: the symmetric saddle x*_K",
        caption: `The fixed point reached by the diagonal dynamics from x = y = 0.01 (dots) against the formula x*_K = [√(K−1) − arccos(1/√K) + π]/(πK) (dashed), for K = ${Ks.join(", ")}. They agree to ${fmt(maxDiff, 1)}.`,
        x: { label: "number of hidden units K", log: true },
        y: { label: "x*_K (= y*_K)" },
        groups: [
          {
            label: "measured fixed point",
            estimates: rows.map((s) => ({
              x: s.K,
              estimate: s.measuredFixedPoint,
              low: s.measuredFixedPoint,
              high: s.measuredFixedPoint,
            })),
          },
        ],
        theory: [
          {
            label: "formula x*_K",
            group: 0,
            points: Array.from({ length: 60 }, (_, i) => {
              const K = 2 * (kMax / 2) ** (i / 59);
              return { x: K, y: symmetricSaddle(K) };
            }),
          },
        ],
      }),
    ];
  },
  data: ({ saddles: rows }) => ({ saddles: rows }),
};
