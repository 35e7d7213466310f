"""The running average of simulated rounds, drawn on a logarithmic rounds axis.

:func:`rounds_axes` makes axes whose x-axis counts rounds on a log scale (1, 10, 100, …) and
whose y-axis holds the winnings. :class:`RunningMean` draws, up to the round reached by its
state, one dot per round at that round's result and the polyline of the average after every
round, with a marker at its tip; :meth:`RunningMean.play_to` sweeps the rounds at a constant
pace in log(rounds), so the first rounds are seen one by one and the later thousands fly by.
Everything is read back through the axes: the tip (rounds, average), the dots' heights and
how many dots are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from manim import (
    DOWN,
    Axes,
    DashedLine,
    Dot,
    ManimColor,
    VGroup,
    VMobject,
    linear,
)
from manim.animation.animation import Animation
from manim.mobject.graphing.scale import LogBase

from mathviz import theme
from mathviz.maths.expectation import running_mean
from mathviz.primitives.motion import StateTween
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["rounds_axes", "RunningMean", "level_line"]


def rounds_axes(
    decades: int,
    y_range: tuple[float, float, float],
    *,
    width: float,
    height: float,
    font_size: int = 24,
) -> Axes:
    """Axes with rounds 1 … 10^decades on a log x-axis (numbered 1, 10, 100, … along the
    bottom edge, clear of the data that crosses the x-axis) and a numbered linear y-axis, in
    the theme's muted colour."""
    axes = Axes(
        x_range=(0, decades, 1),
        y_range=y_range,
        x_length=width,
        y_length=height,
        tips=False,
        x_axis_config={
            "scaling": LogBase(10, custom_labels=False),
            "color": theme.MUTED,
            "include_numbers": True,
            "font_size": font_size,
            "decimal_number_config": {"group_with_commas": True, "num_decimal_places": 0},
        },
        y_axis_config={
            "color": theme.MUTED,
            "include_numbers": True,
            "font_size": font_size,
            "decimal_number_config": {"group_with_commas": False, "num_decimal_places": 0},
        },
    )
    # the y-axis numbered at zero too (where the x-axis meets it, left of the crossing)
    axes.y_axis.remove(axes.y_axis.numbers)
    axes.y_axis.add_numbers(
        [float(v) for v in np.arange(y_range[0], y_range[1] + y_range[2] / 2, y_range[2])],
        excluding=[],
        num_decimal_places=0,
    )
    bottom = axes.c2p(1, y_range[0])[1]
    for number in axes.x_axis.numbers:
        number.next_to(np.array([number.get_x(), bottom, 0.0]), DOWN, buff=0.15)
    return axes


def level_line(axes: Axes, y: float, color: ManimColor = theme.TEXT) -> DashedLine:
    """A dashed horizontal line across the axes at height ``y`` (the expectation)."""
    lo, hi = 10.0 ** axes.x_range[0], 10.0 ** axes.x_range[1]
    return DashedLine(
        axes.c2p(lo, y), axes.c2p(hi, y), color=color, stroke_width=3, dash_length=0.12
    )


@dataclass
class _Sweep:
    log_rounds: float


class RunningMean(VGroup):
    """Dots for simulated rounds and the line of their running average, drawn up to a round.

    Parameters
    ----------
    axes
        Axes from :func:`rounds_axes`.
    results
        The result of every round, in order.
    line_color
        The running average's colour (its tip marker too).
    dot_color
        A dot's colour from its result; ``None`` draws no dots (the line only).
    dot_radius
        Radius of the round dots.
    """

    def __init__(
        self,
        axes: Axes,
        results: npt.ArrayLike,
        *,
        line_color: ManimColor = theme.ACCENT,
        dot_color: Callable[[float], ManimColor] | None = None,
        dot_radius: float = 0.045,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.results = np.asarray(results, dtype=float)
        self.means = running_mean(self.results)
        self.state = _Sweep(0.0)
        n = len(self.results)
        self._points = np.array([axes.c2p(k + 1, m) for k, m in enumerate(self.means)])
        self.dots = VGroup()
        if dot_color is not None:
            for k, r in enumerate(self.results):
                dot = Dot(axes.c2p(k + 1, r), radius=dot_radius, color=dot_color(float(r)))
                dot.set_fill(opacity=0.0)
                self.dots.add(dot)
        self.line = VMobject(stroke_color=line_color, stroke_width=4)
        self.tip = Dot(radius=0.09, color=line_color)
        self.tip.set_stroke(theme.BACKGROUND, width=2)
        self._visible = 0
        self.add(self.dots, self.line, self.tip)
        if n < 1:
            raise ValueError("need at least one round")
        self.redraw()

    @property
    def rounds_drawn(self) -> int:
        """The last round drawn (1 … number of results)."""
        k = int(math.floor(10.0**self.state.log_rounds + 1e-9))
        return max(1, min(k, len(self.results)))

    def redraw(self) -> None:
        """Draw the dots and the line up to :attr:`rounds_drawn`, the tip at its end."""
        k = self.rounds_drawn
        pts = self._points[:k]
        if k == 1:
            pts = np.array([pts[0], pts[0] + np.array([1e-6, 0.0, 0.0])])
        self.line.set_points_as_corners(pts)
        self.tip.move_to(self._points[k - 1])
        if len(self.dots):
            lo, hi = sorted((self._visible, k))
            for dot in self.dots[lo:hi]:
                dot.set_fill(opacity=1.0 if k > self._visible else 0.0)
            self._visible = k

    def play_to(self, rounds: int, run_time: float = 3.0) -> Animation:
        """Sweep to round ``rounds`` at a constant pace in log(rounds)."""
        if not 1 <= rounds <= len(self.results):
            raise ValueError(f"rounds must lie in 1 … {len(self.results)}")
        return StateTween(
            self,
            self.state,
            {"log_rounds": math.log10(rounds)},
            self.redraw,
            run_time=run_time,
            rate_func=linear,
        )

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def tip_shown(self) -> npt.NDArray[np.float64]:
        """The tip marker through the axes: (rounds, running average)."""
        return np.asarray(coords(self.axes, self.tip), dtype=np.float64)

    @reads_screen("count")
    def dots_shown(self) -> int:
        """How many round dots are drawn (visible)."""
        return sum(1 for d in self.dots if d.get_fill_opacity() > theme.VISIBLE_OPACITY)

    @reads_screen("geometry")
    def dot_heights_shown(self) -> npt.NDArray[np.float64]:
        """The height of every drawn dot through the axes (the rounds' results), in order."""
        shown = [d for d in self.dots if d.get_fill_opacity() > theme.VISIBLE_OPACITY]
        if not shown:
            return np.zeros(0)
        centres = np.array([d.get_center() for d in shown])
        return np.asarray(coords(self.axes, centres), dtype=np.float64)[:, 1]
