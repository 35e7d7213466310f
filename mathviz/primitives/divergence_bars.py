"""KL divergence drawn as bars: the data's and the model's shares, code lengths in bits, terms.

Every part is drawn from one :class:`~mathviz.maths.divergence.ModelShares` by a ``redraw``
method, so that a tween of the model (:func:`model_tween`) moves every bar, bracket, dot and
number together, and whatever is on screen is the drawing of one true state:

* :class:`PairedBars` — the true shares ``p`` and the model's shares ``q`` side by side,
  one pair per outcome, on a value axis;
* :class:`DivergenceBars` — two horizontal bars on a bits axis: the entropy ``H(p)`` (the
  best average code length) and the cross-entropy ``H(p, q)`` (the cost of coding with the
  model), whose overhang past the entropy is ``KL(p‖q)``, bracketed and named;
* :class:`DirectionBars` — ``KL(p‖q)`` and ``KL(q‖p)`` as two bars on one bits axis;
* :class:`TermBars` — the signed per-outcome terms ``pᵢ log(pᵢ/qᵢ)``, and a column that
  stacks them into their sum;
* :class:`TermCurve` — one outcome's term as a function of the model's share of it, with a
  dot at the model's share now: the term climbs without limit as that share goes to 0.

Values are read back from the drawing (``*_shown``): bar lengths through their bits axis,
bar heights through their axes, the dot through its axes. The numbers beside the bars are
set, in every redraw, from those read-backs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    DecimalNumber,
    Dot,
    FadeIn,
    FadeOut,
    ManimColor,
    Mobject,
    NumberLine,
    Transform,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.divergence import ModelShares, stacked_sum
from mathviz.primitives.bars import value_axes
from mathviz.primitives.distribution_plot import distribution_axes
from mathviz.primitives.motion import StateTween
from mathviz.primitives.plots import number_edges
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import reads_screen

__all__ = [
    "P_COLOR",
    "Q_COLOR",
    "KL_COLOR",
    "REVERSE_COLOR",
    "NEGATIVE_COLOR",
    "PairedBars",
    "DivergenceBars",
    "DirectionBars",
    "TermBars",
    "TermCurve",
    "model_tween",
]

Floats = NDArray[np.float64]

#: the data's shares and the entropy bar; the model's shares and the cross-entropy bar
P_COLOR, Q_COLOR = theme.VECTOR_SECOND, theme.GRADIENT
#: KL(p‖q): the overhang, its bar and the positive terms; KL(q‖p); a negative term
KL_COLOR, REVERSE_COLOR, NEGATIVE_COLOR = theme.ACCENT, theme.PROJECTION, theme.BAD
_OPACITY = 0.9
#: a box thinner than this (scene units) is drawn this thin
_HAIR = 1e-6


def _box(mob: VMobject, x0: float, y0: float, x1: float, y1: float) -> VMobject:
    """Make ``mob`` the rectangle with corners ``(x0, y0)`` and ``(x1, y1)``."""
    if abs(x1 - x0) < _HAIR:
        x1 = x0 + _HAIR
    if abs(y1 - y0) < _HAIR:
        y1 = y0 + _HAIR
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    mob.set_points_as_corners(np.array([[x, y, 0.0] for x, y in corners]))
    return mob


def _filled(color: ManimColor) -> VMobject:
    return VMobject(stroke_width=0, fill_color=color, fill_opacity=_OPACITY)


def _span(mob: Mobject, axis: NumberLine) -> tuple[float, float]:
    """A horizontal bar's left and right ends, read through a number line."""
    left = float(axis.p2n(mob.get_left()))
    right = float(axis.p2n(mob.get_right()))
    return left, right


def model_tween(parts: Sequence[Any], shares: ModelShares, **targets: float) -> Animation:
    """Move the model (``squeezed``, ``toward``) to ``targets``, redrawing ``parts`` (each
    with a ``redraw`` method) at every frame."""

    def redraw() -> None:
        for part in parts:
            part.redraw()

    return StateTween(VGroup(*parts), shares, targets, redraw)


