/**
 * The whole verification protocol (docs/ding.md#the-verification-protocol) for one configuration, as plain data: the
 * construction, its analytic certificate, perturbed restarts, the best loss found elsewhere, the
 * negative control and the escape path — and a verdict that rests on those measurements:
 * - "outside the theorem": the activation is linear or piecewise linear (σ'' ≡ 0 where defined);
 * - "not a local minimum": some certificate condition fails (e.g. given labels with a linear
 *   component, or an indefinite S) or a perturbed restart descends;
 * - "sub-optimal local minimum": the certificate holds, restarts return, and a lower loss was found;
 * - "local minimum, sub-optimality not shown": the same, but nothing lower was found.
 */
import type { Activation } from "../../activations/activation.js";
import { checkActivation } from "../../activations/registry.js";
import { booleanArgument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { integerInRange, oneOf, positiveNumber } from "../../core/validate.js";
import { proveProblemPoint } from "../../landscape/prove-point.js";
import { perturbedRestarts, type RestartSummary } from "../../landscape/restarts.js";
import type { Seed } from "../../math/rng.js";
import { checkMlpData, gaussianInputs } from "../../models/mlp/data.js";
import { mlpProblem } from "../../models/mlp/format.js";
import { Mlp, type MlpData } from "../../models/mlp/network.js";
import { type BestLossReport, bestLossElsewhere } from "./best-loss.js";
import { certifyDingPoint, type DingCertificate } from "./certificate.js";
import { buildDingPoint, checkWidths, type DingPoint, type WeightStyle } from "./construction.js";
import { type EscapePath, escapePath } from "./escape-path.js";
import { type NegativeControl, negativeControl } from "./negative-control.js";

export type DingVerdict =
  | "sub-optimal local minimum"
  | "local minimum, sub-optimality not shown"
  | "not a local minimum"
  | "outside the theorem";

export interface DingExperimentSpec {
  readonly activation: Activation;
  readonly widths: readonly number[];
  readonly seed: Seed;
  /** Given data (labels included); otherwise `inputDim` × `samples` seeded Gaussian inputs with designed labels. */
  readonly data?: MlpData;
  /** Design labels for the given inputs, ignoring the given labels. */
  readonly designLabels?: boolean;
  readonly inputDim?: number;
  readonly samples?: number;
  readonly weights?: WeightStyle;
  readonly restarts?: number;
  readonly restartRadius?: number;
  readonly restartIterations?: number;
  readonly trainingStarts?: number;
  readonly featureDraws?: number;
  /** Skip the negative control and escape path (faster). */
  readonly skipControls?: boolean;
}

export interface DingExperimentReport {
  readonly verdict: DingVerdict;
  readonly reason: string;
  readonly activation: string;
  readonly widths: number[];
  readonly inputDim: number;
  readonly samples: number;
  readonly parameters: number;
  /** Present unless the verdict is "outside the theorem". */
  readonly point?: DingPoint;
  readonly certificate?: DingCertificate;
  readonly restarts?: RestartSummary;
  readonly bestLoss?: BestLossReport;
  readonly control?: NegativeControl;
  readonly escape?: EscapePath;
  /**
   * The computer-assisted proof of a strict minimum near the point (docs/proofs.md#the-mlp), or why it
   * does not apply: the constructed minima have zero Hessian modes (they are not strict), so it is
   * expected to stop there and the analytic certificate is the proof.
   */
  readonly proof?: { readonly certified: boolean; readonly reason: string; readonly radius?: number };
}

export function runDingExperiment(spec: DingExperimentSpec): DingExperimentReport {
  checkDingSpec(spec);
  const { activation, widths } = spec;
  const inputs =
    spec.data?.x ?? gaussianInputs(spec.seed, need(spec.inputDim, "inputDim"), need(spec.samples, "samples"));
  const inputDim = inputs[0].length;
  const samples = inputs.length;
  const parameters = new Mlp({ inputDim, widths, activation }).parameterCount;
  const base = { activation: activation.name, widths: [...widths], inputDim, samples, parameters };
  if (!activation.theoremCondition)
    return { ...base, verdict: "outside the theorem", reason: `${activation.name}: ${activation.note}` };
  const point = buildDingPoint({
    activation,
    widths,
    inputs,
    labels: spec.designLabels ? undefined : spec.data?.y,
    weights: spec.weights,
    seed: spec.seed,
  });
  const certificate = certifyDingPoint(point);
  const net = new Mlp(point.architecture);
  const objective = {
    loss: (t: Float64Array) => net.loss(t, point.data),
    gradient: (t: Float64Array) => net.gradient(t, point.data),
  };
  const restarts = perturbedRestarts(objective, point.theta, {
    count: spec.restarts ?? 5,
    radius: spec.restartRadius ?? 1e-3,
    step: 0.5 / Math.max(certificate.maxEigenvalue, 1e-12),
    iterations: spec.restartIterations ?? 5000,
    seed: spec.seed,
  });
  const bestLoss = bestLossElsewhere(point.architecture, point.data, {
    seed: spec.seed,
    trainingStarts: spec.trainingStarts,
    featureDraws: spec.featureDraws,
  });
  const controls = spec.skipControls
    ? {}
    : { control: negativeControl(point, { seed: spec.seed }), escape: escapePath(point) };
  const L = certificate.lossAtPoint;
  let verdict: DingVerdict;
  let reason: string;
  if (!certificate.holds || certificate.index > 0) {
    verdict = "not a local minimum";
    const why = [...certificate.failures];
    if (certificate.index > 0) why.push(`${certificate.index} negative Hessian eigenvalue(s)`);
    reason = why.join("; ");
  } else if (restarts.descended) {
    verdict = "not a local minimum";
    reason = "a perturbed small-step restart descended below the loss at the point";
  } else if (bestLoss.bestLoss < L * (1 - 1e-6)) {
    verdict = "sub-optimal local minimum";
    reason = `certificate holds (R1, R2 ≈ 0, λ_min(S) > 0, λ_min(∇²F) > 0, ${certificate.zeroModes} zero modes of ${certificate.predictedZeroModes} predicted), restarts return to L*, and ${bestLoss.bestFrom} reached a lower loss`;
  } else {
    verdict = "local minimum, sub-optimality not shown";
    reason = "certificate holds and restarts return to L*, but no lower loss was found";
  }
  const proven = proveProblemPoint(mlpProblem(point.architecture, point.data, point.theta));
  const proof = {
    certified: proven.certified,
    reason: proven.reason,
    ...(proven.radius !== undefined ? { radius: proven.radius } : {}),
  };
  return { ...base, verdict, reason, point, certificate, restarts, bestLoss, ...controls, proof };
}

function need(value: number | undefined, field: string): number {
  if (value === undefined) throw new InputError(field, "is required when no data is given");
  return value;
}

/** The spec's fields: the activation, widths and seed; data or the sizes to draw it; counts and switches. */
function checkDingSpec(spec: unknown): void {
  const o = objectArgument("spec", spec, "a spec {activation, widths, seed, …}");
  checkActivation("activation", o.activation);
  checkWidths("widths", o.widths);
  integerInRange("seed", o.seed, 0);
  if (o.data !== undefined) checkMlpData(o.data);
  if (o.inputDim !== undefined) integerInRange("inputDim", o.inputDim, 1, 10000);
  if (o.samples !== undefined) integerInRange("samples", o.samples, 1, 1_000_000);
  for (const f of ["restarts", "restartIterations", "trainingStarts", "featureDraws"])
    if (o[f] !== undefined) integerInRange(f, o[f], 0);
  if (o.restartRadius !== undefined) positiveNumber("restartRadius", o.restartRadius);
  for (const f of ["designLabels", "skipControls"]) if (o[f] !== undefined) booleanArgument(f, o[f]);
  if (o.weights !== undefined) oneOf("weights", o.weights, ["unit", "random"] as const);
}
