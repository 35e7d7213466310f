"""Logits flowing through softmax into probabilities, and the loss they cost.

:class:`SoftmaxFlow` holds a classifier's logits and three :class:`StageChart` s drawn from
them: the logits as signed bars, their exponentials ``e^z`` (all positive), and the
probabilities (the exponentials divided by their sum). A stage can be *poured* from the one
before it: its bars leave the earlier chart's bars and glide, reshaping, into their own
places (:meth:`SoftmaxFlow.exponentiate`, :meth:`SoftmaxFlow.normalise`). Once on stage, the
logits can move along any path (:meth:`SoftmaxFlow.move`) and every chart is redrawn from the
logits of the same frame, so the bars are always the softmax of the drawn logits, in motion
too. The probability chart can carry a one-hot truth as outlines (:meth:`StageChart.outline`).

:class:`LossCurve` draws ``−ln p`` against ``p`` with a dot at the probability it is given by
a callable (typically the true class's bar read back through its axes) and a vertical bar
from the axis up to the dot: the loss as a length.

Everything is read back from the drawing: bar heights and outline heights through the
chart's axes, the numbers written at the bars as typeset, the dot through the curve's axes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.classifier_training import LogitPath
from mathviz.maths.information import softmax
from mathviz.primitives.bars import BAR_FILL, BAR_OPACITY, value_axes
from mathviz.primitives.motion import Scripted, StateTween
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import coords, live_number_class
from mathviz.readings import PrintedArray, printed, reads_screen

__all__ = ["StageChart", "SoftmaxFlow", "LossCurve"]

Floats = NDArray[np.float64]
#: a bar thinner than this (scene units) is drawn a hair tall
_HAIR = 1e-6
#: the share of a bar's arrival over which its number fades in
_LABEL_FADE = 0.2


class StageChart(VGroup):
    """One stage of the flow: bars for the classes on value axes, their numbers, the class
    names under the axes and a title above.

    Parameters
    ----------
    names
        The class names, written under the bars.
    y_range
        ``(min, max, step)`` of the value axis (``min < 0`` for signed bars).
    title
        Written above the axes.
    colors
        One fill colour per class.
    decimals
        Decimal places of the numbers written at the bars.
    tick_decimals
        Decimal places of the value axis' numbers (default: as :func:`value_axes`).
    """

    def __init__(
        self,
        names: Sequence[str],
        y_range: Sequence[float],
        *,
        title: str,
        colors: Sequence[ManimColor],
        decimals: int,
        width: float = 3.0,
        height: float = 4.5,
        font_size: int = 24,
        label_size: int = 28,
        tick_decimals: int | None = None,
    ) -> None:
        super().__init__()
        n = len(names)
        if n == 0 or len(colors) != n:
            raise ValueError("one colour per class name is required")
        self.axes = value_axes((0, n, 1), y_range, width, height, font_size - 2, tick_decimals)
        self.values: Floats = np.zeros(n)
        #: share of each bar's height drawn (0 → 1 while the bars grow from the zero line)
        self.grown = 1.0
        #: how far the bars have travelled from :attr:`origin` to their own places (0 → 1)
        self.arrival = 1.0
        #: the corners the bars start from while they arrive (screen points), or ``None``
        self.origin: list[Floats] | None = None
        self.bars = VGroup(
            *(VMobject(stroke_width=0, fill_color=c, fill_opacity=BAR_OPACITY) for c in colors)
        )
        self.bars.name = f"{title} bars"
        number = live_number_class()
        self.labels = VGroup(
            *(
                number(
                    0.0,
                    num_decimal_places=decimals,
                    font_size=label_size,
                    color=theme.TEXT,
                    group_with_commas=False,
                )
                for _ in names
            )
        )
        self.names = VGroup()
        bottom = self.axes.c2p(0, self.axes.y_range[0])[1]
        for i, name in enumerate(names):
            label = theme.text(name, size=font_size, color=theme.MUTED)
            label.move_to(np.array([self.axes.c2p(i + 0.5, 0)[0], bottom, 0.0]))
            label.shift((bottom - label.get_top()[1] - 0.15) * UP)
            self.names.add(label)
        self.title = theme.text(title, size=theme.LABEL_SIZE + 4, color=theme.MUTED)
        self.title.next_to(self.axes, UP, buff=0.35)
        self.outlines = VGroup()
        self.outline_values: Floats = np.zeros(0)
        self.add(self.axes, self.bars, self.labels, self.names, self.title)

    # --- drawing ------------------------------------------------------------------------------
    def _corners(self, i: int, value: float) -> Floats:
        """The four corners (screen) of bar ``i`` standing on the zero line at ``value``."""
        axes = self.axes
        half = BAR_FILL / 2
        y = max(value, axes.y_range[0])
        pts = np.array(
            [axes.c2p(i + 0.5 - half, 0), axes.c2p(i + 0.5 + half, 0)]
            + [axes.c2p(i + 0.5 + half, y), axes.c2p(i + 0.5 - half, y)]
        )
        if abs(pts[2][1] - pts[1][1]) < _HAIR:
            pts[2] = pts[1] + np.array([0.0, _HAIR, 0.0])
            pts[3] = pts[0] + np.array([0.0, _HAIR, 0.0])
        return pts

    def corners(self) -> list[Floats]:
        """Every bar's corners at its full value (where a following stage pours from)."""
        return [self._corners(i, float(v)) for i, v in enumerate(self.values)]

    def draw(self, values: ArrayLike) -> StageChart:
        """Draw ``values`` now (at the current growth and arrival)."""
        self.values = np.asarray(values, dtype=float)
        label_opacity = min(max((min(self.grown, self.arrival) - 1 + _LABEL_FADE), 0.0), 1.0)
        label_opacity /= _LABEL_FADE
        for i, (bar, label) in enumerate(zip(self.bars, self.labels, strict=True)):
            value = float(self.values[i])
            own = self._corners(i, value * self.grown)
            if self.origin is not None and self.arrival < 1.0:
                own = self.origin[i] + (own - self.origin[i]) * self.arrival
            bar.set_points_as_corners([*own, own[0]])
            label.set_value(value)
            label.set_fill(opacity=label_opacity, family=True)
            top = max(own[:, 1])
            bottom = min(own[:, 1])
            centre = own[:, 0].mean()
            if value >= 0:
                label.move_to(np.array([centre, top + 0.1 + label.height / 2, 0.0]))
            else:
                label.move_to(np.array([centre, bottom - 0.1 - label.height / 2, 0.0]))
        return self

    def outline(self, values: ArrayLike, color: ManimColor = theme.GOOD) -> Animation:
        """Outline bars at ``values`` (a one-hot truth: the full height over the true class);
        a zero draws nothing."""
        self.outline_values = np.asarray(values, dtype=float)
        self.outlines = VGroup()
        self.outlines.name = "truth outlines"
        for i, v in enumerate(self.outline_values):
            if v <= 0:
                continue
            box = VMobject(stroke_color=color, stroke_width=4, fill_opacity=0)
            pts = self._corners(i, float(v))
            # a little wider than the bar, so that the bar inside it stays visible
            pts[[0, 3], 0] -= 0.06
            pts[[1, 2], 0] += 0.06
            box.set_points_as_corners([*pts, pts[0]])
            self.outlines.add(box)
        self.add(self.outlines)
        return Create(self.outlines, run_time=1.0)

    def grow(self, values: ArrayLike, run_time: float = 1.5) -> Animation:
        """Grow the bars from the zero line to ``values``; their numbers fade in at the end."""
        self.grown = 0.0
        self.draw(values)
        return StateTween(
            self, self, {"grown": 1.0}, lambda: self.draw(self.values), run_time=run_time
        )

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def heights_shown(self) -> Floats:
        """Every bar's signed height through the axes (one end sits on the zero line)."""
        out = []
        for bar in self.bars:
            (_, top), (_, bottom) = coords(self.axes, np.array([bar.get_top(), bar.get_bottom()]))
            out.append(float(top + bottom))
        return np.array(out, dtype=float)

    @reads_screen("geometry")
    def outline_heights_shown(self) -> Floats:
        """Each drawn outline's height through the axes, from the zero line."""
        out = []
        for box in self.outlines:
            (_, top), (_, bottom) = coords(self.axes, np.array([box.get_top(), box.get_bottom()]))
            out.append(float(top - bottom))
        return np.array(out, dtype=float)

    @reads_screen("geometry")
    def outline_slots_shown(self) -> Floats:
        """The class slot (0, 1, …) each drawn outline stands over, through the axes."""
        return np.array([math.floor(float(coords(self.axes, box)[0])) for box in self.outlines])

    def labels_shown(self) -> PrintedArray:
        """The numbers written at the bars, as typeset."""
        return PrintedArray(printed(label) for label in self.labels)


