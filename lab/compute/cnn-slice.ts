/**
 * The CNN view's 2-D slice of the population loss (Du et al. 2018, Theorem 3.1).
 *
 * Coordinates: the angle φ = ∠(v, w*) and c = (aᵀa*)/‖a*‖, the component of a along a*. At each φ the
 * rest of a is held at the rest of a(φ), the loss-minimising output layer for that angle
 * (library: stationaryOutputWeights), so every column's lowest point is the exact profile
 * min_a ℓ(φ, a), and the global minimum (0, ‖a*‖), the spurious point (π, (a_sᵀa*)/‖a*‖) and the
 * saddle cone (φ_s, (a(φ_s)ᵀa*)/‖a*‖) all lie in the slice. Every value is the library's
 * cnnPopulationLoss at the corresponding (v, a).
 */
import { orthogonalUnit } from "../../src/math/vector.js";
import { cnnPopulationLoss } from "../../src/models/cnn/population.js";
import { cnnStationaryPoints, stationaryOutputWeights } from "../../src/models/cnn/stationary.js";
import type { CnnTeacher } from "../../src/models/cnn/teacher.js";

export interface SliceGrid {
  readonly phis: number[];
  readonly cs: number[];
  /** ℓ at (phis[i], cs[j]) stored row-major by c: values[j * phis.length + i]. */
  readonly values: number[];
}

export interface SliceMarker {
  readonly label: "global minimum" | "spurious local minimum" | "spurious stationary point" | "saddle";
  readonly phi: number;
  readonly c: number;
  readonly loss: number;
}

/** The unit filter at angle φ from w* in the plane of w* and e ⊥ w*: v(φ) = cos φ·w* + sin φ·e. */
function filterAt(teacher: CnnTeacher, e: Float64Array, phi: number): Float64Array {
  return Float64Array.from(teacher.w, (x, i) => Math.cos(phi) * x + Math.sin(phi) * e[i]);
}

/**
 * The teacher whose slice is drawn: itself for p ≥ 2; for p = 1 the same teacher with w* = (w*, 0).
 * The population loss of a unit filter depends on it only through the angle φ to w*, so the lifted
 * slice is the loss of the p = 1 network wherever that network can be (φ = 0 and φ = π).
 */
export function sliceTeacher(teacher: CnnTeacher): CnnTeacher {
  if (teacher.w.length >= 2) return teacher;
  return { ...teacher, w: Float64Array.from([teacher.w[0], 0]) };
}

/** A unit vector orthogonal to w* (the slice needs p ≥ 2: see sliceTeacher). */
export function orthogonalTo(w: Float64Array): Float64Array {
  const e = orthogonalUnit(w);
  if (e === undefined) throw new RangeError("the loss slice needs a filter size p >= 2");
  return e;
}

/** The output layer of the slice point (φ, c): the part of a(φ) orthogonal to a*, plus c·â*. */
export function sliceOutputWeights(teacher: CnnTeacher, phi: number, c: number): Float64Array {
  const a = stationaryOutputWeights(teacher, phi);
  const n = Math.hypot(...teacher.a);
  let along = 0;
  for (let i = 0; i < a.length; i++) along += (a[i] * teacher.a[i]) / n;
  return a.map((x, i) => x + ((c - along) * teacher.a[i]) / n);
}

export function sliceLoss(teacher: CnnTeacher, e: Float64Array, phi: number, c: number): number {
  return cnnPopulationLoss(teacher, filterAt(teacher, e, phi), sliceOutputWeights(teacher, phi, c));
}

export function componentAlong(teacher: CnnTeacher, a: ArrayLike<number>): number {
  const n = Math.hypot(...teacher.a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * teacher.a[i];
  return s / n;
}

export function sliceMarkers(teacher: CnnTeacher): SliceMarker[] {
  const points = cnnStationaryPoints(teacher, (v, a) => cnnPopulationLoss(teacher, v, a));
  const markers: SliceMarker[] = [
    { label: "global minimum", phi: 0, c: componentAlong(teacher, points.global.a), loss: 0 },
    {
      label: points.spurious.isLocalMinimum ? "spurious local minimum" : "spurious stationary point",
      phi: Math.PI,
      c: componentAlong(teacher, points.spurious.a),
      loss: points.spurious.loss,
    },
  ];
  if (points.saddle) {
    markers.push({
      label: "saddle",
      phi: points.saddle.phi,
      c: componentAlong(teacher, points.saddle.a),
      loss: points.saddle.loss,
    });
  }
  return markers;
}

export function sliceGrid(
  teacher: CnnTeacher,
  cRange: readonly [number, number],
  nPhi = 61,
  nC = 49,
): SliceGrid {
  const e = orthogonalTo(teacher.w);
  const phis = Array.from({ length: nPhi }, (_, i) => (Math.PI * i) / (nPhi - 1));
  const cs = Array.from({ length: nC }, (_, j) => cRange[0] + ((cRange[1] - cRange[0]) * j) / (nC - 1));
  const values: number[] = [];
  for (const c of cs) for (const phi of phis) values.push(sliceLoss(teacher, e, phi, c));
  return { phis, cs, values };
}
