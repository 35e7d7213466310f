"""Inequalities as sets: an interval on the line, and a polygon cut out of the plane.

On the line, ``|x − c| < r`` says "x lies closer than ``r`` to ``c``": the open interval
``(c − r, c + r)`` (:class:`AbsInterval`). In the plane, a linear inequality
``a·x + b·y ≤ c`` keeps a half-plane (:class:`HalfPlane`); several of them keep the
intersection of their half-planes, a convex polygon. :func:`clip` cuts a convex polygon by one
half-plane (Sutherland–Hodgman, one edge at a time) and :func:`feasible_polygon` cuts by
several in turn. Everything is exact: coordinates are :class:`~fractions.Fraction`, so the
corners of the feasible region and its area (:func:`area`) come out as exact rationals.

:func:`sweep` gives the half-plane partway through a cut: its boundary moved parallel to
itself from where it first touches the polygon (nothing is cut) to where it belongs, so a
drawing can show the region shrinking as the line slides in.

Pure Python (``fractions``); no drawing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeAlias

__all__ = [
    "Number",
    "Point",
    "as_fraction",
    "AbsInterval",
    "HalfPlane",
    "box",
    "clip",
    "feasible_polygon",
    "area",
    "contains",
    "segment_in_box",
    "sweep",
]

#: a number as the model takes it: exact rationals, ints, or floats (their exact value)
Number: TypeAlias = Fraction | int | float
#: a point of the plane with exact coordinates
Point: TypeAlias = tuple[Fraction, Fraction]


def as_fraction(value: Number | str) -> Fraction:
    """``value`` as an exact rational (a float's exact binary value; a string as written)."""
    return value if isinstance(value, Fraction) else Fraction(value)


def _point(p: Sequence[Number]) -> Point:
    return (as_fraction(p[0]), as_fraction(p[1]))


# --- the line -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class AbsInterval:
    """The solutions of ``|x − center| < radius`` (or ``≤`` when ``strict`` is false).

    Attributes
    ----------
    center, radius
        The point distances are measured from, and the bound on the distance.
    strict
        ``<`` (an open interval, ends excluded) or ``≤`` (closed, ends included).
    """

    center: Fraction
    radius: Fraction
    strict: bool = True

    @classmethod
    def of(cls, center: Number, radius: Number, *, strict: bool = True) -> AbsInterval:
        """``|x − center| < radius`` from plain numbers; ``radius`` must be positive."""
        r = as_fraction(radius)
        if r <= 0:
            raise ValueError(f"radius must be positive, not {radius!r}")
        return cls(as_fraction(center), r, strict)

    @property
    def lo(self) -> Fraction:
        """The left end, ``center − radius``."""
        return self.center - self.radius

    @property
    def hi(self) -> Fraction:
        """The right end, ``center + radius``."""
        return self.center + self.radius

    def distance(self, x: Number) -> Fraction:
        """``|x − center|``: how far ``x`` is from the centre."""
        return abs(as_fraction(x) - self.center)

    def contains(self, x: Number) -> bool:
        """Whether ``x`` satisfies the inequality."""
        d = self.distance(x)
        return d < self.radius if self.strict else d <= self.radius

    def covered(self, lo: Number, hi: Number) -> tuple[Fraction, Fraction] | None:
        """The part of the interval's closure inside ``[lo, hi]`` (what a dot sweeping from
        ``lo`` to ``hi`` has passed while inside), or ``None`` when they do not meet."""
        a, b = max(as_fraction(lo), self.lo), min(as_fraction(hi), self.hi)
        return (a, b) if a < b else None


# --- the plane ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class HalfPlane:
    """The points with ``a·x + b·y ≤ c``.

    A "greater than or equal" inequality ``a·x + b·y ≥ c`` is stored negated
    (:meth:`at_least`); :attr:`sense` remembers how it was written.
    """

    a: Fraction
    b: Fraction
    c: Fraction
    sense: str = "<="

    @classmethod
    def at_most(cls, a: Number, b: Number, c: Number) -> HalfPlane:
        """``a·x + b·y ≤ c``."""
        h = cls(as_fraction(a), as_fraction(b), as_fraction(c))
        if h.a == 0 and h.b == 0:
            raise ValueError("a half-plane needs a non-zero normal (a, b)")
        return h

    @classmethod
    def at_least(cls, a: Number, b: Number, c: Number) -> HalfPlane:
        """``a·x + b·y ≥ c``, stored as ``−a·x − b·y ≤ −c``."""
        h = cls.at_most(-as_fraction(a), -as_fraction(b), -as_fraction(c))
        return HalfPlane(h.a, h.b, h.c, ">=")

    def value(self, p: Sequence[Number]) -> Fraction:
        """``a·x + b·y`` at ``p`` (in the stored, ``≤`` orientation)."""
        x, y = _point(p)
        return self.a * x + self.b * y

    def written_value(self, p: Sequence[Number]) -> Fraction:
        """The left-hand side as the inequality was written (``≥`` ones un-negated)."""
        return -self.value(p) if self.sense == ">=" else self.value(p)

    def contains(self, p: Sequence[Number]) -> bool:
        """Whether ``p`` satisfies the inequality (its boundary included)."""
        return self.value(p) <= self.c

    def moved_to(self, c: Number) -> HalfPlane:
        """The same normal with the bound ``c`` (the boundary moved parallel to itself)."""
        return HalfPlane(self.a, self.b, as_fraction(c), self.sense)

    def crossing(self, p: Point, q: Point) -> Point:
        """Where the segment ``p → q`` meets the boundary (the ends on opposite sides)."""
        vp, vq = self.value(p) - self.c, self.value(q) - self.c
        t = vp / (vp - vq)
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))


