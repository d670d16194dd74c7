/**
 * Minima's library entry point: the numeric core, free of I/O and of the DOM. The names below are
 * the public API, grouped by topic in the order data flows through Minima (spec → model →
 * optimiser → outcome → analysis); anything not listed is internal and may change. Each group
 * names the modules it comes from, so a reader can open the file that defines a name.
 * docs/architecture.md explains the layers. (Biome's import sorting is off for this file, so the
 * groups stay in this order.)
 */

// ── Errors ────────────────────────────────────────────────────────────────────────────────────
export { InputError } from "./core/errors.js";

// ── Random streams, angles, statistics, linear algebra ────────────────────────────────────────
export { type Angle, angleBetween, clampedAcos, clampUnit, cosineBetween } from "./math/angle.js";
export { gaussHermite, gaussLegendre, type QuadratureRule } from "./math/gauss-hermite.js";
export { type LeastSquaresSolution, leastSquares, projectOntoNullSpace } from "./math/least-squares.js";
export { Rng, type Seed } from "./math/rng.js";
export { cholesky, choleskySolve, positiveDefinite } from "./math/cholesky.js";
export { hessianSpectrum, type SpectrumSummary, summariseSpectrum } from "./math/spectrum.js";
export { atLeastOneOf, type ProportionEstimate, wilsonInterval, Z95 } from "./math/stats.js";
export { dot, norm, orthogonalUnit, unitVector } from "./math/vector.js";

// ── Activations: value, derivatives, what the theorems say; Gaussian-input kernels ─────────────
export type { Activation, ActivationName } from "./activations/activation.js";
export { quadratureCnnKernel } from "./activations/gaussian/cnn-kernel.js";
export { quadraturePairKernel } from "./activations/gaussian/fc-pair-kernel.js";
export { gaussianExpectation, pairExpectation } from "./activations/gaussian/pair-expectation.js";
export { activationByName, activationNames, activations } from "./activations/registry.js";

// ── The model contract ─────────────────────────────────────────────────────────────────────────
export type { Problem, ProblemFormat } from "./models/problem.js";

// ── The CNN of Du et al. (2018): teacher, protocol, closed forms, stationary points ────────────
export { type CnnActivationKernel, reluKernel } from "./models/cnn/activation-kernel.js";
export { cnnKernelFor } from "./models/cnn/kernels.js";
export { cnnPopulationGradient, cnnPopulationHessian, cnnPopulationLoss } from "./models/cnn/population.js";
export { CnnProblem, CnnSampledProblem, cnnProblemFormat } from "./models/cnn/problem.js";
export {
  CNN_DEFAULT_HORIZON,
  cnnDefaultEta,
  cnnDefaultEtaFor,
  cnnMonotoneStep,
  cnnStabilityBound,
  cnnStabilityBoundFor,
  spuriousRatioThreshold,
  stepsForHorizon,
} from "./models/cnn/protocol.js";
export { cnnSampledLossGradient, drawCnnInputs } from "./models/cnn/sampled.js";
export type { CnnSnapshot, CnnTrajectoryPoint } from "./models/cnn/snapshot.js";
export {
  type CnnStationaryPoints,
  cnnStationaryPoints,
  isSpuriousLocalMinimum,
  saddleAngle,
  spuriousLoss,
  spuriousOutputWeights,
} from "./models/cnn/stationary.js";
export {
  type CnnTeacher,
  cnnTeacher,
  cnnTeacherFromRatio,
  parseCnnTeacher,
  teacherRatio,
  validateCnnTeacherSettings,
} from "./models/cnn/teacher.js";

// ── The two-layer network of Tian (2017) and Safran & Shamir (2018) ──────────────────────────
export { fcPairKernelFor } from "./models/fc/kernels.js";
export { type FcNetwork, makeNetwork } from "./models/fc/network.js";
export type { PairKernel } from "./models/fc/pair-kernel.js";
export { type FcPoint, FcPopulation } from "./models/fc/population.js";
export { fcProblem, fcProblemFormat } from "./models/fc/problem-format.js";
export {
  FC_PROTOCOL_ETA,
  FC_PROTOCOL_GLOBAL_LOSS,
  FC_PROTOCOL_GRAD_TOL,
  fanInStd,
  glorotStd,
} from "./models/fc/protocol.js";
export { reluPairKernel } from "./models/fc/relu-kernel.js";
export { drawInputs, sampledLossAndGradient } from "./models/fc/sampled.js";
export { gaussianTeacher, orthonormalTeacher } from "./models/fc/teachers.js";

