"""Batched NumPy baseline for population WN-GD (Algorithm 1) on the Du et al. (2018) CNN.

Reads {"k","p","steps","eta","wstar","astar","v0":[[...]],"a0":[[...]]} from the JSON file given as the
first argument, runs `steps` simultaneous steps of weight-normalised GD on all trials at once (one
NumPy array row per trial, the same closed-form Theorem 3.2 gradients as src/train/cnn-full.ts), and
prints {"seconds": ..., "trialSteps": ..., "phi": [...], "aDotAstar": [...]} as JSON (the fastest of the
number of repeats given as the second argument, default 1). Run it with
OMP/OPENBLAS/MKL_NUM_THREADS=1 for a one-core measurement.
"""
import json
import sys
import time

import numpy as np


def run(spec):
    eta = float(spec["eta"])
    steps = int(spec["steps"])
    wstar = np.asarray(spec["wstar"], dtype=np.float64)
    astar = np.asarray(spec["astar"], dtype=np.float64)
    v = np.asarray(spec["v0"], dtype=np.float64)
    a = np.asarray(spec["a0"], dtype=np.float64)
    S = astar.sum()
    two_pi = 2 * np.pi
    start = time.perf_counter()
    for _ in range(steps):
        r = np.sqrt(np.einsum("ij,ij->i", v, v))
        rho = np.clip((v @ wstar) / r, -1.0, 1.0)
        q = wstar[None, :] - (rho / r)[:, None] * v
        sin_phi = np.sqrt(np.einsum("ij,ij->i", q, q))
        phi = np.arctan2(sin_phi, rho)
        g = (np.pi - phi) * rho + sin_phi
        s = a @ astar
        one_a = a.sum(axis=1)
        gv = (-(np.pi - phi) * s / (two_pi * r))[:, None] * q
        ga = ((np.pi - 1) * (a - astar[None, :]) + (one_a - S)[:, None] + (np.pi - g)[:, None] * astar[None, :]) / two_pi
        v -= eta * gv
        a -= eta * ga
    seconds = time.perf_counter() - start
    r = np.sqrt(np.einsum("ij,ij->i", v, v))
    rho = np.clip((v @ wstar) / r, -1.0, 1.0)
    q = wstar[None, :] - (rho / r)[:, None] * v
    phi = np.arctan2(np.sqrt(np.einsum("ij,ij->i", q, q)), rho)
    return {
        "seconds": seconds,
        "trialSteps": steps * v.shape[0],
        "phi": phi.tolist(),
        "aDotAstar": (a @ astar).tolist(),
    }


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    # Best of `repeats` runs from the same starts (the machine may be shared).
    results = [run(spec) for _ in range(repeats)]
    print(json.dumps(min(results, key=lambda r: r["seconds"])))
