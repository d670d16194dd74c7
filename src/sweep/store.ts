/**
 * The on-disk form of a sweep: a directory holding sweep.json (the spec, its hash, the Minima
 * version) and one append-only JSONL file per shard, `trials-shard-<i>-of-<n>.jsonl`, whose first
 * line is a header (spec hash, version, shard) and every further line one finished trial.
 *
 * Lines are written whole with one write per finished batch, so a crash can only leave a torn
 * *last* line (no final newline); reading repairs that by cutting the file back to its last newline,
 * and the trials it held are simply run again. Any other unreadable line is corruption and an error.
 */
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/errors.js";
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
  readonly spec: SweepSpec;
}

export interface TrialFileHeader {
  readonly format: "minima-sweep-trials";
  readonly minimaVersion: string;
  readonly specHash: string;
  readonly shard: number;
  readonly shards: number;
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
  try {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as SweepManifest;
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
}

export interface TrialFile {
  readonly path: string;
  readonly header: TrialFileHeader | undefined;
  readonly records: TrialRecord[];
  /** Bytes after the last newline (a torn line), 0 if none. */
  readonly tornBytes: number;
}

/** Reads one trial file; with `repair`, cuts a torn last line off the file. */
export function readTrialFile(path: string, repair: boolean): TrialFile {
  const text = readFileSync(path, "utf8");
  const end = text.lastIndexOf("\n") + 1;
  const tornBytes = Buffer.byteLength(text.slice(end));
  if (repair && tornBytes > 0) truncateSync(path, Buffer.byteLength(text.slice(0, end)));
  const lines = text.slice(0, end).split("\n");
  lines.pop();
  let header: TrialFileHeader | undefined;
  const records: TrialRecord[] = [];
  lines.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(`${path}:${i + 1}`, "is a corrupt line in the middle of a trial file");
    }
    if (i === 0) {
      header = value as TrialFileHeader;
      if (header.format !== "minima-sweep-trials")
        throw new InputError(`${path}:1`, "is not a trial-file header");
    } else {
      records.push(value as TrialRecord);
    }
  });
  return { path, header, records, tornBytes };
}

/** Every trial file in a sweep directory, checked to belong to the directory's spec. */
export function readTrialFiles(dir: string, specHash: string, repairShard?: string): TrialFile[] {
  const files: TrialFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!TRIAL_FILE.test(name)) continue;
    const file = readTrialFile(join(dir, name), name === repairShard);
    if (file.header && file.header.specHash !== specHash) {
      throw new InputError(file.path, `belongs to another spec (hash ${file.header.specHash.slice(0, 12)})`);
    }
    files.push(file);
  }
  return files;
}

/** An append-only writer for one shard's trial file; writes the header if the file has none. */
export class TrialAppender {
  private readonly fd: number;

  constructor(
    readonly path: string,
    header: TrialFileHeader,
    hasHeader: boolean,
  ) {
    this.fd = openSync(path, "a");
    if (!hasHeader) writeSync(this.fd, `${JSON.stringify(header)}\n`);
  }

  /** One write per batch of whole, newline-terminated lines. */
  appendText(jsonl: string): void {
    if (jsonl.length > 0) writeSync(this.fd, jsonl);
  }

  close(): void {
    closeSync(this.fd);
  }
}
