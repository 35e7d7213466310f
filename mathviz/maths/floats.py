"""Doubles (IEEE 754 binary64, Python's ``float``) as points on the real line.

A double is an exact rational number; between two neighbouring doubles there is nothing a
``float`` can hold. Everything here is exact: a double's value is a :class:`~fractions.Fraction`
(``Fraction(0.3)`` is the binary number Python stores for ``0.3``, not three tenths), the
doubles of an interval are walked with :func:`math.nextafter`, the gap at a double is
:func:`math.ulp`, and rounding a rational to the nearest double (ties to the even neighbour)
is decided with exact comparisons.

On top of that sit the pieces a zoomable number line needs, without any drawing:

* :class:`Window` — the interval ``[lo, hi]`` the line shows, with exact rational ends;
* :func:`ruler_ticks` — decimal ticks at nested steps ``…, 1, 0.2, 0.1, 0.02, 0.01, …``,
  each tick tagged with the coarsest step it belongs to and that step's spacing on screen;
* :func:`decimal_text` — a tick's value typed exactly, with as few decimals as it needs;
* :class:`ZoomPath` and :func:`zoom_windows` — a continuous zoom as a sequence of windows:
  the width shrinks geometrically while one focus value glides to a chosen place;
* :func:`accumulate` — a running float sum, each addition with its exact sum and the double
  it rounds to.

Pure Python (``fractions``, ``math``, ``struct``); no manim.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import SupportsFloat, TypeAlias

__all__ = [
    "Real",
    "exact",
    "as_fraction",
    "ordinal",
    "from_ordinal",
    "double_at_or_above",
    "double_at_or_below",
    "count_doubles",
    "doubles_in",
    "gap_above",
    "round_to_double",
    "Window",
    "nested_step",
    "finest_level",
    "RulerTick",
    "ruler_ticks",
    "decimal_places",
    "decimal_text",
    "ZoomPath",
    "zoom_windows",
    "AddStep",
    "accumulate",
    "ulps_between",
]

#: a real number as the model takes it: an exact rational, an int, or a double (its exact value)
Real: TypeAlias = Fraction | int | float

_SIGN_MASK = 0x7FFF_FFFF_FFFF_FFFF
#: most decimals :func:`decimal_text` writes (every double is a terminating decimal, but the
#: line never needs more than this)
_MAX_DECIMALS = 60


def exact(x: float) -> Fraction:
    """The exact rational value of the double ``x``.

    Examples
    --------
    >>> exact(0.5)
    Fraction(1, 2)
    >>> exact(0.3) == Fraction(3, 10)
    False
    """
    if not math.isfinite(x):
        raise ValueError(f"{x!r} is not a finite double")
    return Fraction(x)


def as_fraction(value: Real) -> Fraction:
    """``value`` as an exact :class:`Fraction` (a double by its exact binary value)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    return exact(float(value))


def ordinal(x: float) -> int:
    """A whole number that orders the finite doubles: neighbours differ by one.

    ``ordinal(nextafter(x, inf)) == ordinal(x) + 1``; both zeros are ``0``.
    """
    if not math.isfinite(x):
        raise ValueError(f"{x!r} is not a finite double")
    bits = int(struct.unpack("<q", struct.pack("<d", x))[0])
    return bits if bits >= 0 else -(bits & _SIGN_MASK)


def from_ordinal(n: int) -> float:
    """The double with ordinal ``n`` (the inverse of :func:`ordinal`; ``0`` gives ``0.0``)."""
    bits = n if n >= 0 else (-n) | (1 << 63)
    (x,) = struct.unpack("<d", struct.pack("<Q", bits))
    if not math.isfinite(x):
        raise OverflowError(f"ordinal {n} is beyond the finite doubles")
    return float(x)


def double_at_or_above(value: Real) -> float:
    """The smallest double ``≥ value``."""
    v = as_fraction(value)
    d = float(v)  # correctly rounded: one of the two neighbours of v
    if Fraction(d) < v:
        d = math.nextafter(d, math.inf)
    return d


