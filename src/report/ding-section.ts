/**
 * Ding, Li & Sun (2019) rendered: claims (paper — measured — verdict), tables and figures from the
 * plain results of ding.ts. No computation beyond formatting and simple comparisons.
 */
import { categoryDots } from "../figures/category-dots.js";
import type { Figure, Point } from "../figures/figure.js";
import { type LinePanel, lineChart } from "../figures/line-chart.js";
import type { SectionBuilder } from "./build.js";
import {
  computeDing,
  DING_ACTIVATIONS,
  type DingCertificateRow,
  type DingEscape,
  type DingResults,
  NOTES_ESCAPE,
} from "./ding.js";
import { fmt } from "./format.js";
import type { Claim, Section, Subsection, Verdict } from "./types.js";

const SUB_OPTIMAL = "sub-optimal local minimum";

export function configLabel(
  row: Pick<DingCertificateRow, "activation" | "widths" | "inputDim" | "samples">,
): string {
  const data = row.inputDim === 2 && row.samples === 10 ? "" : ` d₀=${row.inputDim} N=${row.samples}`;
  return `${row.activation} [${row.widths.join(",")}]${data}`;
}

/** Losses comparable with L* get as many digits as L*; round-off-level ones two. */
function fmtLoss(x: number): string {
  return fmt(x, x >= 1e-3 ? 6 : 2);
}

function restartsText(row: DingCertificateRow): string {
  const r = row.restarts;
  return `${r.returned}/${r.count} back (|ΔL| ≤ ${fmt(r.maxDeviation, 2)})${r.descended > 0 ? `, ${r.descended} below L*` : ""}`;
}

const countOf = <T>(rows: readonly T[], pick: (row: T) => boolean) => rows.filter(pick).length;

