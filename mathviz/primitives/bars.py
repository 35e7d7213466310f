"""A labelled bar chart on axes whose bars morph to new heights and show float overflow.

:class:`BarChart` draws one bar per value from the zero line of its axes (up for positive
values, down for negative ones) with the value written at the bar's end. A value that is
``inf`` or larger than the axes' top is drawn as a bar clipped at the top edge, in the
"bad" colour, with a jagged cap and the label ``inf``; ``nan`` is drawn as no bar with the
label ``nan``. Values are read back from the drawing: bar heights through the axes, labels
from the numbers (or the ``inf``/``nan`` words) written on screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from manim import (
    DOWN,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DecimalNumber,
    FadeIn,
    GrowFromEdge,
    ManimColor,
    Mobject,
    Rectangle,
    Text,
    Transform,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.primitives.motion import Scripted, built
from mathviz.readings import Printed, PrintedArray, ReadingError, printed, reads_screen

__all__ = [
    "BAR_FILL",
    "BAR_OPACITY",
    "BarChart",
    "nice_step",
    "value_axes",
    "NON_FINITE_WORDS",
    "label_shown",
    "infinities_shown",
]

#: the fraction of a bar slot a bar fills
BAR_FILL = 0.6
#: bar fill opacity
BAR_OPACITY = 0.85


def value_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    width: float,
    height: float,
    font_size: int,
    decimals: int | None = None,
) -> Axes:
    """Axes for bars: a plain x-axis (no ticks) and a numbered y-axis, in the theme's muted
    colour; ``decimals`` defaults to 0 for a whole-number step, else 1."""
    places = decimals if decimals is not None else 0 if float(y_range[2]).is_integer() else 1
    return Axes(
        x_range=tuple(x_range),
        y_range=tuple(y_range),
        x_length=width,
        y_length=height,
        tips=False,
        x_axis_config={"color": theme.MUTED, "include_ticks": False, "stroke_width": 2},
        y_axis_config={
            "color": theme.MUTED,
            "include_numbers": True,
            "font_size": font_size,
            "stroke_width": 2,
            "decimal_number_config": {"group_with_commas": False, "num_decimal_places": places},
        },
    )


def _axes(n: int, y_range: Sequence[float], width: float, height: float, font_size: int) -> Axes:
    return value_axes((0, n, 1), y_range, width, height, font_size)


def nice_step(span: float, most: int = 4) -> float:
    """The smallest tick step of the form 1, 2 or 5 × 10^k (never below 0.5) that puts at
    most ``most`` steps across ``span``."""
    if span <= 0:
        return 1.0
    k = math.floor(math.log10(span / most))
    for base in (1.0, 2.0, 5.0, 10.0):
        step = base * 10.0**k
        if span / step <= most:
            return max(step, 0.5)
    return max(10.0 ** (k + 1), 0.5)


def _window_axes(n: int, lo: float, hi: float, width: float, height: float, font_size: int) -> Axes:
    """Axes for any window ``[lo, hi]`` of the value axis (not only whole steps), with
    ticks and numbers at the multiples of a :func:`nice_step` inside it: the axes a
    :meth:`BarChart.glide` passes through."""
    step = nice_step(hi - lo)
    axes = Axes(
        x_range=(0, n, 1),
        y_range=(lo, hi, hi - lo),
        x_length=width,
        y_length=height,
        tips=False,
        x_axis_config={"color": theme.MUTED, "include_ticks": False, "stroke_width": 2},
        y_axis_config={
            "color": theme.MUTED,
            "include_ticks": False,
            "include_numbers": False,
            "stroke_width": 2,
            "decimal_number_config": {
                "group_with_commas": False,
                "num_decimal_places": 0 if step.is_integer() else 1,
            },
        },
    )
    marks = [k * step for k in range(math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9) + 1)]
    axes.y_axis.add(VGroup(*(axes.y_axis.get_tick(v) for v in marks)))
    axes.y_axis.add_numbers(x_values=marks, font_size=font_size)
    return axes


def _blank(mob: Mobject) -> None:
    """Empty the points of a part that was just replaced: a play lists the parts it draws
    when it begins, so a replaced part would otherwise still be drawn in its old place."""
    for part in mob.get_family():
        part.points = np.zeros((0, 3))


class BarChart(VGroup):
    """Bars with names underneath and values at their ends, on axes with a numbered y-axis.

    Parameters
    ----------
    values
        One value per bar; ``inf`` (or anything above the axes' top) is drawn clipped.
    names
        TeX names written under the bars (``"z_1"``...).
    y_range
        ``(min, max, step)`` of the value axis; ``min`` is 0 unless values are negative.
    decimals
        Decimal places of the value labels.
    colors
        One colour per bar (default: the accent colour for all).
    """

    def __init__(
        self,
        values: ArrayLike,
        names: Sequence[str],
        *,
        y_range: Sequence[float] = (0.0, 1.0, 0.5),
        width: float = 4.2,
        height: float = 3.0,
        decimals: int = 2,
        colors: Sequence[ManimColor] | None = None,
        font_size: int = 24,
    ) -> None:
        super().__init__()
        self.values = np.asarray(values, dtype=float)
        n = len(self.values)
        if n == 0:
            raise ValueError("a bar chart needs at least one value")
        if len(names) != n:
            raise ValueError("one name per bar is required")
        self.colors = list(colors) if colors is not None else [theme.ACCENT] * n
        if len(self.colors) != n:
            raise ValueError("one colour per bar is required")
        self.axes_width, self.axes_height, self.font_size = width, height, font_size
        self.decimals = decimals
        self.axes = _axes(n, y_range, width, height, font_size - 4)
        self.bars = VGroup()
        self.labels = VGroup()
        self.names = VGroup()
        self._retired: list[Mobject] = []
        for i, name in enumerate(names):
            tex = theme.tex(name, size=font_size + 4, color=theme.MUTED)
            tex.next_to(self.axes.c2p(i + 0.5, self.axes.y_range[0]), DOWN, buff=0.15)
            self.names.add(tex)
        for i, v in enumerate(self.values):
            bar, label = self._bar_and_label(i, v, decimals)
            self.bars.add(bar)
            self.labels.add(label)
        self.add(self.axes, self.bars, self.labels, self.names)

    # --- building ---------------------------------------------------------------------------
    def _bar_and_label(self, i: int, value: float, decimals: int) -> tuple[VMobject, VMobject]:
        axes = self.axes
        lo, hi = axes.y_range[0], axes.y_range[1]
        slot = axes.c2p(1, 0)[0] - axes.c2p(0, 0)[0]
        bar_width = BAR_FILL * slot
        x = i + 0.5
        bar: VMobject
        label: VMobject
        if math.isnan(value):
            bar = Rectangle(
                width=bar_width, height=1e-7, stroke_width=0, fill_color=theme.BAD, fill_opacity=0.0
            )
            bar.move_to(axes.c2p(x, 0))
            label = theme.text("nan", size=self.font_size, color=theme.BAD)
            label.next_to(axes.c2p(x, 0), UP, buff=0.12)
            return bar, label
        if value > hi:  # overflow (inf) or off the chart: clipped at the top, jagged cap
            base, top = axes.c2p(x, 0), axes.c2p(x, hi)
            left, right = base[0] - bar_width / 2, base[0] + bar_width / 2
            tooth = bar_width / 6
            cap = [
                np.array([left + k * tooth, top[1] - (0.12 if k % 2 else 0.0), 0.0])
                for k in range(7)
            ]
            corners = [np.array([right, base[1], 0.0]), np.array([left, base[1], 0.0])]
            bar = VMobject(stroke_width=0, fill_color=theme.BAD, fill_opacity=BAR_OPACITY)
            bar.set_points_as_corners([*corners, *cap, corners[0]])
            word = "inf" if math.isinf(value) else f"{value:.3g}"
            label = theme.text(word, size=self.font_size, color=theme.BAD)
            label.next_to(top, UP, buff=0.12)
            return bar, label
        clipped = max(value, lo)
        base, end = axes.c2p(x, 0), axes.c2p(x, clipped)
        bar = Rectangle(
            width=bar_width,
            height=max(abs(end[1] - base[1]), 1e-7),
            stroke_width=0,
            fill_color=self.colors[i],
            fill_opacity=BAR_OPACITY,
        )
        bar.move_to(base, aligned_edge=DOWN if value >= 0 else UP)
        label = DecimalNumber(
            value,
            num_decimal_places=decimals,
            font_size=self.font_size,
            color=theme.TEXT,
            group_with_commas=False,
        )
        label.next_to(bar, UP if value >= 0 else DOWN, buff=0.1)
        return bar, label

    # --- animations ---------------------------------------------------------------------------
    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the axes and names, grow the bars, then write their values."""
        return AnimationGroup(
            Create(self.axes),
            FadeIn(self.names),
            AnimationGroup(*(GrowFromEdge(b, DOWN) for b in self.bars), lag_ratio=0.15),
            FadeIn(self.labels),
            lag_ratio=0.4,
            run_time=run_time,
            group=self,
        )

    def morph_to(
        self,
        values: ArrayLike,
        *,
        y_range: Sequence[float] | None = None,
        decimals: int | None = None,
        run_time: float = 1.5,
    ) -> Animation:
        """Bars grow or shrink to ``values``; labels are rewritten. With ``y_range`` the value
        axis is redrawn for the new range first (the old one fades out)."""
        new = np.asarray(values, dtype=float)
        if new.shape != self.values.shape:
            raise ValueError(f"expected {len(self.values)} values")
        if self._retired:  # parts faded out by the last morph leave the group now
            self.remove(*self._retired)
            self._retired = []
        decimals = self.decimals if decimals is None else decimals
        self.decimals = decimals
        anims: list[Animation] = []
        if y_range is not None:
            old_axes = self.axes
            self.axes = _axes(
                len(new), y_range, self.axes_width, self.axes_height, self.font_size - 4
            )
            # the new axes' bottom-left corner lands where the old one was
            self.axes.shift(
                old_axes.c2p(0, old_axes.y_range[0]) - self.axes.c2p(0, self.axes.y_range[0])
            )
            self._retired.append(old_axes)
            self.add(self.axes)
            anims += [built(old_axes.animate.set_opacity(0)), FadeIn(self.axes)]
        self.values = new
        for i, v in enumerate(new):
            bar, label = self._bar_and_label(i, v, decimals)
            anims.append(Transform(self.bars[i], bar))
            old_label = self.labels[i]
            self._retired.append(old_label)
            anims.append(built(old_label.animate.set_opacity(0)))
            anims.append(FadeIn(label))
            self.labels.submobjects[i] = label
            self.add(old_label)  # stays drawn while it fades; dropped on the next morph
        return AnimationGroup(*anims, run_time=run_time, group=self)

    def redraw_as(
        self,
        values: ArrayLike,
        window: Sequence[float] | None = None,
        *,
        decimals: int | None = None,
    ) -> None:
        """Redraw the chart at once for ``values`` and, given ``window = (lo, hi)``, a value
        axis spanning that window (its bottom-left corner stays where it is): one frame of a
        :meth:`glide`."""
        new = np.asarray(values, dtype=float)
        if new.shape != self.values.shape:
            raise ValueError(f"expected {len(self.values)} values")
        if self._retired:
            self.remove(*self._retired)
            self._retired = []
        if decimals is not None:
            self.decimals = decimals
        if window is not None:
            old = self.axes
            lo, hi = float(window[0]), float(window[1])
            axes = _window_axes(
                len(new), lo, hi, self.axes_width, self.axes_height, self.font_size - 4
            )
            axes.shift(old.c2p(0, old.y_range[0]) - axes.c2p(0, lo))
            self.submobjects[self.submobjects.index(old)] = axes
            self.axes = axes
            _blank(old)
        self.values = new
        drawn = [self._bar_and_label(i, v, self.decimals) for i, v in enumerate(new)]
        for old_part in (*self.bars, *self.labels):
            _blank(old_part)
        self.bars.submobjects = [bar for bar, _ in drawn]
        self.labels.submobjects = [label for _, label in drawn]

    def glide(
        self,
        values_at: Callable[[float], ArrayLike],
        *,
        window_at: Callable[[float], Sequence[float]] | None = None,
        decimals: int | None = None,
        run_time: float = 1.5,
        rate_func: Callable[[float], float] | None = None,
    ) -> Animation:
        """The chart redrawn every frame for ``values_at(t)`` (and the value axis for
        ``window_at(t)``), ``t`` from 0 to 1 through ``rate_func`` (manim's ``smooth`` by
        default): the bars move continuously, each label counting with its bar, and the
        axis zooms instead of cross-fading. Both functions must be finite."""

        def update(t: float) -> None:
            self.redraw_as(
                values_at(t), window_at(t) if window_at is not None else None, decimals=decimals
            )

        return Scripted(self, update, run_time=run_time, rate_func=rate_func or smooth)

    def glide_to(
        self,
        values: ArrayLike,
        *,
        window: Sequence[float] | None = None,
        decimals: int | None = None,
        run_time: float = 1.5,
        rate_func: Callable[[float], float] | None = None,
    ) -> Animation:
        """A :meth:`glide` in a straight line from what the chart shows when the animation
        starts to finite ``values`` (and from its value axis to ``window = (lo, hi)``)."""
        target = np.asarray(values, dtype=float)
        start: dict[str, np.ndarray] = {}

        def begin() -> None:
            if not start:
                start["values"] = self.values.copy()
                start["window"] = np.array(self.axes.y_range[:2], dtype=float)

        def values_at(t: float) -> np.ndarray:
            begin()
            shown: np.ndarray = start["values"] + (target - start["values"]) * t
            return shown

        def window_at(t: float) -> Sequence[float]:
            begin()
            end = np.asarray(window, dtype=float)
            return list(start["window"] + (end - start["window"]) * t)

        return self.glide(
            values_at,
            window_at=window_at if window is not None else None,
            decimals=decimals,
            run_time=run_time,
            rate_func=rate_func,
        )

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def heights_shown(self) -> np.ndarray:
        """Every bar's signed height read through the axes.

        One end of each bar sits on the zero line, so its height is the sum of the y
        coordinates of its top and bottom edges. A clipped (overflowing) bar reads as the
        top of the axes.
        """
        out = []
        for bar in self.bars:
            top = self.axes.p2c(bar.get_top())[1]
            bottom = self.axes.p2c(bar.get_bottom())[1]
            out.append(top + bottom)
        return np.array(out, dtype=float)

    def labels_shown(self) -> PrintedArray:
        """The numbers written at the bars, as typeset (digits and precision on screen).

        A bar labelled with a word (``inf``, ``nan``) has no digits to compare: read it with
        :func:`label_shown` or count such bars with :meth:`non_finite_shown`.
        """
        readings = [label_shown(label) for label in self.labels]
        words = [r.text for r in readings if not math.isfinite(r)]
        if words:
            raise ReadingError(
                f"bar labels {words} are words, not numbers; count them with non_finite_shown()"
            )
        return PrintedArray(readings)

    @reads_screen("geometry")
    def clipped_shown(self) -> np.ndarray:
        """Which bars are drawn clipped at the top (the overflow drawing), read from their
        shape: the top edge reaches the axes' top and is jagged (points inside the bar's top
        strip dip below the edge)."""
        top = self.axes.c2p(0, self.axes.y_range[1])[1]
        out = []
        for bar in self.bars:
            pts = bar.points
            if len(pts) == 0 or abs(bar.get_top()[1] - top) > 1e-6:
                out.append(False)
                continue
            left, right = bar.get_left()[0], bar.get_right()[0]
            inside = pts[
                (pts[:, 0] > left + 1e-3) & (pts[:, 0] < right - 1e-3) & (pts[:, 1] > top - 0.2)
            ]
            out.append(bool(len(inside) and np.min(inside[:, 1]) < top - 0.05))
        return np.array(out, dtype=bool)

    @reads_screen("count")
    def non_finite_shown(self) -> int:
        """How many bars are labelled ``inf`` or ``nan`` on screen."""
        return sum(1 for label in self.labels if not math.isfinite(label_shown(label)))


#: the words a float64 prints for values that are not finite numbers
NON_FINITE_WORDS = ("inf", "-inf", "nan")


def label_shown(mob: Mobject) -> Printed:
    """The value a number or text shows, as typeset; the overflow words ``inf``, ``-inf`` and
    ``nan`` (which :func:`~mathviz.readings.printed` refuses: they hold no digits) read as
    those IEEE values."""
    if isinstance(mob, Text) and mob.text.strip() in NON_FINITE_WORDS:
        reading = Printed(float(mob.text.strip()), "printed", mob.text.strip(), 0)
        reading.mobject_ids = (id(mob),)
        return reading
    if isinstance(mob, (DecimalNumber, Text)):
        return printed(mob)
    raise ReadingError(f"unexpected label {type(mob).__name__}")


@reads_screen("count")
def infinities_shown(texts: Iterable[Mobject]) -> int:
    """How many of ``texts`` show the word ``inf`` (or ``-inf``): an overflow printed on screen."""
    return sum(1 for mob in texts if math.isinf(label_shown(mob)))
