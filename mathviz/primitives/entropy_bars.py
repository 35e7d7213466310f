"""Probability bars whose entropy is read from their heights, a bits meter, and the binary
entropy curve traced by a probe.

* :class:`ProbabilityBars` — one bar per outcome on a numbered probability axis, redrawn from
  its state (``probs``) at every frame of :meth:`~ProbabilityBars.morph_to`. Optional live
  labels above the bars show each probability, or each outcome's surprise ``−log₂ p``.
  :meth:`~ProbabilityBars.entropy_shown` is the entropy of the bar heights *as drawn*, read
  back through the axes: a readout that follows it is true in motion.
* :class:`BitsMeter` — a column of bits on its own axis: the first column follows a source
  (the entropy of the bars) at every frame; the second is stacked from segments (a code's
  ``pᵢ · ℓᵢ``, one outcome at a time).
* :class:`BinaryEntropyPlot` — ``H(p)`` against ``p``: a dot at ``(p, H(p))`` leaves the curve
  behind it as ``p`` slides (sampled on a fixed grid, so the curve passes exactly through
  ``p = 0.5``); the coin's two bars can be driven by it; the peak is marked where the drawn
  curve is highest, with dashed lines to both axes.

Every value is read back from the drawing through its axes (``*_shown``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowFromCenter,
    GrowFromEdge,
    ManimColor,
    Mobject,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.entropy_curve import blend, grid_between
from mathviz.maths.information import binary_entropy, entropy
from mathviz.primitives.bars import BAR_FILL, BAR_OPACITY, value_axes
from mathviz.primitives.calculus import back_tick_labels, function_axes
from mathviz.primitives.motion import Redraw
from mathviz.primitives.readout import coords, live_number_class
from mathviz.readings import PrintedArray, derived, printed, reads_screen

__all__ = [
    "ProbabilityBars",
    "MorphBars",
    "BitsMeter",
    "BinaryEntropyPlot",
    "SlideProbe",
    "glyphs_shown",
]

Floats = NDArray[np.float64]
#: heights closer to zero than this (float dust of the read-back) read as zero
_DUST = 1e-12


def _box(axes: Axes, x0: float, x1: float, y0: float, y1: float) -> list[np.ndarray]:
    """Corners of an axis-aligned box, closed, through ``axes``."""
    corners = [axes.c2p(x0, y0), axes.c2p(x1, y0), axes.c2p(x1, y1), axes.c2p(x0, y1)]
    return [*corners, corners[0]]


class ProbabilityBars(VGroup):
    """One bar per outcome, as tall as its probability, with live labels above.

    Parts: ``axes`` (probability 0 to 1, numbered at the left), ``bars``, ``names`` (under the
    bars) and ``labels`` (above the bars: the probability, or the surprise in bits, or none).

    Parameters
    ----------
    probs
        The starting distribution.
    names
        One name per outcome, written under its bar (plain text).
    width, height
        The axes' size (scene units).
    label
        ``"probability"``, ``"surprise"`` or ``None``: what the number above a bar shows.
    decimals
        Decimals of those numbers.
    color
        The bars' fill.
    """

    def __init__(
        self,
        probs: ArrayLike,
        names: Sequence[str],
        *,
        width: float = 5.0,
        height: float = 4.5,
        label: str | None = "probability",
        decimals: int = 2,
        color: ManimColor = theme.AREA,
        label_color: ManimColor = theme.TEXT,
        font_size: int = 30,
    ) -> None:
        super().__init__()
        self.probs = np.asarray(probs, dtype=np.float64)
        n = self.probs.size
        if len(names) != n:
            raise ValueError("one name per outcome is required")
        if label not in ("probability", "surprise", None):
            raise ValueError(f"unknown label kind {label!r}")
        self.label_kind, self.decimals = label, int(decimals)
        self.axes = value_axes((0, n, 1), (0, 1, 0.5), width, height, font_size - 6)
        self.bars = VGroup(
            *(
                VMobject(stroke_width=0, fill_color=color, fill_opacity=BAR_OPACITY)
                for _ in range(n)
            )
        )
        self.bars.name = "probability bars"
        self.names = VGroup()
        for i, name in enumerate(names):
            text = theme.text(name, size=font_size - 4, color=theme.MUTED)
            text.next_to(self.axes.c2p(i + 0.5, 0), DOWN, buff=0.2)
            self.names.add(text)
        self.labels = VGroup()
        if label is not None:
            number = live_number_class()
            for _ in range(n):
                self.labels.add(
                    number(
                        0.0,
                        num_decimal_places=self.decimals,
                        font_size=font_size,
                        color=label_color,
                        group_with_commas=False,
                    )
                )
        self.add(self.axes, self.bars, self.names, self.labels)
        #: the share of each bar's height drawn (0 → 1 while the bars grow in)
        self.grown = 1.0
        #: whether the labels follow the bars (False once :meth:`hide_labels` has run)
        self.labels_live = True
        self.set_probs(self.probs)

    # --- drawing ----------------------------------------------------------------------------
    def set_probs(self, probs: ArrayLike, *, labels: bool = True) -> ProbabilityBars:
        """Redraw every bar for ``probs`` now, and with ``labels`` the numbers above them."""
        self.probs = np.asarray(probs, dtype=np.float64)
        half = BAR_FILL / 2
        for i, (bar, p) in enumerate(zip(self.bars, self.probs.tolist(), strict=True)):
            top = p * self.grown
            bar.set_points_as_corners(_box(self.axes, i + 0.5 - half, i + 0.5 + half, 0.0, top))
        for i, number in enumerate(self.labels if labels and self.labels_live else ()):
            p = float(self.probs[i])
            value = p if self.label_kind == "probability" else -np.log2(p)
            number.set_value(float(value))
            number.next_to(self.axes.c2p(i + 0.5, p), UP, buff=0.12)
        return self

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the axes and names, grow the bars from zero, then show the labels."""
        self.grown = 0.0
        self.set_probs(self.probs)
        return AnimationGroup(
            AnimationGroup(Create(self.axes), FadeIn(self.names)),
            _Grow(self),
            FadeIn(self.labels),
            lag_ratio=0.6,
            run_time=run_time,
            group=self,
        )

    def morph_to(self, probs: ArrayLike, run_time: float = 1.5) -> Animation:
        """Every bar moves to ``probs`` along a straight line in the simplex: every frame shows
        a true distribution, and the labels follow their bars."""
        return MorphBars(self, probs, run_time=run_time)

    def hide_labels(self, run_time: float = 0.6) -> Animation:
        """Fade the numbers above the bars out; they stop following the bars."""
        self.labels_live = False
        fade = self.labels.animate.set_opacity(0).build()
        fade.run_time = run_time
        return fade

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def heights_shown(self) -> Floats:
        """Every bar's height read through the axes (top minus bottom)."""
        out = []
        for bar in self.bars:
            (_, bottom), (_, top) = coords(self.axes, np.array([bar.get_bottom(), bar.get_top()]))
            h = float(top - bottom)
            out.append(0.0 if abs(h) < _DUST else h)
        return np.array(out, dtype=np.float64)

    def entropy_shown(self) -> Any:
        """The entropy in bits of the drawn bar heights (``−Σ h log₂ h``), derived from them."""
        heights = self.heights_shown()
        return derived("entropy in bits of the drawn bar heights", entropy(heights), heights)

    def surprises_shown(self) -> Any:
        """Each outcome's surprise ``−log₂ h`` in bits, from the drawn bar heights."""
        heights = self.heights_shown()
        values = [float(-np.log2(h)) if h > 0 else float("inf") for h in heights.tolist()]
        return derived("minus log2 of each drawn bar height", np.array(values), heights)

    def labels_shown(self) -> PrintedArray:
        """The numbers written above the bars, as typeset."""
        return PrintedArray(printed(number) for number in self.labels)

    @reads_screen("count")
    def bars_standing(self) -> int:
        """How many bars have a visible height (taller than a hundredth of the axis)."""
        return int(sum(1 for h in self.heights_shown().tolist() if h > 0.01))