/** The claims on the certificates, each verdict decided by the rows' numbers. */
export function certificateClaims(r: DingResults): Claim[] {
  const rows = r.certificates;
  const certified = rows.filter((x) => x.verdict === SUB_OPTIMAL);
  const activations = [...new Set(rows.map((x) => x.activation))];
  const depths = [...new Set(rows.map((x) => x.depth))].sort();
  const failed = rows.filter((x) => x.verdict !== SUB_OPTIMAL);
  const wide = rows.filter((x) => x.wide);
  const wideBest = wide.reduce((m, x) => Math.max(m, x.bestLoss), 0);
  const wideLstar = wide.reduce((m, x) => Math.min(m, x.lossAtPoint), Number.POSITIVE_INFINITY);
  const zeroMatch = countOf(rows, (x) => x.zeroModes === x.predictedZeroModes);
  const gapOk = countOf(rows, (x) => x.index === 0 && x.largestZeroMode < 1e-6 * x.smallestPositive);
  const maxZero = rows.reduce((m, x) => Math.max(m, x.largestZeroMode), 0);
  const minPositive = rows.reduce((m, x) => Math.min(m, x.smallestPositive), Number.POSITIVE_INFINITY);
  const wideNonStrict = countOf(wide, (x) => x.zeroModes > 0 && x.verdict === SUB_OPTIMAL);
  const narrow = rows.filter((x) => x.widths[x.widths.length - 1] === 1);
  const narrowSub = narrow.filter((x) => x.verdict === SUB_OPTIMAL && x.bestLoss > 1e-6);
  const restartsBack = countOf(rows, (x) => x.restarts.returned === x.restarts.count);
  const descended = rows.reduce((s, x) => s + x.restarts.descended, 0);
  const claims: Claim[] = [
    {
      id: "ding-exists",
      paper:
        "For deep fully connected networks with generic input data and a smooth non-linear activation from a class dense in C(ℝ), sub-optimal local minima exist no matter how wide the network, provided the last hidden layer has at least two neurons (abstract).",
      provenance: "verified",
      measured: `${certified.length} of ${rows.length} configurations (${activations.join(", ")}; depths ${depths.join(", ")}) reach the verdict "${SUB_OPTIMAL}": the analytic certificate holds (R1, R2 ≤ 1e-10, λ_min(S) > 0, λ_min(∇²F) > 0, ‖∇L‖ ≈ 0), no perturbed restart descends below L* (${descended} of ${rows.reduce((s, x) => s + x.restarts.count, 0)} runs did), and a lower loss was found elsewhere.${failed.length > 0 ? ` Not certified: ${failed.map((x) => `${configLabel(x)}: ${x.verdict} (${x.reason})`).join("; ")}.` : ""}`,
      verdict:
        failed.length === 0 && rows.length > 0
          ? "agrees"
          : certified.length > 0
            ? "partly agrees"
            : "differs",
      why: "the minima are built by the notes' construction (§3: W₁ = 0, output = label mean, labels with only a definite quadratic signal), not the paper's, whose body was not available; which of these activations the paper's Assumption covers is recalled, not verified",
    },
    {
      id: "ding-wide-global-zero",
      paper:
        "When the last hidden layer has d_H ≥ N, the network interpolates the data, so the global minimum is 0 and any local minimum with positive loss is sub-optimal.",
      provenance: "derived",
      measured:
        wide.length === 0
          ? "No configuration with d_H ≥ N was run."
          : `In the ${wide.length} configurations with d_H ≥ N: L* ≥ ${fmt(wideLstar)} while the best loss found is at most ${fmt(wideBest, 2)} (least squares on random features or L-BFGS from random starts).`,
      verdict:
        wide.length > 0 && wideBest <= 1e-8 * wideLstar
          ? "agrees"
          : wide.length > 0
            ? "differs"
            : "not comparable",
    },
    {
      id: "ding-zero-modes",
      paper:
        "The constructed minimum is not strict: it lies on a flat manifold {W₁ = 0, F(b₁) = c} of dimension P − d₀·d₁ − 1, so the Hessian has exactly that many zero eigenvalues and no negative one.",
      provenance: "derived",
      measured: `Zero modes (|λ| ≤ 1e-7·λ_max) equal P − d₀·d₁ − 1 in ${zeroMatch} of ${rows.length} configurations; index 0 and a clear gap (largest |λ| among the zero modes below 1e-6 × the smallest positive λ) in ${gapOk}. Over all configurations the zero modes are at most ${fmt(maxZero, 2)} in size and the positive eigenvalues at least ${fmt(minPositive, 2)}.`,
      verdict: zeroMatch === rows.length && gapOk === rows.length ? "agrees" : "differs",
    },
    {
      id: "ding-wide-non-strict",
      paper:
        "Over-parameterized networks (last hidden layer ≥ N) have no sub-optimal strict local minima for any continuous activation (Li, Ding & Sun 2018, abstract), so the sub-optimal minima of wide networks must be non-strict.",
      provenance: "verified",
      measured: `${wideNonStrict} of ${wide.length} certified wide minima have zero modes (a flat direction), as required.`,
      verdict:
        wide.length > 0 && wideNonStrict === wide.length
          ? "agrees"
          : wide.length > 0
            ? "differs"
            : "not comparable",
    },
    {
      id: "ding-restarts",
      paper:
        "Small-step gradient descent from θ* + 1e-3·noise returns to the loss L* (notes §4, check 4: never below L* − 1e-12 in the notes' runs).",
      provenance: "notes-run",
      measured: `All runs returned to within 1e-6 of L* in ${restartsBack} of ${rows.length} configurations (${r.restartCount} runs of ${r.restartIterations} steps each, step 0.5/λ_max); ${descended} runs ended below L*.`,
      verdict:
        descended === 0 && restartsBack === rows.length
          ? "agrees"
          : descended === 0
            ? "partly agrees"
            : "differs",
      why:
        restartsBack === rows.length
          ? "the runs end on the flat manifold near θ*, not at θ* itself (their distance is in results.json)"
          : "some runs had not settled within the step budget; none went below L*",
    },
  ];
  const acts = r.activations;
  const covered = acts.filter((x) => DING_ACTIVATIONS.includes(x.activation));
  const coveredOk = covered.filter(
    (x) =>
      x.theoremCondition &&
      (x.d1 ?? 0) > 0 &&
      (x.d2 ?? 0) > 0 &&
      rows.some((row) => row.activation === x.activation && row.verdict === SUB_OPTIMAL),
  );
  const excluded = acts.filter((x) => !DING_ACTIVATIONS.includes(x.activation));
  const excludedOk = excluded.filter((x) => !x.theoremCondition && x.verdict === "outside the theorem");
  claims.push({
    id: "ding-activation-class",
    paper:
      "The activation class (the paper's Assumption, not available): smooth near some a with σ''(a) ≠ 0, which includes sigmoid, tanh, softplus, swish, GELU and ELU (on x < 0) and excludes linear and piecewise-linear activations, whose bad minima are left to other work.",
    provenance: "recalled",
    measured: `${covered
      .map((x) =>
        x.point === undefined
          ? `${x.activation}: no point`
          : `${x.activation} a = ${x.point}: σ'(a) ${fmt(x.d1 ?? 0)}, σ''(a) ${fmt(x.d2 ?? 0)}`,
      )
      .join(
        "; ",
      )}. Certified in at least one configuration: ${coveredOk.length} of ${covered.length}. ${excluded
      .map((x) => `${x.activation}: ${x.verdict ?? "not run"}`)
      .join("; ")}.`,
    verdict:
      coveredOk.length === covered.length && excludedOk.length === excluded.length ? "agrees" : "differs",
    why: "the exact Assumption is an open question of the notes (§8, question 1); the construction needs σ'(a) > 0 and σ''(a) > 0 at one point to stack to any depth",
  });
  if (narrow.length > 0)
    claims.push({
      id: "ding-width-one",
      paper:
        "The paper needs at least two neurons in the last hidden layer; the notes' construction is a local minimum for d_H = 1 as well, and still sub-optimal there (training reaches a lower but positive loss).",
      provenance: "notes-run",
      measured: `d_H = 1: ${narrow.map((x) => `${configLabel(x)} L* ${fmt(x.lossAtPoint, 6)}, best ${fmtLoss(x.bestLoss)} (${x.verdict})`).join("; ")}.`,
      verdict: narrowSub.length === narrow.length ? "agrees" : "differs",
      why: "this does not contradict the paper: its d_H ≥ 2 condition is sufficient for its proof, and why it needs it is unknown (notes §8, question 4)",
    });
  return claims;
}

function certificateTableRows(rows: readonly DingCertificateRow[]) {
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
    x.verdict,
  ]);
}

const CERTIFICATE_COLUMNS = [
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
  "verdict",
];

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

function certificateSubsection(r: DingResults): Subsection {
  return {
    id: "certificates",
    title: "Certified sub-optimal local minima: six activations, depths 1 to 3, narrow and wide",
    method: `The notes' construction (§3) on N seeded Gaussian inputs in ℝ^d₀ (seed ${r.seed}) with designed labels y = 0.3 − r (Σr = 0, Σr·x = 0, Σr·xxᵀ ≻ 0), downstream and output weights in [0.5, 1.5]; then the verification protocol (§4): exact Hessian spectrum (zero modes: |λ| ≤ 1e-7·λ_max), ${r.restartCount} gradient-descent restarts of ${r.restartIterations} steps from θ* + 1e-3·noise, and the best loss elsewhere from ${r.featureDraws} random-feature least-squares fits and ${r.trainingStarts} L-BFGS runs from random starts. Each row is \`minima certify --activation σ --d0 d₀ --samples N --widths … --seed ${r.seed}\`.`,
    claims: certificateClaims(r),
    tables: [
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
    figures: certificateFigures(r),
    data: { activations: r.activations, certificates: r.certificates },
  };
}

