/**
 * Shards: shard i of n owns the trials whose ordinal cell·trials + trial ≡ i (mod n), so every
 * shard gets a share of every cell. Defaults come from the batch system's environment.
 */
import { InputError } from "../core/errors.js";

export interface Shard {
  readonly shard: number;
  readonly shards: number;
}

export function ownsTrial(s: Shard, trialsPerCell: number, cell: number, trial: number): boolean {
  return (cell * trialsPerCell + trial) % s.shards === s.shard;
}

/**
 * The shard from flags, else from JOB_COMPLETION_INDEX (Kubernetes Indexed Job; the count from
 * --shards or MINIMA_SHARDS), else from SLURM_ARRAY_TASK_ID (count SLURM_ARRAY_TASK_COUNT,
 * offset SLURM_ARRAY_TASK_MIN), else 0 of 1.
 */
export function resolveShard(
  flags: { shard?: number; shards?: number },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Shard {
  const envInt = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === "") return undefined;
    const x = Number(text);
    if (!Number.isSafeInteger(x) || x < 0) throw new InputError(name, "must be a non-negative integer", text);
    return x;
  };
  let shard = flags.shard;
  let shards = flags.shards ?? envInt("MINIMA_SHARDS");
  let source = "--shard";
  if (shard === undefined) {
    const k8s = envInt("JOB_COMPLETION_INDEX");
    const slurm = envInt("SLURM_ARRAY_TASK_ID");
    if (k8s !== undefined) {
      shard = k8s;
      source = "JOB_COMPLETION_INDEX";
      if (shards === undefined)
        throw new InputError("--shards", "is required with JOB_COMPLETION_INDEX (or set MINIMA_SHARDS)");
    } else if (slurm !== undefined) {
      shard = slurm - (envInt("SLURM_ARRAY_TASK_MIN") ?? 0);
      shards ??= envInt("SLURM_ARRAY_TASK_COUNT");
      source = "SLURM_ARRAY_TASK_ID";
      if (shards === undefined)
        throw new InputError(
          "--shards",
          "is required with SLURM_ARRAY_TASK_ID (or set SLURM_ARRAY_TASK_COUNT)",
        );
    }
  }
  shard ??= 0;
  shards ??= 1;
  if (shards < 1) throw new InputError("--shards", "must be an integer >= 1", shards);
  if (shard < 0 || shard >= shards)
    throw new InputError(source, `must be a shard index from 0 to ${shards - 1}`, shard);
  return { shard, shards };
}