def double_at_or_below(value: Real) -> float:
    """The largest double ``≤ value``."""
    v = as_fraction(value)
    d = float(v)
    if Fraction(d) > v:
        d = math.nextafter(d, -math.inf)
    return d


def count_doubles(lo: Real, hi: Real) -> int:
    """How many doubles lie in ``[lo, hi]`` (``0.0`` and ``-0.0`` count once)."""
    first, last = double_at_or_above(lo), double_at_or_below(hi)
    return max(0, ordinal(last) - ordinal(first) + 1)


def doubles_in(lo: Real, hi: Real, *, limit: int = 10_000) -> list[float]:
    """Every double in ``[lo, hi]``, in increasing order, walked with :func:`math.nextafter`.

    Raises
    ------
    ValueError
        If there are more than ``limit`` of them.
    """
    count = count_doubles(lo, hi)
    if count > limit:
        raise ValueError(f"{count} doubles in [{lo}, {hi}], more than the limit {limit}")
    out: list[float] = []
    d = double_at_or_above(lo)
    for _ in range(count):
        out.append(d)
        d = math.nextafter(d, math.inf)
    return out


def gap_above(x: float) -> Fraction:
    """The exact distance from the double ``x`` to the next double up.

    For ``x ≥ 0`` this is :func:`math.ulp` ``(x)``; at a power of two the gap *below* is
    half as wide, so the spacing of the doubles changes there.
    """
    return exact(math.nextafter(x, math.inf)) - exact(x)


def round_to_double(value: Real) -> float:
    """The double nearest ``value``; a tie goes to the neighbour whose last bit is even.

    Decided by exact comparisons (not by ``float()``), so tests can hold the two against each
    other.
    """
    v = as_fraction(value)
    below = double_at_or_below(v)
    if Fraction(below) == v:
        return below
    above = math.nextafter(below, math.inf)
    down, up = v - Fraction(below), Fraction(above) - v
    if down < up:
        return below
    if up < down:
        return above
    return below if ordinal(below) % 2 == 0 else above


def ulps_between(a: float, b: float) -> int:
    """How many steps of :func:`math.nextafter` lead from the double ``a`` to ``b`` (signed)."""
    return ordinal(b) - ordinal(a)


@dataclass(frozen=True)
class Window:
    """The interval ``[lo, hi]`` a number line shows, with exact rational ends.

    Attributes
    ----------
    lo, hi
        The ends (``lo < hi``), exact.
    """

    lo: Fraction
    hi: Fraction

    def __post_init__(self) -> None:
        if not isinstance(self.lo, Fraction) or not isinstance(self.hi, Fraction):
            raise TypeError("Window ends are Fractions: build windows with Window.of(...)")
        if not self.lo < self.hi:
            raise ValueError(f"an empty window [{self.lo}, {self.hi}]")

    @classmethod
    def of(cls, lo: Real | str, hi: Real | str) -> Window:
        """A window from any reals; a string is read as an exact decimal (``"0.3"`` is 3/10)."""
        return cls(_parse(lo), _parse(hi))

    @classmethod
    def around(
        cls, focus: Real | str, width: Real | str, at: Real | str = Fraction(1, 2)
    ) -> Window:
        """The window of ``width`` that shows ``focus`` at fraction ``at`` of its length."""
        f, w, t = _parse(focus), _parse(width), _parse(at)
        return cls(f - t * w, f - t * w + w)

    @property
    def width(self) -> Fraction:
        """``hi - lo``, exact."""
        return self.hi - self.lo

    def fraction_of(self, value: Real) -> Fraction:
        """Where ``value`` sits along the window: ``0`` at ``lo``, ``1`` at ``hi``."""
        return (as_fraction(value) - self.lo) / self.width

    def value_at(self, t: Real) -> Fraction:
        """The value at fraction ``t`` of the window: ``lo + t·(hi − lo)``, exact."""
        return self.lo + as_fraction(t) * self.width

    def contains(self, value: Real) -> bool:
        """Whether ``lo ≤ value ≤ hi``."""
        v = as_fraction(value)
        return self.lo <= v <= self.hi


