/**
 * Merging sweep directories (shards run on different machines, or one directory read whole):
 * every directory must hold the same spec; trials are deduplicated by (cell, trial); two different
 * records for the same trial mean something is badly wrong (different code or data) and are an error.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/errors.js";
import { canonicalJson } from "./canonical.js";
import {
  minimaVersion,
  readManifest,
  readTrialFiles,
  SWEEP_FILE,
  type SweepManifest,
  trialFileName,
} from "./store.js";
import type { TrialRecord } from "./trial.js";

export interface MergedSweep {
  readonly manifest: SweepManifest;
  /** Sorted by (cell, trial), one per trial. */
  readonly records: readonly TrialRecord[];
  readonly duplicates: number;
  /** Bytes of torn last lines ignored (a shard still running, or killed). */
  readonly tornBytes: number;
}

export function mergeSweepDirs(dirs: readonly string[]): MergedSweep {
  if (dirs.length === 0) throw new InputError("DIR", "at least one sweep directory is needed");
  const manifests = dirs.map((dir) => readManifest(dir));
  const manifest = manifests[0];
  manifests.forEach((m, i) => {
    if (m.specHash !== manifest.specHash) {
      throw new InputError(
        dirs[i],
        `holds a different spec (hash ${m.specHash.slice(0, 12)}) from ${dirs[0]} (hash ${manifest.specHash.slice(0, 12)})`,
      );
    }
  });
  const byTrial = new Map<number, { record: TrialRecord; text: string; from: string }>();
  let duplicates = 0;
  let tornBytes = 0;
  const trials = manifest.spec.trials;
  for (const dir of dirs) {
    for (const file of readTrialFiles(dir, manifest.specHash)) {
      tornBytes += file.tornBytes;
      for (const record of file.records) {
        const key = record.cell * trials + record.trial;
        const text = canonicalJson(record);
        const before = byTrial.get(key);
        if (!before) {
          byTrial.set(key, { record, text, from: file.path });
        } else if (before.text !== text) {
          throw new InputError(
            `trial (cell ${record.cell}, trial ${record.trial})`,
            `has conflicting results in ${before.from} and ${file.path}; the runs used different code or settings`,
          );
        } else {
          duplicates++;
        }
      }
    }
  }
  const records = [...byTrial.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v.record);
  return { manifest, records, duplicates, tornBytes };
}

/** Writes a merged sweep as a complete one-shard sweep directory (which `sweep run` can also resume). */
export function writeMergedSweep(dir: string, merged: MergedSweep): void {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new InputError("--out", "must be a new or empty directory", dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, SWEEP_FILE), `${JSON.stringify(merged.manifest, null, 2)}\n`);
  const header = {
    format: "minima-sweep-trials",
    minimaVersion: minimaVersion(),
    specHash: merged.manifest.specHash,
    shard: 0,
    shards: 1,
  };
  const lines = [JSON.stringify(header), ...merged.records.map((r) => JSON.stringify(r))];
  writeFileSync(join(dir, trialFileName(0, 1)), `${lines.join("\n")}\n`);
}
