"""A grid of users, one small square each, lit where the user clicked.

Users arrive in reading order (row by row); an unlit square is a user who saw the
recommendation and did not click, a lit one a user who did. Which users click comes from a
seeded rank per user (:func:`mathviz.maths.hypothesis.click_order`): with ``k`` clicks the
users ranked below ``k`` are lit, so lowering ``k`` dims a few squares and keeps the rest.

The counts are read back from the drawing: how many squares of each kind are drawn.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from manim import ManimColor, VGroup, VMobject
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.hypothesis import clicked
from mathviz.primitives.motion import StateTween
from mathviz.readings import derived, reads_screen

__all__ = ["UserGrid"]

#: points per drawn square: four straight cubic segments of four control points each
_POINTS_PER_SQUARE = 16


def _squares(centres: NDArray[np.float64], side: float) -> NDArray[np.float64]:
    """Bezier points of axis-aligned squares of ``side`` around ``centres`` (n, 3)."""
    h = side / 2
    corners = np.array([[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]])
    # each edge as a cubic with its control points a third of the way along
    t = np.array([0.0, 1 / 3, 2 / 3, 1.0])[:, None]
    edge = np.concatenate([corners[i] + t * (corners[i + 1] - corners[i]) for i in range(4)])
    shape = np.column_stack([edge, np.zeros(len(edge))])  # (16, 3)
    points: NDArray[np.float64] = (centres[:, None, :] + shape[None, :, :]).reshape(-1, 3)
    return points


class UserGrid(VGroup):
    """``rows × cols`` users, drawn as the first ``seen`` of them with the ``clicks`` lowest
    ranked lit.

    Parameters
    ----------
    order
        One rank per user (``rows · cols`` of them), from
        :func:`~mathviz.maths.hypothesis.click_order`.
    clicks
        How many users clicked.
    rows, cols
        The grid's shape; users fill it row by row from the top left.
    pitch
        Distance between neighbouring squares' centres (scene units); each square is 80 %
        of it.
    seen
        How many users have arrived so far (default: none).
    """

    def __init__(
        self,
        order: ArrayLike,
        clicks: int,
        *,
        rows: int,
        cols: int,
        pitch: float = 0.15,
        color: ManimColor = theme.ACCENT,
        idle_color: ManimColor = theme.GRID,
        seen: int = 0,
    ) -> None:
        super().__init__()
        self.order = np.asarray(order, dtype=np.int64)
        if len(self.order) != rows * cols:
            raise ValueError("one rank per user of the grid is needed")
        self.rows, self.cols, self.pitch = rows, cols, float(pitch)
        self.seen, self.clicks = float(seen), float(clicks)
        r, c = np.divmod(np.arange(rows * cols), cols)
        self._centres = np.column_stack(
            [(c - (cols - 1) / 2) * pitch, ((rows - 1) / 2 - r) * pitch, np.zeros(rows * cols)]
        )
        self.idle = VMobject(fill_color=idle_color, fill_opacity=1.0, stroke_width=0)
        self.lit = VMobject(fill_color=color, fill_opacity=1.0, stroke_width=0)
        # an invisible frame that keeps the grid's size while few users are drawn
        self.frame = VMobject(stroke_width=0, fill_opacity=0)
        w, h = cols * pitch / 2, rows * pitch / 2
        self.frame.set_points_as_corners(
            np.array([[-w, -h, 0], [w, -h, 0], [w, h, 0], [-w, h, 0], [-w, -h, 0]], dtype=float)
        )
        self.add(self.frame, self.idle, self.lit)
        self.redraw()

    @property
    def n(self) -> int:
        """How many users the grid holds."""
        return self.rows * self.cols

    def redraw(self) -> None:
        """Draw the first ``round(seen)`` users, the ``round(clicks)`` lowest ranked lit."""
        seen = int(round(self.seen))
        hit = clicked(self.order, int(round(self.clicks)))
        arrived = np.arange(self.n) < seen
        # the frame's corners say where the grid is now (it may have been moved or scaled)
        left, bottom = self.frame.get_corner(np.array([-1.0, -1.0, 0.0]))[:2]
        right, top = self.frame.get_corner(np.array([1.0, 1.0, 0.0]))[:2]
        scale = (right - left) / (self.cols * self.pitch)
        centre = np.array([(left + right) / 2, (bottom + top) / 2, 0.0])
        centres = centre + scale * self._centres
        side = 0.8 * self.pitch * scale
        for mob, mask in ((self.idle, arrived & ~hit), (self.lit, arrived & hit)):
            if mask.any():
                mob.set_points(_squares(centres[mask], side))
            else:
                mob.clear_points()

    def arrive(self, run_time: float = 4.0) -> Animation:
        """Users arrive one by one at constant speed until all are drawn."""
        return StateTween(
            self, self, {"seen": float(self.n)}, self.redraw, run_time=run_time, rate_func=_linear
        )

    def click_to(self, clicks: int, run_time: float = 2.0) -> Animation:
        """Change how many users clicked, one square at a time."""
        return StateTween(self, self, {"clicks": float(clicks)}, self.redraw, run_time=run_time)

    @reads_screen("count")
    def users_shown(self) -> int:
        """How many user squares are drawn (lit or not)."""
        return self.clicks_shown() + len(self.idle.points) // _POINTS_PER_SQUARE

    @reads_screen("count")
    def clicks_shown(self) -> int:
        """How many lit squares are drawn."""
        return len(self.lit.points) // _POINTS_PER_SQUARE

    def rate_shown(self) -> Any:
        """The click-through rate drawn, in percent: lit squares over drawn squares (0 while
        none is drawn), a reading derived from the two counts."""
        users, clicks = self.users_shown(), self.clicks_shown()
        value = 100.0 * clicks / users if users else 0.0
        return derived("lit squares over drawn squares, in percent", value, users, clicks)


def _linear(t: float) -> float:
    return t
