/**
 * Progress for long runs made of steps (the report's sections): each step is shown by the progress
 * display (progress.ts: a bar with rate and ETA on a TTY, a plain line every few seconds otherwise,
 * on stderr so stdout stays clean), or not at all when silent. Computations take the interface;
 * only the edge (the CLI) picks the display.
 */
import { Progress as ProgressDisplay } from "./progress.js";

export interface StepProgress {
  /** A new step with `total` units of work. */
  step(label: string, total: number): void;
  /** `done` more units of the current step finished. */
  advance(done?: number): void;
  /** The current step finished. */
  finish(): void;
}

export const silentProgress: StepProgress = { step() {}, advance() {}, finish() {} };

/**
 * Off a terminal a line is printed at least every PLAIN_EVERY_SECONDS while a step runs, even when no
 * unit finishes in between (a heartbeat redraws it; the work itself runs on worker threads).
 */
export const PLAIN_EVERY_SECONDS = 4;

export function streamProgress(stream: NodeJS.WriteStream = process.stderr): StepProgress {
  let display: ProgressDisplay | undefined;
  let done = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (heartbeat !== undefined) clearInterval(heartbeat);
    heartbeat = undefined;
  };
  return {
    step(label, total) {
      display?.finish();
      stop();
      done = 0;
      display = new ProgressDisplay({
        total: Math.max(1, total),
        label,
        stream,
        plainEverySeconds: PLAIN_EVERY_SECONDS,
      });
      display.update(0); // announce the step at once: its first unit may take minutes
      heartbeat = setInterval(() => display?.heartbeat(), 500);
      heartbeat.unref();
    },
    advance(units = 1) {
      done += units;
      display?.update(done);
    },
    finish() {
      stop();
      display?.finish();
      display = undefined;
    },
  };
}