class SoftmaxFlow:
    """A classifier's logits and the three charts drawn from them: logits, ``e^z``,
    probabilities. The charts are mobjects the scene adds (or pours) one by one.

    Parameters
    ----------
    logits
        The starting scores.
    names
        The class names.
    colors
        One colour per class, the same in every chart.
    logit_range, exp_range
        ``(min, max, step)`` of the logit and exponential charts (probabilities: 0 to 1).
    """

    def __init__(
        self,
        logits: ArrayLike,
        names: Sequence[str],
        *,
        colors: Sequence[ManimColor],
        logit_range: Sequence[float],
        exp_range: Sequence[float],
        width: float = 3.0,
        height: float = 4.5,
        font_size: int = 24,
    ) -> None:
        self.logits: Floats = np.asarray(logits, dtype=float).copy()
        kw: dict[str, Any] = {"colors": colors, "width": width, "height": height}
        kw["font_size"] = font_size
        self.logit_chart = StageChart(names, logit_range, title="logits z", decimals=1, **kw)
        self.exp_chart = StageChart(names, exp_range, title="exponentials", decimals=2, **kw)
        self.prob_chart = StageChart(
            names, (0, 1, 0.5), title="probabilities p", decimals=2, tick_decimals=1, **kw
        )
        self.charts = (self.logit_chart, self.exp_chart, self.prob_chart)
        for chart in self.charts[1:]:
            chart.arrival = 0.0  # nothing poured yet
        self.redraw()

    def values(self) -> tuple[Floats, Floats, Floats]:
        """Logits, their exponentials and the probabilities of the current state."""
        return self.logits, np.exp(self.logits), softmax(self.logits)

    def redraw(self, charts: Sequence[StageChart] | None = None) -> None:
        """Draw every chart (or ``charts``) from the current logits."""
        for chart, values in zip(self.charts, self.values(), strict=True):
            if charts is None or chart in charts:
                chart.draw(values)

    # --- animations ---------------------------------------------------------------------------
    def grow_logits(self, run_time: float = 1.5) -> Animation:
        """The logit bars grow from the zero line, up or down."""
        return self.logit_chart.grow(self.logits, run_time=run_time)

    def _pour(self, source: StageChart, target: StageChart, run_time: float) -> Animation:
        target.origin = source.corners()
        target.arrival = 0.0
        self.redraw([target])
        return StateTween(
            target, target, {"arrival": 1.0}, lambda: self.redraw([target]), run_time=run_time
        )

    def exponentiate(self, run_time: float = 2.0) -> Animation:
        """Each logit bar leaves its chart and becomes its exponential's bar."""
        return self._pour(self.logit_chart, self.exp_chart, run_time)

    def normalise(self, run_time: float = 2.0) -> Animation:
        """Each exponential's bar shrinks by the sum into the probability chart."""
        return self._pour(self.exp_chart, self.prob_chart, run_time)

    def move(
        self, path: LogitPath, charts: Sequence[StageChart], run_time: float = 2.0
    ) -> Animation:
        """The logits travel along ``path``; every chart in ``charts`` is redrawn from the
        logits of each frame."""

        def step(chart: StageChart) -> Callable[[float], None]:
            def update(t: float) -> None:
                self.logits = np.asarray(path(t), dtype=float)
                self.redraw([chart])

            return update

        return AnimationGroup(
            *(Scripted(chart, step(chart), rate_func=smooth) for chart in charts),
            run_time=run_time,
        )


