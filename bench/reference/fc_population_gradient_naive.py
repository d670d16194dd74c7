"""The former baseline of bench/fc.bench.ts, kept only to check fc_population_gradient.py (the BLAS Gram
version) against: the population gradient of Tian (2017) in the vectorised NumPy style of the author's
utils.compute_term (columns are units, W is d x K), which forms d x K x K temporaries. Same contract:
reads {"W": K x d, "Wstar": K x d, "seconds": t} on stdin; prints {"evalsPerSecond": ...,
"gradient": K x d} where gradient = dJ/dW (not -dJ/dW)."""
import json
import sys
import time

import numpy as np


def compute_term(Wref, V):
    """sum_k (1/2pi)[(pi - theta_jk) v_k + |v_k| sin(theta_jk) e_j], column j."""
    nref = np.linalg.norm(Wref, axis=0)
    nv = np.linalg.norm(V, axis=0)
    cos = np.clip((Wref.T @ V) / nref[:, None] / nv[None, :], -1, 1)
    theta = np.arccos(cos)
    alpha = nv[None, :] / nref[:, None]
    term = (np.pi - theta)[None] * V[:, None, :] + (alpha * np.sin(theta))[None] * Wref[:, :, None]
    return term.sum(axis=2) / (2 * np.pi)


def gradient(W, Wstar):
    return -(compute_term(W, Wstar) - compute_term(W, W))


def main():
    spec = json.load(sys.stdin)
    W = np.array(spec["W"], dtype=np.float64).T
    Ws = np.array(spec["Wstar"], dtype=np.float64).T
    g = gradient(W, Ws)
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < spec["seconds"]:
        gradient(W, Ws)
        n += 1
    rate = n / (time.perf_counter() - start)
    print(json.dumps({"evalsPerSecond": rate, "gradient": g.T.tolist()}))


if __name__ == "__main__":
    main()
