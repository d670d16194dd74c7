/**
 * Symmetric eigen-decomposition at the Hessian sizes `minima classify` and `minima certify` meet:
 * ml-matrix's tridiagonal QL (src/math/eigen.ts, the one in use) against a cyclic Jacobi written
 * here as the candidate. Matrices are real Hessians of the Ding construction (with their zero modes).
 * Prints time per decomposition, the ratio Jacobi/ml-matrix, and the largest residual ‖Hv − λv‖ of
 * each, so the faster one can be kept (ratio > 1 means ml-matrix is faster).
 */
import { activationByName } from "../src/activations/registry.js";
import { buildDingPoint } from "../src/experiments/ding/construction.js";
import { symmetricEigen } from "../src/math/eigen.js";
import { gaussianInputs } from "../src/models/mlp/data.js";
import { Mlp } from "../src/models/mlp/network.js";

/** Cyclic Jacobi with threshold sweeps; eigenvalues ascending, eigenvectors as columns of v. */
function jacobiEigen(rows: Float64Array[]): { values: Float64Array; vectors: Float64Array[] } {
  const n = rows.length;
  const a = rows.map((r) => Float64Array.from(r));
  const v = Array.from({ length: n }, (_, i) => {
    const e = new Float64Array(n);
    e[i] = 1;
    return e;
  });
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p][q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i][i] - a[j][j]);
  return {
    values: Float64Array.from(order, (i) => a[i][i]),
    vectors: order.map((i) => Float64Array.from(v, (row) => row[i])),
  };
}

function residual(h: Float64Array[], values: Float64Array, vectors: Float64Array[]): number {
  let worst = 0;
  values.forEach((lambda, i) => {
    for (let r = 0; r < h.length; r++) {
      let s = -lambda * vectors[i][r];
      for (let c = 0; c < h.length; c++) s += h[r][c] * vectors[i][c];
      worst = Math.max(worst, Math.abs(s));
    }
  });
  return worst;
}

function time(f: () => void, minMs = 300): number {
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || runs < 2) {
    f();
    runs++;
  }
  return (performance.now() - start) / runs;
}

const configs: [number, number[]][] = [
  [1, [2]],
  [2, [6]],
  [2, [10]],
  [2, [30]],
  [2, [8, 8]],
  [2, [6, 10, 12]],
];
console.log("P     ml-matrix ms   Jacobi ms   Jacobi/ml-matrix   residual ml-matrix   residual Jacobi");
for (const [d0, widths] of configs) {
  const x = gaussianInputs(1, d0, 10);
  const p = buildDingPoint({
    activation: activationByName("sigmoid"),
    widths,
    inputs: x,
    weights: "random",
    seed: 1,
  });
  const h = new Mlp(p.architecture).hessian(p.theta, p.data);
  const tm = time(() => symmetricEigen(h));
  const tj = time(() => jacobiEigen(h));
  const em = symmetricEigen(h);
  const ej = jacobiEigen(h);
  console.log(
    `${String(h.length).padEnd(6)}${tm.toFixed(3).padStart(9)}${tj.toFixed(3).padStart(13)}${(tj / tm).toFixed(2).padStart(17)}${residual(h, em.values, em.vectors).toExponential(1).padStart(21)}${residual(h, ej.values, ej.vectors).toExponential(1).padStart(18)}`,
  );
}
