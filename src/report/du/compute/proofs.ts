/**
 * The computer-assisted proof (landscape/prove-point.ts, docs/proofs.md) at the CNN's three kinds of
 * stationary points — the global minimum (w*, a*), the spurious minimum (−w*, a_spurious) and a
 * point of the saddle cone — for a few teachers of the table. The global minimum is expected to be
 * certified on the slice across the filter's scale; the other two have zero Hessian modes (the loss is
 * cubic in the angle at θ = π, and the saddles form a cone), so the proof must stop there and say why.
 */
import { proveProblemPoint } from "../../../landscape/prove-point.js";
import { cnnPopulationLoss } from "../../../models/cnn/population.js";
import { CnnProblem } from "../../../models/cnn/problem.js";
import { cnnStationaryPoints } from "../../../models/cnn/stationary.js";
import { cnnTeacherFromRatio } from "../../../models/cnn/teacher.js";

export interface DuProofRow {
  readonly k: number;
  readonly ratio: number;
  readonly point: "global minimum" | "spurious minimum" | "saddle";
  readonly certified: boolean;
  readonly kind?: "strict-local-min" | "saddle";
  readonly radius?: number;
  readonly lambdaMinLower?: number;
  readonly reason: string;
}

/** The teachers whose stationary points are proven: (k, ratio) cells of the success table. */
export const DU_PROOF_CELLS: readonly (readonly [number, number])[] = [
  [25, 0],
  [25, 4],
  [100, 9],
];

export function duProofs(p: number, anorm: number): DuProofRow[] {
  const rows: DuProofRow[] = [];
  for (const [k, ratio] of DU_PROOF_CELLS) {
    const teacher = cnnTeacherFromRatio(k, p, ratio, anorm);
    const points = cnnStationaryPoints(teacher, (v, a) => cnnPopulationLoss(teacher, v, a));
    const named = [
      ["global minimum", points.global],
      ["spurious minimum", points.spurious],
      ["saddle", points.saddle],
    ] as const;
    for (const [point, at] of named) {
      if (!at) continue;
      const proof = proveProblemPoint(new CnnProblem(teacher, at.v, at.a));
      rows.push({
        k,
        ratio,
        point,
        certified: proof.certified,
        ...(proof.kind ? { kind: proof.kind } : {}),
        ...(proof.radius !== undefined ? { radius: proof.radius } : {}),
        ...(proof.lambdaMinLower !== undefined ? { lambdaMinLower: proof.lambdaMinLower } : {}),
        reason: proof.reason,
      });
    }
  }
  return rows;
}
