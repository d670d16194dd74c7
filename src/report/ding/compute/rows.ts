/**
 * Ding, Li & Sun (2019): one configuration's experiment reduced to the report's rows (certificate,
 * negative control and escape path, activation against the theorem's condition), and the worked
 * example of docs/ding.md.
 */
import type { ActivationName } from "../../../activations/activation.js";
import { activationByName } from "../../../activations/registry.js";
import {
  type DingExperimentReport,
  type DingVerdict,
  runDingExperiment,
} from "../../../experiments/ding/certify.js";
import { buildDingPoint, type DingPoint } from "../../../experiments/ding/construction.js";
import { type EscapePath, escapePath } from "../../../experiments/ding/escape-path.js";
import { negativeControl } from "../../../experiments/ding/negative-control.js";
import { DING_EXCLUDED, DING_INPUT_DIM, DING_SAMPLES, type DingConfig } from "./configs.js";

export interface DingRestartsRow {
  readonly count: number;
  readonly iterations: number;
  /** Runs that ended within [L* − tol, L* + 1e-6·max(1, L*)]. */
  readonly returned: number;
  /** Runs that ended below L* − tol (none at a local minimum). */
  readonly descended: number;
  /** max |L_final − L*| over the runs. */
  readonly maxDeviation: number;
  /** Largest ‖θ_final − θ*‖: the runs end on the flat manifold, not at θ* itself. */
  readonly maxDistance: number;
  readonly finalLosses: readonly number[];
}

/** One configuration's certificate, as numbers (no arrays beyond the restarts' final losses). */
export interface DingCertificateRow extends DingConfig {
  readonly depth: number;
  readonly parameters: number;
  /** Last hidden width ≥ N: least squares on random features interpolates, so the global minimum is 0. */
  readonly wide: boolean;
  readonly verdict: DingVerdict;
  readonly reason: string;
  readonly preActivation: number;
  readonly lossAtPoint: number;
  readonly bestLoss: number;
  readonly bestFrom: "random-features" | "training";
  readonly gradNorm: number;
  readonly r1: number;
  readonly r2: number;
  readonly minEigenvalueS: number;
  readonly minEigenvalueF: number;
  /** λ_min of the Hessian of L (≈ 0: the zero modes, up to rounding). */
  readonly minEigenvalue: number;
  readonly maxEigenvalue: number;
  /** Largest |λ| among the eigenvalues counted as zero modes. */
  readonly largestZeroMode: number;
  /** Smallest eigenvalue above the zero-mode threshold. */
  readonly smallestPositive: number;
  readonly zeroThreshold: number;
  readonly index: number;
  readonly zeroModes: number;
  readonly predictedZeroModes: number;
  readonly certificateHolds: boolean;
  readonly restarts: DingRestartsRow;
  /** The computer-assisted proof of a strict minimum (docs/proofs.md#the-mlp): certified, or why not. */
  readonly proofCertified: boolean;
  readonly proofReason: string;
}

export interface DingControlRow {
  readonly activation: ActivationName;
  readonly widths: readonly number[];
  readonly lossAtPoint: number;
  /** Output weights whose sign was flipped (all of them in deep nets where one flip is not enough). */
  readonly flipped: number;
  readonly minEigenvalueF: number;
  readonly index: number;
  readonly minEigenvalue: number;
  readonly label: "saddle" | "not a saddle";
  readonly lossAfterDescent: number;
  readonly iterations: number;
  readonly iterationBudget: number;
  readonly escaped: boolean;
  /** The escape along the flat valley from the unflipped point. */
  readonly valleyDeviation: number;
  readonly descentCurvature: number;
  readonly valleyEndFactor: number;
}

export interface DingEscape {
  readonly label: string;
  readonly activation: ActivationName;
  readonly widths: readonly number[];
  readonly path: EscapePath;
}

/** The escape table of docs/ding.md#the-flat-valley-and-the-escape-path (m = 2 of the worked example): loss at w₁ = t from θ*, and after the valley. */
export const ESCAPE_TABLE = {
  rise: [
    { t: 0.1, loss: 2.00278 },
    { t: 0.3, loss: 2.02463 },
    { t: 1, loss: 2.22912 },
  ],
  descent: [
    { t: 0.1, loss: 1.99934 },
    { t: 0.3, loss: 1.9942 },
    { t: 0.6, loss: 1.97901 },
    { t: 1, loss: 1.95352 },
  ],
} as const;

/** An activation against the theorem's condition: the construction's point a, σ'(a) and σ''(a), or why it is excluded. */
export interface DingActivationRow {
  readonly activation: ActivationName;
  readonly formula: string;
  readonly theoremCondition: boolean;
  /** The construction's pre-activation a (σ'(a) > 0, σ''(a) > 0), when the condition holds. */
  readonly point?: number;
  readonly d1?: number;
  readonly d2?: number;
  /** `runDingExperiment`'s verdict for an excluded activation, with its reason. */
  readonly verdict?: DingVerdict;
  readonly reason?: string;
}

/** Escape steps t = ‖W₁‖_F: dense for the figure, containing the table's 0.1, 0.3, 0.6, 1. */
export const ESCAPE_STEPS: readonly number[] = Array.from({ length: 20 }, (_, i) => (i + 1) / 20);

