"""Exponentials and logarithms: a graph mirrored across y = x, positions on a log scale, and
the halving game.

**The mirror.** Reflecting a point across the diagonal y = x swaps its coordinates: (a, eᵃ)
lands on (eᵃ, a). Reflecting the graph of a function that way gives the graph of its
inverse, so the mirror image of eˣ is ln x. :func:`reflect_partway` is the fold in motion:
each point moves in a straight line, at a right angle to the diagonal, towards its mirror
image (``t = 0`` the point, ``t = 1`` its image). Along the way ``x + y`` never changes, and
the midpoint of the move lies on the diagonal.

**The log scale.** :class:`LogScale` places a positive value ``v`` at ``log_b(v / low)``
steps from the axis's left end (one step per factor ``b``): 1, 2, 4, 8 are evenly spaced on
a log₂ axis. Lengths add where values multiply, which is the slide rule: a bar of length
``log_b x`` laid end to end with one of length ``log_b y`` ends at ``x · y``
(:func:`slide_rule`).

**The halving game.** Guess a whole number in ``low … high`` with yes/no questions "is it
bigger than m?", m the middle of what is left. :func:`halving_game` returns the intervals,
the questions and the answers; for 1 … 1024 there are ten questions, one per halving, and
the ten answers (yes = 1) are the bits of ``secret − low`` (:func:`answers_as_number`).

Pure: the standard library and numpy only, no drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "reflect",
    "reflect_partway",
    "graph_points",
    "LogScale",
    "SlideRule",
    "slide_rule",
    "Interval",
    "Question",
    "HalvingGame",
    "halving_game",
    "answers_as_number",
    "window_around",
]

Floats = NDArray[np.float64]


# --- the mirror -----------------------------------------------------------------------------
def reflect(points: ArrayLike) -> Floats:
    """Mirror ``(n, 2)`` points (or one ``(x, y)``) across the line y = x: swap x and y."""
    p = np.asarray(points, dtype=np.float64)
    if p.shape[-1] != 2:
        raise ValueError(f"points must have 2 coordinates, not shape {p.shape}")
    return np.asarray(p[..., ::-1].copy(), dtype=np.float64)


def reflect_partway(points: ArrayLike, t: float) -> Floats:
    """Where ``points`` are ``t`` of the way through the fold across y = x.

    Each point moves straight towards its mirror image, perpendicular to the diagonal:
    ``p + t · (reflect(p) − p)``. ``t = 0`` gives the points, ``t = 1`` their images and
    ``t = 1/2`` their feet on the diagonal; ``x + y`` is the same at every ``t``.
    """
    t = float(t)
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"t must lie in [0, 1], not {t!r}")
    p = np.asarray(points, dtype=np.float64)
    return np.asarray(p + t * (reflect(p) - p), dtype=np.float64)


def graph_points(xs: ArrayLike, kind: str) -> Floats:
    """``(n, 2)`` points of the graph of ``exp`` or ``log`` (natural) at ``xs``."""
    x = np.asarray(xs, dtype=np.float64)
    if kind == "exp":
        y = np.exp(x)
    elif kind == "log":
        if np.any(x <= 0):
            raise ValueError("ln x needs x > 0")
        y = np.log(x)
    else:
        raise ValueError(f"kind must be 'exp' or 'log', not {kind!r}")
    return np.asarray(np.column_stack([x, y]), dtype=np.float64)


# --- the log scale --------------------------------------------------------------------------
@dataclass(frozen=True)
class LogScale:
    """An axis with one equal step per factor ``base``, from ``low`` to ``high``.

    Parameters
    ----------
    base
        The factor of one step (2 for a log₂ axis).
    low, high
        The values at the axis's two ends (``0 < low < high``).

    Examples
    --------
    >>> scale = LogScale(2.0, 1.0, 64.0)
    >>> scale.steps, float(scale.position(8.0)), float(scale.value_at(5.0))
    (6.0, 3.0, 32.0)
    """

    base: float = 2.0
    low: float = 1.0
    high: float = 64.0

    def __post_init__(self) -> None:
        if not self.base > 1.0:
            raise ValueError(f"the base must exceed 1, not {self.base!r}")
        if not 0.0 < self.low < self.high:
            raise ValueError(f"need 0 < low < high, not {self.low!r}, {self.high!r}")

    @property
    def steps(self) -> float:
        """The axis's length in steps: ``log_base(high / low)``."""
        return math.log(self.high / self.low, self.base)

    def position(self, values: ArrayLike) -> Floats:
        """Steps from the left end to ``values`` (all positive): ``log_base(v / low)``."""
        v = np.asarray(values, dtype=np.float64)
        if np.any(v <= 0):
            raise ValueError("a log scale has no place for zero or negative values")
        return np.asarray(np.log(v / self.low) / math.log(self.base), dtype=np.float64)

    def value_at(self, positions: ArrayLike) -> Floats:
        """The values drawn ``positions`` steps from the left end: ``low · base^p``."""
        p = np.asarray(positions, dtype=np.float64)
        return np.asarray(self.low * np.power(self.base, p), dtype=np.float64)

    def ticks(self) -> tuple[float, ...]:
        """The powers ``low · base^k`` on the axis, one per whole step."""
        return tuple(float(self.low * self.base**k) for k in range(int(self.steps + 1e-9) + 1))