def box(x0: Number, x1: Number, y0: Number, y1: Number) -> list[Point]:
    """The rectangle ``[x0, x1] × [y0, y1]`` as a counter-clockwise polygon."""
    xs, ys = (as_fraction(x0), as_fraction(x1)), (as_fraction(y0), as_fraction(y1))
    return [(xs[0], ys[0]), (xs[1], ys[0]), (xs[1], ys[1]), (xs[0], ys[1])]


def _tidy(points: Iterable[Point]) -> list[Point]:
    """Drop repeated corners and corners that lie on a straight edge."""
    out: list[Point] = []
    for p in points:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    changed = True
    while changed and len(out) >= 3:
        changed = False
        for i in range(len(out)):
            a, b, c = out[i - 1], out[i], out[(i + 1) % len(out)]
            cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
            if cross == 0:
                del out[i]
                changed = True
                break
    return out if len(out) >= 3 else []


def clip(polygon: Sequence[Sequence[Number]], half: HalfPlane) -> list[Point]:
    """The part of a convex ``polygon`` inside ``half``, counter-clockwise as given.

    Sutherland–Hodgman against one boundary: walk the edges, keep the corners inside and add
    the point where an edge crosses the boundary. Empty when nothing is left.
    """
    points = [_point(p) for p in polygon]
    out: list[Point] = []
    for i, q in enumerate(points):
        p = points[i - 1]
        p_in, q_in = half.contains(p), half.contains(q)
        if q_in:
            if not p_in:
                out.append(half.crossing(p, q))
            out.append(q)
        elif p_in:
            out.append(half.crossing(p, q))
    return _tidy(out)


def feasible_polygon(
    start: Sequence[Sequence[Number]], constraints: Iterable[HalfPlane]
) -> list[Point]:
    """``start`` cut by each constraint in turn: the feasible region's corners."""
    polygon = [_point(p) for p in start]
    for half in constraints:
        polygon = clip(polygon, half)
    return polygon


def area(polygon: Sequence[Sequence[Number]]) -> Fraction:
    """Exact area of a simple polygon (shoelace formula; positive either orientation)."""
    points = [_point(p) for p in polygon]
    twice = sum(
        (p[0] * q[1] - q[0] * p[1] for p, q in zip(points, points[1:] + points[:1], strict=True)),
        Fraction(0),
    )
    return abs(twice) / 2


def contains(polygon: Sequence[Sequence[Number]], p: Sequence[Number]) -> bool:
    """Whether ``p`` lies in the convex counter-clockwise ``polygon`` (its edges included)."""
    points = [_point(q) for q in polygon]
    x, y = _point(p)
    for a, b in zip(points, points[1:] + points[:1], strict=True):
        if (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) < 0:
            return False
    return bool(points)


def segment_in_box(
    half: HalfPlane, window: Sequence[Sequence[Number]]
) -> tuple[Point, Point] | None:
    """The part of the boundary line ``a·x + b·y = c`` inside the convex ``window``: its two
    ends, or ``None`` when the line misses the window (or only touches a corner)."""
    points = [_point(p) for p in window]
    found: list[Point] = []
    for i, q in enumerate(points):
        p = points[i - 1]
        vp, vq = half.value(p) - half.c, half.value(q) - half.c
        if vq == 0:
            found.append(q)
        elif (vp < 0 < vq) or (vq < 0 < vp):
            found.append(half.crossing(p, q))
    ends = list(dict.fromkeys(found))
    if len(ends) < 2:
        return None
    ends.sort()
    return ends[0], ends[-1]


def sweep(polygon: Sequence[Sequence[Number]], half: HalfPlane, progress: Number) -> HalfPlane:
    """``half`` with its boundary ``progress`` of the way (0–1) from where it first touches
    ``polygon`` — the largest ``a·x + b·y`` over its corners, so nothing is cut yet — to where
    it belongs. A bound that already keeps the whole polygon stays where it is."""
    t = as_fraction(progress)
    if not 0 <= t <= 1:
        raise ValueError(f"progress must lie in [0, 1], not {progress!r}")
    far = max(half.value(p) for p in polygon)
    if far <= half.c:
        return half
    return half.moved_to(far + t * (half.c - far))
