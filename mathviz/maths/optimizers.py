"""First-order optimizers (SGD, momentum, Adam), the ridge path and norm-constrained least squares.

Every optimizer is a small frozen dataclass with a pure :meth:`step` that maps
``(state, gradient)`` to the next :class:`OptimizerState` and a :meth:`trace` that runs it from
a start point. The least-squares helpers solve the two constraint pictures of regularization
in two weights: the loss ``‖Xw − y‖²`` minimised inside an L1 diamond or an L2 disc.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import ArrayLike, NDArray

VectorField = Callable[[NDArray[np.float64]], NDArray[np.float64]]


def _vector(x: ArrayLike) -> NDArray[np.float64]:
    return np.atleast_1d(np.asarray(x, dtype=float)).copy()


@dataclass(frozen=True)
class OptimizerState:
    """Where an optimizer is and what it remembers.

    Attributes
    ----------
    x
        The current iterate.
    m
        First memory: the velocity of momentum, Adam's first-moment estimate (zeros for SGD).
    v
        Adam's second-moment estimate (zeros otherwise).
    t
        Steps taken so far.
    """

    x: NDArray[np.float64]
    m: NDArray[np.float64]
    v: NDArray[np.float64]
    t: int = 0

    @classmethod
    def start(cls, x0: ArrayLike) -> OptimizerState:
        """The state before the first step: at ``x0`` with empty memories."""
        x = _vector(x0)
        return cls(x, np.zeros_like(x), np.zeros_like(x), 0)


class _Optimizer(ABC):
    """Shared :meth:`trace` for the optimizers below (each defines ``step``)."""

    @abstractmethod
    def step(self, state: OptimizerState, gradient: ArrayLike) -> OptimizerState:
        """The state after one update with ``gradient``."""

    def trace(self, grad: VectorField, x0: ArrayLike, steps: int) -> NDArray[np.float64]:
        """The start and the next ``steps`` iterates, shape (steps + 1, dim).

        Parameters
        ----------
        grad
            ∇f, evaluated at each iterate.
        x0
            The start point.
        steps
            How many updates to take (non-negative).
        """
        if steps < 0:
            raise ValueError("steps must be non-negative")
        state = OptimizerState.start(x0)
        points = [state.x]
        for _ in range(steps):
            state = self.step(state, grad(state.x))
            points.append(state.x)
        return np.array(points)


def _check_rate(lr: float) -> None:
    if not lr > 0:
        raise ValueError(f"learning rate must be positive, got {lr}")


@dataclass(frozen=True)
class SGD(_Optimizer):
    """Plain (stochastic) gradient descent: ``x ← x − lr·g``."""

    lr: float

    def __post_init__(self) -> None:
        _check_rate(self.lr)

    def step(self, state: OptimizerState, gradient: ArrayLike) -> OptimizerState:
        g = _vector(gradient)
        return replace(state, x=state.x - self.lr * g, t=state.t + 1)


@dataclass(frozen=True)
class Momentum(_Optimizer):
    """Heavy-ball momentum: ``v ← β·v + g``, then ``x ← x − lr·v``."""

    lr: float
    beta: float = 0.9

    def __post_init__(self) -> None:
        _check_rate(self.lr)
        if not 0 <= self.beta < 1:
            raise ValueError(f"beta must lie in [0, 1), got {self.beta}")

    def step(self, state: OptimizerState, gradient: ArrayLike) -> OptimizerState:
        velocity = self.beta * state.m + _vector(gradient)
        return replace(state, x=state.x - self.lr * velocity, m=velocity, t=state.t + 1)


@dataclass(frozen=True)
class Adam(_Optimizer):
    """Adam: bias-corrected running means of g and g², step ``lr·m̂ / (√v̂ + ε)``.

    ``m ← β₁m + (1−β₁)g``, ``v ← β₂v + (1−β₂)g²``, ``m̂ = m/(1−β₁ᵗ)``, ``v̂ = v/(1−β₂ᵗ)``,
    ``x ← x − lr·m̂/(√v̂ + ε)``.
    """

    lr: float
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8

    def __post_init__(self) -> None:
        _check_rate(self.lr)
        for name in ("beta1", "beta2"):
            if not 0 <= getattr(self, name) < 1:
                raise ValueError(f"{name} must lie in [0, 1), got {getattr(self, name)}")

    def step(self, state: OptimizerState, gradient: ArrayLike) -> OptimizerState:
        g = _vector(gradient)
        t = state.t + 1
        m = self.beta1 * state.m + (1 - self.beta1) * g
        v = self.beta2 * state.v + (1 - self.beta2) * g * g
        m_hat = m / (1 - self.beta1**t)
        v_hat = v / (1 - self.beta2**t)
        x = state.x - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return OptimizerState(x, m, v, t)


# --- ridge regression ------------------------------------------------------------------------
def _design(X: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    Xa = np.asarray(X, dtype=float)
    ya = np.asarray(y, dtype=float).reshape(-1)
    if Xa.ndim != 2 or Xa.shape[0] != ya.size:
        raise ValueError(f"X must have shape (n, d) with n = len(y); got {Xa.shape}, {ya.shape}")
    return Xa, ya


def ridge_path(X: ArrayLike, y: ArrayLike, lambdas: ArrayLike) -> NDArray[np.float64]:
    """Ridge weights ``w(λ) = (XᵀX + λI)⁻¹Xᵀy`` for each λ, shape (len(lambdas), d).

    Computed through the SVD ``X = U S Vᵀ``: ``w(λ) = V diag(s / (s² + λ)) Uᵀy``, so each
    singular direction is shrunk by ``s² / (s² + λ)``.

    Raises
    ------
    ValueError
        For a negative λ, or λ = 0 when ``XᵀX`` is singular (no unique least-squares fit).
    """
    Xa, ya = _design(X, y)
    lams = np.atleast_1d(np.asarray(lambdas, dtype=float))
    if np.any(lams < 0):
        raise ValueError("lambda must be non-negative")
    u, s, vt = np.linalg.svd(Xa, full_matrices=False)
    d = Xa.shape[1]
    s_full = np.zeros(d)
    s_full[: s.size] = s
    tiny = np.finfo(float).eps * max(Xa.shape) * (s.max() if s.size else 1.0)
    if np.any(lams == 0) and (s.size < d or np.any(s_full <= tiny)):
        raise ValueError("XᵀX is singular: lambda = 0 has no unique solution")
    uty = u.T @ ya
    out = []
    for lam in lams:
        shrink = s / (s * s + lam)
        out.append(vt[: s.size].T @ (shrink * uty))
    return np.array(out)


def least_squares_loss(
    X: ArrayLike, y: ArrayLike
) -> Callable[[ArrayLike], float | NDArray[np.float64]]:
    """``L(w) = ‖Xw − y‖²`` for two weights; also evaluates element-wise on a stacked grid
    of shape (2, ...) (what :func:`mathviz.maths.descent.contour_lines` passes)."""
    Xa, ya = _design(X, y)
    A, b, c = Xa.T @ Xa, Xa.T @ ya, float(ya @ ya)

    def loss(w: ArrayLike) -> float | NDArray[np.float64]:
        wa = np.asarray(w, dtype=float)
        w1, w2 = wa[0], wa[1]
        value = (
            A[0, 0] * w1 * w1
            + 2 * A[0, 1] * w1 * w2
            + A[1, 1] * w2 * w2
            - 2 * (b[0] * w1 + b[1] * w2)
            + c
        )
        return float(value) if np.ndim(value) == 0 else np.asarray(value, dtype=np.float64)

    return loss


@dataclass(frozen=True)
class ConstrainedFit:
    """The least-squares optimum inside a norm ball.

    Attributes
    ----------
    w
        The constrained optimum.
    loss
        ``‖Xw − y‖²`` there: the level of the smallest contour that touches the ball.
    multiplier
        The Lagrange multiplier λ (for L2 the ridge λ with ``w = w_ridge(λ)``); 0 when the
        unconstrained optimum already lies inside the ball.
    """

    w: NDArray[np.float64]
    loss: float
    multiplier: float = field(default=0.0)


def _check_budget(X: NDArray[np.float64], budget: float) -> None:
    if X.shape[1] != 2:
        raise ValueError("the constraint pictures are for exactly two weights")
    if not budget > 0:
        raise ValueError(f"the norm budget must be positive, got {budget}")


def l2_constrained_least_squares(X: ArrayLike, y: ArrayLike, radius: float) -> ConstrainedFit:
    """``argmin ‖Xw − y‖²`` subject to ``‖w‖₂ ≤ radius`` (two weights).

    On the circle the Lagrange condition ``XᵀXw − Xᵀy + λw = 0`` is the ridge equation, so the
    optimum is ``w_ridge(λ)`` for the λ ≥ 0 with ``‖w_ridge(λ)‖ = radius``; ``‖w_ridge(λ)‖``
    falls monotonically in λ, and λ is found by bisection on a log scale.
    """
    Xa, ya = _design(X, y)
    _check_budget(Xa, radius)
    loss = least_squares_loss(Xa, ya)
    free = np.asarray(np.linalg.lstsq(Xa, ya, rcond=None)[0], dtype=np.float64)
    if np.linalg.norm(free) <= radius:
        return ConstrainedFit(free, float(loss(free)), 0.0)

    def norm_at(lam: float) -> float:
        return float(np.linalg.norm(ridge_path(Xa, ya, [lam])[0]))

    lo, hi = 0.0, 1.0
    while norm_at(hi) > radius:
        lo, hi = hi, hi * 2
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if norm_at(mid) > radius:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-15 * max(hi, 1.0):
            break
    lam = 0.5 * (lo + hi)
    w = ridge_path(Xa, ya, [lam])[0]
    return ConstrainedFit(w, float(loss(w)), lam)


def l1_constrained_least_squares(X: ArrayLike, y: ArrayLike, budget: float) -> ConstrainedFit:
    """``argmin ‖Xw − y‖²`` subject to ``|w₁| + |w₂| ≤ budget`` (two weights), in closed form.

    The optimum is the unconstrained one if it lies inside the diamond; otherwise it lies on
    the boundary, so it is the best of the four corners and the minimisers of the (1-D
    quadratic) loss along each of the four edges, clipped to the edge.
    """
    Xa, ya = _design(X, y)
    _check_budget(Xa, budget)
    loss = least_squares_loss(Xa, ya)
    A, b = Xa.T @ Xa, Xa.T @ ya
    free = np.asarray(np.linalg.lstsq(Xa, ya, rcond=None)[0], dtype=np.float64)
    if np.abs(free).sum() <= budget:
        return ConstrainedFit(free, float(loss(free)), 0.0)
    corners = [np.array(p, dtype=float) * budget for p in ((1, 0), (0, 1), (-1, 0), (0, -1))]
    candidates = list(corners)
    for p, q in zip(corners, corners[1:] + corners[:1], strict=True):
        d = q - p  # w(s) = p + s d, s in [0, 1]; L'(s) = 2 dᵀ(A(p + s d) − b)
        curvature = float(d @ A @ d)
        if curvature > 0:
            s = float(np.clip(d @ (b - A @ p) / curvature, 0.0, 1.0))
            candidates.append(p + s * d)
    best = min(candidates, key=loss)
    best = np.where(np.abs(best) < 1e-15 * budget, 0.0, best)
    # multiplier from stationarity on the active coordinates: 2(Aw − b) = −λ sign(w)
    active = np.flatnonzero(best != 0)
    g = 2 * (A @ best - b)
    lam = float(np.mean(-g[active] * np.sign(best[active]))) if active.size else 0.0
    return ConstrainedFit(best, float(loss(best)), lam)


__all__ = [
    "OptimizerState",
    "SGD",
    "Momentum",
    "Adam",
    "ridge_path",
    "least_squares_loss",
    "ConstrainedFit",
    "l2_constrained_least_squares",
    "l1_constrained_least_squares",
]
