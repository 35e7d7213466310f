"""A number line that zooms continuously until single doubles show up as ticks.

:class:`ZoomableNumberLine` draws one :class:`~mathviz.maths.floats.Window` ``[lo, hi]`` of
the real line across a fixed stretch of the screen, in three layers built from the pure
model :mod:`mathviz.maths.floats`:

* a decimal **ruler** below the axis: ticks at the nested steps ``…, 1, 0.2, 0.1, 0.02, …``,
  each drawn as tall and as opaque as its level's spacing on screen allows, and labels typed
  exactly (:func:`~mathviz.maths.floats.decimal_text`) wherever they fit;
* the **doubles** above the axis: every double in the window as its own tick once they are
  far enough apart to tell apart, and a solid band while they are not;
* **markers** standing on exact values (a pin with a head and a label, or a small ring),
  which keep their value while the window changes.

:meth:`ZoomableNumberLine.zoom` returns the animation that moves the window along a
:class:`~mathviz.maths.floats.ZoomPath`: every frame the ticks re-space, the labels
re-typeset and the markers slide to where their values now are. Values are read back from
the drawing through the line's own geometry — a screen ``x`` is ``lo + t·(hi − lo)`` with
``t = (x − left) / length``, computed with exact fractions, so a difference of 5.55e-17
between two markers is read as exactly as a difference of 1.

:class:`ScientificReadout` shows a number as ``m × 10^e`` (a mantissa and an exponent that
can both be read back as typeset), for the window's width and the spacing of the doubles.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    ORIGIN,
    RIGHT,
    UP,
    Circle,
    Line,
    ManimColor,
    Mobject,
    Rectangle,
    Triangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.floats import (
    Real,
    Window,
    ZoomPath,
    as_fraction,
    count_doubles,
    decimal_places,
    decimal_text,
    doubles_in,
    ruler_ticks,
)
from mathviz.primitives.motion import Redraw
from mathviz.primitives.readout import LiveDecimal
from mathviz.readings import Printed, derived, printed, reads_screen

__all__ = [
    "TICK_MIN_SPACING",
    "TICK_FULL_SPACING",
    "RULER_TICK_HEIGHT",
    "DOUBLE_TICK_HEIGHT",
    "DOUBLES_FULL_SPACING",
    "MAX_DOUBLE_TICKS",
    "LABEL_GAP",
    "group_thousands",
    "ExactDecimal",
    "NumberLineMarker",
    "ZoomableNumberLine",
    "ScientificReadout",
    "split_scientific",
]

#: ticks of a level closer than this on screen (units) are not drawn
TICK_MIN_SPACING = 0.06
#: a ruler level this far apart (or more) is drawn at full height and opacity
TICK_FULL_SPACING = 2.4
#: the tallest ruler tick (below the axis) and the doubles' ticks (above it), in units
RULER_TICK_HEIGHT = 0.3
DOUBLE_TICK_HEIGHT = 0.36
#: doubles this far apart on screen are drawn as fully opaque separate ticks
DOUBLES_FULL_SPACING = 0.45
#: the most doubles drawn one by one; more than this in the window are a solid band
MAX_DOUBLE_TICKS = 400
#: space kept between neighbouring ruler labels (units)
LABEL_GAP = 0.4
#: a label fades in while its spacing grows from its width (plus the gap) to this much more
LABEL_FADE = 0.12
#: a label may reach this far past either end of the line (units)
LABEL_OVERHANG = 0.5
#: the band's fill opacity while the doubles are too dense to draw one by one
BAND_OPACITY = 0.7
#: how far a marker fades in from either end of the line (units)
MARKER_EDGE_FADE = 0.3


def _ramp(x: float, lo: float, hi: float) -> float:
    """0 at or below ``lo``, 1 at or above ``hi``, linear in ``log x`` between."""
    if x <= lo:
        return 0.0
    if x >= hi:
        return 1.0
    return math.log(x / lo) / math.log(hi / lo)


def _segments(xs: Sequence[float], y0: float, y1: float) -> np.ndarray:
    """Vertical strokes from ``y0`` to ``y1`` at each ``x``, as straight cubic curves (one
    VMobject draws them all: curves that do not meet are separate strokes)."""
    if not len(xs):
        return np.zeros((0, 3))
    x = np.repeat(np.asarray(xs, dtype=float), 4)
    thirds = np.tile([0.0, 1 / 3, 2 / 3, 1.0], len(xs))
    y = y0 + (y1 - y0) * thirds
    return np.column_stack([x, y, np.zeros_like(x)])


def group_thousands(text: str) -> str:
    """``"10000000000000010"`` → ``"10,000,000,000,000,010"``: commas in a whole part of
    five digits or more (decimals are left as they are)."""
    sign = "-" if text.startswith("-") else ""
    whole, dot, decimals = text.lstrip("-").partition(".")
    if len(whole) >= 5:
        whole = f"{int(whole):,}"
    return f"{sign}{whole}{dot}{decimals}"


class ExactDecimal(LiveDecimal):
    """A decimal typed exactly from its text (``"0.2999999999999998"``), glyph by glyph.

    A :class:`~manim.DecimalNumber` formats a float, which cannot hold most decimals of 17
    digits; this one shows the string it is given (validated as a decimal number; commas
    between thousands allowed), so what :func:`~mathviz.readings.printed` reads back is
    exactly the typed value.
    """

    def __init__(self, text: str, **kwargs: Any) -> None:
        value = Fraction(text.replace(",", ""))  # refuses anything that is not a number
        self.exact_text = text
        self.exact_value = value
        kwargs.setdefault("group_with_commas", False)
        super().__init__(float(value), num_decimal_places=decimal_places(value), **kwargs)

    def _get_num_string(self, number: float | complex) -> str:
        return self.exact_text

    def set_value(self, number: float) -> ExactDecimal:  # noqa: D102
        raise TypeError("an ExactDecimal shows one fixed text; build a new one")


class NumberLineMarker(VGroup):
    """A marker standing on the number line at an exact value.

    ``style="pin"``: a stem up from the axis with a head pointing down at the value and an
    optional label above. ``style="ring"``: a small ring on the axis (an exact value that is
    not a double, say). The line places it; :attr:`value` is where it stands.
    """

    def __init__(
        self,
        value: Real,
        *,
        color: ManimColor,
        label: VMobject | None = None,
        height: float = 1.0,
        style: str = "pin",
    ) -> None:
        if style not in ("pin", "ring"):
            raise ValueError(f"unknown marker style {style!r}")
        super().__init__()
        self.value = as_fraction(value)
        self.style = style
        self.stand_height = float(height)
        self.label = label
        self.visibility = 1.0
        #: how visible the marker is meant to be (0 until it is brought in); the line fades
        #: it further near its ends
        self.visibility_goal = 1.0
        if style == "pin":
            self.stem: VMobject = Line(ORIGIN, UP * height, stroke_color=color, stroke_width=3)
            head = Triangle(fill_color=color, fill_opacity=1.0, stroke_width=0)
            self.head: VMobject = head.rotate(math.pi).scale(0.13)
            self.head.move_to(self.stem.get_end(), aligned_edge=DOWN)
            self.add(self.stem, self.head)
            if label is not None:
                label.next_to(self.head, UP, buff=0.1)
                self.add(label)
        else:
            self.stem = Circle(radius=0.1, stroke_color=color, stroke_width=3, fill_opacity=0)
            self.head = self.stem
            self.add(self.stem)
        self._label_opacity = (
            [
                (float(p.get_fill_opacity()), float(p.get_stroke_opacity()))
                for p in label.family_members_with_points()
            ]
            if label is not None
            else []
        )

    def foot(self) -> np.ndarray:
        """The point of the marker that stands on its value (on the axis)."""
        if self.style == "pin":
            return np.asarray(self.stem.get_start(), dtype=float)
        return np.asarray(self.stem.get_center(), dtype=float)

    def stand_at(self, point: np.ndarray) -> None:
        """Move the marker so that its foot is at ``point``."""
        self.shift(np.asarray(point, dtype=float) - self.foot())

    def set_visibility(self, visibility: float) -> None:
        """Draw the marker at ``visibility`` (0 hidden, 1 fully drawn)."""
        v = float(min(max(visibility, 0.0), 1.0))
        self.visibility = v
        if self.style == "pin":
            self.stem.set_stroke(opacity=v)
            self.head.set_fill(opacity=v)
        else:
            self.stem.set_stroke(opacity=v)
        if self.label is not None:
            parts = self.label.family_members_with_points()
            for part, (fill, stroke) in zip(parts, self._label_opacity, strict=False):
                part.set_fill(opacity=fill * v)
                part.set_stroke(opacity=stroke * v)


class ZoomableNumberLine(VGroup):
    """The window ``[lo, hi]`` of the real line drawn from ``x = left`` to ``x = right``.

    Parameters
    ----------
    window
        The interval shown first.
    left, right, y
        Where the line lies on screen (scene units).
    label_size
        Font size of the ruler's labels.
    doubles
        Draw the doubles above the axis (ticks, or a band while they are too dense).
    """

    def __init__(
        self,
        window: Window,
        *,
        left: float = -6.0,
        right: float = 6.0,
        y: float = 0.0,
        label_size: int = 30,
        doubles: bool = True,
        ruler_color: ManimColor = theme.MUTED,
        doubles_color: ManimColor = theme.ACCENT,
        label_color: ManimColor = theme.MUTED,
    ) -> None:
        super().__init__()
        if not left < right:
            raise ValueError("left must be left of right")
        self.window = window
        self.left, self.right, self.y = float(left), float(right), float(y)
        self.length = self.right - self.left
        self.label_size = label_size
        self.label_color = label_color
        self.show_doubles = doubles
        #: how much of the line is drawn, from the left (0–1): the ruler, and the doubles
        self.revealed = 1.0
        self.doubles_revealed = 1.0
        self.axis = Line(
            np.array([self.left, self.y, 0.0]),
            np.array([self.right, self.y, 0.0]),
            stroke_color=ruler_color,
            stroke_width=2,
        )
        self.band = Rectangle(
            width=self.length,
            height=DOUBLE_TICK_HEIGHT,
            fill_color=doubles_color,
            fill_opacity=BAND_OPACITY,
            stroke_width=0,
        )
        self.band.move_to(
            np.array([(self.left + self.right) / 2, self.y + DOUBLE_TICK_HEIGHT / 2, 0.0])
        )
        self._band_outline = self.band.points.copy()
        self.double_ticks = VMobject(stroke_color=doubles_color, stroke_width=3.5)
        self.ruler = VGroup(*(VMobject(stroke_color=ruler_color, stroke_width=2) for _ in range(6)))
        self.labels = VGroup()
        self.markers = VGroup()
        self.add(self.axis, self.band, self.double_ticks, self.ruler, self.labels, self.markers)
        self._by_key: dict[str, NumberLineMarker] = {}
        self._label_cache: dict[Fraction, ExactDecimal] = {}
        self._double_alpha = 0.0
        self._double_values: list[float] = []
        self.set_window(window)

    # --- geometry: values to screen and back ------------------------------------------
    def x_of(self, value: Real) -> float:
        """Screen ``x`` of ``value`` in the current window."""
        return self.left + float(self.window.fraction_of(value)) * self.length

    def point_of(self, value: Real) -> np.ndarray:
        """The point on the axis at ``value``."""
        return np.array([self.x_of(value), self.y, 0.0])

    def value_at_x(self, x: float) -> Fraction:
        """The value at screen ``x``: ``lo + t·(hi − lo)``, ``t = (x − left)/length``, exact."""
        t = (Fraction(float(x)) - Fraction(self.left)) / Fraction(self.length)
        return self.window.value_at(t)

    # --- drawing -----------------------------------------------------------------------
    def conceal(self) -> ZoomableNumberLine:
        """Draw nothing yet (before :meth:`reveal` draws the line from the left)."""
        self.revealed = self.doubles_revealed = 0.0
        return self.set_window(self.window)

    def set_window(self, window: Window) -> ZoomableNumberLine:
        """Show ``window``: re-space the ticks, re-typeset the labels, move the markers."""
        self.window = window
        cut = self.left + self.revealed * self.length
        self._draw_ruler(cut)
        self._draw_doubles(self.left + self.doubles_revealed * self.length)
        self._draw_labels(cut)
        for marker in self._by_key.values():
            self._place(marker)
        return self

    def _draw_ruler(self, cut: float) -> None:
        ticks = ruler_ticks(self.window, self.length, min_spacing=TICK_MIN_SPACING)
        by_spacing: dict[float, list[float]] = {}
        for tick in ticks:
            x = self.x_of(tick.value)
            if x > cut + 1e-9:
                continue
            key = min(tick.spacing, TICK_FULL_SPACING)
            by_spacing.setdefault(key, []).append(x)
        groups = sorted(by_spacing.items(), reverse=True)
        pool = list(self.ruler)
        # more levels than strokes: the finest ones share the last stroke (they are faint)
        while len(groups) > len(pool):
            spacing, xs = groups.pop()
            groups[-1][1].extend(xs)
        for vm, group in zip(pool, groups + [None] * (len(pool) - len(groups)), strict=True):
            if group is None:
                vm.clear_points()
                continue
            spacing, xs = group
            weight = _ramp(spacing, TICK_MIN_SPACING, TICK_FULL_SPACING)
            height = RULER_TICK_HEIGHT * (0.25 + 0.75 * weight)
            vm.set_points(_segments(xs, self.y, self.y - height))
            vm.set_stroke(opacity=0.35 + 0.65 * weight)
        axis_end = max(min(cut, self.right), self.left + 1e-3)
        self.axis.put_start_and_end_on(
            np.array([self.left, self.y, 0.0]), np.array([axis_end, self.y, 0.0])
        )

    def _draw_doubles(self, cut: float) -> None:
        lo, hi = self.window.lo, self.window.hi
        alpha, values = 0.0, []
        if self.show_doubles and count_doubles(lo, hi) <= MAX_DOUBLE_TICKS:
            values = doubles_in(lo, hi, limit=MAX_DOUBLE_TICKS)
            if len(values) >= 2:
                gaps = [Fraction(b) - Fraction(a) for a, b in zip(values, values[1:], strict=False)]
                spacing = float(min(gaps) * Fraction(self.length) / self.window.width)
            else:
                spacing = self.length
            alpha = _ramp(spacing, TICK_MIN_SPACING, DOUBLES_FULL_SPACING)
        xs = [x for x in (self.x_of(v) for v in values) if x <= cut + 1e-9]
        self._double_values = values[: len(xs)]
        self._double_alpha = alpha
        self.double_ticks.set_points(_segments(xs, self.y, self.y + DOUBLE_TICK_HEIGHT))
        self.double_ticks.set_stroke(opacity=alpha)
        band = self._band_outline.copy()
        right = max(min(cut, self.right), self.left + 1e-3)
        band[:, 0] = self.left + (band[:, 0] - self.left) * (right - self.left) / self.length
        self.band.set_points(band)
        shown = BAND_OPACITY * (1.0 - alpha) if self.show_doubles else 0.0
        if right - self.left < 0.01:  # nothing revealed yet: not even a sliver
            shown = 0.0
        self.band.set_fill(opacity=shown)

    def _label(self, value: Fraction) -> ExactDecimal:
        label = self._label_cache.get(value)
        if label is None:
            text = group_thousands(decimal_text(value))
            label = ExactDecimal(text, font_size=self.label_size, color=self.label_color)
            label.name = f"ruler label {text}"
            self._label_cache[value] = label
        return label

    def _draw_labels(self, cut: float) -> None:
        shown: list[ExactDecimal] = []
        # candidates: ticks whose level is at least a short label apart
        for tick in ruler_ticks(self.window, self.length, min_spacing=1.0):
            label = self._label(tick.value)
            need = label.width + LABEL_GAP
            fit = min(max((tick.spacing - need) / (LABEL_FADE * need), 0.0), 1.0)
            x = self.x_of(tick.value)
            room = min(
                x - label.width / 2 - (self.left - LABEL_OVERHANG),
                (self.right + LABEL_OVERHANG) - (x + label.width / 2),
                cut - x if cut < self.right else math.inf,
            )
            edge = min(max(room / 0.3, 0.0), 1.0)
            opacity = fit * edge
            if opacity <= 0.0:
                continue
            label.move_to(np.array([x, self.y - RULER_TICK_HEIGHT - 0.14, 0.0]), aligned_edge=UP)
            label.set_fill(opacity=opacity).set_stroke(opacity=opacity)
            shown.append(label)
        keep = {id(m) for m in shown}
        for old in self.labels.submobjects:
            if id(old) not in keep:  # no longer in the drawing: must not linger in a frame
                old.set_fill(opacity=0.0).set_stroke(opacity=0.0)
        self.labels.submobjects = list(shown)

    def _place(self, marker: NumberLineMarker) -> None:
        x = self.x_of(marker.value)
        marker.stand_at(np.array([x, self.y, 0.0]))
        room = min(x - self.left, self.right - x)
        cut = self.left + self.revealed * self.length
        marker.set_visibility(
            marker.visibility_goal * min(max(room / MARKER_EDGE_FADE, 0.0), 1.0) * (x <= cut)
        )

    # --- markers ---------------------------------------------------------------------------
    def add_marker(
        self,
        key: str,
        value: Real,
        *,
        color: ManimColor,
        label: VMobject | None = None,
        height: float = 1.0,
        style: str = "pin",
    ) -> NumberLineMarker:
        """Put a marker at ``value`` (hidden until an animation such as :meth:`drop` shows
        it); returns it."""
        if key in self._by_key:
            raise ValueError(f"a marker {key!r} is already on the line")
        marker = NumberLineMarker(value, color=color, label=label, height=height, style=style)
        marker.visibility_goal = 0.0
        self._by_key[key] = marker
        self.markers.add(marker)
        self._place(marker)
        return marker

    def marker(self, key: str) -> NumberLineMarker:
        """The marker called ``key``."""
        return self._by_key[key]

    def drop(self, key: str, *, distance: float = 0.8, **kwargs: Any) -> Animation:
        """The marker falls onto its value and appears."""
        return _Drop(self, self._by_key[key], distance, **kwargs)

    def slide(self, key: str, value: Real, **kwargs: Any) -> Animation:
        """The marker slides along the axis to ``value`` (exact all the way)."""
        return self.travel(key, [value], **kwargs)

    def travel(self, key: str, values: Sequence[Real], **kwargs: Any) -> Animation:
        """The marker visits ``values`` one after another, each leg taking an equal share of
        the run time and easing into its stop."""
        return _Travel(self, self._by_key[key], [as_fraction(v) for v in values], **kwargs)

    def hide(self, key: str, **kwargs: Any) -> Animation:
        """The marker fades out (it stays on the line, hidden)."""
        return _Fade(self, self._by_key[key], 0.0, **kwargs)

    # --- animations of the whole line ----------------------------------------------------
    def zoom(self, path: ZoomPath, **kwargs: Any) -> Animation:
        """Move the window along ``path``: ticks re-space, labels re-typeset, markers follow."""
        return _Zoom(self, path, **kwargs)

    def reveal(self, part: str = "ruler", **kwargs: Any) -> Animation:
        """Draw the line from left to right: ``part="ruler"`` the axis, ticks and labels,
        ``"doubles"`` the doubles above the axis, ``"both"`` everything at once."""
        if part not in ("ruler", "doubles", "both"):
            raise ValueError(f"unknown part {part!r}")
        return _Reveal(self, part, **kwargs)

    # --- read back from the screen -----------------------------------------------------------
    def _foot_x(self, key: str) -> float:
        return float(self._by_key[key].foot()[0])

    @reads_screen("geometry")
    def value_shown(self, key: str) -> float:
        """The value under marker ``key``, read from where it stands through the line."""
        return float(self.value_at_x(self._foot_x(key)))

    @reads_screen("geometry")
    def offset_shown(self, key_from: str, key_to: str) -> float:
        """The value between two markers (``to − from``), exact until the final float."""
        return float(
            self.value_at_x(self._foot_x(key_to)) - self.value_at_x(self._foot_x(key_from))
        )

    @reads_screen("geometry")
    def offset_from_shown(self, origin: Real, key: str) -> float:
        """How far marker ``key`` stands from the value ``origin`` (a ruler value), read
        through the line."""
        return float(self.value_at_x(self._foot_x(key)) - as_fraction(origin))

    def double_tick_xs(self) -> list[float]:
        """Screen ``x`` of every double tick drawn visibly (none while they are a band)."""
        if self._double_alpha <= theme.VISIBLE_OPACITY or not len(self.double_ticks.points):
            return []
        return [float(x) for x in self.double_ticks.points[::4, 0]]

    @reads_screen("count")
    def double_count_shown(self) -> int:
        """How many doubles are drawn as separate ticks."""
        return len(self.double_tick_xs())

    @reads_screen("geometry")
    def double_spacing_shown(self) -> float:
        """The spacing of the drawn double ticks near the middle of the window, read through
        the line (exact differences of the values under neighbouring ticks)."""
        xs = self.double_tick_xs()
        if len(xs) < 2:
            raise ValueError("fewer than two doubles are drawn as ticks")
        mid = (self.left + self.right) / 2
        i = min(range(len(xs) - 1), key=lambda k: abs((xs[k] + xs[k + 1]) / 2 - mid))
        return float(self.value_at_x(xs[i + 1]) - self.value_at_x(xs[i]))

    @reads_screen("geometry")
    def ticks_between_shown(self, key_from: str, key_to: str) -> float:
        """How many double ticks apart two markers stand: their screen distance over the
        drawn ticks' pitch (the median gap between neighbouring ticks on screen)."""
        xs = self.double_tick_xs()
        if len(xs) < 2:
            raise ValueError("fewer than two doubles are drawn as ticks")
        pitch = float(np.median(np.diff(xs)))
        return (self._foot_x(key_to) - self._foot_x(key_from)) / pitch

    @reads_screen("geometry")
    def width_shown(self) -> float:
        """The window's width, read as the value at the right end minus the value at the left."""
        return float(self.value_at_x(self.right) - self.value_at_x(self.left))

    def visible_labels(self) -> list[ExactDecimal]:
        """The ruler labels a viewer can see now, left to right."""
        found = [
            m
            for m in self.labels.submobjects
            if float(m.get_fill_opacity()) > theme.VISIBLE_OPACITY
        ]
        return sorted(cast(list[ExactDecimal], found), key=lambda m: float(m.get_center()[0]))

    def label_readings(self) -> list[Printed]:
        """The visible ruler labels, as typeset."""
        return [printed(m) for m in self.visible_labels()]

    @reads_screen("geometry")
    def label_values_shown(self) -> list[float]:
        """The value under each visible ruler label's centre, read through the line."""
        return [float(self.value_at_x(m.get_center()[0])) for m in self.visible_labels()]

    @reads_screen("geometry")
    def label_places_shown(self) -> list[float]:
        """Where each visible ruler label stands along the line (0 at the left end, 1 at the
        right), from its position on screen."""
        return [(float(m.get_center()[0]) - self.left) / self.length for m in self.visible_labels()]

    def typed_label_places(self) -> Any:
        """Where each visible label's *typed* value belongs in the window (0–1), from its
        digits: a reading derived from the printed labels, to hold against
        :meth:`label_places_shown`."""
        readings = self.label_readings()
        places = [
            float(self.window.fraction_of(Fraction(r.text.replace(",", "")))) for r in readings
        ]
        if not readings:
            return derived("no labels shown", [], self.width_shown())
        return derived("typed label values placed in the window", places, *readings)


