"""A two-set Venn diagram whose elements are labelled dots that light up, region by region.

:class:`VennDiagram` draws a universe box, the circles of A and B, one fill per region (dark
until lit) and one dot per element, its id written on it, placed by
:func:`~mathviz.maths.sets.place_elements` in the region its membership names. Its animations
light the regions of a set expression while the dots in them light one by one and a counter
ticks with them (:meth:`VennDiagram.light`), ring the dots of a set as they are counted
(:meth:`VennDiagram.tally`), and move a circle while the fills, and each dot's colour, follow
the new geometry (:meth:`VennDiagram.move_circle`).

Every read-back looks at the drawing, never at the model's lists: which region a dot is in
comes from its drawn centre against the drawn circles and box; lit dots and rings are counted
by their drawn colour and opacity; a region's area is the shoelace area of its drawn fill.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    DL,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UR,
    AnimationGroup,
    Circle,
    Create,
    DecimalNumber,
    FadeIn,
    Group,
    LaggedStart,
    ManimColor,
    Mobject,
    Rectangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.rate_functions import linear, smooth

from mathviz import theme
from mathviz.layout import same_colour
from mathviz.maths.sets import (
    REGIONS,
    Box,
    Disc,
    Region,
    SetPair,
    VennLayout,
    place_elements,
    polygon_area,
)
from mathviz.readings import reads_screen

__all__ = [
    "SET_COLORS",
    "DOT_COLOR",
    "LIT_COLOR",
    "TRUE_COLOR",
    "FALSE_COLOR",
    "FILL_OPACITY",
    "UserDot",
    "VennDiagram",
]

#: the outlines (and captions) of A and B
SET_COLORS = (theme.VECTOR_SECOND, theme.PROJECTION)
#: an element's dot at rest, and lit as part of the set being counted
DOT_COLOR = theme.TEXT
LIT_COLOR = theme.ACCENT
#: a dot (and its region) judged by a statement: true or false for that element
TRUE_COLOR = theme.GOOD
FALSE_COLOR = theme.BAD
#: a lit region's fill opacity
FILL_OPACITY = 0.22
#: a dot grows by this share for a moment when it lights
PULSE = 0.35
#: share of an animation a dot's pulse lasts
PULSE_SHARE = 0.1

_WHICH = ("a", "b")


def _point(x: float, y: float) -> np.ndarray:
    """A scene point in the drawing's plane."""
    return np.array([x, y, 0.0])


class UserDot(VGroup):
    """One element: a filled disc with its id written on it, and a ring for each set that
    counts it (invisible until counted).

    Attributes
    ----------
    element
        The id written on the disc.
    disc, label
        The disc and the id's text.
    rings
        ``{"a": ring, "b": ring}``: the inner ring in A's colour, the outer in B's.
    """

    def __init__(self, element: int, *, radius: float = 0.24, size: int = 20) -> None:
        self.element = element
        self.disc = Circle(radius=radius, stroke_width=0, fill_color=DOT_COLOR, fill_opacity=1.0)
        self.label = theme.text(str(element), size=size, color=theme.BACKGROUND)
        self.label.move_to(self.disc)
        self.rings = {
            which: Circle(radius=radius * scale, stroke_color=color, stroke_width=4)
            .set_stroke(opacity=0.0)
            .move_to(self.disc)
            for which, scale, color in zip(_WHICH, (1.36, 1.76), SET_COLORS, strict=True)
        }
        super().__init__(self.rings["b"], self.rings["a"], self.disc, self.label)
        self.name = f"user {element}"


