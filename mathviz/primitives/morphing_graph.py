"""A function's graph on axes that morphs into other functions' graphs, with probe dots.

:class:`MorphingGraph` draws a :class:`~mathviz.maths.activations.SampledGraph` as a polyline
and carries one dot per marked input ``x``. A morph moves every point of the drawn curve
straight to the next graph's point (:func:`~mathviz.maths.activations.blend`), or walks the
curve through a family of graphs (the sigmoid stretched into tanh); at every frame each dot
is put where the *drawn* curve is at its ``x``, read back from the curve itself, so a
readout that follows a dot shows the height of the curve the viewer sees, in between two
functions too. :class:`CurveTangent` is a short segment riding the drawn curve with the
slope of the segment under it (ReLU's kink: the slope jumps from 0 to 1).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    AnimationGroup,
    Axes,
    Create,
    Dot,
    GrowFromCenter,
    ManimColor,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import NDArray

from mathviz import theme
from mathviz.maths.activations import SampledGraph, blend, height_at, slope_beside
from mathviz.primitives.motion import Redraw
from mathviz.primitives.plots import scene_points
from mathviz.primitives.readout import coords
from mathviz.readings import reads_screen

__all__ = ["MorphingGraph", "CurveTangent"]

Floats = NDArray[np.float64]


class _Morph(Redraw):
    """Carry a :class:`MorphingGraph` through ``graph_at(t)``, ``t`` from 0 to 1 (rate
    applied); ``graph_at`` is built when the animation *begins*, from the graph drawn then."""

    def __init__(
        self,
        graph: MorphingGraph,
        make: Callable[[SampledGraph], Callable[[float], SampledGraph]],
        **kwargs: Any,
    ) -> None:
        self.graph, self.make = graph, make
        self.graph_at: Callable[[float], SampledGraph] | None = None
        super().__init__(graph, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.graph_at = self.make(self.graph.graph)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        assert self.graph_at is not None
        self.graph.show_graph(self.graph_at(self.rate_func(alpha)))


class MorphingGraph(VGroup):
    """A sampled graph drawn on ``axes``, with a dot on the curve at each probe input.

    Parameters
    ----------
    axes
        The axes the graph is drawn through.
    graph
        The first function's sampled graph.
    probes
        The marked inputs ``x``; every graph shown must have a sample at each (pinned).
    probe_colors
        One colour per probe dot.
    color, stroke_width, dot_radius
        Styling of the curve and the dots.
    """

    def __init__(
        self,
        axes: Axes,
        graph: SampledGraph,
        probes: Sequence[float],
        probe_colors: Sequence[ManimColor],
        *,
        color: ManimColor = theme.CURVE,
        stroke_width: float = 5.0,
        dot_radius: float = 0.1,
    ) -> None:
        super().__init__()
        if len(probes) != len(probe_colors):
            raise ValueError("one colour per probe")
        self.axes = axes
        self.probe_xs = tuple(float(x) for x in probes)
        self.curve = VMobject(stroke_color=color, stroke_width=stroke_width)
        self.curve.name = "graph"
        self.dots = VGroup(
            *(
                Dot(radius=dot_radius, color=c, stroke_width=2, stroke_color=theme.BACKGROUND)
                for c in probe_colors
            )
        )
        self.add(self.curve, self.dots)
        self.graph = graph
        self.show_graph(graph)

    # --- drawing ----------------------------------------------------------------------------
    def show_graph(self, graph: SampledGraph) -> MorphingGraph:
        """Draw ``graph`` now, and put each dot on the drawn curve at its input."""
        for x in self.probe_xs:
            graph.index_of(x)  # every probe input must be a sample of the graph
        self.graph = graph
        self.curve.set_points_as_corners(
            scene_points(self.axes, np.column_stack([graph.xs, graph.ys]))
        )
        drawn = self.curve_shown()
        for dot, x in zip(self.dots, self.probe_xs, strict=True):
            dot.move_to(self.axes.c2p(x, height_at(drawn, x)))
        return self

    def create(self, run_time: float = 2.0) -> Animation:
        """Draw the curve from left to right, then pop the dots onto it."""
        return AnimationGroup(
            Create(self.curve, run_time=run_time),
            AnimationGroup(*(GrowFromCenter(d) for d in self.dots), lag_ratio=0.3),
            lag_ratio=0.75,
            group=self,
        )

    def morph_to(self, graph: SampledGraph, **kwargs: Any) -> Animation:
        """Move every point of the drawn curve straight to ``graph``'s point of the same index
        (a probe's point keeps its ``x``, so its height is the blend of the two values)."""

        def path(start: SampledGraph) -> Callable[[float], SampledGraph]:
            return lambda t: graph if t >= 1 else blend(start, graph, t)

        return _Morph(self, path, **kwargs)

    def morph_through(self, family: Callable[[float], SampledGraph], **kwargs: Any) -> Animation:
        """Draw ``family(t)`` at every frame, ``t`` from 0 to 1: a morph in which every frame
        is a member of the family (the curve must already show ``family(0)``)."""
        return _Morph(self, lambda _start: family, **kwargs)

    def ghost(self, opacity: float = 0.35) -> VMobject:
        """A thin, faint copy of the current curve to leave behind (not part of ``self``)."""
        copy = self.curve.copy()
        copy.set_stroke(width=2.5, opacity=opacity)
        copy.name = "ghost of an earlier graph"
        return copy

    # --- read back --------------------------------------------------------------------------
    @reads_screen("geometry")
    def curve_shown(self) -> Floats:
        """The drawn curve's vertices, ``(n, 2)``, through the axes."""
        pts = self.curve.points
        vertices = np.vstack([pts[0::4], pts[-1:]])
        return coords(self.axes, vertices)

    @reads_screen("geometry")
    def probe_shown(self, i: int) -> Floats:
        """Dot ``i``'s centre through the axes: ``(x, y)``."""
        return coords(self.axes, self.dots[i])

    @reads_screen("geometry")
    def probes_shown(self) -> Floats:
        """Every dot's centre through the axes, ``(k, 2)``."""
        return coords(self.axes, np.array([d.get_center() for d in self.dots]))

    @reads_screen("geometry")
    def height_shown(self, x: float) -> float:
        """The drawn curve's height at input ``x``."""
        return height_at(self.curve_shown(), x)

    @reads_screen("geometry")
    def probe_gaps_shown(self) -> Floats:
        """How far each dot is from the drawn curve, vertically (0 while it rides it)."""
        drawn = self.curve_shown()
        dots = self.probes_shown()
        return np.array([abs(y - height_at(drawn, x)) for x, y in dots])

    @reads_screen("geometry")
    def slope_shown(self, x: float, side: int) -> float:
        """The drawn curve's slope just left (``side = −1``) or right (``+1``) of ``x``."""
        return slope_beside(self.curve_shown(), x, side)

    @reads_screen("count")
    def dots_shown(self) -> int:
        """How many probe dots are drawn and visible."""
        return sum(1 for d in self.dots if d.width > 1e-6 and d.get_fill_opacity() > 0.05)


class CurveTangent(VMobject):
    """A short segment lying along a :class:`MorphingGraph`'s drawn curve at an input ``x``,
    with the slope of the curve's segment just right of ``x`` (at a kink: the new slope).

    Parameters
    ----------
    graph
        The graph it rides.
    x
        The starting input.
    length
        The segment's length in scene units.
    """

    def __init__(
        self,
        graph: MorphingGraph,
        x: float,
        *,
        length: float = 1.6,
        color: ManimColor = theme.GRADIENT,
        stroke_width: float = 5.0,
    ) -> None:
        super().__init__(stroke_color=color, stroke_width=stroke_width)
        self.graph, self.length = graph, float(length)
        self.name = "tangent"
        self.place(x)

    def place(self, x: float) -> CurveTangent:
        """Lie along the drawn curve at input ``x``."""
        self.x = float(x)
        axes = self.graph.axes
        slope = self.slope = float(self.graph.slope_shown(self.x, +1))
        centre = np.asarray(axes.c2p(self.x, self.graph.height_shown(self.x)), float)
        ahead = np.asarray(axes.c2p(self.x + 1.0, self.graph.height_shown(self.x) + slope), float)
        direction = (ahead - centre) / np.linalg.norm(ahead - centre)
        half = 0.5 * self.length * direction
        self.set_points_as_corners([centre - half, centre + half])
        return self

    def slide(self, x_to: float, **kwargs: Any) -> Animation:
        """Ride the curve from the current input to ``x_to``."""
        return _Slide(self, x_to, **kwargs)

    @reads_screen("geometry")
    def tangent_slope_shown(self) -> float:
        """The drawn segment's slope through the axes (rise over run of its two ends); while
        it is drawn as a single point, the slope it was placed with."""
        (x0, y0), (x1, y1) = coords(self.graph.axes, np.array([self.points[0], self.points[-1]]))
        if abs(x1 - x0) < 1e-12:  # drawn as a point (the first frame of a Create)
            return self.slope
        return float((y1 - y0) / (x1 - x0))

    @reads_screen("geometry")
    def pose_shown(self) -> Floats:
        """``[slope, height]``: the drawn segment's slope and the height of its midpoint,
        both through the axes (a tangent lying on the curve has the curve's slope and height
        at its input)."""
        return np.array([self.tangent_slope_shown(), self.centre_shown()[1]])

    @reads_screen("geometry")
    def centre_shown(self) -> Floats:
        """The segment's midpoint through the axes (where it touches the curve)."""
        return coords(self.graph.axes, self.get_center())


class _Slide(Redraw):
    def __init__(self, tangent: CurveTangent, x_to: float, **kwargs: Any) -> None:
        self.tangent, self.x_to = tangent, float(x_to)
        self.x_from = tangent.x
        super().__init__(tangent, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.x_from = self.tangent.x
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        self.tangent.place(self.x_from + (self.x_to - self.x_from) * t)
