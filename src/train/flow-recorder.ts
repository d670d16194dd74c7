/**
 * A trajectory recorder for gradient flow (train/gradient-flow.ts): the time, loss and gradient norm
 * ‖∇L‖ (the flow's speed) at accepted points, and optionally the points themselves, never more than
 * `maxSamples` of them however long the run. It thins by accepted step as `ThinnedRecorder` does
 * (every stride-th step, the stride doubling when full), so the samples are evenly spaced in steps,
 * which an adaptive integrator spreads where the trajectory bends; the first and the last point are
 * always kept, and a point reached by Newton's finish is marked.
 */
import type { FlowObservation } from "./gradient-flow.js";
import { ThinnedRecorder } from "./trajectory.js";

export interface FlowSample {
  /** Accepted steps before this point. */
  readonly step: number;
  readonly time: number;
  readonly loss: number;
  /** Euclidean ‖∇L‖ at the point. */
  readonly gradNorm: number;
  /** The point, when points are recorded. */
  readonly point?: readonly number[];
  /** Set on the point Newton's finish reached. */
  readonly newton?: true;
}

export interface FlowRecorderOptions<S> {
  /** The loss in the model's state. */
  readonly loss: (state: S) => number;
  /** At most this many samples (default 200, at least 4). */
  readonly maxSamples?: number;
  /** Keep the points too (default false). */
  readonly points?: boolean;
}

export class FlowRecorder<S> {
  private readonly thinned: ThinnedRecorder<FlowSample>;
  private readonly options: FlowRecorderOptions<S>;
  private last: FlowSample | undefined;

  constructor(options: FlowRecorderOptions<S>) {
    this.options = options;
    // ThinnedRecorder(m) keeps fewer than 2m points; the last one adds one more.
    this.thinned = new ThinnedRecorder(Math.max(2, Math.floor((options.maxSamples ?? 200) / 2)));
  }

  /** Pass as the flow's `observe`. */
  readonly observe = (o: FlowObservation<S>): void => {
    const final = o.stop !== undefined || o.newton;
    if (!final && !this.thinned.wants(o.step)) return;
    let sq = 0;
    for (const v of o.gradient) sq += v * v;
    const sample: FlowSample = {
      step: o.step,
      time: o.time,
      loss: this.options.loss(o.state),
      gradNorm: Math.sqrt(sq),
      ...(this.options.points ? { point: Array.from(o.x) } : {}),
      ...(o.newton ? { newton: true as const } : {}),
    };
    if (final) this.last = sample;
    else this.thinned.push(sample);
  };

  /** The samples in order of time, the last point included. */
  samples(): FlowSample[] {
    // The last point is never in the thinned list (Newton's may share the step of the flow point it
    // started from, which stays: the jump shows as two samples at one time).
    const kept = this.thinned.finish();
    if (this.last) kept.push(this.last);
    return kept;
  }
}