class VennDiagram(VGroup):
    """The universe box, the circles of A and B, their four region fills and one dot per
    element of the universe.

    Parameters
    ----------
    pair
        The sets drawn.
    layout
        Where the circles and the box are drawn (scene units).
    later
        Further ``(pair, layout)`` stages the dots must also fit (a circle that will grow to
        take some of them in): the dots are placed so that every stage, and the motion between
        consecutive stages, keeps each dot in its region.
    names, captions
        The sets' letters and what they stand for, written in the box's top corners.
    spacing, clearance
        Smallest distance between dots, and between a dot and any drawn line (scene units).
    dot_radius, label_size
        Size of the dots and of the ids written on them.
    samples
        Points per full circle in the region fills.
    """

    def __init__(
        self,
        pair: SetPair,
        layout: VennLayout,
        *,
        later: Sequence[tuple[SetPair, VennLayout]] = (),
        names: tuple[str, str] = ("A", "B"),
        captions: tuple[str, str] = ("", ""),
        spacing: float = 0.95,
        clearance: float = 0.42,
        dot_radius: float = 0.24,
        label_size: int = 20,
        caption_size: int = theme.LABEL_SIZE,
        samples: int = 240,
    ) -> None:
        super().__init__()
        self.pair, self.layout, self.samples = pair, layout, samples
        box = layout.box
        self.universe = Rectangle(
            width=box.right - box.left,
            height=box.top - box.bottom,
            stroke_color=theme.MUTED,
            stroke_width=2,
        ).move_to(_point((box.left + box.right) / 2, (box.bottom + box.top) / 2))
        self.universe.name = "universe box"
        self.circles: dict[str, Circle] = {}
        for which, disc, color in zip(_WHICH, (layout.a, layout.b), SET_COLORS, strict=True):
            circle = Circle(radius=disc.radius, stroke_color=color, stroke_width=4)
            circle.move_to(_point(*disc.center))
            circle.name = f"circle {which.upper()}"
            self.circles[which] = circle
        self._unit_circle = Circle(radius=1.0).points.copy()
        self.fills: dict[Region, VMobject] = {}
        for region in REGIONS:
            fill = VMobject(stroke_width=0, fill_color=LIT_COLOR, fill_opacity=0.0)
            fill.name = f"region {region}"
            self.fills[region] = fill
        self._set_fills(layout)
        self.captions = VGroup()
        corners = (UL, UR)
        for name, caption, color, corner in zip(names, captions, SET_COLORS, corners, strict=True):
            label = VGroup(theme.tex(name, size=caption_size + 14, color=color))
            if caption:
                label.add(theme.text(caption, size=caption_size, color=color))
            label.arrange(RIGHT, buff=0.18, aligned_edge=DOWN)
            label.move_to(
                self.universe.get_corner(corner) + 0.22 * (DOWN + LEFT * corner[0]), corner
            )
            self.captions.add(label)
        keep_out = [Box(*c.get_corner(DL)[:2], *c.get_corner(UR)[:2]) for c in self.captions]
        positions = place_elements(
            [(pair, layout), *later], spacing=spacing, clearance=clearance, keep_out=keep_out
        )
        self.dots: dict[int, UserDot] = {}
        for element in sorted(pair.universe):
            dot = UserDot(element, radius=dot_radius, size=label_size)
            dot.move_to(_point(*positions[element]))
            self.dots[element] = dot
        #: where each element's dot belongs
        self.positions = {x: dot.get_center() for x, dot in self.dots.items()}
        self._sets_drawn = False
        self._restack()

    def _restack(self) -> None:
        """The drawing order: box, fills, circles and captions (once drawn), dots on top."""
        sets = [*self.circles.values(), self.captions] if self._sets_drawn else []
        self.submobjects = [self.universe, *self.fills.values(), *sets, *self.dots.values()]

    # --- geometry as drawn --------------------------------------------------------------
    def drawn_layout(self) -> VennLayout:
        """The circles and box as they are drawn now, in the model's terms."""
        discs = [
            Disc((float(c.get_center()[0]), float(c.get_center()[1])), float(c.width / 2))
            for c in (self.circles["a"], self.circles["b"])
        ]
        dl, ur = self.universe.get_corner(DL), self.universe.get_corner(UR)
        return VennLayout(discs[0], discs[1], Box(dl[0], dl[1], ur[0], ur[1]))

    def _set_fills(self, layout: VennLayout) -> None:
        for region, fill in self.fills.items():
            fill.clear_points()
            for loop in layout.outline(region, self.samples):
                points = np.column_stack([loop, np.zeros(len(loop))])
                fill.start_new_path(points[0])
                fill.add_points_as_corners([*points[1:], points[0]])

    def _set_circle(self, which: str, disc: Disc) -> None:
        self.circles[which].points = self._unit_circle * disc.radius + np.array([*disc.center, 0.0])

    def _region_of_dot(self, dot: UserDot, layout: VennLayout) -> Region | None:
        return layout.region_at(dot.disc.get_center()[:2])

    def elements_in(self, regions: Iterable[Region]) -> list[int]:
        """The elements whose dots are drawn in ``regions`` now, in reading order (top to
        bottom, left to right): the order the animations light them in."""
        wanted, layout = set(regions), self.drawn_layout()
        inside = [x for x, dot in self.dots.items() if self._region_of_dot(dot, layout) in wanted]
        return sorted(
            inside,
            key=lambda x: (
                -round(float(self.dots[x].get_center()[1]), 3),
                float(self.dots[x].get_center()[0]),
            ),
        )

    # --- animations -------------------------------------------------------------------------
    def draw_universe(
        self, left: np.ndarray, right: np.ndarray, run_time: float = 2.0
    ) -> Animation:
        """Draw the universe box and bring the dots in, lined up in one row from ``left`` to
        ``right`` in increasing order (the circles are not drawn yet)."""
        xs = sorted(self.dots)
        for i, x in enumerate(xs):
            t = i / max(len(xs) - 1, 1)
            self.dots[x].move_to((1 - t) * np.asarray(left) + t * np.asarray(right))
        return AnimationGroup(
            Create(self.universe),
            LaggedStart(*(FadeIn(self.dots[x], scale=0.5) for x in xs), lag_ratio=0.15),
            lag_ratio=0.3,
            group=self,
            run_time=run_time,
        )

    def draw_sets(self, run_time: float = 3.0) -> Animation:
        """Draw the two circles and their captions while every dot flies to its place."""
        self._sets_drawn = True
        self._restack()
        return AnimationGroup(
            AnimationGroup(*(Create(c) for c in self.circles.values()), FadeIn(self.captions)),
            LaggedStart(
                *(_Fly(self.dots[x], self.positions[x]) for x in sorted(self.dots)),
                lag_ratio=0.12,
            ),
            lag_ratio=0.25,
            group=self,
            run_time=run_time,
        )

    def light(
        self,
        regions: Iterable[Region],
        *,
        color: ManimColor = LIT_COLOR,
        counter: DecimalNumber | None = None,
        reset: bool = True,
        run_time: float = 2.0,
    ) -> Animation:
        """Light ``regions``: their fills brighten, and the dots drawn in them light one by one
        in reading order while ``counter`` shows how many are lit.

        With ``reset`` every other dot goes back to rest and every other fill goes dark
        first; without it, what is lit stays lit (a truth table's rows, one after another).
        """
        regions = list(regions)
        return _Light(
            self,
            self.elements_in(regions),
            dict.fromkeys(regions, (color, FILL_OPACITY)),
            color,
            counter,
            reset,
            run_time=run_time,
        )

    def unlight(self, run_time: float = 0.5) -> Animation:
        """Every fill goes dark and every dot back to rest."""
        return _Light(self, [], {}, LIT_COLOR, None, True, run_time=run_time)

    def tally(
        self,
        which: str,
        counter: DecimalNumber,
        *,
        remove: Iterable[int] = (),
        run_time: float = 2.0,
    ) -> Animation:
        """Count set ``which`` (``"a"`` or ``"b"``) dot by dot: each of its dots gets a ring in
        the set's colour and ``counter`` goes up by one. With ``remove`` the rings of those
        elements are taken away one by one instead, and the counter goes down."""
        region_sets = {"a": [(True, True), (True, False)], "b": [(True, True), (False, True)]}
        removing = list(remove)
        elements = (
            [x for x in self.elements_in(region_sets[which]) if x in removing]
            if removing
            else self.elements_in(region_sets[which])
        )
        return _Rings(self, elements, which, not removing, counter, run_time=run_time)

    def clear_rings(self, run_time: float = 0.8) -> Animation:
        """Fade out every ring."""
        rings = [ring for dot in self.dots.values() for ring in dot.rings.values()]
        return _FadeStrokes(self, rings, run_time=run_time)

    def move_circle(
        self,
        which: str,
        target: Disc,
        *,
        verdict: Callable[[Region], bool] | None = None,
        run_time: float = 3.0,
    ) -> Animation:
        """Move and resize circle ``which`` to ``target``; the region fills follow it. With
        ``verdict`` every dot (and every lit fill) shows, at every moment, whether the
        statement holds in the region it is drawn in (:data:`TRUE_COLOR` or
        :data:`FALSE_COLOR`)."""
        return _MoveCircle(self, which, target, verdict, run_time=run_time)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("count")
    def count_shown(self, regions: Iterable[Region]) -> int:
        """How many dots are drawn inside ``regions``: each dot's drawn centre against the
        drawn circles and box."""
        wanted, layout = set(regions), self.drawn_layout()
        return sum(1 for dot in self.dots.values() if self._region_of_dot(dot, layout) in wanted)

    @reads_screen("printed")
    def ids_shown(self, regions: Iterable[Region]) -> list[int]:
        """The ids written on the dots drawn inside ``regions``, as typeset, in increasing
        order: which elements the picture puts there."""
        wanted, layout = set(regions), self.drawn_layout()
        return sorted(
            int(dot.label.text)
            for dot in self.dots.values()
            if self._region_of_dot(dot, layout) in wanted
        )

    @reads_screen("count")
    def dots_shown(self) -> int:
        """How many dots are drawn inside the universe box."""
        layout = self.drawn_layout()
        return sum(1 for dot in self.dots.values() if self._region_of_dot(dot, layout) is not None)

    @reads_screen("count")
    def lit_shown(
        self, color: ManimColor = LIT_COLOR, regions: Iterable[Region] | None = None
    ) -> int:
        """How many dots are drawn in ``color`` (only those drawn inside ``regions``, if given)."""
        layout = self.drawn_layout()
        wanted = None if regions is None else set(regions)
        return sum(
            1
            for dot in self.dots.values()
            if same_colour(dot.disc.get_fill_color(), color)
            and (wanted is None or self._region_of_dot(dot, layout) in wanted)
        )

    @reads_screen("count")
    def rings_shown(self, which: str | None = None) -> int:
        """How many rings are drawn (of set ``which`` only, if given)."""
        kinds = _WHICH if which is None else (which,)
        return sum(
            1
            for dot in self.dots.values()
            for k in kinds
            if dot.rings[k].get_stroke_opacity() > theme.VISIBLE_OPACITY
        )

    @reads_screen("count")
    def ringed_shown(self, rings: int) -> int:
        """How many dots are drawn with exactly ``rings`` rings around them."""
        return sum(
            1
            for dot in self.dots.values()
            if sum(r.get_stroke_opacity() > theme.VISIBLE_OPACITY for r in dot.rings.values())
            == rings
        )

    @reads_screen("area")
    def area_shown(self, region: Region) -> float:
        """The area of ``region``'s drawn fill: the shoelace area of its outline's loops
        (holes count negative), whether lit or not."""
        fill = self.fills[region]
        return float(sum(polygon_area(path[:, :2]) for path in _subpath_anchors(fill)))

    @reads_screen("geometry")
    def disc_shown(self, which: str) -> np.ndarray:
        """Circle ``which`` as drawn: ``[centre x, centre y, radius]``."""
        circle = self.circles[which]
        return np.array([*circle.get_center()[:2], circle.width / 2])


