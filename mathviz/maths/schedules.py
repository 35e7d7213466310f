"""Training-loop maths: fixed-rate 1-D descent, learning-rate schedules, gradient clipping
and the second-derivative test.

Pure numpy; nothing here draws. The 1-D descent reuses :func:`mathviz.maths.descent.gradient_descent`
on ``f(x) = c/2 · x²`` so its traces plug straight into
:class:`~mathviz.primitives.descent.GradientDescentPath`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.descent import DescentTrace, gradient_descent

__all__ = [
    "step_multiplier",
    "parabola_descent",
    "regime",
    "WarmupCosine",
    "clip_by_norm",
    "CriticalPoint",
    "classify_critical_point",
    "condition_number",
]


# --- fixed learning rate on a parabola ------------------------------------------------------------
def step_multiplier(learning_rate: float, curvature: float = 2.0) -> float:
    """Factor one step of ``x ← x − lr · f'(x)`` multiplies x by on ``f = curvature/2 · x²``.

    For ``f = x²`` (curvature 2) this is ``1 − 2 lr``; ``|multiplier| > 1`` diverges.
    """
    return 1.0 - learning_rate * curvature


def parabola_descent(
    start: float, learning_rate: float, steps: int, curvature: float = 2.0
) -> DescentTrace:
    """Gradient descent with a fixed learning rate on ``f(x) = curvature/2 · x²``.

    Parameters
    ----------
    start
        The first iterate ``x₀``.
    learning_rate
        Step size (any real; too large a value diverges, which is the point of showing it).
    steps
        Number of updates; must be non-negative.
    curvature
        ``f''``; the default 2 is the course's loss ``f = x²``.

    Returns
    -------
    DescentTrace
        Points of shape ``(steps + 1, 1)`` and the loss at each.
    """
    if curvature <= 0:
        raise ValueError("curvature must be positive (a bowl, not a hill)")

    def f(x: NDArray[np.float64]) -> float:
        return float(0.5 * curvature * np.asarray(x, dtype=float).reshape(-1)[0] ** 2)

    def grad(x: NDArray[np.float64]) -> NDArray[np.float64]:
        return curvature * np.atleast_1d(np.asarray(x, dtype=float))

    return gradient_descent(f, grad, [float(start)], learning_rate, steps)


def regime(learning_rate: float, curvature: float = 2.0) -> str:
    """``"converging"``, ``"oscillating"`` (|multiplier| = 1) or ``"diverging"``."""
    m = abs(step_multiplier(learning_rate, curvature))
    if np.isclose(m, 1.0):
        return "oscillating"
    return "converging" if m < 1.0 else "diverging"


# --- learning-rate schedules --------------------------------------------------------------------
@dataclass(frozen=True)
class WarmupCosine:
    """Linear warm-up from 0 to ``peak`` over ``warmup_steps``, then a half cosine down to
    ``floor`` at ``total_steps`` (held there afterwards).

    ``lr(s) = peak · s / warmup`` for ``s < warmup``, else
    ``floor + (peak − floor) · (1 + cos(π (s − warmup) / (total − warmup))) / 2``.
    """

    peak: float
    warmup_steps: int
    total_steps: int
    floor: float = 0.0

    def __post_init__(self) -> None:
        if self.peak <= 0:
            raise ValueError("peak learning rate must be positive")
        if not 0 <= self.floor <= self.peak:
            raise ValueError("floor must lie in [0, peak]")
        if not 0 <= self.warmup_steps < self.total_steps:
            raise ValueError("need 0 <= warmup_steps < total_steps")

    @overload
    def __call__(self, step: float) -> float: ...
    @overload
    def __call__(self, step: ArrayLike) -> float | NDArray[np.float64]: ...
    def __call__(self, step: ArrayLike) -> float | NDArray[np.float64]:
        """The learning rate at ``step`` (scalar or array; steps may be fractional)."""
        s = np.asarray(step, dtype=float)
        if np.any(s < 0):
            raise ValueError("steps are non-negative")
        warm = (
            self.peak * s / self.warmup_steps if self.warmup_steps else np.full_like(s, self.peak)
        )
        progress = np.clip(
            (s - self.warmup_steps) / (self.total_steps - self.warmup_steps), 0.0, 1.0
        )
        cosine = self.floor + (self.peak - self.floor) * 0.5 * (1.0 + np.cos(np.pi * progress))
        lr = np.where(s < self.warmup_steps, warm, cosine)
        return float(lr) if lr.ndim == 0 else lr


# --- gradient clipping ------------------------------------------------------------------------------
def clip_by_norm(gradient: ArrayLike, max_norm: float) -> NDArray[np.float64]:
    """``g · max_norm / ‖g‖`` if ``‖g‖ > max_norm``, else ``g`` unchanged (a copy).

    Raises
    ------
    ValueError
        If ``max_norm`` is not positive.
    """
    if max_norm <= 0:
        raise ValueError("max_norm must be positive")
    g = np.asarray(gradient, dtype=float).copy()
    norm = float(np.linalg.norm(g))
    return g * (max_norm / norm) if norm > max_norm else g


# --- the second-derivative test ---------------------------------------------------------------------
@dataclass(frozen=True)
class CriticalPoint:
    """What the Hessian says about a critical point.

    Attributes
    ----------
    eigenvalues
        Ascending eigenvalues of the (symmetric) Hessian.
    signs
        Their signs, −1, 0 or +1.
    kind
        ``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"inconclusive"`` (a zero eigenvalue).
    """

    eigenvalues: NDArray[np.float64]
    signs: tuple[int, ...]
    kind: str


def classify_critical_point(hessian: ArrayLike, tol: float = 1e-12) -> CriticalPoint:
    """Second-derivative test from the signs of the Hessian's eigenvalues.

    Raises
    ------
    ValueError
        If the matrix is not square or not symmetric.
    """
    h = np.asarray(hessian, dtype=float)
    if h.ndim != 2 or h.shape[0] != h.shape[1]:
        raise ValueError("the Hessian must be a square matrix")
    if not np.allclose(h, h.T):
        raise ValueError("the Hessian must be symmetric")
    eig = np.linalg.eigvalsh(h)
    signs = tuple(0 if abs(v) <= tol else int(np.sign(v)) for v in eig)
    if 0 in signs:
        kind = "inconclusive"
    elif all(s > 0 for s in signs):
        kind = "minimum"
    elif all(s < 0 for s in signs):
        kind = "maximum"
    else:
        kind = "saddle"
    return CriticalPoint(eig, signs, kind)


def condition_number(hessian: ArrayLike) -> float:
    """``λ_max / λ_min`` of a symmetric positive-definite Hessian (how stretched the valley is)."""
    point = classify_critical_point(hessian)
    if point.kind != "minimum":
        raise ValueError("the condition number of a valley needs a positive-definite Hessian")
    return float(point.eigenvalues[-1] / point.eigenvalues[0])
