/**
 * Comparing networks modulo a permutation of hidden units: the landscape is invariant under
 * relabelling the units, so minima are counted, and errors measured, up to permutation.
 */

/** Greedy nearest-row matching of A's rows to B's rows (each used once); returns match[j] and the max row distance. */
export function matchRows(
  A: Float64Array,
  B: Float64Array,
  K: number,
  d: number,
): { match: number[]; maxDistance: number } {
  const pairs: Array<[number, number, number]> = [];
  for (let j = 0; j < K; j++)
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += (A[j * d + i] - B[k * d + i]) ** 2;
      pairs.push([Math.sqrt(s), j, k]);
    }
  pairs.sort((p, q) => p[0] - q[0]);
  const match = new Array<number>(K).fill(-1);
  const used = new Array<boolean>(K).fill(false);
  let maxDistance = 0;
  for (const [dist, j, k] of pairs) {
    if (match[j] !== -1 || used[k]) continue;
    match[j] = k;
    used[k] = true;
    maxDistance = Math.max(maxDistance, dist);
  }
  return { match, maxDistance };
}

/** Whether A equals B up to a permutation of rows, within tol per row. */
export function equalUpToPermutation(
  A: Float64Array,
  B: Float64Array,
  K: number,
  d: number,
  tol: number,
): boolean {
  return matchRows(A, B, K, d).maxDistance < tol;
}
