"""The Safran & Shamir (2018) protocol in NumPy: the baseline for trials per second of the fc model.

Teacher W* = I_k (units e_1 ... e_k, d = k), student n units, all top weights 1 and fixed. From each given
start W (n x d; the protocol draws its entries i.i.d. N(0, 1/d), the caller does, so both sides run the same
starts): full-batch gradient descent W <- W - eta dJ/dW on the exact population loss J (fc_gram.py: per
step the two BLAS products G = W [W; W*]^T and M [W; W*] and elementwise operations on n x (n + k) arrays,
nothing per unit in Python). If some unit's gradient norm exceeds 1e4 (or is not finite), the run
restarts from the same start with half the step. A run stops when max_j |dJ/dw_j| < gradTol (default
1e-9/(2 pi)) or after maxSteps steps; it is "global" when its final J < 1e-3.

stdin:  {"starts": [n x d matrices], "eta": 0.1, "gradTol": ..., "maxSteps": ...}
stdout: {"seconds": wall time of all runs, "runs": [{"steps", "loss", "gradMax", "W": n x d, "halvings"}]}
where steps counts the updates of the last attempt (the one reported), gradMax = max_j |dJ/dw_j| at the
final W, and loss = J there.

One BLAS thread unless OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS) says otherwise, as in
fc_population_gradient.py.
"""
import json
import math
import os
import sys
import time

if "OMP_NUM_THREADS" not in os.environ:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the thread setting)
from fc_gram import ReluGramPopulation  # noqa: E402

EXPLODE = 1e4
MAX_HALVINGS = 60


def descend(pop, start, eta, grad_tol, max_steps):
    """One run from `start`: returns (W, steps, gradMax, halvings)."""
    g = np.empty_like(start)
    sq = np.empty(start.shape[0])
    explode_sq, tol_sq = EXPLODE * EXPLODE, grad_tol * grad_tol
    for halvings in range(MAX_HALVINGS + 1):
        step_size = eta / 2**halvings
        W = start.copy()
        steps = 0
        while True:
            pop.evaluate(W, out=g, loss=False)
            np.einsum("ij,ij->i", g, g, out=sq)
            worst = sq.max()
            if not worst <= explode_sq:  # also NaN
                break
            if worst < tol_sq or steps == max_steps:
                return W, steps, math.sqrt(worst), halvings
            g *= step_size
            W -= g
            steps += 1
    return W, steps, math.sqrt(worst), halvings


def main():
    spec = json.load(sys.stdin)
    starts = [np.array(s, dtype=np.float64) for s in spec["starts"]]
    eta = float(spec.get("eta", 0.1))
    grad_tol = float(spec.get("gradTol", 1e-9 / (2 * np.pi)))
    max_steps = int(spec.get("maxSteps", 100000))
    pops = {}
    runs = []
    t0 = time.perf_counter()
    for start in starts:
        n, d = start.shape
        if (n, d) not in pops:
            pops[(n, d)] = ReluGramPopulation(np.eye(d), n)
        pop = pops[(n, d)]
        W, steps, grad_max, halvings = descend(pop, start, eta, grad_tol, max_steps)
        loss, _ = pop.evaluate(W, out=False)
        runs.append({"steps": steps, "loss": loss, "gradMax": grad_max, "W": W, "halvings": halvings})
    seconds = time.perf_counter() - t0
    for r in runs:
        r["W"] = r["W"].tolist()
    print(json.dumps({"seconds": seconds, "runs": runs}))


if __name__ == "__main__":
    main()
