/**
 * The "fc" problem format (Tian 2017's two-layer ReLU network) for `minima eval` and `minima classify`:
 *
 *   {"model":"fc","teacher":{"W":[[…d…],…K* rows],"a":[…]?},"student":{"W":[[…d…],…K rows],"a":[…]?},"trainA":bool?,
 *    "activation":"relu"?}
 *
 * Parameters: the student's W always; its top weights a only when they are trained. A missing
 * student "a" means a = 1 fixed (the paper's setting), not a parameter; a given student "a" is trained
 * unless "trainA": false. A missing teacher "a" means ones. K* may differ from K; d must agree.
 * The gradient printed is ∇J (not the descent direction −∇J). "activation" (default "relu") picks σ's
 * pair kernel (kernels.ts): relu, leaky-relu and elu give the exact Hessian (second-order terms); the
 * smooth σ's trapezoid kernel has none, so the problem offers no `hessian` and eval/classify take
 * central differences of the gradient (and report that they did).
 */
import { booleanArgument, methodsArgument, objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import { lastPointCache, type Problem, type ProblemFormat } from "../problem.js";
import { FcHessianOperator } from "./hessian-vector.js";
import { fcPairKernelFor } from "./kernels.js";
import { checkFcNetwork, type FcNetwork, networkFromJson, rowsOf } from "./network.js";
import type { PairKernel } from "./pair-kernel.js";
import { type FcPoint, FcPopulation } from "./population.js";
import { fcProofSupport } from "./proof-support.js";

function object(field: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new InputError(field, 'must be an object {"W": [[…]], "a": […]?}', value);
  checkKeys(field, value as Record<string, unknown>, ["W", "a"], `a ${field} field`);
  return value as Record<string, unknown>;
}

export interface FcProblemSpec {
  readonly teacher: FcNetwork;
  readonly student: FcNetwork;
  readonly trainA: boolean;
  /** σ's pair kernel (default ReLU's closed form). */
  readonly kernel: PairKernel;
}

export function parseFcSpec(json: Record<string, unknown>): FcProblemSpec {
  objectArgument("problem", json, "a problem object {model, teacher, student, …}");
  checkKeys("", json, ["model", "teacher", "student", "trainA", "activation"], "a field of an fc problem");
  const kernel = fcPairKernelFor(json.activation ?? "relu");
  const t = object("teacher", json.teacher);
  const s = object("student", json.student);
  const teacher = networkFromJson("teacher", t.W, t.a);
  const student = networkFromJson("student", s.W, s.a, teacher.d);
  if (json.trainA !== undefined && typeof json.trainA !== "boolean")
    throw new InputError("trainA", "must be true or false", json.trainA);
  const trainA = s.a === undefined ? false : json.trainA !== false;
  if (json.trainA === true && s.a === undefined)
    throw new InputError("trainA", 'needs the student\'s "a" to be given', json.trainA);
  return { teacher, student, trainA, kernel };
}

/** A Problem over the flat parameters (W row-major, then a when trained). */
export function fcProblem(spec: FcProblemSpec): Problem {
  const o = objectArgument("spec", spec, "a spec {teacher, student, trainA, kernel}");
  const t = checkFcNetwork("spec.teacher", o.teacher);
  const s = checkFcNetwork("spec.student", o.student);
  if (s.d !== t.d) throw new InputError("spec.student.d", `must equal the teacher's d = ${t.d}`, s.d);
  booleanArgument("spec.trainA", o.trainA);
  methodsArgument("spec.kernel", o.kernel, ["first"]);
  const { teacher, student, trainA, kernel } = spec;
  const { K, d } = student;
  const population = new FcPopulation(kernel, teacher, K);
  const nW = K * d;
  const point = new Float64Array(nW + (trainA ? K : 0));
  point.set(student.W);
  if (trainA) point.set(student.a, nW);
  const fixedA = student.a;
  const at = (x: Float64Array): FcPoint => ({
    W: x.subarray(0, nW),
    a: trainA ? x.subarray(nW, nW + K) : fixedA,
  });
  const operatorAt = lastPointCache((x) => new FcHessianOperator(kernel, teacher, at(x), trainA));
  const blocks: Array<readonly [string, number]> = [["W", nW]];
  if (trainA) blocks.push(["a", K]);
  return {
    model: "fc",
    point,
    blocks,
    loss: (x) => population.loss(at(x)),
    gradient: (x) => population.gradient(at(x), trainA),
    // Only kernels with second-order terms give an exact Hessian; for the others the generic tools
    // take differences of the gradient themselves and say so.
    ...(kernel.second
      ? {
          hessian: (x: Float64Array) => population.hessian(at(x), trainA),
          hessianVector: (x: Float64Array, v: Float64Array) => operatorAt(x).apply(v),
        }
      : {}),
    proof: fcProofSupport({ teacher, K, kernel, trainA, fixedA }),
    structure: (flat) => {
      const out: Record<string, unknown> = { W: rowsOf(K, d, flat.subarray(0, nW)) };
      if (trainA) out.a = Array.from(flat.subarray(nW, nW + K));
      return out;
    },
  };
}

export const fcProblemFormat: ProblemFormat = {
  model: "fc",
  shape:
    '{"model":"fc","teacher":{"W":[[…]],"a":[…]?},"student":{"W":[[…]],"a":[…]?},"trainA":bool?,"activation":"relu"|"tanh"|…?}',
  parse: (json) => fcProblem(parseFcSpec(json)),
};
