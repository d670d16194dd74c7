/**
 * The methods the lab's workers run. Each takes plain data and a progress callback and returns
 * plain data (structured-clone friendly). They call the library; no mathematics is written here.
 */

export type ProgressFn = (progress: { done: number; total: number; partial?: unknown }) => void;

export const computeApi = {};

export type ComputeApi = typeof computeApi & Record<string, (args: never, progress: ProgressFn) => unknown>;
export type ComputeMethod = keyof typeof computeApi & string;
