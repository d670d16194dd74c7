/**
 * Minima's library entry point: the numeric core, free of I/O. Each module is also importable
 * on its own (see the README's "Library" section).
 */
export * from "./core/errors.js";
export * from "./math/angle.js";
export * from "./math/rng.js";
export * from "./math/vector.js";
