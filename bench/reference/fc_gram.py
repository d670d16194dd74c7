"""The population loss and gradient of the two-layer ReLU network ("fc" model) through Gram matrices, in
NumPy: the strong baseline shared by fc_population_gradient.py (bench/fc.bench.ts) and fc_protocol.py.

    g(x) = sum_j a_j relu(w_j . x),  x ~ N(0, I_d),  J = 1/2 E[(g - g*)^2],  here a = a* = 1.

With V = [W; W*] ((K + K*) x d), one matrix product gives every inner product the formulas need:

    G = W V^T                      K x (K + K*); the norms are the square roots of its diagonal (and the
                                   teacher's, computed once)
    cos = clip(G / (|w_j||v_k|), -1, 1),  theta = arccos(cos),  sin = sqrt((1 - cos)(1 + cos))
    J   = 1/(2 pi) sum_jk s_k (|w_j||v_k| sin_jk + (pi - theta_jk) G_jk) + 1/2 J**
          (s_k = 1/2 for student columns, -1 for teacher columns; J** the teacher-teacher term)
    dJ/dW = M V + diag(D) W       (one product: D is added to the diagonal of M's student block)
                                  M_jk = s'_k (pi - theta_jk)/(2 pi),
                                  D_j  = sum_k s'_k |v_k| sin_jk / (2 pi |w_j|)
          (s'_k = +1 for student columns, -1 for teacher columns)

so one evaluation is two BLAS products (G, then M V) and elementwise operations on K x (K + K*) arrays,
all into preallocated buffers; nothing loops over units in Python and no d x K x K array is formed.

Accuracy. The diagonal of the student block is set to cos = 1 exactly (theta = 0, sin = 0), so a unit's
pair with itself gives w_j/2. sin theta comes from the clipped cosine as sqrt((1 - c)(1 + c)): (1 - c) is
exact for c near 1, so sin and theta = arccos(c) are consistent functions of the same c, and the terms
-theta v + sin theta |v| u/|u| (whose first order in theta cancels) stay accurate near alignment. This is
the cheap baseline choice: it does not recompute sin theta = |u/|u| - cos theta v/|v|| from the rows for
near-aligned pairs as minima does, so theta itself is only accurate to ~1e-16/theta absolute for
theta -> 0 or pi (cos is rounded), which moves J and the gradient by O(1e-16) here.
Zero rows (the model's singular point) are not handled: a zero student row gives NaN.
"""

import numpy as np

TWO_PI = 2.0 * np.pi


class ReluGramPopulation:
    """J and dJ/dW for K students against the teacher rows Wstar (K* x d), unit top weights on both sides.
    Holds the teacher's norms, its self term and the scratch arrays, so evaluations allocate only their
    gradient output (or nothing, given `out`)."""

    def __init__(self, Wstar, K):
        Wstar = np.ascontiguousarray(Wstar, dtype=np.float64)
        Ks, d = Wstar.shape
        n = K + Ks
        self.K, self.Ks, self.d = K, Ks, d
        self.V = np.empty((n, d))
        self.V[K:] = Wstar
        self.norms = np.empty(n)
        self.norms[K:] = np.linalg.norm(Wstar, axis=1)
        self.G = np.empty((K, n))
        self.NN = np.empty((K, n))  # |w_j| |v_k|
        self.C = np.empty((K, n))  # cos, then pi - theta
        self.S = np.empty((K, n))  # sin
        self.T = np.empty((K, n))  # scratch: 1 + cos, then J's summands
        self.M = np.empty((K, n))
        self.diag = np.arange(K)
        # Column signs: +1 student, -1 teacher (gradient); 1/2 and -1 (loss).
        self.sign_grad = np.concatenate([np.ones(K), -np.ones(Ks)]) / TWO_PI
        self.sign_loss = np.concatenate([np.full(K, 0.5), -np.ones(Ks)]) / TWO_PI
        self.signed_norms = np.empty(n)
        self.teacher_self = self._teacher_self_term(Wstar)

    @staticmethod
    def _teacher_self_term(Wstar):
        """sum_jk k(w*_j, w*_k), by the same formulas (computed once)."""
        G = Wstar @ Wstar.T
        nrm = np.sqrt(np.diagonal(G))
        NN = np.outer(nrm, nrm)
        c = np.clip(G / NN, -1.0, 1.0)
        np.fill_diagonal(c, 1.0)
        s = np.sqrt((1.0 - c) * (1.0 + c))
        return float(np.sum(NN * s + (np.pi - np.arccos(c)) * G) / TWO_PI)

    def evaluate(self, W, out=None, loss=True):
        """Returns (J or None, dJ/dW or None). W is K x d; `out` (K x d) receives the gradient if given;
        out=False skips the gradient."""
        K = self.K
        V, G, NN, C, S, T = self.V, self.G, self.NN, self.C, self.S, self.T
        V[:K] = W
        W = V[:K]
        np.matmul(W, V.T, out=G)
        nrm = self.norms
        np.sqrt(np.diagonal(G), out=nrm[:K])
        np.multiply(nrm[:K, None], nrm[None, :], out=NN)
        np.divide(G, NN, out=C)
        np.clip(C, -1.0, 1.0, out=C)
        C[self.diag, self.diag] = 1.0
        np.add(1.0, C, out=T)
        np.subtract(1.0, C, out=S)
        S *= T
        np.sqrt(S, out=S)
        np.arccos(C, out=C)
        np.subtract(np.pi, C, out=C)  # C is now pi - theta
        J = None
        if loss:
            np.multiply(C, G, out=T)
            NN *= S
            T += NN
            J = max(0.0, float(T.sum(axis=0) @ self.sign_loss) + 0.5 * self.teacher_self)
        if out is False:
            return J, None
        M = self.M
        np.multiply(C, self.sign_grad, out=M)
        # The u/|u| part, D_j w_j, rides on the diagonal of M's student block: one product gives all.
        np.multiply(nrm, self.sign_grad, out=self.signed_norms)
        D = S @ self.signed_norms
        D /= nrm[:K]
        M[self.diag, self.diag] += D
        return J, np.matmul(M, V, out=out)
