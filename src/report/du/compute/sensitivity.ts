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
  return axes.map(({ parameter, values }) => ({
    parameter,
    base,
    rows: values.map((value) => {
      const counts = countOutcomes(done[next++].results);
      return {
        value,
        counts,
        global: wilsonInterval(counts.global, counts.n),
        spurious: wilsonInterval(counts.spurious, counts.n),
      };
    }),
  }));
}
