/**
 * Every CLI command, one file each: its name and one-line summary here, loaded only when it runs (so
 * `minima --help` and each command start without the others' dependencies). Add a command here.
 */
import type { CommandEntry } from "./command.js";

export const commands: readonly CommandEntry[] = [
  {
    name: "cnn train",
    summary:
      "train the Du et al. CNN (weight-normalised GD) from a seeded random start; outcome and trajectory",
    load: async () => (await import("./cnn-train.js")).cnnTrainCommand,
  },
  {
    name: "cnn critical",
    summary:
      "stationary points of the Du et al. CNN: losses, Hessian spectra, is the spurious point a local minimum",
    load: async () => (await import("./cnn-critical.js")).cnnCriticalCommand,
  },
  {
    name: "cnn probability",
    summary:
      "P(global), P(spurious), … of WN-GD from random starts for one CNN setting, with Wilson 95% intervals",
    load: async () => (await import("./cnn-probability.js")).cnnProbabilityCommand,
  },
  {
    name: "fc probability",
    summary:
      "P(global), P(spurious), … of GD on the two-layer ReLU network (Safran & Shamir 2018), with the families of minima",
    load: async () => (await import("./fc-probability.js")).fcProbabilityCommand,
  },
  {
    name: "eval",
    summary: "loss, gradient and Hessian spectrum of a problem given as JSON (cnn, fc, mlp, …)",
    load: async () => (await import("./eval.js")).evalCommand,
  },
  {
    name: "classify",
    summary: "classify the point of a problem JSON: strict/degenerate local minimum, saddle, not stationary",
    load: async () => (await import("./classify.js")).classifyCommand,
  },
  {
    name: "certify",
    summary: "build and certify a sub-optimal local minimum of Ding, Li & Sun (2019) for any activation",
    load: async () => (await import("./certify.js")).certifyCommand,
  },
  {
    name: "reproduce",
    summary: "reproduce the three papers' results as a report (HTML, Markdown, JSON, figures)",
    load: async () => (await import("./reproduce.js")).reproduceCommand,
  },
  {
    name: "sweep run",
    summary: "run or resume a Monte-Carlo sweep on all cores (one shard of it with --shard/--shards)",
    load: async () => (await import("./sweep-run.js")).sweepRunCommand,
  },
  {
    name: "sweep merge",
    summary: "merge sweep directories (shards) into one, deduplicating by trial",
    load: async () => (await import("./sweep-merge.js")).sweepMergeCommand,
  },
  {
    name: "sweep summary",
    summary: "per-cell outcome probabilities with Wilson 95% intervals, restarts and theory",
    load: async () => (await import("./sweep-summary.js")).sweepSummaryCommand,
  },
  {
    name: "fc train",
    summary:
      "population GD on Tian's two-layer network (ReLU or --activation σ; any teacher, K* ≠ K, trained or fixed a)",
    load: async () => (await import("./fc-train.js")).fcTrainCommand,
  },
  {
    name: "fc k1",
    summary: "K = 1: P(start in Ω) vs the (1−ε)/2 bound vs GD's success rate; polar (r, θ) dynamics",
    load: async () => (await import("./fc-k1.js")).fcK1Command,
  },
  {
    name: "fc dynamics2d",
    summary:
      "K ≥ 2, orthonormal teacher: the 2-D (x, y) dynamics, saddle vs symmetry breaking, full-GD check",
    load: async () => (await import("./fc-dynamics2d.js")).fcDynamics2dCommand,
  },
  {
    name: "fc field",
    summary: "the vector field of the 2-D (x, y) dynamics on a grid, for plotting",
    load: async () => (await import("./fc-field.js")).fcFieldCommand,
  },
  {
    name: "fc saddles",
    summary: "the symmetric saddle x*_K: Jacobian eigenvalues, J, Hessian index (Thm 4.1)",
    load: async () => (await import("./fc-saddles.js")).fcSaddlesCommand,
  },
  {
    name: "fc ssb",
    summary: "spontaneous symmetry breaking: the permutation a near-symmetric start converges to",
    load: async () => (await import("./fc-ssb.js")).fcSsbCommand,
  },
  {
    name: "fc noisy",
    summary: "near-symmetric noisy starts: success counts, spurious minima (J, ‖∇J‖, Hessian index)",
    load: async () => (await import("./fc-noisy.js")).fcNoisyCommand,
  },
  {
    name: "fc fig3",
    summary: "closed-form population term vs samples: relative error against θ and N (Fig. 3)",
    load: async () => (await import("./fc-fig3.js")).fcFig3Command,
  },
  {
    name: "fc critical",
    summary: "M-matrix critical-point equations and the K = 2 L12/L21 criterion with a grid scan",
    load: async () => (await import("./fc-critical.js")).fcCriticalCommand,
  },
];
