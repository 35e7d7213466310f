"""A slider's scale: the values of a closed range laid along a track, and back.

A slider shows one number as the position of a knob on a straight track. :class:`SliderRange`
is that mapping without any drawing: a value in ``[low, high]`` is the fraction
``(value − low) / (high − low)`` of the track, and a fraction of the track is a value again.
It also gives the values to put ticks at (exact multiples of a step, so ``0.1`` steps do not
drift) and the point the track's coloured fill starts from (zero when the range holds it, so a
signed value reads as a bar growing left or right of zero).

Pure Python (``fractions``, ``math``); no manim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["SliderRange"]


def _exact(x: float | int | Fraction) -> Fraction:
    """``x`` as a fraction; a float at its shortest decimal spelling (``0.1`` is one tenth)."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, float):
        return Fraction(repr(x))
    return Fraction(x)


@dataclass(frozen=True)
class SliderRange:
    """The closed range ``[low, high]`` of a slider, mapped linearly onto its track.

    Parameters
    ----------
    low, high
        The values at the track's left and right ends; ``low < high``, both finite.

    Examples
    --------
    >>> r = SliderRange(-1.0, 3.0)
    >>> r.fraction(0.5), r.value_at(0.375)
    (0.375, 0.5)
    """

    low: float
    high: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.low) and math.isfinite(self.high)):
            raise ValueError("a slider's range needs finite ends")
        if not self.low < self.high:
            raise ValueError(f"a slider's range needs low < high, got [{self.low}, {self.high}]")

    @property
    def span(self) -> float:
        """``high − low``."""
        return float(self.high) - float(self.low)

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies on the track (ends included)."""
        return self.low <= value <= self.high

    def clamp(self, value: float) -> float:
        """``value`` moved onto the range if it lies beyond an end."""
        return float(min(max(value, self.low), self.high))

    def fraction(self, value: float) -> float:
        """Where ``value`` sits along the track: 0 at ``low``, 1 at ``high``.

        Raises
        ------
        ValueError
            If ``value`` is outside the range (a knob cannot leave its track).
        """
        if not self.contains(value):
            raise ValueError(f"{value} is outside the slider's range [{self.low}, {self.high}]")
        return (float(value) - float(self.low)) / self.span

    def value_at(self, fraction: float) -> float:
        """The value at ``fraction`` of the track (0 … 1, the inverse of :meth:`fraction`)."""
        return float(self.low) + float(fraction) * self.span

    @property
    def anchor(self) -> float:
        """Where the track's fill starts: 0 when the range holds it, else the nearer end."""
        return self.clamp(0.0)

    def ticks(self, step: float) -> tuple[float, ...]:
        """Every multiple of ``step`` inside the range, in order (computed exactly)."""
        if not step > 0:
            raise ValueError("the tick step must be positive")
        q, lo, hi = _exact(step), _exact(self.low), _exact(self.high)
        first = math.ceil(lo / q)
        last = math.floor(hi / q)
        return tuple(float(k * q) for k in range(first, last + 1))
