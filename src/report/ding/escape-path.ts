/** Ding, Li & Sun (2019): the escape path as a figure, and the numbers of docs/ding.md against ours. */
import type { Figure, Point } from "../../figures/figure.js";
import { type LinePanel, lineChart } from "../../figures/line-chart.js";
import { type DingEscape, ESCAPE_TABLE } from "./compute/rows.js";
import type { DingResults } from "./results.js";

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

export function escapeFigure(r: DingResults): Figure {
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
      "Loss change L − L* along the escape path (docs/ding.md#the-flat-valley-and-the-escape-path), for the worked example and for each activation (d₀ = 2, N = 10, width 10). For 0 ≤ s ≤ 1 the flipped output weights move from v to ρv (ρ < 0) along the flat manifold: the loss stays exactly L*. Then moving the first layer along W₁ = (s − 1)·q uᵀ lowers the loss (solid), while the same move from θ* raises it (dashed, much more steeply: it is cut at the top of each panel, which is scaled to the descent): the minimum is not a basin.",
    columns: 3,
    panels,
  });
}

/** The escape table of docs/ding.md against ours at the same ‖W₁‖_F. */
export function exampleComparison(e: DingEscape) {
  const find = (points: readonly { t: number; loss: number }[], t: number) =>
    points.find((q) => Math.abs(q.t - t) < 1e-12)?.loss;
  const rows = [
    ...ESCAPE_TABLE.rise.map((q) => ({
      part: "from θ* (rises)",
      t: q.t,
      table: q.loss,
      measured: find(e.path.rise, q.t),
    })),
    ...ESCAPE_TABLE.descent.map((q) => ({
      part: "after the valley (falls)",
      t: q.t,
      table: q.loss,
      measured: find(e.path.descent, q.t),
    })),
  ];
  return rows.map((row) => ({
    ...row,
    measured: row.measured ?? Number.NaN,
    // the table prints 5 decimals
    matches: row.measured !== undefined && Math.abs(row.measured - row.table) <= 5e-6,
  }));
}
