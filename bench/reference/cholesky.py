"""Baseline for bench/cholesky.bench.ts: numpy.linalg.cholesky (LAPACK's blocked dpotrf through OpenBLAS).

Reads {"A": n x n, "seconds": t} on stdin; factors A repeatedly for about t seconds and prints
{"msPerFactor": best CPU time of one factorisation in ms, "diagonal": diag(L), "lastRow": L[n-1]} (the last
row and the diagonal depend on every entry, so the benchmark compares them with minima's factor).

One BLAS thread unless OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) says otherwise, like minima's single
thread (and the other baselines here).
"""
import json
import os
import sys
import time

if "OMP_NUM_THREADS" not in os.environ:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the thread setting)


def main():
    spec = json.load(sys.stdin)
    A = np.array(spec["A"], dtype=np.float64)
    L = np.linalg.cholesky(A)
    # CPU time of this process in batches of at least ~2 ms, as the TypeScript side measures its own.
    best = float("inf")
    batch = 1
    start = time.perf_counter()
    runs = 0
    while runs < 2 or time.perf_counter() - start < spec["seconds"]:
        t0 = time.process_time()
        for _ in range(batch):
            np.linalg.cholesky(A)
        t = time.process_time() - t0
        best = min(best, t / batch)
        if t < 0.002:
            batch *= 2
        runs += 1
    print(json.dumps({"msPerFactor": best * 1000, "diagonal": np.diag(L).tolist(), "lastRow": L[-1].tolist()}))


if __name__ == "__main__":
    main()
