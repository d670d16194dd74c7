/**
 * A trajectory recorder that keeps at most `2·maxPoints` points however long the run: it records
 * every `stride`-th step and, when full, drops every other point and doubles the stride. So a run
 * of T steps keeps between maxPoints and 2·maxPoints evenly spaced points (all of them when
 * T < 2·maxPoints), and the last step is always added by `finish`.
 */
import { integerInRange } from "../core/validate.js";

/** Where a training loop sends trajectory points: it asks `wants(step)` before computing one. */
export interface TrajectorySink<P> {
  wants(step: number): boolean;
  push(point: P): void;
}

export class ThinnedRecorder<P extends { readonly step: number }> implements TrajectorySink<P> {
  private readonly maxPoints: number;
  private stride = 1;
  private readonly kept: P[] = [];

  constructor(maxPoints = 1000) {
    this.maxPoints = integerInRange("maxPoints", maxPoints, 2);
  }

  /** Whether step t is to be recorded (cheap; call before computing the point). */
  wants(step: number): boolean {
    return step % this.stride === 0;
  }

  push(point: P): void {
    this.kept.push(point);
    if (this.kept.length >= 2 * this.maxPoints) {
      this.stride *= 2;
      let j = 0;
      for (const p of this.kept) if (p.step % this.stride === 0) this.kept[j++] = p;
      this.kept.length = j;
    }
  }

  /** The recorded points, with `last` appended when it is a step not yet recorded. */
  finish(last?: P): P[] {
    const out = this.kept.slice();
    if (last && (out.length === 0 || out[out.length - 1].step < last.step)) out.push(last);
    return out;
  }
}

/**
 * A thinned series of (step, value) pairs with the same thinning as `ThinnedRecorder`, kept in
 * typed arrays: no object per point, for per-trial series such as the loss the phase-switch
 * detector reads (recording it as objects was half of a CNN trial's time).
 */
export class ThinnedSeries {
  private readonly maxPoints: number;
  private stride = 1;
  private n = 0;
  private readonly steps: Float64Array;
  private readonly values: Float64Array;

  constructor(maxPoints = 1000) {
    this.maxPoints = Math.max(2, Math.floor(maxPoints));
    this.steps = new Float64Array(2 * this.maxPoints);
    this.values = new Float64Array(2 * this.maxPoints);
  }

  wants(step: number): boolean {
    return step % this.stride === 0;
  }

  add(step: number, value: number): void {
    this.steps[this.n] = step;
    this.values[this.n] = value;
    this.n++;
    if (this.n >= 2 * this.maxPoints) {
      this.stride *= 2;
      let j = 0;
      for (let i = 0; i < this.n; i++) {
        if (this.steps[i] % this.stride === 0) {
          this.steps[j] = this.steps[i];
          this.values[j] = this.values[i];
          j++;
        }
      }
      this.n = j;
    }
  }

  /** The recorded pairs, with (lastStep, lastValue) appended when that step is not yet recorded. */
  finish(lastStep?: number, lastValue?: number): { steps: number[]; values: number[] } {
    const steps = Array.from(this.steps.subarray(0, this.n));
    const values = Array.from(this.values.subarray(0, this.n));
    if (lastStep !== undefined && lastValue !== undefined && (this.n === 0 || steps[this.n - 1] < lastStep)) {
      steps.push(lastStep);
      values.push(lastValue);
    }
    return { steps, values };
  }
}
