/**
 * Families of end points modulo the problem's symmetries. J is unchanged when the student's units
 * are permuted; with the orthonormal teacher W* = I it is also unchanged when the teacher's units
 * and the input coordinates are permuted together (W ↦ P W Qᵀ with permutations P of the rows and
 * Q of the columns). With trained top weights ReLU's homogeneity makes (c·w_j, a_j/c) one unit for
 * c > 0, so a unit is read as (|a_j|·w_j, sign a_j).
 *
 * Two end points are in one family when their invariant signatures agree within FAMILY_TOL: each
 * row's entries sorted (column permutations do not change them; only under W* = I), then the rows
 * sorted. The family's representative is put in a canonical form: columns ordered by their sorted
 * entries, then rows ordered lexicographically. Its symmetry is the group of column permutations
 * (with a matching row permutation) that fix it, reported by its orbits on the teacher's units, e.g.
 * [1, 9]: one special unit and nine interchangeable ones (S₁ × S₉). Each family carries the proof
 * of a true critical point near its first member (family-proof.ts): certified with the radius and the
 * kind proven, or the reason.
 */

import { objectArgument, stringArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { finiteNumber } from "../../core/validate.js";
import { fcEndPointSpectrum } from "./end-point-spectrum.js";
import { familyProofFields, proveFcEndPoint } from "./family-proof.js";
import { type FcTrialInput, type FcTrialSpec, fcTrialSpecOf } from "./spec.js";

/** End points whose signatures differ by less than this (max norm) are one family. */
export const FAMILY_TOL = 1e-5;

export interface FcEndRecord {
  readonly outcome: string;
  readonly loss: number | null;
  readonly gradMax?: number | null;
  readonly end: readonly number[];
}

export interface FcFamily {
  readonly key: string;
  readonly outcome: string;
  readonly count: number;
  readonly loss: number;
  /** k·J, the scale-free loss of the family. */
  readonly kLoss: number;
  readonly gradMax: number;
  /** Negative eigenvalues of the Hessian at the representative (after the symmetries are lifted). */
  readonly index: number;
  readonly lambdaMin: number;
  /** Sizes of the orbits of the teacher's units under the family's symmetry, largest first. */
  readonly orbits: readonly number[];
  /** The canonical representative, row-major n × d (then a when trained). */
  readonly representative: readonly number[];
  /** A true critical point is proven to lie near the (Newton-polished) member (family-proof.ts). */
  readonly certified: boolean;
  /** When certified: the proof's radius about the polished member, the kind proven, λ_min's lower bound. */
  readonly radius?: number;
  readonly provenKind?: string;
  readonly lambdaMinLower?: number;
  /** When not certified: why. */
  readonly reason?: string;
  readonly [field: string]: string | number | boolean | null | undefined | readonly number[];
}

interface Units {
  readonly n: number;
  readonly d: number;
  /** n rows of d (+ 1 for the sign of a trained top weight). */
  readonly rows: number[][];
}

function unitsOf(spec: FcTrialSpec, end: readonly number[]): Units {
  const { n, d } = spec;
  const rows: number[][] = [];
  for (let j = 0; j < n; j++) {
    const w = end.slice(j * d, (j + 1) * d) as number[];
    if (spec.top === "trained") {
      const a = end[n * d + j];
      rows.push([...w.map((v) => v * Math.abs(a)), Math.sign(a)]);
    } else rows.push(w);
  }
  return { n, d, rows };
}

const lexicographic = (x: readonly number[], y: readonly number[]) => {
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] - y[i]) > FAMILY_TOL) return x[i] - y[i];
  return 0;
};

/** The invariant signature: rows' entries sorted (when columns may permute), rows sorted. */
function signature(spec: FcTrialSpec, units: Units): number[] {
  const columnsPermute = spec.teacher === "orthonormal";
  const rows = units.rows.map((r) => (columnsPermute ? r.slice().sort((a, b) => a - b) : r.slice()));
  rows.sort(lexicographic);
  return rows.flat();
}

