"""One point, several coordinate systems: a grid morphing into a custom basis, and polar.

:class:`BasisChangeGrid` draws the standard grid with a point, morphs a copy of the grid into
the grid of a basis ``B`` and walks ``c₁ b₁ + c₂ b₂`` to the point, tip to tail.
:class:`PolarGrid` draws circles and rays around the origin and a dot whose ``r`` and ``θ``
are shown live while it moves. Everything is read back through a fixed reference plane.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import cast

import numpy as np
from manim import (
    AnimationGroup,
    Arc,
    Arrow,
    Circle,
    Create,
    Dot,
    FadeIn,
    GrowArrow,
    GrowFromCenter,
    Line,
    Succession,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.color import ParsableManimColor
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths.coordinates import Basis2D, coefficient_along, from_polar, to_polar
from mathviz.primitives.linear_map import CarryByMatrix
from mathviz.primitives.motion import built
from mathviz.primitives.plots import number_plane
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import reads_screen

__all__ = ["BasisChangeGrid", "PolarGrid"]


class BasisChangeGrid(VGroup):
    """The standard grid with a point ``x``, ready to be re-gridded by a basis ``b₁, b₂``.

    Parts: ``reference`` (the standard grid, never moves; every read-back goes through it),
    ``skew_grid`` (a copy that :meth:`morph_to_basis` carries onto the grid of the basis),
    ``b1_arrow``/``b2_arrow`` (start as î and ĵ, become ``b₁`` and ``b₂``), ``dot`` (the
    point) and ``legs`` (the arrows of the latest :meth:`coordinates_walk`).

    Parameters
    ----------
    basis
        The basis to morph into (a :class:`Basis2D`, or the matrix ``[b₁ b₂]``).
    point
        The point ``x`` in standard coordinates.
    x_range, y_range
        Extent of both grids in standard coordinates (make it larger than the frame: the
        skew grid must still cover the frame after the morph).
    unit
        Scene units per coordinate unit.
    """

    def __init__(
        self,
        basis: Basis2D | ArrayLike,
        point: ArrayLike,
        *,
        x_range: tuple[float, float] = (-8.0, 14.0),
        y_range: tuple[float, float] = (-8.0, 10.0),
        unit: float = 1.0,
    ) -> None:
        super().__init__()
        self.basis = (
            basis
            if isinstance(basis, Basis2D)
            else Basis2D.of(
                np.asarray(basis, dtype=float)[:, 0], np.asarray(basis, dtype=float)[:, 1]
            )
        )
        self.point = np.asarray(point, dtype=float)
        self.reference = number_plane(
            x_range, y_range, unit, line_color=theme.GRID, axis_color=theme.MUTED, axis_width=2.0
        )
        self.skew_grid = number_plane(
            x_range,
            y_range,
            unit,
            line_color=theme.PROJECTION,
            axis_color=theme.PROJECTION,
            line_width=1.6,
            axis_width=2.6,
            line_opacity=0.0,
            axis_opacity=0.0,
        )
        self._current = np.eye(2)  # the basis the arrows and the walk currently use
        self.b1_arrow = self._arrow((0.0, 0.0), (1.0, 0.0), theme.BASIS_I)
        self.b2_arrow = self._arrow((0.0, 0.0), (0.0, 1.0), theme.BASIS_J)
        self.dot = Dot(self.reference.c2p(*self.point), radius=0.1, color=theme.VECTOR)
        self.legs = VGroup()
        self.spent_legs = VGroup()
        self.add(
            self.reference,
            self.skew_grid,
            self.spent_legs,
            self.legs,
            self.b1_arrow,
            self.b2_arrow,
            self.dot,
        )

    # --- construction -------------------------------------------------------------------
    def _arrow(
        self,
        start: Iterable[float],
        end: Iterable[float],
        color: ParsableManimColor,
        width: float = 7,
    ) -> Arrow:
        return Arrow(
            self.reference.c2p(*start),
            self.reference.c2p(*end),
            buff=0,
            color=color,
            stroke_width=width,
            max_tip_length_to_length_ratio=0.22,
            max_stroke_width_to_length_ratio=8,
        )

    def c2p(self, x: float, y: float) -> np.ndarray:
        """Scene point of standard coordinates ``(x, y)``."""
        return self.reference.c2p(x, y)

    def create(self) -> Animation:
        """Draw the standard grid, grow î and ĵ, then drop the point in."""
        return AnimationGroup(
            Create(self.reference, run_time=1.5),
            AnimationGroup(GrowArrow(self.b1_arrow), GrowArrow(self.b2_arrow)),
            GrowFromCenter(self.dot),
            lag_ratio=0.5,
            group=self,
        )

    # --- the morph ----------------------------------------------------------------------
    def morph_to_basis(self, run_time: float = 2.5) -> Animation:
        """Reveal a copy of the standard grid and carry it onto the grid of the basis; î and ĵ
        become ``b₁`` and ``b₂``. The reference grid dims; the point stays where it is."""
        m = self.basis.matrix
        self._current = m.copy()
        reveal = AnimationGroup(
            built(self.skew_grid.animate.set_stroke(opacity=0.85)),
            built(self.reference.animate.set_stroke(opacity=0.45)),
            run_time=0.8,
        )
        # one clock for grid and arrows: b₁, b₂ are the skew grid's (1, 0), (0, 1) throughout
        carry = CarryByMatrix(
            m,
            self.reference,
            shapes=[self.skew_grid],
            arrows=[self.b1_arrow, self.b2_arrow],
            group=self,
            run_time=run_time,
        )
        return Succession(reveal, carry, group=self)

    def square_up(self, run_time: float = 2.5) -> Animation:
        """Carry everything drawn in the basis (skew grid, basis arrows, walk, point) by
        ``B⁻¹``: the basis grid lands on the standard grid, ``b₁, b₂`` on î, ĵ, and the point
        on its coordinates ``c = B⁻¹ x``, read in the standard grid."""
        inverse = np.linalg.inv(self._current)
        self._current = np.eye(2)
        # one clock for everything: the point and the walk keep their skew-grid coordinates
        return CarryByMatrix(
            inverse,
            self.reference,
            shapes=[self.skew_grid],
            arrows=[self.b1_arrow, self.b2_arrow, *self.legs],
            dots=[self.dot],
            group=self,
            run_time=run_time,
        )

    # --- the walk -----------------------------------------------------------------------
    def coordinates_walk(
        self, readouts: tuple[Readout, Readout] | None = None, seconds_per_leg: float = 1.4
    ) -> Animation:
        """Walk ``c₁·b₁`` from the origin, then ``c₂·b₂`` from its tip, to the point.

        Uses the current basis (the standard one before :meth:`morph_to_basis`). The two
        ``readouts``, if given, count up to ``c₁`` and ``c₂`` while their leg grows. Any
        earlier walk must have been cleared with :meth:`clear_walk`.
        """
        if len(self.legs):
            raise RuntimeError("clear the previous walk first")
        waypoints = Basis2D(self._current).walk(self.point)
        c = Basis2D(self._current).coordinates_of(self.point)
        leg1 = self._arrow(waypoints[0], waypoints[1], theme.BASIS_I, width=5)
        leg2 = self._arrow(waypoints[1], waypoints[2], theme.BASIS_J, width=5)
        self.legs.add(leg1, leg2)
        steps = []
        for k, leg in enumerate((leg1, leg2)):
            parts: list[Animation] = [GrowArrow(leg)]
            if readouts is not None:
                parts.append(readouts[k].change_to(float(c[k])))
            steps.append(AnimationGroup(*parts, run_time=seconds_per_leg))
        # lag_ratio=1 plays the legs one after the other, but (unlike Succession) begins both
        # at once, so the second leg is hidden until it grows
        return AnimationGroup(*steps, lag_ratio=1.0, group=self)

    def clear_walk(self) -> Animation:
        """Fade out the legs of the last walk.

        The faded legs stay (invisible) inside the group rather than being removed from the
        scene: removing a part would split this group in the scene's list and the next
        animation of the whole grid would re-add it on top of everything drawn after it.
        """
        legs = list(self.legs)
        self.legs.remove(*legs)
        self.spent_legs.add(*legs)
        return AnimationGroup(*(built(leg.animate.set_opacity(0.0)) for leg in legs), group=self)

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def tip_shown(self, arrow: VMobject) -> np.ndarray:
        """An arrow's tip in standard coordinates, as drawn."""
        return coords(self.reference, arrow.get_end())

    @reads_screen("geometry")
    def skew_grid_image_shown(self, c: ArrayLike) -> np.ndarray:
        """Where the drawn skew grid puts its coordinates ``c`` now (the grid's own
        ``c2p``, through its drawn axes), in standard coordinates."""
        return coords(self.reference, self.skew_grid.c2p(*np.asarray(c, dtype=float)))

    @reads_screen("geometry")
    def point_shown(self) -> np.ndarray:
        """The point's position in standard coordinates, as drawn."""
        return coords(self.reference, self.dot)

    @reads_screen("geometry")
    def walk_tip_shown(self) -> np.ndarray:
        """Where the drawn walk ends, in standard coordinates."""
        if len(self.legs) != 2:
            raise RuntimeError("no walk drawn")
        return self.tip_shown(cast(Arrow, self.legs[1]))  # the legs are arrows (_arrow)

    @reads_screen("geometry")
    def walk_coefficients_shown(self) -> np.ndarray:
        """``(c₁, c₂)`` read off the drawing: each leg as a multiple of its drawn basis arrow."""
        if len(self.legs) != 2:
            raise RuntimeError("no walk drawn")
        out = []
        for leg, arrow in zip(self.legs, (self.b1_arrow, self.b2_arrow), strict=True):
            leg_vec = self.tip_shown(cast(Arrow, leg)) - coords(self.reference, leg.get_start())
            base = self.tip_shown(arrow) - coords(self.reference, arrow.get_start())
            out.append(coefficient_along(leg_vec, base))
        return np.array(out)

    @reads_screen("geometry")
    def grid_coordinates_shown(self) -> np.ndarray:
        """The point's coordinates read through the drawn skew grid: solve
        ``origin + c₁ e₁ + c₂ e₂ = point`` where ``e₁, e₂`` are the grid's drawn unit steps."""
        x_axis, y_axis = self.skew_grid.get_axes()
        origin = coords(self.reference, x_axis.n2p(0))
        e1 = coords(self.reference, x_axis.n2p(1)) - origin
        e2 = coords(self.reference, y_axis.n2p(1)) - coords(self.reference, y_axis.n2p(0))
        return np.linalg.solve(np.column_stack([e1, e2]), self.point_shown() - origin)


