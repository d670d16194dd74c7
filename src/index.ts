/**
 * Minima's library entry point: the numeric core, free of I/O. Each module is also importable
 * on its own (see the README's "Library" section).
 */
export * from "./core/errors.js";
export * from "./experiments/cnn-trial.js";
export * from "./math/angle.js";
export * from "./math/rng.js";
export * from "./math/vector.js";
export * from "./models/cnn/activation-kernel.js";
export * from "./models/cnn/population.js";
export * from "./models/cnn/problem.js";
export * from "./models/cnn/sampled.js";
export * from "./models/cnn/stationary.js";
export * from "./models/cnn/teacher.js";
export * from "./train/cnn-full.js";
export * from "./train/cnn-outcome.js";
export * from "./train/cnn-reduced.js";
export * from "./train/cnn-snapshot.js";
export * from "./train/phase-switch.js";
export * from "./train/trajectory.js";
