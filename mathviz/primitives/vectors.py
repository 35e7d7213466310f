"""Vectors drawn on a plane: named arrows, tip-to-tail sums, scaling, projections, p-norm
balls, and the column-vector lists that sit beside the arrows.

Every primitive here is built from plane coordinates and reads its values back *through the
plane* (``coords``), so a checkpoint compares what is drawn with the maths, not a stored
number with itself. Animations are returned, never played; an animation over a primitive's
own parts passes ``group=self`` so that a primitive already on screen keeps its layer.

Typical use::

    plane = VectorPlane((-1, 5), (-1, 5), unit=1.1)
    total = VectorSum(plane, (1, 2), (3, 1))
    self.play(plane.create()); self.play(total.create())
    self.play(total.slide()); self.play(total.resultant())
    self.checkpoint("sum", total.sum_shown(), expected=[4, 3])

A *follower* is a pair ``(display, getter)``: ``display.set(getter())`` is called on every
frame of a primitive's animation, so a :class:`~mathviz.primitives.readout.Readout` or a
:class:`ColumnVector` shows a value read off the moving drawing. Each follower runs as an
animation of its display beside the primitive's own, so Manim redraws the display at every
frame even when it sits in a group drawn before the primitive (a display changed only from
another animation's update counts as static and stays frozen on screen).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, Protocol, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    AnimationGroup,
    Arc,
    Arrow,
    BackgroundRectangle,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeToColor,
    GrowArrow,
    Line,
    ManimColor,
    Mobject,
    NumberPlane,
    Polygon,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    interpolate_color,
)
from manim.animation.animation import Animation
from manim.animation.numbers import ChangeDecimalToValue
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths import recommender
from mathviz.maths.vector_geometry import (
    arc_between,
    inverse_p,
    p_between,
    polar_interpolate,
    right_angle_corner,
    tip_to_tail,
)
from mathviz.maths.vectors import p_norm, projection, unit_ball_boundary
from mathviz.primitives.plots import square_bracket
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import Printed, printed, printed_all, reads_screen

__all__ = [
    "FIRST_COLOR",
    "SECOND_COLOR",
    "SUM_COLOR",
    "MIN_ARROW_LENGTH",
    "Follower",
    "BackedLabel",
    "VectorPlane",
    "PlaneArrow",
    "VectorSum",
    "VectorScaling",
    "AngleMark",
    "ProjectionDiagram",
    "norm_color",
    "NormBallMorph",
    "ExponentReadout",
    "ColumnVector",
    "RatingVector",
    "arrange_columns",
    "column_equation",
]

#: colours of a sum's parts: the first vector, the second, and the resultant
FIRST_COLOR = theme.VECTOR
SECOND_COLOR = theme.VECTOR_SECOND
SUM_COLOR = theme.VECTOR_SUM
#: shortest arrow drawn; shorter ones (a vector scaled through 0) become invisible
MIN_ARROW_LENGTH = 1e-3

Follower = tuple[Any, Callable[[], Any]]


class _Display(Protocol):
    """A follower's display: shows a value when given one (``Readout.set``, ``ColumnVector.set``)."""

    def set(self, value: Any, /) -> object: ...


