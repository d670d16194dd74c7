/** Ding, Li & Sun (2019), certified sub-optimal local minima: claims, method, tables and figures. */
import { categoryDots } from "../../figures/category-dots.js";
import type { Figure } from "../../figures/figure.js";
import { evaluateClaims } from "../claims.js";
import { fmt } from "../format.js";
import type { Claim, ClaimSpec, SubsectionSpec } from "../types.js";
import {
  CERTIFICATE_COLUMNS,
  certificateTableRows,
  configLabel,
  countOf,
  fmtLoss,
  SUB_OPTIMAL,
} from "./common.js";
import { DING_ACTIVATIONS } from "./compute/configs.js";
import type { DingActivationRow, DingCertificateRow } from "./compute/rows.js";
import type { DingResults } from "./results.js";

export interface CertificateFacts {
  readonly results: DingResults;
  readonly rows: readonly DingCertificateRow[];
  readonly certified: readonly DingCertificateRow[];
  readonly failed: readonly DingCertificateRow[];
  readonly activations: readonly string[];
  readonly depths: readonly number[];
  /** Rows with d_H ≥ N, the largest best loss among them and the smallest L*. */
  readonly wide: readonly DingCertificateRow[];
  readonly wideBest: number;
  readonly wideLstar: number;
  /** Rows whose zero modes equal P − d₀d₁ − 1; rows with index 0 and a clear spectral gap. */
  readonly zeroMatch: number;
  readonly gapOk: number;
  readonly maxZero: number;
  readonly minPositive: number;
  /** Wide rows certified with at least one zero mode. */
  readonly wideNonStrict: number;
  /** Rows with d_H = 1, and those certified with a positive best loss. */
  readonly narrow: readonly DingCertificateRow[];
  readonly narrowSub: readonly DingCertificateRow[];
  /** Rows all of whose restarts returned to L*, and restarts that ended below L* over all rows. */
  readonly restartsBack: number;
  readonly descended: number;
  /** Activations the certificates ran, and those of them meeting the condition and certified somewhere. */
  readonly covered: readonly DingActivationRow[];
  readonly coveredOk: readonly DingActivationRow[];
  /** Activations outside the class, and those `certify` put outside the theorem. */
  readonly excluded: readonly DingActivationRow[];
  readonly excludedOk: readonly DingActivationRow[];
}

export function certificateFacts(r: DingResults): CertificateFacts {
  const rows = r.certificates;
  const wide = rows.filter((x) => x.wide);
  const narrow = rows.filter((x) => x.widths[x.widths.length - 1] === 1);
  const acts = r.activations;
  const covered = acts.filter((x) => DING_ACTIVATIONS.includes(x.activation));
  const excluded = acts.filter((x) => !DING_ACTIVATIONS.includes(x.activation));
  return {
    results: r,
    rows,
    certified: rows.filter((x) => x.verdict === SUB_OPTIMAL),
    failed: rows.filter((x) => x.verdict !== SUB_OPTIMAL),
    activations: [...new Set(rows.map((x) => x.activation))],
    depths: [...new Set(rows.map((x) => x.depth))].sort(),
    wide,
    wideBest: wide.reduce((m, x) => Math.max(m, x.bestLoss), 0),
    wideLstar: wide.reduce((m, x) => Math.min(m, x.lossAtPoint), Number.POSITIVE_INFINITY),
    zeroMatch: countOf(rows, (x) => x.zeroModes === x.predictedZeroModes),
    gapOk: countOf(rows, (x) => x.index === 0 && x.largestZeroMode < 1e-6 * x.smallestPositive),
    maxZero: rows.reduce((m, x) => Math.max(m, x.largestZeroMode), 0),
    minPositive: rows.reduce((m, x) => Math.min(m, x.smallestPositive), Number.POSITIVE_INFINITY),
    wideNonStrict: countOf(wide, (x) => x.zeroModes > 0 && x.verdict === SUB_OPTIMAL),
    narrow,
    narrowSub: narrow.filter((x) => x.verdict === SUB_OPTIMAL && x.bestLoss > 1e-6),
    restartsBack: countOf(rows, (x) => x.restarts.returned === x.restarts.count),
    descended: rows.reduce((s, x) => s + x.restarts.descended, 0),
    covered,
    coveredOk: covered.filter(
      (x) =>
        x.theoremCondition &&
        (x.d1 ?? 0) > 0 &&
        (x.d2 ?? 0) > 0 &&
        rows.some((row) => row.activation === x.activation && row.verdict === SUB_OPTIMAL),
    ),
    excluded,
    excludedOk: excluded.filter((x) => !x.theoremCondition && x.verdict === "outside the theorem"),
  };
}