/** The escape path as (s, L − L*): s ∈ [0, 1] along the valley, s = 1 + ‖W₁‖_F after it. */
export function escapeSeries(e: DingEscape) {
  const p = e.path;
  const L = p.referenceLoss;
  const end = p.valley[p.valley.length - 1];
  return {
    valleyThenDescent: [
      ...p.valley.map((q) => ({ x: q.t, y: q.loss - L })),
      ...p.descent.map((q) => ({ x: 1 + q.t, y: q.loss - L })),
    ],
    endOfValley: end.loss - L,
    direct: [{ x: 1, y: 0 }, ...p.rise.map((q) => ({ x: 1 + q.t, y: q.loss - L }))],
  };
}

/** The curve up to where it first rises above `ceiling` (ending exactly on it), so a panel can be scaled to a smaller curve. */
export function cutAbove(points: readonly Point[], ceiling: number): Point[] {
  const out: Point[] = [];
  for (const [i, q] of points.entries()) {
    if (q.y <= ceiling) {
      out.push(q);
      continue;
    }
    const prev = points[i - 1];
    if (prev) out.push({ x: prev.x + ((ceiling - prev.y) / (q.y - prev.y)) * (q.x - prev.x), y: ceiling });
    break;
  }
  return out;
}

function escapeFigure(r: DingResults): Figure {
  const panels: LinePanel[] = [r.example, ...r.escapes].map((e) => {
    const s = escapeSeries(e);
    // The rise from θ* is much steeper than the descent after the valley; the panel is scaled to the descent.
    const lowest = Math.min(...s.valleyThenDescent.map((q) => q.y));
    const ceiling = lowest < 0 ? -1.5 * lowest : Math.max(...s.direct.map((q) => q.y));
    return {
      x: { label: "path s: valley 0–1, then ‖W₁‖_F = s − 1", domain: [0, 2] },
      y: { label: `${e.label}: L − L*`, domain: [Math.min(1.1 * lowest, 0), ceiling] },
      series: [
        { label: "along the flat valley (v → ρv), then W₁ = (s−1)·q uᵀ", points: s.valleyThenDescent },
        {
          label: "the same W₁ from θ* directly (cut at the top)",
          points: cutAbove(s.direct, ceiling),
          dashed: true,
        },
      ],
      references: [{ y: 0, label: "L*" }],
    };
  });
  return lineChart({
    name: "ding-escape-path",
    title: "Ding et al.: leaving the minimum without raising the loss",
    caption:
      "Loss change L − L* along the escape path of the notes (§3.5), for the §6.1 example and for each activation (d₀ = 2, N = 10, width 10). For 0 ≤ s ≤ 1 the flipped output weights move from v to ρv (ρ < 0) along the flat manifold: the loss stays exactly L*. Then moving the first layer along W₁ = (s − 1)·q uᵀ lowers the loss (solid), while the same move from θ* raises it (dashed, much more steeply: it is cut at the top of each panel, which is scaled to the descent): the minimum is not a basin.",
    columns: 3,
    panels,
  });
}