class PairedBars(VGroup):
    """The true shares (left bar of each pair) and the model's (right bar), per outcome.

    Parameters
    ----------
    shares
        The model; ``p`` is fixed, ``q()`` moves.
    names
        One name per outcome, written under its pair (plain text).
    x_range
        The value axes' horizontal range; outcome ``k`` (from 0) stands at ``k + 1``.
    y_range
        ``(0, top, step)`` of the shares.
    """

    def __init__(
        self,
        shares: ModelShares,
        names: Sequence[str],
        *,
        x_range: tuple[float, float] = (0.4, 5.6),
        y_range: tuple[float, float, float] = (0.0, 0.5, 0.1),
        width: float = 5.0,
        height: float = 2.8,
        bar_width: float = 0.34,
        font_size: int = 26,
    ) -> None:
        super().__init__()
        self.shares = shares
        n = shares.p.size
        if len(names) != n:
            raise ValueError("one name per outcome is required")
        self.axes = value_axes((*x_range, 1), y_range, width, height, font_size - 4, decimals=1)
        self.bar_width = float(bar_width)
        self.p_bars = VGroup(*(_filled(P_COLOR) for _ in range(n)))
        self.q_bars = VGroup(*(_filled(Q_COLOR) for _ in range(n)))
        self.p_bars.name, self.q_bars.name = "data shares", "model shares"
        self.names = VGroup(
            *(
                theme.text(name, size=font_size, color=theme.MUTED).next_to(
                    self.axes.c2p(k + 1, y_range[0]), DOWN, buff=0.15
                )
                for k, name in enumerate(names)
            )
        )
        #: the share of each bar's height drawn (0 → 1 while the bars grow)
        self.grown_p = self.grown_q = 1.0
        self.add(self.axes, self.names, self.p_bars, self.q_bars)
        self.redraw()

    def redraw(self) -> None:
        """Draw both sets of bars from the model now."""
        p, q = self.shares.p, self.shares.q()
        w = self.bar_width
        for k in range(p.size):
            for bars, value, side in ((self.p_bars, p[k], -1), (self.q_bars, q[k], 0)):
                grown = self.grown_p if bars is self.p_bars else self.grown_q
                x0, x1 = k + 1 + side * w, k + 1 + (side + 1) * w
                a = self.axes.c2p(x0, 0.0)
                b = self.axes.c2p(x1, float(value) * grown)
                _box(bars[k], a[0], a[1], b[0], b[1])

    def grow(self, which: str, run_time: float = 1.5) -> Animation:
        """Grow the ``"p"`` or ``"q"`` bars up from the axis."""
        key = {"p": "grown_p", "q": "grown_q"}[which]
        setattr(self, key, 0.0)
        self.redraw()
        return StateTween(self, self, {key: 1.0}, self.redraw, run_time=run_time)

    @reads_screen("geometry")
    def p_shown(self) -> Floats:
        """The data bars' heights, read through the axes."""
        return self._heights(self.p_bars)

    @reads_screen("geometry")
    def q_shown(self) -> Floats:
        """The model bars' heights, read through the axes."""
        return self._heights(self.q_bars)

    def _heights(self, bars: VGroup) -> Floats:
        pts = np.array([[b.get_bottom(), b.get_top()] for b in bars]).reshape(-1, 3)
        ys = coords(self.axes, pts)[:, 1].reshape(-1, 2)
        return np.asarray(ys[:, 1] - ys[:, 0], dtype=float)


class _BitsRows(VGroup):
    """Horizontal bars on a bits axis, one row above another, each with a readout at its
    left (``label = 0.00``)."""

    #: redraws every row from the current state (each subclass draws its own rows)
    redraw: Callable[[], None]

    def __init__(
        self,
        labels: Sequence[str],
        colors: Sequence[ManimColor],
        *,
        bits: tuple[float, float, float],
        length: float,
        row_gap: float,
        bar_height: float = 0.42,
        font_size: int = 30,
        decimals: int = 2,
        axis_decimals: int = 0,
    ) -> None:
        super().__init__()
        self.axis = NumberLine(
            x_range=bits,
            length=length,
            color=theme.MUTED,
            stroke_width=2,
            include_numbers=True,
            font_size=22,
            decimal_number_config={"num_decimal_places": axis_decimals},
        )
        self.unit = theme.text("bits", size=theme.SMALL_SIZE, color=theme.MUTED)
        self.unit.next_to(self.axis.numbers[-1], RIGHT, buff=0.25)
        self.row_y = [row_gap * (len(labels) - i) for i in range(len(labels))]
        self.bar_height = bar_height
        self.bars = VGroup(*(_filled(c) for c in colors))
        self.readouts = VGroup(
            *(
                Readout(label, 0.0, decimals=decimals, color=c, size=font_size)
                for label, c in zip(labels, colors, strict=True)
            )
        )
        for readout, y in zip(self.readouts, self.row_y, strict=True):
            readout.next_to(self.axis.n2p(0) + y * UP, LEFT, buff=0.35)
        self.grown = [1.0] * len(labels)
        self.add(self.axis, self.unit, self.bars, self.readouts)

    def _row(self, mob: VMobject, i: int, start: float, end: float) -> None:
        """Draw ``mob`` as row ``i``'s box from ``start`` to ``end`` bits."""
        y = self.axis.n2p(0)[1] + self.row_y[i]
        h = self.bar_height / 2
        _box(mob, self.axis.n2p(start)[0], y - h, self.axis.n2p(end)[0], y + h)

    def _length(self, *parts: Mobject) -> float:
        """The bits from the leftmost to the rightmost end of ``parts``."""
        spans = [_span(m, self.axis) for m in parts]
        return max(s[1] for s in spans) - min(s[0] for s in spans)

    def _set_readouts(self, values: Sequence[Any]) -> None:
        for readout, value in zip(self.readouts, values, strict=True):
            cast(Readout, readout).set(float(value))

    def grow_row(self, i: int, run_time: float = 1.5) -> Animation:
        """Grow row ``i``'s bar out from zero (its readout shows the length drawn)."""
        self.grown[i] = 0.0
        self.redraw()
        holder = _Grown(self.grown, i)
        return StateTween(self, holder, {"value": 1.0}, self.redraw, run_time=run_time)


