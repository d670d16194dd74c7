/**
 * Progress for long report runs: a redrawn bar on a TTY, a plain line per finished step
 * otherwise (CI logs), nothing when silent. Written to stderr so stdout stays clean.
 */
export interface Progress {
  /** A new step with `total` units of work. */
  step(label: string, total: number): void;
  /** `done` more units of the current step finished. */
  advance(done?: number): void;
  /** The current step finished. */
  finish(): void;
}

export const silentProgress: Progress = { step() {}, advance() {}, finish() {} };

export function streamProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  let label = "";
  let total = 1;
  let done = 0;
  let started = 0;
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!tty || (!force && now - lastDraw < 100)) return;
    lastDraw = now;
    const width = 28;
    const filled = Math.round((width * Math.min(done, total)) / total);
    const pct = ((100 * Math.min(done, total)) / total).toFixed(0).padStart(3);
    stream.write(
      `\r${"█".repeat(filled)}${"░".repeat(width - filled)} ${pct}% ${label}`.slice(
        0,
        (stream.columns ?? 100) - 1,
      ),
    );
  };
  return {
    step(text, units) {
      label = text;
      total = Math.max(1, units);
      done = 0;
      started = Date.now();
      draw(true);
    },
    advance(units = 1) {
      done += units;
      draw();
    },
    finish() {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (tty) stream.write(`\r\x1b[2K✓ ${label} (${seconds} s)\n`);
      else stream.write(`${label}: done in ${seconds} s\n`);
    },
  };
}
