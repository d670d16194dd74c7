/**
 * The logistic function and its derivative products, computed without overflow or cancellation
 * at large |x|: the shared core of sigmoid, softplus and swish.
 */

/** 1/(1+e^{−x}), evaluated through e^{−|x|} so neither branch overflows. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** s(1−s) = e^{−|x|}/(1+e^{−|x|})², without the cancellation in 1 − s for large x. */
export function logisticSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return e / ((1 + e) * (1 + e));
}

/** s(1−s)(1−2s); 1 − 2s = −tanh(x/2) avoids cancellation near 0 and at large |x|. */
export function logisticCurvature(x: number): number {
  return -logisticSlope(x) * Math.tanh(x / 2);
}

/** s(1−s)(1 − 6s(1−s)): the third derivative of the logistic function. */
export function logisticThird(x: number): number {
  const p = logisticSlope(x);
  return p * (1 - 6 * p);
}