/** The notes' §3.5 numbers against ours at the same ‖W₁‖_F. */
export function exampleComparison(e: DingEscape) {
  const find = (points: readonly { t: number; loss: number }[], t: number) =>
    points.find((q) => Math.abs(q.t - t) < 1e-12)?.loss;
  const rows = [
    ...NOTES_ESCAPE.rise.map((q) => ({
      part: "from θ* (rises)",
      t: q.t,
      notes: q.loss,
      measured: find(e.path.rise, q.t),
    })),
    ...NOTES_ESCAPE.descent.map((q) => ({
      part: "after the valley (falls)",
      t: q.t,
      notes: q.loss,
      measured: find(e.path.descent, q.t),
    })),
  ];
  return rows.map((row) => ({
    ...row,
    measured: row.measured ?? Number.NaN,
    // the notes print 5 decimals
    matches: row.measured !== undefined && Math.abs(row.measured - row.notes) <= 5e-6,
  }));
}

export function controlClaims(r: DingResults): Claim[] {
  // The notes' control has a second unit in the last hidden layer: a W₁ move of two units whose
  // output changes cancel at first order has no Gauss–Newton curvature, so only the flipped
  // σ''-term remains. With d_H = 1 there is no such move; those rows are reported apart.
  const all = r.controls;
  const c = all.filter((x) => x.widths[x.widths.length - 1] >= 2);
  const single = all.filter((x) => x.widths[x.widths.length - 1] < 2);
  const saddles = countOf(c, (x) => x.label === "saddle" && x.minEigenvalue < 0);
  const escaped = c.filter((x) => x.escaped);
  const notEscaped = c.filter((x) => !x.escaped);
  const deep = c.filter((x) => x.widths.length > 1);
  const allFlipped = countOf(deep, (x) => x.flipped === x.widths[x.widths.length - 1]);
  const flat = countOf(all, (x) => x.valleyDeviation <= 1e-12 * Math.max(1, x.lossAtPoint));
  const descends = countOf(all, (x) => x.descentCurvature < 0);
  const escapes = [r.example, ...r.escapes];
  const fell = escapes.filter((e) => e.path.descent.some((q) => q.loss < e.path.referenceLoss));
  const rose = escapes.filter((e) => e.path.rise.every((q) => q.loss > e.path.referenceLoss));
  const maxValley = escapes.reduce((m, e) => Math.max(m, e.path.valleyDeviation), 0);
  const example = exampleComparison(r.example);
  const exampleOk = example.every((x) => x.matches);
  const lambdas = c.map((x) => x.minEigenvalue);
  const lambdaRange =
    c.length > 0
      ? ` (λ_min(∇²L) from ${fmt(Math.min(...lambdas), 2)} to ${fmt(Math.max(...lambdas), 2)})`
      : "";
  const controlVerdict: Verdict =
    c.length === 0
      ? "not comparable"
      : saddles === c.length
        ? escaped.length === c.length
          ? "agrees"
          : "partly agrees"
        : "differs";
  const singleSaddles = countOf(single, (x) => x.label === "saddle");
  const singleText =
    single.length > 0
      ? ` Outside the control's setting, d_H = 1: ${singleSaddles} of ${single.length} flipped points are saddles, GD left ${countOf(single, (x) => x.escaped)} of them; the Gauss–Newton term outweighs the flipped curvature there, and the escape needs ρ nearer 0 (see the valley claim).`
      : "";
  const whys: string[] = [];
  if (notEscaped.length > 0)
    whys.push(
      "the escape direction's curvature is small against λ_max (GD step 0.5/λ_max), so GD needs many steps to leave the saddle",
    );
  if (deep.length > 0)
    whys.push(
      "in deep nets a single flipped output weight is outweighed by the other units; flipping all of them reverses the curvature, as the construction predicts",
    );
  return [
    {
      id: "ding-negative-control",
      paper:
        "Negative control (with at least two units in the last hidden layer): flipping the sign of one output weight (so v_jσ''(a) < 0, b₀ compensated, same loss) must give negative Hessian eigenvalues, and gradient descent from a 1e-3 perturbation must escape (notes §3.6).",
      provenance: "derived",
      measured: `d_H ≥ 2: ${saddles} of ${c.length} flipped points are saddles${lambdaRange}; GD escaped below L*·(1 − 1e-3) in ${escaped.length} of ${c.length}${escaped.length > 0 ? ` (after ${Math.min(...escaped.map((x) => x.iterations))} to ${Math.max(...escaped.map((x) => x.iterations))} steps)` : ""}${notEscaped.length > 0 ? `; not within the budget: ${notEscaped.map((x) => `${x.activation} [${x.widths.join(",")}] (${x.iterationBudget} steps)`).join(", ")}` : ""}.${deep.length > 0 ? ` In deep nets all d_H output weights were flipped (${allFlipped} of ${deep.length}).` : ""}${singleText}`,
      verdict: controlVerdict,
      why: whys.length > 0 ? whys.join("; ") : undefined,
    },
    {
      id: "ding-escape-valley",
      paper:
        "The minimum can be left at constant loss: moving output weights through 0 along the flat manifold keeps L = L*, after which a first-layer move lowers the loss; so it is not a basin, consistent with the authors' result that wide networks have no sub-optimal basins (Li, Ding & Sun) and with Petzka & Sminchisescu's non-attracting regions.",
      provenance: "derived",
      measured: `Along the valley |L − L*| ≤ ${fmt(maxValley, 2)} (every path drawn) and ≤ 1e-12·L* in ${flat} of ${all.length} controlled configurations; the curvature along the descent direction at the valley's end is negative in ${descends} of ${all.length}; the loss falls below L* in ${fell.length} of ${escapes.length} drawn paths, while the same move from θ* raises it in ${rose.length} of ${escapes.length}.`,
      verdict:
        flat === all.length &&
        descends === all.length &&
        fell.length === escapes.length &&
        rose.length === escapes.length
          ? "agrees"
          : "differs",
    },
    {
      id: "ding-escape-example",
      paper:
        "§6.1 example (m = 2): from θ*, w₁ = 0.1 / 0.3 / 1.0 gives L = 2.00278 / 2.02463 / 2.22912; after moving v₁ to −0.5 along the valley (L = 2), w₁ = 0.1 / 0.3 / 0.6 / 1.0 gives 1.99934 / 1.99420 / 1.97901 / 1.95352 (notes §3.5).",
      provenance: "notes-run",
      measured: example
        .map(
          (x) =>
            `${x.part} t=${x.t}: ${Number.isFinite(x.measured) ? x.measured.toFixed(5) : "not computed"}`,
        )
        .join("; "),
      verdict: exampleOk ? "agrees" : "differs",
    },
  ];
}

