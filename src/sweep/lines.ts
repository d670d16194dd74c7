/**
 * Reading a text file line by line in bounded memory: fixed-size chunks, never the whole file as one
 * string (V8 refuses strings over 2²⁹ characters, about 1.5 M fc trials). Bytes after the last newline
 * are a torn line (a writer killed mid-write), reported but not passed on.
 *
 * Only regular files are read: a FIFO or a device put where a sweep file belongs (by mistake, or a
 * /dev/zero that never ends) would block forever or fill memory, so it is refused with one line.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { InputError } from "../core/errors.js";

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
  const fd = openRegularFile(path);
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

/**
 * Opens `path` (symbolic links followed) for reading if it is a regular file, else throws an InputError
 * naming it and what it is. The open does not block, so a FIFO is recognised instead of waited on.
 */
export function openRegularFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // Opening a Unix socket fails with ENXIO: it is no file either.
    if ((error as NodeJS.ErrnoException).code === "ENXIO") throw notRegular(path, "a socket");
    throw error;
  }
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegular(path, kindOf(stats));
  }
  return fd;
}

/** The whole text of a small regular file (a manifest, a lock), refusing anything else as above. */
export function readRegularFile(path: string): string {
  const fd = openRegularFile(path);
  try {
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

function notRegular(path: string, kind: string): InputError {
  return new InputError(
    path,
    `is ${kind}, not a regular file; a sweep directory holds regular files only (move it away)`,
  );
}