class _Grown:
    """One entry of a list of growth fractions, as an attribute a tween can move."""

    def __init__(self, grown: list[float], i: int) -> None:
        self._grown, self._i = grown, i

    @property
    def value(self) -> float:
        return self._grown[self._i]

    @value.setter
    def value(self, v: float) -> None:
        self._grown[self._i] = v


class DivergenceBars(_BitsRows):
    """``H(p)`` above ``H(p, q)`` on one bits axis; the cross-entropy's overhang past the
    entropy (``KL(p‖q)``) in its own colour, under a bracket with its name.

    The cross-entropy bar is drawn in two pieces: ``cross`` from 0 to ``H(p)`` in the model's
    colour and ``overhang`` from ``H(p)`` to ``H(p, q)`` in the divergence's.
    """

    def __init__(
        self,
        shares: ModelShares,
        *,
        bits: tuple[float, float, float] = (0.0, 4.0, 1.0),
        length: float = 5.0,
        row_gap: float = 1.15,
        font_size: int = 30,
    ) -> None:
        super().__init__(
            ["H(P)", "H(P,Q)"],
            [P_COLOR, Q_COLOR],
            bits=bits,
            length=length,
            row_gap=row_gap,
            font_size=font_size,
        )
        self.shares = shares
        self.overhang = _filled(KL_COLOR)
        self.overhang.name = "KL overhang"
        self.bracket = VMobject(stroke_color=KL_COLOR, stroke_width=3)
        self.kl_name = theme.tex(r"\mathrm{KL}(P\,\|\,Q)", size=font_size, color=KL_COLOR)
        self.bracket.set_stroke(opacity=0)
        self.kl_name.set_opacity(0)
        self.add(self.overhang, self.bracket, self.kl_name)
        self.redraw()

    def redraw(self) -> None:
        """Draw the bars, the overhang and its bracket from the model; set the readouts
        from the lengths drawn."""
        h, ce = self.shares.entropy(), self.shares.cross_entropy()
        drawn_h, drawn_ce = h * self.grown[0], ce * self.grown[1]
        self._row(self.bars[0], 0, 0.0, drawn_h)
        self._row(self.bars[1], 1, 0.0, min(drawn_ce, h))
        # past the entropy the bar is the overhang; short of it, the overhang waits at its tip
        self._row(self.overhang, 1, min(drawn_ce, h), drawn_ce)
        top = self.axis.n2p(0)[1] + self.row_y[1] + self.bar_height / 2 + 0.12
        x0, x1 = self.axis.n2p(min(drawn_ce, h))[0], self.axis.n2p(drawn_ce)[0]
        self.bracket.set_points_as_corners(
            np.array([[x0, top - 0.1, 0], [x0, top, 0], [x1, top, 0], [x1, top - 0.1, 0]])
        )
        self.kl_name.move_to(np.array([(x0 + x1) / 2, top + 0.08, 0.0]), aligned_edge=DOWN)
        self._set_readouts([self.entropy_shown(), self.cross_entropy_shown()])

    def show_bracket(self, run_time: float = 1.0) -> Animation:
        """Fade the bracket and the name of the overhang in."""
        self.bracket.set_stroke(opacity=1)
        self.kl_name.set_opacity(1)
        return AnimationGroup(
            FadeIn(self.bracket), FadeIn(self.kl_name, shift=0.15 * DOWN), run_time=run_time
        )

    @reads_screen("geometry")
    def entropy_shown(self) -> float:
        """The entropy bar's length in bits, read through the axis."""
        return self._length(self.bars[0])

    @reads_screen("geometry")
    def cross_entropy_shown(self) -> float:
        """The cross-entropy bar's whole length (both pieces) in bits."""
        return self._length(self.bars[1], self.overhang)

    @reads_screen("geometry")
    def gap_shown(self) -> float:
        """The overhang's length in bits: how far the cross-entropy bar reaches past the
        entropy bar."""
        return self._length(self.overhang)


