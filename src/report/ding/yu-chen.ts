/** Ding, Li & Sun (2019), the Yu–Chen regime (N − 1 sigmoid units with a bias): claim, method, table, figure. */
import { categoryDots } from "../../figures/category-dots.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { Claim, ClaimSpec, SubsectionSpec } from "../types.js";
import { CERTIFICATE_COLUMNS, certificateTableRows, fmtLoss, restartsText, SUB_OPTIMAL } from "./common.js";
import type { DingCertificateRow } from "./compute/rows.js";
import type { DingResults } from "./results.js";

export const yuChenClaimSpecs: readonly ClaimSpec<readonly DingCertificateRow[]>[] = [
  {
    id: "ding-yu-chen",
    statement:
      "The classical result (Yu & Chen 1995: with N − 1 sigmoid hidden units plus a bias, every sub-optimal equilibrium of the squared error is unstable, so training is 'local-minima free') is false: sub-optimal local minima exist in this regime (Ding, Li & Sun, abstract).",
    provenance: "verified",
    measured: (rows) =>
      rows
        .map(
          (x) =>
            `(d₀, N, m) = (${x.inputDim}, ${x.samples}, ${x.widths[0]}): ${x.verdict}, L* ${fmt(x.lossAtPoint, 6)}, restarts ${restartsText(x)}, best loss ${fmtLoss(x.bestLoss)}, zero modes ${x.zeroModes} (${x.predictedZeroModes})`,
        )
        .join("; "),
    verdict: {
      test: `agrees when every Yu–Chen configuration (at least one) reaches the verdict "${SUB_OPTIMAL}" of minima certify; partly agrees when some do; else differs`,
      decide: (rows) => {
        const sub = rows.filter((x) => x.verdict === SUB_OPTIMAL);
        return rows.length > 0 && sub.length === rows.length
          ? "agrees"
          : sub.length > 0
            ? "partly agrees"
            : "differs";
      },
    },
    why: "the labels are constructed (y = c − r); Ding, Li & Sun claim existence for some labels, not for every data set, so Yu & Chen's claim fails as a universal statement",
  },
];

export function yuChenClaims(r: DingResults): Claim[] {
  return evaluateClaims(yuChenClaimSpecs, r.yuChen);
}

export const yuChen: SubsectionSpec<DingResults> = {
  id: "yu-chen",
  title: "The classical claim's regime: N − 1 sigmoid hidden units with a bias",
  method: (r) =>
    `Sigmoid, one hidden layer of m = N − 1 units, unit output weights and biases at a = −1 (\`minima certify --weights unit\`), designed labels on N seeded Gaussian inputs in ℝ^d₀ (seed ${r.seed}); ${r.yuChen[0]?.restarts.count ?? 0} restarts of ${r.yuChen[0]?.restarts.iterations ?? 0} steps.`,
  claims: yuChenClaims,
  tables: (r) => [
    {
      id: "ding-yu-chen",
      caption: "Certificates in the Yu–Chen regime",
      columns: CERTIFICATE_COLUMNS,
      rows: certificateTableRows(r.yuChen),
    },
  ],
  figures: (r) => {
    const rows = r.yuChen;
    const categories = rows.map((x) => `(${x.inputDim}, ${x.samples}, ${x.widths[0]})`);
    return [
      categoryDots({
        name: "ding-yu-chen",
        title: "Ding et al.: N − 1 sigmoid units, a sub-optimal minimum",
        caption:
          "The regime of Yu & Chen's 'local-minima free' claim: one hidden layer of m = N − 1 sigmoid units with an output bias (v = 1, a = −1). The final losses of the gradient-descent restarts from θ* + 1e-3·noise (squares) sit on the loss L* at the constructed point (circles), none below; the best loss found from random starts (third colour) is 20 or more decades lower, since the N − 1 units and the output bias give N features, enough to interpolate: the point is a local minimum and not a global one.",
        categories,
        xLabel: "(d₀, N, m = N − 1)",
        panels: [
          {
            y: { label: "loss L (log)", log: true },
            series: [
              {
                label: "perturbed restarts: final loss",
                values: rows.flatMap((x, i) =>
                  x.restarts.finalLosses.map((y) => ({ category: categories[i], y })),
                ),
                symbol: "square",
              },
              {
                label: "L* at the constructed point",
                values: rows.map((x, i) => ({ category: categories[i], y: x.lossAtPoint })),
                symbol: "circle",
              },
              {
                label: "best loss found elsewhere",
                values: rows.map((x, i) => ({ category: categories[i], y: x.bestLoss })),
              },
            ],
          },
        ],
      }),
    ];
  },
  data: (r) => ({ yuChen: r.yuChen }),
};
