#!/bin/bash
# Submits a sweep as a Slurm job array, one task per shard, then the merge job once every task succeeded.
#
#   deploy/slurm/submit.sh [options] SPEC OUT
#     --shards N           array tasks (default 16)
#     --cpus-per-task C    CPUs (workers) per task (default 1: schedules on any node; raise it on big nodes)
#     --time T             time limit per task (default 02:00:00)
#     --partition P        partition (default: the cluster's default)
#     --account A          account (default: none)
#     --minima CMD         the command that runs Minima (default: this clone's own CLI,
#                          node <clone>/dist/cli/main.js; build it first with npm ci)
#
# Every task appends to its own file in OUT (on a file system the nodes share) and holds that shard's
# lock while it runs; a task that is pre-empted, killed or requeued resumes where it stopped. The merge
# job writes OUT-merged with summary.txt, summary.json and summary.csv.
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
CLONE=$(realpath "$HERE/../..")
SHARDS=16
CPUS=1
TIME=02:00:00
PARTITION=()
ACCOUNT=()
MINIMA="node $CLONE/dist/cli/main.js"
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) SHARDS=${2:?--shards needs a number}; shift 2 ;;
    --cpus-per-task) CPUS=${2:?--cpus-per-task needs a number}; shift 2 ;;
    --time) TIME=${2:?--time needs a value}; shift 2 ;;
    --partition) PARTITION=(--partition "${2:?--partition needs a name}"); shift 2 ;;
    --account) ACCOUNT=(--account "${2:?--account needs a name}"); shift 2 ;;
    --minima) MINIMA=${2:?--minima needs a command}; shift 2 ;;
    -h|--help) usage ;;
    --*) echo "submit.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || usage
case "$SHARDS$CPUS" in *[!0-9]*) echo "submit.sh: --shards and --cpus-per-task must be positive integers" >&2; exit 2 ;; esac
[ "$SHARDS" -ge 1 ] && [ "$CPUS" -ge 1 ] || { echo "submit.sh: --shards and --cpus-per-task must be >= 1" >&2; exit 2; }
SPEC=$(realpath "$1")
OUT=$(realpath -m "$2")
if [ "$MINIMA" = "node $CLONE/dist/cli/main.js" ] && [ ! -f "$CLONE/dist/cli/main.js" ]; then
  echo "submit.sh: $CLONE/dist/cli/main.js is missing; run npm ci in $CLONE first (or pass --minima)" >&2
  exit 2
fi
mkdir -p "$(dirname "$OUT")"
common=(--parsable --time "$TIME" "${PARTITION[@]}" "${ACCOUNT[@]}" --chdir "$(dirname "$OUT")")
array=$(sbatch "${common[@]}" --array=0-$((SHARDS - 1)) --cpus-per-task "$CPUS" \
  --export=ALL,SPEC="$SPEC",OUT="$OUT",MINIMA="$MINIMA" "$HERE/sweep-array.sbatch")
merge=$(sbatch "${common[@]}" --cpus-per-task 1 --dependency=afterok:"$array" \
  --export=ALL,OUT="$OUT",MINIMA="$MINIMA" "$HERE/merge.sbatch")
echo "array job $array ($SHARDS shards, $CPUS CPUs each) -> merge job $merge; results in $OUT-merged"
