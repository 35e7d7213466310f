"""Confidence intervals from repeated samples, stacked as the rungs of a ladder.

:class:`IntervalLadder` draws one horizontal segment per sample, its ends at the interval's
ends through a value axis, with a dot at the sample's mean, one rung above the other, and a
dashed vertical line at the true mean. Intervals that cover the true mean take one colour,
those that miss it the theme's ``BAD``. :meth:`IntervalLadder.reveal` brings the rungs in one
after another; every count is read back from what is drawn: visible rungs, and among them
those of each colour; :meth:`IntervalLadder.colour_errors_shown` checks each visible rung's
colour against whether its drawn ends straddle the drawn true-mean line.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    GrowFromCenter,
    Line,
    ManimColor,
    Mobject,
    VGroup,
    linear,
    there_and_back,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.layout import same_colour
from mathviz.primitives.motion import Redraw
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["HIT_COLOR", "MISS_COLOR", "IntervalLadder", "SampleDots"]

#: intervals that cover the true mean, and those that miss it
HIT_COLOR, MISS_COLOR = theme.CURVE, theme.BAD

Floats = NDArray[np.float64]


class IntervalLadder(VGroup):
    """Intervals stacked bottom to top over a value axis, and the true mean as a dashed line.

    Parts: ``axes`` (only the value axis is drawn; the rungs are placed at heights
    ``1 … count`` of its hidden vertical axis), ``truth`` (the dashed line), ``rungs`` (one
    ``VGroup(segment, dot)`` per interval, invisible until revealed).

    Parameters
    ----------
    axes
        Axes with the value across and rung heights ``0 … count + 1`` up.
    intervals
        ``(count, 2)`` low and high ends.
    means
        Each sample's mean (the dot on its rung).
    true_mean
        Where the dashed line stands.
    covers
        Whether each interval covers the true mean (its colour).
    """

    def __init__(
        self,
        axes: Axes,
        intervals: ArrayLike,
        means: ArrayLike,
        true_mean: float,
        covers: ArrayLike,
        *,
        stroke_width: float = 4.0,
        dot_radius: float = 0.05,
    ) -> None:
        super().__init__()
        ends = np.asarray(intervals, dtype=np.float64)
        centres = np.asarray(means, dtype=np.float64)
        hits = np.asarray(covers, dtype=bool)
        if ends.ndim != 2 or ends.shape[1] != 2 or not len(ends) == len(centres) == len(hits):
            raise ValueError("need (count, 2) intervals, one mean and one cover flag each")
        self.axes, self.count, self.shown = axes, len(ends), 0.0
        top = axes.c2p(true_mean, axes.y_range[1])
        self.truth = DashedLine(
            axes.c2p(true_mean, 0.0), top, stroke_color=theme.ACCENT, stroke_width=3
        )
        self.rungs = VGroup()
        for k, ((low, high), mean, hit) in enumerate(zip(ends, centres, hits, strict=True)):
            color = HIT_COLOR if hit else MISS_COLOR
            segment = Line(
                axes.c2p(low, k + 1), axes.c2p(high, k + 1), stroke_color=color
            ).set_stroke(width=stroke_width)
            dot = Dot(axes.c2p(mean, k + 1), radius=dot_radius, color=color)
            self.rungs.add(VGroup(segment, dot))
        self.add(self.rungs, self.truth)
        self._fade(0.0)

    # --- drawing --------------------------------------------------------------------------
    def _fade(self, shown: float) -> None:
        """Rung ``k`` at opacity ``clip(shown − k, 0, 1)``: ``shown`` rungs are up."""
        self.shown = float(shown)
        for k, (segment, dot) in enumerate(self.rungs):
            opacity = float(np.clip(shown - k, 0.0, 1.0))
            segment.set_stroke(opacity=opacity)
            dot.set_fill(opacity=opacity)

    def create_truth(self, run_time: float = 1.5) -> Animation:
        """Draw the dashed true-mean line from the axis up."""
        return Create(self.truth, run_time=run_time)

    def reveal(self, upto: int, run_time: float = 3.0) -> Animation:
        """Bring rungs in one after another until ``upto`` are up (evenly paced)."""
        if not 0 <= upto <= self.count:
            raise ValueError(f"the ladder has {self.count} rungs, not {upto}")
        return _Reveal(self, float(upto), rate_func=linear, run_time=run_time)

    def pulse_misses(self, run_time: float = 2.0) -> Animation:
        """Thicken every visible interval that misses and let it settle back (its ends and
        colour stay)."""
        misses: list[Any] = [
            rung[0] for rung in self.rungs if self._visible(rung) and not self._hit(rung)
        ]
        width = misses[0].get_stroke_width() if misses else 0.0
        pulses: list[Animation] = [
            m.animate(rate_func=there_and_back, run_time=run_time)
            .set_stroke(width=3 * width)
            .build()
            for m in misses
        ]
        return AnimationGroup(
            *pulses,
            run_time=run_time,
        )

    # --- read back ------------------------------------------------------------------------
    @staticmethod
    def _visible(rung: Mobject) -> bool:
        return bool(rung[0].get_stroke_opacity() > theme.VISIBLE_OPACITY)

    @staticmethod
    def _hit(rung: Mobject) -> bool:
        return same_colour(rung[0].get_color(), HIT_COLOR)

    @reads_screen("count")
    def drawn_shown(self) -> int:
        """Rungs visible now."""
        return len([r for r in self.rungs if self._visible(r)])

    @reads_screen("count")
    def covering_shown(self) -> int:
        """Visible rungs in the covering colour."""
        return len([r for r in self.rungs if self._visible(r) and self._hit(r)])

    @reads_screen("count")
    def missing_shown(self) -> int:
        """Visible rungs in the missing colour."""
        return len(
            [
                r
                for r in self.rungs
                if self._visible(r) and same_colour(r[0].get_color(), MISS_COLOR)
            ]
        )

    @reads_screen("geometry")
    def ends_shown(self) -> Floats:
        """Every visible interval's ends through the axes, bottom to top, ``(n, 2)``."""
        rows = [
            coords(self.axes, np.array(r[0].get_start_and_end()))[:, 0]
            for r in self.rungs
            if self._visible(r)
        ]
        return np.array(rows, dtype=np.float64).reshape(-1, 2)

    @reads_screen("geometry")
    def means_shown(self) -> Floats:
        """Every visible rung's dot through the axes (its value), bottom to top."""
        return np.array(
            [coords(self.axes, r[1])[0] for r in self.rungs if self._visible(r)], dtype=np.float64
        )

    @reads_screen("geometry")
    def truth_shown(self) -> float:
        """The value where the dashed line stands, read through the axes."""
        (x0, _), (x1, _) = coords(self.axes, np.array(self.truth.get_start_and_end()))
        return float((x0 + x1) / 2)

    @reads_screen("count")
    def colour_errors_shown(self) -> int:
        """Visible rungs whose colour disagrees with whether their drawn ends straddle the
        drawn true-mean line (0 when every colour tells the truth)."""
        truth = float(self.truth_shown())
        wrong = 0
        for rung in self.rungs:
            if not self._visible(rung):
                continue
            low, high = sorted(coords(self.axes, np.array(rung[0].get_start_and_end()))[:, 0])
            wrong += int((low <= truth <= high) != self._hit(rung))
        return wrong


