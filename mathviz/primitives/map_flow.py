"""A linear map played as a flow, with labelled vectors riding the grid.

:class:`LinearMapDiagram` moves the plane along the straight line ``(1 − t) I + t M``. For a
lecture about what maps *do* that path can mislead: a quarter turn squashes the unit square
to half its area half-way, and a stretch-and-squash that keeps area swells it. Here a map is
played along its flow ``M(t) = exp(t log M)`` instead — a rotation turns, a scaling scales
geometrically, a shear shears — so a determinant of one keeps the area at one at every moment
and any other determinant ``d`` changes it steadily as ``d^t``. Grid, square and every arrow
are still carried by the same matrix on the same clock (:class:`CarryByMatrix`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from manim import RIGHT, Arrow, GrowArrow, MathTex, Mobject
from manim.animation.animation import Animation
from manim.utils.color import ManimColor, ParsableManimColor
from numpy.typing import ArrayLike
from scipy.linalg import expm, logm

from mathviz import theme
from mathviz.maths.linear import as_matrix
from mathviz.primitives.linear_map import CarryByMatrix, LinearMapDiagram

__all__ = ["flow_path", "FlowCarry", "FlowMapDiagram", "tip_label"]


def flow_path(matrix: ArrayLike) -> Callable[[float], np.ndarray]:
    """``t ↦ exp(t log M)``: the identity at ``t = 0``, ``M`` at ``t = 1``.

    Parameters
    ----------
    matrix
        A 2×2 matrix with a real logarithm (no eigenvalue on the closed negative real axis).

    Returns
    -------
    Callable
        The matrix at time ``t``; its determinant is ``det(M) ** t``.
    """
    m = as_matrix(matrix)
    log = np.real_if_close(logm(m), tol=1e6)
    if np.iscomplexobj(log) or not np.allclose(expm(log), m, atol=1e-9):
        raise ValueError(f"{m.tolist()} has no real logarithm to flow along")
    log = np.asarray(log, dtype=float)

    def at(t: float) -> np.ndarray:
        return np.asarray(expm(float(t) * log), dtype=float)

    return at


class FlowCarry(CarryByMatrix):
    """:class:`CarryByMatrix` along the flow ``exp(t log M)`` instead of the straight line."""

    def __init__(self, matrix: ArrayLike, *args: Any, **kwargs: Any) -> None:
        self.path = flow_path(matrix)
        super().__init__(matrix, *args, **kwargs)

    def matrix_at(self, t: float) -> np.ndarray:
        """``exp(t log M)`` in plane coordinates."""
        return self.path(t)


def tip_label(
    arrow: Arrow, tex: str, color: ManimColor, *, size: int = 38, gap: float = 0.12
) -> MathTex:
    """A label that stays just beyond ``arrow``'s tip, on a dark patch (grid lines go under
    it), wherever the arrow is carried: it follows through an updater."""
    label = theme.tex(tex, size=size, color=color)
    label.add_background_rectangle(color=theme.BACKGROUND, opacity=0.9, buff=0.05)

    def place(mob: Mobject) -> None:
        start, end = arrow.get_start(), arrow.get_end()
        d = end - start
        n = float(np.linalg.norm(d))
        u = d / n if n > 1e-9 else RIGHT
        # centre to the box's edge along u (the box's support in that direction)
        reach = 0.5 * (abs(u[0]) * mob.width + abs(u[1]) * mob.height)
        mob.move_to(end + u * (gap + reach))

    label.add_updater(place)
    place(label)
    return label


class FlowMapDiagram(LinearMapDiagram):
    """A :class:`LinearMapDiagram` whose maps flow (:class:`FlowCarry`), whose arrows are
    bolder, and whose vector v, unit square and extra *riders* (arrows such as the steps
    ``î + ĵ + ĵ`` that build v) appear on cue instead of with the grid.

    Parameters
    ----------
    vector, x_range, y_range, unit
        As for :class:`LinearMapDiagram`.
    stroke_width
        The arrows' stroke width.
    origin
        Where the plane's origin sits in the frame.
    """

    def __init__(
        self,
        vector: ArrayLike | None = (1.0, 2.0),
        *,
        x_range: tuple[float, float] = (-7.0, 7.0),
        y_range: tuple[float, float] = (-4.0, 4.0),
        unit: float = 1.0,
        stroke_width: float = 8.0,
        origin: ArrayLike = (0.0, 0.0, 0.0),
    ) -> None:
        self._stroke = stroke_width
        super().__init__(vector, x_range=x_range, y_range=y_range, unit=unit)
        self.shift(np.asarray(origin, dtype=float))  # every part, drawn yet or not
        # v and the square are drawn when the lecture introduces them
        self.remove(*(m for m in (self.square, self.v_arrow) if m is not None))
        self.riders: list[Arrow] = []

    def _arrow(self, end: ArrayLike, color: ParsableManimColor) -> Arrow:
        x, y = np.asarray(end, dtype=float)
        return self._arrow_between((0.0, 0.0), (x, y), color)

    def _arrow_between(
        self, start: ArrayLike, end: ArrayLike, color: ParsableManimColor, opacity: float = 1.0
    ) -> Arrow:
        arrow = Arrow(
            self.reference.c2p(*np.asarray(start, dtype=float)),
            self.reference.c2p(*np.asarray(end, dtype=float)),
            buff=0,
            color=color,
            stroke_width=getattr(self, "_stroke", 6.0),
            max_tip_length_to_length_ratio=0.22,
            max_stroke_width_to_length_ratio=10,
        )
        arrow.set_opacity(opacity)
        return arrow

    # --- drawing on cue ------------------------------------------------------------------
    def reveal_vector(self) -> Animation:
        """Grow v (it is carried from now on)."""
        if self.v_arrow is None:
            raise ValueError("this diagram has no vector v")
        self.add(self.v_arrow)
        return GrowArrow(self.v_arrow)

    def reveal_square(self) -> Mobject:
        """Put the unit square in, under the arrows; returns it (to fade in)."""
        self.insert(2, self.square)
        return self.square

    def add_rider(
        self, start: ArrayLike, end: ArrayLike, color: ParsableManimColor, opacity: float = 0.8
    ) -> Arrow:
        """An extra arrow from ``start`` to ``end`` (plane coordinates, before any map), drawn
        where the maps applied so far carry it, and carried by every later map."""
        m = self._matrix
        arrow = self._arrow_between(
            m @ np.asarray(start, dtype=float), m @ np.asarray(end, dtype=float), color, opacity
        )
        self.riders.append(arrow)
        self.add(arrow)
        return arrow

    def drop_riders(self) -> list[Arrow]:
        """Stop carrying the riders; returns them (still drawn: fade them, then ``remove``
        them from the diagram — never take a part out of the scene on its own)."""
        riders, self.riders = self.riders, []
        return riders

    def ghost(self, arrow: Arrow, color: ManimColor, opacity: float = 0.9) -> Arrow:
        """A still copy of ``arrow`` as drawn now, in ``color``: not part of the diagram."""
        copy = arrow.copy()
        copy.clear_updaters()
        copy.set_color(color).set_opacity(opacity)
        return copy

    # --- transformations -----------------------------------------------------------------
    def apply(self, matrix: ArrayLike, run_time: float = 2.0) -> Animation:
        """Carry grid, square, î, ĵ, v and the riders along the flow of ``matrix`` (composed
        after what is applied), all by the same ``M(t)`` at every moment."""
        m = as_matrix(matrix)
        self._matrix = m @ self._matrix
        arrows = [
            a
            for a in (self.i_arrow, self.j_arrow, self.v_arrow)
            if a is not None and a in self.carried
        ]
        return FlowCarry(
            m,
            self.reference,
            shapes=[self.grid, self.square],
            arrows=[*arrows, *self.riders],
            group=self,
            run_time=run_time,
        )