function controlSubsection(r: DingResults): Subsection {
  const example = exampleComparison(r.example);
  return {
    id: "controls",
    title: "The negative control, and the escape along the flat valley",
    method:
      "Negative control: one output weight flipped (all of them in deep nets, where one flip is not enough), b₀ compensated; exact Hessian; gradient descent (step 0.5/λ_max) from a 1e-3 perturbation until the loss is below L*·(1 − 1e-3). Escape path (src/experiments/ding/escape-path.ts): the flipped output weights move from v to ρv (ρ = −1/2, or closer to 0 until the descent direction's curvature is negative) at constant loss, then W₁ = t·q uᵀ with u the top eigenvector of S and q the most negative eigenvector of ∇²F.",
    claims: controlClaims(r),
    tables: [
      {
        id: "ding-controls",
        caption:
          "Negative control and escape path per configuration: flipped output weights, λ_min(∇²F) and λ_min(∇²L) after the flip, Hessian index, GD's loss after descent, and along the valley the largest |L − L*| and the curvature along the descent direction at its end",
        columns: [
          "σ",
          "widths",
          "flipped",
          "λ_min(∇²F)",
          "index",
          "λ_min(∇²L)",
          "label",
          "L*",
          "loss after GD",
          "GD steps (budget)",
          "escaped",
          "valley max |L − L*|",
          "ρ",
          "descent curvature",
        ],
        rows: r.controls.map((x) => [
          x.activation,
          x.widths.join(","),
          x.flipped,
          fmt(x.minEigenvalueF, 3),
          x.index,
          fmt(x.minEigenvalue, 3),
          x.label,
          fmt(x.lossAtPoint, 6),
          fmt(x.lossAfterDescent, 6),
          `${x.iterations} (${x.iterationBudget})`,
          x.escaped ? "yes" : "no",
          fmt(x.valleyDeviation, 2),
          fmt(x.valleyEndFactor, 3),
          fmt(x.descentCurvature, 3),
        ]),
      },
      {
        id: "ding-escape-example",
        caption: "The §6.1 example (sigmoid, m = 2, L* = 2): the notes' escape numbers against Minima's",
        columns: ["part of the path", "‖W₁‖_F = t", "notes", "Minima", "match (5 decimals)"],
        rows: example.map((x) => [
          x.part,
          x.t,
          x.notes,
          Number.isFinite(x.measured) ? x.measured.toFixed(6) : "—",
          x.matches ? "yes" : "no",
        ]),
      },
    ],
    figures: [escapeFigure(r)],
    data: { controls: r.controls, escapes: [r.example, ...r.escapes] },
  };
}