class SampleDots(VGroup):
    """One sample as a dot plot: a dot per observation, stacked in a column over its value.

    Parameters
    ----------
    axes
        Value across, stack height (1, 2, …) up.
    sample
        The observations (whole values stack exactly; any value is allowed).
    color, radius
        The dots' style.
    """

    def __init__(
        self,
        axes: Axes,
        sample: ArrayLike,
        *,
        color: ManimColor = theme.AREA,
        radius: float = 0.07,
    ) -> None:
        super().__init__()
        self.axes = axes
        seen: dict[float, int] = {}
        for value in np.asarray(sample, dtype=np.float64):
            height = seen.get(float(value), 0) + 1
            seen[float(value)] = height
            self.add(Dot(axes.c2p(float(value), height), radius=radius, color=color))

    def create(self, run_time: float = 2.0) -> Animation:
        """Drop the observations in one after another."""
        return AnimationGroup(
            *(GrowFromCenter(d) for d in self), lag_ratio=0.3, run_time=run_time, group=self
        )

    @reads_screen("count")
    def dots_shown(self) -> int:
        """Dots drawn."""
        return len([d for d in self if d.width > 1e-3 and d.get_fill_opacity() > 0.05])

    @reads_screen("geometry")
    def values_shown(self) -> Floats:
        """Each dot's value, read through the axes."""
        return np.array([coords(self.axes, d)[0] for d in self], dtype=np.float64)

    @reads_screen("geometry")
    def mean_shown(self) -> float:
        """The mean of the dots' values as drawn."""
        return float(np.mean(np.asarray(self.values_shown())))


class _Reveal(Redraw):
    """Fade rungs in from however many are up when the animation begins to ``upto``."""

    def __init__(self, ladder: IntervalLadder, upto: float, **kwargs: Any) -> None:
        self.ladder, self.upto, self.start = ladder, upto, ladder.shown
        super().__init__(ladder.rungs, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = self.ladder.shown
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = float(self.rate_func(alpha))
        self.ladder._fade(self.start + t * (self.upto - self.start))
