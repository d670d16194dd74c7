/**
 * The two-layer network as a sweep model: its trial contract `fcTrial` (src/experiments/fc/trial.ts,
 * the Safran–Shamir protocol by default) with the sweep's extras: a cost estimate for the first
 * batches (a trial costs 10³–10⁴ CNN trials), the end point kept in each record, and the families of
 * end points modulo the problem's symmetries in summaries (src/experiments/fc/families.ts).
 */
import { type FcEndRecord, fcFamilies } from "../../experiments/fc/families.js";
import type { FcTrialSpec } from "../../experiments/fc/spec.js";
import { fcTrial } from "../../experiments/fc/trial.js";
import type { SweepModel, TrialFamily, TrialResult } from "../model.js";

const fc: SweepModel<FcTrialSpec> = {
  name: fcTrial.model,
  outcomes: ["global", "spurious", "saddle", "unconverged", "diverged"],
  success: "global",
  resolve: (raw, field) => fcTrial.validate(raw, (name) => `${field}.${name}`),
  run: (params, rng) => fcTrial.run(params, rng) as TrialResult,
  // Measured on one core: about 0.02·(n·d)^1.3 ms per trial under the protocol (GD + Newton).
  msPerTrial: (params) => 0.02 * (params.n * params.d) ** 1.3,
  families: (records, params) =>
    fcFamilies(params, records as unknown as FcEndRecord[]) as unknown as TrialFamily[],
};

export default fc;