def _subpath_anchors(vm: VMobject) -> list[np.ndarray]:
    """Each closed subpath of a polygon-like VMobject as its anchor points."""
    return [np.asarray(sub[::4], dtype=float) for sub in vm.get_subpaths() if len(sub) >= 4]


# --- animations --------------------------------------------------------------------------------
def _moments(n: int) -> list[float]:
    """When each of ``n`` dots lights during an animation (share of its run): evenly spread,
    the first soon after the start, the last before the end."""
    return [0.9 * (i + 0.5) / n for i in range(n)]


class _DotsAnimation(Animation):
    """Shared bookkeeping: the diagram (and a counter) animated in place, dots pulsing."""

    def __init__(self, diagram: VennDiagram, counter: DecimalNumber | None, **kwargs: Any) -> None:
        self.diagram, self.counter = diagram, counter
        mobject: Mobject = diagram if counter is None else Group(diagram, counter)
        kwargs.setdefault("rate_func", linear)
        super().__init__(mobject, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def _remember(self, elements: Iterable[int]) -> None:
        self._rest = {
            x: (
                [m.points.copy() for m in self.diagram.dots[x].get_family()],
                self.diagram.dots[x].disc.get_center(),
            )
            for x in elements
        }

    def _pulse(self, element: int, since: float) -> None:
        """Redraw ``element``'s dot grown by the pulse ``since`` (share of the run) after it lit."""
        points, centre = self._rest[element]
        u = since / PULSE_SHARE
        scale = 1.0 + PULSE * math.sin(math.pi * u) if 0.0 <= u <= 1.0 else 1.0
        for mob, rest in zip(self.diagram.dots[element].get_family(), points, strict=True):
            mob.points = (rest - centre) * scale + centre if len(rest) else rest


class _Light(_DotsAnimation):
    def __init__(
        self,
        diagram: VennDiagram,
        elements: Sequence[int],
        fills: Mapping[Region, tuple[ManimColor, float]],
        color: ManimColor,
        counter: DecimalNumber | None,
        reset: bool,
        **kwargs: Any,
    ) -> None:
        self.elements, self.fill_to, self.color, self.reset = list(elements), fills, color, reset
        super().__init__(diagram, counter, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        d = self.diagram
        self.fill_from = {
            r: (f.get_fill_color(), float(f.get_fill_opacity())) for r, f in d.fills.items()
        }
        self.was = {x: dot.disc.get_fill_color() for x, dot in d.dots.items()}
        self._remember(self.elements)
        self.times = _moments(len(self.elements))
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        fade = smooth(min(1.0, alpha / 0.2))
        for region, fill in self.diagram.fills.items():
            old_color, old_opacity = self.fill_from[region]
            if region in self.fill_to:
                color, opacity = self.fill_to[region]
                start = old_opacity if same_colour(old_color, color) else 0.0
                fill.set_fill(color, start + (opacity - start) * fade)
            elif self.reset:
                fill.set_fill(old_color, old_opacity * (1 - fade))
        lit = sum(1 for t in self.times if alpha >= t)
        for i, x in enumerate(self.elements):
            if i < lit:
                self.diagram.dots[x].disc.set_fill(self.color)
            self._pulse(x, alpha - self.times[i] if i < lit else -1.0)
        for x, dot in self.diagram.dots.items():
            if x in self.elements[:lit]:
                continue
            dot.disc.set_fill(DOT_COLOR if self.reset else self.was[x])
        if self.counter is not None:
            self.counter.set_value(lit)


class _Rings(_DotsAnimation):
    def __init__(
        self,
        diagram: VennDiagram,
        elements: Sequence[int],
        which: str,
        add: bool,
        counter: DecimalNumber,
        **kwargs: Any,
    ) -> None:
        self.elements, self.which, self.add_rings = list(elements), which, add
        super().__init__(diagram, counter, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        assert self.counter is not None
        self.start_count = round(float(self.counter.get_value()))
        self._remember(self.elements)
        self.times = _moments(len(self.elements))
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        done = sum(1 for t in self.times if alpha >= t)
        for i, x in enumerate(self.elements):
            shown = (i < done) == self.add_rings
            self.diagram.dots[x].rings[self.which].set_stroke(opacity=1.0 if shown else 0.0)
            self._pulse(x, alpha - self.times[i] if i < done else -1.0)
        assert self.counter is not None
        self.counter.set_value(self.start_count + (done if self.add_rings else -done))


class _MoveCircle(Animation):
    def __init__(
        self,
        diagram: VennDiagram,
        which: str,
        target: Disc,
        verdict: Callable[[Region], bool] | None,
        **kwargs: Any,
    ) -> None:
        self.diagram, self.which, self.target, self.verdict = diagram, which, target, verdict
        super().__init__(diagram, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        layout = self.diagram.drawn_layout()
        self.start = layout.a if self.which == "a" else layout.b
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        d = self.diagram
        d._set_circle(self.which, self.start.interpolate(self.target, self.rate_func(alpha)))
        layout = d.drawn_layout()
        d._set_fills(layout)
        if self.verdict is None:
            return
        for region, fill in d.fills.items():
            fill.set_fill(TRUE_COLOR if self.verdict(region) else FALSE_COLOR)
        for dot in d.dots.values():
            where = d._region_of_dot(dot, layout)
            if where is not None:
                dot.disc.set_fill(TRUE_COLOR if self.verdict(where) else FALSE_COLOR)


class _Fly(Animation):
    """Move a mobject in a straight line to ``target``."""

    def __init__(self, mob: Mobject, target: np.ndarray, **kwargs: Any) -> None:
        self.target = np.asarray(target, dtype=float)
        super().__init__(mob, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = self.mobject.get_center()
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        self.mobject.move_to((1 - t) * self.start + t * self.target)


class _FadeStrokes(Animation):
    """Fade the strokes of ``parts`` (members of ``owner``) to nothing."""

    def __init__(self, owner: Mobject, parts: Sequence[VMobject], **kwargs: Any) -> None:
        self.parts = list(parts)
        super().__init__(owner, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = [float(p.get_stroke_opacity()) for p in self.parts]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        for part, start in zip(self.parts, self.start, strict=True):
            part.set_stroke(opacity=start * (1 - t))