class _Follow(Animation):
    """Show ``read()`` on ``display`` at every frame: an animation *of the display*, so the
    renderer redraws it while the geometry it describes moves."""

    def __init__(self, display: Mobject, read: Callable[[], Any], **kwargs: Any) -> None:
        self.read = read
        super().__init__(display, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        cast(_Display, self.mobject).set(self.read())


def _with_followers(motion: Animation, followers: Sequence[Follower], group: VGroup) -> Animation:
    """``motion`` with every follower's display kept in step, frame by frame (the displays
    are updated after the motion, so they read the geometry of the same frame)."""
    if not followers:
        return motion
    follows = [_Follow(display, read, run_time=motion.run_time) for display, read in followers]
    return AnimationGroup(motion, *follows, group=group, run_time=motion.run_time)


class BackedLabel(VGroup):
    """A label on a dark backing the size of its box, so the grid lines, axes and curves
    drawn before it do not run through the text. Its own :meth:`set_color` recolours the
    text only; a group holding it recolours its whole family, backing included, so recolour
    :attr:`label` from outside.

    Parameters
    ----------
    label
        The text, formula or number (kept as :attr:`label`, e.g. for :func:`printed`).
    buff
        Margin of the backing around the label's box.
    opacity
        Opacity of the backing (the scene's background colour).
    """

    def __init__(self, label: VMobject, *, buff: float = 0.06, opacity: float = 0.85) -> None:
        self.label = label
        self.backing = BackgroundRectangle(
            label, color=theme.BACKGROUND, fill_opacity=opacity, buff=buff
        )
        super().__init__(self.backing, label)

    def set_color(self, color: ParsableManimColor, family: bool = True) -> BackedLabel:  # type: ignore[override]  # noqa: D102 - VMobject.set_color's signature, which manim declares incompatible with Mobject.set_color
        self.label.set_color(color, family=family)
        return self


def _as_label(label: str | VMobject | None, color: ManimColor, size: int) -> BackedLabel | None:
    """A label on its backing (a TeX string is typeset first), or ``None``."""
    if label is None:
        return None
    if not isinstance(label, Mobject):
        label = theme.tex(label, size=size, color=color)
    return label if isinstance(label, BackedLabel) else BackedLabel(label)


# --- the plane ----------------------------------------------------------------------------------
class VectorPlane(VGroup):
    """A coordinate grid that vectors are drawn on and read back through.

    Parameters
    ----------
    x_range, y_range
        Extent in plane coordinates (grid lines every 1).
    unit
        Scene units per plane unit (the same on both axes, so angles are true angles).
    origin
        Where the plane's (0, 0) sits in the scene; ``None`` centres the grid.
    x_label, y_label
        Axis names (e.g. two movies), drawn at the positive ends of the axes.
    numbers_up_to
        ``(nx, ny)``: label the integer ticks 1…nx and 1…ny on the positive half-axes.
    """

    def __init__(
        self,
        x_range: tuple[float, float] = (-1.0, 5.0),
        y_range: tuple[float, float] = (-1.0, 5.0),
        *,
        unit: float = 1.0,
        origin: ArrayLike | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        numbers_up_to: tuple[int, int] | None = None,
        number_size: int = 22,
    ) -> None:
        super().__init__()
        self.unit = float(unit)
        self.x_range, self.y_range = tuple(x_range), tuple(y_range)
        self.plane = NumberPlane(
            x_range=(*x_range, 1),
            y_range=(*y_range, 1),
            x_length=(x_range[1] - x_range[0]) * unit,
            y_length=(y_range[1] - y_range[0]) * unit,
            background_line_style={
                "stroke_color": theme.GRID,
                "stroke_width": 1.2,
                "stroke_opacity": 0.75,
            },
            axis_config={"stroke_color": theme.MUTED, "stroke_width": 2},
        )
        if origin is not None:
            target = np.array([*np.asarray(origin, dtype=float)[:2], 0.0])
            self.plane.shift(target - self.plane.c2p(0, 0))
        self.add(self.plane)
        if numbers_up_to is not None:
            # the plane's own tick labels: its grid lines and axes are not said to cross them
            ticks = VGroup()
            for x in range(1, numbers_up_to[0] + 1):
                ticks.add(
                    theme.tex(str(x), size=number_size, color=theme.MUTED).next_to(
                        self.c2p(x, 0), DOWN, buff=0.12
                    )
                )
            for y in range(1, numbers_up_to[1] + 1):
                ticks.add(
                    theme.tex(str(y), size=number_size, color=theme.MUTED).next_to(
                        self.c2p(0, y), LEFT, buff=0.12
                    )
                )
            self.plane.coordinate_labels = ticks
            self.plane.add(ticks)
        #: the axis names, each on a backing (grid lines run under them)
        self.decorations = VGroup()
        if x_label:
            end = self.c2p(x_range[1], 0)
            label = theme.text(x_label, size=theme.LABEL_SIZE, color=theme.MUTED)
            label.next_to(end, UP, buff=0.12).align_to(end + 0.1 * LEFT, RIGHT)
            self.decorations.add(BackedLabel(label))
        if y_label:
            end = self.c2p(0, y_range[1])
            label = theme.text(y_label, size=theme.LABEL_SIZE, color=theme.MUTED)
            label.next_to(end, RIGHT, buff=0.15).align_to(end + 0.1 * DOWN, UP)
            self.decorations.add(BackedLabel(label))
        self.add(self.decorations)
        self.arrows: dict[str, PlaneArrow] = {}

    # --- coordinates ----------------------------------------------------------------------
    def c2p(self, x: float, y: float) -> NDArray[np.float64]:
        """Scene point of plane coordinates ``(x, y)``."""
        return np.asarray(self.plane.c2p(float(x), float(y)), dtype=float)

    def coords_of(self, point: Mobject | ArrayLike) -> NDArray[np.float64]:
        """Plane coordinates of a scene point (or of a mobject's centre)."""
        return coords(self.plane, point if isinstance(point, Mobject) else np.asarray(point))

    # --- arrows ---------------------------------------------------------------------------
    def arrow_to(
        self,
        end: ArrayLike,
        color: ManimColor = theme.VECTOR,
        label: str | VMobject | None = None,
        *,
        name: str | None = None,
        start: ArrayLike = (0.0, 0.0),
        label_direction: ArrayLike | None = None,
        label_size: int = 36,
    ) -> PlaneArrow:
        """A named arrow from ``start`` (default the origin) to ``end``; show it with :meth:`grow`.

        The arrow is registered under ``name`` (default: the label string) in :attr:`arrows`.
        """
        arrow = PlaneArrow(
            self,
            end,
            start=start,
            color=color,
            label=label,
            label_direction=label_direction,
            label_size=label_size,
        )
        key = name if name is not None else (label if isinstance(label, str) else None)
        if key is not None:
            self.arrows[key] = arrow
        return arrow

    def create(self, run_time: float = 1.2) -> Animation:
        """Fade the grid and its labels in."""
        return AnimationGroup(
            FadeIn(self.plane), FadeIn(self.decorations), group=self, run_time=run_time
        )

    def grow(self, *arrows: PlaneArrow, lag_ratio: float = 0.4, run_time: float = 1.2) -> Animation:
        """Attach ``arrows`` to the plane and grow them out of their tails."""
        self.add(*arrows)
        return AnimationGroup(
            *(a.grow() for a in arrows), lag_ratio=lag_ratio, group=self, run_time=run_time
        )

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def tip_shown(self, arrow: PlaneArrow | Arrow) -> NDArray[np.float64]:
        """The drawn tip of an arrow, in plane coordinates."""
        return self.coords_of(_arrow_of(arrow).get_end())

    @reads_screen("geometry")
    def tail_shown(self, arrow: PlaneArrow | Arrow) -> NDArray[np.float64]:
        """The drawn tail of an arrow, in plane coordinates."""
        return self.coords_of(_arrow_of(arrow).get_start())

    @reads_screen("geometry")
    def vector_shown(self, arrow: PlaneArrow | Arrow) -> NDArray[np.float64]:
        """Tip minus tail as drawn: the vector the arrow stands for, wherever it sits."""
        return self.tip_shown(arrow) - self.tail_shown(arrow)

    @reads_screen("geometry")
    def length_shown(self, arrow: PlaneArrow | Arrow) -> float:
        """The drawn arrow's length in plane units."""
        return float(np.hypot(*self.vector_shown(arrow)))

    @reads_screen("geometry")
    def angle_shown(self, first: PlaneArrow | Arrow, second: PlaneArrow | Arrow) -> float:
        """The angle between two drawn arrows, in degrees (0–180)."""
        u, v = self.vector_shown(first), self.vector_shown(second)
        cos = float(u @ v) / (np.hypot(*u) * np.hypot(*v))
        return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


def _arrow_of(arrow: PlaneArrow | Arrow) -> Arrow:
    return arrow.arrow if isinstance(arrow, PlaneArrow) else arrow


class PlaneArrow(VGroup):
    r"""One arrow between plane coordinates, with an optional label riding on its tip.

    Parameters
    ----------
    plane
        The plane it is drawn on (coordinates in, coordinates out).
    end, start
        Tip and tail in plane coordinates.
    color
        Stroke and tip colour (and the label's, when the label is a string).
    label
        TeX string (``r"\\vec v"``) or any mobject (a user's name as Text), or ``None``.
    label_direction
        Side of the tip the label sits on; ``None`` puts it beyond the tip, along the arrow.
    """

    #: tail and tip in plane coordinates, as last drawn (:meth:`set_coords`)
    start_coords: NDArray[np.float64]
    end_coords: NDArray[np.float64]

    def __init__(
        self,
        plane: VectorPlane,
        end: ArrayLike,
        *,
        start: ArrayLike = (0.0, 0.0),
        color: ManimColor = theme.VECTOR,
        label: str | VMobject | None = None,
        label_direction: ArrayLike | None = None,
        label_size: int = 36,
        stroke_width: float = 6.0,
    ) -> None:
        super().__init__()
        self.plane = plane
        self.arrow_color = color
        self.arrow_stroke_width = stroke_width
        self.label_direction = (
            None if label_direction is None else np.asarray(label_direction, dtype=float)
        )
        self.arrow = self._make(np.asarray(start, dtype=float), np.asarray(end, dtype=float))
        self.add(self.arrow)
        self.label = _as_label(label, color, label_size)
        if self.label is not None:
            self.add(self.label)
        self.set_coords(end, start=start)

    def _make(self, start: NDArray[np.float64], end: NDArray[np.float64]) -> Arrow:
        visible = np.hypot(*(end - start)) >= MIN_ARROW_LENGTH
        if not visible:
            end = start + np.array([MIN_ARROW_LENGTH, 0.0])
        arrow = Arrow(
            self.plane.c2p(*start),
            self.plane.c2p(*end),
            buff=0,
            color=self.arrow_color,
            stroke_width=self.arrow_stroke_width,
            max_tip_length_to_length_ratio=0.25,
            max_stroke_width_to_length_ratio=8,
        )
        if not visible:
            arrow.set_opacity(0.0)
        return arrow

    def set_coords(self, end: ArrayLike, *, start: ArrayLike | None = None) -> PlaneArrow:
        """Redraw the arrow from ``start`` (default: where its tail is) to ``end``, now."""
        self.start_coords = (
            self.start_coords if start is None else np.asarray(start, dtype=float).copy()
        )
        self.end_coords = np.asarray(end, dtype=float).copy()
        self.arrow.become(self._make(self.start_coords, self.end_coords))
        if self.label is not None:
            tip = self.plane.c2p(*self.end_coords)
            direction = self.label_direction
            if direction is None:
                d = self.end_coords - self.start_coords
                n = np.hypot(*d)
                direction = np.array([*(d / n if n > 0 else (1.0, 0.0)), 0.0])
            elif direction.shape == (2,):
                direction = np.array([*direction, 0.0])
            self.label.next_to(tip, direction, buff=0.12)
        return self

    def grow(self) -> Animation:
        """Grow the arrow out of its tail and fade its label in."""
        parts: list[Animation] = [GrowArrow(self.arrow)]
        if self.label is not None:
            parts.append(FadeIn(self.label))
        return AnimationGroup(*parts, lag_ratio=0.5, group=self)

    def move_to_coords(
        self,
        end: ArrayLike,
        *,
        start: ArrayLike | None = None,
        run_time: float = 1.5,
        followers: Sequence[Follower] = (),
    ) -> Animation:
        """Slide tail and tip in straight lines to ``start`` (default: stay) and ``end``."""
        s0, e0 = self.start_coords.copy(), self.end_coords.copy()
        s1 = s0 if start is None else np.asarray(start, dtype=float)
        e1 = np.asarray(end, dtype=float)

        def update(_: Mobject, alpha: float) -> None:
            self.set_coords(e0 + alpha * (e1 - e0), start=s0 + alpha * (s1 - s0))

        return _with_followers(
            UpdateFromAlphaFunc(self, update, run_time=run_time), followers, self
        )


# --- addition and scaling ------------------------------------------------------------------------
class VectorSum(VGroup):
    """Tip-to-tail addition: ``first`` from the origin, ``second`` slid onto its tip, the sum.

    Parameters
    ----------
    plane
        The plane to draw on.
    first, second
        The two vectors, plane coordinates.
    colors
        Colours of first, second and resultant.
    labels
        Their labels (TeX strings or mobjects).
    """

    def __init__(
        self,
        plane: VectorPlane,
        first: ArrayLike,
        second: ArrayLike,
        *,
        colors: tuple[ManimColor, ManimColor, ManimColor] = (FIRST_COLOR, SECOND_COLOR, SUM_COLOR),
        labels: tuple[str | VMobject | None, ...] = (r"\vec v", r"\vec w", r"\vec v + \vec w"),
        label_directions: tuple[ArrayLike | None, ...] = (None, None, None),
    ) -> None:
        super().__init__()
        self.plane = plane
        self.a = np.asarray(first, dtype=float)
        self.b = np.asarray(second, dtype=float)
        self.first = PlaneArrow(
            plane, self.a, color=colors[0], label=labels[0], label_direction=label_directions[0]
        )
        self.second = PlaneArrow(
            plane, self.b, color=colors[1], label=labels[1], label_direction=label_directions[1]
        )
        _, end = tip_to_tail(self.a, self.b)
        self.total = PlaneArrow(
            plane, end, color=colors[2], label=labels[2], label_direction=label_directions[2]
        )

    def create(self, run_time: float = 1.6) -> Animation:
        """Grow both vectors from the origin."""
        self.add(self.first, self.second)
        return AnimationGroup(
            self.first.grow(), self.second.grow(), lag_ratio=0.5, group=self, run_time=run_time
        )

    def show_first(self, run_time: float = 1.0) -> Animation:
        """Grow only the first vector (introduce it on its own, then :meth:`show_second`)."""
        self.add(self.first)
        return AnimationGroup(self.first.grow(), group=self, run_time=run_time)

    def show_second(self, run_time: float = 1.0) -> Animation:
        """Grow the second vector from the origin."""
        self.add(self.second)
        return AnimationGroup(self.second.grow(), group=self, run_time=run_time)

    def slide(self, run_time: float = 1.6, followers: Sequence[Follower] = ()) -> Animation:
        """Move the second vector, unchanged, so that its tail sits on the first one's tip."""
        start, end = tip_to_tail(self.a, self.b)
        return self.second.move_to_coords(end, start=start, run_time=run_time, followers=followers)

    def resultant(self, run_time: float = 1.2) -> Animation:
        """Grow the sum: the arrow from the origin straight to where the walk ended."""
        self.add_to_back(self.total)
        return AnimationGroup(self.total.grow(), group=self, run_time=run_time)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def sum_shown(self) -> NDArray[np.float64]:
        """The drawn resultant's tip, in plane coordinates."""
        return self.plane.tip_shown(self.total)

    @reads_screen("geometry")
    def walk_end_shown(self) -> NDArray[np.float64]:
        """Where the tip-to-tail walk ends: the drawn tip of the (slid) second arrow."""
        return self.plane.tip_shown(self.second)

    @reads_screen("geometry")
    def second_shown(self) -> NDArray[np.float64]:
        """The second arrow's drawn vector (tip − tail): sliding must not change it."""
        return self.plane.vector_shown(self.second)


class VectorScaling(VGroup):
    """A vector ``c·v`` whose factor ``c`` animates, stretching the arrow along its line.

    Parameters
    ----------
    plane
        The plane to draw on.
    vector
        The base vector ``v`` (``c = 1``).
    color, label
        The arrow's colour and label (the label rides on the tip).
    ghost
        Keep a faint copy of ``v`` underneath, to compare against.
    """

    def __init__(
        self,
        plane: VectorPlane,
        vector: ArrayLike,
        *,
        color: ManimColor = theme.VECTOR,
        label: str | VMobject | None = r"c\,\vec v",
        label_direction: ArrayLike | None = None,
        ghost: bool = True,
    ) -> None:
        super().__init__()
        self.plane = plane
        self.base = np.asarray(vector, dtype=float)
        self.factor = 1.0
        self.arrow = PlaneArrow(
            plane, self.base, color=color, label=label, label_direction=label_direction
        )
        self.ghost = None
        if ghost:
            self.ghost = PlaneArrow(plane, self.base, color=color, stroke_width=10)
            self.ghost.set_opacity(0.3)

    def create(self, run_time: float = 1.0) -> Animation:
        """Grow ``c·v`` (and lay its faint ghost ``v`` underneath)."""
        parts = []
        if self.ghost is not None:
            self.add(self.ghost)
            parts.append(FadeIn(self.ghost))
        self.add(self.arrow)
        return AnimationGroup(*parts, self.arrow.grow(), group=self, run_time=run_time)

    def scale_to(
        self, factor: float, run_time: float = 2.0, followers: Sequence[Follower] = ()
    ) -> Animation:
        """Animate ``c`` from its current value to ``factor``; the tip moves along the line."""
        c0, c1 = self.factor, float(factor)
        self.factor = c1

        def update(_: Mobject, alpha: float) -> None:
            self.arrow.set_coords((c0 + alpha * (c1 - c0)) * self.base)

        return _with_followers(
            UpdateFromAlphaFunc(self, update, run_time=run_time), followers, self
        )

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def tip_shown(self) -> NDArray[np.float64]:
        """The drawn tip of ``c·v`` in plane coordinates."""
        return self.plane.tip_shown(self.arrow)

    @reads_screen("geometry")
    def factor_shown(self) -> float:
        """``c`` read off the drawing: the drawn vector's component along ``v``, over ``|v|²``."""
        drawn = self.plane.vector_shown(self.arrow)
        return float(drawn @ self.base / (self.base @ self.base))


# --- projection and angle --------------------------------------------------------------------
def _arc_sweep_degrees(arc: Arc, centre: NDArray[np.float64]) -> float:
    p, q = arc.get_start()[:2] - centre[:2], arc.get_end()[:2] - centre[:2]
    cos = float(p @ q) / (np.hypot(*p) * np.hypot(*q))
    return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


class AngleMark(VGroup):
    """An arc between two drawn arrows at their common tail, labelled with the angle in degrees.

    The label is a :class:`DecimalNumber` whose value is read off the two *drawn* arrows when
    the mark is made, so ``value_shown()`` is a checkpoint of the picture.

    Parameters
    ----------
    plane
        The plane the arrows live on.
    first, second
        The two arrows (the arc runs from ``first`` to ``second``, the short way).
    radius
        Arc radius in scene units.
    label_offset
        How far beyond the arc the number's centre sits (scene units).
    """

    def __init__(
        self,
        plane: VectorPlane,
        first: PlaneArrow,
        second: PlaneArrow,
        *,
        radius: float = 1.0,
        color: ManimColor = theme.TEXT,
        decimals: int = 1,
        size: int = 28,
        label_offset: float = 0.5,
    ) -> None:
        super().__init__()
        self.plane = plane
        u, v = plane.vector_shown(first), plane.vector_shown(second)
        start, sweep = arc_between(u, v)
        self.centre = np.asarray(first.arrow.get_start(), dtype=float)
        self.arc = Arc(
            radius=radius,
            start_angle=start,
            angle=sweep,
            arc_center=self.centre,
            color=color,
            stroke_width=3,
        )
        self.label = DecimalNumber(
            plane.angle_shown(first, second),
            num_decimal_places=decimals,
            unit=r"^\circ",
            font_size=size,
            color=color,
        )
        mid = start + sweep / 2
        self.label.move_to(
            self.centre + (radius + label_offset) * np.array([np.cos(mid), np.sin(mid), 0.0])
        )
        self.backed_label = BackedLabel(self.label)
        self.add(self.arc, self.backed_label)

    def create(self, run_time: float = 1.0) -> Animation:
        return AnimationGroup(
            Create(self.arc),
            FadeIn(self.backed_label),
            lag_ratio=0.5,
            group=self,
            run_time=run_time,
        )

    @reads_screen("geometry")
    def value_shown(self) -> float:
        """The angle the label shows, in degrees."""
        return printed(self.label)

    @reads_screen("geometry")
    def arc_angle_shown(self) -> float:
        """The drawn arc's opening in degrees (it should match the label)."""
        return _arc_sweep_degrees(self.arc, self.centre)


class ProjectionDiagram(VGroup):
    """``a`` casting its shadow on the line through ``b``: the picture of the dot product.

    Parts: the faint line spanned by ``b``, the arrows, the perpendicular dropped from ``a``'s
    tip, the shadow from the origin to the foot of that perpendicular, a right-angle mark at
    the foot, and an arc marking the angle θ from ``b`` to ``a``. ``a`` can swing while every
    part follows. ``a · b = (signed shadow length) × |b|``, read back by :meth:`dot_shown`.
    """

    def __init__(
        self,
        plane: VectorPlane,
        a: ArrayLike,
        b: ArrayLike,
        *,
        a_color: ManimColor = theme.VECTOR,
        b_color: ManimColor = SECOND_COLOR,
        labels: tuple[str | VMobject | None, str | VMobject | None] = (r"\vec a", r"\vec b"),
        arc_radius: float = 0.7,
        mark_size: float = 0.22,
    ) -> None:
        super().__init__()
        self.plane = plane
        self.a = np.asarray(a, dtype=float)
        self.b = np.asarray(b, dtype=float)
        if np.hypot(*self.b) == 0:
            raise ValueError("cannot project onto the zero vector")
        self.arc_radius, self.mark_size = arc_radius, mark_size
        self.a_arrow = PlaneArrow(plane, self.a, color=a_color, label=labels[0])
        self.b_arrow = PlaneArrow(plane, self.b, color=b_color, label=labels[1])
        self.span = self._span_line()
        self.drop_line = DashedLine(ORIGIN, RIGHT, color=theme.MUTED, stroke_width=3)
        self.shadow = Line(ORIGIN, RIGHT, color=theme.PROJECTION, stroke_width=10)
        self.mark = VMobject(stroke_color=theme.TEXT, stroke_width=2.5)
        self.arc = Arc(radius=arc_radius, color=theme.TEXT, stroke_width=3)
        self.theta = BackedLabel(theme.tex(r"\theta", size=34))
        self._rebuild()

    # --- geometry ---------------------------------------------------------------------------
    def _span_line(self) -> Line:
        d = self.b / np.hypot(*self.b)
        reach = 40.0
        return Line(
            self.plane.c2p(*(-reach * d)),
            self.plane.c2p(*(reach * d)),
            color=self.b_arrow.arrow_color,
            stroke_width=2,
            stroke_opacity=0.35,
        )

    def foot(self) -> NDArray[np.float64]:
        """The model's foot of the perpendicular: the projection of ``a`` onto ``b``."""
        return projection(self.a, self.b)

    def _rebuild(self) -> None:
        c2p = self.plane.c2p
        a, b, foot = self.a, self.b, self.foot()
        self.a_arrow.set_coords(a)
        drop_visible = np.hypot(*(a - foot)) * self.plane.unit > 0.05
        if drop_visible:
            self.drop_line.become(
                DashedLine(c2p(*a), c2p(*foot), color=theme.MUTED, stroke_width=3, dash_length=0.12)
            )
        else:
            self.drop_line.become(Line(c2p(*foot), c2p(*foot) + 1e-4 * RIGHT).set_opacity(0))
        self.shadow.set_points_as_corners([c2p(0, 0), c2p(*foot)])
        along = -foot if np.hypot(*foot) * self.plane.unit > 1e-3 else b
        toward = a - foot if drop_visible else np.array([-b[1], b[0]])
        corner = right_angle_corner(foot, along, toward, self.mark_size / self.plane.unit)
        self.mark.set_points_as_corners([c2p(*p) for p in corner])
        self.mark.set_stroke(opacity=1.0 if drop_visible else 0.0)
        start, sweep = arc_between(b, a)
        self.arc.become(
            Arc(
                radius=self.arc_radius,
                start_angle=start,
                angle=sweep,
                arc_center=c2p(0, 0),
                color=theme.TEXT,
                stroke_width=3,
            )
        )
        mid = start + sweep / 2
        self.theta.move_to(
            c2p(0, 0) + (self.arc_radius + 0.3) * np.array([np.cos(mid), np.sin(mid), 0.0])
        )

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 1.8) -> Animation:
        """Grow ``b``, then ``a``."""
        self.add(self.b_arrow, self.a_arrow)
        return AnimationGroup(
            self.b_arrow.grow(), self.a_arrow.grow(), lag_ratio=0.6, group=self, run_time=run_time
        )

    def drop(self, run_time: float = 2.4) -> Animation:
        """Extend ``b``'s line, drop the perpendicular from ``a``'s tip, lay the shadow down."""
        self.add_to_back(self.span)
        # layers, bottom to top: line, drop, mark, b, shadow (lying on b's shaft), a
        self.remove(self.a_arrow, self.b_arrow)
        self.add(self.drop_line, self.mark, self.b_arrow, self.shadow, self.a_arrow)
        return AnimationGroup(
            Create(self.span),
            Create(self.drop_line),
            Create(self.shadow),
            FadeIn(self.mark),
            lag_ratio=0.7,
            group=self,
            run_time=run_time,
        )

    def show_angle(self, run_time: float = 1.0) -> Animation:
        """Draw the arc from ``b`` to ``a`` and its θ."""
        self.add(self.arc, self.theta)
        return AnimationGroup(Create(self.arc), FadeIn(self.theta), group=self, run_time=run_time)

    def swing_to(
        self, a: ArrayLike, run_time: float = 2.5, followers: Sequence[Follower] = ()
    ) -> Animation:
        """Turn ``a`` about the origin to its new value; shadow, drop, mark and arc follow."""
        a0, a1 = self.a.copy(), np.asarray(a, dtype=float)

        def update(_: Mobject, alpha: float) -> None:
            self.a = a1.copy() if alpha >= 1 else polar_interpolate(a0, a1, alpha)
            self._rebuild()

        return _with_followers(
            UpdateFromAlphaFunc(self, update, run_time=run_time), followers, self
        )

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def a_shown(self) -> NDArray[np.float64]:
        """``a`` as drawn (tip of its arrow), plane coordinates."""
        return self.plane.tip_shown(self.a_arrow)

    @reads_screen("geometry")
    def b_shown(self) -> NDArray[np.float64]:
        return self.plane.tip_shown(self.b_arrow)

    @reads_screen("geometry")
    def foot_shown(self) -> NDArray[np.float64]:
        """The drawn end of the shadow (the foot of the perpendicular)."""
        return self.plane.coords_of(self.shadow.get_end())

    @reads_screen("geometry")
    def shadow_length_shown(self) -> float:
        """The drawn shadow's length, negative when it points away from ``b``."""
        start = self.plane.coords_of(self.shadow.get_start())
        vec = self.foot_shown() - start
        length = float(np.hypot(*vec))
        return length if float(vec @ self.b_shown()) >= 0 else -length

    @reads_screen("geometry")
    def drop_shown(self) -> NDArray[np.float64]:
        """The drawn perpendicular (the dashed line itself) as a vector, from its start at
        ``a``'s tip down to its end at the foot."""
        return self.plane.coords_of(self.drop_line.get_end()) - self.plane.coords_of(
            self.drop_line.get_start()
        )

    @reads_screen("geometry")
    def drop_angle_shown(self) -> float:
        """The angle in degrees between the drawn perpendicular and the drawn ``b``: 90 when
        the drop really is perpendicular; NaN while ``a`` lies on ``b``'s line (no drop)."""
        if not any(
            m.get_stroke_opacity() > 0.05 for m in self.drop_line.get_family() if len(m.points)
        ):
            return float("nan")
        drop = self.drop_shown()
        b = self.plane.vector_shown(self.b_arrow)
        return float(np.degrees(np.arctan2(abs(drop[0] * b[1] - drop[1] * b[0]), drop @ b)))

    @reads_screen("geometry")
    def b_length_shown(self) -> float:
        return self.plane.length_shown(self.b_arrow)

    @reads_screen("geometry")
    def dot_shown(self) -> float:
        """``a · b`` read off the picture: signed shadow length times ``b``'s drawn length."""
        return self.shadow_length_shown() * self.b_length_shown()

    @reads_screen("geometry")
    def angle_shown(self) -> float:
        """The angle between the drawn arrows, in degrees."""
        return self.plane.angle_shown(self.a_arrow, self.b_arrow)

    @reads_screen("geometry")
    def arc_angle_shown(self) -> float:
        """The drawn arc's sweep in degrees (it should equal :meth:`angle_shown`)."""
        return _arc_sweep_degrees(self.arc, self.plane.c2p(0, 0))