class PolarGrid(VGroup):
    """Circles ``r = 1, 2, …`` and rays every ``ray_step_degrees`` around the origin, with a dot,
    its radius segment and its angle arc. :meth:`move_to_angle` slides the dot along its
    circle while the readouts follow.

    Parameters
    ----------
    point
        The dot's starting point, in Cartesian coordinates.
    max_radius
        Radius of the outermost circle (and extent of the rays).
    unit
        Scene units per coordinate unit.
    readouts
        Optional live numbers keyed by ``"r"``, ``"theta"`` (degrees), ``"x"``, ``"y"``.
        At every frame they show the drawn dot's coordinates, read back through the plane.
        Add them to the scene *after* the grid, so they are redrawn while the grid animates.
    arc_radius
        Radius of the angle arc, in coordinate units (default :attr:`ARC_RADIUS`).
    """

    ARC_RADIUS = 0.9  # coordinate units

    def __init__(
        self,
        point: ArrayLike,
        *,
        max_radius: int = 5,
        ray_step_degrees: int = 30,
        unit: float = 0.65,
        readouts: Mapping[str, Readout] | None = None,
        arc_radius: float | None = None,
    ) -> None:
        super().__init__()
        self.arc_radius = self.ARC_RADIUS if arc_radius is None else float(arc_radius)
        extent = (-max_radius - 0.6, max_radius + 0.6)
        self.plane = number_plane(
            extent, extent, unit, line_color=theme.GRID_FAINT, axis_color=theme.MUTED
        )
        origin = self.plane.c2p(0, 0)
        self.circles = VGroup(
            *(
                Circle(radius=k * unit, arc_center=origin, stroke_color=theme.GRID, stroke_width=2)
                for k in range(1, max_radius + 1)
            )
        )
        self.rays = VGroup(
            *(
                Line(
                    origin,
                    self.plane.c2p(*from_polar(max_radius, math.radians(a))),
                    stroke_color=theme.GRID,
                    stroke_width=1.5,
                )
                for a in range(0, 360, ray_step_degrees)
            )
        )
        self.readouts = dict(readouts or {})
        unknown = set(self.readouts) - {"r", "theta", "x", "y"}
        if unknown:
            raise ValueError(f"unknown readouts {sorted(unknown)}")
        self.r, self.theta = to_polar(point)
        self.dot = Dot(radius=0.1, color=theme.DOT)
        self.radius_line = Line(origin, origin, stroke_color=theme.NORM_L2, stroke_width=5)
        self.arc = Arc(
            radius=self.arc_radius * unit,
            arc_center=origin,
            stroke_color=theme.PROJECTION,
            stroke_width=5,
        )
        self.marker = VGroup(self.radius_line, self.arc, self.dot)
        self._place(self.theta)
        self.add(self.plane, self.circles, self.rays, self.marker)

    def _place(self, theta: float) -> None:
        """Put dot, radius and arc at angle ``theta`` (radians) and update the readouts."""
        self.theta = theta
        origin = self.plane.c2p(0, 0)
        x, y = from_polar(self.r, theta)
        tip = self.plane.c2p(x, y)
        self.dot.move_to(tip)
        self.radius_line.put_start_and_end_on(origin, tip)
        unit = float(np.linalg.norm(self.plane.c2p(1, 0) - origin))
        self.arc.become(
            Arc(
                radius=self.arc_radius * unit,
                start_angle=0.0,
                angle=max(theta, 1e-4),
                arc_center=origin,
                stroke_color=theme.PROJECTION,
                stroke_width=5,
            )
        )
        r_drawn, theta_drawn = self.polar_shown()
        x_drawn, y_drawn = self.cartesian_shown()
        values = {"r": r_drawn, "theta": theta_drawn, "x": x_drawn, "y": y_drawn}
        for key, readout in self.readouts.items():
            readout.set(float(values[key]))

    def create(self) -> Animation:
        """Draw the plane, the circles and the rays, then the radius, the arc and the dot."""
        return AnimationGroup(
            FadeIn(self.plane),
            AnimationGroup(*(Create(c) for c in self.circles), lag_ratio=0.15),
            AnimationGroup(*(Create(r) for r in self.rays), lag_ratio=0.05),
            AnimationGroup(Create(self.radius_line), Create(self.arc), GrowFromCenter(self.dot)),
            lag_ratio=0.45,
            group=self,
        )

    def move_to_angle(self, degrees: float, run_time: float = 3.0) -> Animation:
        """Slide the dot along its circle to ``degrees``; radius, arc and readouts follow."""
        start, end = self.theta, math.radians(degrees)

        def update(_mob: object, alpha: float) -> None:
            self._place(start + alpha * (end - start))

        return AnimationGroup(
            UpdateFromAlphaFunc(self.marker, update), group=self, run_time=run_time
        )

    def move_to_radius(self, radius: float, run_time: float = 2.0) -> Animation:
        """Slide the dot along its ray to distance ``radius`` (the angle kept); the radius
        segment and the readouts follow."""
        start = self.r

        def update(_mob: object, alpha: float) -> None:
            self.r = start + alpha * (float(radius) - start)
            self._place(self.theta)

        return AnimationGroup(
            UpdateFromAlphaFunc(self.marker, update), group=self, run_time=run_time
        )

    # --- read back ----------------------------------------------------------------------
    @reads_screen("geometry")
    def cartesian_shown(self) -> np.ndarray:
        """The dot's ``(x, y)`` read through the plane."""
        return coords(self.plane, self.dot)

    @reads_screen("geometry")
    def polar_shown(self) -> tuple[float, float]:
        """The dot's ``(r, θ in degrees)`` read through the plane."""
        x, y = self.cartesian_shown()
        return math.hypot(x, y), math.degrees(math.atan2(y, x)) % 360.0

    @reads_screen("geometry")
    def radius_length_shown(self) -> float:
        """Length of the drawn radius segment, in plane units."""
        a, b = (coords(self.plane, p) for p in self.radius_line.get_start_and_end())
        return float(np.linalg.norm(b - a))

    @reads_screen("geometry")
    def arc_angle_shown(self) -> float:
        """The angle the drawn arc sweeps, in degrees (from its end point, through the plane)."""
        x, y = coords(self.plane, self.arc.get_end())
        return math.degrees(math.atan2(y, x)) % 360.0
