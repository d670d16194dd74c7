/**
 * A `Problem` (models/problem.ts) given to a public function: its methods, and its point finite and
 * as long as its blocks say. The tools that take a problem (classification, the Hessian, restarts)
 * check it once at their entry, then call its methods freely.
 */
import { float64Argument, functionArgument, objectArgument } from "../core/arguments.js";
import { InputError } from "../core/errors.js";
import type { Problem } from "./problem.js";

export function checkProblem(problem: unknown, field = "problem"): Problem {
  const o = objectArgument(field, problem, "a Problem {point, blocks, loss, gradient, structure}");
  functionArgument(`${field}.loss`, o.loss);
  functionArgument(`${field}.gradient`, o.gradient);
  if (o.hessian !== undefined) functionArgument(`${field}.hessian`, o.hessian);
  const point = float64Argument(`${field}.point`, o.point);
  if (!Array.isArray(o.blocks))
    throw new InputError(`${field}.blocks`, "must be an array of [name, length]", o.blocks);
  const size = (o.blocks as [string, number][]).reduce(
    (s, b) => s + (Array.isArray(b) ? Number(b[1]) : Number.NaN),
    0,
  );
  if (size !== point.length)
    throw new InputError(`${field}.blocks`, `must add up to the point's ${point.length} parameters`, size);
  return problem as Problem;
}

/** A point of the problem: finite, of the problem's size. */
export function checkProblemPoint(problem: Problem, x: unknown, field = "x"): Float64Array {
  return float64Argument(field, x, problem.point.length);
}
