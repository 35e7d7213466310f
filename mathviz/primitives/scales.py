"""Axes that change their scale, and columns of data being put on one scale.

:class:`MorphingAxis` draws a horizontal axis for the pure model
:class:`~mathviz.maths.scales.BlendedScale` and morphs it continuously between linear and
logarithmic: its tick marks and the dots placed on it slide to where the blended scale puts
their values, the linear tick labels fade out as the powers of ten fade in, and a "×10"
ruler spans one factor of ten wherever it is put. Everything it reports is read back from
the drawing — a dot's x converted through the axis line's drawn ends and the axis's blend,
the digits its labels typeset, how many dots lie on top of one another.

:class:`ValueStrip` puts a column of values as dots on a manim :class:`~manim.NumberLine`
(equal values stacked), moves them through a shift-then-scale normalisation
(:class:`~mathviz.maths.scales.ShiftScale`) and reads them back through the line.
:class:`SpreadBar` draws the mean ± one standard deviation of a strip below its line and
follows the dots. :class:`ShareBar` splits a bar by a share it is given at every frame (one
feature's part of a squared distance, say) and reads the share back from the drawn widths.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    UP,
    Dot,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    NumberLine,
    Rectangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.scales import (
    BlendedScale,
    ShiftScale,
    decades,
    linear_ticks,
    minor_log_ticks,
    population_std,
)
from mathviz.primitives.motion import StateTween
from mathviz.readings import Printed, PrintedArray, printed, printed_all, reads_screen

__all__ = [
    "DOT_Z",
    "TICK",
    "MINOR_TICK",
    "linear_label",
    "power_label",
    "MorphingAxis",
    "ValueStrip",
    "SpreadBar",
    "ShareBar",
]

#: half the height of a major tick mark, and of a minor one (scene units)
TICK, MINOR_TICK = 0.14, 0.08
#: dots are drawn above the lines and ticks they sit on
DOT_Z = 2
_POWER = re.compile(r"^10\^\{(-?\d+)\}$")


def _smooth(t: float) -> float:
    """Ease in and out (the same curve as manim's ``smooth``, without its import)."""
    t = min(max(float(t), 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


def linear_label(value: float) -> str:
    """A linear tick's label: ``0``, ``0.2``, ``1`` (no trailing zeros)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def power_label(value: float) -> str:
    """A power of ten as TeX: ``10^{-5}``."""
    return f"10^{{{round(math.log10(value))}}}"


def _fade(mob: VMobject, alpha: float, *, stroke: bool) -> None:
    """Set a line's stroke opacity (``stroke``), or a text's fill and stroke opacity."""
    alpha = min(max(float(alpha), 0.0), 1.0)
    mob.set_stroke(opacity=alpha)
    if not stroke:
        mob.set_fill(opacity=alpha)


def _redraw(axis: MorphingAxis, name: str, target: float, **kwargs: Any) -> StateTween:
    """Move one :class:`MorphingAxis` state variable to ``target``, redrawing the axis at
    every frame (ticks, labels, dots and ruler together)."""
    kwargs.setdefault("rate_func", _smooth)
    return StateTween(axis, axis, {name: float(target)}, axis.redraw, **kwargs)


class _Drop(Animation):
    """Dots falling from ``starts`` onto their places one after another, fading in as they
    fall (accelerating, and exactly in place at the end)."""

    def __init__(
        self,
        group: VMobject,
        dots: Sequence[VMobject],
        starts: NDArray[np.float64],
        ends: Callable[[], NDArray[np.float64]],
        lag_ratio: float,
        **kwargs: Any,
    ) -> None:
        self.dots, self.starts, self.ends, self.lag = list(dots), starts, ends, lag_ratio
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(group, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        ends = self.ends()
        n = len(self.dots)
        slot = 1.0 / (1.0 + (n - 1) * self.lag) if n else 1.0
        for i, dot in enumerate(self.dots):
            local = min(max((alpha - i * self.lag * slot) / slot, 0.0), 1.0)
            left = 1.0 - local * local  # the share of the fall still to go
            dot.move_to(ends[i] + left * (self.starts[i] - ends[i]))
            dot.set_fill(opacity=min(1.0, 3.0 * local))


class MorphingAxis(VGroup):
    """A horizontal axis blended ``s`` of the way from linear to logarithmic.

    Parameters
    ----------
    scale
        The pure model: the linear domain and the log domain (powers of ten at both ends).
    left
        The scene point of the axis's left end.
    length
        The axis's length (scene units).
    linear_step
        The spacing of the linear ticks (labelled ``0``, ``0.2``, …).
    label_size
        Font size of the tick labels.
    s
        The starting blend: 0 linear, 1 logarithmic.
    """

    def __init__(
        self,
        scale: BlendedScale,
        *,
        left: ArrayLike = (-6.0, 0.0, 0.0),
        length: float = 12.0,
        linear_step: float = 0.2,
        label_size: int = 30,
        s: float = 0.0,
        color: ManimColor = theme.MUTED,
    ) -> None:
        super().__init__()
        self.model, self.length, self.s = scale, float(length), float(s)
        start = np.zeros(3)
        xy = np.asarray(left, dtype=float).ravel()
        start[: len(xy)] = xy[:3]
        self.line = Line(start, start + self.length * np.array([1.0, 0.0, 0.0]), color=color)
        self.line.set_stroke(width=3)
        self.linear_values = linear_ticks(*scale.linear, linear_step)
        self.decade_values = decades(*scale.log)
        self.minor_values = minor_log_ticks(*scale.log)
        self.linear_marks = VGroup(*(self._mark(TICK, color) for _ in self.linear_values))
        self.decade_marks = VGroup(*(self._mark(TICK, color) for _ in self.decade_values))
        self.minor_marks = VGroup(*(self._mark(MINOR_TICK, color) for _ in self.minor_values))
        self.linear_labels = VGroup(
            *(
                MathTex(linear_label(v), font_size=label_size, color=theme.TEXT)
                for v in self.linear_values
            )
        )
        self.decade_labels = VGroup(
            *(
                MathTex(power_label(v), font_size=label_size, color=theme.TEXT)
                for v in self.decade_values
            )
        )
        self.label_gap = 0.22
        #: how visible the minor ticks are (0 until :meth:`show_minor_ticks`)
        self.minor = 0.0
        self.dots = VGroup()
        self.dot_values: list[float] = []
        #: the "×10" ruler: from 10^e to 10^(e+1), drawn above the dots when visible
        self.ruler_exponent = math.log10(scale.log[1]) - 1.0
        self.ruler_alpha = 0.0
        self.ruler_height = 0.6
        self.ruler = VGroup(
            Line(color=theme.ACCENT, stroke_width=4),
            Line(color=theme.ACCENT, stroke_width=4),
            Line(color=theme.ACCENT, stroke_width=4),
        )
        self.ruler_label = MathTex(r"\times 10", font_size=label_size + 2, color=theme.ACCENT)
        self.add(
            self.line,
            self.minor_marks,
            self.linear_marks,
            self.decade_marks,
            self.linear_labels,
            self.decade_labels,
            self.ruler,
            self.ruler_label,
            self.dots,
        )
        self.redraw()

    @staticmethod
    def _mark(half: float, color: ManimColor) -> Line:
        mark = Line(half * DOWN, half * UP, color=color)
        mark.set_stroke(width=2.5 if half >= TICK else 1.5)
        return mark

    # --- geometry -------------------------------------------------------------------------
    @property
    def origin(self) -> NDArray[np.float64]:
        """The scene point of the axis's left end, where its line is drawn now (the axis
        may be moved as a whole)."""
        return np.asarray(self.line.get_start(), dtype=np.float64)

    def x_of(self, values: ArrayLike, s: float | None = None) -> NDArray[np.float64]:
        """Scene x of ``values`` on the axis blended by ``s`` (default: its current blend)."""
        blend = self.s if s is None else s
        fraction = self.model.fraction(values, blend)
        return np.asarray(self.origin[0] + self.length * fraction, dtype=np.float64)

    def _point(self, x: float, dy: float = 0.0) -> NDArray[np.float64]:
        return np.array([x, self.origin[1] + dy, 0.0])

    def redraw(self) -> MorphingAxis:
        """Put every part where the current blend ``s`` puts it, with its opacity."""
        s = min(max(self.s, 0.0), 1.0)
        # linear ticks fade out as the morph goes on and the powers of ten fade in; the labels
        # faster than the marks: the linear ones are gone before they crowd at the right end,
        # the powers of ten appear once their decades are wide enough to hold them
        lin_marks, dec_marks = 1.0 - s, s
        lin_labels = 1.0 - 1.6 * s
        dec_labels = (s - 0.4) / 0.4
        for value, mark, label in zip(
            self.linear_values, self.linear_marks, self.linear_labels, strict=True
        ):
            if value in self.decade_values:
                # the same place on both axes: the label is re-typeset where it stands
                x = float(self.x_of([value], s)[0])
                mark_alpha, label_alpha = lin_marks, (0.48 - s) / 0.08
            elif value <= 0 and s > 0:
                # zero has no place on a log axis: it stays at the left end and goes at once
                x, mark_alpha, label_alpha = self.origin[0], 1.0 - 6.0 * s, 1.0 - 6.0 * s
            else:
                x = float(self.x_of([value], s)[0])
                mark_alpha, label_alpha = lin_marks, lin_labels
            mark.put_start_and_end_on(self._point(x, -TICK), self._point(x, TICK))
            _fade(mark, mark_alpha, stroke=True)
            label.move_to(self._point(x, -TICK - self.label_gap), aligned_edge=UP)
            _fade(label, label_alpha, stroke=False)
        xs = self.x_of(self.decade_values, s)
        for value, x, mark, label in zip(
            self.decade_values, xs, self.decade_marks, self.decade_labels, strict=True
        ):
            mark.put_start_and_end_on(self._point(x, -TICK), self._point(x, TICK))
            _fade(mark, dec_marks, stroke=True)
            label.move_to(self._point(x, -TICK - self.label_gap), aligned_edge=UP)
            shared = value in self.linear_values
            _fade(label, (s - 0.52) / 0.08 if shared else dec_labels, stroke=False)
        minor_xs = self.x_of(self.minor_values, s)
        for x, mark in zip(minor_xs, self.minor_marks, strict=True):
            mark.put_start_and_end_on(self._point(x, -MINOR_TICK), self._point(x, MINOR_TICK))
            _fade(mark, self.minor * s, stroke=True)
        if self.dot_values:
            for x, dot in zip(self.x_of(self.dot_values, s), self.dots, strict=True):
                dot.move_to(self._point(float(x)))
        self._draw_ruler()
        return self

    def _draw_ruler(self) -> None:
        low = 10.0**self.ruler_exponent
        a, b = (float(x) for x in self.x_of([low, 10.0 * low]))
        h = self.ruler_height
        bar, left_end, right_end = self.ruler
        bar.put_start_and_end_on(self._point(a, h), self._point(b, h))
        left_end.put_start_and_end_on(self._point(a, h - 0.12), self._point(a, h + 0.12))
        right_end.put_start_and_end_on(self._point(b, h - 0.12), self._point(b, h + 0.12))
        for part in self.ruler:
            _fade(part, self.ruler_alpha, stroke=True)
        self.ruler_label.move_to(self._point(0.5 * (a + b), h + 0.2), aligned_edge=DOWN)
        _fade(self.ruler_label, self.ruler_alpha, stroke=False)

    # --- animations -----------------------------------------------------------------------
    def morph(self, to: float = 1.0, *, run_time: float = 3.0) -> Animation:
        """Animation morphing the axis from its current blend to ``to`` (0 linear, 1 log):
        ticks, labels, dots and ruler move together."""
        if not 0.0 <= to <= 1.0:
            raise ValueError(f"the blend goes from 0 to 1, not {to!r}")
        return _redraw(self, "s", to, run_time=run_time)

    def add_dots(
        self,
        values: Sequence[float],
        *,
        color: ManimColor = theme.ACCENT,
        radius: float = 0.11,
        run_time: float = 2.0,
        lag_ratio: float = 0.5,
        starts: ArrayLike | None = None,
    ) -> Animation:
        """Animation dropping one dot per value onto the axis, in order, from ``starts``
        (one scene point per value; default: 1.6 above its place); the dots belong to the
        axis from now on and move with it."""
        if self.dot_values:
            raise ValueError("the axis already has its dots")
        self.dot_values = [float(v) for v in values]
        for _ in self.dot_values:
            dot = Dot(radius=radius, color=color)
            dot.set_stroke(color=theme.BACKGROUND, width=1.5, opacity=1.0)
            dot.set_fill(opacity=0.0)
            dot.set_z_index(DOT_Z)
            self.dots.add(dot)
        self.redraw()

        def ends() -> NDArray[np.float64]:
            return np.array([d.get_center() for d in self._dot_places()])

        if starts is None:
            begin = ends() + 1.6 * UP
        else:
            begin = np.zeros((len(self.dot_values), 3))
            given = np.asarray(starts, dtype=float).reshape(len(self.dot_values), -1)
            begin[:, : min(3, given.shape[1])] = given[:, :3]
        return _Drop(self, list(self.dots), begin, ends, lag_ratio, run_time=run_time)

    def _dot_places(self) -> list[Dot]:
        places = []
        for x in self.x_of(self.dot_values):
            place = Dot(radius=0.01)
            place.move_to(self._point(float(x)))
            places.append(place)
        return places

    def show_ruler(self, exponent: float, *, run_time: float = 0.8) -> Animation:
        """Animation fading in the ruler from ``10^exponent`` to ``10^(exponent + 1)``."""
        self.ruler_exponent = float(exponent)
        self.redraw()
        return _redraw(self, "ruler_alpha", 1.0, run_time=run_time)

    def hide_ruler(self, *, run_time: float = 0.6) -> Animation:
        """Animation fading the ruler out."""
        return _redraw(self, "ruler_alpha", 0.0, run_time=run_time)

    def slide_ruler(self, exponent: float, *, run_time: float = 2.0) -> Animation:
        """Animation sliding the ruler until it starts at ``10^exponent``: its ends stay a
        factor of ten apart all the way."""
        return _redraw(self, "ruler_exponent", exponent, run_time=run_time)

    def show_minor_ticks(self, *, run_time: float = 1.0) -> Animation:
        """Animation fading in the minor ticks 2, 3, …, 9 of every decade (log axis only)."""
        return _redraw(self, "minor", 1.0, run_time=run_time)

    # --- reading back ---------------------------------------------------------------------
    def _fractions(self, xs: ArrayLike) -> NDArray[np.float64]:
        """Scene x's as fractions of the drawn axis line (its ends as drawn)."""
        start, end = self.line.get_start()[0], self.line.get_end()[0]
        return np.asarray((np.asarray(xs, dtype=float) - start) / (end - start))

    def _dot_xs(self) -> NDArray[np.float64]:
        return np.array([d.get_center()[0] for d in self.dots], dtype=float)

    @reads_screen("geometry")
    def values_shown(self) -> NDArray[np.float64]:
        """The value under each dot (in the order the dots were added): its drawn x as a
        fraction of the drawn axis line, converted back through the axis's current blend."""
        return self.model.value_at(self._fractions(self._dot_xs()), self.s)

    @reads_screen("geometry")
    def exponents_shown(self) -> NDArray[np.float64]:
        """``log10`` of the value under each dot."""
        return np.log10(self.model.value_at(self._fractions(self._dot_xs()), self.s))

    @reads_screen("geometry")
    def span_shown(self, first: int, last: int) -> float:
        """The share of the axis between dot ``first`` and dot ``last``, in percent."""
        fractions = self._fractions(self._dot_xs())
        return float(100.0 * (fractions[last] - fractions[first]))

    @reads_screen("geometry")
    def gaps_shown(self) -> NDArray[np.float64]:
        """The drawn distance between consecutive dots, as fractions of the axis."""
        return np.diff(self._fractions(self._dot_xs()))

    @reads_screen("count")
    def inversions_shown(self) -> int:
        """How many pairs of dots are drawn in the opposite order to their values."""
        xs = self._dot_xs()
        values = self.dot_values
        return sum(
            1
            for i in range(len(xs))
            for j in range(i + 1, len(xs))
            if (values[i] - values[j]) * (xs[i] - xs[j]) < 0
        )

    @reads_screen("count")
    def piled_shown(self) -> int:
        """How many dots are drawn overlapping another dot (their discs intersect)."""
        xs = self._dot_xs()
        radii = [d.width / 2 for d in self.dots]
        return sum(
            1
            for i in range(len(xs))
            if any(abs(xs[i] - xs[j]) < radii[i] + radii[j] for j in range(len(xs)) if j != i)
        )

    def _visible(self, group: VGroup, *, stroke: bool) -> list[int]:
        out = []
        for i, mob in enumerate(group):
            ops = (
                mob.get_stroke_opacities()
                if stroke
                else mob.family_members_with_points()[0].get_fill_opacities()
            )
            if float(np.max(ops, initial=0.0)) > theme.VISIBLE_OPACITY:
                out.append(i)
        return out

    def _marks(self, kind: str) -> VGroup:
        return {
            "linear": self.linear_marks,
            "decade": self.decade_marks,
            "minor": self.minor_marks,
        }[kind]

    @reads_screen("geometry")
    def ticks_shown(self, kind: str) -> NDArray[np.float64]:
        """The value at each visible tick mark of ``kind`` (``"linear"``, ``"decade"`` or
        ``"minor"``), its drawn x read back through the axis."""
        marks = self._marks(kind)
        visible = self._visible(marks, stroke=True)
        xs = [marks[i].get_center()[0] for i in visible]
        return self.model.value_at(self._fractions(xs), self.s)

    @reads_screen("count")
    def tick_count_shown(self, kind: str) -> int:
        """How many tick marks of ``kind`` are visible."""
        return len(self._visible(self._marks(kind), stroke=True))

    def linear_labels_shown(self) -> PrintedArray:
        """The visible linear tick labels, as typeset."""
        visible = self._visible(self.linear_labels, stroke=False)
        return printed_all(self.linear_labels[i] for i in visible)

    @reads_screen("printed")
    def decade_labels_shown(self) -> list[int]:
        """The exponents the visible power-of-ten labels typeset (``10^{-5}`` → −5)."""
        out = []
        for i in self._visible(self.decade_labels, stroke=False):
            match = _POWER.match(self.decade_labels[i].get_tex_string())
            if match is None:
                raise ValueError("a decade label is not a power of ten")
            out.append(int(match.group(1)))
        return out

    @reads_screen("geometry")
    def label_positions_shown(self, kind: str) -> NDArray[np.float64]:
        """The value on the axis right above each visible label of ``kind`` (``"linear"``
        or ``"decade"``): what the label sits under, read through the axis."""
        labels = self.linear_labels if kind == "linear" else self.decade_labels
        xs = [labels[i].get_center()[0] for i in self._visible(labels, stroke=False)]
        return self.model.value_at(self._fractions(xs), self.s)

    @reads_screen("geometry")
    def ruler_shown(self) -> NDArray[np.float64]:
        """The values under the ruler's two ends, read through the axis."""
        bar = self.ruler[0]
        xs = [bar.get_start()[0], bar.get_end()[0]]
        return self.model.value_at(self._fractions(xs), self.s)

    def ruler_label_shown(self) -> Printed:
        """The ruler's factor, as typeset (``×10`` → 10)."""
        return printed(self.ruler_label)


class _Slide(Animation):
    """Dots moving in straight lines from where they are at the start to ``targets()``."""

    def __init__(
        self,
        strip: ValueStrip,
        targets: Callable[[], NDArray[np.float64]],
        **kwargs: Any,
    ) -> None:
        self.strip, self.targets = strip, targets
        self.starts = np.zeros((0, 3))
        self.ends = np.zeros((0, 3))
        kwargs.setdefault("rate_func", _smooth)
        super().__init__(strip, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.starts = np.array([d.get_center() for d in self.strip.dots])
        self.ends = self.targets()
        super().begin()

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = float(self.rate_func(alpha))
        for dot, a, b in zip(self.strip.dots, self.starts, self.ends, strict=True):
            dot.move_to(a + (b - a) * t)


class ValueStrip(VGroup):
    """A column of values as dots on a number line; equal values are stacked upwards.

    Parameters
    ----------
    line
        The number line the values are read on (its own ``n2p`` / ``p2n``).
    values
        The column.
    colors
        One colour per value.
    """

    def __init__(
        self,
        line: NumberLine,
        values: Sequence[float],
        colors: Sequence[ManimColor],
        *,
        radius: float = 0.13,
        stack: float = 0.34,
    ) -> None:
        super().__init__()
        if len(values) != len(colors):
            raise ValueError("one colour per value")
        self.line, self.radius, self.stack = line, float(radius), float(stack)
        self.values = [float(v) for v in values]
        self.levels = self._levels(self.values)
        self.dots = VGroup()
        for color in colors:
            disc = Dot(radius=self.radius, color=color)
            disc.set_stroke(color=theme.BACKGROUND, width=1.5, opacity=1.0)
            disc.set_z_index(DOT_Z)
            self.dots.add(disc)
        self.add(self.dots)
        for dot, p in zip(self.dots, self.places(self.values), strict=True):
            dot.move_to(p)

    @staticmethod
    def _levels(values: Sequence[float]) -> list[int]:
        """The stacking level of each value: 0 for its first occurrence, 1 for the next…"""
        seen: dict[float, int] = {}
        levels = []
        for v in values:
            levels.append(seen.get(v, 0))
            seen[v] = seen.get(v, 0) + 1
        return levels

    def places(self, values: ArrayLike, line: NumberLine | None = None) -> NDArray[np.float64]:
        """The scene points of ``values`` (one per dot) on ``line`` (default: the strip's)."""
        on = self.line if line is None else line
        up = np.array([0.0, 1.0, 0.0])
        return np.array(
            [
                on.n2p(float(v)) + level * self.stack * up
                for v, level in zip(np.asarray(values, dtype=float), self.levels, strict=True)
            ]
        )

    def move_to_values(self, values: ArrayLike, *, run_time: float = 2.0) -> Animation:
        """Animation sliding every dot in a straight line to its new value."""
        ends = self.places(np.asarray(values, dtype=float))  # now: the line may be animated later
        return _Slide(self, lambda: ends, run_time=run_time)

    def shift_stage(self, move: ShiftScale, *, run_time: float = 2.0) -> Animation:
        """Animation of the shift: every dot slides left by ``move.shift`` (from the
        strip's original values)."""
        return self.move_to_values(move.partway(self.values, 1.0, 0.0), run_time=run_time)

    def scale_stage(self, move: ShiftScale, *, run_time: float = 2.0) -> Animation:
        """Animation of the scaling: the shifted dots shrink towards zero by ``move.scale``."""
        return self.move_to_values(move.partway(self.values, 1.0, 1.0), run_time=run_time)

    def onto(self, line: NumberLine) -> tuple[ValueStrip, Animation]:
        """A copy of the strip on another number line, at the values it shows, and the
        animation of its dots flying there from this strip's dots."""
        colors = [d.get_fill_color() for d in self.dots]
        copy = ValueStrip(line, self.values, colors, radius=self.radius, stack=self.stack)
        ends = copy.places(self.values)
        for dot in copy.dots:
            dot.set_fill(opacity=1.0)
        for dot, here in zip(copy.dots, self.dots, strict=True):
            dot.move_to(here.get_center())
        return copy, _Slide(copy, lambda: ends, run_time=1.5)

    # --- reading back ---------------------------------------------------------------------
    @reads_screen("geometry")
    def values_shown(self) -> NDArray[np.float64]:
        """The value under each dot, its drawn centre read back through the number line."""
        return np.array([float(self.line.p2n(d.get_center())) for d in self.dots])

    @reads_screen("count")
    def piled_shown(self) -> int:
        """How many dots are drawn overlapping another dot (their discs intersect)."""
        centres = [d.get_center()[:2] for d in self.dots]
        radii = [d.width / 2 for d in self.dots]
        return sum(
            1
            for i, a in enumerate(centres)
            if any(
                float(np.hypot(*(a - b))) < radii[i] + radii[j]
                for j, b in enumerate(centres)
                if j != i
            )
        )

    @reads_screen("count")
    def count_shown(self) -> int:
        """How many dots are drawn (visible)."""
        return sum(
            1
            for d in self.dots
            if float(np.max(d.get_fill_opacities(), initial=0.0)) > theme.VISIBLE_OPACITY
        )


class SpreadBar(VGroup):
    """The mean ± one (population) standard deviation of a :class:`ValueStrip`, drawn as a bar
    below its number line with a tick at the mean; it follows the dots at every frame."""

    def __init__(
        self,
        strip: ValueStrip,
        *,
        below: float = 0.85,
        color: ManimColor = theme.ACCENT,
        label: str = r"\mu \pm \sigma",
        size: int = 28,
    ) -> None:
        super().__init__()
        self.strip, self.below = strip, float(below)
        self.bar = Line(color=color, stroke_width=5)
        self.ends = VGroup(Line(color=color, stroke_width=4), Line(color=color, stroke_width=4))
        self.centre = Dot(radius=0.08, color=color)
        self.label = MathTex(label, font_size=size, color=color)
        self.add(self.bar, self.ends, self.centre, self.label)
        self.follow_strip()
        self.add_updater(lambda _: self.follow_strip())

    def follow_strip(self) -> SpreadBar:
        """Put the bar where the strip's dots are now."""
        line = self.strip.line
        values = np.asarray(self.strip.values_shown(), dtype=float)
        mean, std = float(values.mean()), population_std(values)
        down = np.array([0.0, -self.below, 0.0])
        a, m, b = (line.n2p(v) + down for v in (mean - std, mean, mean + std))
        self.bar.put_start_and_end_on(a, b)
        for end, p in zip(self.ends, (a, b), strict=True):
            end.put_start_and_end_on(p + 0.12 * DOWN, p + 0.12 * UP)
        self.centre.move_to(m)
        self.label.next_to(b, np.array([1.0, 0.0, 0.0]), buff=0.25)
        return self

    @reads_screen("geometry")
    def span_shown(self) -> NDArray[np.float64]:
        """The values under the bar's two ends, read back through the number line."""
        line = self.strip.line
        return np.array([float(line.p2n(p)) for p in self.bar.get_start_and_end()])


class ShareBar(VGroup):
    """A bar of fixed length split into two parts: the first part's share of a whole, as
    ``share()`` says at every frame (e.g. one feature's part of a squared distance).

    Parameters
    ----------
    share
        Returns the first part's share, in ``[0, 1]``.
    left
        The scene point of the bar's left end (its vertical centre).
    length, height
        The whole bar's size (scene units).
    colors
        The two parts' colours.
    """

    def __init__(
        self,
        share: Callable[[], float],
        *,
        left: ArrayLike = (0.0, 0.0, 0.0),
        length: float = 8.0,
        height: float = 0.45,
        colors: tuple[ManimColor, ManimColor] = (theme.TEXT, theme.AREA),
    ) -> None:
        super().__init__()
        self.share, self.bar_length, self.bar_height = share, float(length), float(height)
        start = np.zeros(3)
        xy = np.asarray(left, dtype=float).ravel()
        start[: len(xy)] = xy[:3]
        self.start = start
        self.parts = VGroup(
            *(
                Rectangle(width=1.0, height=self.bar_height, stroke_width=0).set_fill(
                    color, opacity=1.0
                )
                for color in colors
            )
        )
        self.add(self.parts)
        self.follow()
        self.add_updater(lambda _: self.follow())

    def follow(self) -> ShareBar:
        """Split the bar where ``share()`` says now."""
        first = min(max(float(self.share()), 0.0), 1.0) * self.bar_length
        x0 = self.start[0]
        for part, (a, b) in zip(
            self.parts, ((x0, x0 + first), (x0 + first, x0 + self.bar_length)), strict=True
        ):
            y, h = self.start[1], self.bar_height / 2
            corners = np.array([[a, y + h], [b, y + h], [b, y - h], [a, y - h], [a, y + h]])
            part.set_points_as_corners(np.column_stack([corners, np.zeros(5)]))
        return self

    @reads_screen("geometry")
    def share_shown(self) -> float:
        """The first part's drawn width over the whole bar's drawn width."""
        first, second = self.parts
        widths = [float(np.ptp(part.points[:, 0])) for part in (first, second)]
        return widths[0] / (widths[0] + widths[1])