# --- p-norm balls ------------------------------------------------------------------------------
def norm_color(p: float) -> ManimColor:
    """The theme colour of the p-ball: NORM_L1 at p = 1, NORM_L2 at 2, NORM_LINF at ∞, blended
    in between (linear in 1/p)."""
    q = inverse_p(p)
    if q >= 0.5:
        return interpolate_color(theme.NORM_L2, theme.NORM_L1, (q - 0.5) / 0.5)
    return interpolate_color(theme.NORM_LINF, theme.NORM_L2, q / 0.5)


class NormBallMorph(VGroup):
    """The 2-D unit ball ``{x : ‖x‖ₚ ≤ 1}`` as a polygon that morphs continuously in ``p``.

    The outline is :func:`~mathviz.maths.vectors.unit_ball_boundary`, whose ``n`` points sit on
    fixed rays, so point ``k`` slides along its ray as ``p`` changes. At every frame of a morph
    the outline *is* a p-ball (``1/p`` moves linearly), not a blend of two shapes. An optional
    marker rides on one boundary point.

    Parameters
    ----------
    plane
        The plane (its unit sets the ball's size on screen).
    p
        Starting exponent, ``≥ 1`` (``math.inf`` for the max-norm).
    n
        Boundary points; a multiple of 8 puts the 1-ball's and the ∞-ball's corners on
        vertices.
    marker_index
        Index of the boundary point (ray ``2π·k/n``) carrying a dot, or ``None``.
    """

    def __init__(
        self,
        plane: VectorPlane,
        p: float = 1.0,
        *,
        n: int = 240,
        marker_index: int | None = None,
        fill_opacity: float = 0.18,
    ) -> None:
        super().__init__()
        self.plane, self.n, self.p = plane, n, float(p)
        self.fill_opacity = fill_opacity
        pts = [plane.c2p(*v) for v in unit_ball_boundary(self.p, n)]
        self.outline = Polygon(*pts, stroke_width=5)
        self.add(self.outline)
        self.marker_index = marker_index
        self.marker = None if marker_index is None else Dot(radius=0.09, color=theme.TEXT)
        if self.marker is not None:
            self.add(self.marker)
        self._rebuild()

    def _rebuild(self) -> None:
        boundary = unit_ball_boundary(self.p, self.n)
        pts = [self.plane.c2p(*v) for v in boundary]
        self.outline.set_points_as_corners([*pts, pts[0]])
        color = norm_color(self.p)
        self.outline.set_stroke(color=color, width=5).set_fill(color, opacity=self.fill_opacity)
        if self.marker is not None:
            assert self.marker_index is not None  # the marker exists only with its index
            self.marker.move_to(pts[self.marker_index])

    def create(self, run_time: float = 1.5) -> Animation:
        parts: list[Animation] = [Create(self.outline)]
        if self.marker is not None:
            parts.append(FadeIn(self.marker))
        return AnimationGroup(*parts, lag_ratio=0.6, group=self, run_time=run_time)

    def morph_to(
        self, p: float, run_time: float = 2.5, followers: Sequence[Follower] = ()
    ) -> Animation:
        """Morph the ball from the current ``p`` to ``p`` (every frame a true p-ball)."""
        p0, p1 = self.p, float(p)

        def update(_: Mobject, alpha: float) -> None:
            self.p = p1 if alpha >= 1 else p_between(p0, p1, alpha)
            self._rebuild()

        return _with_followers(
            UpdateFromAlphaFunc(self, update, run_time=run_time), followers, self
        )

    def ghost(self, opacity: float = 0.55) -> VMobject:
        """A faint, unfilled copy of the current outline to leave behind (not part of self)."""
        copy = self.outline.copy()
        copy.set_fill(opacity=0.0).set_stroke(width=2.5, opacity=opacity)
        return copy

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def vertices_shown(self) -> NDArray[np.float64]:
        """The drawn outline's vertices in plane coordinates, shape (n, 2)."""
        return np.array([self.plane.coords_of(v) for v in self.outline.get_vertices()])

    @reads_screen("geometry")
    def norm_of_boundary_shown(self, p: float) -> NDArray[np.float64]:
        """The p-norm of every drawn vertex: all 1 exactly when the outline is the p-ball."""
        return np.array([p_norm(v, p) for v in self.vertices_shown()])

    @reads_screen("geometry")
    def norm_range_of_boundary_shown(self, p: float) -> NDArray[np.float64]:
        """``[min, max]`` of the p-norms of the drawn vertices: ``[1, 1]`` exactly when the
        outline is the unit ball of ``p``, and only then."""
        norms = np.array([p_norm(v, p) for v in self.vertices_shown()])
        return np.array([norms.min(), norms.max()])

    @reads_screen("geometry")
    def diagonal_crossing_shown(self) -> float:
        """Where the drawn outline crosses the ray ``y = x > 0``: the common coordinate ``t``
        of that boundary point (``2^(-1/p)`` on the p-ball: ½ for the diamond, 1/√2 for the
        circle, 1 for the square)."""
        vertices = self.vertices_shown()
        for u, v in zip(vertices, np.roll(vertices, -1, axis=0), strict=True):
            du, dv = u[1] - u[0], v[1] - v[0]
            if du * dv > 0 or du == dv:  # both on one side of the diagonal
                continue
            s = du / (du - dv)
            point = u + s * (v - u)
            if point[0] > 0:
                return float(point[0])
        raise ValueError("the outline does not cross the diagonal ray")

    @reads_screen("geometry")
    def inverse_p_shown(self) -> float:
        """``1/p`` of the drawn outline, read where it crosses the diagonal: ``2 t^p = 1``
        gives ``1/p = −log₂ t`` (0 for the square, the ∞-ball). Exact for a ball whose vertex
        count is a multiple of 8 (a vertex sits on the diagonal)."""
        return 0.0 - float(np.log2(self.diagonal_crossing_shown()))

    @reads_screen("geometry")
    def p_shown(self) -> float:
        """The exponent ``p`` of the drawn outline (``inf`` for the square), read off the shape
        itself rather than the stored :attr:`p`."""
        q = self.inverse_p_shown()
        return float("inf") if abs(q) < 1e-12 else 1.0 / q

    @reads_screen("geometry")
    def marker_shown(self) -> NDArray[np.float64]:
        """The marked boundary point as drawn, plane coordinates."""
        if self.marker is None:
            raise ValueError("this ball has no marker")
        return self.plane.coords_of(self.marker)


