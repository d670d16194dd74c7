/**
 * A fully connected network of any depth with biases and a scalar output,
 *   h₀ = x,  h_l = σ(W_l h_{l−1} + b_l) (l = 1..H),  f(x) = vᵀh_H + b₀,
 * on finite data with the squared loss L(θ) = ½ Σᵢ (f(xᵢ) − yᵢ)².
 *
 * Parameters are one flat float64 vector in the order W₁ (row-major, d₁×d₀), b₁, …, W_H, b_H, v, b₀.
 * The gradient is backpropagation; the exact Hessian-vector product is Pearlmutter's R-operator
 * (forward-mode differentiation of backpropagation), and the exact Hessian is P such products
 * against unit vectors. Everything is float64 and exact up to rounding: no finite differences.
 */
import type { Activation } from "../../activations/activation.js";
import { checkActivation } from "../../activations/registry.js";
import { objectArgument } from "../../core/arguments.js";
import { InputError } from "../../core/errors.js";
import { integerInRange } from "../../core/validate.js";

export interface MlpArchitecture {
  readonly inputDim: number;
  /** Hidden widths d₁..d_H, H ≥ 1. */
  readonly widths: readonly number[];
  readonly activation: Activation;
}

/** N samples: x[i] ∈ ℝ^{d₀}, y[i] ∈ ℝ. */
export interface MlpData {
  readonly x: readonly Float64Array[];
  readonly y: Float64Array;
}

/** The largest width or input dimension a network may have. */
export const MLP_MAX_SIZE = 100000;

/** An architecture given to a public function: d₀ ≥ 1, at least one hidden width ≥ 1, an activation. */
export function checkMlpArchitecture(architecture: unknown, field = "architecture"): MlpArchitecture {
  const o = objectArgument(field, architecture, "an architecture {inputDim, widths, activation}");
  integerInRange(`${field}.inputDim`, o.inputDim, 1, MLP_MAX_SIZE);
  if (!Array.isArray(o.widths) || o.widths.length === 0)
    throw new InputError(`${field}.widths`, "must be a non-empty array of positive integers", o.widths);
  o.widths.forEach((w, i) => {
    integerInRange(`${field}.widths[${i}]`, w, 1, MLP_MAX_SIZE);
  });
  checkActivation(`${field}.activation`, o.activation);
  return architecture as MlpArchitecture;
}

/** What the backward pass seeds at the output: the loss residual f − y, or the output f itself. */
type Objective = "loss" | "output";

export class Mlp {
  readonly architecture: MlpArchitecture;
  /** [d₀, d₁, …, d_H]. */
  readonly sizes: readonly number[];
  readonly depth: number;
  /** Offset of W_l (l = 1..H) at index l − 1. */
  readonly weightOffsets: readonly number[];
  readonly biasOffsets: readonly number[];
  readonly outputWeightOffset: number;
  readonly outputBiasOffset: number;
  readonly parameterCount: number;
  readonly blocks: ReadonlyArray<readonly [string, number]>;

  // Per-sample work buffers, indexed by layer 0..H.
  private readonly h: Float64Array[];
  private readonly slope: Float64Array[];
  private readonly curvature: Float64Array[];
  private readonly rz: Float64Array[];
  private readonly rh: Float64Array[];
  private readonly dh: Float64Array[];
  private readonly rdh: Float64Array[];

