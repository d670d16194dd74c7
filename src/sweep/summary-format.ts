/** A sweep summary as text for people, and as CSV (one row per cell) for spreadsheets. */
import { formatProportion } from "../math/proportion-text.js";
import type { ProportionEstimate } from "../math/stats.js";
import type { TrialFamily } from "./model.js";
import { describeAxes } from "./plan.js";
import type { SweepSummary } from "./summary.js";

const ci = (e: ProportionEstimate) => formatProportion(e);

export function summaryText(s: SweepSummary): string {
  const lines = [
    `${s.model} sweep: ${s.trials}/${s.planned} trials; probabilities with Wilson 95% intervals`,
  ];
  for (const cell of s.cells) {
    const where = describeAxes(cell.axes) || "single cell";
    lines.push("", `${where}  (${cell.trials}/${cell.planned} trials)`);
    for (const [name, e] of Object.entries(cell.outcomes)) {
      if (e.count === 0 && !cell.theory.some((t) => t.outcome === name) && name !== s.success) continue;
      lines.push(`  ${name.padEnd(12)} ${String(e.count).padStart(7)}  ${ci(e)}`);
    }
    for (const r of cell.restarts) {
      // No complete block of m trials (a shard, or m above the trials): say so instead of an empty interval.
      if (r.measured.n === 0) {
        lines.push(`  P(${s.success} in ${r.m} restarts)  not measured: no complete block of ${r.m} trials`);
        continue;
      }
      lines.push(
        `  P(${s.success} in ${r.m} restarts)  measured ${ci(r.measured)} over ${r.measured.n} blocks; predicted 1−(1−p)^${r.m} = ${ci({ ...r.predicted, count: 0, n: 0 })}`,
      );
    }
    for (const t of cell.theory) {
      lines.push(
        `  theory: P(${t.outcome}) ${t.relation} ${t.value}  (${t.source}); measured ${ci(t.measured)}  ${t.consistent ? "consistent" : "INCONSISTENT"}`,
      );
    }
    if (cell.families && cell.families.length > 0) {
      lines.push(`  families (modulo the symmetries): runs, then the family's own numbers`);
      for (const f of cell.families) lines.push(`    ${String(f.count).padStart(6)}  ${familyText(f)}`);
    }
  }
  return lines.join("\n");
}

/** A family's numbers in one line, without its representative (an end point is long). */
function familyText(f: TrialFamily): string {
  return Object.entries(f)
    .filter(([key]) => key !== "count" && key !== "key" && key !== "representative")
    .map(
      ([key, value]) =>
        `${key} ${Array.isArray(value) ? value.join("+") : typeof value === "number" ? Number(value.toPrecision(6)) : value}`,
    )
    .join(", ");
}

/** One row per family and cell (the representative as a space-separated list, row-major). */
export function familiesCsv(s: SweepSummary): string {
  const axes = s.cells.length > 0 ? Object.keys(s.cells[0].axes) : [];
  const fields = new Set<string>();
  for (const c of s.cells)
    for (const f of c.families ?? []) for (const key of Object.keys(f)) fields.add(key);
  const columns = ["key", "count", ...[...fields].filter((f) => f !== "key" && f !== "count")];
  const rows = s.cells.flatMap((c) =>
    (c.families ?? []).map((f) =>
      [
        c.cell,
        ...axes.map((a) => csvField(c.axes[a])),
        ...columns.map((key) => {
          const value = f[key];
          return csvField(Array.isArray(value) ? value.join(" ") : (value ?? ""));
        }),
      ].join(","),
    ),
  );
  return [["cell", ...axes, ...columns].join(","), ...rows].join("\n");
}

export function summaryCsv(s: SweepSummary): string {
  const axes = s.cells.length > 0 ? Object.keys(s.cells[0].axes) : [];
  const restartMs = s.cells.length > 0 ? s.cells[0].restarts.map((r) => r.m) : [];
  const header = [
    "cell",
    ...axes,
    "trials",
    ...s.outcomes.flatMap((o) => [`${o}_count`, `${o}_p`, `${o}_lo`, `${o}_hi`]),
    ...restartMs.flatMap((m) => [
      `restart${m}_measured`,
      `restart${m}_lo`,
      `restart${m}_hi`,
      `restart${m}_predicted`,
    ]),
    "theory_consistent",
  ];
  const rows = s.cells.map((c) =>
    [
      c.cell,
      ...axes.map((a) => csvField(c.axes[a])),
      c.trials,
      ...s.outcomes.flatMap((o) => {
        const e = c.outcomes[o];
        return [e.count, e.p, e.lo, e.hi];
      }),
      ...c.restarts.flatMap((r) => [r.measured.p, r.measured.lo, r.measured.hi, r.predicted.p]),
      c.theory.every((t) => t.consistent),
    ].join(","),
  );
  return [header.join(","), ...rows].join("\n");
}

function csvField(value: unknown): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
