"""Two finite sets, the logic of membership, and the geometry of their Venn diagram.

A :class:`SetPair` holds two sets A and B of ids inside a universe U. Every element of U lies
in exactly one of four *regions*, named by the truth values of "is in A" and "is in B":
``(True, True)`` is A ∩ B, ``(True, False)`` is A − B, ``(False, True)`` is B − A and
``(False, False)`` is neither. Listed in that order (:data:`REGIONS`) they are the rows of a
two-input truth table, which is how the implication p → q reads off the picture: with p = "in
A" and q = "in B", p → q is false exactly in the row ``(True, False)``, so it holds for every
element exactly when A − B is empty, that is when A ⊆ B. Set operations are unions of regions
(:data:`OPERATIONS`, keyed by Python's own spelling: ``A & B``, ``A | B``, ``A - B``).

:class:`VennLayout` is the drawing's geometry: two discs (:class:`Disc`) in a box
(:class:`Box`). It says which region a point falls in and how far it is from every drawn
boundary, outlines each region as closed polylines (to fill it) and gives its exact area.
:func:`place_elements` finds where to draw each element so that the region its dot falls in
is the region its membership says, in one layout or along a sequence of layouts (a circle
that grows to take elements in, say).

Pure: numpy only, no drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "Region",
    "BOTH",
    "A_ONLY",
    "B_ONLY",
    "NEITHER",
    "REGIONS",
    "OPERATIONS",
    "SetPair",
    "implies",
    "TruthRow",
    "truth_table",
    "Disc",
    "Box",
    "VennLayout",
    "polygon_area",
    "place_elements",
]

#: a region of the diagram: (is in A, is in B)
Region = tuple[bool, bool]
BOTH: Region = (True, True)
A_ONLY: Region = (True, False)
B_ONLY: Region = (False, True)
NEITHER: Region = (False, False)
#: the four regions in truth-table order: TT, TF, FT, FF
REGIONS: tuple[Region, ...] = (BOTH, A_ONLY, B_ONLY, NEITHER)

#: each set expression as the regions it covers, spelled as in Python
OPERATIONS: Mapping[str, frozenset[Region]] = MappingProxyType(
    {
        "A": frozenset({BOTH, A_ONLY}),
        "B": frozenset({BOTH, B_ONLY}),
        "A & B": frozenset({BOTH}),
        "A | B": frozenset({BOTH, A_ONLY, B_ONLY}),
        "A - B": frozenset({A_ONLY}),
        "B - A": frozenset({B_ONLY}),
        "U": frozenset(REGIONS),
    }
)

_TAU = 2.0 * math.pi


# --- sets and logic ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SetPair:
    """Two sets ``a`` and ``b`` of integer ids inside a ``universe``.

    Attributes
    ----------
    a, b
        The two sets; both must lie inside ``universe``.
    universe
        Every element the diagram draws (those in neither set included).
    """

    a: frozenset[int]
    b: frozenset[int]
    universe: frozenset[int]

    def __post_init__(self) -> None:
        for name in ("a", "b"):
            extra = getattr(self, name) - self.universe
            if extra:
                raise ValueError(f"set {name} has elements outside the universe: {sorted(extra)}")

    @classmethod
    def of(
        cls, a: Iterable[int], b: Iterable[int], universe: Iterable[int] | None = None
    ) -> SetPair:
        """Build from any iterables; the universe defaults to ``a ∪ b``."""
        fa, fb = frozenset(a), frozenset(b)
        return cls(fa, fb, fa | fb if universe is None else frozenset(universe))

    def region_of(self, element: int) -> Region:
        """The region ``element`` lies in: (is in A, is in B)."""
        if element not in self.universe:
            raise KeyError(f"{element!r} is not in the universe")
        return (element in self.a, element in self.b)

    def members(self, regions: Iterable[Region]) -> tuple[int, ...]:
        """The elements lying in any of ``regions``, in increasing order."""
        wanted = set(regions)
        return tuple(sorted(x for x in self.universe if self.region_of(x) in wanted))

    def operation(self, name: str) -> tuple[int, ...]:
        """The elements of a set expression of :data:`OPERATIONS` (``"A | B"``...), sorted."""
        try:
            regions = OPERATIONS[name]
        except KeyError:
            raise KeyError(f"no operation {name!r}; one of {', '.join(OPERATIONS)}") from None
        return self.members(regions)

    def count(self, name: str) -> int:
        """How many elements the expression ``name`` holds."""
        return len(self.operation(name))

    def inclusion_exclusion(self) -> tuple[int, int, int, int]:
        """``(|A|, |B|, |A ∩ B|, |A| + |B| − |A ∩ B|)``: the last one is ``|A ∪ B|``."""
        na, nb, nab = self.count("A"), self.count("B"), self.count("A & B")
        return na, nb, nab, na + nb - nab

    def with_b(self, b: Iterable[int]) -> SetPair:
        """The same A and universe with another B."""
        return SetPair(self.a, frozenset(b), self.universe)

    def implication_holds(self) -> bool:
        """Whether "in A → in B" is true for every element of the universe (i.e. A ⊆ B)."""
        return all(implies(*self.region_of(x)) for x in self.universe)


def implies(p: bool, q: bool) -> bool:
    """Material implication p → q: false only when p is true and q is false."""
    return (not p) or q


#: one row of a two-input truth table: (p, q, p ∘ q)
TruthRow = tuple[bool, bool, bool]


def truth_table(connective: Callable[[bool, bool], bool] = implies) -> tuple[TruthRow, ...]:
    """The rows ``(p, q, connective(p, q))`` in the order of :data:`REGIONS` (TT, TF, FT, FF)."""
    return tuple((p, q, bool(connective(p, q))) for p, q in REGIONS)


# --- geometry --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Disc:
    """A circle's inside: ``center`` and ``radius`` in drawing units."""

    center: tuple[float, float]
    radius: float

    def __post_init__(self) -> None:
        if not self.radius > 0:
            raise ValueError(f"a disc needs a positive radius, got {self.radius}")

    def signed_distance(self, points: ArrayLike) -> NDArray[np.float64]:
        """Distance to the circle, negative inside, for an ``(n, 2)`` array (or one point)."""
        p = np.asarray(points, dtype=float)
        return np.asarray(
            np.hypot(p[..., 0] - self.center[0], p[..., 1] - self.center[1]) - self.radius
        )

    def arc(self, start: float, stop: float, samples: int) -> NDArray[np.float64]:
        """``samples`` points from angle ``start`` to ``stop`` (radians, counter-clockwise
        when ``stop > start``), both ends included."""
        t = np.linspace(start, stop, max(samples, 2))
        return np.column_stack(
            [self.center[0] + self.radius * np.cos(t), self.center[1] + self.radius * np.sin(t)]
        )

    def loop(self, samples: int) -> NDArray[np.float64]:
        """The whole circle, counter-clockwise, as ``samples`` points (the last not repeated)."""
        return self.arc(0.0, _TAU, samples + 1)[:-1]

    @property
    def area(self) -> float:
        return math.pi * self.radius**2

    def interpolate(self, other: Disc, t: float) -> Disc:
        """The disc ``t`` of the way to ``other`` (centre and radius linearly)."""
        c = (
            (1 - t) * self.center[0] + t * other.center[0],
            (1 - t) * self.center[1] + t * other.center[1],
        )
        return Disc(c, (1 - t) * self.radius + t * other.radius)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: the universe's frame (or a place to keep free)."""

    left: float
    bottom: float
    right: float
    top: float

    def __post_init__(self) -> None:
        if not (self.right > self.left and self.top > self.bottom):
            raise ValueError("a box needs right > left and top > bottom")

    def inside_distance(self, points: ArrayLike) -> NDArray[np.float64]:
        """Distance to the nearest edge, positive inside and negative outside (approximately:
        the smallest signed gap to the four edges)."""
        p = np.asarray(points, dtype=float)
        gaps = np.stack(
            [
                p[..., 0] - self.left,
                self.right - p[..., 0],
                p[..., 1] - self.bottom,
                self.top - p[..., 1],
            ]
        )
        return np.asarray(gaps.min(axis=0))

    def loop(self) -> NDArray[np.float64]:
        """The four corners, counter-clockwise from the bottom left."""
        return np.array(
            [
                [self.left, self.bottom],
                [self.right, self.bottom],
                [self.right, self.top],
                [self.left, self.top],
            ]
        )

    @property
    def area(self) -> float:
        return (self.right - self.left) * (self.top - self.bottom)


