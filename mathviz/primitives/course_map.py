"""The course map drawn as a layered graph, with a token that walks a study order.

:class:`CourseMapView` is a :class:`~mathviz.primitives.graph_view.GraphView` of the levels'
dependency graph (:mod:`mathviz.maths.course_map`) whose columns are the levels' depths: it
adds a ring (the *token*) that moves from level to level, and read-backs of each level's
column (from its disc's position) and of the order in which levels were lit (from successive
:meth:`~mathviz.primitives.graph_view.GraphView.lit_shown` readings).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from manim import (
    LEFT,
    Animation,
    AnimationGroup,
    Circle,
    FadeIn,
    ManimColor,
    Mobject,
    Succession,
    VGroup,
    Wait,
)
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.course_map import CourseMap, layers
from mathviz.primitives.graph_view import GraphView
from mathviz.primitives.motion import Scripted, built
from mathviz.readings import derived, reads_screen

__all__ = ["map_positions", "CourseMapView", "Caption", "LogLights"]


def map_positions(course: CourseMap, lanes: Mapping[str, float]) -> dict[str, NDArray[np.float64]]:
    """Layout coordinates in [−1, 1]²: x from each level's depth (left to right), y from
    ``lanes`` (the drawing's choice of row)."""
    depth = layers(course.graph)
    deepest = max(depth.values())
    return {n: np.array([-1.0 + 2.0 * depth[n] / deepest, float(lanes[n])]) for n in course.levels}


class CourseMapView(GraphView):
    """The course's levels as numbered discs in columns, arrows for prerequisites.

    Parameters
    ----------
    course
        The model.
    lanes
        Each level's row in [−1, 1].
    **kwargs
        Passed to :class:`GraphView` (``centre``, ``width``, ``height``, ``node_radius`` …).
    """

    def __init__(self, course: CourseMap, lanes: Mapping[str, float], **kwargs: object) -> None:
        self.course = course
        self._positions = map_positions(course, lanes)
        super().__init__(course.graph, self._positions, **kwargs)  # type: ignore[arg-type]
        self.token = Circle(
            radius=self.node_radius + 0.1, stroke_color=theme.ACCENT, stroke_width=5
        )
        self.token.move_to(self.centre_of(course.levels[0]))
        self._lit_log: list[NDArray[np.int64]] = []

    # --- animations -----------------------------------------------------------------------
    def show_token(self) -> Animation:
        """Fade the ring in around the first level."""
        return FadeIn(self.token, scale=1.4)

    def move_token(self, node: str) -> Animation:
        """Slide the ring onto ``node``."""
        return AnimationGroup(built(self.token.animate.move_to(self.centre_of(node))))

    def light_arrows(
        self, edges: Sequence[tuple[str, str]], color: ManimColor, width: float = 4.5
    ) -> Animation:
        """Recolour drawn arrows, their tips filled too (``light_edges`` strokes only)."""
        tips = [
            built(self.lines[e].tip.animate.set_fill(color, opacity=1.0))
            for e in edges
            if getattr(self.lines[e], "tip", None) is not None
        ]
        return AnimationGroup(self.light_edges(edges, color, width=width), *tips)

    # --- read-backs -----------------------------------------------------------------------
    @reads_screen("count")
    def levels_shown(self) -> int:
        """How many level discs are drawn and seen."""
        return sum(1 for d in self.discs.values() if is_visible(d))

    @reads_screen("geometry")
    def column_shown(self, node: str) -> int:
        """The column (depth) ``node``'s disc stands in, from its x position."""
        deepest = max(layers(self.course.graph).values())
        x = float(self.position_shown(node)[0])
        return int(round((x + 1.0) / 2.0 * deepest))

    @reads_screen("geometry")
    def token_at_shown(self) -> str:
        """Level whose disc the ring surrounds (empty if none)."""
        for n in self.graph.nodes:
            if np.linalg.norm(self.token.get_center() - self.centre_of(n)) < 1e-3:
                return n
        return ""

    def log_lights(self, color: ManimColor) -> None:
        """Remember which levels are lit in ``color`` now (call after each lighting step)."""
        self._lit_log.append(self.lit_shown(color))

    def order_shown(self) -> list[int]:
        """Levels (as numbers) in the order their lights came on, from the logged readings:
        a derived reading; levels lit in the same step keep node order."""
        if not self._lit_log:
            raise ValueError("no lights logged yet: call log_lights after each step")
        order: list[int] = []
        seen: set[int] = set()
        for lit in self._lit_log:
            for i, on in enumerate(lit):
                if on and i not in seen:
                    seen.add(i)
                    order.append(int(self.graph.nodes[i]))
        return derived(  # type: ignore[no-any-return]
            "levels in the order their lights came on", order, *self._lit_log
        )

    def lit_sequence(self) -> Sequence[NDArray[np.int64]]:
        """The logged lit vectors (one per step)."""
        return tuple(self._lit_log)


class Caption(VGroup):
    """One line of text pinned at its left end that changes by fading the old line out and
    the new one in (never two lines at once, also inside a :class:`~manim.Succession`, where
    a ``FadeIn`` would show its text before its turn)."""

    def __init__(self, anchor: Sequence[float], *, size: int = theme.BODY_SIZE) -> None:
        super().__init__()
        self.anchor = np.array([anchor[0], anchor[1], 0.0])
        self.size = size
        self.line: Mobject = theme.text(" ", size=size)
        self._place(self.line)
        self.add(self.line)

    def _place(self, line: Mobject) -> None:
        line.move_to(self.anchor, aligned_edge=LEFT)

    def swap_to(self, content: str, color: ManimColor = theme.TEXT) -> Animation:
        """Fade the current line out over the first half, then ``content`` in."""
        new = theme.text(content, size=self.size, color=color)
        self._place(new)
        state: dict[str, Mobject | None] = {"old": None}

        def update(t: float) -> None:
            if state["old"] is None:
                state["old"] = self.line
            if t < 0.5:
                self.line.set_opacity(1.0 - 2.0 * t)
                return
            if self.line is not new:
                self.remove(self.line)
                self.line = new
                self.add(new)
            new.set_opacity(2.0 * t - 1.0)

        return Scripted(self, update)


class LogLights(Succession):
    """A zero-length step that logs which levels are lit when it begins (put it after a
    lighting step inside a :class:`~manim.Succession`, for :meth:`CourseMapView.order_shown`)."""

    def __init__(self, view: CourseMapView, colour: ManimColor) -> None:
        self.view, self.colour = view, colour
        super().__init__(Wait(0.01))

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.view.log_lights(self.colour)
        super().begin()
