/**
 * One writer per shard file. Two `sweep run`s on the same shard (a Slurm requeue while the first task
 * still runs, a retried pod, a user starting the same command twice) would both redo the work and
 * interleave their lines. The writer holds `<trial file>.lock`, created exclusively (atomic on local and
 * NFS v3+ file systems), holding who owns it; a second writer refuses with a message naming the owner.
 *
 * A crashed writer cannot release its lock, so the owner touches the file every HEARTBEAT_MS and a lock
 * is stale when its owner is a dead process on this host, or when it has not been touched for STALE_MS
 * (an owner on another host that died with its node). A stale lock is taken over.
 */
import { closeSync, openSync, statSync, unlinkSync, utimesSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { InputError } from "../core/errors.js";
import { readRegularFile } from "./lines.js";

export const HEARTBEAT_MS = 20_000;
export const STALE_MS = 120_000;

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface ShardLock {
  readonly path: string;
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readRegularFile(path)) as LockOwner;
  } catch (error) {
    // A lock that is not a regular file (a FIFO would block the read for ever) is refused by name.
    if (error instanceof InputError) throw error;
    return undefined;
  }
}

function isStale(path: string, owner: LockOwner | undefined, now: number): boolean {
  let touched: number;
  try {
    touched = statSync(path).mtimeMs;
  } catch {
    return true; // gone meanwhile
  }
  if (now - touched > STALE_MS) return true;
  return owner !== undefined && owner.host === hostname() && !processAlive(owner.pid);
}

/** Takes the lock of `trialFile` or throws an InputError naming the process that holds it. */
export function lockShard(trialFile: string, now = Date.now()): ShardLock {
  const path = `${trialFile}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date(now).toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      if (attempt === 0 && isStale(path, owner, now)) {
        try {
          unlinkSync(path);
        } catch {
          // another process took it over first; the next attempt sees its lock
        }
        continue;
      }
      const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : "another process";
      throw new InputError(
        "--shard",
        `is being written by ${who}; wait for it to finish, or if it is gone delete ${path} (a lock untouched for ${STALE_MS / 1000} s is taken over automatically)`,
      );
    }
  }
  const heartbeat = setInterval(() => {
    const t = new Date();
    try {
      utimesSync(path, t, t);
    } catch {
      // the directory went away; the run's own writes will report it
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    path,
    release() {
      clearInterval(heartbeat);
      const owner = readOwner(path);
      if (owner?.pid === process.pid && owner.host === hostname()) unlinkSync(path);
    },
  };
}
