"""A function of two inputs drawn in 3-D: its surface, a probe, a slicing plane and contours.

:class:`HeightSurface` is ``z = f(x, y)`` on :class:`~manim.ThreeDAxes` (it can rise out of
the floor). :class:`Probe` is a point of the floor with a stem up to the surface;
it glides between inputs and leaves pins behind. :class:`SlicingPlane` is a translucent plane
at a height that can rise, with the level curve where it meets a quadratic bowl drawn at
every moment; :meth:`SlicingPlane.drop` sends a copy of that curve straight down onto the
floor, where the copies build a contour map (:class:`ContourRing`).

Every position is read back through the axes (``point_to_coords``), so a checkpoint sees
the drawing, not the model.
"""

from __future__ import annotations

import numpy as np
from manim import (
    OUT,
    Animation,
    Dot3D,
    Line,
    ManimColor,
    Mobject,
    Surface,
    ThreeDAxes,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    VMobject,
)
from manim.utils.rate_functions import smooth
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.descent import QuadraticBowl
from mathviz.maths.surfaces import Height, bowl_level_set, segment
from mathviz.primitives.plots import scene_points
from mathviz.readings import reads_screen

__all__ = [
    "LEVEL_COLORS",
    "level_color",
    "HeightSurface",
    "Probe",
    "ContourRing",
    "SlicingPlane",
    "FloorMap",
    "ring_points",
]

#: contour levels from low to high, cool to warm (each clearly apart from its neighbours)
LEVEL_COLORS = (theme.PATH, theme.BASIS_I, theme.ACCENT, theme.GRADIENT)


def level_color(index: int) -> ManimColor:
    """The colour of the ``index``-th level from the bottom."""
    return LEVEL_COLORS[index % len(LEVEL_COLORS)]


def _floor_z(axes: ThreeDAxes) -> float:
    return float(axes.c2p(0, 0, 0)[2])


class HeightSurface(VGroup):
    """The surface ``z = f(x, y)`` over a rectangle of the floor.

    Parameters
    ----------
    axes
        Where to draw.
    f
        The height at one input ``(x, y)``.
    x_range, y_range
        The rectangle of inputs covered.
    resolution
        Faces along x and y (Cairo draws every face; keep it moderate).
    """

    def __init__(
        self,
        axes: ThreeDAxes,
        f: Height,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        *,
        resolution: tuple[int, int] = (24, 24),
        color: ManimColor = theme.AREA,
        opacity: float = 0.6,
    ) -> None:
        super().__init__()
        self.axes, self.f = axes, f
        self.surface = Surface(
            lambda u, v: axes.c2p(u, v, f(u, v)),
            u_range=x_range,
            v_range=y_range,
            resolution=resolution,
            fill_color=color,
            fill_opacity=opacity,
            checkerboard_colors=False,
            stroke_color=theme.GRID,
            stroke_width=0.6,
        )
        self.add(self.surface)

    def rise(self, run_time: float = 2.0) -> Animation:
        """Animation of the surface growing out of the flat floor to its full height."""
        family = [m for m in self.surface.get_family() if len(m.points)]
        shapes = [m.points.copy() for m in family]
        floor = _floor_z(self.axes)

        def grow(_: Mobject, alpha: float) -> None:
            for mob, pts in zip(family, shapes, strict=True):
                new = pts.copy()
                new[:, 2] = floor + max(alpha, 1e-3) * (pts[:, 2] - floor)
                mob.points = new

        grow(self.surface, 0.0)
        return UpdateFromAlphaFunc(self.surface, grow, run_time=run_time, rate_func=smooth)

    @reads_screen("geometry")
    def height_range_shown(self) -> np.ndarray:
        """Lowest and highest point of the drawn faces, as heights through the axes."""
        points = np.vstack([m.points for m in self.surface.get_family() if len(m.points)])
        z = np.asarray(self.axes.p2c(points), dtype=float)[:, 2]
        return np.array([z.min(), z.max()])