def polygon_area(loop: ArrayLike) -> float:
    """Signed shoelace area of a closed polyline (positive counter-clockwise)."""
    p = np.asarray(loop, dtype=float)
    if len(p) < 3:
        return 0.0
    x, y = p[:, 0], p[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y))


def _lens_area(a: Disc, b: Disc) -> float:
    """Area of the overlap of two discs (closed form)."""
    d = math.dist(a.center, b.center)
    r1, r2 = a.radius, b.radius
    if d >= r1 + r2:
        return 0.0
    if d <= abs(r1 - r2):
        return math.pi * min(r1, r2) ** 2
    alpha = math.acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1))
    beta = math.acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2))
    kite = 0.5 * math.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2))
    return r1 * r1 * alpha + r2 * r2 * beta - kite


@dataclass(frozen=True)
class VennLayout:
    """Two discs inside a box: where each region of a :class:`SetPair` is drawn.

    Attributes
    ----------
    a, b
        The discs of A and B; both lie inside ``box``.
    box
        The universe's frame.
    """

    a: Disc
    b: Disc
    box: Box

    def __post_init__(self) -> None:
        for name in ("a", "b"):
            disc = getattr(self, name)
            x, y = disc.center
            r = disc.radius
            if (
                x - r < self.box.left
                or x + r > self.box.right
                or y - r < self.box.bottom
                or y + r > self.box.top
            ):
                raise ValueError(f"disc {name} does not fit inside the box")

    # --- points ---------------------------------------------------------------------------
    def region_at(self, point: ArrayLike) -> Region | None:
        """The region a point falls in, or ``None`` outside the box (a point exactly on a
        circle counts as outside it)."""
        p = np.asarray(point, dtype=float)
        if float(self.box.inside_distance(p)) < 0:
            return None
        return (bool(self.a.signed_distance(p) < 0), bool(self.b.signed_distance(p) < 0))

    def regions_at(self, points: ArrayLike) -> list[Region | None]:
        """:meth:`region_at` for each of an ``(n, 2)`` array of points."""
        p = np.asarray(points, dtype=float).reshape(-1, 2)
        in_a, in_b = self.a.signed_distance(p) < 0, self.b.signed_distance(p) < 0
        in_box = self.box.inside_distance(p) >= 0
        return [
            (bool(x), bool(y)) if inside else None
            for x, y, inside in zip(in_a, in_b, in_box, strict=True)
        ]

    def clearance(self, points: ArrayLike) -> NDArray[np.float64]:
        """Distance from each point to the nearest drawn line: either circle or the box."""
        p = np.asarray(points, dtype=float)
        return np.asarray(
            np.minimum.reduce(
                [
                    np.abs(self.a.signed_distance(p)),
                    np.abs(self.b.signed_distance(p)),
                    np.abs(self.box.inside_distance(p)),
                ]
            )
        )

    def interpolate(self, other: VennLayout, t: float) -> VennLayout:
        """The layout ``t`` of the way to ``other`` (each disc linearly; this box)."""
        return VennLayout(self.a.interpolate(other.a, t), self.b.interpolate(other.b, t), self.box)

    # --- regions --------------------------------------------------------------------------
    def area(self, region: Region) -> float:
        """The exact area of ``region`` (for the neither region: the box minus both discs)."""
        lens = _lens_area(self.a, self.b)
        if region == BOTH:
            return lens
        if region == A_ONLY:
            return self.a.area - lens
        if region == B_ONLY:
            return self.b.area - lens
        if region == NEITHER:
            return self.box.area - (self.a.area + self.b.area - lens)
        raise ValueError(f"not a region: {region!r}")

    def outline(self, region: Region, samples: int = 240) -> list[NDArray[np.float64]]:
        """``region``'s boundary as closed polylines (last point not repeated): outer loops
        counter-clockwise, holes clockwise, so a non-zero winding fill paints exactly the
        region. An empty region has no loops. ``samples`` points go round a full circle."""
        if region not in REGIONS:
            raise ValueError(f"not a region: {region!r}")
        a, b = self.a, self.b
        d = math.dist(a.center, b.center)

        def rev(loop: NDArray[np.float64]) -> NDArray[np.float64]:
            return loop[::-1].copy()

        if d >= a.radius + b.radius:  # apart (or touching from outside)
            loops = {
                BOTH: [],
                A_ONLY: [a.loop(samples)],
                B_ONLY: [b.loop(samples)],
                NEITHER: [self.box.loop(), rev(a.loop(samples)), rev(b.loop(samples))],
            }
            return loops[region]
        if d <= abs(a.radius - b.radius):  # one inside the other
            small, big = (a, b) if a.radius <= b.radius else (b, a)
            small_region = A_ONLY if small is a else B_ONLY
            big_region = B_ONLY if small is a else A_ONLY
            loops = {
                BOTH: [small.loop(samples)],
                small_region: [],
                big_region: [big.loop(samples), rev(small.loop(samples))],
                NEITHER: [self.box.loop(), rev(big.loop(samples))],
            }
            return loops[region]

        phi = math.atan2(b.center[1] - a.center[1], b.center[0] - a.center[0])
        psi = phi + math.pi
        alpha = math.acos((d * d + a.radius**2 - b.radius**2) / (2 * d * a.radius))
        beta = math.acos((d * d + b.radius**2 - a.radius**2) / (2 * d * b.radius))

        def arc(disc: Disc, start: float, stop: float) -> NDArray[np.float64]:
            n = max(2, math.ceil(samples * (stop - start) / _TAU) + 1)
            return disc.arc(start, stop, n)

        a_in, a_out = arc(a, phi - alpha, phi + alpha), arc(a, phi + alpha, phi + _TAU - alpha)
        b_in, b_out = arc(b, psi - beta, psi + beta), arc(b, psi + beta, psi + _TAU - beta)
        # each arc ends where the next begins: drop the repeated joint
        union = np.vstack([a_out[:-1], b_out[:-1]])
        loops = {
            BOTH: [np.vstack([a_in[:-1], b_in[:-1]])],
            A_ONLY: [np.vstack([a_out[:-1], rev(b_in)[:-1]])],
            B_ONLY: [np.vstack([b_out[:-1], rev(a_in)[:-1]])],
            NEITHER: [self.box.loop(), rev(union)],
        }
        return loops[region]