export function yuChenClaims(r: DingResults): Claim[] {
  const rows = r.yuChen;
  const sub = rows.filter((x) => x.verdict === SUB_OPTIMAL);
  return [
    {
      id: "ding-yu-chen",
      paper:
        "The classical result (Yu & Chen 1995: with N − 1 sigmoid hidden units plus a bias, every sub-optimal equilibrium of the squared error is unstable, so training is 'local-minima free') is false: sub-optimal local minima exist in this regime (Ding, Li & Sun, abstract).",
      provenance: "verified",
      measured: rows
        .map(
          (x) =>
            `(d₀, N, m) = (${x.inputDim}, ${x.samples}, ${x.widths[0]}): ${x.verdict}, L* ${fmt(x.lossAtPoint, 6)}, restarts ${restartsText(x)}, best loss ${fmtLoss(x.bestLoss)}, zero modes ${x.zeroModes} (${x.predictedZeroModes})`,
        )
        .join("; "),
      verdict:
        rows.length > 0 && sub.length === rows.length
          ? "agrees"
          : sub.length > 0
            ? "partly agrees"
            : "differs",
      why: "the labels are constructed (y = c − r); Ding, Li & Sun claim existence for some labels, not for every data set, so Yu & Chen's claim fails as a universal statement",
    },
  ];
}

