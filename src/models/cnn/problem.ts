/**
 * The CNN as a generic `Problem`: flat parameters (v, a), the closed-form population loss and
 * gradient, and the exact Hessian. Registered as the "cnn" problem format:
 *   {"model":"cnn","teacher":{"w":[…p],"a":[…k]},"student":{"v":[…p],"a":[…k]},"activation":"relu"}
 * The teacher's filter may have any non-zero norm (teacher.ts) for ReLU (and other positively
 * homogeneous σ); for other activations it must be a unit vector. The student's v must be non-zero.
 * "activation" (default "relu", the closed form) selects σ's quadrature kernel (kernels.ts).
 */
import { activationByName } from "../../activations/registry.js";
import { objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import { finiteVector, integerInRange } from "../../core/validate.js";
import {
  joinBlocks,
  lastPointCache,
  type Problem,
  type ProblemFormat,
  type ProofSupport,
} from "../problem.js";
import { type CnnActivationKernel, reluKernel } from "./activation-kernel.js";
import { cnnKernelFor } from "./kernels.js";
import { checkCnnPoint, populationGradient, populationHessian, populationLoss } from "./population.js";
import { cnnProofSupport } from "./proof-support.js";
import { checkCnnPatches, cnnSampledLossGradientUnchecked } from "./sampled.js";
import { type CnnTeacher, parseCnnTeacher } from "./teacher.js";

/** w = v/‖v‖ needs v ≠ 0. */
function checkNonZeroFilter(v: ArrayLike<number>): void {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return;
  throw new InputError("v", "must be a non-zero vector (w = v/‖v‖)");
}

export class CnnProblem implements Problem {
  readonly model = "cnn";
  readonly point: Float64Array;
  readonly blocks: ReadonlyArray<readonly [string, number]>;
  readonly teacher: CnnTeacher;
  readonly kernel: CnnActivationKernel;
  /** The proof of a critical point near a point (ReLU; proof-support.ts). */
  readonly proof: ProofSupport;
  private readonly p: number;

  constructor(teacher: CnnTeacher, v: ArrayLike<number>, a: ArrayLike<number>, kernel = reluKernel) {
    checkCnnPoint(teacher, v, a, kernel);
    checkNonZeroFilter(v);
    this.teacher = teacher;
    this.kernel = kernel;
    this.proof = cnnProofSupport(teacher, kernel);
    this.p = teacher.w.length;
    this.blocks = [
      ["v", this.p],
      ["a", teacher.a.length],
    ];
    this.point = joinBlocks([v, a]);
  }

  private split(x: Float64Array): [Float64Array, Float64Array] {
    // A length check only: this runs per evaluation inside optimisers.
    if (!(x instanceof Float64Array) || x.length !== this.point.length)
      throw new InputError("x", `must be a Float64Array of p + k = ${this.point.length} numbers`, x?.length);
    return [x.subarray(0, this.p), x.subarray(this.p)];
  }

  loss(x: Float64Array): number {
    const [v, a] = this.split(x);
    return populationLoss(this.teacher, v, a, this.kernel);
  }

  gradient(x: Float64Array): Float64Array {
    const [v, a] = this.split(x);
    const g = populationGradient(this.teacher, v, a, this.kernel);
    return joinBlocks([g.v, g.a]);
  }

  hessian(x: Float64Array): Float64Array[] {
    const [v, a] = this.split(x);
    return populationHessian(this.teacher, v, a, this.kernel);
  }

  /** The dense Hessian (p + k parameters: small) times v, the Hessian built once per point. */
  private readonly hessianAt = lastPointCache((x) => this.hessian(x));

  hessianVector(x: Float64Array, v: Float64Array): Float64Array {
    const rows = this.hessianAt(x);
    return Float64Array.from(rows, (row) => {
      let s = 0;
      for (let i = 0; i < row.length; i++) s += row[i] * v[i];
      return s;
    });
  }

  structure(flat: Float64Array): Record<string, unknown> {
    const [v, a] = this.split(flat);
    return { v: Array.from(v), a: Array.from(a) };
  }
}

export const cnnProblemFormat: ProblemFormat = {
  model: "cnn",
  shape:
    '{"model":"cnn","teacher":{"w":[p numbers],"a":[k numbers]},"student":{"v":[p numbers],"a":[k numbers]},"activation":"relu"|"tanh"|… (optional)}',
  parse(json) {
    objectArgument("problem", json, "a problem object {model, teacher, student, …}");
    checkKeys("", json, ["model", "teacher", "student", "activation"], "a field of a cnn problem");
    const teacher = parseCnnTeacher(json.teacher, "teacher");
    const student = json.student;
    if (student === null || typeof student !== "object" || Array.isArray(student))
      throw new InputError("student", 'must be an object {"v":[…],"a":[…]}', student);
    const record = student as Record<string, unknown>;
    checkKeys("student", record, ["v", "a"], "a student field");
    const v = finiteVector("student.v", record.v, teacher.w.length);
    const a = finiteVector("student.a", record.a, teacher.a.length);
    if (v.every((x) => x === 0)) throw new InputError("student.v", "must be a non-zero vector (w = v/‖v‖)");
    const name = json.activation === undefined ? "relu" : activationByName(json.activation).name;
    if (name === "relu") return new CnnProblem(teacher, v, a);
    if (!["leaky-relu", "linear"].includes(name) && Math.abs(teacher.wNorm - 1) > 1e-12)
      throw new InputError("teacher.w", `must be a unit vector for activation "${name}"`, teacher.wNorm);
    return new CnnProblem(teacher, v, a, cnnKernelFor(name));
  },
};

/**
 * The same landscape on a drawn data set (finite n, Monte Carlo): the mean of ½(f − y)² over the
 * inputs in `patches` (see sampled.ts). No analytic Hessian: generic tools use central differences.
 */
export class CnnSampledProblem implements Problem {
  readonly model = "cnn";
  readonly point: Float64Array;
  readonly blocks: ReadonlyArray<readonly [string, number]>;
  readonly teacher: CnnTeacher;
  private readonly patches: Float64Array;
  private readonly n: number;
  private readonly p: number;

  constructor(
    teacher: CnnTeacher,
    v: ArrayLike<number>,
    a: ArrayLike<number>,
    patches: Float64Array,
    n: number,
  ) {
    checkCnnPoint(teacher, v, a, reluKernel);
    checkNonZeroFilter(v);
    const samples = checkCnnPatches(teacher, patches);
    integerInRange("n", n, 1, samples);
    this.teacher = teacher;
    this.patches = patches;
    this.n = n;
    this.p = teacher.w.length;
    this.blocks = [
      ["v", this.p],
      ["a", teacher.a.length],
    ];
    this.point = joinBlocks([v, a]);
  }

  loss(x: Float64Array): number {
    return cnnSampledLossGradientUnchecked(
      this.teacher,
      x.subarray(0, this.p),
      x.subarray(this.p),
      this.patches,
      this.n,
    ).loss;
  }

  gradient(x: Float64Array): Float64Array {
    const e = cnnSampledLossGradientUnchecked(
      this.teacher,
      x.subarray(0, this.p),
      x.subarray(this.p),
      this.patches,
      this.n,
    );
    return joinBlocks([e.v, e.a]);
  }

  structure(flat: Float64Array): Record<string, unknown> {
    return { v: Array.from(flat.subarray(0, this.p)), a: Array.from(flat.subarray(this.p)) };
  }
}
