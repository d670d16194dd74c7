"""Baseline for bench/cholesky.bench.ts: numpy.linalg.cholesky (LAPACK's blocked dpotrf through OpenBLAS).

Reads {"A": n x n, "seconds": t} on stdin; factors A repeatedly for about t seconds and prints
{"msPerFactor": best time of one factorisation in ms, "diagonal": diag(L), "lastRow": L[n-1]} (the last
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
    best = float("inf")
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        np.linalg.cholesky(A)
        t1 = time.perf_counter()
        best = min(best, t1 - t0)
        if t1 - start >= spec["seconds"]:
            break
    print(json.dumps({"msPerFactor": best * 1000, "diagonal": np.diag(L).tolist(), "lastRow": L[-1].tolist()}))


if __name__ == "__main__":
    main()
