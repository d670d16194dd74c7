/**
 * The on-disk form of a sweep: a directory holding sweep.json (the spec, its hash, the Minima
 * version) and one append-only JSONL file per shard, `trials-shard-<i>-of-<n>.jsonl`, whose first
 * line is a header (spec hash, version, shard) and every further line one finished trial.
 *
 * Lines are written whole with one write per finished batch, so a crash can only leave a torn
 * *last* line (no final newline); the shard's writer repairs that by cutting the file back to its
 * last newline, and the trials it held are simply run again. Every other line is checked when read
 * (record-check.ts: shape, range, outcome, checksum); a bad one is an error naming file and line,
 * which `sweep run --repair` resolves by dropping it and running its trial again. Files are read
 * line by line, so their size is bounded by the disk, not by memory.
 */
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/errors.js";
import { forEachLine, readRegularFile } from "./lines.js";
import { jsonlWithChecksums, parseRecordLine, type RecordRules } from "./record-check.js";
import type { SweepSpec } from "./spec.js";
import type { TrialRecord } from "./trial.js";

export const SWEEP_FILE = "sweep.json";
const TRIAL_FILE = /^trials-shard-(\d+)-of-(\d+)\.jsonl$/;

export interface SweepManifest {
  readonly format: "minima-sweep";
  readonly minimaVersion: string;
  readonly specHash: string;
  /** Where relative model paths in the spec are resolved from. */
  readonly specDir: string;
  /** A hash of a custom model's source file (absent for built-in models: the version covers them). */
  readonly modelHash?: string;
  readonly spec: SweepSpec;
}

export interface TrialFileHeader {
  readonly format: "minima-sweep-trials";
  readonly minimaVersion: string;
  readonly specHash: string;
  readonly shard: number;
  readonly shards: number;
  /** Every record line ends with its checksum (record-check.ts); absent in files written before. */
  readonly checksums?: boolean;
}

export function minimaVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export function trialFileName(shard: number, shards: number): string {
  return `trials-shard-${shard}-of-${shards}.jsonl`;
}

export function readManifest(dir: string, field = "DIR"): SweepManifest {
  const path = join(dir, SWEEP_FILE);
  if (!existsSync(path)) throw new InputError(field, `is not a sweep directory (no ${SWEEP_FILE})`, dir);
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(field, `has an unreadable ${SWEEP_FILE}`, dir);
  }
  try {
    const manifest = JSON.parse(text) as SweepManifest;
    if (manifest.format !== "minima-sweep" || typeof manifest.specHash !== "string")
      throw new Error("bad format");
    return manifest;
  } catch {
    throw new InputError(field, `has an unreadable ${SWEEP_FILE}`, dir);
  }
}

/**
 * Makes `dir` a sweep directory for this spec, or checks that it already is one. A directory that
 * holds a different spec's results is refused: mixing them would silently corrupt every summary.
 */
