/**
 * Progress for long commands, on stderr so stdout stays clean for results. On a terminal: a bar
 * with rate and ETA, redrawn in place at most 10 times a second, with optional detail lines below
 * it (e.g. per-cell counts). Otherwise (CI, logs, pipes): a plain line every few seconds.
 * The ETA uses the rate of work done in this run only, so a resumed run is not over-optimistic, and
 * only from the first completed unit on: workers take seconds to start, and a rate that counts that
 * wait promised "54m49s" for a 10-second sweep. Until the rate has been measured over at least
 * ETA_MIN_SECONDS and ETA_MIN_UNITS since then, the ETA reads "ETA …". The rate is the average since
 * the first completion, so a burst of batches finishing together moves it only by their share.
 */

/** The ETA is shown once the rate has been measured over this many seconds… */
export const ETA_MIN_SECONDS = 2;
/** …and this many units of work, counted after the first completed one. */
export const ETA_MIN_UNITS = 3;

export interface ProgressOptions {
  readonly total: number;
  /** Work already done before this run started (e.g. a resumed sweep). */
  readonly initial?: number;
  readonly label?: string;
  readonly stream?: NodeJS.WriteStream;
  /** Seconds between plain lines when not on a terminal. */
  readonly plainEverySeconds?: number;
  readonly now?: () => number;
}

export class Progress {
  private readonly total: number;
  private readonly initial: number;
  private readonly label: string;
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;
  private readonly plainEvery: number;
  private readonly now: () => number;
  private readonly started: number;
  private done: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawnLines = 0;
  /** The amount done at the last plain line (off a terminal), so finish does not repeat it. */
  private printedDone = Number.NaN;
  /** When work was first seen completed in this run, and how much was done then. */
  private firstCompletion: { readonly t: number; readonly done: number } | undefined;

  constructor(options: ProgressOptions) {
    this.total = options.total;
    this.initial = options.initial ?? 0;
    this.done = this.initial;
    this.label = options.label ?? "progress";
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.plainEvery = (options.plainEverySeconds ?? 5) * 1000;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** Sets the amount done; `details` are extra lines shown under the bar on a terminal. */
  update(done: number, details: () => readonly string[] = () => []): void {
    this.done = done;
    const t = this.now();
    if (!this.firstCompletion && done > this.initial) this.firstCompletion = { t, done };
    if (t - this.lastDraw < (this.tty ? 100 : this.plainEvery)) return;
    this.lastDraw = t;
    this.draw(details());
  }

  /**
   * Called on a timer while long units run: off a terminal, prints the status line when none was
   * printed for plainEverySeconds even if no unit finished since (so a log never goes quiet for
   * longer); on a terminal, redraws the bar (elapsed time moves on).
   */
  heartbeat(): void {
    const t = this.now();
    if (t - this.lastDraw < (this.tty ? 100 : this.plainEvery)) return;
    this.lastDraw = t;
    if (!this.tty) {
      this.printedDone = this.done;
      this.stream.write(`${this.statusLine()}\n`);
      return;
    }
    this.draw([]);
  }

  /** Draws the final state and ends the block. */
  finish(details: readonly string[] = []): void {
    this.draw(details);
    if (this.tty) this.drawnLines = 0;
  }

  /** The status line: fraction, rate and ETA. */
  statusLine(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const ranNow = this.done - this.initial;
    const rate = elapsed > 0 ? ranNow / elapsed : 0;
    const left = this.total - this.done;
    const measured = this.measuredRate();
    const eta = left <= 0 ? "done" : measured > 0 ? `ETA ${formatDuration(left / measured)}` : "ETA …";
    const percent = this.total > 0 ? (100 * this.done) / this.total : 100;
    return `${this.label} ${percent.toFixed(1)}%  ${this.done}/${this.total}  ${Math.round(rate)}/s  ${formatDuration(elapsed)} elapsed  ${eta}`;
  }

  /** Units per second since the first completion, or 0 while that is too short to mean anything. */
  private measuredRate(): number {
    const first = this.firstCompletion;
    if (!first) return 0;
    const seconds = (this.now() - first.t) / 1000;
    const units = this.done - first.done;
    return seconds >= ETA_MIN_SECONDS && units >= ETA_MIN_UNITS ? units / seconds : 0;
  }

  private draw(details: readonly string[]): void {
    if (!this.tty) {
      if (this.done === this.printedDone) return;
      this.printedDone = this.done;
      this.stream.write(`${this.statusLine()}\n`);
      return;
    }
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 70));
    const filled = this.total > 0 ? Math.round((width * this.done) / this.total) : width;
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    const rows = Math.max(1, (this.stream.rows ?? 24) - 2);
    const lines = [`${bar} ${this.statusLine()}`, ...details.slice(0, rows - 1)];
    const columns = this.stream.columns ?? 80;
    let text = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F` : "";
    for (const line of lines) text += `\x1b[2K${line.slice(0, columns - 1)}\n`;
    if (this.drawnLines > lines.length) text += "\x1b[J";
    this.stream.write(text);
    this.drawnLines = lines.length;
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
