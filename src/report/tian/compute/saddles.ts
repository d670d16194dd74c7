/** Tian (2017): the symmetric saddle x*_K of the 2-D dynamics. */
import { type SaddleRow, saddleTable, simulate2d } from "../../../experiments/tian/dynamics2d.js";
import { bySize, type ReportSettings } from "../../settings.js";

export interface TianSaddleRow extends SaddleRow {
  /** The limit of the diagonal equation from x = y = 0.01 (5000 steps of η = 0.1). */
  readonly measuredFixedPoint: number;
  /** Where the plain 2-D map (no re-symmetrising) ends from the same start: rounding may break the symmetry. */
  readonly plainLimit: string;
  readonly plainFinal: { readonly x: number; readonly y: number };
}

/** The table of docs/tian.md#the-symmetric-saddle (computed before Minima): x*_K, unstable Jacobian eigenvalue of 2π(ẋ, ẏ), J at the saddle. */
export const SADDLE_TABLE: Readonly<Record<number, { x: number; unstable: number; loss: number }>> = {
  2: { x: 0.534155, unstable: 3.744, loss: 0.088512 },
  3: { x: 0.382024, unstable: 5.553, loss: 0.242355 },
  5: { x: 0.256841, unstable: 9.734, loss: 0.780076 },
  10: { x: 0.155735, unstable: 21.404, loss: 3.598656 },
  20: { x: 0.097963, unstable: 46.837, loss: 16.045867 },
};

export function saddles(settings: Pick<ReportSettings, "size">): TianSaddleRow[] {
  const Ks = bySize(settings.size, { smoke: [2, 3, 5], quick: [2, 3, 5, 10, 20], full: [2, 3, 5, 10, 20] });
  return saddleTable(Ks).map((row) => {
    const start = { K: row.K, x0: 0.01, y0: 0.01, eta: 0.1, steps: 5000, recordEvery: 5000 };
    const diagonal = simulate2d({ ...start, mode: "diagonal" });
    const plain = simulate2d({ ...start, mode: "plain" });
    return {
      ...row,
      measuredFixedPoint: diagonal.final.x,
      plainLimit: plain.limit,
      plainFinal: { x: plain.final.x, y: plain.final.y },
    };
  });
}