export function claimDirectory(dir: string, manifest: SweepManifest): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, SWEEP_FILE);
  if (!existsSync(path)) {
    const stray = readdirSync(dir).filter((f) => TRIAL_FILE.test(f));
    if (stray.length > 0 && !existsSync(path))
      throw new InputError("--out", `holds trial files but no ${SWEEP_FILE}`, dir);
    // Shards may start at the same moment on a shared file system: write a private file and link
    // it into place, which is atomic and fails if another shard got there first.
    const temporary = join(dir, `.${SWEEP_FILE}.${process.pid}.${Date.now()}`);
    writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
    try {
      linkSync(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  const old = readManifest(dir, "--out");
  if (old.specHash !== manifest.specHash) {
    throw new InputError(
      "--out",
      `holds results of a different spec (hash ${old.specHash.slice(0, 12)}, this spec ${manifest.specHash.slice(0, 12)}); use a new directory, or the spec in ${path}`,
      dir,
    );
  }
  // The same spec run by other code would give other results for the same trials: never mix them.
  if (old.modelHash !== manifest.modelHash)
    throw new InputError(
      "--out",
      "holds results of this spec from another version of the model's code (its source changed); use a new directory",
      dir,
    );
  if (old.minimaVersion !== manifest.minimaVersion)
    throw new InputError(
      "--out",
      `holds results written by Minima ${old.minimaVersion}, this is ${manifest.minimaVersion}; results of two versions are not mixed: use a new directory (sweep summary still reads the old one)`,
      dir,
    );
}

export interface TrialFileScan {
  readonly path: string;
  readonly header: TrialFileHeader | undefined;
  /** Valid records passed on. */
  readonly records: number;
  /** Bytes after the last newline (a torn line), 0 if none. */
  readonly tornBytes: number;
  /** Lines dropped by a repair. */
  readonly dropped: number;
}

export interface ScanOptions {
  /** The spec the file must belong to. */
  readonly specHash: string;
  /**
   * Cut a torn last line off the file (a crash mid-write: its trials are simply run again) and, with
   * "lines", also drop bad lines in the middle (their trials are run again). Only a shard's writer,
   * holding its lock, repairs.
   */
  readonly repair?: "tail" | "lines";
}

const REPAIR_HINT =
  "run `minima sweep run` on this directory with --repair to drop it (its trial is run again)";

/**
 * Reads one trial file line by line (bounded memory), checks every line (record-check.ts) and calls
 * `onRecord` for each valid record. A bad line is an error naming the file and line, unless the scan
 * repairs lines.
 */
export function scanTrialFile(
  path: string,
  rules: RecordRules,
  onRecord: (record: TrialRecord) => void,
  options: ScanOptions,
): TrialFileScan {
  let header: TrialFileHeader | undefined;
  let records = 0;
  const bad: number[] = [];
  const scan = forEachLine(path, (line, n) => {
    if (n === 1) {
      header = parseHeader(line, path, options.specHash);
      return;
    }
    const parsed = parseRecordLine(line, rules, header?.checksums === true);
    if ("problem" in parsed) {
      if (options.repair !== "lines")
        throw new InputError(`${path}:${n}`, `${parsed.problem}; ${REPAIR_HINT}`);
      bad.push(n);
      return;
    }
    records++;
    onRecord(parsed.record);
  });
  if (bad.length > 0) rewriteWithout(path, new Set(bad));
  else if (options.repair && scan.tornBytes > 0) truncateSync(path, scan.completeBytes);
  return { path, header, records, tornBytes: scan.tornBytes, dropped: bad.length };
}

function parseHeader(line: string, path: string, specHash: string): TrialFileHeader {
  let header: TrialFileHeader;
  try {
    header = JSON.parse(line) as TrialFileHeader;
  } catch {
    throw new InputError(`${path}:1`, "is not a trial-file header (not JSON)");
  }
  if (header === null || header.format !== "minima-sweep-trials")
    throw new InputError(`${path}:1`, "is not a trial-file header");
  if (header.specHash !== specHash)
    throw new InputError(path, `belongs to another spec (hash ${String(header.specHash).slice(0, 12)})`);
  return header;
}

/** Copies the file without the given lines (and without a torn tail), then moves the copy into place. */
function rewriteWithout(path: string, drop: ReadonlySet<number>): void {
  const temporary = `${path}.repair-${process.pid}`;
  const fd = openSync(temporary, "w");
  try {
    let pending = "";
    forEachLine(path, (line, n) => {
      if (drop.has(n)) return;
      pending += `${line}\n`;
      if (pending.length > 1 << 20) {
        writeSync(fd, pending);
        pending = "";
      }
    });
    writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** The trial files of a sweep directory, in name order. */
export function trialFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => TRIAL_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** An append-only writer for one shard's trial file; writes the header if the file has none. */
export class TrialAppender {
  private readonly fd: number;

  /** The lines appended get checksums when the file's header (`existing`, or the new one) says so. */
  private readonly checksums: boolean;

  constructor(
    readonly path: string,
    header: TrialFileHeader,
    existing: TrialFileHeader | undefined,
  ) {
    this.fd = openSync(path, "a");
    if (!existing) writeSync(this.fd, `${JSON.stringify(header)}\n`);
    this.checksums = (existing ?? header).checksums === true;
  }

  /** One write per batch of whole, newline-terminated record lines, each stored with its checksum. */
  appendRecords(jsonl: string): void {
    if (jsonl.length > 0) writeSync(this.fd, this.checksums ? jsonlWithChecksums(jsonl) : jsonl);
  }

  close(): void {
    closeSync(this.fd);
  }
}