function yuChenSubsection(r: DingResults): Subsection {
  const rows = r.yuChen;
  const categories = rows.map((x) => `(${x.inputDim}, ${x.samples}, ${x.widths[0]})`);
  const fig = categoryDots({
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
  });
  return {
    id: "yu-chen",
    title: "The classical claim's regime: N − 1 sigmoid hidden units with a bias",
    method: `Sigmoid, one hidden layer of m = N − 1 units, unit output weights and biases at a = −1 (\`minima certify --weights unit\`), designed labels on N seeded Gaussian inputs in ℝ^d₀ (seed ${r.seed}); ${rows[0]?.restarts.count ?? 0} restarts of ${rows[0]?.restarts.iterations ?? 0} steps.`,
    claims: yuChenClaims(r),
    tables: [
      {
        id: "ding-yu-chen",
        caption: "Certificates in the Yu–Chen regime",
        columns: CERTIFICATE_COLUMNS,
        rows: certificateTableRows(rows),
      },
    ],
    figures: [fig],
    data: { yuChen: rows },
  };
}

export function dingSection(r: DingResults): Section {
  return {
    id: "ding",
    title: "Ding, Li & Sun (2019): sub-optimal local minima for almost all non-linear activations",
    paper:
      "Sub-Optimal Local Minima Exist for Neural Networks with Almost All Non-Linear Activations (arXiv 1911.01413; Mathematics of Operations Research 2022)",
    intro:
      "Only the paper's abstracts were available, and the paper reports no experiments that we know of. Minima therefore verifies the headline claims on the construction derived in the notes (../shared/papers/ding2019-suboptimal.md §3), which has every property the abstract states, with the notes' verification protocol (§4): each 'sub-optimal local minimum' verdict rests on an analytic certificate, perturbed restarts and a lower loss found elsewhere.",
    subsections: [certificateSubsection(r), controlSubsection(r), yuChenSubsection(r)],
    missing: [],
  };
}

export const dingBuilder: SectionBuilder = {
  id: "ding",
  title: "Ding, Li & Sun (2019)",
  async build(settings) {
    return dingSection(await computeDing(settings));
  },
};