/** Columns ordered by their sorted entries, then rows lexicographically (see the file's comment). */
export function canonicalForm(spec: FcTrialSpec, units: Units): number[][] {
  let rows = units.rows.map((r) => r.slice());
  if (spec.teacher === "orthonormal") {
    const cols = Array.from({ length: units.d }, (_, c) => c);
    const colKey = (c: number) => rows.map((r) => r[c]).sort((a, b) => a - b);
    const keys = new Map(cols.map((c) => [c, colKey(c)]));
    cols.sort((a, b) => lexicographic(keys.get(a)!, keys.get(b)!) || a - b);
    rows = rows.map((r) => [...cols.map((c) => r[c]), ...r.slice(units.d)]);
  }
  return rows.sort(lexicographic);
}

/** The orbits of the columns under the transpositions that fix the (canonical) rows up to a row permutation. */
export function columnOrbits(rows: readonly number[][], d: number): number[] {
  const parent = Array.from({ length: d }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    return root;
  };
  const sorted = (m: number[][]) => m.slice().sort(lexicographic);
  const reference = sorted(rows.map((r) => r.slice()));
  const same = (m: number[][]) => m.every((r, i) => lexicographic(r, reference[i]) === 0);
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      if (find(i) === find(j)) continue;
      const swapped = rows.map((r) => {
        const s = r.slice();
        [s[i], s[j]] = [s[j], s[i]];
        return s;
      });
      if (same(sorted(swapped))) parent[find(j)] = find(i);
    }
  const sizes = new Map<number, number>();
  for (let i = 0; i < d; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  return [...sizes.values()].sort((a, b) => b - a);
}

/**
 * The families of a cell's end points that stopped away from the global minimum (outcomes spurious
 * and saddle), largest first, each with its Hessian spectrum at a member and its symmetry.
 */
export function fcFamilies(input: FcTrialInput, records: readonly FcEndRecord[]): FcFamily[] {
  const spec = fcTrialSpecOf(input);
  checkEndRecords(spec, records);
  const groups: { outcome: string; sig: number[]; members: FcEndRecord[] }[] = [];
  for (const r of records) {
    if ((r.outcome !== "spurious" && r.outcome !== "saddle") || r.end.length === 0) continue;
    const sig = signature(spec, unitsOf(spec, r.end));
    const group = groups.find((g) => g.outcome === r.outcome && lexicographic(g.sig, sig) === 0);
    if (group) group.members.push(r);
    else groups.push({ outcome: r.outcome, sig, members: [r] });
  }
  const families = groups.map((g): FcFamily => {
    const first = g.members[0];
    const spectrum = fcEndPointSpectrum(spec, first.end);
    const canonical = canonicalForm(spec, unitsOf(spec, first.end));
    const loss = g.members.reduce((s, m) => s + (m.loss ?? 0), 0) / g.members.length;
    return {
      key: `${g.outcome} J=${loss.toPrecision(6)}`,
      outcome: g.outcome,
      count: g.members.length,
      loss,
      kLoss: spec.k * loss,
      gradMax: Math.max(...g.members.map((m) => m.gradMax ?? 0)),
      index: spectrum.index,
      lambdaMin: spectrum.eigenvalues[0],
      orbits: spec.teacher === "orthonormal" ? columnOrbits(canonical, spec.d) : [],
      representative: canonical.flat(),
      ...familyProofFields(proveFcEndPoint(spec, first.end)),
    };
  });
  return families.sort((a, b) => b.count - a.count || a.loss - b.loss);
}

/** Records of the trial's end points: an outcome, a finite loss (or null) and an end point of the spec's size (or none). */
function checkEndRecords(spec: FcTrialSpec, records: unknown): void {
  if (!Array.isArray(records))
    throw new InputError("records", "must be an array of trial end records", records);
  const size = spec.n * spec.d + (spec.top === "trained" ? spec.n : 0);
  records.forEach((r, i) => {
    const field = `records[${i}]`;
    const o = objectArgument(field, r, "a record {outcome, loss, end}");
    stringArgument(`${field}.outcome`, o.outcome);
    if (o.loss !== null) finiteNumber(`${field}.loss`, o.loss);
    if (!Array.isArray(o.end)) throw new InputError(`${field}.end`, "must be an array of numbers", o.end);
    if (o.end.length === 0) return;
    if (o.end.length !== size)
      throw new InputError(
        `${field}.end`,
        `must have n·d${spec.top === "trained" ? " + n" : ""} = ${size} numbers`,
        `length ${o.end.length}`,
      );
    o.end.forEach((x: unknown, j: number) => {
      finiteNumber(`${field}.end[${j}]`, x);
    });
  });
}
