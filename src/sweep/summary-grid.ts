/**
 * A sweep over a two-dimensional grid as one table: rows are the grid's first axis, columns its
 * second (for the CNN's Du table: rows k, columns the ratio (1ᵀa*)²/‖a*‖²), each entry P(success)
 * with its Wilson 95% interval. The cell-by-cell listing (summary-format.ts) of the same 36-cell
 * sweep runs to 372 lines; the table is a dozen. Theory checks are summed up below it, naming the
 * cells where the measurement disagrees.
 */
import { formatProportion } from "../math/proportion-text.js";
import { describeAxes } from "./plan.js";
import type { Scalar } from "./spec.js";
import type { CellSummary, SweepSummary } from "./summary.js";

export interface GridAxes {
  readonly rows: { readonly name: string; readonly values: readonly Scalar[] };
  readonly columns: { readonly name: string; readonly values: readonly Scalar[] };
  /** Axes with a single value, shown once above the table. */
  readonly fixed: Readonly<Record<string, Scalar>>;
}

/** The two axes with more than one value, in the grid's order, or undefined unless there are exactly two. */
export function gridAxes(summary: SweepSummary): GridAxes | undefined {
  const names = Object.keys(summary.cells[0]?.axes ?? {});
  const values = names.map((name) => {
    const seen: Scalar[] = [];
    for (const cell of summary.cells) if (!seen.includes(cell.axes[name])) seen.push(cell.axes[name]);
    return { name, values: seen };
  });
  const varying = values.filter((axis) => axis.values.length > 1);
  if (varying.length !== 2) return undefined;
  const fixed = Object.fromEntries(
    values.filter((a) => a.values.length === 1).map((a) => [a.name, a.values[0]]),
  );
  return { rows: varying[0], columns: varying[1], fixed };
}

/** The table; undefined when the grid is not two-dimensional. */
export function summaryGridText(summary: SweepSummary): string | undefined {
  const axes = gridAxes(summary);
  if (!axes) return undefined;
  const { rows, columns } = axes;
  const at = (r: Scalar, c: Scalar): CellSummary | undefined =>
    summary.cells.find((cell) => cell.axes[rows.name] === r && cell.axes[columns.name] === c);
  const entry = (cell: CellSummary | undefined) => {
    if (!cell || cell.trials === 0) return "—";
    const text = formatProportion(cell.outcomes[summary.success]);
    return cell.trials < cell.planned ? `${text}*` : text;
  };
  const table = [
    [`${rows.name} \\ ${columns.name}`, ...columns.values.map(String)],
    ...rows.values.map((r) => [String(r), ...columns.values.map((c) => entry(at(r, c)))]),
  ];
  const widths = table[0].map((_, j) => Math.max(...table.map((row) => row[j].length)));
  const lines = table.map((row) =>
    row
      .map((text, j) => (j === 0 ? text.padEnd(widths[j]) : text.padStart(widths[j])))
      .join("   ")
      .trimEnd(),
  );
  const fixed = describeAxes(axes.fixed);
  const head = [
    `${summary.model} sweep: ${summary.trials}/${summary.planned} trials${fixed ? `, ${fixed}` : ""}`,
    `P(${summary.success}) with Wilson 95% intervals; rows ${rows.name}, columns ${columns.name}`,
    "",
  ];
  const foot: string[] = [];
  if (summary.cells.some((c) => c.trials > 0 && c.trials < c.planned))
    foot.push("* cell not complete: fewer trials than planned");
  const checks = summary.cells.flatMap((cell) => cell.theory.map((t) => ({ cell, t })));
  const off = checks.filter(({ t }) => !t.consistent);
  if (checks.length > 0)
    foot.push(
      off.length === 0
        ? `theory: all ${checks.length} checks consistent`
        : `theory: ${off.length} of ${checks.length} checks INCONSISTENT: ${off
            .map(({ cell, t }) => `P(${t.outcome}) ${t.relation} ${t.value} at ${describeAxes(cell.axes)}`)
            .join("; ")}`,
    );
  foot.push("--long lists every outcome, restarts, theory and families cell by cell");
  return [...head, ...lines, "", ...foot].join("\n");
}