class Probe(VGroup):
    """An input ``(x, y)`` on the floor, a stem up to the surface and a dot at ``f(x, y)``.

    The floor dot and the top dot are re-placed from the current input at every change, so
    the stem always joins them and the top dot always sits on the surface.
    """

    def __init__(
        self,
        axes: ThreeDAxes,
        f: Height,
        start: ArrayLike,
        *,
        color: ManimColor = theme.TEXT,
        radius: float = 0.09,
    ) -> None:
        super().__init__()
        self.axes, self.f = axes, f
        self.xy = np.asarray(start, dtype=float)
        self.floor_dot = Dot3D(radius=radius * 0.8, color=color, resolution=(6, 6))
        self.top = Dot3D(radius=radius, color=color, resolution=(8, 8))
        self.stem = Line(stroke_color=color, stroke_width=2.5, stroke_opacity=0.8)
        self.add(self.stem, self.floor_dot, self.top)
        self.place(self.xy)

    def place(self, xy: ArrayLike) -> Probe:
        """Put the probe at input ``xy`` now."""
        self.xy = np.asarray(xy, dtype=float)
        x, y = (float(v) for v in self.xy)
        bottom = self.axes.c2p(x, y, 0.0)
        top = self.axes.c2p(x, y, self.f(x, y))
        self.floor_dot.move_to(bottom)
        self.top.move_to(top)
        self.stem.put_start_and_end_on(bottom, top + 1e-4 * OUT)
        return self

    def glide_to(self, target: ArrayLike, run_time: float = 2.0) -> Animation:
        """Animation of the probe sliding in a straight line across the floor to ``target``,
        its top dot riding the surface all the way."""
        start = self.xy.copy()
        end = np.asarray(target, dtype=float)

        def move(_: Mobject, alpha: float) -> None:
            self.place(segment(start, end, alpha))

        return UpdateFromAlphaFunc(self, move, run_time=run_time, rate_func=smooth)

    def travel(self, path: ArrayLike, run_time: float = 3.0) -> Animation:
        """Animation of the probe following a floor path ``(n, 2)`` at constant speed along
        its polyline (a level curve, say), its top dot riding the surface."""
        pts = np.asarray(path, dtype=float)
        lengths = np.r_[0.0, np.cumsum(np.linalg.norm(np.diff(pts, axis=0), axis=1))]
        lengths /= lengths[-1]

        def move(_: Mobject, alpha: float) -> None:
            k = int(np.clip(np.searchsorted(lengths, alpha, side="right") - 1, 0, len(pts) - 2))
            share = (alpha - lengths[k]) / max(lengths[k + 1] - lengths[k], 1e-12)
            self.place(segment(pts[k], pts[k + 1], float(np.clip(share, 0.0, 1.0))))

        return UpdateFromAlphaFunc(self, move, run_time=run_time, rate_func=smooth)

    def pin(self, color: ManimColor | None = None) -> VGroup:
        """A copy of the probe where it stands: a marker left behind on the surface."""
        marker = VGroup(self.stem.copy(), self.floor_dot.copy(), self.top.copy())
        if color is not None:
            marker.set_color(color)
        return marker

    @reads_screen("geometry")
    def position_shown(self) -> np.ndarray:
        """``(x, y, z)`` of the top dot, read back through the axes."""
        return np.asarray(self.axes.p2c(self.top.get_center()), dtype=float)

    @reads_screen("geometry")
    def floor_shown(self) -> np.ndarray:
        """``(x, y)`` of the floor dot, read back through the axes."""
        return np.asarray(self.axes.p2c(self.floor_dot.get_center()), dtype=float)[:2]


def _curve_points(axes: ThreeDAxes, xy: NDArray[np.float64], height: float) -> np.ndarray:
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    return scene_points(axes, np.column_stack([xy, np.full(len(xy), height)]))


class ContourRing(VMobject):
    """A closed level curve drawn as a polyline through exact points of the level set."""

    level: float

    def __init__(
        self, points: np.ndarray, level: float, color: ManimColor | None, width: float = 4
    ) -> None:
        super().__init__(stroke_color=color, stroke_width=width)
        self.level = float(level)
        self.set_points_as_corners(points)


