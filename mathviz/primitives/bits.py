"""A row of bit cells: binary digits that flip into place, light up and are read back.

:class:`BitRow` draws one rounded cell per bit of a pattern from :mod:`mathviz.maths.bits`
(most significant bit at the left), each holding its typeset digit, optionally with its
place value written above it, grouped into named fields (a float's sign, exponent and
mantissa) with a gap between fields and one colour per field. Its animations flip the cells
into place one after another, each digit appearing as its cell turns over
(:meth:`BitRow.flip_in`), and scan the row with a cursor that lights every 1-bit as it
arrives (:meth:`BitRow.scan`); :meth:`BitRow.field_label` braces a field and names it.

Everything it reports is read back from the drawing: the digits as typeset in the cells
(:meth:`BitRow.digits_shown`), which cells are lit (their drawn fill), the place values
typeset above the lit cells, and a field's lit bits read as a binary number.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    ManimColor,
    Mobject,
    RoundedRectangle,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.bits import Field, FloatBits, IntegerBits
from mathviz.primitives.plots import LabelledBrace
from mathviz.readings import PrintedArray, derived, printed, printed_all, reads_screen

__all__ = [
    "FIELD_COLORS",
    "LIT_OPACITY",
    "BitRow",
    "FieldLabel",
]

#: a float's fields, far apart in hue (CIE76 ΔE ≥ 40 between neighbours)
FIELD_COLORS: dict[str, ManimColor] = {
    "sign": theme.PROJECTION,
    "exponent": theme.VECTOR_SECOND,
    "mantissa": theme.VECTOR_SUM,
}
#: a lit cell's fill opacity (solid: its digit turns dark on it)
LIT_OPACITY = 0.9
#: a cell whose fill is at least this opaque is lit
_LIT_THRESHOLD = 0.5 * LIT_OPACITY
#: share of a cell's own slot it spends turning over when it flips into place
_FLIP_SHARE = 1.0
#: thinnest a flipping cell gets (a share of its height): never a degenerate line
_FLIP_MIN = 0.03


#: a brace under (or over) a field's cells and its name (``.brace``, ``.label``)
FieldLabel = LabelledBrace


class BitRow(VGroup):
    """One cell per bit, most significant at the left, centred on ``center``.

    Parameters
    ----------
    bits
        The pattern, most significant bit first.
    fields
        Named runs of the pattern (:class:`~mathviz.maths.bits.Field`), left to right; a gap
        of ``field_gap`` separates neighbouring fields. Empty: one field holding every bit.
    colors
        A colour per field name, or one colour for every cell.
    cell
        Distance between the centres of neighbouring cells (scene units); a cell is drawn
        ``0.88`` of it wide and tall.
    places
        Optional text written above each cell (its place value), one per bit.
    digit_size, place_size
        Font sizes of the digits and of the place values.
    """

    def __init__(
        self,
        bits: Sequence[int],
        *,
        fields: Sequence[Field] = (),
        colors: Mapping[str, ManimColor] | ManimColor = theme.ACCENT,
        cell: float = 0.6,
        field_gap: float = 0.3,
        center: Sequence[float] = (0.0, 0.0),
        places: Sequence[str] | None = None,
        digit_size: int = 40,
        place_size: int = 28,
    ) -> None:
        super().__init__()
        self.bits = tuple(int(b) for b in bits)
        if any(b not in (0, 1) for b in self.bits):
            raise ValueError("a bit is 0 or 1")
        n = len(self.bits)
        self.fields = tuple(fields) or (Field("bits", 0, n),)
        if [f.start for f in self.fields[1:]] != [f.stop for f in self.fields[:-1]] or (
            self.fields[0].start != 0 or self.fields[-1].stop != n
        ):
            raise ValueError("the fields must cover the pattern left to right, without gaps")
        if places is not None and len(places) != n:
            raise ValueError(f"one place value per bit: {n}, not {len(places)}")
        self.pitch, self.size = float(cell), 0.88 * float(cell)
        self._field_of = [next(f for f in self.fields if f.start <= i < f.stop) for i in range(n)]
        self.colors = [
            ManimColor(colors[f.name] if isinstance(colors, Mapping) else colors)
            for f in self._field_of
        ]
        # centres: a pitch apart, a gap between fields, the whole row centred on ``center``
        xs, x = [], 0.0
        for i in range(n):
            if i and self._field_of[i] is not self._field_of[i - 1]:
                x += field_gap
            xs.append(x)
            x += self.pitch
        mid = (xs[0] + xs[-1]) / 2
        cx, cy = float(center[0]), float(center[1])
        centres = np.array([[cx + xi - mid, cy, 0.0] for xi in xs])

        self.cells = VGroup()
        self.digits = VGroup()
        self.places = VGroup()
        template = RoundedRectangle(
            width=self.size, height=self.size, corner_radius=0.14 * self.size
        )
        self._outline = template.points - template.get_center()
        for i, (bit, color) in enumerate(zip(self.bits, self.colors, strict=True)):
            box = RoundedRectangle(
                width=self.size, height=self.size, corner_radius=0.14 * self.size
            )
            box.set_points(self._outline + centres[i])
            box.set_stroke(color, width=3, opacity=1.0).set_fill(color, opacity=0.0)
            self.cells.add(box)
            digit = theme.tex(str(bit), size=digit_size).move_to(centres[i])
            self.digits.add(digit)
            if places is not None:
                label = theme.tex(places[i], size=place_size, color=theme.MUTED)
                label.next_to(box, UP, buff=0.18)
                self.places.add(label)
        #: each digit's outline about its cell's centre (the row may move; this does not)
        self._digit_offsets = [
            [m.points - centres[i] for m in d.family_members_with_points()]
            for i, d in enumerate(self.digits)
        ]
        #: the scan cursor: an outline just outside the cell being read (hidden at rest)
        cursor = RoundedRectangle(
            width=self.size + 0.14, height=self.size + 0.14, corner_radius=0.18 * self.size
        )
        cursor.set_stroke(theme.TEXT, width=5, opacity=0.0).set_fill(opacity=0.0)
        cursor.move_to(centres[0])
        self.cursor = cursor
        self.add(self.cells, self.digits, self.places, self.cursor)

    # --- geometry -----------------------------------------------------------------------
    def _centre_of(self, i: int) -> np.ndarray:
        """The centre of cell ``i`` where it is drawn (a flipping cell keeps its centre)."""
        box = self.cells[i]
        return np.asarray((box.get_corner(DOWN + LEFT) + box.get_corner(UP + RIGHT)) / 2)

    @property
    def centres(self) -> np.ndarray:
        """The centres of the cells where they are drawn now, left to right."""
        return np.array([self._centre_of(i) for i in range(len(self.bits))])

    # --- construction helpers ----------------------------------------------------------------
    @classmethod
    def of_integer(cls, number: IntegerBits, **kwargs: Any) -> BitRow:
        """The bits of an unsigned integer, each with its place value written above it."""
        kwargs.setdefault("places", [str(p) for p in number.place_values])
        return cls(number.bits, **kwargs)

    @classmethod
    def of_float(cls, number: FloatBits, **kwargs: Any) -> BitRow:
        """The bits of an IEEE-754 value, grouped as sign | exponent | mantissa."""
        kwargs.setdefault("colors", FIELD_COLORS)
        return cls(number.bits, fields=number.fields, **kwargs)

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"no field {name!r}")

    def field_cells(self, name: str) -> VGroup:
        """The cells of one field (to brace or highlight them)."""
        f = self.field(name)
        return VGroup(*self.cells[f.start : f.stop])

    def field_label(
        self, name: str, label: VMobject, *, direction: np.ndarray = DOWN, buff: float = 0.1
    ) -> FieldLabel:
        """A brace along one field's cells (``DOWN`` or ``UP`` of them) with ``label`` beyond."""
        brace = Brace(self.field_cells(name), direction=direction, buff=buff, color=theme.MUTED)
        label.next_to(brace, direction, buff=0.1)
        return FieldLabel(brace, label)

    def hide_digits(self) -> BitRow:
        """Empty cells, digits hidden: the state :meth:`flip_in` starts from."""
        for digit in self.digits:
            digit.set_opacity(0.0)
        for box in self.cells:
            box.set_stroke(opacity=0.0)
        return self

    # --- animations ---------------------------------------------------------------------
    def flip_in(self, *, lag_ratio: float = 0.15, run_time: float = 2.0) -> Animation:
        """Animation turning every cell over, left to right: each appears edge-on, turns to
        face the viewer and shows its digit from the moment it is half way round. Starts
        from :meth:`hide_digits` (called here)."""
        self.hide_digits()
        return _Flip(self, lag_ratio=lag_ratio, run_time=run_time)

    def scan(self, indices: Sequence[int] | None = None, *, run_time: float = 2.0) -> _Scan:
        """Animation moving a cursor over the cells ``indices`` (default: all, left to
        right), one slot each: a 1-bit lights (solid fill, dark digit) the moment the cursor
        reaches it. ``.moments`` gives the share of the run time at which each cell is
        reached."""
        order = list(range(len(self.bits))) if indices is None else [int(i) for i in indices]
        if not order:
            raise ValueError("nothing to scan")
        return _Scan(self, order, run_time=run_time)

    def light_now(self, indices: Sequence[int]) -> BitRow:
        """Light the 1-bits among ``indices`` at once (no animation)."""
        for i in indices:
            if self.bits[i]:
                self._set_lit(i, True)
        return self

    def _set_lit(self, i: int, lit: bool) -> None:
        self.cells[i].set_fill(self.colors[i], opacity=LIT_OPACITY if lit else 0.0)
        self.digits[i].set_color(theme.BACKGROUND if lit else theme.TEXT)

    def _squash(self, i: int, share: float) -> None:
        """Draw cell ``i`` (and its digit) squashed to ``share`` of its height."""
        centre = self._centre_of(i)
        scale = np.array([1.0, share, 1.0])
        self.cells[i].set_points(self._outline * scale + centre)
        parts = self.digits[i].family_members_with_points()
        for part, offsets in zip(parts, self._digit_offsets[i], strict=True):
            part.set_points(offsets * scale + centre)

    # --- reading back -------------------------------------------------------------------
    def _visible(self, i: int) -> bool:
        digit = self.digits[i]
        opacity = max(
            (float(np.max(p.get_fill_opacities(), initial=0.0)) for p in digit.get_family()),
            default=0.0,
        )
        return opacity > theme.VISIBLE_OPACITY and digit.height > 1e-3

    def _lit(self, i: int) -> bool:
        box = self.cells[i]
        return float(np.max(box.get_fill_opacities(), initial=0.0)) >= _LIT_THRESHOLD

    def digits_shown(self, name: str | None = None) -> PrintedArray:
        """The digits as typeset in the cells that show one (of field ``name``, or all),
        left to right: a printed reading per digit."""
        span = range(len(self.bits)) if name is None else range(*_span(self.field(name)))
        return printed_all(self.digits[i] for i in span if self._visible(i))

    @reads_screen("count")
    def digit_count_shown(self, name: str | None = None) -> int:
        """How many cells (of field ``name``, or all) show a digit."""
        return len(self.digits_shown(name))

    @reads_screen("count")
    def lit_shown(self, name: str | None = None) -> list[int]:
        """Indices of the lit cells (of field ``name``, or all), from their drawn fill."""
        span = range(len(self.bits)) if name is None else range(*_span(self.field(name)))
        return [i for i in span if self._lit(i)]

    def lit_places_shown(self) -> list[Any]:
        """The place values typeset above the lit cells, left to right (printed readings)."""
        return [printed(self.places[i]) for i in self.lit_shown()]

    def lit_total_shown(self) -> Any:
        """The sum of the place values typeset above the lit cells (a derived reading; an
        empty sum reads the count of lit cells, zero)."""
        places = self.lit_places_shown()
        if not places:
            return derived("no lit cell", 0, self.lit_shown())
        return derived(
            "sum of the place values over the lit cells", sum(int(p) for p in places), *places
        )

    def field_value_shown(self, name: str, *, lit_only: bool = True) -> Any:
        """Field ``name`` read as a binary number from the digits typeset in its cells — only
        the lit ones when ``lit_only`` (the cursor has not reached the others): a derived
        reading of those digits."""
        f = self.field(name)
        digits = self.digits_shown(name)
        lit = set(self.lit_shown(name)) if lit_only else set(range(f.start, f.stop))
        if len(digits) != f.width:
            raise ValueError(f"field {name!r} shows {len(digits)} of its {f.width} digits")
        value = sum(
            int(d) << (f.stop - 1 - i)
            for i, d in zip(range(f.start, f.stop), digits, strict=True)
            if i in lit
        )
        return derived(f"{'lit ' if lit_only else ''}bits of the {name} as binary", value, digits)

    @reads_screen("geometry")
    def cursor_at_shown(self) -> int:
        """Index of the cell the cursor outline is centred on (−1 when it is hidden or between
        cells), from its drawn position."""
        if float(np.max(self.cursor.get_stroke_opacities(), initial=0.0)) <= 0.05:
            return -1
        d = np.linalg.norm(self.centres[:, :2] - self.cursor.get_center()[:2], axis=1)
        i = int(np.argmin(d))
        return i if d[i] < 1e-6 else -1


