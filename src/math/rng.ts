/**
 * Seeded random numbers with independent, addressable streams.
 *
 * A stream is named by a path of integers, e.g. (seed, cell, trial). Its state is a hash of that
 * path, so the numbers trial t sees depend only on (seed, t): never on how many workers ran, in
 * which order, or on which shard. The generator is xoshiro128** (Blackman & Vigna), which needs
 * only 32-bit integer arithmetic and so runs fast in JavaScript without BigInt; the path is hashed
 * into its 128-bit state by four independently keyed lanes of the lowbias32 mixer (C. Wellons),
 * each a bijection in the last path word, so streams that differ in one index never coincide.
 */

import { InputError } from "../core/errors.js";
import { finiteNumber, integerInRange } from "../core/validate.js";

export type Seed = number;

const LANE_KEYS = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344] as const;
const TWO_POW_32 = 4294967296;
const TWO_POW_NEG_53 = 1 / 9007199254740992;

/** lowbias32: a 32-bit bijective integer hash with good avalanche. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A word of a stream's path: the seed, or an index of a child stream. */
function checkPathWords(field: "seed" | "index", words: readonly unknown[]): void {
  for (const word of words)
    if (typeof word !== "number" || !Number.isSafeInteger(word) || word < 0)
      throw new InputError(
        field,
        "must be an integer from 0 to 2^53 − 1 (a random stream's seed or index)",
        word,
      );
}

/** Splits each safe integer into two 32-bit words, so seeds above 2^32 stay distinct. */
function toWords(path: readonly number[]): number[] {
  const words: number[] = [];
  for (const value of path) {
    words.push(value >>> 0, Math.floor(value / TWO_POW_32) >>> 0);
  }
  return words;
}

function hashState(words: readonly number[]): Uint32Array {
  const state = new Uint32Array(4);
  for (let lane = 0; lane < 4; lane++) {
    let h = mix32(LANE_KEYS[lane] ^ words.length);
    for (const word of words) h = mix32((h ^ word ^ LANE_KEYS[lane]) >>> 0);
    state[lane] = h;
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1; // xoshiro's one forbidden state
  return state;
}

export class Rng {
  private readonly path: readonly number[];
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  /** The path's words are checked by the public ways in (`fromSeed`, `stream`). */
  private constructor(path: readonly number[]) {
    this.path = path;
    const s = hashState(toWords(path));
    this.s0 = s[0];
    this.s1 = s[1];
    this.s2 = s[2];
    this.s3 = s[3];
  }

  /** A generator started from a raw xoshiro128** state (for checks against the reference implementation). */
  static fromRawState(s0: number, s1: number, s2: number, s3: number): Rng {
    const rng = new Rng([]);
    rng.s0 = s0 >>> 0;
    rng.s1 = s1 >>> 0;
    rng.s2 = s2 >>> 0;
    rng.s3 = s3 >>> 0;
    return rng;
  }

  /** The stream named by (seed, ...indices). */
  static fromSeed(seed: Seed, ...indices: number[]): Rng {
    checkPathWords("seed", [seed]);
    checkPathWords("index", indices);
    return new Rng([seed, ...indices]);
  }

  /** A child stream, named by this stream's path followed by `indices`; independent of how far this one has run. */
  stream(...indices: number[]): Rng {
    checkPathWords("index", indices);
    return new Rng([...this.path, ...indices]);
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_NEG_53;
  }

  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (typeof n !== "number" || !Number.isInteger(n) || n <= 0 || n > TWO_POW_32)
      throw new InputError("n", "must be an integer from 1 to 2^32", n);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Standard normal, by Marsaglia's polar method (the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * m;
        return u * m;
      }
    }
  }

  /** n i.i.d. standard normals. */
  normals(n: number, out?: Float64Array): Float64Array {
    integerInRange("n", n, 0);
    if (out !== undefined && !(out instanceof Float64Array && out.length >= n))
      throw new InputError("out", `must be a Float64Array of length >= n = ${n}`, out);
    return this.normalsUnchecked(n, out ?? new Float64Array(n));
  }

  /** `normals` for the library's own loops (n and out known good). */
  normalsUnchecked(n: number, out: Float64Array = new Float64Array(n)): Float64Array {
    for (let i = 0; i < n; i++) out[i] = this.normal();
    return out;
  }

  /** Uniform on the unit sphere S^{dim-1}: a normalised Gaussian vector (redrawn in the measure-zero case of 0). */
  onSphere(dim: number): Float64Array {
    integerInRange("dim", dim, 1);
    for (;;) {
      const x = this.normalsUnchecked(dim);
      let sq = 0;
      for (let i = 0; i < dim; i++) sq += x[i] * x[i];
      if (sq > 0) {
        const inv = 1 / Math.sqrt(sq);
        for (let i = 0; i < dim; i++) x[i] *= inv;
        return x;
      }
    }
  }

  /** Uniform in the closed ball of the given radius in R^dim: a sphere point scaled by radius·U^{1/dim}. */
  inBall(dim: number, radius: number): Float64Array {
    if (!(finiteNumber("radius", radius) >= 0))
      throw new InputError("radius", "must be a number >= 0", radius);
    const x = this.onSphere(dim);
    const scale = radius * this.uniform() ** (1 / dim);
    for (let i = 0; i < dim; i++) x[i] *= scale;
    return x;
  }
}

/** A random stream given to a public function. */
export function checkRng(field: string, rng: unknown): Rng {
  if (!(rng instanceof Rng))
    throw new InputError(field, "must be a random stream (Rng.fromSeed(seed, …))", rng);
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