class _Grow(Redraw):
    """Bars rising from the x-axis to their heights (used by :meth:`ProbabilityBars.create`)."""

    def __init__(self, bars: ProbabilityBars, **kwargs: Any) -> None:
        self.bars = bars
        super().__init__(bars.bars, **kwargs)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        self.bars.grown = min(max(float(self.rate_func(alpha)), 0.0), 1.0)
        self.bars.set_probs(self.bars.probs, labels=False)


class MorphBars(Redraw):
    """Move :class:`ProbabilityBars` to ``target``, from what they show when it *begins*."""

    def __init__(self, bars: ProbabilityBars, target: ArrayLike, **kwargs: Any) -> None:
        self.bars, self.target = bars, np.asarray(target, dtype=np.float64)
        self.start = bars.probs.copy()
        kwargs.setdefault("rate_func", smooth)
        super().__init__(bars, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = self.bars.probs.copy()
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = min(max(float(self.rate_func(alpha)), 0.0), 1.0)
        self.bars.set_probs(blend(self.start, self.target, t))


class BitsMeter(VGroup):
    """Columns of bits on one axis: column 0 follows a source, column 1 is stacked.

    Parts: ``axes`` (bits from 0 to ``top``, numbered at the left), ``level`` (column 0's bar,
    redrawn at every frame from ``source()``), ``segments`` (column 1's stacked pieces, each
    with its ``notes`` label beside it) and ``names`` (under the columns).

    Parameters
    ----------
    source
        Called at every frame: the height of column 0, in bits.
    names
        The two columns' names (plain text).
    top
        The axis' top, in bits (numbered at every whole bit).
    """

    def __init__(
        self,
        source: Callable[[], float],
        names: Sequence[str],
        *,
        top: float = 2.0,
        width: float = 3.2,
        height: float = 4.5,
        color: ManimColor = theme.ACCENT,
        font_size: int = 26,
    ) -> None:
        super().__init__()
        self.source = source
        self.axes = value_axes((0, 2, 1), (0, top, 1), width, height, font_size - 2)
        self.level = VMobject(stroke_width=0, fill_color=color, fill_opacity=BAR_OPACITY)
        self.level.name = "entropy column"
        self.names = VGroup()
        for i, name in enumerate(names):
            text = theme.text(name, size=font_size - 4, color=theme.MUTED)
            text.next_to(self.axes.c2p(i + 0.5, 0), DOWN, buff=0.2)
            self.names.add(text)
        self.segments = VGroup()
        self.notes = VGroup()
        #: dashed marks left where column 0 stood (:meth:`mark_level`)
        self.ghosts = VGroup()
        self.add(self.axes, self.ghosts, self.level, self.names, self.segments, self.notes)
        self._redraw()
        self.level.add_updater(lambda _: self._redraw())

    def _redraw(self) -> None:
        half = BAR_FILL / 2
        bits = max(float(self.source()), 0.0)
        self.level.set_points_as_corners(_box(self.axes, 0.5 - half, 0.5 + half, 0.0, bits))

    def create(self, run_time: float = 1.2) -> Animation:
        """Draw the axis and the column names, then the column (already at its height)."""
        return AnimationGroup(
            Create(self.axes), FadeIn(self.names), FadeIn(self.level), run_time=run_time
        )

    def mark_level(self) -> Animation:
        """Leave a dashed mark across column 0 at its height now (a ghost to compare with)."""
        bits = self.level_shown()
        half = BAR_FILL / 2 + 0.08
        mark = DashedLine(
            self.axes.c2p(0.5 - half, bits),
            self.axes.c2p(0.5 + half, bits),
            color=theme.TEXT,
            stroke_width=3,
            dash_length=0.08,
        )
        mark.set_z_index(1)
        self.ghosts.add(mark)
        return Create(mark)

    @reads_screen("geometry")
    def ghosts_shown(self) -> Floats:
        """The heights (bits) of the dashed marks left on column 0, oldest first."""
        return np.array(
            [coords(self.axes, g.get_center())[1] for g in self.ghosts], dtype=np.float64
        )

    def stack(
        self, height: float, color: ManimColor, note: VMobject | None = None, run_time: float = 1.0
    ) -> Animation:
        """Grow one more segment of ``height`` bits on top of column 1 (with a note beside it)."""
        half = BAR_FILL / 2
        base = self.stacked_height()
        segment = VMobject(
            stroke_color=theme.BACKGROUND, stroke_width=3, fill_color=color, fill_opacity=0.9
        )
        segment.set_points_as_corners(_box(self.axes, 1.5 - half, 1.5 + half, base, base + height))
        self.segments.add(segment)
        parts: list[Animation] = [GrowFromEdge(segment, DOWN)]
        if note is not None:
            note.next_to(segment, RIGHT, buff=0.2)
            self.notes.add(note)
            parts.append(FadeIn(note, shift=0.2 * LEFT))
        return AnimationGroup(*parts, run_time=run_time)

    def stacked_height(self) -> float:
        """Column 1's height in bits as built so far (for placing the next segment)."""
        if not len(self.segments):
            return 0.0
        return float(self.axes.p2c(self.segments[-1].get_top())[1])

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def level_shown(self) -> float:
        """Column 0's height in bits, read through the axis."""
        (_, bottom), (_, top) = coords(
            self.axes, np.array([self.level.get_bottom(), self.level.get_top()])
        )
        return float(top - bottom)

    @reads_screen("geometry")
    def stack_shown(self) -> Floats:
        """Column 1's segments' heights in bits, bottom to top, read through the axis."""
        out = []
        for seg in self.segments:
            (_, bottom), (_, top) = coords(self.axes, np.array([seg.get_bottom(), seg.get_top()]))
            out.append(float(top - bottom))
        return np.array(out, dtype=np.float64)

    @reads_screen("geometry")
    def stack_top_shown(self) -> float:
        """Where column 1's top segment ends, in bits (0 with no segment)."""
        if not len(self.segments):
            return 0.0
        return float(coords(self.axes, self.segments[-1].get_top())[1])


class BinaryEntropyPlot(VGroup):
    """``H(p)`` of a coin against ``p``, traced by a probe dot as ``p`` slides.

    Parts: ``axes`` (``p`` from 0 to 1, ``H`` in bits from 0 to ``top``), ``axis_labels``,
    ``trail`` (the curve drawn so far: every grid point the probe passed), ``dot`` (the probe
    at ``(p, H(p))``), and after :meth:`mark_peak` ``peak`` (a dot) with ``drops`` (dashed
    lines to both axes), after :meth:`close_ends` ``ends`` (the curve from 0 to the first
    ``p`` and from the last ``p`` to 1, with a dot at each end).

    Parameters
    ----------
    p
        Where the probe starts.
    coin
        Optional two bars (heads, tails) redrawn as ``[p, 1 − p]`` whenever the probe moves.
    """

    #: trail samples per unit of ``p``: the curve passes exactly through every k / 400
    PER_UNIT = 400

    def __init__(
        self,
        p: float,
        *,
        coin: ProbabilityBars | None = None,
        width: float = 6.4,
        height: float = 4.6,
        top: float = 1.2,
        color: ManimColor = theme.CURVE,
        dot_color: ManimColor = theme.DOT,
    ) -> None:
        super().__init__()
        self.axes = back_tick_labels(
            function_axes((0, 1, 0.5), (0, top, 0.5), x_length=width, y_length=height)
        )
        self.axis_labels = VGroup(
            theme.tex("p", size=36, color=theme.MUTED).next_to(self.axes.c2p(1, 0), DOWN, 0.45),
            theme.text("H(p), bits", size=theme.LABEL_SIZE, color=theme.MUTED).next_to(
                self.axes.c2p(0, top), RIGHT, buff=0.25
            ),
        )
        self.axis_labels[0].shift(0.45 * RIGHT)
        self.trail = VMobject(stroke_color=color, stroke_width=5)
        self.trail.name = "entropy curve"
        self.dot = Dot(radius=0.1, color=dot_color)
        self.dot.set_z_index(3)
        self.peak = Dot(radius=0.11, color=theme.GOOD).set_z_index(3)
        self.drops = VGroup()
        self.ends = VGroup()
        self.coin = coin
        self.p = float(p)
        self._visited: list[float] = [self.p]
        self.curve_color = color
        self.add(self.axes, self.axis_labels, self.ends, self.drops, self.trail, self.dot)
        self.set_p(self.p)

    # --- drawing ----------------------------------------------------------------------------
    def point(self, p: float) -> np.ndarray:
        """The scene point of ``(p, H(p))``."""
        return np.asarray(self.axes.c2p(p, binary_entropy(p)), dtype=np.float64)

    def set_p(self, p: float, record: bool = True) -> BinaryEntropyPlot:
        """Move the probe to ``p`` now (extending the trail through the grid points passed)."""
        if record and p != self._visited[-1]:
            self._visited.extend(grid_between(self._visited[-1], p, self.PER_UNIT))
        self.p = float(p)
        self.dot.move_to(self.point(self.p))
        pts = [self.point(q) for q in sorted(self._visited)]
        if len(pts) >= 2:
            self.trail.set_points_as_corners(pts)
        else:
            self.trail.set_points_as_corners([pts[0], pts[0] + np.array([1e-6, 0.0, 0.0])])
        if self.coin is not None:
            self.coin.set_probs([self.p, 1.0 - self.p])
        return self

    def create(self, run_time: float = 1.5) -> Animation:
        """Draw the axes and their labels, then the probe."""
        return AnimationGroup(
            AnimationGroup(Create(self.axes), FadeIn(self.axis_labels)),
            GrowFromCenter(self.dot),
            lag_ratio=0.7,
            run_time=run_time,
        )

    def create_axes(self, run_time: float = 1.5) -> Animation:
        """Draw the axes and their labels only (the probe comes with :meth:`show_probe`)."""
        return AnimationGroup(Create(self.axes), FadeIn(self.axis_labels), run_time=run_time)

    def show_probe(self, run_time: float = 0.8) -> Animation:
        """Bring the probe in at its place."""
        return GrowFromCenter(self.dot, run_time=run_time)

    def slide_to(self, p: float, run_time: float = 3.0) -> Animation:
        """The probe slides to ``p`` along the curve, drawing it; the coin's bars follow (they
        are redrawn by the probe, and animated alongside so that they are drawn every frame)."""
        slide = SlideProbe(self, p, run_time=run_time)
        if self.coin is None:
            return slide
        return AnimationGroup(slide, Redraw(self.coin, run_time=run_time), run_time=run_time)

    def mark_peak(self, run_time: float = 1.5) -> Animation:
        """A dot where the drawn curve is highest, dashed lines from it to both axes."""
        p, h = self.highest_drawn()
        at = self.axes.c2p(p, h)
        self.peak.move_to(at)
        down = DashedLine(at, self.axes.c2p(p, 0), color=theme.GOOD, stroke_width=3)
        across = DashedLine(at, self.axes.c2p(0, h), color=theme.GOOD, stroke_width=3)
        self.drops.add(down, across)
        self.add(self.peak)
        return AnimationGroup(
            GrowFromCenter(self.peak),
            AnimationGroup(Create(down), Create(across)),
            lag_ratio=0.5,
            run_time=run_time,
        )

    def close_ends(self, run_time: float = 1.5) -> Animation:
        """Draw the curve from ``p = 0`` to where the trail begins and from where it ends to 1."""
        lo, hi = min(self._visited), max(self._visited)
        parts = []
        for a, b in ((0.0, lo), (hi, 1.0)):
            piece = VMobject(stroke_color=self.curve_color, stroke_width=5)
            qs = np.linspace(a, b, 41)
            piece.set_points_as_corners([self.point(float(q)) for q in qs])
            parts.append(piece)
        dots = [
            Dot(self.axes.c2p(x, 0), radius=0.09, color=self.curve_color).set_z_index(3)
            for x in (0.0, 1.0)
        ]
        self.ends.add(*parts, *dots)
        return AnimationGroup(
            AnimationGroup(*(Create(piece) for piece in parts)),
            AnimationGroup(*(GrowFromCenter(d) for d in dots)),
            lag_ratio=0.6,
            run_time=run_time,
        )

    def highest_drawn(self) -> tuple[float, float]:
        """The trail's highest anchor, in axes coordinates."""
        pts = self.trail_shown()
        i = int(np.argmax(pts[:, 1]))
        return float(pts[i, 0]), float(pts[i, 1])

    # --- read back ----------------------------------------------------------------------------
    @reads_screen("geometry")
    def dot_shown(self) -> Floats:
        """The probe's ``(p, H)`` read through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def trail_shown(self) -> Floats:
        """The drawn curve's anchors in axes coordinates, shape (n, 2)."""
        return coords(self.axes, self.trail.get_anchors())

    @reads_screen("geometry")
    def trail_value_at(self, p: float) -> float:
        """Height of the drawn curve at ``p`` (linear between its anchors)."""
        pts = self.trail_shown()
        order = np.argsort(pts[:, 0])
        xs, ys = pts[order, 0], pts[order, 1]
        if not xs[0] - 1e-9 <= p <= xs[-1] + 1e-9:
            raise ValueError(f"the drawn curve does not reach p = {p}")
        return float(np.interp(p, xs, ys))

    @reads_screen("geometry")
    def peak_shown(self) -> Floats:
        """The peak marker's ``(p, H)`` read through the axes."""
        return coords(self.axes, self.peak)

    @reads_screen("geometry")
    def drop_feet_shown(self) -> Floats:
        """Where the dashed lines from the peak meet the axes: ``(p on the p axis, H on the
        H axis)``."""
        down, across = self.drops
        foot_p = coords(self.axes, down.get_end())[0]
        foot_h = coords(self.axes, across.get_end())[1]
        return np.array([foot_p, foot_h], dtype=np.float64)

    @reads_screen("geometry")
    def end_dots_shown(self) -> Floats:
        """The two end dots of the closed curve, ``[[p, H], [p, H]]``."""
        dots = [m for m in self.ends if isinstance(m, Dot)]
        return np.array([coords(self.axes, d) for d in dots], dtype=np.float64)


class SlideProbe(Redraw):
    """Slide a :class:`BinaryEntropyPlot`'s probe to ``p`` from where it is when it *begins*."""

    def __init__(self, plot: BinaryEntropyPlot, p: float, **kwargs: Any) -> None:
        self.plot, self.target, self.start = plot, float(p), plot.p
        kwargs.setdefault("rate_func", smooth)
        super().__init__(plot, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = self.plot.p
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = min(max(float(self.rate_func(alpha)), 0.0), 1.0)
        self.plot.set_p(self.start + (self.target - self.start) * t)


@reads_screen("count")
def glyphs_shown(texts: Iterable[Mobject]) -> list[int]:
    """How many glyphs each text draws (a codeword's digits: its length)."""
    return [sum(1 for g in text.submobjects if len(g.points) > 0) for text in texts]
