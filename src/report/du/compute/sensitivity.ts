/** Du et al. (2018): sensitivity of P(global) to p, ‖a*‖ and η in one cell. */
import type { CnnTrialSpec } from "../../../experiments/cnn/spec.js";
import { type ProportionEstimate, wilsonInterval } from "../../../math/stats.js";
import { stepsForHorizon } from "../../../models/cnn/protocol.js";
import { streamKeyOf } from "../../../sweep/canonical.js";
import type { ReportSettings } from "../../settings.js";
import { countOutcomes, duSpec, keyed, type OutcomeCounts, runCells } from "./cells.js";

export interface DuSensitivityRow {
  readonly value: number;
  readonly global: ProportionEstimate;
  readonly spurious: ProportionEstimate;
  readonly counts: OutcomeCounts;
  /**
   * η rows only: the runs compared start by start with the smallest η's (same starts): how many
   * changed outcome, how many became global and how many stopped being global.
   */
  readonly paired?: { readonly changed: number; readonly gained: number; readonly lost: number };
}

export interface DuSensitivity {
  readonly parameter: "p" | "anorm" | "eta";
  readonly base: CnnTrialSpec;
  readonly rows: readonly DuSensitivityRow[];
}

export async function sensitivity(
  settings: ReportSettings,
  trials: number,
  onTrials: (n: number) => void,
): Promise<DuSensitivity[]> {
  const base = duSpec(25, 1, { eta: 0.2 });
  const axes: { parameter: DuSensitivity["parameter"]; values: number[] }[] = [
    { parameter: "p", values: [5, 10, 25, 50, 100] },
    { parameter: "anorm", values: [0.25, 0.5, 1, 2, 4] },
    { parameter: "eta", values: [0.02, 0.05, 0.1, 0.2] },
  ];
  const cells = axes.flatMap(({ parameter, values }) =>
    values.map((value) =>
      parameter === "eta"
        ? // η rows share the base cell's starts: in the gradient-flow limit their outcomes should coincide
          keyed({ ...base, eta: value, maxSteps: stepsForHorizon(6000, value) }, streamKeyOf("cnn", base))
        : keyed({ ...base, [parameter]: value }),
    ),
  );
  const done = await runCells(cells, trials, settings, onTrials);
  let next = 0;
  return axes.map(({ parameter, values }) => {
    const first = next;
    const smallest = done[first + values.indexOf(Math.min(...values))].results;
    return {
      parameter,
      base,
      rows: values.map((value) => {
        const { results } = done[next++];
        const counts = countOutcomes(results);
        const row: DuSensitivityRow = {
          value,
          counts,
          global: wilsonInterval(counts.global, counts.n),
          spurious: wilsonInterval(counts.spurious, counts.n),
        };
        if (parameter !== "eta") return row;
        const isGlobal = (o: string) => o === "global";
        let changed = 0;
        let gained = 0;
        let lost = 0;
        results.forEach((r, t) => {
          const other = smallest[t].outcome;
          if (r.outcome !== other) changed++;
          if (isGlobal(r.outcome) && !isGlobal(other)) gained++;
          if (!isGlobal(r.outcome) && isGlobal(other)) lost++;
        });
        return { ...row, paired: { changed, gained, lost } };
      }),
    };
  });
}
