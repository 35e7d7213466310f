"""Labelled live numbers and read-back helpers shared by every primitive."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, cast

import numpy as np
import numpy.typing as npt
from manim import (
    DOWN,
    ORIGIN,
    RIGHT,
    UP,
    Axes,
    DecimalNumber,
    ManimColor,
    Mobject,
    NumberPlane,
    VGroup,
    VMobject,
    config,
)
from manim.animation.animation import Animation
from manim.constants import RendererType

from mathviz import theme
from mathviz.primitives.motion import Redraw
from mathviz.readings import Printed, printed, reads_screen

__all__ = [
    "forget_glyphs",
    "light_clone",
    "LiveDecimal",
    "PLAIN_NUMBERS_ENV",
    "live_number_class",
    "CountTo",
    "StepTo",
    "Readout",
    "DegreeReadout",
    "coords",
]

M = TypeVar("M", bound=Mobject)


def light_clone(mob: M) -> M:
    """A copy of ``mob``'s drawable tree that owns its points and colours and shares the rest.

    ``Mobject.copy`` deep-copies every attribute; for a TeX glyph that includes its TeX
    template and SVG bookkeeping, ~2 ms per character. A glyph shown in a live number only
    needs its own points (moved and scaled) and colour arrays (restyled); everything else is
    read-only and can be shared with the cached template.
    """
    clone = copy.copy(mob)
    for name, value in mob.__dict__.items():
        if isinstance(value, np.ndarray):
            setattr(clone, name, value.copy())
    clone.updaters = []
    clone.submobjects = [light_clone(sub) for sub in mob.submobjects]
    return clone


def forget_glyphs() -> None:
    """Empty the process's caches of number glyphs (manim's and :class:`LiveDecimal`'s), so
    that what follows typesets every glyph it shows, whatever ran before it in the process:
    a chapter's check records each formula it needs (its formula ledger)."""
    from manim.mobject.text import numbers

    numbers.string_to_mob_map.clear()
    LiveDecimal._glyphs.clear()