class ExponentReadout(VGroup):
    """``p = 1.50`` while the exponent is finite and ``p = ∞`` for the max-norm: the readout
    of a :class:`NormBallMorph`'s exponent (a number cannot print infinity). Use it as a
    follower of :meth:`NormBallMorph.morph_to` with :meth:`NormBallMorph.p_shown`, and the
    symbol changes on the very frame the outline becomes the square.

    Parameters
    ----------
    p
        The exponent shown first (``math.inf`` allowed).
    label
        TeX of the name before `` = ``.
    """

    def __init__(
        self,
        p: float = 1.0,
        *,
        label: str = "p",
        decimals: int = 2,
        size: int = 36,
        color: ManimColor = theme.TEXT,
    ) -> None:
        self.readout = Readout(label, 1.0, decimals=decimals, size=size, color=color)
        self.infinity = theme.tex(r"\infty", size=size, color=color)
        self.infinity.next_to(self.readout.label, RIGHT, buff=0.15)
        super().__init__(self.readout, self.infinity)
        self.set(p)

    def set(self, p: float | None = None, **kwargs: Any) -> ExponentReadout:
        """Show ``p`` now: its digits, or ``∞`` (attributes given by keyword are set as by
        :meth:`~manim.mobject.mobject.Mobject.set`)."""
        if kwargs:
            super().set(**kwargs)
        if p is None:
            return self
        infinite = math.isinf(float(p))
        self.readout.number.set_opacity(0.0 if infinite else 1.0)
        if not infinite:
            self.readout.set(float(p))
        self.infinity.set_opacity(1.0 if infinite else 0.0)
        return self

    def shows_infinity(self) -> bool:
        """Whether ``∞`` is on screen instead of digits."""
        return bool(self.infinity.get_fill_opacity() > 0.5)

    @property
    def value(self) -> Printed:
        """The digits shown for a finite exponent, as typeset (a printed reading)."""
        return self.readout.value