export function certificateRow(
  config: DingConfig,
  r: DingExperimentReport,
  restartIterations: number,
): DingCertificateRow {
  const c = r.certificate;
  const restarts = r.restarts;
  const best = r.bestLoss;
  if (!c || !restarts || !best || !r.point)
    throw new Error(`no certificate for ${config.activation} [${config.widths}]: ${r.verdict} (${r.reason})`);
  const values = Array.from(c.eigenvalues);
  const zero = values.filter((v) => Math.abs(v) <= c.zeroThreshold);
  const positive = values.filter((v) => v > c.zeroThreshold);
  const L = c.lossAtPoint;
  return {
    ...config,
    widths: [...config.widths],
    depth: config.widths.length,
    parameters: r.parameters,
    wide: config.widths[config.widths.length - 1] >= config.samples,
    verdict: r.verdict,
    reason: r.reason,
    preActivation: r.point.preActivation,
    lossAtPoint: L,
    bestLoss: best.bestLoss,
    bestFrom: best.bestFrom,
    gradNorm: c.gradNorm,
    r1: c.r1,
    r2: c.r2,
    minEigenvalueS: c.minEigenvalueS,
    minEigenvalueF: c.minEigenvalueF,
    minEigenvalue: c.minEigenvalue,
    maxEigenvalue: c.maxEigenvalue,
    largestZeroMode: zero.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
    smallestPositive: positive.length > 0 ? positive[0] : 0,
    zeroThreshold: c.zeroThreshold,
    index: c.index,
    zeroModes: c.zeroModes,
    predictedZeroModes: c.predictedZeroModes,
    certificateHolds: c.holds,
    proofCertified: r.proof?.certified ?? false,
    proofReason: r.proof?.reason ?? "not attempted",
    restarts: {
      count: restarts.finalLosses.length,
      iterations: restartIterations,
      returned: restarts.finalLosses.filter(
        (l) => l >= L - restarts.tolerance && l <= L + 1e-6 * Math.max(1, Math.abs(L)),
      ).length,
      descended: restarts.finalLosses.filter((l) => !(l >= L - restarts.tolerance)).length,
      maxDeviation: restarts.finalLosses.reduce((m, l) => Math.max(m, Math.abs(l - L)), 0),
      maxDistance: restarts.maxDistance,
      finalLosses: restarts.finalLosses,
    },
  };
}

export function controlRow(
  config: DingConfig,
  point: DingPoint,
  seed: number,
  iterations: number,
): { control: DingControlRow; path: EscapePath } {
  const c = negativeControl(point, { seed, iterations });
  const path = escapePath(point, { steps: ESCAPE_STEPS });
  return {
    control: {
      activation: config.activation,
      widths: [...config.widths],
      lossAtPoint: c.lossAtPoint,
      flipped: c.flipped.length,
      minEigenvalueF: c.minEigenvalueF,
      index: c.index,
      minEigenvalue: c.minEigenvalue,
      label: c.label,
      lossAfterDescent: c.lossAfterDescent,
      iterations: c.iterations,
      iterationBudget: iterations,
      escaped: c.escaped,
      valleyDeviation: path.valleyDeviation,
      descentCurvature: path.descentCurvature,
      valleyEndFactor: path.valleyEndFactor,
    },
    path,
  };
}

/** Rows for the activations the certificates ran (`covered`) and for the excluded ones. */
export function activationRows(covered: readonly ActivationName[], seed: number): DingActivationRow[] {
  const coveredRows = covered.map((name): DingActivationRow => {
    const a = activationByName(name);
    const point = a.suggestedPoint;
    return {
      activation: name,
      formula: a.formula,
      theoremCondition: a.theoremCondition,
      ...(point === undefined ? {} : { point, d1: a.d1(point), d2: a.d2(point) }),
    };
  });
  const excluded = DING_EXCLUDED.map((name): DingActivationRow => {
    const activation = activationByName(name);
    const r = runDingExperiment({
      activation,
      widths: [2],
      seed,
      inputDim: DING_INPUT_DIM,
      samples: DING_SAMPLES,
    });
    return {
      activation: name,
      formula: activation.formula,
      theoremCondition: activation.theoremCondition,
      verdict: r.verdict,
      reason: r.reason,
    };
  });
  return [...coveredRows, ...excluded];
}

/** The worked example of docs/ding.md#the-worked-example: x = (−1.5, −0.5, 0.5, 1.5), y = (−1, 1, 1, −1), two sigmoid units at w = 0, b = −1, v = 1. */
export function workedExampleEscape(): DingEscape {
  const point = buildDingPoint({
    activation: activationByName("sigmoid"),
    widths: [2],
    inputs: [-1.5, -0.5, 0.5, 1.5].map((v) => Float64Array.of(v)),
    labels: Float64Array.of(-1, 1, 1, -1),
    weights: "unit",
    seed: 0,
  });
  return {
    label: "worked example (sigmoid, m = 2)",
    activation: "sigmoid",
    widths: [2],
    path: escapePath(point, { steps: ESCAPE_STEPS }),
  };
}