@dataclass(frozen=True)
class SlideRule:
    """Two factors multiplied by laying their log lengths end to end.

    Attributes
    ----------
    first, second
        The factors.
    first_length, second_length
        Their lengths on the scale (steps).
    start, end
        Where the second bar starts (at the first factor) and ends (at the product), as
        values on the scale.
    """

    first: float
    second: float
    first_length: float
    second_length: float
    start: float
    end: float

    @property
    def total_length(self) -> float:
        """The two lengths added."""
        return self.first_length + self.second_length


def slide_rule(scale: LogScale, first: float, second: float) -> SlideRule:
    """Multiply ``first`` by ``second`` on ``scale``: lengths from ``low``, added end to end."""
    la = float(scale.position(first * scale.low)[()])
    lb = float(scale.position(second * scale.low)[()])
    start = float(scale.value_at(la)[()])
    end = float(scale.value_at(la + lb)[()])
    return SlideRule(float(first), float(second), la, lb, start, end)


# --- the halving game -----------------------------------------------------------------------
@dataclass(frozen=True)
class Interval:
    """The whole numbers ``lo … hi`` still possible."""

    lo: int
    hi: int

    def __post_init__(self) -> None:
        if self.hi < self.lo:
            raise ValueError(f"empty interval {self.lo}…{self.hi}")

    @property
    def count(self) -> int:
        """How many numbers are left: ``hi − lo + 1``."""
        return self.hi - self.lo + 1

    @property
    def edges(self) -> tuple[float, float]:
        """The interval drawn as a segment, one unit per number: ``(lo − ½, hi + ½)``;
        its width is :attr:`count`."""
        return (self.lo - 0.5, self.hi + 0.5)

    @property
    def middle(self) -> int:
        """The last number of the lower half: ``(lo + hi) // 2``."""
        return (self.lo + self.hi) // 2


@dataclass(frozen=True)
class Question:
    """One question "is it bigger than ``threshold``?", its answer and what is left."""

    before: Interval
    threshold: int
    answer: bool
    after: Interval
    dropped: Interval


@dataclass(frozen=True)
class HalvingGame:
    """A whole game: the starting interval and every question asked until one number is left."""

    start: Interval
    secret: int
    questions: tuple[Question, ...]

    @property
    def intervals(self) -> tuple[Interval, ...]:
        """The start and the interval after each question."""
        return (self.start, *(q.after for q in self.questions))

    @property
    def answers(self) -> tuple[bool, ...]:
        """The answers, yes = ``True``, in the order asked."""
        return tuple(q.answer for q in self.questions)

    @property
    def widths(self) -> tuple[int, ...]:
        """How many numbers are left at the start and after each question."""
        return tuple(i.count for i in self.intervals)


def halving_game(low: int, high: int, secret: int) -> HalvingGame:
    """Play "is it bigger than the middle?" until a single number is left.

    Parameters
    ----------
    low, high
        The numbers allowed (inclusive).
    secret
        The number being guessed (``low ≤ secret ≤ high``).
    """
    if not low <= secret <= high:
        raise ValueError(f"the secret {secret} is not in {low}…{high}")
    current = Interval(int(low), int(high))
    start, questions = current, []
    while current.count > 1:
        m = current.middle
        answer = secret > m
        upper, lower = Interval(m + 1, current.hi), Interval(current.lo, m)
        after, dropped = (upper, lower) if answer else (lower, upper)
        questions.append(Question(current, m, answer, after, dropped))
        current = after
    return HalvingGame(start, int(secret), tuple(questions))


def answers_as_number(answers: Sequence[bool | int]) -> int:
    """The answers read as binary digits, the first answer the highest bit (yes = 1)."""
    value = 0
    for bit in answers:
        value = 2 * value + (1 if bit else 0)
    return value


def window_around(interval: Interval, pad: float) -> tuple[float, float]:
    """The stretch of the number line that shows ``interval`` with ``pad`` of its width
    spare on either side."""
    a, b = interval.edges
    room = pad * (b - a)
    return (a - room, b + room)
