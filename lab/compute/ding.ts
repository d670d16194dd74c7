/**
 * The Ding view's computation: the library's whole verification protocol for one configuration
 * (runDingExperiment, the same call as `minima certify`): the constructed point, its certificate,
 * the exact Hessian spectrum, perturbed restarts, the best loss elsewhere, the negative control and
 * the escape path along the flat valley. Typed arrays are turned into plain arrays for the page.
 */
import { activationByName } from "../../src/activations/registry.js";
import { runDingExperiment } from "../../src/experiments/ding/certify.js";
import type { DingState } from "../state.js";

export interface DingSummary {
  readonly verdict: string;
  readonly reason: string;
  readonly activation: string;
  readonly parameters: number;
  readonly certificate?: {
    lossAtPoint: number;
    gradNorm: number;
    r1: number;
    r2: number;
    minEigenvalueS: number;
    minEigenvalueF: number;
    index: number;
    zeroModes: number;
    predictedZeroModes: number;
    zeroThreshold: number;
    holds: boolean;
    failures: string[];
    eigenvalues: number[];
  };
  readonly bestLoss?: { bestLoss: number; bestFrom: string };
  readonly restartsDescended?: boolean;
  readonly control?: { label: string; index: number; minEigenvalue: number };
  readonly escape?: {
    referenceLoss: number;
    rise: { t: number; loss: number }[];
    valley: { t: number; loss: number }[];
    descent: { t: number; loss: number }[];
    valleyDeviation: number;
    descentCurvature: number;
    valleyEndFactor: number;
  };
}

export function dingRun(state: DingState): DingSummary {
  const report = runDingExperiment({
    activation: activationByName(state.activation),
    widths: state.widths,
    seed: state.seed,
    inputDim: state.inputDim,
    samples: state.samples,
    weights: state.weights,
  });
  const c = report.certificate;
  return {
    verdict: report.verdict,
    reason: report.reason,
    activation: report.activation,
    parameters: report.parameters,
    certificate: c && {
      lossAtPoint: c.lossAtPoint,
      gradNorm: c.gradNorm,
      r1: c.r1,
      r2: c.r2,
      minEigenvalueS: c.minEigenvalueS,
      minEigenvalueF: c.minEigenvalueF,
      index: c.index,
      zeroModes: c.zeroModes,
      predictedZeroModes: c.predictedZeroModes,
      zeroThreshold: c.zeroThreshold,
      holds: c.holds,
      failures: [...c.failures],
      eigenvalues: Array.from(c.eigenvalues),
    },
    bestLoss: report.bestLoss && {
      bestLoss: report.bestLoss.bestLoss,
      bestFrom: String(report.bestLoss.bestFrom),
    },
    restartsDescended: report.restarts?.descended,
    control: report.control && {
      label: report.control.label,
      index: report.control.index,
      minEigenvalue: report.control.minEigenvalue,
    },
    escape: report.escape && {
      referenceLoss: report.escape.referenceLoss,
      rise: [...report.escape.rise],
      valley: [...report.escape.valley],
      descent: [...report.escape.descent],
      valleyDeviation: report.escape.valleyDeviation,
      descentCurvature: report.escape.descentCurvature,
      valleyEndFactor: report.escape.valleyEndFactor,
    },
  };
}