def _parse(value: Real | str) -> Fraction:
    return Fraction(value) if isinstance(value, str) else as_fraction(value)


def nested_step(level: int) -> Fraction:
    """The ruler's step at ``level``: ``…, 0.01, 0.02, 0.1, 0.2, 1, 2, 10, …``.

    Even levels are powers of ten (``nested_step(2m) = 10^m``), odd levels twice the power
    below (``nested_step(2m − 1) = 2·10^(m−1)``). Every step divides the next coarser one,
    so the ticks of a coarse level are also ticks of every finer level.
    """
    m, odd = divmod(level, 2)
    if odd:
        return 2 * Fraction(10) ** m
    return Fraction(10) ** m


def finest_level(width: Real, length: float, min_spacing: float) -> int:
    """The finest level whose ticks are at least ``min_spacing`` apart on screen, when a
    window of ``width`` is drawn ``length`` long."""
    w = as_fraction(width)
    if w <= 0 or length <= 0 or min_spacing <= 0:
        raise ValueError("width, length and min_spacing must be positive")
    # start at a level certainly too fine, then climb
    level = 2 * (math.floor(math.log10(float(w) * min_spacing / length)) - 1)
    while nested_step(level) * Fraction(length) / w < Fraction(min_spacing):
        level += 1
    return level


@dataclass(frozen=True)
class RulerTick:
    """A decimal tick: its exact value, the coarsest level it belongs to, and that level's
    spacing on screen (scene units) — how prominent the tick should be drawn."""

    value: Fraction
    level: int
    spacing: float


def ruler_ticks(
    window: Window, length: float, *, min_spacing: float = 0.06, max_level_spacing: float = 1e3
) -> list[RulerTick]:
    """The decimal ticks in ``window`` drawn ``length`` long, at every level whose ticks are
    at least ``min_spacing`` apart; each tick tagged with its coarsest level.

    Levels coarser than one whose spacing exceeds ``max_level_spacing`` are not told apart
    (a tick at 0 on a line from 0 to 1 is simply "very coarse").
    """
    width = window.width
    finest = finest_level(width, length, min_spacing)
    step = nested_step(finest)
    # the coarser levels, as whole multiples of the finest step
    ratios: list[tuple[int, int, float]] = []
    level = finest + 1
    while True:
        spacing = float(nested_step(level) * Fraction(length) / width)
        ratios.append((level, int(nested_step(level) / step), spacing))
        if spacing > max_level_spacing:
            break
        level += 1
    fine_spacing = float(step * Fraction(length) / width)
    first = math.ceil(window.lo / step)
    last = math.floor(window.hi / step)
    ticks: list[RulerTick] = []
    for n in range(first, last + 1):
        tick_level, spacing = finest, fine_spacing
        for lvl, ratio, sp in ratios:
            if n % ratio:
                break
            tick_level, spacing = lvl, sp
        ticks.append(RulerTick(n * step, tick_level, spacing))
    return ticks


def decimal_places(value: Real) -> int:
    """How many decimals ``value`` needs to be written exactly (``3/10`` → 1, ``1e16`` → 0).

    Raises
    ------
    ValueError
        If ``value`` is not a terminating decimal within :data:`_MAX_DECIMALS` places.
    """
    v = as_fraction(value)
    for places in range(_MAX_DECIMALS + 1):
        if (v * 10**places).denominator == 1:
            return places
    raise ValueError(f"{v} is not a decimal of at most {_MAX_DECIMALS} places")


