"""A slider: a number shown as a knob on a track, with a live readout read from the knob.

:class:`Slider` draws ``label = 0.5`` followed by a horizontal track over a
:class:`~mathviz.maths.slider.SliderRange`, numbered ticks under it, a coloured fill from zero
(or the nearer end) to the knob, and the knob. The value it holds lives in a
:class:`~manim.ValueTracker` (``tracker``): :meth:`Slider.animate_to` moves it, and the knob
follows at every frame. The readout never shows the tracker: it shows the value *read back
from the knob's position along the track* (:meth:`Slider.value_shown`), so the number and the
knob cannot disagree. Anything driven by the slider (a line, a curve) reads
:attr:`Slider.value` in its own updater; a checkpoint can then compare what it draws with
:meth:`Slider.value_shown`.

Layer-order note: the knob, the fill and the readout follow the tracker through updaters
that run in that order (they are the group's parts in that order); animate the tracker with
:meth:`animate_to`, never a group holding the slider, or Manim suspends the updaters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    Dot,
    FadeIn,
    GrowFromCenter,
    Line,
    ManimColor,
    ValueTracker,
    VGroup,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.slider import SliderRange
from mathviz.primitives.plots import set_segment
from mathviz.primitives.readout import Readout
from mathviz.readings import reads_screen

__all__ = ["TRACK_WIDTH", "FILL_WIDTH", "Slider"]

#: stroke widths of the track and of its coloured fill
TRACK_WIDTH, FILL_WIDTH = 4.0, 6.0


class Slider(VGroup):
    """``label = value`` beside a track with a knob; the value is where the knob sits.

    Parts: ``readout`` (a :class:`Readout` following the knob), ``track``, ``ticks``,
    ``tick_labels``, ``fill`` and ``knob``. The slider is built with its readout's left edge
    at the origin; move it as a whole (``next_to``, ``move_to``…) before it is animated.

    Parameters
    ----------
    value_range
        The range of values along the track.
    value
        The starting value (inside the range).
    label_tex
        The readout's label in TeX (``"m"``); `` = `` is appended.
    length
        The track's length (scene units).
    color
        The readout's, the fill's and the knob's colour.
    decimals
        Decimals shown by the readout.
    size
        Font size of the readout.
    tick_step
        A tick at every multiple of this step inside the range; ``None`` for no ticks.
    tick_labels
        Number the ticks (integers as ``-1``, others with as many decimals as the step).
    tick_size
        Font size of the tick numbers.
    gap
        Space between the readout's room and the track.
    readout_width
        Room kept for the readout (sliders stacked with the same room line up their tracks);
        by default the widest readout the range can produce.
    """

    def __init__(
        self,
        value_range: SliderRange,
        value: float,
        label_tex: str,
        *,
        length: float = 3.0,
        color: ManimColor = theme.ACCENT,
        decimals: int = 1,
        size: int = 34,
        tick_step: float | None = 1.0,
        tick_labels: bool = True,
        tick_size: int = 22,
        gap: float = 0.35,
        knob_radius: float = 0.13,
        readout_width: float | None = None,
    ) -> None:
        super().__init__()
        scale = value_range
        if not scale.contains(value):
            raise ValueError(f"start value {value} is outside [{scale.low}, {scale.high}]")
        self.value_range, self.color, self.decimals = scale, color, decimals
        self.tracker = ValueTracker(float(value))
        self.readout = Readout(label_tex, float(value), decimals=decimals, color=color, size=size)
        # the track starts right of the widest readout the range allows (no jumps as it grows)
        widest = max(
            Readout(label_tex, v, decimals=decimals, size=size).width
            for v in (scale.low, scale.high, -abs(scale.high), -abs(scale.low))
        )
        if readout_width is not None and readout_width < widest:
            raise ValueError(f"readout_width {readout_width:.2f} < the widest readout {widest:.2f}")
        room = widest if readout_width is None else readout_width
        self.readout.move_to(np.zeros(3), aligned_edge=LEFT)
        start = np.array([room + gap, 0.0, 0.0])
        self.track = Line(
            start, start + length * RIGHT, stroke_color=theme.MUTED, stroke_width=TRACK_WIDTH
        )
        self.track.set_y(self.readout.number.get_y())
        self.ticks = VGroup()
        self.tick_labels = VGroup()
        if tick_step is not None:
            places = (
                0 if float(tick_step).is_integer() else len(repr(float(tick_step)).split(".")[1])
            )
            for t in scale.ticks(tick_step):
                p = self.point_of(t)
                self.ticks.add(
                    Line(p + 0.09 * DOWN, p + 0.09 * UP, stroke_color=theme.MUTED, stroke_width=2)
                )
                if tick_labels:
                    label = theme.tex(f"{t:.{places}f}", size=tick_size, color=theme.MUTED)
                    self.tick_labels.add(label.next_to(p, DOWN, buff=0.2))
        self.fill = Line(stroke_color=color, stroke_width=FILL_WIDTH)
        self.knob = Dot(radius=knob_radius, color=color)
        self.knob.set_stroke(theme.BACKGROUND, width=2.5)
        self.add(self.track, self.ticks, self.tick_labels, self.fill, self.knob, self.readout)
        self.knob.add_updater(lambda m: m.move_to(self.point_of(self.value)))
        self.fill.add_updater(lambda m: self._redraw_fill())
        self.knob.update(0)
        self.fill.update(0)
        self.readout.follow(self.value_shown)

    # --- the model ------------------------------------------------------------------------
    @property
    def value(self) -> float:
        """The value the slider holds (the tracker's: what drives the drawing)."""
        return float(self.tracker.get_value())

    def point_of(self, value: float) -> NDArray[np.float64]:
        """The scene point of ``value`` on the track, as the track lies now."""
        start, end = self.track.get_start(), self.track.get_end()
        return np.asarray(
            start + self.value_range.fraction(value) * (end - start), dtype=np.float64
        )

    def _redraw_fill(self) -> None:
        # from the tracker, not the knob: the fill is drawn (and updated) before the knob
        set_segment(self.fill, self.point_of(self.value_range.anchor), self.point_of(self.value))

    # --- animations -----------------------------------------------------------------------
    def create(self, run_time: float = 1.2) -> Animation:
        """Draw the track and its ticks, then grow the knob and bring the readout in."""
        parts: list[Animation] = [Create(self.track)]
        if len(self.ticks):
            parts.append(FadeIn(self.ticks))
        if len(self.tick_labels):
            parts.append(FadeIn(self.tick_labels))
        return AnimationGroup(
            AnimationGroup(*parts),
            AnimationGroup(Create(self.fill), GrowFromCenter(self.knob), FadeIn(self.readout)),
            lag_ratio=0.5,
            run_time=run_time,
            group=self,
        )

    def animate_to(
        self, value: float, run_time: float = 2.0, rate_func: Callable[[float], float] = smooth
    ) -> Animation:
        """Slide the knob to ``value`` (inside the range); the readout and anything that
        reads :attr:`value` follow at every frame."""
        if not self.value_range.contains(value):
            raise ValueError(
                f"{value} is outside [{self.value_range.low}, {self.value_range.high}]"
            )
        tracker: Any = self.tracker  # ``animate`` is a property Manim types as the tracker
        animation: Animation = (
            tracker.animate(run_time=run_time, rate_func=rate_func).set_value(float(value)).build()
        )
        return animation

    def set_value(self, value: float) -> Slider:
        """Move the knob to ``value`` at once (no animation)."""
        self.value_range.fraction(value)  # refuses a value off the track
        self.tracker.set_value(float(value))
        self.update(0)
        return self

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def value_shown(self) -> float:
        """The value at the knob's centre, projected onto the drawn track."""
        return self._value_at(self.knob.get_center())

    @reads_screen("count")
    def ticks_shown(self) -> int:
        """How many ticks are drawn on the track."""
        return sum(1 for t in self.ticks if t.get_stroke_opacity() > theme.VISIBLE_OPACITY)

    @reads_screen("geometry")
    def tick_values_shown(self) -> list[float]:
        """The value each drawn tick stands at along the track, left to right."""
        return [self._value_at(t.get_center()) for t in self.ticks]

    def _value_at(self, point: NDArray[np.float64]) -> float:
        """The value at the foot of ``point`` on the drawn track."""
        start, end = self.track.get_start(), self.track.get_end()
        along = end - start
        return self.value_range.value_at(float(np.dot(point - start, along) / np.dot(along, along)))