# --- lists beside arrows -----------------------------------------------------------------------
class ColumnVector(VGroup):
    """A vector as a bracketed column of live numbers, optionally headed and with row names.

    Parameters
    ----------
    values
        The entries, top to bottom.
    decimals
        Decimal places shown.
    color
        Colour of the entries and brackets.
    header
        A name above the column (string → Text in ``header_color``), or ``None``.
    row_labels
        Names written left of the rows (e.g. the movies), or ``None``.
    label_size
        Font size of the row names and of a string header.
    entry_width
        Room reserved inside the brackets (scene units) for entries that will grow wider
        than the first values, e.g. ``1.00`` becoming ``−3.00``.
    """

    def __init__(
        self,
        values: ArrayLike,
        *,
        decimals: int = 0,
        color: ManimColor = theme.TEXT,
        size: int = 30,
        row_gap: float = 0.52,
        header: str | VMobject | None = None,
        header_color: ManimColor | None = None,
        row_labels: Sequence[str] | None = None,
        label_size: int = theme.LABEL_SIZE,
        label_color: ManimColor = theme.MUTED,
        entry_width: float = 0.0,
    ) -> None:
        super().__init__()
        vals = np.asarray(values, dtype=float)
        if vals.ndim != 1 or vals.size == 0:
            raise ValueError(f"a column vector needs a non-empty 1-D list, got shape {vals.shape}")
        if row_labels is not None and len(row_labels) != vals.size:
            raise ValueError(f"{len(row_labels)} row labels for {vals.size} entries")
        self.entries = VGroup(
            *(
                DecimalNumber(v, num_decimal_places=decimals, font_size=size, color=color).move_to(
                    np.array([0.0, -i * row_gap, 0.0])
                )
                for i, v in enumerate(vals)
            )
        )
        centres = [e.get_center() for e in self.entries]
        pad_x, pad_y = 0.16, 0.12
        width = max(entry_width, *(e.width for e in self.entries)) + 2 * pad_x
        top = self.entries.get_top()[1] + pad_y
        bottom = self.entries.get_bottom()[1] - pad_y
        self.brackets = VGroup(
            *(
                square_bracket(
                    (side * width / 2, top, 0),
                    (side * width / 2, bottom, 0),
                    -side,
                    color,
                    hook=0.12,
                )
                for side in (-1, 1)
            )
        )
        self.add(self.brackets, self.entries)
        #: entry centres relative to the brackets' centre (entries stay put when values change)
        self._offsets = [c - self.brackets.get_center() for c in centres]
        self.header = None
        if header is not None:
            self.header = (
                header
                if isinstance(header, Mobject)
                else theme.text(header, size=label_size, color=header_color or color)
            )
            self.header.next_to(self.brackets, UP, buff=0.18)
            self.add(self.header)
        self.row_labels = VGroup()
        if row_labels is not None:
            for name, centre in zip(row_labels, centres, strict=True):
                label = theme.text(name, size=label_size, color=label_color)
                label.move_to(centre).align_to(self.brackets[0].get_left() + 0.2 * LEFT, RIGHT)
                self.row_labels.add(label)
            self.add(self.row_labels)

    def row_y(self, index: int) -> float:
        """The scene height of row ``index`` (to line other columns up with this one)."""
        return float(self.entries[index].get_y())

    @reads_screen("geometry")
    def values_shown(self) -> NDArray[np.float64]:
        """The numbers the entries currently show."""
        return printed_all(self.entries)

    def set(self, values: ArrayLike | None = None, **kwargs: Any) -> ColumnVector:
        """Show ``values`` now, each entry staying centred in its row (attributes given by
        keyword are set as by :meth:`~manim.mobject.mobject.Mobject.set`)."""
        if kwargs:
            super().set(**kwargs)
        if values is None:
            return self
        centre = self.brackets.get_center()
        for entry, v, offset in zip(
            self.entries, np.asarray(values, dtype=float), self._offsets, strict=True
        ):
            entry.set_value(float(v))
            entry.move_to(centre + offset)
        return self

    def change_to(self, values: ArrayLike, run_time: float = 1.2) -> Animation:
        """Count every entry to its new value."""
        return AnimationGroup(
            *(
                ChangeDecimalToValue(cast(DecimalNumber, e), float(v))  # type: ignore[arg-type]  # manim types the target as int; it counts to any float
                for e, v in zip(self.entries, np.asarray(values, dtype=float), strict=True)
            ),
            group=self,
            run_time=run_time,
        )

    def emphasize_rows(
        self,
        indices: Sequence[int],
        color: ManimColor | None = None,
        dim_color: ManimColor = theme.MUTED,
    ) -> Animation:
        """Bring the given rows forward (e.g. the two movies a plane shows): their row names
        take ``color`` (if given) and every other row's entry turns ``dim_color``. Rows are
        dimmed by colour, not by opacity, so every number stays readable (a faded number
        falls under the contrast a viewer needs)."""
        keep = set(indices)
        anims: list[Animation] = []
        for i, entry in enumerate(self.entries):
            if i not in keep:
                anims.append(FadeToColor(entry, dim_color))  # type: ignore[arg-type]  # manim types the colour as str; it takes any colour
            elif color is not None and len(self.row_labels) > i:
                anims.append(FadeToColor(self.row_labels[i], color))  # type: ignore[arg-type]  # as above
        return AnimationGroup(*anims, group=self)