  constructor(architecture: MlpArchitecture) {
    checkMlpArchitecture(architecture);
    this.architecture = architecture;
    this.sizes = [architecture.inputDim, ...architecture.widths];
    this.depth = architecture.widths.length;
    const weightOffsets: number[] = [];
    const biasOffsets: number[] = [];
    const blocks: [string, number][] = [];
    let offset = 0;
    for (let l = 1; l <= this.depth; l++) {
      weightOffsets.push(offset);
      offset += this.sizes[l] * this.sizes[l - 1];
      biasOffsets.push(offset);
      offset += this.sizes[l];
      blocks.push([`W${l}`, this.sizes[l] * this.sizes[l - 1]], [`b${l}`, this.sizes[l]]);
    }
    this.weightOffsets = weightOffsets;
    this.biasOffsets = biasOffsets;
    this.outputWeightOffset = offset;
    offset += this.sizes[this.depth];
    this.outputBiasOffset = offset;
    offset += 1;
    blocks.push(["v", this.sizes[this.depth]], ["b0", 1]);
    this.blocks = blocks;
    this.parameterCount = offset;
    const buffers = () => this.sizes.map((d) => new Float64Array(d));
    this.h = buffers();
    this.slope = buffers();
    this.curvature = buffers();
    this.rz = buffers();
    this.rh = buffers();
    this.dh = buffers();
    this.rdh = buffers();
  }

  /** Offset of entry (row j, column k) of W_l, l = 1..H. */
  weightIndex(layer: number, row: number, col: number): number {
    return this.weightOffsets[layer - 1] + row * this.sizes[layer - 1] + col;
  }

  /** The network output f(x). */
  output(theta: Float64Array, x: Float64Array): number {
    return this.forward(theta, x, null);
  }

  outputs(theta: Float64Array, data: MlpData): Float64Array {
    return Float64Array.from(data.x, (x) => this.forward(theta, x, null));
  }

  loss(theta: Float64Array, data: MlpData): number {
    let total = 0;
    for (let i = 0; i < data.x.length; i++) {
      const r = this.forward(theta, data.x[i], null) - data.y[i];
      total += r * r;
    }
    return 0.5 * total;
  }

  gradient(theta: Float64Array, data: MlpData): Float64Array {
    const g = new Float64Array(this.parameterCount);
    for (let i = 0; i < data.x.length; i++) this.sample(theta, data.x[i], data.y[i], null, g, null, "loss");
    return g;
  }

  /** ∇²L(θ)·d, exact (R-operator). */
  hessianVector(theta: Float64Array, data: MlpData, direction: Float64Array): Float64Array {
    const hv = new Float64Array(this.parameterCount);
    for (let i = 0; i < data.x.length; i++)
      this.sample(theta, data.x[i], data.y[i], direction, null, hv, "loss");
    return hv;
  }

  /** The exact Hessian of the loss, as rows (symmetric to rounding; symmetrised). */
  hessian(theta: Float64Array, data: MlpData): Float64Array[] {
    return this.hessianOf((e, hv) => {
      for (let i = 0; i < data.x.length; i++) this.sample(theta, data.x[i], data.y[i], e, null, hv, "loss");
    });
  }

  /** The exact Hessian of the output f(x) with respect to the parameters at indices [start, start+length). */
  outputHessianBlock(theta: Float64Array, x: Float64Array, start: number, length: number): Float64Array[] {
    const rows: Float64Array[] = [];
    const e = new Float64Array(this.parameterCount);
    const hv = new Float64Array(this.parameterCount);
    for (let a = 0; a < length; a++) {
      e.fill(0);
      hv.fill(0);
      e[start + a] = 1;
      this.sample(theta, x, 0, e, null, hv, "output");
      rows.push(hv.slice(start, start + length));
    }
    return symmetrise(rows);
  }