export const certificateClaimSpecs: readonly ClaimSpec<CertificateFacts>[] = [
  {
    id: "ding-exists",
    statement:
      "For deep fully connected networks with generic input data and a smooth non-linear activation from a class dense in C(ℝ), sub-optimal local minima exist no matter how wide the network, provided the last hidden layer has at least two neurons (abstract).",
    provenance: "verified",
    measured: (f) =>
      `${f.certified.length} of ${f.rows.length} configurations (${f.activations.join(", ")}; depths ${f.depths.join(", ")}) reach the verdict "${SUB_OPTIMAL}": the analytic certificate holds (R1, R2 ≤ 1e-10, λ_min(S) > 0, λ_min(∇²F) > 0, ‖∇L‖ ≈ 0), no perturbed restart descends below L* (${f.descended} of ${f.rows.reduce((s, x) => s + x.restarts.count, 0)} runs did), and a lower loss was found elsewhere.${f.failed.length > 0 ? ` Not certified: ${f.failed.map((x) => `${configLabel(x)}: ${x.verdict} (${x.reason})`).join("; ")}.` : ""}`,
    verdict: {
      test: `agrees when every configuration (at least one) reaches the verdict "${SUB_OPTIMAL}" of minima certify (certificate, perturbed restarts, a lower loss elsewhere); partly agrees when some do; else differs`,
      decide: (f) =>
        f.failed.length === 0 && f.rows.length > 0
          ? "agrees"
          : f.certified.length > 0
            ? "partly agrees"
            : "differs",
    },
    why: "the minima are built by Minima's construction (docs/ding.md#the-construction: W₁ = 0, output = label mean, labels with only a definite quadratic signal), not the paper's, whose body was not available; which of these activations the paper's Assumption covers is recalled, not verified",
  },
  {
    id: "ding-wide-global-zero",
    statement:
      "When the last hidden layer has d_H ≥ N, the network interpolates the data, so the global minimum is 0 and any local minimum with positive loss is sub-optimal.",
    provenance: "derived",
    measured: (f) =>
      f.wide.length === 0
        ? "No configuration with d_H ≥ N was run."
        : `In the ${f.wide.length} configurations with d_H ≥ N: L* ≥ ${fmt(f.wideLstar)} while the best loss found is at most ${fmt(f.wideBest, 2)} (least squares on random features or L-BFGS from random starts).`,
    verdict: {
      test: "agrees when, over the configurations with d_H ≥ N (at least one), the largest best loss found is at most 1e-8 × the smallest L*; differs when it is larger; not comparable without such configurations",
      decide: (f) =>
        f.wide.length > 0 && f.wideBest <= 1e-8 * f.wideLstar
          ? "agrees"
          : f.wide.length > 0
            ? "differs"
            : "not comparable",
    },
  },
  {
    id: "ding-zero-modes",
    statement:
      "The constructed minimum is not strict: it lies on a flat manifold {W₁ = 0, F(b₁) = c} of dimension P − d₀·d₁ − 1, so the Hessian has exactly that many zero eigenvalues and no negative one.",
    provenance: "derived",
    measured: (f) =>
      `Zero modes (|λ| ≤ 1e-7·λ_max) equal P − d₀·d₁ − 1 in ${f.zeroMatch} of ${f.rows.length} configurations; index 0 and a clear gap (largest |λ| among the zero modes below 1e-6 × the smallest positive λ) in ${f.gapOk}. Over all configurations the zero modes are at most ${fmt(f.maxZero, 2)} in size and the positive eigenvalues at least ${fmt(f.minPositive, 2)}.`,
    verdict: {
      test: "agrees when in every configuration the number of zero modes (|λ| ≤ 1e-7·λ_max) equals P − d₀·d₁ − 1, the Hessian index is 0 and the largest |λ| among the zero modes is below 1e-6 × the smallest positive λ; else differs",
      decide: (f) => (f.zeroMatch === f.rows.length && f.gapOk === f.rows.length ? "agrees" : "differs"),
    },
  },
  {
    id: "ding-wide-non-strict",
    statement:
      "Over-parameterized networks (last hidden layer ≥ N) have no sub-optimal strict local minima for any continuous activation (Li, Ding & Sun 2018, abstract), so the sub-optimal minima of wide networks must be non-strict.",
    provenance: "verified",
    measured: (f) =>
      `${f.wideNonStrict} of ${f.wide.length} certified wide minima have zero modes (a flat direction), as required.`,
    verdict: {
      test: `agrees when every configuration with d_H ≥ N (at least one) is certified "${SUB_OPTIMAL}" with at least one zero mode; differs otherwise; not comparable without such configurations`,
      decide: (f) =>
        f.wide.length > 0 && f.wideNonStrict === f.wide.length
          ? "agrees"
          : f.wide.length > 0
            ? "differs"
            : "not comparable",
    },
  },
  {
    id: "ding-restarts",
    statement:
      "Small-step gradient descent from θ* + 1e-3·noise returns to the loss L* (docs/ding.md#the-verification-protocol, check 4: never below L* − 1e-12 in earlier runs).",
    provenance: "prior-run",
    measured: (f) =>
      `All runs returned to within 1e-6 of L* in ${f.restartsBack} of ${f.rows.length} configurations (${f.results.restartCount} runs of ${f.results.restartIterations} steps each, step 0.5/λ_max); ${f.descended} runs ended below L*.`,
    verdict: {
      test: "agrees when no perturbed restart ends below L* (beyond the certificate's tolerance) and in every configuration all restarts end within 1e-6·max(1, L*) of L*; partly agrees when none ends below L* but some have not returned; else differs",
      decide: (f) =>
        f.descended === 0 && f.restartsBack === f.rows.length
          ? "agrees"
          : f.descended === 0
            ? "partly agrees"
            : "differs",
    },
    why: (f) =>
      f.restartsBack === f.rows.length
        ? "the runs end on the flat manifold near θ*, not at θ* itself (their distance is in results.json)"
        : "some runs had not settled within the step budget; none went below L*",
  },
  {
    id: "ding-activation-class",
    statement:
      "The activation class (the paper's Assumption, not available): smooth near some a with σ''(a) ≠ 0, which includes sigmoid, tanh, softplus, swish, GELU and ELU (on x < 0) and excludes linear and piecewise-linear activations, whose bad minima are left to other work.",
    provenance: "recalled",
    measured: (f) =>
      `${f.covered
        .map((x) =>
          x.point === undefined
            ? `${x.activation}: no point`
            : `${x.activation} a = ${x.point}: σ'(a) ${fmt(x.d1 ?? 0)}, σ''(a) ${fmt(x.d2 ?? 0)}`,
        )
        .join(
          "; ",
        )}. Certified in at least one configuration: ${f.coveredOk.length} of ${f.covered.length}. ${f.excluded
        .map((x) => `${x.activation}: ${x.verdict ?? "not run"}`)
        .join("; ")}.`,
    verdict: {
      test: "agrees when every smooth activation run meets the theorem's condition with σ'(a) > 0 and σ''(a) > 0 and is certified in at least one configuration, and every excluded activation (ReLU, leaky ReLU, linear) fails the condition and gets the verdict 'outside the theorem'; else differs",
      decide: (f) =>
        f.coveredOk.length === f.covered.length && f.excludedOk.length === f.excluded.length
          ? "agrees"
          : "differs",
    },
    why: "the exact Assumption is an open question (docs/ding.md#open-questions, question 1); the construction needs σ'(a) > 0 and σ''(a) > 0 at one point to stack to any depth",
  },
  {
    id: "ding-proof-not-strict",
    statement:
      "Minima's constructed minima are local minima with zero Hessian modes (not strict), so a computer-assisted proof of a strict minimum (Newton–Kantorovich with a verified factorisation) must refuse every one of them; the analytic certificate is what proves them.",
    provenance: "derived",
    measured: (f) => {
      const refused = f.rows.filter((x) => !x.proofCertified);
      return `${refused.length} of ${f.rows.length} configurations refused (${[...new Set(refused.map((x) => x.proofReason.replace(/ \(.*$/, "")))].join("; ")}); zero modes ${Math.min(...f.rows.map((x) => x.zeroModes))}–${Math.max(...f.rows.map((x) => x.zeroModes))} per configuration.`;
    },
    verdict: {
      test: "agrees when no configuration with zero modes is certified as a strict minimum; else differs (a strict-minimum proof at a point with zero modes would be a bug in the proof)",
      decide: (f) => (f.rows.every((x) => x.zeroModes === 0 || !x.proofCertified) ? "agrees" : "differs"),
    },
    why: "the proof needs an eigenvalue gap at zero, which a non-strict minimum cannot have (docs/proofs.md#the-mlp); the strict minima it does certify are tested in test/models/mlp/hessian-lipschitz.test.ts",
  },
  {
    id: "ding-width-one",
    statement:
      "The paper needs at least two neurons in the last hidden layer; Minima's construction is a local minimum for d_H = 1 as well, and still sub-optimal there (training reaches a lower but positive loss).",
    provenance: "prior-run",
    applies: (f) => f.narrow.length > 0,
    measured: (f) =>
      `d_H = 1: ${f.narrow.map((x) => `${configLabel(x)} L* ${fmt(x.lossAtPoint, 6)}, best ${fmtLoss(x.bestLoss)} (${x.verdict})`).join("; ")}.`,
    verdict: {
      test: `agrees when every configuration with d_H = 1 is certified "${SUB_OPTIMAL}" with a best loss found above 1e-6; else differs (made only when such configurations were run)`,
      decide: (f) => (f.narrowSub.length === f.narrow.length ? "agrees" : "differs"),
    },
    why: "this does not contradict the paper: its d_H ≥ 2 condition is sufficient for its proof, and why it needs it is unknown (docs/ding.md#open-questions, question 4)",
  },
];

/** The claims on the certificates, each verdict decided by the rows' numbers. */
export function certificateClaims(r: DingResults): Claim[] {
  return evaluateClaims(certificateClaimSpecs, certificateFacts(r));
}

function certificateFigures(r: DingResults): Figure[] {
  const rows = r.certificates;
  const categories = rows.map(configLabel);
  const at = (pick: (x: DingCertificateRow) => number) =>
    rows.map((x, i) => ({ category: categories[i], y: pick(x) }));
  const losses = categoryDots({
    name: "ding-losses",
    title: "Ding et al.: loss L* at the minimum and the best loss found",
    caption:
      "For each activation and widths (d₀ = 2, N = 10 unless stated): the loss L* at the certified local minimum (circles) and the lowest loss found elsewhere by least squares on random features or L-BFGS from random starts (squares), on a log axis. Wherever d_H ≥ N the best loss is at round-off level (≈ 1e-25), 25 decades below L*: the minimum is sub-optimal. With d_H < N the best loss is positive for d_H = 1 and often still ≈ 0 otherwise (more parameters than samples); it is below L* in every case.",
    categories,
    xLabel: "activation σ [hidden widths]",
    panels: [
      {
        y: { label: "loss L = ½Σ(f(xᵢ) − yᵢ)² (log)", log: true },
        series: [
          { label: "L* at the constructed minimum", values: at((x) => x.lossAtPoint) },
          { label: "best loss found elsewhere", values: at((x) => x.bestLoss) },
        ],
      },
    ],
  });
  const spectrum = categoryDots({
    name: "ding-spectrum",
    title: "Ding et al.: Hessian spectrum at the minimum",
    caption:
      "The certificate's curvature κ = λ_min(S)·λ_min(∇²F) > 0 (squares), the smallest positive eigenvalue of ∇²L (circles; usually close to κ: for one hidden layer the first-layer block of the Hessian is v_jσ''(a)·S) and the largest |λ| among the zero modes (squares, third colour), on a log axis. The zero modes sit ten or more decades below the positive eigenvalues, so their count (in the table: P − d₀d₁ − 1) is well defined; no eigenvalue is negative beyond rounding.",
    categories,
    xLabel: "activation σ [hidden widths]",
    panels: [
      {
        y: { label: "eigenvalue λ (log)", log: true },
        series: [
          // κ first, as squares, so the smallest positive λ (often ≈ κ) is drawn on top of it
          {
            label: "κ = λ_min(S)·λ_min(∇²F)",
            values: at((x) => x.minEigenvalueS * x.minEigenvalueF),
            symbol: "square",
          },
          { label: "smallest λ > 0 of ∇²L", values: at((x) => x.smallestPositive), symbol: "circle" },
          { label: "largest |λ| among zero modes", values: at((x) => x.largestZeroMode), symbol: "square" },
        ],
      },
    ],
  });
  return [losses, spectrum];
}

export const certificates: SubsectionSpec<DingResults> = {
  id: "certificates",
  title: "Certified sub-optimal local minima: six activations, depths 1 to 3, narrow and wide",
  method: (r) =>
    `Minima's construction (docs/ding.md#the-construction) on N seeded Gaussian inputs in ℝ^d₀ (seed ${r.seed}) with designed labels y = 0.3 − r (Σr = 0, Σr·x = 0, Σr·xxᵀ ≻ 0), downstream and output weights in [0.5, 1.5]; then the verification protocol (docs/ding.md#the-verification-protocol): exact Hessian spectrum (zero modes: |λ| ≤ 1e-7·λ_max), ${r.restartCount} gradient-descent restarts of ${r.restartIterations} steps from θ* + 1e-3·noise, and the best loss elsewhere from ${r.featureDraws} random-feature least-squares fits and ${r.trainingStarts} L-BFGS runs from random starts. Each row is \`minima certify --activation σ --d0 d₀ --samples N --widths … --seed ${r.seed}\`.`,
  claims: certificateClaims,
  tables: (r) => [
    {
      id: "ding-activations",
      caption:
        "The activations against the theorem's condition: the construction's point a with σ'(a) > 0 and σ''(a) > 0, or the verdict of minima certify for an excluded activation",
      columns: ["σ", "formula", "condition σ''(a) ≠ 0 holds", "a", "σ'(a)", "σ''(a)", "certify verdict"],
      rows: r.activations.map((x) => [
        x.activation,
        x.formula,
        x.theoremCondition ? "yes" : "no",
        x.point ?? "—",
        x.d1 === undefined ? "—" : fmt(x.d1, 4),
        x.d2 === undefined ? "—" : fmt(x.d2, 4),
        x.verdict === undefined ? "see the certificates" : `${x.verdict}: ${x.reason ?? ""}`,
      ]),
    },
    {
      id: "ding-certificates",
      caption:
        "Certificate per configuration: L* = ½‖r‖², the best loss found elsewhere and by which route, the Hessian's λ_min and smallest positive eigenvalue, the certificate's λ_min(S) and λ_min(∇²F), zero modes against P − d₀d₁ − 1, and the perturbed restarts",
      columns: CERTIFICATE_COLUMNS,
      rows: certificateTableRows(r.certificates),
    },
  ],
  figures: certificateFigures,
  data: (r) => ({ activations: r.activations, certificates: r.certificates }),
};