class _LineAnimation(Redraw):
    """An animation of the whole line that redraws it from scratch each frame."""

    def __init__(self, line: ZoomableNumberLine, **kwargs: Any) -> None:
        self.line = line
        super().__init__(line, **kwargs)


class _Zoom(_LineAnimation):
    def __init__(self, line: ZoomableNumberLine, path: ZoomPath, **kwargs: Any) -> None:
        self.path = path
        super().__init__(line, **kwargs)

    def begin(self) -> None:  # noqa: D102
        if self.path.start != self.line.window:
            raise ValueError("a zoom must start at the window the line shows")
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        # the ends exactly, whatever the rate function gives there (1 − cos(π/2) ≠ 1)
        progress = 0.0 if alpha <= 0 else 1.0 if alpha >= 1 else float(self.rate_func(alpha))
        self.line.set_window(self.path.window_at(progress))


class _Reveal(_LineAnimation):
    def __init__(self, line: ZoomableNumberLine, part: str, **kwargs: Any) -> None:
        self.part = part
        super().__init__(line, **kwargs)

    def _set(self, value: float) -> None:
        if self.part in ("ruler", "both"):
            self.line.revealed = value
        if self.part in ("doubles", "both"):
            self.line.doubles_revealed = value
        self.line.set_window(self.line.window)

    def begin(self) -> None:  # noqa: D102
        self._set(0.0)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        self._set(float(self.rate_func(alpha)))


