"""Labelled live numbers and read-back helpers shared by every primitive."""

from __future__ import annotations

import numpy as np
from manim import RIGHT, Axes, DecimalNumber, Mobject, NumberPlane, VGroup
from manim.animation.animation import Animation
from manim.animation.numbers import ChangeDecimalToValue

from mathviz import theme


class Readout(VGroup):
    """``label = 1.234`` with the number as a :class:`DecimalNumber` that can be read back."""

    def __init__(self, label_tex: str, value: float = 0.0, *, decimals: int = 3,
                 color=theme.TEXT, size: int = 34) -> None:
        self.label = theme.tex(label_tex + "=", size=size, color=color)
        self.number = DecimalNumber(value, num_decimal_places=decimals, font_size=size,
                                    color=color, include_sign=False)
        self.number.next_to(self.label, RIGHT, buff=0.15)
        super().__init__(self.label, self.number)

    @property
    def value(self) -> float:
        """The value the number currently shows."""
        return float(self.number.get_value())

    def set(self, value: float) -> "Readout":
        """Show ``value`` now (keeps the label in place)."""
        left = self.number.get_left()
        self.number.set_value(value)
        self.number.move_to(left, aligned_edge=np.array([-1.0, 0.0, 0.0]))
        return self

    def change_to(self, value: float) -> Animation:
        """Animation counting the number to ``value``."""
        return ChangeDecimalToValue(self.number, value)


def coords(axes: Axes | NumberPlane, mob_or_point: Mobject | np.ndarray) -> np.ndarray:
    """A point (or a mobject's centre) converted back to the coordinates of ``axes``."""
    point = mob_or_point.get_center() if isinstance(mob_or_point, Mobject) else mob_or_point
    return np.asarray(axes.p2c(point), dtype=float)[:2]
