"""Baseline for bench/fc.bench.ts: the population gradient of the two-layer ReLU network (Tian 2017) as a
careful NumPy user writes it, through Gram matrices and BLAS (fc_gram.py): per evaluation the products
G = W [W; W*]^T and M [W; W*], and elementwise operations on K x 2K arrays into preallocated buffers.

Reads {"W": K x d, "Wstar": K x d, "seconds": t} on stdin; prints {"evalsPerSecond": ..., "gradient": K x d}
where gradient = dJ/dW (not -dJ/dW) for unit top weights a = a* = 1. Only the gradient is timed (minima's
side computes J as well). fc_population_gradient_naive.py is the former d x K x K baseline, kept to check
this one against.

One BLAS thread unless OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) says otherwise, like minima's single
thread: at these sizes OpenBLAS's threads cost far more than they gain on a loaded 2-core machine
(measured at K = d = 100 under load: 3200 evaluations/s with one thread, about 100/s with its default).
"""
import json
import os
import sys
import time

if "OMP_NUM_THREADS" not in os.environ:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the thread setting)
from fc_gram import ReluGramPopulation  # noqa: E402


def main():
    spec = json.load(sys.stdin)
    W = np.array(spec["W"], dtype=np.float64)
    Ws = np.array(spec["Wstar"], dtype=np.float64)
    pop = ReluGramPopulation(Ws, W.shape[0])
    g = np.empty_like(W)
    pop.evaluate(W, out=g, loss=False)
    result = g.tolist()
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < spec["seconds"]:
        pop.evaluate(W, out=g, loss=False)
        n += 1
    rate = n / (time.perf_counter() - start)
    print(json.dumps({"evalsPerSecond": rate, "gradient": result}))


if __name__ == "__main__":
    main()
