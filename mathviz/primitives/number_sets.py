"""ℕ ⊂ ℤ ⊂ ℚ ⊂ ℝ as nested bands over one number line, with example numbers dropped in.

:class:`NestedSets` draws a manim :class:`~manim.NumberLine` and, around it, one rounded band
per number system of :mod:`mathviz.maths.number_sets`, each enclosing the one inside it: ℕ
around the line from 0 rightwards, ℤ, ℚ and ℝ around the whole line, each taller than the
last. A tab at the right end of each band's top edge names it. An example number drops onto the line as a dot
in the colour of the innermost system holding it; a number that is not an integer carries a
label in the strip of its own band (above every band it is not in), tied to its point by a
dashed stem.

Everything it reports is read back from the drawing: a dot's position converted back
through the line, any drawn point on the line likewise, and how many dots sit on the line.
:func:`number_on_line_shown` reads a point back through any manim number line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

import numpy as np
from manim import (
    Create,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    NumberLine,
    RoundedRectangle,
    VGroup,
)
from manim.animation.animation import Animation
from manim.animation.composition import AnimationGroup

from mathviz import theme
from mathviz.maths.number_sets import SETS, SYMBOLS, Example
from mathviz.readings import reads_screen

__all__ = ["SET_COLORS", "DOT_RADIUS", "STEM_OPACITY", "NestedSets", "number_on_line_shown"]

#: one colour per system, neighbours far apart (CIE76 ΔE ≥ 40)
SET_COLORS: dict[str, ManimColor] = {
    "naturals": theme.ACCENT,
    "integers": theme.BASIS_I,
    "rationals": theme.VECTOR_SECOND,
    "reals": theme.VECTOR_SUM,
}
DOT_RADIUS = 0.09
#: a stem's opacity: it ties a label to its point without competing with the line
STEM_OPACITY = 0.7
#: a stem of no length cannot be drawn: it starts this long
_NUDGE = np.array([0.0, -0.02, 0.0])
#: a dot this close (units) to the line's height sits on the line
_ON_LINE = 1e-6


class NestedSets(VGroup):
    """A number line inside four nested bands, one per number system.

    The diagram is not added to a scene as a whole: each animation brings in its own parts
    (the line, one band with its tab, the points dropped), so a band appears only once it
    is drawn. Bands lie behind the line and the points, tabs in front of the bands.

    Parameters
    ----------
    x_range
        The whole numbers at the ends of the line.
    unit
        Scene units per 1 on the line.
    line_y
        Height of the line in the frame (its 0 is at ``x = 0``).
    tops
        Per system, how far above the line its band's top edge is (innermost lowest).
    depth, step
        How far below the line the innermost band reaches, and how much further (and
        wider) each enclosing band reaches.
    number_size
        Font size of the line's numbers.
    """

    def __init__(
        self,
        *,
        x_range: tuple[int, int] = (-4, 4),
        unit: float = 1.2,
        line_y: float = -1.8,
        tops: Mapping[str, float] | None = None,
        depth: float = 0.8,
        step: float = 0.4,
        number_size: int = 28,
    ) -> None:
        super().__init__()
        lo, hi = x_range
        self.line = NumberLine(
            x_range=[lo, hi, 1],
            length=unit * (hi - lo),
            color=theme.MUTED,
            include_numbers=True,
            font_size=number_size,
            stroke_width=3,
        )
        # the line itself (not its numbers below it) at height ``line_y``, its 0 at x = 0
        self.line.shift(np.array([0.0, line_y, 0.0]) - self.line.n2p(0))
        self.line_y = float(line_y)
        tops = dict(tops or {"naturals": 0.75, "integers": 1.45, "rationals": 2.65, "reals": 3.85})
        self.bands: dict[str, RoundedRectangle] = {}
        self.tabs: dict[str, VGroup] = {}
        self._label_rows: dict[str, float] = {}
        left_end, right_end = self.line.n2p(lo)[0], self.line.n2p(hi)[0]
        below = self.line_y
        for k, name in enumerate(SETS):
            right = right_end + 0.4 + step * k
            left = self.line.n2p(-0.45)[0] if name == "naturals" else left_end - 0.4 - step * k
            top = self.line_y + tops[name]
            bottom = self.line_y - depth - 0.25 * k
            box = RoundedRectangle(width=right - left, height=top - bottom, corner_radius=0.18)
            box.move_to(np.array([(left + right) / 2, (top + bottom) / 2, 0.0]))
            box.set_stroke(SET_COLORS[name], width=3).set_fill(SET_COLORS[name], opacity=0.05)
            box.set_z_index(-1)  # behind the line and the points, whenever it is drawn
            self.bands[name] = box
            symbol = MathTex(rf"\mathbb{{{SYMBOLS[name]}}}", font_size=36, color=SET_COLORS[name])
            pill = RoundedRectangle(
                width=symbol.width + 0.3, height=symbol.height + 0.16, corner_radius=0.1
            )
            pill.set_fill(theme.BACKGROUND, opacity=1.0).set_stroke(SET_COLORS[name], width=3)
            tab = VGroup(pill, symbol.move_to(pill))
            tab.set_z_index(1)
            tab.move_to(np.array([right - 0.25 - pill.width / 2, top, 0.0]))
            self.tabs[name] = tab
            # a label of this system's own numbers sits between its top and the inner band's
            self._label_rows[name] = (top + below) / 2
            below = top
        self.dots: dict[str, Dot] = {}
        self.labels: dict[str, MathTex] = {}
        self.stems: dict[str, Line] = {}
        self.add(self.line)

    # --- geometry -----------------------------------------------------------------------
    def point_of(self, x: float) -> np.ndarray:
        """The scene point of the number ``x`` on the line."""
        return np.asarray(self.line.n2p(float(x)), dtype=float)

    def label_row(self, name: str) -> float:
        """Height at which labels of numbers whose innermost system is ``name`` stand."""
        return self._label_rows[name]

    # --- animations ---------------------------------------------------------------------
    def draw_line(self, run_time: float = 1.5) -> Animation:
        """Animation drawing the line with its numbers."""
        return Create(self.line, run_time=run_time)

    def draw_band(self, name: str, run_time: float = 1.2) -> Animation:
        """Animation drawing one system's band and its tab (the band is drawn behind the
        line and the inner bands)."""
        box, tab = self.bands[name], self.tabs[name]
        self.add(box, tab)
        return AnimationGroup(Create(box), FadeIn(tab, scale=0.6), lag_ratio=0.4, run_time=run_time)

    def drop(
        self, numbers: Sequence[Example], *, lag_ratio: float = 0.35, run_time: float = 2.0
    ) -> Animation:
        """Animation dropping each number onto the line, one after another: its dot falls
        from its label (or from just above the line, for an integer) to its point, its
        label fades in and its stem follows the dot down. The parts join the diagram."""
        dots: list[Dot] = []
        labels: list[MathTex | None] = []
        stems: list[Line | None] = []
        starts, ends = [], []
        for number in numbers:
            key = number.tex
            if key in self.dots:
                raise ValueError(f"{key} is already on the line")
            color = SET_COLORS[number.home]
            end = self.point_of(float(number))
            label: MathTex | None = None
            stem: Line | None = None
            if number.home in ("naturals", "integers"):
                start = end + np.array([0.0, 0.45, 0.0])
            else:
                label = MathTex(number.tex, font_size=36, color=color)
                label.move_to(np.array([end[0], self.label_row(number.home), 0.0]))
                start = np.array([end[0], label.get_bottom()[1] - 0.12, 0.0])
                stem = Line(start, start + _NUDGE, color=color, stroke_width=2)
                stem.set_stroke(opacity=0.0)
                self.stems[key], self.labels[key] = stem, label
                label.set_opacity(0.0)
            labels.append(label)
            stems.append(stem)
            dot = Dot(start, radius=DOT_RADIUS, color=color).set_opacity(0.0)
            dot.set_z_index(2)
            self.dots[key] = dot
            dots.append(dot)
            starts.append(start)
            ends.append(end)
            self.add(*(m for m in (stem, label) if m is not None), dot)
        parts = VGroup(*(m for m in (*stems, *labels, *dots) if m is not None))
        return _Drop(
            parts, dots, labels, stems, np.array(starts), np.array(ends), lag_ratio, run_time
        )

    # --- reading back -------------------------------------------------------------------
    def number_at_shown(self, point: Mobject | Sequence[float] | np.ndarray) -> float:
        """The number at a drawn point on the line (a mobject's centre or a point), read
        back through the line; refused when the point is off the line."""
        return number_on_line_shown(self.line, point)

    @reads_screen("geometry")
    def value_shown(self, tex: str) -> float:
        """Where the dot of the number typeset ``tex`` sits, read back through the line."""
        dot = self.dots[tex]
        return float(self.line.p2n(dot.get_center()))

    @reads_screen("geometry")
    def values_shown(self, home: str | None = None) -> list[float]:
        """Where the dots on the line sit, read back through it, left to right: all of them,
        or those drawn in the colour of system ``home``."""
        return sorted(float(self.line.p2n(d.get_center())) for d in self._landed(home))

    @reads_screen("count")
    def count_shown(self, home: str | None = None) -> int:
        """How many visible dots sit on the line (of system ``home``'s colour, or all)."""
        return len(self._landed(home))

    def _landed(self, home: str | None) -> list[Dot]:
        want = None if home is None else SET_COLORS[home].to_hex().lower()
        found = []
        for dot in self.dots.values():
            if float(np.max(dot.get_fill_opacities(), initial=0.0)) <= theme.VISIBLE_OPACITY:
                continue
            if abs(dot.get_center()[1] - self.line_y) > _ON_LINE:
                continue
            if want is not None and ManimColor(dot.get_fill_color()).to_hex().lower() != want:
                continue
            found.append(dot)
        return found


@reads_screen("geometry")
def number_on_line_shown(line: NumberLine, point: Mobject | Sequence[float] | np.ndarray) -> float:
    """The number at a drawn point on ``line`` (a mobject's centre, or a point), read back
    through the line; refused when the point lies off the line (further than 10⁻⁶ from it).
    """
    p = point.get_center() if isinstance(point, Mobject) else np.asarray(point, dtype=float)
    start, end = (np.asarray(q, dtype=float) for q in line.get_start_and_end())
    along = (end - start) / np.linalg.norm(end - start)
    offset = p - start
    off = offset - along * float(offset @ along)
    if float(np.linalg.norm(off[:2])) > _ON_LINE:
        raise ValueError(f"the point {p[:2]} is not on the line")
    return float(line.p2n(p))


def _fall(t: float) -> float:
    """Share of its fall a dot has covered at time ``t`` (0–1) of its slot: it accelerates
    like a dropped object and stops dead on the line."""
    return min(max(t, 0.0), 1.0) ** 2


class _Drop(Animation):
    """Dots falling onto the line one after another, labels fading in, stems following."""

    def __init__(
        self,
        parts: VGroup,
        dots: list[Dot],
        labels: list[MathTex | None],
        stems: list[Line | None],
        starts: np.ndarray,
        ends: np.ndarray,
        lag_ratio: float,
        run_time: float,
    ) -> None:
        self.dots, self.labels, self.stems = dots, labels, stems
        self.starts, self.ends, self.lag = starts, ends, float(lag_ratio)
        super().__init__(parts, run_time=run_time, rate_func=lambda t: t)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        n = len(self.dots)
        slot = 1.0 / (1.0 + (n - 1) * self.lag) if n > 1 else 1.0
        for i, (dot, label) in enumerate(zip(self.dots, self.labels, strict=True)):
            local = min(max((alpha - i * self.lag * slot) / slot, 0.0), 1.0)
            appear = min(1.0, 4.0 * local)
            fall = _fall((local - 0.25) / 0.75)
            at = (
                self.ends[i]
                if fall >= 1.0
                else self.starts[i] + (self.ends[i] - self.starts[i]) * fall
            )
            dot.move_to(at)
            dot.set_opacity(appear)
            if label is not None:
                label.set_opacity(appear)
            stem = self.stems[i]
            if stem is not None:
                top = self.starts[i]
                stem.put_start_and_end_on(top, at if fall > 0.02 else top + _NUDGE)
                stem.set_stroke(opacity=STEM_OPACITY * appear if fall > 0.02 else 0.0)
