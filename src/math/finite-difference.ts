/**
 * Central finite differences: the independent check for every analytic gradient and Hessian,
 * and the Hessian of last resort for models without an analytic one. With step h the error is
 * O(h²) in exact arithmetic plus O(ε·|f|/h) rounding; h ≈ 1e-5 balances them for gradients of
 * order-one functions (about 1e-10 accuracy), h ≈ 1e-4 for Hessians from analytic gradients.
 */

export function centralGradient(f: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const g = new Float64Array(x.length);
  const y = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const step = h * Math.max(1, Math.abs(x[i]));
    y[i] = x[i] + step;
    const fp = f(y);
    y[i] = x[i] - step;
    const fm = f(y);
    y[i] = x[i];
    g[i] = (fp - fm) / (2 * step);
  }
  return g;
}

/** Hessian rows from central differences of an analytic gradient, symmetrised. */
export function centralHessian(
  gradient: (x: Float64Array) => Float64Array,
  x: Float64Array,
  h = 1e-4,
): Float64Array[] {
  const n = x.length;
  const rows = Array.from({ length: n }, () => new Float64Array(n));
  const y = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const step = h * Math.max(1, Math.abs(x[i]));
    y[i] = x[i] + step;
    const gp = gradient(y);
    y[i] = x[i] - step;
    const gm = gradient(y);
    y[i] = x[i];
    for (let j = 0; j < n; j++) rows[i][j] = (gp[j] - gm[j]) / (2 * step);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (rows[i][j] + rows[j][i]);
      rows[i][j] = s;
      rows[j][i] = s;
    }
  }
  return rows;
}
