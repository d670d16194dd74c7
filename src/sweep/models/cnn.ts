/**
 * The Du et al. (2018) CNN as a sweep model: its trial contract `cnnTrial` (src/experiments/cnn/trial.ts)
 * with the sweep's conveniences.
 *
 * Two conveniences over the trial's own fields, so that a grid over k can keep the paper protocol:
 *   eta: "auto"   means η = min(0.2, 2π/(k+π−1)) (docs/du-cnn.md#the-success-table-protocol; below the stability limit 4π/(k+π−1));
 *   horizon: T    means maxSteps = ⌈T/η⌉, a fixed gradient-flow time instead of a step count.
 * The resolved parameters are exactly a CnnTrialSpec, so a cell's random stream (hashed from them)
 * is the same however they were written.
 */
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import { CNN_TRIAL_FIELDS, type CnnTrialSpec } from "../../experiments/cnn/spec.js";
import { cnnTrial } from "../../experiments/cnn/trial.js";
import type { Rng } from "../../math/rng.js";
import { cnnDefaultEta, spuriousRatioThreshold, stepsForHorizon } from "../../models/cnn/protocol.js";
import type { SweepModel, TheoryClaim, TrialResult } from "../model.js";

export function resolveCnnParams(raw: Readonly<Record<string, unknown>>, field: string): CnnTrialSpec {
  // Checked here too so that a misspelt horizon is suggested as well as the trial's own fields.
  checkKeys(field, raw, [...CNN_TRIAL_FIELDS, "horizon"], "a cnn sweep parameter");
  const { horizon, ...rest } = raw;
  const input: Record<string, unknown> = { ...rest };
  if (input.eta === "auto") {
    if (typeof input.k !== "number")
      throw new InputError(`${field}.k`, 'must be a number (eta "auto" needs it)', input.k);
    input.eta = cnnDefaultEta(input.k);
  }
  if (horizon !== undefined) {
    if (input.maxSteps !== undefined)
      throw new InputError(`${field}.horizon`, "cannot be set together with maxSteps; give one", horizon);
    if (typeof horizon !== "number" || !(horizon > 0) || !Number.isFinite(horizon))
      throw new InputError(`${field}.horizon`, "must be a positive number (the time η·steps)", horizon);
    if (typeof input.eta !== "number" || !(input.eta > 0))
      throw new InputError(`${field}.eta`, 'must be a positive number or "auto"', input.eta);
    input.maxSteps = stepsForHorizon(horizon, input.eta);
  }
  return cnnTrial.validate(input, (name) => `${field}.${name}`);
}

function cnnTheory(params: CnnTrialSpec): TheoryClaim[] {
  const claims: TheoryClaim[] = [];
  const paperStart =
    params.init === "paper" && (params.method ?? "wn-gd") === "wn-gd" && params.samples === undefined;
  if (paperStart) {
    claims.push({
      outcome: "global",
      relation: ">=",
      value: 0.25,
      source: "Thm 4.1-4.2: the start lands in the good region with probability 1/4",
    });
    if (params.ratio === 0)
      claims.push({
        outcome: "global",
        relation: "=",
        value: 0.5,
        source: "1ᵀa*=0: a₀=0, global iff φ₀<π/2",
      });
  }
  const threshold = spuriousRatioThreshold(params.k);
  if (params.ratio >= threshold) {
    claims.push({
      outcome: "spurious",
      relation: "=",
      value: 0,
      source: `ratio ≥ (k+π−1)/π = ${threshold.toFixed(2)}: no spurious minimum`,
    });
  }
  return claims;
}

const cnn: SweepModel<CnnTrialSpec> = {
  name: cnnTrial.model,
  outcomes: ["global", "spurious", "saddle", "unconverged", "diverged"],
  success: "global",
  resolve: resolveCnnParams,
  run: (params, rng: Rng) => cnnTrial.run(params, rng) as unknown as TrialResult,
  theory: cnnTheory,
};

export default cnn;
