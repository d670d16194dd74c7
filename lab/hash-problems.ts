/**
 * What was wrong with a field of a shared link, in plain words: the field's name as the lab labels
 * it, what the link gave, what is allowed and what the lab uses instead ("CNN view, patches k: the
 * link gives −3, but it must be a whole number from 1 to 400; using 25"). Built from zod's issue
 * codes and bounds, never its message text.
 */
import type { z } from "zod";
import { defaultState, LabStateSchema } from "./state.js";

const SECTIONS: Record<string, string> = {
  cnn: "CNN view",
  basins: "Basins view",
  probability: "Probability view",
  tian: "Two-layer ReLU view",
  ding: "Sub-optimal minima view",
  spurious: "Spurious minima view",
};

const FIELDS: Record<string, string> = {
  view: "the view",
  presentation: "presentation mode",
  "cnn.k": "patches k",
  "cnn.p": "filter size p",
  "cnn.ratio": "(1ᵀa*)²/‖a*‖²",
  "cnn.aNorm": "‖a*‖",
  "cnn.eta": "step size η",
  "cnn.seed": "seed",
  "cnn.trial": "trial index",
  "cnn.init": "initialisation",
  "cnn.steps": "iteration budget",
  "cnn.start": "start chosen on the landscape",
  "basins.resolution": "cells per side",
  "basins.steps": "iteration budget",
  "probability.ks": "patches k",
  "probability.ratios": "(1ᵀa*)²/‖a*‖²",
  "probability.trials": "trials per cell",
  "probability.p": "filter size p",
  "probability.aNorm": "‖a*‖",
  "probability.eta": "step size η",
  "probability.steps": "iteration budget",
  "probability.seed": "seed",
  "tian.K": "hidden units K",
  "tian.starts": "starts",
  "tian.eta": "step size η",
  "tian.steps": "iterations",
  "ding.activation": "activation",
  "ding.widths": "hidden widths",
  "ding.inputDim": "input dimension d₀",
  "ding.samples": "samples N",
  "ding.weights": "downstream weights",
  "ding.seed": "seed",
  "spurious.k": "teacher width k",
  "spurious.nMode": "student width rule",
  "spurious.n": "student width n",
  "spurious.eta": "step size η",
  "spurious.init": "initialisation",
  "spurious.initStd": "start std",
  "spurious.runs": "runs",
  "spurious.seed": "seed",
};

/** "CNN view, patches k" for ["cnn", "k"]; the first two path parts name the field. */
export function fieldName(path: readonly PropertyKey[]): string {
  const key = path.slice(0, 2).map(String).join(".");
  const section = SECTIONS[String(path[0])];
  const field = FIELDS[key];
  if (field && section) return `${section}, ${field}`;
  if (field) return field;
  if (section) return `the ${section}`;
  return `“${key}”`;
}

/** The value the lab uses for a dropped field: its default, in the link's own notation. */
function defaultText(path: readonly PropertyKey[]): string {
  let value: unknown = defaultState();
  for (const part of path.slice(0, 2)) value = (value as Record<string, unknown> | undefined)?.[String(part)];
  if (value === undefined) return "";
  if (Array.isArray(value))
    return value.length === 0
      ? "none"
      : value.map((v) => (Array.isArray(v) ? v.join(":") : String(v))).join(", ");
  return String(value);
}

type AnySchema = { def: Record<string, unknown> & { type: string } } & Record<string, unknown>;

/** The schema under defaults, prefaults and preprocessing (zod v4's def tree). */
function core(schema: AnySchema | undefined): AnySchema | undefined {
  let node = schema;
  for (let i = 0; node && i < 8; i++) {
    const { type } = node.def;
    if (type === "default" || type === "prefault" || type === "optional")
      node = node.def.innerType as AnySchema;
    else if (type === "pipe") node = node.def.out as AnySchema;
    else return node;
  }
  return node;
}

function bound(x: number): string {
  return x === Math.PI ? "π" : String(x).replace("-", "−");
}

/** "a whole number from 1 to 400" for a number schema. */
function numberRule(node: AnySchema, plural = false): string {
  const lo = node.minValue as number | null;
  const hi = node.maxValue as number | null;
  const kind = node.isInt ? (plural ? "whole numbers" : "a whole number") : plural ? "numbers" : "a number";
  if (lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi))
    return `${kind} from ${bound(lo)} to ${bound(hi)}`;
  return kind;
}

/** What a field of the lab's state allows, in words, read off its schema. */
export function fieldRule(path: readonly PropertyKey[]): string {
  const [section, field] = path.map(String);
  if (`${section}.${field}` === "cnn.start")
    return "empty, or “φ,c” with φ from 0 to π (a point of the landscape)";
  if (`${section}.${field}` === "tian.starts")
    return "up to 12 points “x:y”, separated by commas, with x and y from −2 to 2";
  const shape = (LabStateSchema as unknown as { shape: Record<string, AnySchema> }).shape;
  const top = core(shape[section]);
  const node =
    field === undefined ? top : core((top?.shape as Record<string, AnySchema> | undefined)?.[field]);
  if (!node) return "a valid value";
  switch (node.def.type) {
    case "number":
      return numberRule(node);
    case "enum":
      return `one of ${Object.values(node.def.entries as Record<string, string>)
        .map((v) => `“${v}”`)
        .join(", ")}`;
    case "string":
      return "lowercase letters, digits and “-” (the name of an activation)";
    case "array": {
      const element = core(node.def.element as AnySchema);
      const most = (node.def.checks as { _zod: { def: { check: string; maximum?: number } } }[] | undefined)
        ?.map((c) => c._zod.def)
        .find((d) => d.check === "max_length")?.maximum;
      const count = most !== undefined ? `1 to ${most} ` : "";
      return `${count}${element ? numberRule(element, true) : "values"}, separated by commas`;
    }
    default:
      return "a valid value";
  }
}

/** One line per zod issue of the decoded link; `given` is what the link wrote for that field. */
export function describeProblem(issue: z.core.$ZodIssue, given: unknown): string[] {
  if (issue.code === "unrecognized_keys") {
    const where =
      issue.path.length > 0 ? ` of the ${SECTIONS[String(issue.path[0])] ?? String(issue.path[0])}` : "";
    return issue.keys.map((key) => `“${key}” is not a setting${where} of the lab; it was ignored.`);
  }
  const path = issue.path.slice(0, 2);
  if (path.length === 1 && SECTIONS[String(path[0])])
    return [`The ${SECTIONS[String(path[0])]}'s settings could not be read; it uses its defaults.`];
  const shown = typeof given === "string" ? (given === "" ? "nothing" : `“${given}”`) : "a value";
  const fallback = defaultText(path);
  const name = fieldName(path);
  return [
    `${name.charAt(0).toUpperCase()}${name.slice(1)}: the link gives ${shown}, but it must be ${fieldRule(path)}; using ${fallback === "" ? "the default" : fallback} instead.`,
  ];
}
