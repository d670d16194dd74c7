/**
 * Safran & Shamir (2018): the numbers Minima is held against, as data.
 *
 * Provenance: from the authors' released results (computed from their result files with their own
 * processing script); not the paper's printed table, whose text was not available. 1000 runs per
 * (k, n), drawn with MATLAB's generator (the runs cannot be replayed, only their statistics
 * compared). A non-global run ends at J ≥ 10⁻³; its family (end points equal up to the problem's
 * symmetries) is "verified" when a computer-assisted proof (a lower bound on the Hessian's λ_min
 * and a bound on the third derivative) puts a true local minimum near it. Means are over runs.
 */

export const RELEASED_PROVENANCE =
  "from the authors' released results (computed from their result files with their own processing script); not the paper's printed table";

/** The external results this section is held against, in one sentence (the report's opening lists it). */
export const RELEASED_EXTERNAL =
  "Safran & Shamir's released results (their result files, processed by their own script; not the paper's printed table): per (k, n), 26 cells of 1000 runs each, the runs ending non-global, the runs in families verified as local minima by their computer-assisted proof, the mean proven lower bound on λ_min, the mean loss and the loss of the most frequent family; and k·J of the special-unit family at k = 7, 10, 20, stated to two decimals with them";

/** Runs per (k, n) in the authors' released results. */
export const RELEASED_RUNS = 1000;

export interface ReleasedCell {
  readonly k: number;
  readonly n: number;
  /** Families of non-global end points (modulo the symmetries). */
  readonly families: number;
  /** Runs of 1000 that ended at J ≥ 10⁻³. */
  readonly nonGlobal: number;
  /** Of those, runs in families verified as local minima: the released "% spurious" is verified/10. */
  readonly verified: number;
  /** Run-weighted mean of the proof's lower bound on λ_min over the verified runs. */
  readonly meanLambdaMinBound: number;
  /** Run-weighted mean loss over the verified runs. */
  readonly meanLoss: number;
  /** The loss of the most frequent family and its runs. */
  readonly topLoss: number;
  readonly topRuns: number;
}

const row = (
  k: number,
  n: number,
  families: number,
  nonGlobal: number,
  verified: number,
  meanLambdaMinBound: number,
  meanLoss: number,
  topLoss: number,
  topRuns: number,
): ReleasedCell => ({ k, n, families, nonGlobal, verified, meanLambdaMinBound, meanLoss, topLoss, topRuns });

export const RELEASED: readonly ReleasedCell[] = [
  row(6, 6, 1, 3, 3, 0.0047, 0.02508, 0.025081, 3),
  row(7, 7, 1, 55, 55, 0.01406, 0.0232, 0.023203, 55),
  row(8, 8, 1, 126, 126, 0.02135, 0.02151, 0.021508, 126),
  row(9, 9, 2, 218, 218, 0.02679, 0.02041, 0.020014, 213),
  row(10, 10, 2, 346, 346, 0.03039, 0.02034, 0.018702, 312),
  row(11, 11, 3, 455, 455, 0.03355, 0.02009, 0.017547, 383),
  row(12, 12, 6, 585, 585, 0.03505, 0.02128, 0.016524, 427),
  row(13, 13, 4, 730, 730, 0.03684, 0.02168, 0.015613, 470),
  row(14, 14, 8, 736, 736, 0.03753, 0.02312, 0.014798, 398),
  row(15, 15, 9, 803, 803, 0.03811, 0.02438, 0.014064, 374),
  row(16, 16, 10, 851, 851, 0.0378, 0.02671, 0.0134, 297),
  row(17, 17, 10, 897, 897, 0.03855, 0.02749, 0.024766, 301),
  row(18, 18, 11, 900, 900, 0.03868, 0.02883, 0.02374, 271),
  row(19, 19, 28, 934, 934, 0.03828, 0.03068, 0.022795, 254),
  row(20, 20, 21, 949, 940, 0.03828, 0.03264, 0.032152, 241),
  row(8, 9, 1, 1, 1, 0.00594, 0.02056, 0.020561, 1),
  row(10, 11, 1, 1, 1, 0.00567, 0.01789, 0.017893, 1),
  row(11, 12, 1, 1, 1, 0.00557, 0.01678, 0.016784, 1),
  row(12, 13, 1, 3, 3, 0.00538, 0.0158, 0.015801, 3),
  row(13, 14, 4, 15, 15, 0.00147, 0.03844, 0.036105, 9),
  row(14, 15, 5, 55, 55, 0.00199, 0.03277, 0.028314, 23),
  row(15, 16, 8, 102, 101, 0.00395, 0.03219, 0.027503, 52),
  row(16, 17, 7, 180, 180, 0.00548, 0.03065, 0.026724, 91),
  row(17, 18, 13, 233, 209, 0.00702, 0.03101, 0.025978, 97),
  row(18, 19, 11, 369, 369, 0.00636, 0.02757, 0.025267, 124),
  row(19, 20, 13, 491, 491, 0.00767, 0.02747, 0.024591, 142),
];

/**
 * Cells of the experiment without a released result file: most likely none of their 1000 runs
 * ended non-global, but that is not recorded, so they are not compared.
 */
export const RELEASED_MISSING: readonly { readonly k: number; readonly n: number }[] = [
  { k: 6, n: 7 },
  { k: 7, n: 8 },
  { k: 9, n: 10 },
];

/** Cells where the authors' own runs stopped at a point with a clearly negative Hessian eigenvalue. */
export const RELEASED_SADDLES: readonly {
  readonly k: number;
  readonly n: number;
  readonly lambda: number;
}[] = [
  { k: 15, n: 16, lambda: -2.7e-3 },
  { k: 17, n: 18, lambda: -2.0e-2 },
];

/**
 * k·J of the special-unit family (n = k, orbits [k − 1, 1]), as stated to two decimals beside the
 * released results (at k = 7 and 10 it is the released most frequent family; at k = 20 it is not the
 * most frequent one, so that value is not in the table above): it rises slowly with k.
 */
export const RELEASED_SPECIAL_KLOSS: readonly { readonly k: number; readonly kLoss: number }[] = [
  { k: 7, kLoss: 0.16 },
  { k: 10, kLoss: 0.19 },
  { k: 20, kLoss: 0.23 },
];

export function releasedCell(k: number, n: number): ReleasedCell | undefined {
  return RELEASED.find((r) => r.k === k && r.n === n);
}