# --- placing elements ------------------------------------------------------------------------
def _candidates(box: Box, step: float) -> NDArray[np.float64]:
    """A hexagonal grid of points over ``box``."""
    rows = []
    y, odd = box.bottom, False
    while y <= box.top:
        x0 = box.left + (step / 2 if odd else 0.0)
        xs = np.arange(x0, box.right + 1e-9, step)
        rows.append(np.column_stack([xs, np.full(len(xs), y)]))
        y += step * math.sqrt(3) / 2
        odd = not odd
    return np.vstack(rows)


def _distances(points: NDArray[np.float64], others: NDArray[np.float64]) -> NDArray[np.float64]:
    """Distance from each of ``points`` to the nearest of ``others`` (inf when none)."""
    if len(others) == 0:
        return np.full(len(points), np.inf)
    diff = points[:, None, :] - others[None, :, :]
    return np.asarray(np.min(np.hypot(diff[..., 0], diff[..., 1]), axis=1))


def _cluster(
    pool: NDArray[np.float64], k: int, taken: NDArray[np.float64], spacing: float
) -> NDArray[np.float64] | None:
    """``k`` points of ``pool``, ``spacing`` apart and from ``taken``, grouped compactly
    around the middle of the pool; ``None`` when they do not fit.

    Greedy from every seed: each next point is the free one that keeps a comfortable gap
    (up to ``1.25 spacing``) while staying near the middle; the best complete cluster (its
    smallest comfortable gap, then its closeness to the middle) wins.
    """
    cap = 1.25 * spacing
    middle = pool.mean(axis=0)
    to_middle = np.hypot(*(pool - middle).T)
    base_gap = _distances(pool, taken)
    best: tuple[float, NDArray[np.float64]] | None = None
    for seed in np.argsort(to_middle, kind="stable"):
        if base_gap[seed] < spacing:
            continue
        picked = [int(seed)]
        gap = np.minimum(base_gap, np.hypot(*(pool - pool[seed]).T))
        while len(picked) < k:
            free = gap >= spacing
            if not free.any():
                break
            score = np.where(free, np.minimum(gap, cap) - 0.3 * to_middle, -np.inf)
            nxt = int(np.argmax(score))
            picked.append(nxt)
            gap = np.minimum(gap, np.hypot(*(pool - pool[nxt]).T))
        if len(picked) < k:
            continue
        points = pool[picked]
        inner = (
            _distances(points, points[:0])
            if k == 1
            else np.array(
                [np.min(np.delete(np.hypot(*(points - p).T), i)) for i, p in enumerate(points)]
            )
        )
        value = float(np.minimum(inner, cap).min()) - 0.3 * float(to_middle[picked].mean())
        if best is None or value > best[0] + 1e-12:
            best = (value, points)
    return None if best is None else best[1]


