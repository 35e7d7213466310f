"""Polynomials: evaluation, term-by-term partial sums, real roots, least-squares fits and
clipping a sampled curve to a band.

Coefficients are in *increasing* powers (``c[0] + c[1] x + c[2] x² + …``), the convention of
:mod:`numpy.polynomial`. Pure numpy: the drawing primitives in
:mod:`mathviz.primitives.polynomial_fit` are built from these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.polynomial import Polynomial
from numpy.polynomial import polynomial as npoly
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Coefficients",
    "evaluate",
    "blend",
    "partial_sums",
    "real_roots",
    "jittered_grid",
    "noisy_samples",
    "PolynomialFit",
    "fit",
    "mean_squared_error",
    "sample_grid",
    "clip_to_band",
]

#: coefficients in increasing powers
Coefficients = NDArray[np.float64]


def _coefficients(coefficients: ArrayLike) -> Coefficients:
    c = np.asarray(coefficients, dtype=float).reshape(-1)
    if c.size == 0:
        raise ValueError("a polynomial needs at least one coefficient")
    return c


def evaluate(coefficients: ArrayLike, x: ArrayLike) -> NDArray[np.float64]:
    """``Σ cₖ xᵏ`` at ``x`` (Horner's rule), as an array shaped like ``x``."""
    c = _coefficients(coefficients)
    xs = np.asarray(x, dtype=float)
    value = np.zeros_like(xs)
    for ck in c[::-1]:
        value = value * xs + ck
    return value


def blend(old: ArrayLike, new: ArrayLike, s: float) -> Coefficients:
    """``(1 − s)·old + s·new``: the polynomial part way from ``old`` to ``new``.

    Shorter coefficient lists are padded with zeros, so a line blends into a cubic.
    """
    a, b = _coefficients(old), _coefficients(new)
    n = max(a.size, b.size)
    a = np.pad(a, (0, n - a.size))
    b = np.pad(b, (0, n - b.size))
    return (1.0 - s) * a + s * b


def partial_sums(coefficients: ArrayLike) -> list[Coefficients]:
    """The polynomial built term by term from its highest power down.

    For ``x³ − 6x² + 11x − 6`` (``[−6, 11, −6, 1]``): ``x³``, ``x³ − 6x²``,
    ``x³ − 6x² + 11x`` and the whole polynomial. Each entry has the full length, with the
    terms not yet added set to zero.
    """
    c = _coefficients(coefficients)
    sums = []
    for k in range(c.size - 1, -1, -1):
        partial = np.zeros_like(c)
        partial[k:] = c[k:]
        sums.append(partial)
    return sums


def real_roots(coefficients: ArrayLike, *, imaginary_tol: float = 1e-9) -> NDArray[np.float64]:
    """The polynomial's real roots, ascending (eigenvalues of its companion matrix).

    Roots whose imaginary part is below ``imaginary_tol`` (relative to their size) count
    as real.
    """
    c = np.trim_zeros(_coefficients(coefficients), "b")
    if c.size < 2:
        return np.zeros(0)
    roots = npoly.polyroots(c)
    real = roots[np.abs(roots.imag) <= imaginary_tol * np.maximum(1.0, np.abs(roots))]
    return np.sort(real.real)


def jittered_grid(
    n: int, lo: float, hi: float, jitter: float, rng: np.random.Generator
) -> NDArray[np.float64]:
    """``n`` points, one in the middle of each of ``n`` equal cells of ``[lo, hi]``, each
    moved by a uniform draw from ``[−jitter, jitter]`` times the cell width (ascending for
    ``jitter < 0.5``)."""
    if n < 1 or not hi > lo or not 0 <= jitter < 0.5:
        raise ValueError("need n ≥ 1, hi > lo and 0 ≤ jitter < 0.5")
    width = (hi - lo) / n
    centres = lo + width * (np.arange(n) + 0.5)
    return centres + width * rng.uniform(-jitter, jitter, n)


def noisy_samples(
    truth: Callable[[NDArray[np.float64]], NDArray[np.float64]],
    x: ArrayLike,
    sigma: float,
    rng: np.random.Generator,
) -> NDArray[np.float64]:
    """``truth(x)`` plus independent Gaussian noise of standard deviation ``sigma``."""
    xs = np.asarray(x, dtype=float)
    return np.asarray(truth(xs), dtype=float) + rng.normal(0.0, sigma, xs.shape)


def mean_squared_error(y: ArrayLike, y_hat: ArrayLike) -> float:
    """``mean((y − ŷ)²)``."""
    a, b = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("y and ŷ must be non-empty and the same shape")
    return float(np.mean((a - b) ** 2))


@dataclass(frozen=True)
class PolynomialFit:
    """A least-squares polynomial fitted to data.

    Attributes
    ----------
    x, y
        The training data, shape (n,).
    degree
        The polynomial's degree.
    coefficients
        In increasing powers of ``x`` (length ``degree + 1``).
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    degree: int
    coefficients: Coefficients

    def predict(self, x: ArrayLike) -> NDArray[np.float64]:
        """ŷ at ``x``."""
        return evaluate(self.coefficients, x)

    @property
    def residuals(self) -> NDArray[np.float64]:
        """``y − ŷ`` at the training points (positive: the point lies above the curve)."""
        return self.y - self.predict(self.x)

    @property
    def training_error(self) -> float:
        """Mean squared residual on the training points."""
        return mean_squared_error(self.y, self.predict(self.x))

    def error_on(self, x: ArrayLike, y: ArrayLike) -> float:
        """Mean squared error on other data (points the fit has not seen)."""
        return mean_squared_error(y, self.predict(x))


def fit(x: ArrayLike, y: ArrayLike, degree: int) -> PolynomialFit:
    """The least-squares polynomial of ``degree`` through ``(x, y)``.

    Fitted by :meth:`numpy.polynomial.Polynomial.fit`, which maps ``x`` to ``[−1, 1]`` first
    (well conditioned even at degree 9), then converted back to plain powers of ``x``. With
    ``degree + 1`` points it interpolates: every residual is zero up to round-off.

    Raises
    ------
    ValueError
        Fewer points than coefficients, or ``x`` and ``y`` of different lengths.
    """
    xs = np.asarray(x, dtype=float).reshape(-1)
    ys = np.asarray(y, dtype=float).reshape(-1)
    if xs.shape != ys.shape:
        raise ValueError("x and y differ in length")
    if degree < 0 or xs.size < degree + 1:
        raise ValueError(f"degree {degree} needs at least {degree + 1} points")
    series = Polynomial.fit(xs, ys, degree).convert()
    coefficients = np.zeros(degree + 1)
    coefficients[: series.coef.size] = series.coef
    return PolynomialFit(xs, ys, degree, coefficients)


def sample_grid(lo: float, hi: float, step: float, extra: Sequence[float] = ()) -> Coefficients:
    """``lo, lo + step, …, hi`` (each point ``lo + k·step``, no accumulated drift) with the
    ``extra`` points inside ``[lo, hi]`` merged in, ascending and without duplicates."""
    n = int(round((hi - lo) / step))
    grid = lo + step * np.arange(n + 1)
    grid[-1] = hi
    inside = [float(e) for e in extra if lo <= e <= hi]
    return np.unique(np.concatenate([grid, np.asarray(inside, dtype=float)]))


def clip_to_band(x: ArrayLike, y: ArrayLike, lo: float, hi: float) -> list[NDArray[np.float64]]:
    """The parts of the polyline ``(x, y)`` that lie inside ``lo ≤ y ≤ hi``.

    Returns a list of ``(m, 2)`` runs; where the polyline leaves or enters the band, the run
    ends or starts exactly on the band's edge (linear interpolation between the samples).
    """
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if xs.shape != ys.shape or xs.ndim != 1:
        raise ValueError("x and y must be 1-D and the same length")
    inside = (ys >= lo) & (ys <= hi)
    runs: list[NDArray[np.float64]] = []
    current: list[tuple[float, float]] = []

    def edge_point(i: int, j: int) -> tuple[float, float]:
        """Where the segment from sample ``i`` (inside) to ``j`` (outside) meets the band."""
        bound = hi if ys[j] > hi else lo
        t = (bound - ys[i]) / (ys[j] - ys[i])
        return float(xs[i] + t * (xs[j] - xs[i])), float(bound)

    for k in range(xs.size):
        if inside[k]:
            if not current and k > 0:
                current.append(edge_point(k, k - 1))
            current.append((float(xs[k]), float(ys[k])))
        elif current:
            current.append(edge_point(k - 1, k))
            runs.append(np.array(current))
            current = []
        elif k > 0 and not inside[k - 1] and (ys[k] - hi) * (ys[k - 1] - hi) < 0:
            # from below the band to above it (or back) between two samples: a steep pass
            a = _crossing(xs, ys, k - 1, k, lo)
            b = _crossing(xs, ys, k - 1, k, hi)
            runs.append(np.array(sorted([a, b])))
    if current:
        runs.append(np.array(current))
    return [r for r in runs if len(r) >= 2]


def _crossing(
    xs: NDArray[np.float64], ys: NDArray[np.float64], i: int, j: int, level: float
) -> tuple[float, float]:
    """Where the segment between samples ``i`` and ``j`` crosses ``y = level``."""
    t = (level - ys[i]) / (ys[j] - ys[i])
    return float(xs[i] + t * (xs[j] - xs[i])), float(level)
