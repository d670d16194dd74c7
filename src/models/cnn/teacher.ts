/**
 * The teacher (w*, a*) of the CNN.
 *
 * Norm convention: ReLU is positively homogeneous, f(Z, c·w, a) = f(Z, w, c·a) for c > 0, so a teacher
 * given with any non-zero w* is stored as the unit filter w* / ‖w*‖ and the output layer ‖w*‖·a*. The
 * labels — and hence every loss and gradient — are unchanged; `wNorm` keeps the given norm for reports.
 */
import { functionArgument, objectArgument, stringArgument, vectorArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { checkKeys } from "../../core/keys.js";
import { finiteNumber, finiteVector, integerInRange } from "../../core/validate.js";
import { normUnchecked, sum } from "../../math/vector.js";

/** The range allowed for ‖a*‖ (after moving ‖w*‖ into it). */
export const ANORM_MIN = 1e-50;
export const ANORM_MAX = 1e50;
/** The largest number of patches k and patch size p accepted. */
export const CNN_MAX_SIZE = 100000;

/** The protocol teacher's settings: k patches of size p, ratio (1ᵀa*)²/‖a*‖², ‖a*‖. */
export interface CnnTeacherSettings {
  readonly k: number;
  readonly p: number;
  readonly ratio: number;
  readonly anorm: number;
}

/**
 * Checks the protocol teacher's settings; `name` turns a field into what the user wrote (a CLI flag,
 * a path in a spec). The one validator of these settings: the trial spec, the CLI and the teacher
 * constructor all call it.
 */
export function validateCnnTeacherSettings(
  o: Readonly<Record<string, unknown>>,
  name: (field: string) => string = (f) => f,
): CnnTeacherSettings {
  functionArgument("name", name);
  objectArgument(name("settings"), o, "an object {k, p, ratio, anorm}");
  const k = integerInRange(name("k"), o.k, 1, CNN_MAX_SIZE);
  const p = integerInRange(name("p"), o.p, 1, CNN_MAX_SIZE);
  const ratio = finiteNumber(name("ratio"), o.ratio);
  if (ratio < 0 || ratio > k) throw new InputError(name("ratio"), `must be in [0, k] = [0, ${k}]`, ratio);
  if (k === 1 && ratio !== 1) throw new InputError(name("ratio"), "must be 1 when k = 1 (a* ∝ 1)", ratio);
  const anorm = finiteNumber(name("anorm"), o.anorm);
  if (!(anorm >= ANORM_MIN && anorm <= ANORM_MAX))
    throw new InputError(name("anorm"), `must be in [${ANORM_MIN}, ${ANORM_MAX}]`, anorm);
  return { k, p, ratio, anorm };
}

export interface CnnTeacher {
  /** Unit filter w* / ‖w*‖, length p. */
  readonly w: Float64Array;
  /** Output weights ‖w*‖·a*, length k. */
  readonly a: Float64Array;
  /** ‖w*‖ as given (1 for teachers built from a ratio). */
  readonly wNorm: number;
}

export function cnnTeacher(w: ArrayLike<number>, a: ArrayLike<number>, field = "teacher"): CnnTeacher {
  stringArgument("field", field);
  vectorArgument(`${field}.w`, w);
  vectorArgument(`${field}.a`, a);
  const wNorm = normUnchecked(w);
  if (!(wNorm > 0) || !Number.isFinite(wNorm))
    throw new InputError(`${field}.w`, "must be a non-zero finite vector");
  const unit = Float64Array.from(w, (x) => x / wNorm);
  const scaled = Float64Array.from(a, (x) => x * wNorm);
  const aNorm = normUnchecked(scaled);
  // Squares of ‖a*‖ enter every formula; keep them far from float64 overflow and underflow.
  if (!(aNorm >= ANORM_MIN && aNorm <= ANORM_MAX))
    throw new InputError(`${field}.a`, `must have ‖w*‖·‖a*‖ in [${ANORM_MIN}, ${ANORM_MAX}]`, aNorm);
  return { w: unit, a: scaled, wNorm };
}

/** A teacher from JSON {"w": [...], "a": [...]}; lengths checked when given. */
export function parseCnnTeacher(json: unknown, field = "teacher", p?: number, k?: number): CnnTeacher {
  stringArgument("field", field);
  if (p !== undefined) integerInRange("p", p, 1, CNN_MAX_SIZE);
  if (k !== undefined) integerInRange("k", k, 1, CNN_MAX_SIZE);
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw new InputError(field, 'must be an object {"w":[…],"a":[…]}', json);
  const record = json as Record<string, unknown>;
  checkKeys(field, record, ["w", "a"], "a teacher field");
  const w = finiteVector(`${field}.w`, record.w, p);
  const a = finiteVector(`${field}.a`, record.a, k);
  return cnnTeacher(w, a, field);
}

/**
 * The teacher of the protocol (docs/du-cnn.md#the-teacher): w* = e₁ ∈ R^p and a* = A·((√R/k)·1 + √(1 − R/k)·u) with
 * u = (e₁ − e₂)/√2 ⊥ 1, so that (1ᵀa*)² = R‖a*‖² and ‖a*‖ = A. Needs R ∈ [0, k]; for k = 1 there is
 * no u, so R must be 1.
 */
export function cnnTeacherFromRatio(k: number, p: number, ratio: number, anorm: number): CnnTeacher {
  validateCnnTeacherSettings({ k, p, ratio, anorm });
  const w = new Float64Array(p);
  w[0] = 1;
  const a = new Float64Array(k).fill((anorm * Math.sqrt(ratio)) / k);
  if (k > 1) {
    const c = (anorm * Math.sqrt(Math.max(0, 1 - ratio / k))) / Math.SQRT2;
    a[0] += c;
    a[1] -= c;
  }
  return { w, a, wNorm: 1 };
}

/**
 * A teacher given to a public function: w a finite unit vector (as `cnnTeacher` makes it: the
 * formulas assume ‖w*‖ = 1), a finite and non-empty, wNorm (when present) positive.
 */
export function checkCnnTeacher(teacher: unknown, field = "teacher"): CnnTeacher {
  const t = objectArgument(
    field,
    teacher,
    "a teacher {w, a, wNorm} (made by cnnTeacher or cnnTeacherFromRatio)",
  );
  const w = vectorArgument(`${field}.w`, t.w);
  vectorArgument(`${field}.a`, t.a);
  if (Math.abs(normUnchecked(w) - 1) > 1e-9)
    throw new InputError(
      `${field}.w`,
      "must be a unit vector (cnnTeacher moves ‖w*‖ into a*)",
      normUnchecked(w),
    );
  if (t.wNorm !== undefined && !(finiteNumber(`${field}.wNorm`, t.wNorm) > 0))
    throw new InputError(`${field}.wNorm`, "must be a positive number", t.wNorm);
  return teacher as CnnTeacher;
}

/** (1ᵀa*)²/‖a*‖², the ratio R of a teacher. */
export function teacherRatio(teacher: CnnTeacher): number {
  checkCnnTeacher(teacher);
  const s = sum(teacher.a);
  const n = normUnchecked(teacher.a);
  return (s * s) / (n * n);
}
