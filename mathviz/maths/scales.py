"""Scales: where a value sits on an axis that is linear, logarithmic or a blend of the two;
and the two everyday ways of putting a column of data on one scale.

A :class:`BlendedScale` maps a value to a *fraction* of an axis's length (0 at its left end,
1 at its right end). Its linear part is ``(v − a) / (b − a)`` over a linear domain ``[a, b]``;
its logarithmic part is ``(log₁₀ v − log₁₀ c) / (log₁₀ d − log₁₀ c)`` over a log domain
``[c, d]``. The blend ``(1 − s)·linear + s·log`` for ``s ∈ [0, 1]`` is the axis halfway
through a morph: ``s = 0`` is the plain linear axis, ``s = 1`` the plain log axis. Both parts
increase with ``v``, so every blend does too: values never change their order while the axis
morphs, and the blend can be inverted (:meth:`BlendedScale.value_at`) to read a drawn point
back as a value. On the log axis each decade ``[10ᵏ, 10ᵏ⁺¹]`` has the same width: equal
ratios are equal distances.

Normalisation shifts a column of values and then scales it: min–max by the column's minimum
and range (every value lands in ``[0, 1]``), the z-score by its mean and standard deviation
(mean 0, standard deviation 1). :class:`ShiftScale` is that one move with its two constants,
and says where the values are at any moment of it (:meth:`ShiftScale.partway`).

Pure: numpy only, no drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "BlendedScale",
    "ShiftScale",
    "decades",
    "linear_ticks",
    "minor_log_ticks",
    "min_max",
    "min_max_constants",
    "z_scores",
    "z_constants",
    "population_std",
]

Floats = NDArray[np.float64]

#: bisection steps of :meth:`BlendedScale.value_at` (each halves an interval of exponents)
_BISECTION_STEPS = 200


def _blend(s: float) -> float:
    s = float(s)
    if not 0.0 <= s <= 1.0:
        raise ValueError(f"the blend s must lie in [0, 1], not {s!r}")
    return s


@dataclass(frozen=True)
class BlendedScale:
    """An axis between a linear domain and a logarithmic one.

    Parameters
    ----------
    linear
        ``(a, b)``: the values at the axis's two ends when it is linear (``a < b``).
    log
        ``(c, d)``: the values at its two ends when it is logarithmic (``0 < c < d``).

    Examples
    --------
    >>> scale = BlendedScale((0.0, 1.0), (1e-5, 1.0))
    >>> [round(float(f), 3) for f in scale.fraction([1e-3, 1e-1], 0.0)]
    [0.001, 0.1]
    >>> [round(float(f), 3) for f in scale.fraction([1e-3, 1e-1], 1.0)]
    [0.4, 0.8]
    """

    linear: tuple[float, float] = (0.0, 1.0)
    log: tuple[float, float] = (1e-5, 1.0)

    def __post_init__(self) -> None:
        a, b = self.linear
        c, d = self.log
        if not a < b:
            raise ValueError(f"the linear domain needs a < b, not {self.linear!r}")
        if not 0 < c < d:
            raise ValueError(f"the log domain needs 0 < c < d, not {self.log!r}")

    def linear_fraction(self, values: ArrayLike) -> Floats:
        """Where ``values`` sit on the linear axis, as fractions of its length."""
        a, b = self.linear
        v = np.asarray(values, dtype=np.float64)
        return np.asarray((v - a) / (b - a), dtype=np.float64)

    def log_fraction(self, values: ArrayLike) -> Floats:
        """Where ``values`` (all positive) sit on the log axis, as fractions of its length."""
        v = np.asarray(values, dtype=np.float64)
        if np.any(v <= 0):
            raise ValueError("a log axis has no place for zero or negative values")
        lo, hi = (math.log10(x) for x in self.log)
        return np.asarray((np.log10(v) - lo) / (hi - lo), dtype=np.float64)

    def fraction(self, values: ArrayLike, s: float) -> Floats:
        """Where ``values`` sit on the axis blended ``s`` of the way from linear to log.

        At ``s = 0`` any value has a place; for ``s > 0`` values must be positive.
        """
        s = _blend(s)
        if s == 0.0:
            return self.linear_fraction(values)
        if s == 1.0:
            return self.log_fraction(values)
        blended = (1.0 - s) * self.linear_fraction(values) + s * self.log_fraction(values)
        return np.asarray(blended, dtype=np.float64)

    def value_at(self, fractions: ArrayLike, s: float) -> Floats:
        """The values drawn at ``fractions`` of the axis blended by ``s``: the inverse of
        :meth:`fraction` (closed form at ``s = 0`` and ``s = 1``, bisection on the exponent
        in between, where the blend has no closed-form inverse)."""
        s = _blend(s)
        f = np.asarray(fractions, dtype=np.float64)
        a, b = self.linear
        lo, hi = (math.log10(x) for x in self.log)
        if s == 0.0:
            return np.asarray(a + f * (b - a), dtype=np.float64)
        if s == 1.0:
            return np.asarray(10.0 ** (lo + f * (hi - lo)), dtype=np.float64)
        # the blend increases with the exponent u = log10(v) and runs from −∞ (u → −∞: the
        # log part) to +∞, so each fraction has exactly one exponent; bracket it, then halve
        low = np.full(f.shape, lo - 1.0)
        high = np.full(f.shape, hi + 1.0)
        while np.any(self.fraction(10.0**low, s) > f):
            low = np.where(self.fraction(10.0**low, s) > f, 2 * low - hi, low)
        while np.any(self.fraction(10.0**high, s) < f):
            high = np.where(self.fraction(10.0**high, s) < f, 2 * high - lo, high)
        for _ in range(_BISECTION_STEPS):
            mid = 0.5 * (low + high)
            above = self.fraction(10.0**mid, s) > f
            high = np.where(above, mid, high)
            low = np.where(above, low, mid)
            if np.all(high - low <= 1e-15 * np.maximum(1.0, np.abs(mid))):
                break
        return np.asarray(10.0 ** (0.5 * (low + high)), dtype=np.float64)

    def decade_width(self) -> float:
        """The share of the log axis one decade (a factor of ten) takes."""
        lo, hi = (math.log10(x) for x in self.log)
        return 1.0 / (hi - lo)


def decades(low: float, high: float) -> tuple[float, ...]:
    """The powers of ten from ``low`` to ``high`` (both powers of ten), ascending.

    >>> decades(1e-3, 1.0)
    (0.001, 0.01, 0.1, 1.0)
    """
    first, last = round(math.log10(low)), round(math.log10(high))
    if not math.isclose(10.0**first, low) or not math.isclose(10.0**last, high):
        raise ValueError(f"{low!r} and {high!r} must be powers of ten")
    if first > last:
        raise ValueError("low must not exceed high")
    return tuple(float(10.0**k) for k in range(first, last + 1))


def minor_log_ticks(low: float, high: float) -> tuple[float, ...]:
    """The minor ticks of a log axis between two powers of ten: 2, 3, …, 9 times each
    decade's start (8 per decade), ascending."""
    starts = decades(low, high)[:-1]
    return tuple(float(m * start) for start in starts for m in range(2, 10))


