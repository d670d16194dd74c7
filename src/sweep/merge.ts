/**
 * Reading sweep directories whole (shards run on different machines, or one directory): every
 * directory must hold the same spec; each (cell, trial) is passed on once; two different records
 * for the same trial mean something is badly wrong (different code or data) and are an error.
 *
 * Memory is bounded by the plan, not by the files: per planned trial one float64 (a 52-bit hash of
 * the record, to tell duplicates from conflicts) and one uint16 (which file it came from), i.e.
 * 10 bytes per trial (100 MB for 10⁷ trials); records are streamed to the caller.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../core/errors.js";
import { canonicalJson, hash52 } from "./canonical.js";
import { planSweep, type SweepPlan } from "./plan.js";
import { withChecksum } from "./record-check.js";
import {
  minimaVersion,
  readManifest,
  SWEEP_FILE,
  type SweepManifest,
  scanTrialFile,
  type TrialFileHeader,
  trialFileName,
  trialFilesIn,
} from "./store.js";
import type { TrialRecord } from "./trial.js";

export interface CollectedSweep {
  readonly manifest: SweepManifest;
  readonly plan: SweepPlan;
  /** Unique trials passed on. */
  readonly trials: number;
  readonly duplicates: number;
  /** Bytes of torn last lines ignored (a shard still running, or killed). */
  readonly tornBytes: number;
}

/** Checks that the directories hold one spec (and one model and Minima version) and plans it. */
export async function planFromDirs(
  dirs: readonly string[],
): Promise<{ manifest: SweepManifest; plan: SweepPlan }> {
  if (dirs.length === 0) throw new InputError("DIR", "at least one sweep directory is needed");
  const manifests = dirs.map((dir) => readManifest(dir));
  const manifest = manifests[0];
  manifests.forEach((m, i) => {
    if (m.specHash !== manifest.specHash)
      throw new InputError(
        dirs[i],
        `holds a different spec (hash ${m.specHash.slice(0, 12)}) from ${dirs[0]} (hash ${manifest.specHash.slice(0, 12)})`,
      );
    if (m.modelHash !== manifest.modelHash)
      throw new InputError(dirs[i], `was written by another version of the model's code than ${dirs[0]}`);
    if (m.minimaVersion !== manifest.minimaVersion)
      throw new InputError(
        dirs[i],
        `was written by Minima ${m.minimaVersion}, ${dirs[0]} by ${manifest.minimaVersion}; results of two versions are not merged`,
      );
  });
  return { manifest, plan: await planSweep(manifest.spec, manifest.specDir) };
}

/** Calls `onRecord` once per unique (cell, trial) found in the directories' trial files. */
export async function collectSweep(
  dirs: readonly string[],
  onRecord: (record: TrialRecord) => void,
): Promise<CollectedSweep> {
  const { manifest, plan } = await planFromDirs(dirs);
  const rules = { cells: plan.cells.length, trials: plan.spec.trials, outcomes: plan.model.outcomes };
  const seen = new Float64Array(rules.cells * rules.trials).fill(Number.NaN);
  const source = new Uint16Array(seen.length);
  const files: string[] = [];
  let trials = 0;
  let duplicates = 0;
  let tornBytes = 0;
  for (const dir of dirs) {
    for (const path of trialFilesIn(dir)) {
      files.push(path);
      const scan = scanTrialFile(
        path,
        rules,
        (record) => {
          const key = record.cell * rules.trials + record.trial;
          const hash = hash52(canonicalJson(record));
          if (Number.isNaN(seen[key])) {
            seen[key] = hash;
            source[key] = Math.min(files.length - 1, 65535);
            trials++;
            onRecord(record);
          } else if (seen[key] !== hash) {
            throw new InputError(
              `trial (cell ${record.cell}, trial ${record.trial})`,
              `has conflicting results in ${files[source[key]]} and ${path}; the runs used different code or settings`,
            );
          } else duplicates++;
        },
        { specHash: manifest.specHash },
      );
      tornBytes += scan.tornBytes;
    }
  }
  return { manifest, plan, trials, duplicates, tornBytes };
}

/** A writer of a merged sweep: a complete one-shard directory (which `sweep run` can also resume), or stdout. */
export class MergedSweepWriter {
  private readonly fd: number;
  private pending = "";

  constructor(
    manifest: SweepManifest,
    readonly dir: string | undefined,
  ) {
    if (dir !== undefined) {
      if (existsSync(dir) && readdirSync(dir).length > 0)
        throw new InputError("--out", "must be a new or empty directory", dir);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, SWEEP_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    }
    this.fd = dir === undefined ? 1 : openSync(join(dir, trialFileName(0, 1)), "w");
    const header: TrialFileHeader = {
      format: "minima-sweep-trials",
      minimaVersion: minimaVersion(),
      specHash: manifest.specHash,
      shard: 0,
      shards: 1,
      checksums: true,
    };
    this.pending = `${JSON.stringify(header)}\n`;
  }

  add(record: TrialRecord): void {
    this.pending += `${withChecksum(JSON.stringify(record))}\n`;
    if (this.pending.length > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.pending);
    this.pending = "";
  }

  close(): void {
    this.flush();
    if (this.dir !== undefined) closeSync(this.fd);
  }
}

/** Every unique record of the directories in memory, sorted by (cell, trial): for small sweeps and tests. */
export async function mergeSweepDirs(
  dirs: readonly string[],
): Promise<CollectedSweep & { readonly records: readonly TrialRecord[] }> {
  const records: TrialRecord[] = [];
  const collected = await collectSweep(dirs, (r) => records.push(r));
  records.sort((a, b) => a.cell - b.cell || a.trial - b.trial);
  return { ...collected, records };
}