class RatingVector(ColumnVector):
    """One user of the running recommender example as a column of their five ratings.

    The header is the user's name in ``theme.USER_COLORS[i]``; ``show_movies`` writes the
    movie names beside the rows (do it for the leftmost column of a table only).
    """

    def __init__(
        self,
        user_name: str,
        *,
        show_movies: bool = False,
        size: int = 30,
        row_gap: float = 0.52,
        label_size: int = theme.LABEL_SIZE,
    ) -> None:
        self.user_name = user_name
        self.index = recommender.USERS.index(user_name)
        super().__init__(
            recommender.user(user_name),
            decimals=0,
            size=size,
            row_gap=row_gap,
            header=user_name,
            header_color=theme.USER_COLORS[self.index],
            row_labels=list(recommender.MOVIES) if show_movies else None,
            label_size=label_size,
        )
        self.brackets.set_color(theme.USER_COLORS[self.index])


def arrange_columns(columns: Sequence[ColumnVector], buff: float = 0.45) -> VGroup:
    """Columns side by side, left to right, with their rows on the same heights."""
    group = VGroup(*columns)
    for prev, col in pairwise(columns):
        col.next_to(prev, RIGHT, buff=buff)
        col.shift(UP * (prev.row_y(0) - col.row_y(0)))
    return group


def column_equation(*items: VMobject, buff: float = 0.22) -> VGroup:
    """``[1, 2] + [3, 1] = [4, 3]``: items left to right, columns' rows on one height and any
    other item (an operator, a scalar) centred on the first column's rows."""
    columns = [m for m in items if isinstance(m, ColumnVector)]
    if not columns:
        raise ValueError("column_equation needs at least one ColumnVector")
    ref = columns[0]
    group = VGroup(*items)
    for prev, item in pairwise(items):
        item.next_to(prev, RIGHT, buff=buff)
    for item in items:
        if isinstance(item, ColumnVector):
            item.shift(UP * (ref.row_y(0) - item.row_y(0)))
    middle = ref.entries.get_center()[1]
    for item in items:
        if not isinstance(item, ColumnVector):
            item.set_y(middle)
    return group