class LossCurve(VGroup):
    """``−ln p`` against ``p`` in nats, a dot at the probability ``read_p()`` gives and a bar
    from the p-axis up to the dot, redrawn every frame.

    Parameters
    ----------
    read_p
        Called every frame: the probability to mark (e.g. a bar's height read back).
    y_max
        The top of the loss axis (nats); the curve is drawn from ``p = e^{-y_max}``.
    """

    def __init__(
        self,
        read_p: Callable[[], float],
        *,
        width: float = 4.0,
        height: float = 4.5,
        y_max: int = 5,
        font_size: int = 22,
        curve_color: ManimColor = theme.ACCENT,
        loss_color: ManimColor = theme.BAD,
    ) -> None:
        super().__init__()
        self.read_p = read_p
        self.axes = Axes(
            x_range=(0, 1, 0.5),
            y_range=(0, y_max, 1),
            x_length=width,
            y_length=height,
            tips=False,
            axis_config={"color": theme.MUTED, "font_size": font_size, "stroke_width": 2},
            x_axis_config={
                "include_numbers": True,
                "numbers_to_include": [0.5, 1.0],
                "decimal_number_config": {"num_decimal_places": 1},
            },
            y_axis_config={
                "include_numbers": True,
                "decimal_number_config": {"num_decimal_places": 0},
            },
        )
        # no vertical axis line: a probability near zero puts the dot and its bar right there
        self.axes.y_axis.set_stroke(opacity=0)
        low = math.exp(-y_max)
        self.curve = self.axes.plot(
            lambda p: -math.log(p), x_range=(low, 1.0, 0.002), color=curve_color, stroke_width=5
        )
        self.curve.name = "−ln p curve"
        self.loss_bar = Line(stroke_color=loss_color, stroke_width=9)
        self.loss_bar.name = "loss bar"
        self.dot = Dot(radius=0.1, color=curve_color)
        self.dot.set_z_index(1)
        self.add(self.axes, self.curve, self.loss_bar, self.dot)
        # the updaters sit on the parts that move, not on the group: an animation that brings
        # in a part alone (Create, FadeIn) takes the group apart on the scene
        self.dot.add_updater(lambda _: self._place_dot())
        self.loss_bar.add_updater(lambda _: self._place_bar())
        self.place()

    def _p(self) -> float:
        return min(max(float(self.read_p()), 1e-12), 1.0)

    def _place_dot(self) -> None:
        p = self._p()
        self.dot.move_to(self.axes.c2p(p, -math.log(p)))

    def _place_bar(self) -> None:
        p = self._p()
        set_segment(self.loss_bar, self.axes.c2p(p, 0.0), self.axes.c2p(p, -math.log(p)))

    def place(self) -> None:
        """Put the dot at ``(p, −ln p)`` for ``p = read_p()`` and the bar under it."""
        self._place_dot()
        self._place_bar()

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the axes and the curve, then bring in the dot and its bar."""
        return AnimationGroup(
            Create(self.axes),
            Create(self.curve),
            FadeIn(VGroup(self.loss_bar, self.dot)),
            lag_ratio=0.45,
            run_time=run_time,
            group=self,
        )

    def axis_labels(self, x_label: VMobject, y_label: VMobject) -> VGroup:
        """Place ``x_label`` under the right end of the p-axis and ``y_label`` over the loss
        axis; returns them as a group (not part of the curve)."""
        x_label.next_to(self.axes.x_axis.numbers[-1], DOWN, buff=0.2).align_to(
            self.axes.x_axis.get_right(), np.array([1.0, 0.0, 0.0])
        )
        y_label.next_to(self.axes.c2p(0, self.axes.y_range[1]), UP, buff=0.25)
        y_label.align_to(self.axes.y_axis.numbers[0], LEFT)
        return VGroup(x_label, y_label)

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def dot_shown(self) -> Floats:
        """The dot's ``(p, loss)`` through the axes."""
        return np.asarray(coords(self.axes, self.dot), dtype=float)

    @reads_screen("geometry")
    def loss_bar_shown(self) -> float:
        """The loss bar's length in nats, through the axes."""
        (_, bottom), (_, top) = coords(self.axes, np.array(self.loss_bar.get_start_and_end()))
        return float(top - bottom)

    @reads_screen("geometry")
    def curve_height_shown(self, p: float) -> float:
        """The drawn curve's height over ``p``, through the axes (``p`` a sampled input)."""
        points = coords(self.axes, self.curve.get_anchors())
        k = int(np.argmin(np.abs(points[:, 0] - p)))
        return float(points[k, 1])