class DirectionBars(_BitsRows):
    """``KL(p‖q)`` above ``KL(q‖p)`` on one bits axis."""

    def __init__(
        self,
        shares: ModelShares,
        *,
        bits: tuple[float, float, float] = (0.0, 2.0, 0.5),
        length: float = 5.0,
        row_gap: float = 0.95,
        font_size: int = 30,
    ) -> None:
        super().__init__(
            [r"\mathrm{KL}(P\,\|\,Q)", r"\mathrm{KL}(Q\,\|\,P)"],
            [KL_COLOR, REVERSE_COLOR],
            bits=bits,
            length=length,
            row_gap=row_gap,
            font_size=font_size,
            axis_decimals=1,
        )
        self.shares = shares
        self.redraw()

    def redraw(self) -> None:
        """Draw both divergences from the model; set the readouts from the lengths drawn."""
        values = (self.shares.kl(), self.shares.reverse_kl())
        for i, value in enumerate(values):
            self._row(self.bars[i], i, 0.0, value * self.grown[i])
        self._set_readouts([self.forward_shown(), self.reverse_shown()])

    @reads_screen("geometry")
    def forward_shown(self) -> float:
        """``KL(p‖q)``'s bar length in bits, read through the axis."""
        return self._length(self.bars[0])

    @reads_screen("geometry")
    def reverse_shown(self) -> float:
        """``KL(q‖p)``'s bar length in bits, read through the axis."""
        return self._length(self.bars[1])


class TermBars(VGroup):
    """The signed terms ``pᵢ log(pᵢ/qᵢ)``, one bar per outcome at the same places as a
    :class:`PairedBars`, and a last column where :meth:`stack` adds them up."""

    def __init__(
        self,
        shares: ModelShares,
        names: Sequence[str],
        *,
        x_range: tuple[float, float] = (0.4, 6.6),
        y_range: tuple[float, float, float] = (-0.3, 0.6, 0.3),
        width: float = 5.0,
        height: float = 3.6,
        bar_width: float = 0.5,
        font_size: int = 26,
    ) -> None:
        super().__init__()
        self.shares = shares
        n = shares.p.size
        self.axes = value_axes((*x_range, 1), y_range, width, height, font_size - 4, decimals=1)
        self.bar_width = float(bar_width)
        self.bars = VGroup(*(_filled(KL_COLOR) for _ in range(n)))
        self.bars.name = "term bars"
        self.names = VGroup(
            *(
                theme.text(name, size=font_size, color=theme.MUTED).next_to(
                    self.axes.c2p(k + 1, y_range[0]), DOWN, buff=0.15
                )
                for k, name in enumerate(names)
            )
        )
        self.sum_column = n + 1
        self.grown = 1.0
        self.sum_bar = _filled(KL_COLOR)
        self.sum_bar.name = "sum of the terms"
        self.sum_label: DecimalNumber | None = None
        self.add(self.axes, self.names, self.bars)
        self.redraw()

    def redraw(self) -> None:
        """Draw the terms from the model, coloured by sign."""
        half = self.bar_width / 2
        for k, value in enumerate(self.shares.terms()):
            a = self.axes.c2p(k + 1 - half, 0.0)
            b = self.axes.c2p(k + 1 + half, float(value) * self.grown)
            _box(self.bars[k], a[0], a[1], b[0], b[1])
            self.bars[k].set_fill(KL_COLOR if value >= 0 else NEGATIVE_COLOR)

    def grow(self, run_time: float = 1.5) -> Animation:
        """Grow every term out of the zero line (up or down by its sign)."""
        self.grown = 0.0
        self.redraw()
        return StateTween(self, self, {"grown": 1.0}, self.redraw, run_time=run_time)

    def stack(self) -> tuple[Animation, Animation]:
        """Two animations that add the terms up in the last column.

        The first flies copies of the bars there: the positive terms stacked bottom to top,
        the negative ones beside the stack, hanging down from its top. The second fades the
        stack out and the sum in (:attr:`sum_bar`, as tall as the stack less what hangs
        beside it) with its value written above it (:attr:`sum_label`); neither is part of
        this group.
        """
        half = self.bar_width / 2
        x = self.sum_column
        moves: list[Animation] = []
        pile = VGroup()
        pile.name = "stacked terms"
        total = 0.0
        for k, start, end in stacked_sum(self.shares.terms()):
            piece = self.bars[k].copy()
            target = piece.copy()
            offset = 0.0 if end > start else self.bar_width + 0.08
            a = self.axes.c2p(x - half + offset, start)
            b = self.axes.c2p(x + half + offset, end)
            _box(target, a[0], a[1], b[0], b[1])
            moves.append(Transform(piece, target))
            pile.add(piece)
            total = end
        a, b = self.axes.c2p(x - half, 0.0), self.axes.c2p(x + half, total)
        _box(self.sum_bar, a[0], a[1], b[0], b[1])
        label = DecimalNumber(
            total, num_decimal_places=2, font_size=26, color=theme.TEXT, group_with_commas=False
        )
        label.next_to(self.sum_bar, UP, buff=0.12)
        self.sum_label = label
        fly = AnimationGroup(*moves, lag_ratio=0.5, group=pile)
        merge = AnimationGroup(FadeOut(pile), FadeIn(self.sum_bar), FadeIn(label, shift=0.1 * UP))
        return fly, merge

    @reads_screen("geometry")
    def terms_shown(self) -> Floats:
        """Every term bar's signed height, read through the axes."""
        out = []
        for bar in self.bars:
            (_, bottom), (_, top) = coords(self.axes, np.array([bar.get_bottom(), bar.get_top()]))
            # one end sits on the zero line: the other end is the signed value
            out.append(float(top + bottom))
        return np.array(out, dtype=float)

    @reads_screen("geometry")
    def sum_shown(self) -> float:
        """The sum column's height, read through the axes."""
        (_, bottom), (_, top) = coords(
            self.axes, np.array([self.sum_bar.get_bottom(), self.sum_bar.get_top()])
        )
        return float(top - bottom)


