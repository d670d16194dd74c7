/**
 * The proof for an end point of the two-layer network's trial (docs/proofs.md): the end point is
 * stored rounded to 1e-7, so it is first polished by Newton's method (the Newton finish where the
 * Hessian is positive definite, landscape/prove-point.ts), then a true critical point is proven to
 * lie within `radius` of the polished point, with its kind. Trained top weights are proven on the
 * slice of fixed top weights (models/fc/proof-support.ts).
 */
import { type ProblemProof, proveProblemPoint } from "../../landscape/prove-point.js";
import { fcPairKernelFor } from "../../models/fc/kernels.js";
import { makeNetwork } from "../../models/fc/network.js";
import { fcProblem } from "../../models/fc/problem-format.js";
import type { FcTrialSpec } from "./spec.js";
import { fcTrialSetup } from "./trial.js";

/** The proof at (the Newton-polished) end point `end` of a trial of `spec`. */
export function proveFcEndPoint(spec: FcTrialSpec, end: readonly number[]): ProblemProof {
  const setup = fcTrialSetup(spec);
  const { n, d } = spec;
  const W = Float64Array.from(end.slice(0, n * d));
  const a = setup.fixedA ?? Float64Array.from(end.slice(n * d, n * d + n));
  const problem = fcProblem({
    teacher: setup.teacher,
    student: makeNetwork(n, d, W, a),
    trainA: setup.trainA,
    kernel: fcPairKernelFor(spec.activation ?? "relu"),
  });
  return proveProblemPoint(problem, problem.point);
}

/** The proof's fields a family carries: certified, the radius about the polished point, the kind, or why not. */
export function familyProofFields(proof: ProblemProof): {
  readonly certified: boolean;
  readonly radius?: number;
  readonly provenKind?: string;
  readonly lambdaMinLower?: number;
  readonly reason?: string;
} {
  if (!proof.certified) return { certified: false, reason: proof.reason };
  return {
    certified: true,
    radius: proof.proofRadius as number,
    provenKind: proof.kind as string,
    ...(proof.lambdaMinLower !== undefined ? { lambdaMinLower: proof.lambdaMinLower } : {}),
  };
}