class LiveDecimal(DecimalNumber):
    """A :class:`~manim.DecimalNumber` that is cheap to change every frame, with the same pixels.

    Manim rebuilds the number on every ``set_value``: it deep-copies each glyph from its TeX
    cache (~2 ms per character), restyles the glyphs and recolours the whole family, ~12 ms
    for a six-character number. Here each glyph is cached once per character, font size and
    style, already scaled and coloured, and handed out as a :func:`light_clone`; only the
    layout is redone. A value that shows the same digits as before costs nothing at all.
    Units, ellipses, background rectangles and complex values take Manim's own path.
    """

    _glyphs: ClassVar[dict[tuple[object, ...], VMobject]] = {}

    def _string_to_mob(self, string: str, mob_class: type | None = None, **kwargs: Any) -> VMobject:
        key = (
            "raw",
            string,
            mob_class or self.mob_class,
            round(float(self._font_size), 6),
            tuple(sorted((k, repr(v)) for k, v in kwargs.items())),
        )
        template = LiveDecimal._glyphs.get(key)
        if template is None:
            template = super()._string_to_mob(string, mob_class, **kwargs)
            LiveDecimal._glyphs[key] = template
        return light_clone(template)

    def _style_key(self) -> tuple[object, ...]:
        return (
            self.fill_rgbas.tobytes(),
            self.stroke_rgbas.tobytes(),
            self.background_stroke_rgbas.tobytes(),
            repr(self.fill_opacity),
            repr(self.stroke_opacity),
            repr(self.background_stroke_opacity),
            float(self.stroke_width),
            float(self.background_stroke_width),
            float(self.sheen_factor),
            tuple(np.asarray(self.sheen_direction, dtype=float)),
        )

    def _styled_glyph(self, char: str, style: tuple[object, ...]) -> VMobject:
        key = ("styled", char, self.mob_class, round(float(self._font_size), 6), style)
        template = LiveDecimal._glyphs.get(key)
        if template is None:
            template = self._string_to_mob(char)
            # exactly what DecimalNumber.init_colors does to the family after a rebuild
            template.set_fill(color=self.fill_color, opacity=self.fill_opacity, family=True)
            template.set_stroke(
                color=self.stroke_color,
                width=self.stroke_width,
                opacity=self.stroke_opacity,
                family=True,
            )
            template.set_background_stroke(
                color=self.background_stroke_color,
                width=self.background_stroke_width,
                opacity=self.background_stroke_opacity,
                family=True,
            )
            template.set_sheen(
                factor=self.sheen_factor, direction=self.sheen_direction, family=True
            )
            LiveDecimal._glyphs[key] = template
        return light_clone(template)

    def _takes_manims_path(self, number: float) -> bool:
        return (
            isinstance(number, complex)
            or self.unit is not None
            or self.show_ellipsis
            or self.include_background_rectangle
            or config.renderer != RendererType.CAIRO
        )

    def _shows(self, string: str) -> bool:
        return string == getattr(self, "_shown", None) and len(self.submobjects) == len(string)

    def shows_already(self, number: float) -> bool:
        """Whether ``number`` would be typeset as the digits shown now (nothing to redraw)."""
        return not self._takes_manims_path(number) and self._shows(self._get_num_string(number))

    def set_value(self, number: float) -> LiveDecimal:
        """Show ``number``; same result as :meth:`DecimalNumber.set_value`, far cheaper."""
        if self._takes_manims_path(number):
            return super().set_value(number)
        string = self._get_num_string(number)
        if self._shows(string):
            self.number = number
            return self
        old_family = self.get_family()
        old_font_size = self.font_size
        anchor = self.get_edge_center(self.edge_to_fix)
        style = self._style_key()
        self.number = number
        self.submobjects = [self._styled_glyph(c, style) for c in string]
        self.arrange(buff=self.digit_buff_per_font_unit * self._font_size, aligned_edge=DOWN)
        self.move_to(ORIGIN)
        for i, c in enumerate(string):
            if c == "-" and len(string) > i + 1:
                self[i].align_to(self[i + 1], UP)
                self[i].shift(self[i + 1].height * DOWN / 2)
            elif c == ",":
                self[i].shift(self[i].height * DOWN / 2)
        self.initial_height = self.height
        self.font_size = old_font_size
        self.move_to(anchor, self.edge_to_fix)
        for mob in old_family:  # as Manim does: the old glyphs must not linger in a frame
            if mob is not self:
                mob.points[:] = 0
        self._shown = string
        return self


#: ``MATHVIZ_PLAIN_NUMBERS=1`` makes readouts use Manim's own DecimalNumber (the benchmark's
#: baseline); the pixels are the same either way
PLAIN_NUMBERS_ENV = "MATHVIZ_PLAIN_NUMBERS"


def live_number_class() -> type[DecimalNumber]:
    return DecimalNumber if os.environ.get(PLAIN_NUMBERS_ENV) == "1" else LiveDecimal


