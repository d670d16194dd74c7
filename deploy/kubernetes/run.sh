#!/bin/bash
# Runs the sweep Job, waits for every index to complete, then runs the merge Job and prints the summary.
#   docker build -f deploy/Dockerfile -t minima:latest . && deploy/kubernetes/run.sh
set -euo pipefail
HERE=$(dirname "$(realpath "$0")")
kubectl apply -f "$HERE/sweep-job.yaml"
kubectl wait --for=condition=complete --timeout=24h job/minima-sweep
kubectl delete job minima-sweep-merge --ignore-not-found
kubectl apply -f "$HERE/merge-job.yaml"
kubectl wait --for=condition=complete --timeout=1h job/minima-sweep-merge
kubectl logs job/minima-sweep-merge
