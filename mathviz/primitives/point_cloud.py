"""A 2-D point cloud on a plane: centring, a rotating probe line with the points' shadows on
it, principal-axis arrows, and the points dropping onto the first axis.

The cloud is drawn from a small state (how far it has slid towards the origin, the probe's
angle, how far the points have dropped onto the probe), redrawn at every frame by
:class:`~mathviz.primitives.motion.StateTween`, so what is on screen is always the drawing of
one true state, in motion too. Every value is read back *through the plane*: the dots'
centres, the probe's drawn end points, the arrows' tips.

:class:`VarianceTrace` plots, on its own axes, the variance along the probe against the
probe's angle for every angle the probe has swept so far, with a dot at the current angle.

Typical use::

    cloud = PointCloud(plane, points)
    self.play(cloud.create()); self.play(cloud.centre())
    self.play(cloud.show_probe(0.0)); self.play(cloud.rotate_probe(180.0))
    self.checkpoint("mean", cloud.mean_shown(), expected=[0, 0], tol=1e-6)
"""

from __future__ import annotations

import numpy as np
from manim import (
    Axes,
    Dot,
    FadeIn,
    LaggedStart,
    Line,
    ManimColor,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike, NDArray

from mathviz import theme
from mathviz.maths.pca import direction, variance_along
from mathviz.primitives.motion import StateTween
from mathviz.primitives.plots import scene_points, set_segment
from mathviz.primitives.readout import coords
from mathviz.primitives.vectors import PlaneArrow, VectorPlane
from mathviz.readings import reads_screen

__all__ = ["PointCloud", "VarianceTrace"]

Array = NDArray[np.float64]


class _State:
    """What the drawing shows: slide towards the origin, probe angle, drop onto the probe."""

    def __init__(self) -> None:
        self.centred = 0.0
        self.angle = 0.0
        self.drop = 0.0
        self.probe = 0.0  # opacity of the probe line and its shadows
        self.lo = 0.0  # the range of angles the probe has swept (degrees)
        self.hi = 0.0


class PointCloud(VGroup):
    """Points drawn as dots on a :class:`VectorPlane`, with a probe line through the origin.

    Parameters
    ----------
    plane
        The plane the points are drawn on and read back through.
    points
        The data, shape (n, 2), in plane coordinates.
    color, probe_color
        Colour of the dots, and of the probe line with the shadows on it.
    radius
        Radius of a dot (scene units).
    """

    def __init__(
        self,
        plane: VectorPlane,
        points: ArrayLike,
        *,
        color: ManimColor = theme.VECTOR_SECOND,
        probe_color: ManimColor = theme.PROJECTION,
        radius: float = 0.075,
    ) -> None:
        super().__init__()
        self.plane = plane
        self.data = np.asarray(points, dtype=float)
        if self.data.ndim != 2 or self.data.shape[1] != 2:
            raise ValueError(f"expected points of shape (n, 2), got {self.data.shape}")
        self.data_mean = self.data.mean(axis=0)
        self.state = _State()
        self.probe_color = probe_color
        self.probe_line = Line(stroke_color=probe_color, stroke_width=3)
        self.connectors = VGroup(
            *(Line(stroke_color=probe_color, stroke_width=1.5) for _ in self.data)
        )
        self.shadows = VGroup(*(Dot(radius=radius * 0.7, color=probe_color) for _ in self.data))
        self.dots = VGroup(*(Dot(radius=radius, color=color) for _ in self.data))
        self.mean_marker = VGroup(
            Line(stroke_color=theme.TEXT, stroke_width=4),
            Line(stroke_color=theme.TEXT, stroke_width=4),
        )
        self.mean_marker.set_opacity(0.0)
        self.add(self.probe_line, self.connectors, self.shadows, self.dots, self.mean_marker)
        self.redraw()

    # --- the state's picture ----------------------------------------------------------------
    def positions(self) -> Array:
        """Where the dots are meant to be now, in plane coordinates (the model)."""
        slid = self.data - self.state.centred * self.data_mean
        if self.state.drop == 0.0:
            return np.asarray(slid, dtype=np.float64)
        u = direction(self.state.angle)
        feet = np.outer(slid @ u, u)
        return np.asarray(slid + self.state.drop * (feet - slid))

    def _probe_ends(self) -> tuple[Array, Array]:
        """The probe line's two ends: through the origin, as long as the plane allows."""
        u = direction(self.state.angle)
        (x0, x1), (y0, y1) = self.plane.x_range, self.plane.y_range
        reach = []
        for sign in (1.0, -1.0):
            d = sign * u
            limits = [
                (x1 if d[0] > 0 else x0) / d[0] if abs(d[0]) > 1e-9 else np.inf,
                (y1 if d[1] > 0 else y0) / d[1] if abs(d[1]) > 1e-9 else np.inf,
            ]
            reach.append(min(limits) - 0.15)
        return -reach[1] * u, reach[0] * u

    def redraw(self) -> None:
        """Draw the dots, the probe, its shadows and the mean marker from the state."""
        pos = self.positions()
        at = scene_points(self.plane.plane, pos)
        for dot, p in zip(self.dots, at, strict=True):
            dot.move_to(p)
        start, end = self._probe_ends()
        set_segment(self.probe_line, self.plane.c2p(*start), self.plane.c2p(*end))
        u = direction(self.state.angle)
        feet = np.outer(pos @ u, u)
        opacity = self.state.probe
        self.probe_line.set_stroke(opacity=opacity)
        feet_at = scene_points(self.plane.plane, feet)
        for shadow, connector, p, f in zip(self.shadows, self.connectors, at, feet_at, strict=True):
            shadow.move_to(f)
            shadow.set_fill(opacity=opacity)
            set_segment(connector, p, f)
            connector.set_stroke(opacity=0.45 * opacity * (1.0 - self.state.drop))
        centre = self.plane.c2p(*pos.mean(axis=0))
        arm = 0.16
        set_segment(
            self.mean_marker[0],
            centre + arm * np.array([-1, -1, 0]),
            centre + arm * np.array([1, 1, 0]),
        )
        set_segment(
            self.mean_marker[1],
            centre + arm * np.array([-1, 1, 0]),
            centre + arm * np.array([1, -1, 0]),
        )

    def _tween(self, run_time: float, **targets: float) -> Animation:
        def redraw() -> None:
            s = self.state
            s.lo, s.hi = min(s.lo, s.angle), max(s.hi, s.angle)
            self.redraw()

        return StateTween(self, self.state, targets, redraw, run_time=run_time)

    # --- animations -------------------------------------------------------------------------
    def create(self, run_time: float = 2.0) -> Animation:
        """The dots pop in one after another."""
        return LaggedStart(
            *(FadeIn(d, scale=0.3) for d in self.dots), lag_ratio=0.08, run_time=run_time
        )

    def show_mean(self, run_time: float = 0.8) -> Animation:
        """Fade the cross at the cloud's mean in."""
        return FadeIn(self.mean_marker.set_opacity(1.0), scale=2.0, run_time=run_time)

    def centre(self, run_time: float = 2.0) -> Animation:
        """Slide the whole cloud so that its mean sits on the origin."""
        return self._tween(run_time, centred=1.0)

    def show_probe(self, angle: float = 0.0, run_time: float = 1.0) -> Animation:
        """Fade in the probe line at ``angle`` degrees, with every point's shadow on it."""
        self.state.angle = self.state.lo = self.state.hi = float(angle)
        self.redraw()
        return self._tween(run_time, probe=1.0)

    def fade_probe(self, opacity: float, run_time: float = 1.0) -> Animation:
        """Fade the probe line and its shadows to ``opacity``."""
        return self._tween(run_time, probe=float(opacity))

    def rotate_probe(self, angle: float, run_time: float = 3.0) -> Animation:
        """Turn the probe to ``angle`` degrees; the shadows slide along with it."""
        return self._tween(run_time, angle=float(angle))

    def drop_onto_probe(self, run_time: float = 2.0) -> Animation:
        """Move every point onto its shadow: the projection onto the probe's line."""
        return self._tween(run_time, drop=1.0)

    def axis_arrows(
        self,
        directions: ArrayLike,
        lengths: ArrayLike,
        colors: tuple[ManimColor, ...],
        labels: tuple[str, ...],
    ) -> list[PlaneArrow]:
        """One arrow per direction from the origin, ``lengths`` long (plane units)."""
        arrows = []
        for d, length, color, label in zip(
            np.asarray(directions, dtype=float),
            np.asarray(lengths, dtype=float),
            colors,
            labels,
            strict=True,
        ):
            arrows.append(self.plane.arrow_to(length * d, color=color, label=label, label_size=34))
        return arrows

    # --- read back --------------------------------------------------------------------------
    @reads_screen("geometry")
    def points_shown(self) -> Array:
        """The dots' centres, in plane coordinates, shape (n, 2)."""
        return np.asarray(coords(self.plane.plane, np.array([d.get_center() for d in self.dots])))

    @reads_screen("geometry")
    def mean_shown(self) -> Array:
        """The mean of the drawn dots' positions."""
        return np.asarray(self.points_shown().mean(axis=0))

    @reads_screen("geometry")
    def mean_marker_shown(self) -> Array:
        """The centre of the drawn mean cross."""
        return np.asarray(coords(self.plane.plane, self.mean_marker.get_center()))

    @reads_screen("geometry")
    def probe_direction_shown(self) -> Array:
        """The drawn probe's unit direction, turned to point into the upper half-plane
        (a line has no orientation)."""
        start, end = (coords(self.plane.plane, p) for p in self.probe_line.get_start_and_end())
        d = np.asarray(end - start, dtype=float)
        d /= np.linalg.norm(d)
        return -d if d[1] < 0 or (d[1] == 0 and d[0] < 0) else d

    @reads_screen("geometry")
    def probe_angle_shown(self) -> float:
        """The drawn probe's angle from the x axis, in degrees in [0, 180)."""
        d = self.probe_direction_shown()
        return float(np.degrees(np.arctan2(d[1], d[0])) % 180.0)

    @reads_screen("geometry")
    def shadow_variance_shown(self) -> float:
        """Sample variance of the drawn shadows' positions along the drawn probe."""
        feet = coords(self.plane.plane, np.array([s.get_center() for s in self.shadows]))
        along = np.asarray(feet) @ self.probe_direction_shown()
        along = along - along.mean()
        return float(along @ along / (len(along) - 1))

    @reads_screen("geometry")
    def scores_shown(self) -> Array:
        """Each drawn dot's coordinate along the drawn probe (its position on that line)."""
        return np.asarray(self.points_shown() @ self.probe_direction_shown())

    @reads_screen("geometry")
    def off_probe_shown(self) -> float:
        """The largest distance of a drawn dot from the drawn probe's line."""
        d = self.probe_direction_shown()
        normal = np.array([-d[1], d[0]])
        return float(np.max(np.abs(self.points_shown() @ normal)))

    @reads_screen("count")
    def dots_shown(self) -> int:
        """How many dots are drawn and visible."""
        return sum(1 for d in self.dots if d.get_fill_opacity() > theme.VISIBLE_OPACITY)


class VarianceTrace(VGroup):
    """The variance along a :class:`PointCloud`'s probe against its angle, drawn for every
    angle the probe has swept, with a dot at the probe's current angle.

    The curve is the variance of the centred data along each swept angle (every
    ``step`` degrees and at both ends); the dot's height is the variance of the shadows
    as drawn. An updater redraws both at every frame while the trace is on screen.
    """

    def __init__(
        self, axes: Axes, cloud: PointCloud, *, color: ManimColor = theme.CURVE, step: float = 0.25
    ) -> None:
        super().__init__()
        self.axes, self.cloud, self.step = axes, cloud, float(step)
        self.curve = VMobject(stroke_color=color, stroke_width=4)
        self.dot = Dot(radius=0.08, color=cloud.probe_color)
        self.add(self.curve, self.dot)
        self.redraw()
        self.add_updater(lambda _: self.redraw())

    def redraw(self) -> None:
        """Draw the curve over the swept angles and the dot at the current one."""
        s = self.cloud.state
        angles = np.append(np.arange(s.lo, s.hi, self.step), s.hi)
        if len(angles) < 2:
            angles = np.array([s.lo, s.lo + 1e-3])
        heights = [variance_along(self.cloud.data, direction(a)) for a in angles]
        self.curve.set_points_as_corners(
            scene_points(self.axes, np.column_stack([angles, heights]))
        )
        angle = self.cloud.probe_angle_shown()
        if s.angle >= 180.0 - 1e-9:
            angle = 180.0  # the line at 180° is the line at 0°: keep the dot at the right end
        self.dot.move_to(self.axes.c2p(angle, float(self.cloud.shadow_variance_shown())))

    @reads_screen("geometry")
    def dot_shown(self) -> Array:
        """The dot's (angle, variance) read through the axes."""
        return np.asarray(coords(self.axes, self.dot))

    @reads_screen("geometry")
    def peak_shown(self) -> Array:
        """The highest point of the drawn curve: (angle, variance) through the axes."""
        pts = np.asarray(coords(self.axes, self.curve.points))
        return np.asarray(pts[int(np.argmax(pts[:, 1]))])

    @reads_screen("geometry")
    def swept_shown(self) -> Array:
        """The drawn curve's first and last angle."""
        pts = np.asarray(coords(self.axes, self.curve.points))
        return np.array([pts[:, 0].min(), pts[:, 0].max()])