class SlicingPlane(VGroup):
    """A translucent plane at height ``h`` and the level curve ``f = h`` where it cuts a bowl.

    The curve is redrawn from the plane's height at every frame (an updater), so while the
    plane rises the curve grows with it; :meth:`curve_shown` reads its points back.

    Parameters
    ----------
    axes
        Where to draw.
    bowl
        ``f = a x² + b y²``: its level sets are exact ellipses.
    x_range, y_range
        The extent of the plane on the floor.
    samples
        Points along the level curve.
    """

    def __init__(
        self,
        axes: ThreeDAxes,
        bowl: QuadraticBowl,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        *,
        samples: int = 97,
        color: ManimColor = theme.TEXT,
        opacity: float = 0.22,
    ) -> None:
        super().__init__()
        self.axes, self.bowl, self.samples = axes, bowl, samples
        self.level_tracker = ValueTracker(0.0)
        self.plane = Surface(
            lambda u, v: axes.c2p(u, v, 0.0),
            u_range=x_range,
            v_range=y_range,
            resolution=(6, 6),
            fill_color=color,
            fill_opacity=opacity,
            checkerboard_colors=False,
            stroke_color=color,
            stroke_width=0.5,
            stroke_opacity=0.5,
        )
        self.curve = ContourRing(np.zeros((2, 3)), 0.0, theme.TEXT, width=5)
        self.add(self.plane, self.curve)
        self.plane.add_updater(lambda m: self._lift(m))
        self.curve.add_updater(lambda m: self._trace(m))
        self._lift(self.plane)
        self._trace(self.curve)

    def _lift(self, plane: VMobject) -> None:
        target = float(self.axes.c2p(0, 0, self.level_tracker.get_value())[2])
        plane.shift((target - float(plane.get_center()[2])) * OUT)

    def _trace(self, curve: ContourRing) -> None:
        h = max(float(self.level_tracker.get_value()), 0.0)
        xy = bowl_level_set(self.bowl, h, self.samples)
        curve.set_points_as_corners(_curve_points(self.axes, xy, h))
        curve.level = h

    def set_color_for(self, color: ManimColor) -> SlicingPlane:
        """Draw the level curve in ``color`` (the colour of the level being cut)."""
        self.curve.set_stroke(color=color)
        return self

    def rise_to(self, level: float, run_time: float = 2.0) -> Animation:
        """Animation of the plane moving to height ``level``, the curve following it."""
        animation = self.level_tracker.animate.set_value(level).build()
        animation.run_time, animation.rate_func = run_time, smooth
        return animation

    def drop(self, run_time: float = 1.5) -> tuple[ContourRing, Animation]:
        """A copy of the current level curve and the animation sending it down to the floor."""
        h = float(self.level_tracker.get_value())
        ring = ContourRing(np.zeros((2, 3)), h, self.curve.get_stroke_color())
        ring.points = self.curve.points.copy()
        depth = float(self.axes.c2p(0, 0, h)[2]) - _floor_z(self.axes)
        animation = ring.animate.shift(-depth * OUT).build()
        animation.run_time, animation.rate_func = run_time, smooth
        return ring, animation

    @reads_screen("geometry")
    def height_shown(self) -> float:
        """The plane's height, read back through the axes."""
        return float(self.axes.p2c(self.plane.get_center())[2])

    @reads_screen("geometry")
    def curve_shown(self) -> np.ndarray:
        """The level curve's anchor points ``(x, y, z)``, read back through the axes."""
        return ring_points(self.axes, self.curve)


class FloorMap(VGroup):
    """The contour rings dropped onto the floor, kept together (and counted) as one map."""

    @reads_screen("count")
    def rings_shown(self) -> int:
        """How many rings are drawn and visible on the floor."""
        return sum(
            1
            for ring in self
            if isinstance(ring, ContourRing) and ring.get_stroke_opacity() > theme.VISIBLE_OPACITY
        )


@reads_screen("geometry")
def ring_points(axes: ThreeDAxes, ring: VMobject) -> np.ndarray:
    """The anchors of a drawn curve, converted back through ``axes`` (shape ``(n, 3)``)."""
    anchors = np.vstack([ring.points[::4], ring.points[-1:]])
    return np.asarray(axes.p2c(anchors), dtype=float).reshape(-1, 3)
