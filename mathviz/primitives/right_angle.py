"""Right-angle marks: the small squares that show two drawn directions meet at 90°.

:class:`RightAngleMarks` draws one mark per foot point on a pair of axes, its two legs along
two given directions (say, a level curve's tangent and a gradient arrow). The legs are laid
out on screen with equal lengths, along the directions as the axes draw them (on axes with
equal units a perpendicular pair gives a square), and what a mark shows is read back from
its drawn points (:meth:`RightAngleMarks.corner_angle_shown`,
:meth:`RightAngleMarks.legs_shown`).
"""

from __future__ import annotations

import numpy as np
from manim import AnimationGroup, Axes, Create, VGroup, VMobject
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.descent import angle_between
from mathviz.maths.vector_geometry import right_angle_corner
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["RightAngleMarks"]


class RightAngleMarks(VGroup):
    """One right-angle mark per foot point.

    Parameters
    ----------
    axes
        The axes the feet and directions are given in.
    feet
        Shape ``(n, 2)``: each mark's vertex, in axes coordinates.
    along, toward
        Shape ``(n, 2)``: the two directions each mark's legs follow, in axes coordinates
        (not necessarily unit length; meant to be perpendicular).
    size
        Leg length on screen (scene units).
    color, stroke_width
        The marks' stroke.
    """

    def __init__(
        self,
        axes: Axes,
        feet: ArrayLike,
        along: ArrayLike,
        toward: ArrayLike,
        *,
        size: float = 0.16,
        color: ParsableManimColor = theme.TEXT,
        stroke_width: float = 2.5,
    ) -> None:
        super().__init__()
        self.axes = axes
        f = np.asarray(feet, dtype=float).reshape(-1, 2)
        d1 = np.asarray(along, dtype=float).reshape(-1, 2)
        d2 = np.asarray(toward, dtype=float).reshape(-1, 2)
        if not len(f) == len(d1) == len(d2):
            raise ValueError("one foot, one 'along' and one 'toward' direction per mark")
        for foot, u, v in zip(f, d1, d2, strict=True):
            base = axes.c2p(*foot)
            # the directions as they appear on screen: the mark is square in the picture
            su = (axes.c2p(*(foot + u)) - base)[:2]
            sv = (axes.c2p(*(foot + v)) - base)[:2]
            corner = right_angle_corner(base[:2], su, sv, size)
            mark = VMobject(stroke_color=color, stroke_width=stroke_width)
            mark.set_points_as_corners([np.array([x, y, 0.0]) for x, y in corner])
            self.add(mark)

    def create(self, run_time: float = 1.5, lag_ratio: float = 0.2) -> Animation:
        """Draw the marks one after another."""
        return AnimationGroup(*(Create(m) for m in self), lag_ratio=lag_ratio, run_time=run_time)

    def _corner_points(self, index: int) -> NDArray[np.float64]:
        points = self[index].points  # two straight cubic pieces: outer end, corner, outer end
        drawn = np.array([points[0], points[3], points[-1]])
        return np.asarray(coords(self.axes, drawn), dtype=float)

    @reads_screen("geometry")
    def legs_shown(self, index: int) -> NDArray[np.float64]:
        """Unit directions of mark ``index``'s legs as drawn, in axes coordinates: row 0 is
        the side parallel to ``along``, row 1 the side parallel to ``toward``, each pointing
        the way its direction was given."""
        first, corner, last = self._corner_points(index)
        legs = np.array([corner - last, corner - first])
        return np.asarray(legs / np.linalg.norm(legs, axis=1, keepdims=True), dtype=np.float64)

    @reads_screen("geometry")
    def corner_angle_shown(self, index: int) -> float:
        """The angle (degrees) between mark ``index``'s two legs as drawn, in axes
        coordinates."""
        first, corner, last = self._corner_points(index)
        return angle_between(first - corner, last - corner)
