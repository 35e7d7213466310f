"""Coin tosses drawn: a row of coins flipped in one by one, and the running share of heads
traced on a log-scaled toss axis.

:class:`CoinRow` shows a sequence of tosses (1 = heads) as coins marked ``H`` or ``T`` that
flip in one after another; :meth:`CoinRow.heads_shown` counts the drawn coins whose letter is
an ``H``. :class:`FrequencyPlot` traces the share of heads after each toss (a model from
:mod:`mathviz.maths.outcomes`) against the toss count on a logarithmic axis, a dot leading the
trace; it is drawn from one state (how many tosses are in), so :meth:`FrequencyPlot.advance_to`
redraws it at every frame and the dot is always on a true point of the sequence. Its dot is
read back through the axes (:meth:`FrequencyPlot.dot_shown`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    LEFT,
    UP,
    AnimationGroup,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    GrowFromCenter,
    ManimColor,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.mobject.graphing.scale import LogBase
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.primitives.motion import Scripted, StateTween
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["HEADS", "TAILS", "CoinRow", "FrequencyPlot", "log_toss_axes"]

#: how far above its place a coin starts its drop (scene units)
DROP = 0.35
#: a head's face and a tail's face
HEADS = theme.ACCENT
TAILS = theme.GRID_FAINT


def _slot(alpha: float, i: int, n: int, lag: float) -> float:
    span = 1.0 / (1.0 + (n - 1) * lag) if n > 1 else 1.0
    return min(max((alpha - i * lag * span) / span, 0.0), 1.0)


class CoinRow(VGroup):
    """Coins in a row, left to right, one per toss: heads filled and marked ``H``, tails dark
    and marked ``T``. Built centred on the origin, every coin hidden until :meth:`flip_in`.

    Parameters
    ----------
    tosses
        1 for heads, 0 for tails, in order.
    radius, spacing
        A coin's radius and the distance between neighbouring centres (scene units).
    """

    def __init__(self, tosses: ArrayLike, *, radius: float = 0.3, spacing: float = 0.75) -> None:
        super().__init__()
        self.tosses = [int(t) for t in np.asarray(tosses).ravel()]
        self.radius = float(radius)
        self.coins = VGroup()
        n = len(self.tosses)
        for i, t in enumerate(self.tosses):
            x = (i - (n - 1) / 2) * spacing
            face = Circle(radius=radius)
            face.set_fill(HEADS if t else TAILS, opacity=1.0)
            face.set_stroke(HEADS if t else theme.MUTED, width=2.5)
            letter = theme.text(
                "H" if t else "T", size=26, color=theme.BACKGROUND if t else theme.TEXT
            )
            coin = VGroup(face, letter).move_to(np.array([x, 0.0, 0.0]))
            self.coins.add(coin)
        # each part's points relative to its coin's centre; where the coin sits is read from
        # its face each time (less the drop it was last drawn with), so the row can be moved
        self._shapes = [
            [m.points - c[0].get_center() if len(m.points) else m.points for m in c.get_family()]
            for c in self.coins
        ]
        self._drops = [np.zeros(3) for _ in self.coins]
        self.flipped = [0.0] * n
        self.add(self.coins)
        self.redraw()

    def redraw(self) -> None:
        """Each coin from how far it has flipped in (0–1): it drops into its place turning
        from edge-on to face-on, and is hidden until its turn comes."""
        for i, (coin, shapes, f) in enumerate(
            zip(self.coins, self._shapes, self.flipped, strict=True)
        ):
            home = coin[0].get_center() - self._drops[i]
            squeeze = max(math.sin(0.5 * math.pi * f), 0.02)
            self._drops[i] = DROP * (1.0 - f) ** 2 * UP
            for mob, pts in zip(coin.get_family(), shapes, strict=True):
                if len(pts):
                    mob.points = home + self._drops[i] + pts * np.array([squeeze, 1.0, 1.0])
            coin.set_opacity(min(1.0, 3.0 * f))

    def flip_in(self, run_time: float = 4.0, lag: float = 0.7) -> Animation:
        """The coins flip in one after another, left to right."""
        n = len(self.coins)

        def update(t: float) -> None:
            for i in range(n):
                self.flipped[i] = _slot(t, i, n, lag)
            self.redraw()

        return Scripted(self, update, run_time=run_time)

    def _shown(self) -> list[Any]:
        """Coins drawn round (flipped in), left to right."""
        return [
            c
            for c in self.coins
            if c[0].get_fill_opacity() > theme.VISIBLE_OPACITY and c[0].width > 1.9 * self.radius
        ]

    def spotlight(self, index: Callable[[], int], color: ManimColor = theme.DOT) -> Circle:
        """A ring that follows the coin ``index()`` (0-based, clipped to the row) at every
        frame: which toss a plot is showing. Add it to the scene; remove it when done."""
        ring = Circle(radius=self.radius * 1.3, stroke_color=color, stroke_width=4)

        def follow(m: Any) -> None:
            k = min(max(int(index()), 0), len(self.coins) - 1)
            m.move_to(self.coins[k][0].get_center())

        ring.add_updater(follow)
        follow(ring)
        return ring

    @reads_screen("count")
    def heads_shown(self) -> int:
        """How many drawn coins show an ``H``."""
        return sum(1 for c in self._shown() if c[1].original_text == "H")

    @reads_screen("count")
    def coins_shown(self) -> int:
        """How many coins are drawn."""
        return len(self._shown())


def log_toss_axes(n_max: int, *, x_length: float, y_length: float, font_size: int = 26) -> Axes:
    """Axes for a share (0 to 1, ticks at 0, ½ and 1) against a toss count on a logarithmic
    axis from 1 to ``n_max`` (a power of ten), each decade numbered in full (``10,000``)."""
    decades = round(math.log10(n_max))
    if 10**decades != n_max:
        raise ValueError(f"n_max must be a power of ten, not {n_max}")
    axes = Axes(
        x_range=(0, decades, 1),
        y_range=(0, 1, 0.5),
        x_length=x_length,
        y_length=y_length,
        x_axis_config={"scaling": LogBase()},
        axis_config={"color": theme.MUTED, "include_numbers": False},
        tips=False,
    )
    axes.x_axis.add_labels(
        {
            10**k: theme.tex(f"{10**k:,}".replace(",", "{,}"), size=font_size, color=theme.MUTED)
            for k in range(decades + 1)
        },
    )
    axes.y_axis.add_labels(
        {
            v: theme.tex(t, size=font_size, color=theme.MUTED)
            for v, t in ((0, "0"), (0.5, "0.5"), (1, "1"))
        },
        direction=LEFT,
    )
    return axes


class FrequencyPlot(VGroup):
    """The share of heads after each toss, traced left to right on ``axes`` by a dot.

    Parameters
    ----------
    axes
        Axes from :func:`log_toss_axes`.
    counts
        The toss counts drawn (increasing), e.g. :func:`~mathviz.maths.outcomes.log_spaced_counts`.
    shares
        The share of heads after each toss, ``shares[k]`` after toss ``k + 1``.
    """

    def __init__(
        self,
        axes: Axes,
        counts: Sequence[int],
        shares: ArrayLike,
        *,
        color: ManimColor = theme.CURVE,
        dot_color: ManimColor = theme.DOT,
    ) -> None:
        super().__init__()
        self.axes = axes
        self.counts = np.asarray(counts, dtype=int)
        every = np.asarray(shares, dtype=float)
        self.shares = every[self.counts - 1]
        self._points = np.array(
            [axes.c2p(n, s) for n, s in zip(self.counts, self.shares, strict=True)]
        )
        self.half = DashedLine(
            axes.c2p(1, 0.5), axes.c2p(self.counts[-1], 0.5), color=theme.MUTED, stroke_width=2
        )
        self.trace = VMobject(stroke_color=color, stroke_width=3.5)
        self.dot = Dot(radius=0.09, color=dot_color)
        #: log10 of the tosses in so far (the state the plot is drawn from)
        self.log_n = 0.0
        self.add(self.half, self.trace, self.dot)
        self.redraw()

    @property
    def tosses_in(self) -> int:
        """How many tosses the trace has reached: the largest drawn count up to 10^log_n."""
        k = int(np.searchsorted(self.counts, 10.0**self.log_n + 1e-9, side="right"))
        return int(self.counts[max(k, 1) - 1])

    def redraw(self) -> None:
        """The trace through every drawn count up to the current one; the dot on its end."""
        k = max(int(np.searchsorted(self.counts, 10.0**self.log_n + 1e-9, side="right")), 1)
        points = self._points[:k]
        if k == 1:
            points = np.array([points[0], points[0] + np.array([1e-6, 0.0, 0.0])])
        self.trace.set_points_as_corners(points)
        self.dot.move_to(self._points[k - 1])

    def show_start(self) -> Animation:
        """The line at one half is drawn, and the dot appears on the first toss."""
        self.log_n = 0.0
        self.redraw()
        return AnimationGroup(Create(self.half), GrowFromCenter(self.dot))

    def advance_to(self, n: int, run_time: float = 3.0) -> Animation:
        """Trace on to ``n`` tosses, at an even pace on the log axis."""
        return StateTween(
            self,
            self,
            {"log_n": math.log10(n)},
            self.redraw,
            run_time=run_time,
            rate_func=lambda t: t,
        )

    def band(self, width: float = 0.5) -> VGroup:
        """The curves ``½ ± width/√n`` over the drawn counts: how far a fair coin's share
        typically strays after ``n`` tosses (one standard deviation when ``width`` is ½)."""
        band = VGroup()
        for sign in (1, -1):
            curve = VMobject(stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.8)
            curve.set_points_as_corners(
                [self.axes.c2p(n, 0.5 + sign * width / math.sqrt(n)) for n in self.counts]
            )
            band.add(curve)
        return band

    @reads_screen("geometry")
    def dot_shown(self) -> np.ndarray:
        """``(tosses, share)`` at the dot, read back through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def trace_end_shown(self) -> np.ndarray:
        """``(tosses, share)`` at the trace's drawn end, read back through the axes."""
        return coords(self.axes, self.trace.points[-1])

    @reads_screen("geometry")
    def point_shown(self, points: VMobject, n: float) -> float:
        """The height of a drawn polyline (a band curve) at ``n`` tosses, through the axes."""
        xy = coords(self.axes, points.points)
        order = np.argsort(xy[:, 0])
        return float(np.interp(n, xy[order, 0], xy[order, 1]))