class _Travel(_LineAnimation):
    def __init__(
        self,
        line: ZoomableNumberLine,
        marker: NumberLineMarker,
        values: list[Fraction],
        **kwargs: Any,
    ) -> None:
        self.marker, self.values = marker, values
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(line, **kwargs)

    def begin(self) -> None:  # noqa: D102
        self.stops = [self.marker.value, *self.values]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        legs = len(self.stops) - 1
        a = min(max(float(self.rate_func(alpha)), 0.0), 1.0)
        leg = min(int(a * legs), legs - 1)
        local = a * legs - leg
        eased = local * local * (3 - 2 * local)  # smooth in and out of every stop
        start, end = self.stops[leg], self.stops[leg + 1]
        self.marker.value = end if a >= 1.0 else start + Fraction(eased) * (end - start)
        self.line._place(self.marker)


class _Drop(_LineAnimation):
    def __init__(
        self, line: ZoomableNumberLine, marker: NumberLineMarker, distance: float, **kwargs: Any
    ) -> None:
        self.marker, self.distance = marker, distance
        super().__init__(line, **kwargs)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        a = float(self.rate_func(alpha))
        self.marker.visibility_goal = min(1.0, 2.0 * a)
        self.line._place(self.marker)
        self.marker.shift(UP * self.distance * (1 - a) ** 2)


