/**
 * The declarative sweep spec: a model, its fixed parameters, optimiser and stopping settings, grid
 * axes, trials per cell, a seed and the restart counts to summarise. Parsed with zod; the first
 * problem becomes one InputError naming the field, the value and what is allowed.
 *
 * A cell's parameters are params ∪ optimiser ∪ stop ∪ (one value per axis); a name may appear
 * in only one of those places. Cells are numbered row-major over the axes in the order written.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { InputError } from "../core/errors.js";
import { checkKeys } from "../core/keys.js";
import { canonicalJson } from "./canonical.js";

const scalar = z.union([z.number(), z.string(), z.boolean()], {
  error: "must be a number, a string or a boolean",
});
const settings = z.record(z.string(), scalar, { error: "must be an object of name: value" });

export const sweepSpecSchema = z.strictObject(
  {
    $schema: z.string().optional(),
    name: z.string({ error: "must be a string" }).optional(),
    description: z.string({ error: "must be a string" }).optional(),
    model: z
      .string({ error: "must be a model name (cnn) or a path to a module exporting a sweep model" })
      .min(1, { error: "must not be empty" }),
    params: settings.default({}),
    optimiser: settings.default({}),
    stop: settings.default({}),
    grid: z
      .record(
        z.string(),
        z
          .array(scalar, { error: "must be a non-empty array of values" })
          .min(1, { error: "must be a non-empty array of values" }),
        { error: "must be an object of axis: [values]" },
      )
      .default({}),
    trials: z
      .number({ error: "must be an integer from 1 to 10000000" })
      .int({ error: "must be an integer from 1 to 10000000" })
      .min(1, { error: "must be an integer from 1 to 10000000" })
      .max(10_000_000, { error: "must be an integer from 1 to 10000000" }),
    seed: z
      .number({ error: "must be a non-negative safe integer" })
      .int({ error: "must be a non-negative safe integer" })
      .min(0, { error: "must be a non-negative safe integer" }),
    restarts: z
      .array(
        z
          .number({ error: "must be integers >= 1" })
          .int({ error: "must be integers >= 1" })
          .min(1, { error: "must be integers >= 1" }),
        { error: "must be an array of integers >= 1" },
      )
      .default([1, 2, 3, 5, 10]),
  },
  { error: "must be a JSON object" },
);

export type SweepSpec = z.infer<typeof sweepSpecSchema>;
export type Scalar = z.infer<typeof scalar>;

export function parseSweepSpec(input: unknown, field = "spec"): SweepSpec {
  if (input !== null && typeof input === "object" && !Array.isArray(input))
    checkKeys(field, input as Record<string, unknown>, Object.keys(sweepSpecSchema.shape), "a spec field");
  const result = sweepSpecSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    const message = issue.message.startsWith("Invalid input") ? issue.message.toLowerCase() : issue.message;
    if (issue.input === undefined) throw new InputError(`${field}${path}`, `is missing; it ${message}`);
    throw new InputError(`${field}${path}`, message, issue.input);
  }
  const spec = result.data;
  const seen = new Map<string, string>();
  for (const section of ["params", "optimiser", "stop", "grid"] as const) {
    for (const name of Object.keys(spec[section])) {
      const before = seen.get(name);
      if (before)
        throw new InputError(
          `${field}.${section}.${name}`,
          `is already set in ${field}.${before}; a name may appear in one section only`,
        );
      seen.set(name, section);
    }
  }
  if (!Number.isSafeInteger(spec.seed))
    throw new InputError(`${field}.seed`, "must be a safe integer", spec.seed);
  return spec;
}

/** The number of cells: the product of the axis lengths (1 for an empty grid). */
export function cellCount(spec: SweepSpec): number {
  return Object.values(spec.grid).reduce((n, values) => n * values.length, 1);
}

/** The grid values of cell `index` (row-major, last axis fastest). */
export function cellAxes(spec: SweepSpec, index: number): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  const axes = Object.entries(spec.grid);
  let rest = index;
  for (let a = axes.length - 1; a >= 0; a--) {
    const [name, values] = axes[a];
    out[name] = values[rest % values.length];
    rest = Math.floor(rest / values.length);
  }
  return Object.fromEntries(axes.map(([name]) => [name, out[name]]));
}

/** Everything a cell's trials are run with, before the model checks it. */
export function cellRawParams(spec: SweepSpec, index: number): Record<string, Scalar> {
  return { ...spec.params, ...spec.optimiser, ...spec.stop, ...cellAxes(spec, index) };
}

/** SHA-256 of the spec's canonical JSON: the identity of a sweep's results. */
export function specHash(spec: SweepSpec): string {
  return createHash("sha256").update(canonicalSpecJson(spec)).digest("hex");
}

function canonicalSpecJson(spec: SweepSpec): string {
  // restarts and descriptive fields only affect summaries, not a single trial: leave them out.
  // The grid stays an ordered list of axes, because the axis order numbers the cells.
  const { $schema: _s, name: _n, description: _d, restarts: _r, grid, ...identity } = spec;
  return canonicalJson({ ...identity, grid: Object.entries(grid) });
}
