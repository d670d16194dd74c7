/**
 * Minima's library entry point: the numeric core, free of I/O. Each module is also importable
 * on its own (see the README's "Library" section).
 */
export * from "./activations/activation.js";
export * from "./activations/erf.js";
export * from "./activations/registry.js";
export * from "./core/errors.js";
export * from "./experiments/cnn-trial.js";
export * from "./experiments/ding/best-loss.js";
export * from "./experiments/ding/certificate.js";
export * from "./experiments/ding/certify.js";
export * from "./experiments/ding/construction.js";
export * from "./experiments/ding/data-csv.js";
export * from "./experiments/ding/escape-path.js";
export * from "./experiments/ding/negative-control.js";
export * from "./experiments/ding/residual-design.js";
export * from "./landscape/classify.js";
export * from "./landscape/minimise.js";
export * from "./landscape/restarts.js";
export * from "./landscape/spectrum.js";
export * from "./math/angle.js";
export * from "./math/least-squares.js";
export * from "./math/rng.js";
export * from "./math/stats.js";
export * from "./math/vector.js";
export * from "./models/cnn/activation-kernel.js";
export * from "./models/cnn/population.js";
export * from "./models/cnn/problem.js";
export * from "./models/cnn/sampled.js";
export * from "./models/cnn/stationary.js";
export * from "./models/cnn/teacher.js";
export * from "./models/mlp/data.js";
export * from "./models/mlp/format.js";
export * from "./models/mlp/network.js";
export * from "./train/cnn-full.js";
export * from "./train/cnn-outcome.js";
export * from "./train/cnn-reduced.js";
export * from "./train/cnn-snapshot.js";
export * from "./train/phase-switch.js";
export * from "./train/trajectory.js";