def _span(f: Field) -> tuple[int, int]:
    return f.start, f.stop


def _slice(i: int, n: int, lag: float, alpha: float) -> float:
    """Progress (0–1) of item ``i`` of ``n`` whose slots start ``lag`` of a slot apart."""
    slot = 1.0 / (1.0 + (n - 1) * lag) if n > 1 else 1.0
    return min(max((alpha - i * lag * slot) / slot, 0.0), 1.0)


class _Flip(Animation):
    """Cells turning over one after another; a digit shows from half way round."""

    def __init__(self, row: BitRow, *, lag_ratio: float, **kwargs: Any) -> None:
        self.row, self.lag = row, float(lag_ratio)
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(row, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        row, n = self.row, len(self.row.bits)
        alpha = float(self.rate_func(alpha))
        for i in range(n):
            p = _slice(i, n, self.lag, alpha)
            share = max(abs(math.cos(math.pi * p)), _FLIP_MIN)
            row._squash(i, 1.0 if p >= 1.0 else share)
            row.cells[i].set_stroke(opacity=1.0 if p > 0 else 0.0)
            row.digits[i].set_opacity(1.0 if p >= 0.5 else 0.0)


class _Scan(Animation):
    """A cursor stepping over cells; each 1-bit lights as the cursor reaches it."""

    def __init__(self, row: BitRow, order: list[int], **kwargs: Any) -> None:
        self.row, self.order = row, order
        n = len(order)
        #: share of the run time at which each cell in ``order`` is reached
        self.moments = [k / n for k in range(n)]
        kwargs.setdefault("rate_func", lambda t: t)
        super().__init__(row, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.row.cursor.move_to(self.row.centres[self.order[0]])
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        row, order, n = self.row, self.order, len(self.order)
        t = min(float(self.rate_func(alpha)) * n, n - 1.0)
        k = int(math.floor(t))
        frac = t - k
        # the cursor rests on cell k for the first part of its slot, then glides on
        glide = 0.0 if frac < 0.55 else (frac - 0.55) / 0.45
        glide = glide * glide * (3 - 2 * glide)
        a = row.centres[order[k]]
        b = row.centres[order[min(k + 1, n - 1)]]
        row.cursor.move_to(a + (b - a) * glide if glide < 1.0 else b)
        row.cursor.set_stroke(opacity=0.0 if alpha >= 1.0 else 1.0)
        for j, i in enumerate(order):
            if row.bits[i]:
                row._set_lit(i, j <= k)