def decimal_text(value: Real) -> str:
    """``value`` written exactly in decimal, with as few decimals as it needs.

    Examples
    --------
    >>> decimal_text(Fraction(3, 10))
    '0.3'
    >>> decimal_text(Fraction(-1, 50))
    '-0.02'
    >>> decimal_text(10**16 + 10)
    '10000000000000010'
    """
    v = as_fraction(value)
    places = decimal_places(v)
    digits = str(abs(v.numerator * 10**places // v.denominator))
    sign = "-" if v < 0 else ""
    if places == 0:
        return sign + digits
    digits = digits.rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


@dataclass(frozen=True)
class ZoomPath:
    """A continuous zoom from one window to another.

    The width changes geometrically (the same factor every equal slice of time, so each
    power of ten takes as long as the last) while ``focus`` glides linearly from where it
    sits in ``start`` to where it sits in ``end``. At ``alpha = 0`` and ``1`` the windows
    are exactly ``start`` and ``end``.
    """

    start: Window
    end: Window
    focus: Fraction

    def __post_init__(self) -> None:
        if not isinstance(self.focus, Fraction):
            object.__setattr__(self, "focus", as_fraction(self.focus))

    def window_at(self, alpha: float) -> Window:
        """The window at progress ``alpha`` (0–1)."""
        if alpha <= 0:
            return self.start
        if alpha >= 1:
            return self.end
        a = Fraction(float(alpha))
        log_w0 = math.log10(self.start.width)
        log_w1 = math.log10(self.end.width)
        width = Fraction(10.0 ** (log_w0 + float(a) * (log_w1 - log_w0)))
        t0, t1 = self.start.fraction_of(self.focus), self.end.fraction_of(self.focus)
        t = t0 + a * (t1 - t0)
        lo = self.focus - t * width
        return Window(lo, lo + width)

    def width_at(self, alpha: float) -> float:
        """The window's width at progress ``alpha``."""
        return float(self.window_at(alpha).width)


def zoom_windows(
    focus: Real | str, start: Window, widths: Sequence[Real | str], end_at: Real | str
) -> tuple[Window, ...]:
    """The windows of a zoom on ``focus``: ``start``, then one window per width in
    ``widths``; the focus moves from its place in ``start`` to fraction ``end_at`` of the
    last window, in step with the logarithm of the width."""
    f = _parse(focus)
    if not start.contains(f):
        raise ValueError(f"the focus {f} is outside the start window")
    ws = [_parse(w) for w in widths]
    if not ws:
        return (start,)
    t0, t1 = start.fraction_of(f), _parse(end_at)
    log0, log1 = math.log(start.width), math.log(ws[-1])
    out = [start]
    for w in ws:
        progress = Fraction((math.log(w) - log0) / (log1 - log0)) if log1 != log0 else Fraction(1)
        if w == ws[-1]:
            progress = Fraction(1)
        out.append(Window.around(f, w, t0 + progress * (t1 - t0)))
    return tuple(out)


@dataclass(frozen=True)
class AddStep:
    """One ``total += addend`` in floats.

    Attributes
    ----------
    before
        The running total before the addition (a double).
    addend
        The double added.
    exact
        ``before + addend`` as an exact rational: where the sum "really" is.
    after
        The double it rounds to (what ``total`` holds next).
    """

    before: float
    addend: float
    exact: Fraction
    after: float

    @property
    def lost(self) -> Fraction:
        """What the rounding threw away: ``exact − after`` (0 when the sum is a double)."""
        return self.exact - Fraction(self.after)


def accumulate(values: Iterable[SupportsFloat]) -> list[AddStep]:
    """Sum ``values`` left to right in floats, recording each addition exactly.

    The first value starts the total (no rounding); each later one is an :class:`AddStep`
    whose ``after`` is the correctly rounded exact sum, which is what ``float`` addition
    gives.
    """
    items = [float(v) for v in values]
    if not items:
        return []
    total = items[0]
    steps: list[AddStep] = []
    for x in items[1:]:
        exact_sum = Fraction(total) + Fraction(x)
        after = round_to_double(exact_sum)
        steps.append(AddStep(total, x, exact_sum, after))
        total = after
    return steps
