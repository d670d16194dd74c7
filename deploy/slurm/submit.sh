#!/bin/bash
# Submits a sweep as a Slurm job array of SHARDS tasks, then the merge job once all succeeded.
#   deploy/slurm/submit.sh examples/sweeps/du-table.json results/du-table 16
set -euo pipefail
SPEC=$(realpath "${1:?usage: submit.sh SPEC OUT [SHARDS]}")
OUT=$(realpath -m "${2:?usage: submit.sh SPEC OUT [SHARDS]}")
SHARDS=${3:-16}
HERE=$(dirname "$(realpath "$0")")
array=$(sbatch --parsable --array=0-$((SHARDS - 1)) --export=ALL,SPEC="$SPEC",OUT="$OUT" "$HERE/sweep-array.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$array" --export=ALL,OUT="$OUT" "$HERE/merge.sbatch")
echo "array job $array ($SHARDS shards) -> merge job $merge; results in $OUT-merged"