class CountTo(Redraw):
    """Count a :class:`~manim.DecimalNumber` to ``value``, starting from the value it shows
    when the animation *begins*.

    Manim's ``ChangeDecimalToValue`` takes its start value when it is *created*; in a
    succession of steps built up front, every step would jump back to the first value.
    """

    def __init__(self, number: DecimalNumber, value: float, **kwargs: Any) -> None:
        self.target_value = float(value)
        self.start_value = float(number.get_value())
        super().__init__(number, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start_value = float(cast(DecimalNumber, self.mobject).get_value())
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        number = cast(DecimalNumber, self.mobject)
        number.set_value(self.start_value + (self.target_value - self.start_value) * t)


class StepTo(Redraw):
    """Show a readout's old value until half way, then the new one (no values in between)."""

    def __init__(self, readout: Readout, value: float, **kwargs: Any) -> None:
        self.readout, self.target_value = readout, float(value)
        self.start_value = float(readout.number.get_value())
        super().__init__(readout.number, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start_value = float(cast(DecimalNumber, self.mobject).get_value())
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        shown = self.target_value if self.rate_func(alpha) >= 0.5 else self.start_value
        if float(cast(DecimalNumber, self.mobject).get_value()) != shown:
            self.readout.set(shown)


class Readout(VGroup):
    """``label = 1.234`` with the number as a :class:`DecimalNumber` that can be read back."""

    def __init__(
        self,
        label_tex: str,
        value: float = 0.0,
        *,
        decimals: int = 3,
        color: ManimColor = theme.TEXT,
        size: int = 34,
        unit: str | None = None,
        commas: bool = True,
    ) -> None:
        r"""
        Parameters
        ----------
        label_tex
            The label in TeX; `` = `` is appended.
        unit
            TeX after the number, e.g. ``r"^{\\circ}"`` for degrees.
        commas
            Group thousands with commas (``1,024``); ``False`` for counts such as dimensions.
        """
        self.label = theme.tex(label_tex + "=", size=size, color=color)
        self.number = live_number_class()(
            value,
            num_decimal_places=decimals,
            font_size=size,
            color=color,
            include_sign=False,
            unit=unit,
            group_with_commas=commas,
        )
        self.number.next_to(self.label, RIGHT, buff=0.15)
        super().__init__(self.label, self.number)

    @property
    def value(self) -> Printed:
        """The number as currently typeset (its digits, sign and precision): a printed reading."""
        return printed(self.number)

    # a readout's ``set`` takes its value: it shadows Mobject.set(**attributes) on purpose
    def set(self, value: float) -> Readout:  # type: ignore[override]
        """Show ``value`` now (keeps the label in place)."""
        if isinstance(self.number, LiveDecimal) and self.number.shows_already(value):
            self.number.number = value  # same digits: nothing moves, nothing to measure
            return self
        left = self.number.get_left()
        self.number.set_value(value)
        self.number.move_to(left, aligned_edge=np.array([-1.0, 0.0, 0.0]))
        return self

    def change_to(self, value: float) -> Animation:
        """Animation counting the number to ``value`` from whatever it shows when it starts.

        Only for a quantity that really passes through every value in between while the
        animation plays; a count that jumps (n = 4, 8, 16) takes :meth:`step_to`, and a
        number that describes moving geometry takes :meth:`follow`.
        """
        return CountTo(self.number, value)

    def step_to(self, value: float) -> Animation:
        """Animation that shows the old value for the first half and ``value`` from the
        middle on: for a counter whose in-between values do not exist (4 → 8 strips)."""
        return StepTo(self, value)

    def follow(self, read: Callable[[], float]) -> Readout:
        """Keep showing ``read()`` at every frame (an updater), e.g. the x of a moving dot
        read back through its axes: the number can never lag the geometry it describes.
        :meth:`stop_following` freezes it again.

        Manim suspends a mobject's updaters while an animation of a group containing it
        plays (``suspend_mobject_updating``): animate the geometry, not a group holding the
        readout, or pass ``suspend_mobject_updating=False``. An invariant comparing the
        readout with its geometry catches the mistake.
        """
        self.stop_following()

        def update(_: Mobject) -> None:
            self.set(float(read()))

        self._follower: Callable[[Mobject], None] | None = update
        self.number.add_updater(update)
        update(self.number)
        return self

    def stop_following(self) -> Readout:
        """Remove the updater of :meth:`follow` (the number keeps what it shows)."""
        follower = getattr(self, "_follower", None)
        if follower is not None:
            self.number.remove_updater(follower)
            self._follower = None
        return self


class DegreeReadout(Readout):
    """``label = 45.0°``: a :class:`Readout` of an angle in degrees."""

    def __init__(
        self,
        label_tex: str,
        value: float = 0.0,
        *,
        decimals: int = 1,
        color: ManimColor = theme.TEXT,
        size: int = 34,
    ) -> None:
        super().__init__(
            label_tex, value, decimals=decimals, color=color, size=size, unit=r"^{\circ}"
        )


@reads_screen("geometry")
def coords(axes: Axes | NumberPlane, mob_or_points: Mobject | npt.ArrayLike) -> np.ndarray:
    """A point (or a mobject's centre) converted back to the coordinates of ``axes``.

    An ``(n, 3)`` array of points gives an ``(n, 2)`` array, converted in one pass (a curve's
    anchors read one by one cost a projection per point and axis).
    """
    if isinstance(mob_or_points, Mobject):
        mob_or_points = mob_or_points.get_center()
    return np.asarray(axes.p2c(np.asarray(mob_or_points, dtype=float)), dtype=float)[..., :2]
