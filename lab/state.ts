/**
 * The lab's whole state: one typed object, validated by zod. Every view reads its own section
 * and writes it back through `update`; the URL hash is this object flattened (see hash.ts), so
 * any state is a shareable link. Defaults come from parsing an empty object, so a field's
 * default and its allowed range are written once, here.
 */
import { z } from "zod";
import { FC_PROTOCOL_ETA } from "../src/models/fc/protocol.js";

/** A number field that also accepts its decimal text (as read from the URL hash). */
function num(min: number, max: number, fallback: number) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v)) : v),
      z.number().finite().min(min).max(max),
    )
    .default(fallback);
}

function int(min: number, max: number, fallback: number) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v)) : v),
      z.number().int().min(min).max(max),
    )
    .default(fallback);
}

/** A comma-separated list of numbers, e.g. "25,36,49". */
function numList(min: number, max: number, maxLength: number, fallback: number[], integer = false) {
  const item = integer ? z.number().int().min(min).max(max) : z.number().finite().min(min).max(max);
  return z
    .preprocess(
      (v) =>
        typeof v === "string" ? v.split(",").map((s) => (s.trim() === "" ? Number.NaN : Number(s))) : v,
      z.array(item).min(1).max(maxLength),
    )
    .default(fallback);
}

/** Starting points "x:y,x:y" (the Tian view's clicked starts). */
function pointList(maxLength: number, fallback: [number, number][]) {
  const pair = z.tuple([z.number().finite().min(-2).max(2), z.number().finite().min(-2).max(2)]);
  return z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v === ""
            ? []
            : v.split(",").map((s) => s.split(":").map((t) => (t.trim() === "" ? Number.NaN : Number(t))))
          : v,
      z.array(pair).max(maxLength),
    )
    .default(fallback);
}

/**
 * A start chosen by clicking the CNN landscape: "φ,c" (φ ∈ [0, π], c = (a₀ᵀa*)/‖a*‖), or empty for
 * the random start of (seed, trial).
 */
function optionalStart() {
  const point = z.tuple([z.number().finite().min(0).max(Math.PI), z.number().finite().min(-1000).max(1000)]);
  return z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v.trim() === ""
            ? []
            : v.split(",").map((t) => (t.trim() === "" ? Number.NaN : Number(t)))
          : v,
      z.union([z.tuple([]), point]),
    )
    .default([]);
}

export const VIEW_IDS = ["cnn", "basins", "probability", "tian", "ding", "spurious"] as const;
export type ViewId = (typeof VIEW_IDS)[number] | "about";

export const CnnStateSchema = z.strictObject({
  k: int(1, 400, 25),
  p: int(1, 400, 25),
  ratio: num(0, 400, 4),
  aNorm: num(0.01, 100, 1),
  eta: num(1e-4, 10, 0.2),
  seed: int(0, 2 ** 31 - 1, 1),
  trial: int(0, 1_000_000, 0),
  init: z.enum(["paper", "gaussian"]).default("paper"),
  steps: int(10, 200_000, 3000),
  start: optionalStart(),
});

export const BasinsStateSchema = z.strictObject({
  resolution: int(4, 64, 24),
  steps: int(10, 200_000, 6000),
});

export const ProbabilityStateSchema = z.strictObject({
  ks: numList(1, 400, 8, [25, 49], true),
  ratios: numList(0, 400, 10, [0, 1, 4, 9, 16, 25]),
  trials: int(1, 10_000, 40),
  p: int(2, 400, 25),
  aNorm: num(0.01, 100, 1),
  eta: num(1e-4, 10, 0.2),
  steps: int(10, 1_000_000, 30_000),
  seed: int(0, 2 ** 31 - 1, 1),
});

export const TianStateSchema = z.strictObject({
  K: int(2, 100, 5),
  starts: pointList(12, [
    [0.001, 0],
    [0.3, 0.3],
    [0.9, 0.6],
  ]),
  eta: num(1e-4, 1, 0.01),
  steps: int(10, 200_000, 2000),
});

export const DingStateSchema = z.strictObject({
  activation: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .default("sigmoid"),
  widths: numList(1, 64, 4, [10], true),
  inputDim: int(1, 16, 2),
  samples: int(2, 200, 10),
  weights: z.enum(["random", "unit"]).default("random"),
  seed: int(0, 2 ** 31 - 1, 1),
});

/** The Safran–Shamir cell: teacher width k = input dimension, student width n = k, k + 1 or free. */
export const SpuriousStateSchema = z.strictObject({
  k: int(3, 20, 8),
  nMode: z.enum(["equal", "plus-one", "free"]).default("equal"),
  /** The student's width when nMode is "free". */
  n: int(1, 200, 8),
  eta: num(1e-4, 2, FC_PROTOCOL_ETA),
  init: z.enum(["fan-in", "glorot", "normal"]).default("fan-in"),
  /** The start's std when init is "normal". */
  initStd: num(1e-4, 10, 0.1),
  runs: int(1, 10_000, 100),
  seed: int(0, 2 ** 31 - 1, 1),
});

export const LabStateSchema = z.strictObject({
  view: z.enum(["about", ...VIEW_IDS]).default("cnn"),
  /** Presentation mode: larger type, controls collapsed (for a lecture hall's projector). */
  presentation: z.enum(["off", "on"]).default("off"),
  cnn: CnnStateSchema.prefault({}),
  basins: BasinsStateSchema.prefault({}),
  probability: ProbabilityStateSchema.prefault({}),
  tian: TianStateSchema.prefault({}),
  ding: DingStateSchema.prefault({}),
  spurious: SpuriousStateSchema.prefault({}),
});

export type LabState = z.infer<typeof LabStateSchema>;
export type CnnState = LabState["cnn"];
export type BasinsState = LabState["basins"];
export type ProbabilityState = LabState["probability"];
export type TianState = LabState["tian"];
export type DingState = LabState["ding"];
export type SpuriousState = LabState["spurious"];

export function defaultState(): LabState {
  return LabStateSchema.parse({});
}