// ── Finite-data networks of any depth (Ding, Li & Sun 2019) ───────────────────────────────────
export { mlpFormat, mlpProblem, mlpProblemJson } from "./models/mlp/format.js";
export { Mlp, type MlpArchitecture, type MlpData } from "./models/mlp/network.js";

// ── Optimisers: the shared contract and loop, each model's rules, objective optimisers ─────────
export {
  DIVERGENCE_LIMIT,
  isDivergent,
  type Outcome,
  type RunEnd,
  type StopReason,
  type StopRule,
  type Trainable,
} from "./train/contract.js";
export { type DescentOptions, descend } from "./train/descent.js";
export { runFullVectorCnn } from "./train/cnn/full-vector.js";
export { CnnKernelRules } from "./train/cnn/kernel-rules.js";
export { reduceCnn, runReducedWnGd } from "./train/cnn/reduced.js";
export { CnnStopRules } from "./train/cnn/rules.js";
export type { CnnOutcome, CnnRules } from "./train/cnn/run.js";
export { type FcGdOptions, type FcGdResult, fcGradientDescent } from "./train/fc/gradient-descent.js";
export { lbfgs } from "./train/lbfgs.js";
export type { MinimiseResult, Objective } from "./train/objective.js";
export { gradientDescent } from "./train/objective-descent.js";
export { type NewtonOptions, type NewtonResult, newtonFinish } from "./train/newton.js";
export { gradientFlow } from "./train/gradient-flow.js";
export { detectPhaseSwitch } from "./train/phase-switch.js";
export { ThinnedRecorder } from "./train/trajectory.js";

// ── Analysis of critical points, for any Problem ──────────────────────────────────────────────
export { type Classification, classifyPoint, problemHessian } from "./landscape/classify.js";
export { type PointProof, proveCriticalPoint } from "./landscape/proof.js";
export { type ProblemProof, type ProveOptions, proveProblemPoint } from "./landscape/prove-point.js";
export { pointSpectrum } from "./landscape/hessian-spectrum.js";
export { perturbedRestarts } from "./landscape/restarts.js";

// ── Trials and the papers' experiments ────────────────────────────────────────────────────────
export type { TrialContract } from "./experiments/trial.js";
export { type CnnTrialSpec, validateCnnTrialSpec } from "./experiments/cnn/spec.js";
export {
  type CnnStart,
  type CnnTrialDetail,
  type CnnTrialOptions,
  type CnnTrialResult,
  cnnTrial,
  drawCnnStart,
  runCnnTrial,
  runCnnTrialDetailed,
} from "./experiments/cnn/trial.js";
export { type FcFamily, fcFamilies } from "./experiments/fc/families.js";
export { type FcTrialSpec, validateFcTrialSpec } from "./experiments/fc/spec.js";
export { type FcTrialResult, fcTrial, runFcTrial } from "./experiments/fc/trial.js";
export { probabilityInOmega, theoremRadius } from "./experiments/tian/ball-probability.js";
export { k2Criterion } from "./experiments/tian/critical.js";
export { compareWithFull, simulate2d, symmetryBreaking } from "./experiments/tian/dynamics2d.js";
export { fig3 } from "./experiments/tian/fig3.js";
export { k1Initialisation, k1Polar } from "./experiments/tian/k1.js";
export { noisyStarts } from "./experiments/tian/noisy.js";
export { trainFc } from "./experiments/tian/train.js";
export { bestLossElsewhere } from "./experiments/ding/best-loss.js";
export { certifyDingPoint } from "./experiments/ding/certificate.js";
export {
  type DingExperimentReport,
  type DingExperimentSpec,
  runDingExperiment,
} from "./experiments/ding/certify.js";
export { buildDingPoint } from "./experiments/ding/construction.js";
export { parseLabelledCsv } from "./experiments/ding/data-csv.js";
export { escapePath } from "./experiments/ding/escape-path.js";
export { negativeControl } from "./experiments/ding/negative-control.js";
export { designResidual } from "./experiments/ding/residual-design.js";