class _Fade(_LineAnimation):
    def __init__(
        self, line: ZoomableNumberLine, marker: NumberLineMarker, goal: float, **kwargs: Any
    ) -> None:
        self.marker, self.goal = marker, goal
        super().__init__(line, **kwargs)

    def begin(self) -> None:  # noqa: D102
        self.start_goal = self.marker.visibility_goal
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102
        a = float(self.rate_func(alpha))
        self.marker.visibility_goal = self.start_goal + (self.goal - self.start_goal) * a
        self.line._place(self.marker)


def split_scientific(value: float, decimals: int) -> tuple[float, int]:
    """``value`` as ``(mantissa, exponent)`` with the mantissa rounded to ``decimals`` places
    and in ``[1, 10)`` after rounding (``9.96e-8`` with one decimal is ``(1.0, -7)``)."""
    if not value > 0 or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a positive finite number")
    exponent = math.floor(math.log10(value))
    mantissa = round(value / 10.0**exponent, decimals)
    if mantissa >= 10:
        mantissa, exponent = round(mantissa / 10, decimals), exponent + 1
    elif mantissa < 1:
        mantissa, exponent = round(mantissa * 10, decimals), exponent - 1
    return mantissa, exponent


class ScientificReadout(VGroup):
    """``label = m × 10^e`` with the mantissa and the exponent as readable numbers.

    Both are :class:`~mathviz.primitives.readout.LiveDecimal`, cheap to change every frame;
    :attr:`mantissa_value` and :attr:`exponent_value` read them back as typeset.
    """

    def __init__(
        self,
        label_tex: str,
        value: float = 1.0,
        *,
        decimals: int = 1,
        size: int = 34,
        color: ManimColor = theme.TEXT,
    ) -> None:
        super().__init__()
        self.decimals = decimals
        self.label = theme.tex(label_tex + "=", size=size, color=color)
        self.mantissa = LiveDecimal(
            1.0, num_decimal_places=decimals, font_size=size, color=color, group_with_commas=False
        )
        self.times = theme.tex(r"\times 10", size=size, color=color)
        self.exponent = LiveDecimal(
            0, num_decimal_places=0, font_size=int(size * 0.72), color=color
        )
        self.add(self.label, self.mantissa, self.times, self.exponent)
        self._follower: Callable[[Mobject], None] | None = None
        self.set_value(value)

    def set_value(self, value: float) -> ScientificReadout:
        """Show ``value`` now (the label stays where it is)."""
        mantissa, exponent = split_scientific(float(value), self.decimals)
        self.mantissa.set_value(mantissa)
        self.exponent.set_value(exponent)
        self.mantissa.next_to(self.label, RIGHT, buff=0.15)
        self.mantissa.align_to(self.label, DOWN)
        self.times.next_to(self.mantissa, RIGHT, buff=0.12)
        self.times.align_to(self.mantissa, DOWN)
        self.exponent.next_to(self.times, RIGHT, buff=0.05)
        self.exponent.align_to(self.times, UP).shift(0.12 * UP)
        return self

    @property
    def mantissa_value(self) -> Printed:
        """The mantissa as typeset."""
        return printed(self.mantissa)

    @property
    def exponent_value(self) -> Printed:
        """The exponent as typeset."""
        return printed(self.exponent)

    @property
    def parts(self) -> list[Printed]:
        """``[mantissa, exponent]`` as typeset."""
        return [self.mantissa_value, self.exponent_value]

    def follow(self, read: Callable[[], float]) -> ScientificReadout:
        """Show ``read()`` at every frame (an updater on the readout)."""
        self.stop_following()

        def update(_: Mobject) -> None:
            self.set_value(float(read()))

        self._follower = update
        self.add_updater(update)
        update(self)
        return self

    def stop_following(self) -> ScientificReadout:
        """Stop following (the readout keeps what it shows)."""
        if self._follower is not None:
            self.remove_updater(self._follower)
            self._follower = None
        return self