  private hessianOf(apply: (e: Float64Array, hv: Float64Array) => void): Float64Array[] {
    const n = this.parameterCount;
    const rows: Float64Array[] = [];
    const e = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      e.fill(0);
      e[k] = 1;
      const hv = new Float64Array(n);
      apply(e, hv);
      rows.push(hv);
    }
    return symmetrise(rows);
  }

  /** Forward pass (and its R-forward pass when `dir` is given); returns f(x) and stores h, σ', σ'', Rz, Rh. */
  private forward(theta: Float64Array, x: Float64Array, dir: Float64Array | null): number {
    const act = this.architecture.activation;
    this.h[0].set(x);
    for (let l = 1; l <= this.depth; l++) {
      const din = this.sizes[l - 1];
      const dout = this.sizes[l];
      const w = this.weightOffsets[l - 1];
      const b = this.biasOffsets[l - 1];
      const hin = this.h[l - 1];
      const rhin = this.rh[l - 1];
      const hout = this.h[l];
      for (let j = 0; j < dout; j++) {
        const row = w + j * din;
        let z = theta[b + j];
        for (let k = 0; k < din; k++) z += theta[row + k] * hin[k];
        hout[j] = act.value(z);
        this.slope[l][j] = act.d1(z);
        if (dir) {
          this.curvature[l][j] = act.d2(z);
          let rz = dir[b + j];
          for (let k = 0; k < din; k++) rz += dir[row + k] * hin[k];
          if (l > 1) for (let k = 0; k < din; k++) rz += theta[row + k] * rhin[k];
          this.rz[l][j] = rz;
          this.rh[l][j] = this.slope[l][j] * rz;
        }
      }
    }
    const hH = this.h[this.depth];
    const v = this.outputWeightOffset;
    let f = theta[this.outputBiasOffset];
    for (let j = 0; j < hH.length; j++) f += theta[v + j] * hH[j];
    return f;
  }

  /** One sample's contribution to the gradient (into g) and/or the Hessian-vector product (into hv). */
  private sample(
    theta: Float64Array,
    x: Float64Array,
    y: number,
    dir: Float64Array | null,
    g: Float64Array | null,
    hv: Float64Array | null,
    objective: Objective,
  ): void {
    const f = this.forward(theta, x, dir);
    const H = this.depth;
    const hH = this.h[H];
    const v = this.outputWeightOffset;
    const r = objective === "loss" ? f - y : 1;
    let rr = 0;
    if (dir && objective === "loss") {
      rr = dir[this.outputBiasOffset];
      for (let j = 0; j < hH.length; j++) rr += dir[v + j] * hH[j] + theta[v + j] * this.rh[H][j];
    }
    if (g) {
      for (let j = 0; j < hH.length; j++) g[v + j] += r * hH[j];
      g[this.outputBiasOffset] += r;
    }
    if (hv && dir) {
      for (let j = 0; j < hH.length; j++) hv[v + j] += rr * hH[j] + r * this.rh[H][j];
      hv[this.outputBiasOffset] += rr;
    }
    for (let j = 0; j < hH.length; j++) {
      this.dh[H][j] = r * theta[v + j];
      if (dir) this.rdh[H][j] = rr * theta[v + j] + r * dir[v + j];
    }
    for (let l = H; l >= 1; l--) {
      const din = this.sizes[l - 1];
      const dout = this.sizes[l];
      const w = this.weightOffsets[l - 1];
      const b = this.biasOffsets[l - 1];
      const hin = this.h[l - 1];
      const rhin = this.rh[l - 1];
      const below = l > 1;
      if (below) {
        this.dh[l - 1].fill(0);
        if (dir) this.rdh[l - 1].fill(0);
      }
      for (let j = 0; j < dout; j++) {
        const row = w + j * din;
        const dz = this.dh[l][j] * this.slope[l][j];
        if (g) {
          g[b + j] += dz;
          for (let k = 0; k < din; k++) g[row + k] += dz * hin[k];
        }
        let rdz = 0;
        if (dir) {
          rdz = this.rdh[l][j] * this.slope[l][j] + this.dh[l][j] * this.curvature[l][j] * this.rz[l][j];
          if (hv) {
            hv[b + j] += rdz;
            for (let k = 0; k < din; k++) hv[row + k] += rdz * hin[k] + (below ? dz * rhin[k] : 0);
          }
        }
        if (below) {
          for (let k = 0; k < din; k++) {
            this.dh[l - 1][k] += theta[row + k] * dz;
            if (dir) this.rdh[l - 1][k] += dir[row + k] * dz + theta[row + k] * rdz;
          }
        }
      }
    }
  }
}

function symmetrise(rows: Float64Array[]): Float64Array[] {
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (rows[i][j] + rows[j][i]);
      rows[i][j] = s;
      rows[j][i] = s;
    }
  }
  return rows;
}