def linear_ticks(low: float, high: float, step: float) -> tuple[float, ...]:
    """Evenly spaced ticks ``low, low + step, …, high``, each rounded to 12 decimals so
    that ``0.1 + 0.2`` is the tick 0.3 (a whole number of steps must span the range)."""
    count = (high - low) / step
    n = round(count)
    if step <= 0 or not math.isclose(count, n, abs_tol=1e-9):
        raise ValueError(f"{step!r} does not divide [{low!r}, {high!r}] into whole steps")
    return tuple(round(low + i * step, 12) for i in range(n + 1))


# --- normalisation --------------------------------------------------------------------------
@dataclass(frozen=True)
class ShiftScale:
    """The move both normalisations make: subtract ``shift``, then divide by ``scale``.

    Attributes
    ----------
    shift
        What is subtracted first (the minimum, or the mean).
    scale
        What the shifted values are then divided by (the range, or the standard deviation).
    """

    shift: float
    scale: float

    def __post_init__(self) -> None:
        if not self.scale > 0:
            raise ValueError(f"the scale must be positive, not {self.scale!r}")

    def apply(self, values: ArrayLike) -> Floats:
        """``(values − shift) / scale``."""
        v = np.asarray(values, dtype=np.float64)
        return np.asarray((v - self.shift) / self.scale, dtype=np.float64)

    def partway(self, values: ArrayLike, shifted: float, scaled: float) -> Floats:
        """Where ``values`` are when the shift is ``shifted`` done and the scaling ``scaled``
        done (both in ``[0, 1]``): each moves in a straight line at each stage, so after the
        shift the values are ``v − shift`` and during the scaling they shrink (or grow)
        uniformly towards zero."""
        v = np.asarray(values, dtype=np.float64)
        moved = v - float(shifted) * self.shift
        factor = (1.0 - float(scaled)) + float(scaled) / self.scale
        return np.asarray(moved * factor, dtype=np.float64)


def population_std(values: ArrayLike) -> float:
    """The population standard deviation: the root of the mean squared deviation (÷ n)."""
    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        raise ValueError("no values")
    return float(np.sqrt(np.mean((v - v.mean()) ** 2)))


def min_max_constants(values: Sequence[float] | ArrayLike) -> ShiftScale:
    """Min–max normalisation as a shift (the minimum) and a scale (the range)."""
    v = np.asarray(values, dtype=np.float64)
    low, high = float(v.min()), float(v.max())
    if high == low:
        raise ValueError("all values are equal: the range is zero")
    return ShiftScale(low, high - low)


def z_constants(values: Sequence[float] | ArrayLike, ddof: int = 0) -> ShiftScale:
    """The z-score as a shift (the mean) and a scale (the standard deviation).

    ``ddof = 0`` divides by ``n`` (the population standard deviation, NumPy's default);
    ``ddof = 1`` by ``n − 1`` (the sample standard deviation).
    """
    v = np.asarray(values, dtype=np.float64)
    if v.size <= ddof:
        raise ValueError(f"{v.size} value(s) are too few for ddof={ddof}")
    std = float(np.sqrt(np.sum((v - v.mean()) ** 2) / (v.size - ddof)))
    if std == 0:
        raise ValueError("all values are equal: the standard deviation is zero")
    return ShiftScale(float(v.mean()), std)


def min_max(values: Sequence[float] | ArrayLike) -> Floats:
    """``(v − min) / (max − min)``: the smallest value becomes 0 and the largest 1."""
    return min_max_constants(values).apply(values)


def z_scores(values: Sequence[float] | ArrayLike, ddof: int = 0) -> Floats:
    """``(v − mean) / std``: mean 0 and standard deviation 1 (with the same ``ddof``)."""
    return z_constants(values, ddof).apply(values)
