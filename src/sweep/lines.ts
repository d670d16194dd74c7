/**
 * Reading a text file line by line in bounded memory: fixed-size chunks, never the whole file as one
 * string (V8 refuses strings over 2²⁹ characters, about 1.5 M fc trials). Bytes after the last newline
 * are a torn line (a writer killed mid-write), reported but not passed on.
 */
import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 1 << 20;

export interface LineScan {
  /** Lines passed to the callback (complete, newline-terminated ones). */
  readonly lines: number;
  /** Byte length of the complete lines, i.e. where a torn tail begins. */
  readonly completeBytes: number;
  /** Bytes after the last newline. */
  readonly tornBytes: number;
}

/** Calls `onLine(text, lineNumber)` (1-based) for each complete line of the file, in order. */
export function forEachLine(path: string, onLine: (text: string, lineNumber: number) => void): LineScan {
  const fd = openSync(path, "r");
  let buffer = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let lines = 0;
  let completeBytes = 0;
  try {
    for (;;) {
      if (filled === buffer.length) {
        // One line longer than the buffer: grow it (only as large as the longest line).
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      const end = filled + read;
      let start = 0;
      for (let i = buffer.indexOf(10, filled); i !== -1 && i < end; i = buffer.indexOf(10, start)) {
        lines++;
        onLine(buffer.toString("utf8", start, i), lines);
        completeBytes += i + 1 - start;
        start = i + 1;
        if (start >= end) break;
      }
      buffer.copy(buffer, 0, start, end);
      filled = end - start;
    }
  } finally {
    closeSync(fd);
  }
  return { lines, completeBytes, tornBytes: filled };
}
