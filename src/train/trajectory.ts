/**
 * A trajectory recorder that keeps at most `2·maxPoints` points however long the run: it records
 * every `stride`-th step and, when full, drops every other point and doubles the stride. So a run
 * of T steps keeps between maxPoints and 2·maxPoints evenly spaced points (all of them when
 * T < 2·maxPoints), and the last step is always added by `finish`.
 */
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
    this.maxPoints = Math.max(2, Math.floor(maxPoints));
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

/** Sends each point to every sink that wants its step (e.g. a display trajectory and a detector's). */
export class TeeSink<P extends { readonly step: number }> implements TrajectorySink<P> {
  private readonly sinks: readonly TrajectorySink<P>[];

  constructor(...sinks: TrajectorySink<P>[]) {
    this.sinks = sinks;
  }

  wants(step: number): boolean {
    return this.sinks.some((s) => s.wants(step));
  }

  push(point: P): void {
    for (const s of this.sinks) if (s.wants(point.step)) s.push(point);
  }
}
