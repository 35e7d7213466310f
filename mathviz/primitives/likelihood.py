"""A row of tossed coins, and a probe riding a likelihood curve that it traces as it moves.

:class:`CoinRow` draws a sequence of tosses as coins marked H and T (heads in one colour,
tails in another) and counts them back by colour. :class:`LikelihoodTracer` puts a probe dot
at ``(p, L(p))`` on axes and slides it along ``p``: the curve is drawn only where the probe
has been (sampled evenly in ``p``, however many frames the slide took), a tangent segment of
fixed screen length rides with the dot, and a faint guide drops from the dot to the ``p``
axis. Every value is read back from the drawing through the axes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import (
    RIGHT,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    GrowFromCenter,
    Line,
    ManimColor,
    Mobject,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import same_colour
from mathviz.maths.estimation import CoinLikelihood
from mathviz.primitives.calculus import line_slope_shown
from mathviz.primitives.motion import Redraw
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["HEADS_COLOR", "TAILS_COLOR", "CoinRow", "LikelihoodTracer"]

#: the faces of the coins
HEADS_COLOR, TAILS_COLOR = theme.EVIDENCE, theme.MUTED

Floats = NDArray[np.float64]


class CoinRow(VGroup):
    """Tosses as a row of coins: a ring and a letter each, heads and tails in their colours.

    Parameters
    ----------
    tosses
        ``"H"`` or ``"T"`` per toss, in order.
    radius, buff
        The coins' radius and the gap between them (scene units).
    """

    def __init__(self, tosses: Sequence[str], *, radius: float = 0.3, buff: float = 0.16) -> None:
        super().__init__()
        if not tosses or any(t not in ("H", "T") for t in tosses):
            raise ValueError("tosses are 'H' or 'T'")
        self.tosses = tuple(tosses)
        for toss in self.tosses:
            color = HEADS_COLOR if toss == "H" else TAILS_COLOR
            ring = Circle(radius=radius, stroke_color=color, stroke_width=4)
            ring.set_fill(color, opacity=0.12)
            letter = theme.text(toss, size=theme.BODY_SIZE, color=color).move_to(ring)
            self.add(VGroup(ring, letter))
        self.arrange(RIGHT, buff=buff)

    def create(self, run_time: float = 2.0) -> Animation:
        """Toss the coins in one after another."""
        return AnimationGroup(
            *(GrowFromCenter(coin) for coin in self), lag_ratio=0.5, run_time=run_time
        )

    def _visible(self, coin: Mobject) -> bool:
        ring = coin[0]
        return bool(ring.width > 1e-3 and ring.get_stroke_opacity() > theme.VISIBLE_OPACITY)

    @reads_screen("count")
    def heads_shown(self) -> int:
        """Coins drawn in the heads colour."""
        return len(
            [c for c in self if self._visible(c) and same_colour(c[0].get_color(), HEADS_COLOR)]
        )

    @reads_screen("count")
    def tails_shown(self) -> int:
        """Coins drawn in the tails colour."""
        return len(
            [c for c in self if self._visible(c) and same_colour(c[0].get_color(), TAILS_COLOR)]
        )


class LikelihoodTracer(VGroup):
    """A probe on ``axes`` at ``(p, L(p))`` that traces the likelihood curve as it slides.

    Parts: ``trail`` (the curve over the range of ``p`` the probe has visited), ``guide`` (a
    faint dashed drop from the dot to the ``p`` axis), ``tangent`` (a segment of fixed screen
    length with the slope ``L′(p)`` through the axes) and ``dot``.

    Parameters
    ----------
    axes
        The axes: ``p`` across, ``L`` up.
    model
        The likelihood.
    p0
        Where the probe starts.
    step
        The trail's sampling step in ``p``.
    tangent_length
        The tangent's length on screen.
    """

    def __init__(
        self,
        axes: Axes,
        model: CoinLikelihood,
        p0: float,
        *,
        step: float = 1.0 / 400,
        tangent_length: float = 1.8,
        color: ManimColor = theme.CURVE,
    ) -> None:
        super().__init__()
        self.axes, self.model, self.step = axes, model, float(step)
        self.tangent_length = float(tangent_length)
        self.p = self.low = self.high = float(p0)
        self.trail = VMobject(stroke_color=color, stroke_width=5)
        self.guide = DashedLine(
            stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.6, dash_length=0.08
        )
        self.tangent = Line(stroke_color=theme.GRADIENT, stroke_width=5)
        self.dot = Dot(radius=0.1, color=theme.DOT)
        self.add(self.trail, self.guide, self.tangent, self.dot)
        self.place(self.p)

    # --- drawing --------------------------------------------------------------------------
    def _trail_points(self) -> Floats:
        n = max(2, math.ceil((self.high - self.low) / self.step) + 1)
        ps = np.linspace(self.low, self.high, n)
        if self.high - self.low < 1e-9:
            ps = np.array([self.low, self.low + 1e-6])
        pts = self.axes.c2p(ps, self.model.curve(ps))
        return np.asarray(pts, dtype=np.float64).T

    def place(self, p: float) -> LikelihoodTracer:
        """Put the probe at ``p`` now, extending the trail to it."""
        self.p = float(p)
        self.low, self.high = min(self.low, self.p), max(self.high, self.p)
        height = self.model(self.p)
        centre = self.axes.c2p(self.p, height)
        ahead = self.axes.c2p(self.p + 1.0, height + self.model.derivative(self.p)) - centre
        half = ahead / np.linalg.norm(ahead) * self.tangent_length / 2
        self.tangent.put_start_and_end_on(centre - half, centre + half)
        self.dot.move_to(centre)
        foot = self.axes.c2p(self.p, 0.0)
        self.guide.put_start_and_end_on(foot, centre + np.array([0.0, 1e-6, 0.0]))
        self.trail.set_points_as_corners(self._trail_points())
        return self

    def create(self, run_time: float = 1.0) -> Animation:
        """Bring the probe in: the dot, its guide and its tangent."""
        return AnimationGroup(
            GrowFromCenter(self.dot), Create(self.guide), Create(self.tangent), run_time=run_time
        )

    def slide_to(self, p: float, run_time: float = 3.0) -> Animation:
        """Slide the probe along the curve to ``p``, tracing the curve where it goes."""
        return self.tour([p], run_time=run_time)

    def tour(self, stops: Sequence[float], run_time: float = 3.0) -> Animation:
        """Slide through ``stops`` in turn, from wherever the probe is when the slide
        begins (one smooth run, equal time per leg)."""
        for s in stops:
            self.model(s)  # refuses a p outside [0, 1]
        return _Tour(self, [float(s) for s in stops], rate_func=smooth, run_time=run_time)

    def peak_marker(self, color: ManimColor = theme.ACCENT) -> DashedLine:
        """A dashed drop from the probe to the ``p`` axis, brighter than the guide."""
        return DashedLine(
            self.axes.c2p(self.p, 0.0),
            self.dot.get_center(),
            stroke_color=color,
            stroke_width=3,
            dash_length=0.1,
        )

    def flash_tangent(self) -> Animation:
        """Draw the tangent again, from one end (to point at it)."""
        return Create(self.tangent)

    # --- read back ------------------------------------------------------------------------
    @reads_screen("geometry")
    def dot_shown(self) -> Floats:
        """The probe's ``(p, L)`` read back through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def slope_shown(self) -> float:
        """The drawn tangent's slope, its ends read through the axes."""
        return float(line_slope_shown(self.axes, self.tangent))

    @reads_screen("geometry")
    def tangent_direction_shown(self) -> Floats:
        """The drawn tangent's unit direction on screen (left to right)."""
        start, end = self.tangent.get_start_and_end()
        step = np.asarray(end - start, dtype=np.float64)[:2]
        return np.asarray(step / np.linalg.norm(step), dtype=np.float64)

    @reads_screen("geometry")
    def trail_shown(self) -> Floats:
        """The traced curve's corner points through the axes, ``(n, 2)``."""
        return coords(self.axes, self.trail.get_anchors())

    @reads_screen("geometry")
    def trail_peak_shown(self) -> float:
        """The ``p`` where the traced curve is highest."""
        pts = np.asarray(self.trail_shown())
        return float(pts[int(np.argmax(pts[:, 1])), 0])

    @reads_screen("geometry")
    def trail_height_at(self, p: float) -> float:
        """The traced curve's height at ``p`` (linear between its corners)."""
        pts = np.asarray(self.trail_shown())
        order = np.argsort(pts[:, 0])
        if not pts[order[0], 0] - 1e-9 <= p <= pts[order[-1], 0] + 1e-9:
            raise ValueError(f"the trail does not reach p = {p}")
        return float(np.interp(p, pts[order, 0], pts[order, 1]))

    @reads_screen("geometry")
    def trail_slope_at(self, p: float, half_width: float = 0.01) -> float:
        """The traced curve's slope at ``p``: a central difference of its drawn heights."""
        pts = np.asarray(self.trail_shown())
        order = np.argsort(pts[:, 0])
        xs, ys = pts[order, 0], pts[order, 1]
        left, right = max(p - half_width, xs[0]), min(p + half_width, xs[-1])
        return float((np.interp(right, xs, ys) - np.interp(left, xs, ys)) / (right - left))


class _Tour(Redraw):
    """Carry a :class:`LikelihoodTracer` through its stops; the start is taken when the
    animation begins (so tours built up front chain correctly)."""

    def __init__(self, tracer: LikelihoodTracer, stops: list[float], **kwargs: Any) -> None:
        self.tracer, self.stops = tracer, stops
        self.path = [tracer.p, *stops]
        super().__init__(tracer, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.path = [self.tracer.p, *self.stops]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = float(self.rate_func(alpha))
        marks = np.linspace(0.0, 1.0, len(self.path))
        self.tracer.place(float(np.interp(t, marks, self.path)))
