/** Ding, Li & Sun (2019): labels, number formats and the certificate table shared by the subsections. */
import { fmt } from "../format.js";
import type { Cell } from "../types.js";
import type { DingCertificateRow } from "./compute/rows.js";

export const SUB_OPTIMAL = "sub-optimal local minimum";

export function configLabel(
  row: Pick<DingCertificateRow, "activation" | "widths" | "inputDim" | "samples">,
): string {
  const data = row.inputDim === 2 && row.samples === 10 ? "" : ` d₀=${row.inputDim} N=${row.samples}`;
  return `${row.activation} [${row.widths.join(",")}]${data}`;
}

/** Losses comparable with L* get as many digits as L*; round-off-level ones two. */
export function fmtLoss(x: number): string {
  return fmt(x, x >= 1e-3 ? 6 : 2);
}

export function restartsText(row: DingCertificateRow): string {
  const r = row.restarts;
  return `${r.returned}/${r.count} back (|ΔL| ≤ ${fmt(r.maxDeviation, 2)})${r.descended > 0 ? `, ${r.descended} below L*` : ""}`;
}

export const countOf = <T>(rows: readonly T[], pick: (row: T) => boolean) => rows.filter(pick).length;

export function certificateTableRows(rows: readonly DingCertificateRow[]): Cell[][] {
  return rows.map((x) => [
    x.activation,
    x.widths.join(","),
    `${x.inputDim}, ${x.samples}`,
    x.parameters,
    x.wide ? "yes" : "no",
    fmt(x.lossAtPoint, 6),
    `${fmtLoss(x.bestLoss)} (${x.bestFrom === "training" ? "L-BFGS" : "features"})`,
    fmt(x.gradNorm, 2),
    fmt(x.minEigenvalue, 2),
    fmt(x.smallestPositive, 3),
    fmt(x.minEigenvalueS, 3),
    fmt(x.minEigenvalueF, 3),
    `${x.zeroModes} (${x.predictedZeroModes})`,
    restartsText(x),
    x.proofCertified
      ? "certified"
      : /eigenvalue gap|zero eigenvalue/.test(x.proofReason)
        ? "no: zero modes"
        : "no",
    x.verdict,
  ]);
}

export const CERTIFICATE_COLUMNS = [
  "σ",
  "widths d₁,…,d_H",
  "d₀, N",
  "P",
  "d_H ≥ N",
  "L*",
  "best loss found",
  "‖∇L‖",
  "λ_min(∇²L)",
  "smallest λ > 0",
  "λ_min(S)",
  "λ_min(∇²F)",
  "zero modes (predicted)",
  "perturbed restarts",
  "strict-minimum proof",
  "verdict",
];