def place_elements(
    stages: Sequence[tuple[SetPair, VennLayout]],
    *,
    spacing: float,
    clearance: float,
    keep_out: Sequence[Box] = (),
    path_samples: int = 16,
) -> dict[int, tuple[float, float]]:
    """Where to draw each element so that its dot lies in its region at every stage.

    At each stage ``(pair, layout)`` every element's point must fall in the region of
    ``layout`` that its membership in ``pair`` names, at least ``clearance`` from every drawn
    line. Where an element's region is the same in two consecutive stages, it must also stay
    there (with the same clearance) while the layout moves linearly from one to the next, so
    an animated circle never crosses it. Points are at least ``spacing`` apart and outside
    ``keep_out`` boxes (grown by ``clearance``). Within a region the points cluster around the
    middle of the room available; the elements are assigned in increasing order, in reading
    order (top to bottom, left to right).

    Parameters
    ----------
    stages
        One or more ``(pair, layout)``; all pairs share the universe; the first layout's box
        is searched.
    spacing
        Smallest distance between two points.
    clearance
        Smallest distance from a point to a circle or the box (and to ``keep_out`` boxes).
    keep_out
        Places to leave free (captions).
    path_samples
        Moments checked between consecutive stages.

    Returns
    -------
    dict
        ``{element: (x, y)}``.

    Raises
    ------
    ValueError
        When a region has no room for its elements.
    """
    if not stages:
        raise ValueError("at least one stage is needed")
    universe = stages[0][0].universe
    if any(pair.universe != universe for pair, _ in stages):
        raise ValueError("all stages must share the universe")
    candidates = _candidates(stages[0][1].box, spacing / 4)
    for box in keep_out:
        grown = Box(
            box.left - clearance, box.bottom - clearance, box.right + clearance, box.top + clearance
        )
        candidates = candidates[grown.inside_distance(candidates) < 0]

    def valid_for(key: tuple[Region, ...]) -> NDArray[np.bool_]:
        ok = np.ones(len(candidates), dtype=bool)
        for (_, layout), region in zip(stages, key, strict=True):
            ok &= np.array([r == region for r in layout.regions_at(candidates)])
            ok &= layout.clearance(candidates) >= clearance
        for k in range(len(stages) - 1):
            if key[k] != key[k + 1]:
                continue
            start, end = stages[k][1], stages[k + 1][1]
            for t in np.linspace(0.0, 1.0, path_samples + 2)[1:-1]:
                moment = start.interpolate(end, float(t))
                ok &= np.array([r == key[k] for r in moment.regions_at(candidates)])
                ok &= moment.clearance(candidates) >= clearance
        return ok

    groups: dict[tuple[Region, ...], list[int]] = {}
    for x in sorted(universe):
        key = tuple(pair.region_of(x) for pair, _ in stages)
        groups.setdefault(key, []).append(x)

    chosen = np.empty((0, 2))
    placed: dict[int, tuple[float, float]] = {}
    # the most crowded regions choose first
    for key, elements in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        pool = candidates[valid_for(key)]
        if len(pool) == 0:
            raise ValueError(f"no room at all for region(s) {key}")
        points = _cluster(pool, len(elements), chosen, spacing)
        if points is None:
            raise ValueError(
                f"no room for {len(elements)} element(s) of region(s) {key} "
                f"{spacing} apart with clearance {clearance}"
            )
        chosen = np.vstack([chosen, points])
        order = sorted(points, key=lambda p: (-round(float(p[1]), 6), float(p[0])))
        for element, p in zip(elements, order, strict=True):
            placed[element] = (float(p[0]), float(p[1]))
    return placed