class TermCurve(VGroup):
    """One outcome's term ``p log(p/q)`` against the model's share ``q`` of it, with a dot at
    the model's share now; the curve leaves the top of the plot as ``q`` approaches 0.

    Parameters
    ----------
    shares
        The model; the outcome is ``shares.index``.
    q_range, y_range
        The plot's ranges (``(lo, hi, step)``).
    """

    def __init__(
        self,
        shares: ModelShares,
        *,
        q_range: tuple[float, float, float] = (0.0, 0.3, 0.1),
        y_range: tuple[float, float, float] = (-0.5, 2.0, 0.5),
        width: float = 5.0,
        height: float = 3.4,
        base: float = 2.0,
    ) -> None:
        super().__init__()
        self.shares, self.base = shares, base
        self.p = float(shares.p[shares.index])
        self.axes = distribution_axes(
            q_range, y_range, x_length=width, y_length=height, y_decimals=1, font_size=22
        )
        number_edges(self.axes, x_decimals=1, y_decimals=1)  # shares are tenths
        # from where the curve leaves the top of the plot to the right edge, denser near 0
        q_top = self.p / base ** (y_range[1] / self.p)
        qs = np.geomspace(q_top, q_range[1], 240)
        self.curve = VMobject(stroke_color=KL_COLOR, stroke_width=4)
        self.curve.set_points_as_corners(
            np.array([self.axes.c2p(q, self.term(q)) for q in qs], dtype=float)
        )
        self.curve.name = "term curve"
        self.dot = Dot(radius=0.09, color=Q_COLOR)
        self.dot.set_stroke(theme.BACKGROUND, width=2)
        self.add(self.axes, self.curve, self.dot)
        self.redraw()

    def term(self, q: float) -> float:
        """``p log(p/q)`` in the curve's base."""
        return self.p * math.log(self.p / q) / math.log(self.base)

    def redraw(self) -> None:
        """Put the dot at the model's share now, on the curve."""
        q = float(self.shares.q()[self.shares.index])
        self.dot.move_to(self.axes.c2p(q, self.term(q)))

    @reads_screen("geometry")
    def dot_shown(self) -> Floats:
        """The dot's ``(q, term)``, read through the axes."""
        return coords(self.axes, self.dot)

    @reads_screen("geometry")
    def curve_top_shown(self) -> float:
        """The highest value the drawn curve reaches, read through the axes."""
        return float(coords(self.axes, self.curve.points)[:, 1].max())
