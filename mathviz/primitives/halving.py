"""The halving game drawn: an interval of whole numbers cut in half by every yes/no question.

:class:`HalvingPicture` draws a :class:`~mathviz.maths.logarithms.HalvingGame` in three parts:

* the **whole range** (1 … 1024) as a number line, with a *funnel* above it: one bar per
  interval the game has reached, each stacked above the last and half as wide, narrowing
  onto the secret;
* a **zoomed line** below, showing the current interval large: each question's threshold
  splits it, the answer greys out the half that is dropped, and the line zooms until the
  half that is kept fills it (guides from the whole range show which stretch is magnified);
  once few numbers are left the kept bar is cut into one cell per number;
* the **answers** as a row of bits (yes = 1), one per question.

:meth:`HalvingPicture.ask` plays questions; the picture is a pure function of how many are
done and how far the next one has gone, so any moment can be drawn and read back. Values
are read back through the drawn lines: the funnel's widths through the whole range, the
current interval through the zoomed line and the window it shows, the labels and bits as
typeset, and the questions asked as the number of funnel bars drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, cast

import numpy as np
from manim import DOWN, UP, Line, ManimColor, MathTex, Mobject, VGroup, linear
from manim.animation.animation import Animation
from manim.constants import CapStyleType
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.logarithms import HalvingGame, Interval, window_around
from mathviz.readings import PrintedArray, printed, printed_all, reads_screen

__all__ = ["CUT", "ZOOM_START", "HalvingPicture"]

#: share of a question's time at which the answer cuts the interval
CUT = 0.42
#: share of a question's time at which the zoom onto the kept half starts
ZOOM_START = 0.55
#: the zoomed line shows the interval with this share of its width spare on either side
PAD = 0.06
#: an interval of at most this many numbers is drawn as cells, one per number
MAX_CELLS = 16
_RIGHT = np.array([1.0, 0.0, 0.0])


def _ramp(p: float, a: float, b: float) -> float:
    """0 before ``a``, 1 after ``b``, eased in between."""
    if p <= a:
        return 0.0
    if p >= b:
        return 1.0
    s = (p - a) / (b - a)
    return s * s * (3.0 - 2.0 * s)


def _point(x: float, y: float) -> NDArray[np.float64]:
    return np.array([x, y, 0.0])


class _Ask(Animation):
    """Questions ``first`` … ``last − 1`` in equal slots of the run time."""

    def __init__(self, picture: HalvingPicture, first: int, last: int, **kwargs: Any) -> None:
        self.picture, self.first, self.last = picture, first, last
        kwargs.setdefault("rate_func", linear)
        super().__init__(picture, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - nothing to interpolate from
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        done = float(self.rate_func(alpha)) * (self.last - self.first)
        whole = min(int(math.floor(done)), self.last - self.first)
        self.picture.step = self.first + whole
        self.picture.progress = 0.0 if whole == self.last - self.first else done - whole
        self.picture.redraw()


class HalvingPicture(VGroup):
    """The halving game: the whole range with its funnel, the zoomed interval, the bits.

    Parameters
    ----------
    game
        The pure model: the intervals, thresholds and answers.
    full_y, zoom_y
        Heights of the whole-range line and of the zoomed line.
    left, length
        Where both lines start and how long they are (scene units).
    ticks
        The values labelled on the whole-range line.
    funnel_gap
        Vertical spacing of the funnel's bars.
    bits_left
        Scene point of the left end of the row of bits.
    label_size
        Font size of the zoomed line's labels (the whole range's are 2 smaller, the bits
        6 larger).
    kept_color, dropped_color
        The interval still possible, and the half an answer drops.
    """

    def __init__(
        self,
        game: HalvingGame,
        *,
        full_y: float = 1.2,
        zoom_y: float = -1.3,
        left: float = -5.6,
        length: float = 11.2,
        ticks: Sequence[int] = (1, 256, 512, 768, 1024),
        funnel_gap: float = 0.13,
        bits_left: tuple[float, float] = (-1.2, -3.0),
        label_size: int = 32,
        kept_color: ManimColor = theme.ACCENT,
        dropped_color: ManimColor = theme.GRID,
    ) -> None:
        super().__init__()
        self.game = game
        self.intervals = game.intervals
        self.full_y, self.zoom_y = float(full_y), float(zoom_y)
        self.x0, self.length = float(left), float(length)
        self.full_range = self.intervals[0].edges
        #: questions finished, and how far the next one has gone (0 … 1)
        self.step, self.progress = 0, 0.0
        self.funnel_gap = float(funnel_gap)
        self.kept_color = kept_color

        start, end = _point(self.x0, self.full_y), _point(self.x0 + self.length, self.full_y)
        self.full_line = Line(start, end, color=theme.MUTED, stroke_width=3)
        self.full_ticks = VGroup()
        self.full_labels = VGroup()
        for v in ticks:
            p = _point(self.full_x(v), self.full_y)
            self.full_ticks.add(Line(p + 0.12 * DOWN, p + 0.12 * UP, color=theme.MUTED))
            self.full_labels.add(
                MathTex(str(v), font_size=label_size - 2, color=theme.MUTED).next_to(
                    p, DOWN, buff=0.2
                )
            )
        self.funnel = VGroup(
            *(
                Line(start, end, color=kept_color, stroke_width=7).set_cap_style(CapStyleType.ROUND)
                for _ in self.intervals
            )
        )
        zs, ze = _point(self.x0, self.zoom_y), _point(self.x0 + self.length, self.zoom_y)
        self.zoom_line = Line(zs, ze, color=theme.MUTED, stroke_width=3)
        self.zoom_ends = VGroup(
            *(Line(p + 0.15 * DOWN, p + 0.15 * UP, color=theme.MUTED) for p in (zs, ze))
        )
        self.kept = Line(zs, ze, color=kept_color, stroke_width=14)
        self.dropped = Line(zs, ze, color=dropped_color, stroke_width=14)
        #: dividers between the numbers of a short interval, cut into the kept bar
        self.cells = VGroup(
            *(
                Line(zs, zs + 0.1 * UP, color=theme.BACKGROUND, stroke_width=3)
                for _ in range(MAX_CELLS - 1)
            )
        )
        self.cut_mark = Line(_RIGHT, 2 * _RIGHT, color=theme.TEXT, stroke_width=4)
        self.guides = VGroup(
            Line(zs, ze, color=theme.MUTED, stroke_width=1.5),
            Line(zs, ze, color=theme.MUTED, stroke_width=1.5),
        )
        # one question and its answer per question, centred above the zoomed line
        self.questions = VGroup()
        for q in game.questions:
            ask = theme.text(f"bigger than {q.threshold}?", size=theme.BODY_SIZE)
            answer = theme.text(
                "yes" if q.answer else "no", size=theme.BODY_SIZE, color=theme.ACCENT
            )
            ask.move_to(_point(0.0, self.zoom_y + 0.75))
            answer.next_to(ask, _RIGHT, buff=0.3)
            self.questions.add(VGroup(ask, answer))
        # the labels of each interval's first and last number (one label for one number)
        self.end_labels = VGroup()
        for iv in self.intervals:
            texts = (iv.lo,) if iv.count == 1 else (iv.lo, iv.hi)
            self.end_labels.add(
                VGroup(*(MathTex(str(v), font_size=label_size, color=theme.TEXT) for v in texts))
            )
        self.bits = VGroup(
            *(
                MathTex("1" if q.answer else "0", font_size=label_size + 6, color=theme.ACCENT)
                for q in game.questions
            )
        )
        self.bits.arrange(_RIGHT, buff=0.22)
        self.bits.move_to(_point(bits_left[0], bits_left[1]), aligned_edge=np.array([-1, 0, 0]))
        self.add(
            self.full_line,
            self.full_ticks,
            self.full_labels,
            self.funnel,
            self.guides,
            self.zoom_line,
            self.zoom_ends,
            self.dropped,
            self.kept,
            self.cells,
            self.cut_mark,
            self.questions,
            self.end_labels,
            self.bits,
        )
        self.redraw()

    # --- mappings ----------------------------------------------------------------------------
    def full_x(self, value: float) -> float:
        """Scene x of ``value`` on the whole-range line."""
        a, b = self.full_range
        return self.x0 + (float(value) - a) / (b - a) * self.length

    def window(self) -> tuple[float, float]:
        """The stretch of numbers the zoomed line shows now."""
        n = len(self.game.questions)
        here = window_around(self.intervals[min(self.step, n)], PAD)
        if self.step >= n:
            return here
        s = _ramp(self.progress, ZOOM_START, 1.0)
        there = window_around(self.intervals[self.step + 1], PAD)
        return (here[0] + s * (there[0] - here[0]), here[1] + s * (there[1] - here[1]))

    def zoom_x(self, value: float, window: tuple[float, float] | None = None) -> float:
        """Scene x of ``value`` on the zoomed line (for ``window``, default: now)."""
        a, b = self.window() if window is None else window
        return self.x0 + (float(value) - a) / (b - a) * self.length

    def kept_interval(self) -> Interval:
        """The interval the picture holds as still possible now."""
        n = len(self.game.questions)
        if self.step >= n:
            return self.intervals[n]
        return self.intervals[self.step + (1 if self.progress >= CUT else 0)]

    # --- drawing -------------------------------------------------------------------------------
    def _bar(self, line: Line, edges: tuple[float, float], window: tuple[float, float]) -> float:
        """Draw ``line`` over ``edges`` on the zoomed line, clipped to it; its visible width."""
        lo = min(max(self.zoom_x(edges[0], window), self.x0), self.x0 + self.length)
        hi = min(max(self.zoom_x(edges[1], window), self.x0), self.x0 + self.length)
        if hi - lo < 1e-4:
            hi = lo + 1e-4
        line.put_start_and_end_on(_point(lo, self.zoom_y), _point(hi, self.zoom_y))
        return hi - lo

    def redraw(self) -> HalvingPicture:
        """Draw the moment ``progress`` of question ``step`` (every part, from the model)."""
        n = len(self.game.questions)
        i, p = self.step, (self.progress if self.step < n else 0.0)
        window = self.window()
        kept = self.kept_interval()
        self._bar(self.kept, kept.edges, window)
        asking = i < n
        cut = asking and p >= CUT
        for k, divider in enumerate(self.cells):
            edge = kept.lo + k + 0.5
            if kept.count <= MAX_CELLS and edge < kept.hi:
                x = self.zoom_x(edge, window)
                divider.put_start_and_end_on(
                    _point(x, self.zoom_y - 0.09), _point(x, self.zoom_y + 0.09)
                )
                divider.set_stroke(opacity=1.0)
            else:
                divider.set_stroke(opacity=0.0)
        # the dropped half: grey from the cut, sliding off the line and fading in the zoom
        if cut:
            width = self._bar(self.dropped, self.game.questions[i].dropped.edges, window)
            fade = 1.0 - _ramp(p, ZOOM_START + 0.2, 1.0)
            self.dropped.set_stroke(opacity=fade if width > 1e-3 else 0.0)
        else:
            self.dropped.set_stroke(opacity=0.0)
        # the threshold's split mark and the question, with its answer after a beat
        if asking:
            boundary = self.game.questions[i].threshold + 0.5
            x = self.zoom_x(boundary, window)
            x = min(max(x, self.x0), self.x0 + self.length)
            self.cut_mark.put_start_and_end_on(
                _point(x, self.zoom_y - 0.3), _point(x, self.zoom_y + 0.3)
            )
            self.cut_mark.set_stroke(opacity=_ramp(p, 0.0, 0.12) * (1 - _ramp(p, ZOOM_START, 0.8)))
        else:
            self.cut_mark.set_stroke(opacity=0.0)
        for k, pair in enumerate(self.questions):
            on = k == i and asking
            shown = _ramp(p, 0.0, 0.12) * (1 - _ramp(p, 0.86, 1.0)) if on else 0.0
            answered = _ramp(p, 0.2, 0.3) * (1 - _ramp(p, 0.86, 1.0)) if on else 0.0
            pair[0].set_opacity(shown)
            pair[1].set_opacity(answered)
        # the end labels of the interval kept, under its first and last number
        kept_index = min(i + (1 if cut else 0), n)
        for k, labels in enumerate(self.end_labels):
            visible = k == kept_index
            values = (kept.lo,) if len(labels) == 1 else (kept.lo, kept.hi)
            for label, v in zip(labels, values, strict=True):
                if visible:
                    label.move_to(_point(self.zoom_x(v, window), self.zoom_y - 0.48))
                label.set_opacity(1.0 if visible else 0.0)
        # the funnel: one bar per interval reached, the newest growing from its middle
        reached = kept_index
        for k, bar in enumerate(self.funnel):
            if k > reached:
                bar.set_stroke(opacity=0.0)
                continue
            grow = _ramp(p, CUT, CUT + 0.12) if (k == reached and cut) else 1.0
            a, b = self.intervals[k].edges
            middle, half = 0.5 * (a + b), 0.5 * (b - a) * max(grow, 1e-3)
            y = self.full_y + 0.32 + k * self.funnel_gap
            bar.put_start_and_end_on(
                _point(self.full_x(middle - half), y), _point(self.full_x(middle + half), y)
            )
            bar.set_stroke(opacity=1.0)
        # guides from the stretch the zoomed line shows, on the whole range, to its ends
        top = self.full_y - 0.78
        for guide, value, x_end in zip(
            self.guides, window, (self.x0, self.x0 + self.length), strict=True
        ):
            guide.put_start_and_end_on(
                _point(self.full_x(value), top), _point(x_end, self.zoom_y + 0.3)
            )
        for k, bit in enumerate(self.bits):
            bit.set_opacity(1.0 if k < i or (k == i and cut) else 0.0)
        return self

    # --- animations ---------------------------------------------------------------------------
    def ask(self, first: int, last: int | None = None, *, run_time: float = 3.0) -> Animation:
        """Play questions ``first`` … ``last − 1`` (default: just ``first``), in equal slots."""
        last = first + 1 if last is None else last
        if not 0 <= first < last <= len(self.game.questions):
            raise ValueError(f"no questions {first}…{last - 1} in this game")
        return _Ask(self, first, last, run_time=run_time)

    # --- read-backs ---------------------------------------------------------------------------
    def _visible(self, mob: Mobject) -> bool:
        return float(np.max(mob.get_stroke_opacities(), initial=0.0)) > theme.VISIBLE_OPACITY

    @reads_screen("count")
    def question_bars_shown(self) -> int:
        """How many funnel bars stand above the first one: one per question answered."""
        return sum(1 for bar in self.funnel[1:] if self._visible(bar))

    @reads_screen("count")
    def bars_shown(self) -> int:
        """How many funnel bars are drawn, the whole range's included."""
        return sum(1 for bar in self.funnel if self._visible(bar))

    def _full_value(self, x: float) -> float:
        start, end = self.full_line.get_start_and_end()
        a, b = self.full_range
        return a + (x - float(start[0])) / (float(end[0]) - float(start[0])) * (b - a)

    @reads_screen("geometry")
    def funnel_widths_shown(self) -> NDArray[np.float64]:
        """The width of every drawn funnel bar, bottom up, read through the whole range."""
        widths = []
        for bar in self.funnel:
            if not self._visible(bar):
                continue
            start, end = bar.get_start_and_end()
            widths.append(self._full_value(float(end[0])) - self._full_value(float(start[0])))
        return np.array(widths)

    @reads_screen("geometry")
    def top_bar_shown(self) -> NDArray[np.float64]:
        """The edges of the highest funnel bar drawn, read through the whole range."""
        bars = [bar for bar in self.funnel if self._visible(bar)]
        start, end = bars[-1].get_start_and_end()
        return np.array([self._full_value(float(start[0])), self._full_value(float(end[0]))])

    @reads_screen("geometry")
    def kept_edges_shown(self) -> NDArray[np.float64]:
        """The kept bar's two ends, read through the zoomed line and the window it shows."""
        start, end = self.zoom_line.get_start_and_end()
        a, b = self.window()
        ends = []
        for point in self.kept.get_start_and_end():
            share = (float(point[0]) - float(start[0])) / (float(end[0]) - float(start[0]))
            ends.append(a + share * (b - a))
        return np.array(ends)

    @reads_screen("geometry")
    def kept_width_shown(self) -> float:
        """How many numbers the kept bar covers (its drawn width on the zoomed line)."""
        lo, hi = (float(v) for v in np.asarray(self.kept_edges_shown()))
        return hi - lo

    def end_label_readings(self) -> PrintedArray:
        """The numbers typeset under the kept bar's ends."""
        shown = [lab for group in self.end_labels for lab in group if self._shown_text(lab)]
        return printed_all(shown)

    def bit_readings(self) -> PrintedArray:
        """The answers typeset so far, as bits, left to right."""
        return printed_all([bit for bit in self.bits if self._shown_text(bit)])

    @reads_screen("count")
    def cells_shown(self) -> int:
        """How many numbers the kept bar is cut into (0 while it is too long to cut)."""
        dividers = sum(1 for d in self.cells if self._visible(d))
        return dividers + 1 if dividers else 0

    @reads_screen("count")
    def bits_shown(self) -> int:
        """How many bits are drawn."""
        return sum(1 for bit in self.bits if self._shown_text(bit))

    def question_reading(self, k: int) -> Any:
        """The threshold typeset in question ``k``."""
        return printed(self.questions[k][0])

    @staticmethod
    def _shown_text(mob: Mobject) -> bool:
        return float(np.max(mob.get_fill_opacities(), initial=0.0)) > theme.VISIBLE_OPACITY
