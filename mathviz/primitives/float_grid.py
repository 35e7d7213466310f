"""Pictures of the float grid: where ``exp`` overflows, and gaps that grow with magnitude.

:class:`MagnitudeLine` is a line of orders of magnitude (a value ``v`` sits at ``log10 v``)
from 1 to past the largest double; a dot stands for ``e^x`` while ``x`` sweeps, so it runs
along the line at ``x log10 e`` until it reaches the largest double, near ``x ≈ 709.78``; past
that the float has nowhere left to go. :class:`ToyFloatGrid` draws every number of a toy binary
float (``bits`` fraction bits) between 1 and ``2**binades`` as ticks on a plain linear line:
the same count of ticks in every binade, so the gap between neighbours doubles at each power
of two; a probe slides along it and the gap around it is read back from the ticks.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from manim import DOWN, UP, Dot, Line, ManimColor, NumberLine, Triangle, VGroup, linear
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.primitives.motion import StateTween
from mathviz.readings import reads_screen

__all__ = ["MagnitudeLine", "ToyFloatGrid"]

LOG10_E = math.log10(math.e)


class MagnitudeLine(VGroup):
    """Orders of magnitude from ``10^0`` to ``10^top`` with a dot for ``e^x``.

    Parameters
    ----------
    limit
        ``log10`` of the largest finite value (the line's red end mark).
    top
        The last decade drawn.
    width
        Length of the line (scene units).
    """

    def __init__(
        self,
        limit: float,
        *,
        top: float = 320.0,
        width: float = 11.0,
        label_every: int = 100,
        font_size: int = 30,
    ) -> None:
        super().__init__()
        self.limit, self.x = float(limit), 0.0
        self.line = NumberLine(
            x_range=(0, top, 50),
            length=width,
            color=theme.MUTED,
            stroke_width=3,
            include_tip=False,
            tick_size=0.08,
        )
        self.decades = VGroup(
            *(
                theme.tex(f"10^{{{k}}}", size=font_size, color=theme.MUTED).next_to(
                    self.line.n2p(k), DOWN, buff=0.2
                )
                for k in range(0, int(top) + 1, label_every)
            )
        )
        self.end_mark = Line(
            self.line.n2p(self.limit),
            self.line.n2p(self.limit) + 0.4 * UP,
            color=theme.BAD,
            stroke_width=5,
        )
        self.dot = Dot(self.line.n2p(0), radius=0.11, color=theme.DOT)
        self.add(self.line, self.decades, self.end_mark, self.dot)

    def redraw(self) -> None:
        """Put the dot at ``log10 e^x`` (stopping at the largest double), red once past it."""
        decade = min(self.x * LOG10_E, self.limit)
        self.dot.move_to(self.line.n2p(decade))
        self.dot.set_color(theme.BAD if self.x * LOG10_E > self.limit else theme.DOT)

    def sweep_to(
        self, x: float, run_time: float = 2.0, rate_func: Callable[[float], float] = linear
    ) -> Animation:
        """Move ``x`` to ``x`` (from wherever it is when the animation starts)."""
        return StateTween(self, self, {"x": x}, self.redraw, run_time=run_time, rate_func=rate_func)

    @reads_screen("geometry")
    def decade_shown(self) -> float:
        """``log10`` of the value the dot stands at, read back through the line."""
        return float(self.line.p2n(self.dot.get_center()))

    def exponent_shown(self) -> float:
        """The ``x`` whose ``e^x`` sits where the dot is: the dot's decade over ``log10 e``."""
        return self.decade_shown() / LOG10_E


class ToyFloatGrid(VGroup):
    """Every number of a toy float with ``bits`` fraction bits in ``[1, 2**binades]``.

    Ticks at ``2^e (1 + k / 2^bits)``; the powers of two are taller and numbered. A probe
    (a small triangle over the line) sits at :attr:`p`, and the gap between the two ticks
    around it is highlighted.
    """

    def __init__(
        self,
        *,
        bits: int = 3,
        binades: int = 4,
        width: float = 12.0,
        font_size: int = 30,
        color: ManimColor = theme.ACCENT,
    ) -> None:
        super().__init__()
        self.bits, self.binades = bits, binades
        top = 2**binades
        self.line = NumberLine(
            x_range=(1, top, 1),
            length=width,
            color=theme.MUTED,
            stroke_width=2,
            include_ticks=False,
            include_tip=False,
        )
        values = [2.0**e * (1 + k / 2**bits) for e in range(binades) for k in range(2**bits)]
        values.append(float(top))
        self.ticks = VGroup()
        for v in values:
            tall = 0.32 if math.log2(v).is_integer() else 0.2
            tick = Line(self.line.n2p(v) + tall * DOWN, self.line.n2p(v) + tall * UP)
            tick.set_stroke(color, width=3)
            self.ticks.add(tick)
        self.numbers = VGroup(
            *(
                theme.tex(str(2**e), size=font_size, color=theme.MUTED).next_to(
                    self.line.n2p(2**e), DOWN, buff=0.42
                )
                for e in range(binades + 1)
            )
        )
        self.p = 1.0
        self.probe = Triangle(color=theme.TEXT, fill_opacity=1.0, stroke_width=0).scale(0.13)
        self.probe.rotate(math.pi)
        self.gap = Line(stroke_width=10, color=theme.GOOD)
        self.add(self.line, self.gap, self.ticks, self.numbers, self.probe)
        self.redraw()

    def ticks_shown_values(self) -> np.ndarray:
        """Every tick's value, read back through the line (sorted)."""
        return np.sort([float(self.line.p2n(t.get_center())) for t in self.ticks])

    def redraw(self) -> None:
        """The probe over :attr:`p`; the gap between the ticks around it lit."""
        self.probe.next_to(self.line.n2p(self.p), UP, buff=0.4)
        ticks = self.ticks_shown_values()
        i = int(np.clip(np.searchsorted(ticks, self.p, side="right") - 1, 0, len(ticks) - 2))
        self.gap.put_start_and_end_on(self.line.n2p(ticks[i]), self.line.n2p(ticks[i + 1]))

    def slide_to(
        self, p: float, run_time: float = 2.0, rate_func: Callable[[float], float] = linear
    ) -> Animation:
        """Slide the probe to ``p``."""
        return StateTween(self, self, {"p": p}, self.redraw, run_time=run_time, rate_func=rate_func)

    @reads_screen("geometry")
    def gap_shown(self) -> float:
        """The width of the lit gap, read back through the line."""
        start, end = self.gap.get_start_and_end()
        return float(self.line.p2n(end) - self.line.p2n(start))

    @reads_screen("count")
    def ticks_in(self, lo: float, hi: float) -> int:
        """How many ticks are drawn in ``[lo, hi)``."""
        values = self.ticks_shown_values()
        return int(np.count_nonzero((values >= lo - 1e-9) & (values < hi - 1e-9)))

    @reads_screen("geometry")
    def probe_shown(self) -> float:
        """Where the probe points, read back through the line."""
        return float(self.line.p2n(self.probe.get_bottom()))
