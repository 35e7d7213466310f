"""5.1 Coordinate Systems: one point, three encodings.

The point x = (4, 3) is walked in the standard basis, then the grid shears into the grid of
the basis b₁ = (2, 1), b₂ = (1, 2) and the same point is walked as c₁·b₁ + c₂·b₂ with
c = B⁻¹x = (5/3, 2/3); the cell it sits in lights up, and B⁻¹ squares the grid up. Then polar
coordinates: a dot walks out five and turns 36.87° onto the point, slides round its circle
to 120° and back, with live r, θ, x, y readouts. Last, the three recipes are drawn on one
plane at once, each with its reading.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from fractions import Fraction
from types import FunctionType
from typing import Any, TypeVar

import numpy as np
import sympy as sp
from manim import (
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Arrow,
    Circle,
    Create,
    DashedVMobject,
    FadeIn,
    FadeOut,
    GrowArrow,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    NumberPlane,
    Polygon,
    ShowPassingFlash,
    VGroup,
    VMobject,
    smooth,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.coordinates import coefficient_along
from mathviz.primitives.coordinates import BasisChangeGrid, PolarGrid
from mathviz.primitives.linear_map import CarryByMatrix
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import derived, printed, printed_all
from mathviz.scene import BEAT_TAIL_SECONDS, Beat, LectureScene

Pair = tuple[int, int]

X: Pair = (4, 3)
B1: Pair = (2, 1)
B2: Pair = (1, 2)
POLAR_TARGET_DEGREES = 120

TOL = 1e-6
PANEL_SIZE = 34
#: any mobject placed on the basis plane (``place`` returns it as it came)
M = TypeVar("M", bound=Mobject)
ROW_SIZE = 30
#: where the basis plane's origin sits on screen, and its scale
BASIS_ORIGIN = np.array([-5.6, -2.9, 0.0])
BASIS_UNIT = 1.15
POLAR_ORIGIN = np.array([-3.35, -0.15, 0.0])
POLAR_UNIT = 0.62  # the whole polar plane stays inside the safe area
#: the angle arc and its θ label, in polar-plane units (between the circles r = 1, 2, 3)
ARC_RADIUS = 1.5
THETA_LABEL_RADIUS = 2.5
#: top-left corner of the side panel's rows
PANEL_ANCHOR = np.array([0.9, 3.45, 0.0])
#: the encodings panel's columns (offsets from the row's left edge)
COLUMNS = (0.0, 1.75, 3.75)


# --- independent routes to the expected values ----------------------------------------------
def coordinates_sympy(b1: Pair, b2: Pair, x: Pair) -> list[sp.Rational]:
    """``B⁻¹ x`` in exact symbolic arithmetic."""
    b = sp.Matrix([[b1[0], b2[0]], [b1[1], b2[1]]])
    return list(b.inv() * sp.Matrix(x))


def coordinates_cramer(b1: Pair, b2: Pair, x: Pair) -> list[Fraction]:
    """``B c = x`` solved by Cramer's rule in exact fractions."""
    det = Fraction(b1[0] * b2[1] - b2[0] * b1[1])
    c1 = Fraction(x[0] * b2[1] - b2[0] * x[1]) / det
    c2 = Fraction(b1[0] * x[1] - x[0] * b1[1]) / det
    return [c1, c2]


def polar_sympy(x: Pair) -> tuple[float, float]:
    """``(r, θ in degrees)`` of ``x`` from sympy's exact root and two-argument arctangent."""
    r = sp.sqrt(sp.Integer(x[0]) ** 2 + sp.Integer(x[1]) ** 2)
    theta = sp.atan2(x[1], x[0]) * 180 / sp.pi
    return float(r), float(theta)


def cartesian_sympy(r: sp.Expr, degrees: int) -> list[float]:
    """``(r cos θ, r sin θ)`` with the angle in exact degrees."""
    theta = sp.Rational(degrees) * sp.pi / 180
    return [float(r * sp.cos(theta)), float(r * sp.sin(theta))]


# --- panel pieces -----------------------------------------------------------------------------
def label(tex: str, color: ManimColor, size: int = PANEL_SIZE) -> MathTex:
    """A formula label on a dark backing, so grid lines do not run through it."""
    mob = theme.tex(tex, size=size, color=color)
    mob.add_background_rectangle(color=theme.BACKGROUND, opacity=0.85, buff=0.06)
    return mob


class PlainReadout(Readout):
    """A readout that prints no finer than it must (``4``, ``-2.5``, ``36.87°``, ``120°``: at
    most ``decimals`` places, trailing zeros dropped) and keeps its number on the baseline of
    its label's ``=``, whatever the label reaches below (a subscript) or above."""

    def __init__(
        self, label_tex: str, value: float = 0.0, *, decimals: int = 2, size: int = PANEL_SIZE,
        **kwargs: Any,
    ) -> None:  # fmt: skip
        self.max_decimals = decimals
        super().__init__(label_tex, value, decimals=decimals, size=size, **kwargs)
        plain = Readout("x", 0.0, size=size)
        #: the digits' foot below the centre of the ``=`` beside a plain ``x``
        self._foot = plain.number.get_bottom()[1] - plain.label[0][-1].get_y()
        self.set(value)

    # like Readout.set, it takes the value: it shadows Mobject.set(**attributes) on purpose
    def set(self, value: float) -> PlainReadout:  # type: ignore[override]  # noqa: D102 - Readout.set, trimmed
        places = self.max_decimals
        shown = round(float(value), places)
        while places > 0 and abs(round(shown, places - 1) - shown) < 1e-9:
            places -= 1
        self.number.num_decimal_places = places
        super().set(value if round(float(value), places) != 0 else 0.0)  # never "-0"
        equals = self.label[0][-1]
        self.number.shift(UP * (equals.get_y() + self._foot - self.number.get_bottom()[1]))
        return self

    def change_to(self, value: float) -> Animation:  # noqa: D102 - counts through set()
        return CountReadout(self, value)


class CountReadout(Animation):
    """Count a :class:`PlainReadout` to ``value`` from what it shows when the animation
    begins, every frame through its ``set`` (trimmed digits, number on the baseline)."""

    def __init__(self, readout: PlainReadout, value: float, **kwargs: Any) -> None:
        self.readout, self.target_value = readout, float(value)
        self.start_value = float(readout.number.get_value())
        super().__init__(readout.number, **kwargs)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start_value = float(self.readout.number.get_value())
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = float(self.rate_func(alpha))
        self.readout.set(self.start_value + (self.target_value - self.start_value) * t)


def degrees_readout(label_tex: str, color: ManimColor) -> PlainReadout:
    """An angle in degrees, at most two decimals."""
    return PlainReadout(label_tex, 0.0, color=color, unit=r"^{\circ}")


def on_plane_arrow(
    plane: NumberPlane,
    start: Sequence[float],
    end: Sequence[float],
    color: ManimColor,
    width: float = 6,
) -> Arrow:
    """An arrow between two points of ``plane``'s coordinates."""
    return Arrow(
        plane.c2p(*start),
        plane.c2p(*end),
        buff=0,
        color=color,
        stroke_width=width,
        max_tip_length_to_length_ratio=0.2,
        max_stroke_width_to_length_ratio=8,
    )


class CoordinateSystems(LectureScene):
    chapter_id = "5.1"

    def construct(self) -> None:
        self.open_chapter("Coordinates are a recipe for reaching a point, not the point itself.")
        self.panel = Panel(anchor=PANEL_ANCHOR)
        self.standard_beat()
        g = self.grid
        c = [float(v) for v in coordinates_cramer(B1, B2, X)]
        # b₁, b₂ ride the skew grid as it morphs and squares up: they are its (1, 0), (0, 1)
        with self.invariant(
            "basis_arrows_ride_the_skew_grid",
            lambda: (
                [*g.tip_shown(g.b1_arrow), *g.tip_shown(g.b2_arrow)],
                [*g.skew_grid_image_shown((1, 0)), *g.skew_grid_image_shown((0, 1))],
            ),
            tol=TOL,
        ):
            self.morph_beat()
            # once the grid is the basis grid, the point sits at its coordinates c in it
            with self.invariant(
                "point_is_the_skew_grids_image_of_c",
                lambda: (g.point_shown(), g.skew_grid_image_shown(c)),
                tol=TOL,
            ):
                self.walk_beat()
                self.inverse_beat()
        self.polar_beats()
        self.close_chapter(
            "Same point, different basis: different coordinates.",
            "Changing coordinates changes the encoding, never the data. Next, how far apart "
            "two points are.",
        )

    # --- timing -----------------------------------------------------------------------------
    def speak(self, b: Beat, i: int, *steps: tuple[Any, float]) -> None:
        """Play ``steps`` one after the other under sentence ``i`` of beat ``b``, each taking
        its weight's share of the sentence; under the last sentence they run through the
        beat's closing pause too, so the picture never waits for the next beat. A step may
        be a function building its animations when its turn comes (a panel adds its rows as
        soon as it is asked); with weight 0 it is only called (a checkpoint)."""
        start = b.sentences[i].start
        if start - self.clock > 1e-6:
            self.wait(start - self.clock)
        last = i in (-1, len(b.sentences) - 1)
        end = b.speech_end + BEAT_TAIL_SECONDS if last else start + b.sentence(i)
        total = sum(w for _, w in steps)
        span = max(end - self.clock, 0.3 * len(steps))
        for anims, weight in steps:
            if isinstance(anims, FunctionType):
                if weight == 0:
                    anims()  # a checkpoint between two steps
                    continue
                anims = anims()  # built now: a panel changes its rows when asked
            # several animations are played side by side, never wrapped in one group: a group
            # would re-add what they move on top of everything drawn since (the panel)
            parts = anims if isinstance(anims, (list, tuple)) else (anims,)
            self.play(*parts, run_time=max(0.3, span * weight / total))

    # ------------------------------------------------------------------------------------
    def place(
        self,
        mob: M,
        coords_: Sequence[float],
        direction: np.ndarray | None = None,
        buff: float = 0.15,
    ) -> M:
        """Centre ``mob`` on the basis plane's point ``coords_`` (or beside it)."""
        if direction is None:
            return mob.move_to(self.grid.c2p(*coords_))
        return mob.next_to(self.grid.c2p(*coords_), direction, buff=buff)

    def skew(self, c1: float, c2: float) -> tuple[float, float]:
        """Standard coordinates of the basis grid's point ``(c1, c2)``: ``c1 b₁ + c2 b₂``."""
        return (c1 * B1[0] + c2 * B2[0], c1 * B1[1] + c2 * B2[1])

    # ------------------------------------------------------------------------------------
    def standard_beat(self) -> None:
        self.grid = BasisChangeGrid(
            np.column_stack([B1, B2]), X, unit=BASIS_UNIT, x_range=(-5.0, 13.0), y_range=(-6.0, 9.0)
        )
        self.grid.shift(BASIS_ORIGIN - self.grid.c2p(0, 0))
        g = self.grid
        # every label sits in the middle of a grid cell, never on a line
        self.x_label = self.place(label(r"\vec x", theme.VECTOR), (4.45, 3.4))
        self.i_label = self.place(label(r"\hat\imath", theme.BASIS_I), (0.5, -0.5))
        self.j_label = self.place(label(r"\hat\jmath", theme.BASIS_J), (-0.5, 0.5))
        self.c1 = PlainReadout("c_1", 0.0, color=theme.BASIS_I)
        self.c2 = PlainReadout("c_2", 0.0, color=theme.BASIS_J)
        point_row = theme.tex(r"\vec x = (4,\ 3)", size=PANEL_SIZE, color=theme.VECTOR)
        basis_row = theme.tex(
            r"\hat\imath = (1,\ 0)", r",\ ", r"\hat\jmath = (0,\ 1)", size=PANEL_SIZE
        )
        basis_row[0].set_color(theme.BASIS_I)
        basis_row[2].set_color(theme.BASIS_J)
        recipe = theme.tex(r"\vec x = c_1\,\hat\imath + c_2\,\hat\jmath", size=PANEL_SIZE)
        leg1 = self.place(label(r"4\,\hat\imath", theme.BASIS_I, size=30), (2.5, -0.5))
        leg2 = self.place(label(r"3\,\hat\jmath", theme.BASIS_J, size=30), (4.5, 1.5))
        with self.beat(
            "Here is the point x, at four, three. Those numbers are a recipe: walk four "
            "i-hats, then three j-hats, tip to tail."
        ) as b:
            self.speak(
                b,
                0,
                (g.create(), 2.0),
                ((FadeIn(self.x_label), FadeIn(self.i_label), FadeIn(self.j_label)), 0.6),
            )
            self.speak(
                b,
                1,
                (self.panel.show(point_row, basis_row, recipe, self.c1, self.c2), 0.8),
                (g.coordinates_walk(readouts=(self.c1, self.c2)), 3.2),
                ((FadeIn(leg1), FadeIn(leg2)), 0.7),
            )
            self.checkpoint(
                "standard_walk_coefficients",
                g.walk_coefficients_shown(),
                expected=[float(v) for v in X],
                tol=TOL,
            )
            self.checkpoint(
                "standard_walk_tip", g.walk_tip_shown(), expected=[float(v) for v in X], tol=TOL
            )
            self.checkpoint(
                "standard_c_readouts",
                printed_all((self.c1, self.c2)),
                expected=[float(v) for v in coordinates_sympy((1, 0), (0, 1), X)],
            )
        self.play(g.clear_walk(), FadeOut(leg1), FadeOut(leg2), run_time=0.6)
        self.basis_row = basis_row
        self.recipe = recipe

    def morph_beat(self) -> None:
        g = self.grid
        # the labels of b₁, b₂ sit in the middle of cells of both grids
        b1_label = self.place(label(r"\vec b_1", theme.BASIS_I), self.skew(1.5, -0.5))
        b2_label = self.place(label(r"\vec b_2", theme.BASIS_J), self.skew(-0.5, 1.5))
        basis_row = theme.tex(r"\vec b_1 = (2,\ 1)", r",\ ", r"\vec b_2 = (1,\ 2)", size=PANEL_SIZE)
        basis_row[0].set_color(theme.BASIS_I)
        basis_row[2].set_color(theme.BASIS_J)
        recipe = theme.tex(r"\vec x = c_1\,\vec b_1 + c_2\,\vec b_2", size=PANEL_SIZE)
        # where b₁ and b₂ will be: dashed targets the morph carries î and ĵ onto
        ghosts = VGroup(
            *(
                DashedVMobject(on_plane_arrow(g.reference, (0, 0), v, color, width=4), 14)
                for v, color in ((B1, theme.BASIS_I), (B2, theme.BASIS_J))
            )
        )
        with self.beat(
            "Now choose another basis: b one is two, one, and b two is one, two. The grid "
            "shears into theirs, but the point itself does not move."
        ) as b:
            # the c readouts count the walk; back to zero until the new walk starts
            self.declare_shown(self.c1, "the walk's progress: zero before the new walk")
            self.declare_shown(self.c2, "the walk's progress: zero before the new walk")
            self.speak(
                b,
                0,
                (
                    (
                        FadeOut(self.i_label),
                        FadeOut(self.j_label),
                        self.panel.swap(
                            (self.basis_row, basis_row),
                            (self.recipe, recipe),
                            also=(self.c1.change_to(0.0), self.c2.change_to(0.0)),
                        ),
                    ),
                    1.0,
                ),
                ((Create(ghosts[0]), FadeIn(b1_label)), 1.2),
                ((Create(ghosts[1]), FadeIn(b2_label)), 1.2),
            )
            self.speak(b, 1, (g.morph_to_basis(), 3.0), (FadeOut(ghosts), 0.4))
            self.checkpoint(
                "b1_tip", g.tip_shown(g.b1_arrow), expected=[float(v) for v in B1], tol=TOL
            )
            self.checkpoint(
                "b2_tip", g.tip_shown(g.b2_arrow), expected=[float(v) for v in B2], tol=TOL
            )
            self.checkpoint(
                "point_unmoved", g.point_shown(), expected=[float(v) for v in X], tol=TOL
            )
        self.b_labels = VGroup(b1_label, b2_label)

    def walk_beat(self) -> None:
        g = self.grid
        exact = coordinates_sympy(B1, B2, X)
        # in cells of the basis grid: under the first leg, right of the second
        leg1 = self.place(
            label(r"\tfrac{5}{3}\,\vec b_1", theme.BASIS_I, size=30), self.skew(1.5, -0.5)
        )
        leg2 = self.place(
            label(r"\tfrac{2}{3}\,\vec b_2", theme.BASIS_J, size=30), self.skew(2.3, -0.3)
        )
        # the cell the point sits in: the first along b₂, found by stepping one cell along b₁
        corners = [(0, 0), (1, 0), (1, 1), (0, 1)]
        cell = Polygon(
            *(g.c2p(*self.skew(*p)) for p in corners),
            stroke_color=theme.ACCENT,
            stroke_width=4,
            fill_color=theme.ACCENT,
            fill_opacity=0.16,
        )
        with self.beat(
            "In the new basis the same point takes five thirds of b one, then two thirds of "
            "b two. Read it off the skewed grid: the point sits in the second cell along b "
            "one, and the first along b two."
        ) as b:
            self.speak(
                b,
                0,
                (FadeOut(self.b_labels), 0.4),
                (g.coordinates_walk(readouts=(self.c1, self.c2)), 3.4),
                ((FadeIn(leg1), FadeIn(leg2)), 0.6),
            )
            shift = g.c2p(*B1) - g.c2p(0, 0)
            self.add(cell)
            self.bring_to_back(cell)  # under the grids, the walk and the point
            self.speak(b, 1, (Create(cell), 1.2), (cell.animate.shift(shift), 1.6))
            self.checkpoint(
                "basis_coordinates_from_walk",
                g.walk_coefficients_shown(),
                expected=[float(v) for v in exact],
                tol=TOL,
            )
            self.checkpoint(
                "basis_coordinates_from_grid",
                g.grid_coordinates_shown(),
                expected=[float(v) for v in coordinates_cramer(B1, B2, X)],
                tol=TOL,
            )
            self.checkpoint("c1_readout", self.c1.value, expected=float(exact[0]))
            self.checkpoint("c2_readout", self.c2.value, expected=float(exact[1]))
            rebuilt = sp.Matrix([[B1[0], B2[0]], [B1[1], B2[1]]]) * sp.Matrix(exact)
            self.checkpoint(
                "walk_ends_at_x", g.walk_tip_shown(), expected=[float(v) for v in rebuilt], tol=TOL
            )
            # the lit cell's corners, read through the basis grid: (1, 0) to (2, 1)
            self.checkpoint(
                "cell_of_the_point",
                self.cell_corners_shown(cell),
                expected=[1.0, 0.0, 2.0, 1.0],
                tol=TOL,
            )
        self.leg_labels = VGroup(leg1, leg2)
        self.cell = cell

    def cell_corners_shown(self, cell: Polygon) -> Any:
        """The lit cell's lowest and highest corners in the basis grid's own coordinates."""
        g = self.grid
        corners = coords(g.reference, cell.get_vertices())
        in_grid = np.linalg.solve(np.column_stack([B1, B2]).astype(float), corners.T).T
        lo, hi = in_grid.min(axis=0), in_grid.max(axis=0)
        return derived("the cell's corners through B⁻¹", [*lo, *hi], corners)

    def inverse_beat(self) -> None:
        g = self.grid
        exact = coordinates_cramer(B1, B2, X)
        solve = theme.tex(r"B\vec c = \vec x", size=PANEL_SIZE)
        result = theme.tex(
            r"\vec c = B^{-1}\vec x = \left(\tfrac{5}{3},\ \tfrac{2}{3}\right)",
            size=PANEL_SIZE,
            color=theme.ACCENT,
        )
        c = [float(v) for v in exact]
        c_label = label(r"\vec c", theme.VECTOR)
        c_label.move_to(g.c2p(c[0] - 0.45, c[1] + 0.75))
        with self.beat(
            "Finding the recipe means solving B c equals x, so c is B inverse x. Apply B "
            "inverse to the whole picture: the skewed grid squares up, and x lands on five "
            "thirds, two thirds."
        ) as b:
            self.speak(
                b,
                0,
                (
                    (
                        FadeOut(self.x_label),
                        FadeOut(self.leg_labels),
                        self.panel.grow(solve),
                    ),
                    1.0,
                ),
                (lambda: self.panel.grow(result), 1.4),
            )
            # the walk rides the grid too: its legs end at the grid's (c₁, 0) and (c₁, c₂)
            with self.invariant(
                "walk_rides_the_skew_grid",
                lambda: (
                    [*g.tip_shown(g.legs[0]), *g.walk_tip_shown()],
                    [*g.skew_grid_image_shown((c[0], 0.0)), *g.skew_grid_image_shown(c)],
                ),
                tol=TOL,
            ):
                # the lit cell is carried by the same matrix on the same clock
                inverse = np.linalg.inv(np.column_stack([B1, B2]).astype(float))
                carry_cell = CarryByMatrix(
                    inverse, g.reference, shapes=[self.cell], group=self.cell
                )
                self.speak(b, 1, ((g.square_up(), carry_cell), 3.0), (FadeIn(c_label), 0.5))
            self.checkpoint(
                "point_after_inverse", g.point_shown(), expected=[float(v) for v in exact], tol=TOL
            )
            self.checkpoint(
                "walk_after_inverse",
                g.walk_coefficients_shown(),
                expected=[float(v) for v in exact],
                tol=TOL,
            )
            corners = coords(g.reference, self.cell.get_vertices())
            self.checkpoint(
                "cell_after_inverse",
                derived(
                    "the cell's lowest and highest corners",
                    [*corners.min(axis=0), *corners.max(axis=0)],
                    corners,
                ),  # fmt: skip
                expected=[1.0, 0.0, 2.0, 1.0],
                tol=TOL,
            )
        self.x_label = c_label

    # ------------------------------------------------------------------------------------
    def polar_beats(self) -> None:
        self.play(
            FadeOut(VGroup(self.grid, self.x_label, self.cell)), self.panel.hide(), run_time=0.8
        )
        r_read = PlainReadout("r", 0.0, color=theme.NORM_L2)
        t_read = degrees_readout(r"\theta", theme.PROJECTION)
        x_read = PlainReadout(r"x = r\cos\theta", 0.0)
        y_read = PlainReadout(r"y = r\sin\theta", 0.0)
        # the dot starts at the origin: the polar recipe walks out r, then turns θ
        polar = PolarGrid(
            (0, 0),
            max_radius=5,
            unit=POLAR_UNIT,
            readouts={"r": r_read, "theta": t_read, "x": x_read, "y": y_read},
            arc_radius=ARC_RADIUS,
        )
        polar.shift(POLAR_ORIGIN - polar.plane.c2p(0, 0))
        self.polar = polar
        plane = polar.plane
        target = Circle(radius=0.16, stroke_color=theme.VECTOR, stroke_width=4)
        target.move_to(plane.c2p(*X))
        x_label = label(r"\vec x = (4,\ 3)", theme.VECTOR, size=30)
        x_label.next_to(plane.c2p(*X), RIGHT, buff=0.3)
        theta_label = label(r"\theta", theme.PROJECTION, size=30)

        def keep_theta_label(mob: Mobject) -> None:
            half = polar.theta / 2
            mob.move_to(
                plane.c2p(*(THETA_LABEL_RADIUS * np.array([math.cos(half), math.sin(half)])))
            )
            mob.set_opacity(1.0 if polar.theta > math.radians(15) else 0.0)

        theta_label.add_updater(keep_theta_label)
        heading = theme.text("Polar coordinates", size=theme.BODY_SIZE, color=theme.ACCENT)

        def readouts_and_dot() -> tuple[Any, list[float]]:
            """r, θ, x, y as printed, and the drawn dot's polar and Cartesian coordinates."""
            r, theta = polar.polar_shown()
            if r < 1e-9 or theta > 360 - 1e-9:
                theta = 0.0  # at the origin, or a hair below the x-axis: the angle is 0
            return (
                printed_all((r_read, t_read, x_read, y_read)),
                [r, theta, *polar.cartesian_shown()],
            )

        with self.invariant("readouts_show_the_drawn_dot", readouts_and_dot):
            self.polar_story(polar, (target, x_label, theta_label), heading,
                             (r_read, t_read, x_read, y_read))  # fmt: skip
        self.encodings_beats(polar)

    def polar_story(
        self,
        polar: PolarGrid,
        marks: tuple[Mobject, Mobject, Mobject],
        heading: VMobject,
        readouts: tuple[PlainReadout, PlainReadout, PlainReadout, PlainReadout],
    ) -> None:
        """The polar beats: out to r, round to θ, sliding round the circle, and x, y back."""
        target, x_label, theta_label = marks
        r_read, t_read, x_read, y_read = readouts
        r_expected, theta_expected = polar_sympy(X)
        with self.beat(
            "Polar coordinates encode the same point by distance and direction. Walk out "
            "from the origin: the distance r is five. Then turn: theta, the angle from the "
            "x-axis, is about 36.87 degrees."
        ) as b:
            self.speak(
                b,
                0,
                (polar.create(), 2.2),
                (lambda: self.add(theta_label), 0),
                (
                    lambda: (
                        FadeIn(target),
                        FadeIn(x_label),
                        self.panel.show(heading, r_read, t_read),
                    ),
                    1.0,
                ),
            )
            self.speak(b, 1, (polar.move_to_radius(r_expected), 1.0))
            self.speak(b, 2, (polar.move_to_angle(theta_expected), 1.0))
            r_shown, theta_shown = polar.polar_shown()
            self.checkpoint("polar_r", r_shown, expected=r_expected, tol=TOL)
            self.checkpoint("polar_theta_degrees", theta_shown, expected=theta_expected, tol=TOL)
            self.checkpoint(
                "radius_segment_length", polar.radius_length_shown(), expected=r_expected, tol=TOL
            )
            self.checkpoint(
                "arc_angle_degrees", polar.arc_angle_shown(), expected=theta_expected, tol=TOL
            )
            self.checkpoint("r_readout", r_read.value, expected=r_expected)
            self.checkpoint("theta_readout", t_read.value, expected=theta_expected)
            self.checkpoint(
                "dot_on_the_target", coords(polar.plane, target), expected=polar.cartesian_shown(),
                tol=TOL,
            )  # fmt: skip
        circle = polar.circles[-1].copy().set_stroke(theme.NORM_L2, width=5, opacity=0.9)
        equations = theme.tex(r"r = 5", r"\quad\Longleftrightarrow\quad", r"x^2 + y^2 = 25",
                              size=PANEL_SIZE)  # fmt: skip
        equations[0].set_color(theme.NORM_L2)
        with self.beat(
            "Slide the dot around its circle: r stays five while theta sweeps to 120 degrees. "
            "A circle is one fixed number in polar, and an equation in x and y."
        ) as b:
            self.speak(
                b,
                0,
                (FadeOut(x_label), 0.3),
                (polar.move_to_angle(POLAR_TARGET_DEGREES), 3.0),
            )
            r_shown, theta_shown = polar.polar_shown()
            self.checkpoint(
                "polar_after_slide",
                [r_shown, theta_shown],
                expected=[r_expected, float(POLAR_TARGET_DEGREES)],
                tol=TOL,
            )
            self.checkpoint(
                "theta_readout_after_slide", t_read.value, expected=float(POLAR_TARGET_DEGREES)
            )
            # the circle r = 5 traced from the dot all the way round
            circle.rotate(math.radians(POLAR_TARGET_DEGREES), about_point=polar.plane.c2p(0, 0))
            self.speak(b, 1, (Create(circle), 2.2), (lambda: self.panel.grow(equations), 0.8))
        back = cartesian_sympy(sp.sqrt(X[0] ** 2 + X[1] ** 2), POLAR_TARGET_DEGREES)
        plane = polar.plane
        x, y = (float(v) for v in polar.cartesian_shown())
        x_leg = Line(plane.c2p(0, 0), plane.c2p(x, 0), stroke_color=theme.BASIS_I, stroke_width=6)
        y_leg = DashedVMobject(
            Line(plane.c2p(x, 0), plane.c2p(x, y), stroke_color=theme.BASIS_J, stroke_width=5), 12
        )
        with self.beat(
            "Converting back is one line each: x is r cos theta, and y is r sin theta. Here "
            "x is minus 2.5, and y is about 4.33."
        ) as b:
            self.speak(b, 0, ((FadeOut(circle), FadeOut(equations)), 0.5),
                       (lambda: self.panel.grow(x_read, y_read), 1.0))  # fmt: skip
            self.speak(b, 1, (Create(x_leg), 1.0), (Create(y_leg), 1.0))
            self.checkpoint("dot_xy_after_slide", polar.cartesian_shown(), expected=back, tol=TOL)
            self.checkpoint("xy_readouts_after_slide", printed_all((x_read, y_read)), expected=back)
            self.checkpoint(
                "xy_legs_drawn",
                derived(
                    "ends of the drawn x and y legs",
                    [coords(plane, x_leg.get_end())[0], coords(plane, y_leg[-1].get_end())[1]],
                    coords(plane, x_leg.get_end()),
                    coords(plane, y_leg[-1].get_end()),
                ),
                expected=back,
                tol=TOL,
            )
        self.xy_legs = VGroup(x_leg, y_leg)
        self.xy_readouts = (x_read, y_read)
        self.polar_marks = (target, theta_label)

    # ------------------------------------------------------------------------------------
    def encodings_beats(self, polar: PolarGrid) -> None:
        """The three recipes on one plane at once, each with its reading."""
        plane = polar.plane
        x_read, y_read = self.xy_readouts
        c_exact = [float(v) for v in coordinates_sympy(B1, B2, X)]
        r_expected, theta_expected = polar_sympy(X)
        std_legs = (
            on_plane_arrow(plane, (0, 0), (X[0], 0), theme.BASIS_I),
            on_plane_arrow(plane, (X[0], 0), X, theme.BASIS_J),
        )
        corner = self.skew(c_exact[0], 0.0)
        basis_arrows = VGroup(
            on_plane_arrow(plane, (0, 0), B1, theme.MUTED, width=4),
            on_plane_arrow(plane, (0, 0), B2, theme.MUTED, width=4),
        )
        basis_legs = (
            on_plane_arrow(plane, (0, 0), corner, theme.BASIS_I),
            on_plane_arrow(plane, corner, X, theme.BASIS_J),
        )
        readings = {
            "x": PlainReadout("x", 0.0, size=ROW_SIZE, color=theme.BASIS_I),
            "y": PlainReadout("y", 0.0, size=ROW_SIZE, color=theme.BASIS_J),
            "c1": PlainReadout("c_1", 0.0, size=ROW_SIZE, color=theme.BASIS_I),
            "c2": PlainReadout("c_2", 0.0, size=ROW_SIZE, color=theme.BASIS_J),
            "r": PlainReadout("r", 0.0, size=ROW_SIZE, color=theme.NORM_L2),
            "theta": PlainReadout(
                r"\theta", 0.0, size=ROW_SIZE, color=theme.PROJECTION, unit=r"^{\circ}"
            ),
        }
        rows = []
        for name, keys in (("standard", ("x", "y")), ("basis B", ("c1", "c2")),
                           ("polar", ("r", "theta"))):  # fmt: skip
            tag = theme.text(name, size=theme.LABEL_SIZE, color=theme.MUTED)
            row = VGroup(tag, *(readings[k] for k in keys))
            for part, offset in zip(row, COLUMNS, strict=True):
                part.move_to(RIGHT * offset, aligned_edge=LEFT)
            flat = tag[1] if name == "polar" else tag[0]  # a glyph sitting on the baseline
            tag.shift(UP * (readings[keys[0]].number.get_bottom()[1] - flat.get_bottom()[1]))
            rows.append(row)
        heading = theme.text("One point, three encodings", size=theme.BODY_SIZE, color=theme.ACCENT)
        for key in readings:
            self.declare_shown(readings[key], "the recipe's progress: zero before it is drawn")
        # the polar recipe traced over the dot's own radius and arc (copied once it is home)
        arc_copy, radius_copy = polar.arc.copy(), polar.radius_line.copy()

        def drawn(mob: Mobject) -> bool:
            return any(mob in top.get_family() for top in self.mobjects)

        def tip(leg: Mobject, axis: int, start: float = 0.0) -> float:
            return float(coords(plane, leg.get_end())[axis]) if drawn(leg) else start

        def along(leg: Mobject, base: Mobject) -> float:
            if not drawn(leg):
                return 0.0
            vec = coords(plane, leg.get_end()) - coords(plane, leg.get_start())
            unit = coords(plane, base.get_end()) - coords(plane, base.get_start())
            return float(coefficient_along(vec, unit))

        def swept(arc: Mobject) -> float:
            if not drawn(arc):
                return 0.0
            x, y = coords(plane, arc.get_end())
            return math.degrees(math.atan2(y, x))

        def rows_and_paths() -> tuple[Any, list[float]]:
            """The six readings as printed, and the drawn recipes they count."""
            shown = printed_all(readings[k] for k in ("x", "y", "c1", "c2", "r", "theta"))
            return shown, [
                tip(std_legs[0], 0),
                tip(std_legs[1], 1),
                along(basis_legs[0], basis_arrows[0]),
                along(basis_legs[1], basis_arrows[1]),
                float(np.linalg.norm(coords(plane, radius_copy.get_end())))
                if drawn(radius_copy)
                else 0.0,
                swept(arc_copy),
            ]

        def grow(leg: Arrow, readout: PlainReadout, value: float) -> Animation:
            return AnimationGroup(GrowArrow(leg), readout.change_to(value))

        target, theta_label = self.polar_marks
        with self.beat(
            "Slide home to four, three, and draw all three recipes on one plane. Standard: "
            "four along x, then three up. In basis b: five thirds of b one, then two thirds of "
            "b two."
        ) as b:
            self.speak(
                b,
                0,
                (FadeOut(self.xy_legs), 0.3),
                (polar.move_to_angle(theta_expected), 1.6),
                (
                    lambda: self.checkpoint(
                        "xy_readouts_back_home",
                        printed_all((x_read, y_read)),
                        expected=[float(v) for v in X],
                    ),
                    0,
                ),
                (
                    lambda: (
                        self.panel.show(heading, *rows),
                        FadeOut(target),
                        polar.rays.animate.set_stroke(opacity=0.35),
                        # the polar recipe waits its turn: dimmed until it is traced again
                        VGroup(polar.radius_line, polar.arc).animate.set_stroke(opacity=0.25),
                    ),
                    1.0,
                ),
            )
            held = contextlib.ExitStack()
            held.enter_context(self.invariant("encoding_rows_count_their_paths", rows_and_paths))
            self.speak(
                b,
                1,
                (grow(std_legs[0], readings["x"], float(X[0])), 1.0),
                (grow(std_legs[1], readings["y"], float(X[1])), 1.0),
            )
            self.speak(
                b,
                2,
                (FadeIn(basis_arrows), 0.5),
                (grow(basis_legs[0], readings["c1"], c_exact[0]), 1.0),
                (grow(basis_legs[1], readings["c2"], c_exact[1]), 1.0),
            )
            self.checkpoint(
                "encoding_standard_path",
                derived(
                    "the standard legs' ends",
                    [
                        coords(plane, std_legs[0].get_end())[0],
                        coords(plane, std_legs[1].get_end())[1],
                    ],
                    coords(plane, std_legs[0].get_end()),
                    coords(plane, std_legs[1].get_end()),
                ),
                expected=[float(v) for v in X],
                tol=TOL,
            )
            self.checkpoint(
                "encoding_standard_printed",
                printed_all((readings["x"], readings["y"])),
                expected=[float(v) for v in X],
            )
            ends = [
                coords(plane, np.array([m.get_start(), m.get_end()]))
                for m in (*basis_legs, *basis_arrows)
            ]
            vecs = [e[1] - e[0] for e in ends]
            self.checkpoint(
                "encoding_basis_path",
                derived(
                    "each basis leg as a multiple of its drawn basis arrow",
                    [coefficient_along(vecs[0], vecs[2]), coefficient_along(vecs[1], vecs[3])],
                    *ends,
                ),
                expected=c_exact,
                tol=TOL,
            )
            self.checkpoint(
                "encoding_basis_printed",
                printed_all((readings["c1"], readings["c2"])),
                expected=[float(v) for v in coordinates_cramer(B1, B2, X)],
            )
        summary = theme.tex(
            r"(4,\ 3) \;=\; \left(\tfrac{5}{3},\ \tfrac{2}{3}\right)_{B} \;=\; (5,\ ",
            r"36.87",
            r"^\circ)",
            size=ROW_SIZE,
            color=theme.ACCENT,
        )
        arc_copy = polar.arc.copy().set_stroke(width=9, opacity=1.0)
        radius_copy = polar.radius_line.copy().set_stroke(width=9, opacity=1.0)
        with self.beat(
            "In polar: five out, at 36.87 degrees. Three encodings of one point, like one "
            "timestamp written in UTC or in local time. Later, PCA picks the basis in which "
            "your data is simplest."
        ) as b:
            self.speak(
                b,
                0,
                (
                    AnimationGroup(
                        Create(radius_copy, rate_func=smooth), readings["r"].change_to(r_expected)
                    ),
                    1.0,
                ),
                (
                    AnimationGroup(
                        Create(arc_copy, rate_func=smooth),
                        readings["theta"].change_to(theta_expected),
                    ),
                    1.0,
                ),
            )
            held.close()
            self.checkpoint(
                "encoding_polar_path",
                [polar.radius_length_shown(), polar.arc_angle_shown()],
                expected=[r_expected, theta_expected],
                tol=TOL,
            )
            self.checkpoint(
                "encoding_polar_printed",
                printed_all((readings["r"], readings["theta"])),
                expected=[r_expected, theta_expected],
            )
            # each recipe traced again, one after the other, to the same dot
            flashes = [
                ShowPassingFlash(VGroup(*path).copy().set_stroke(theme.TEXT, width=10),
                                 time_width=0.6)
                for path in (std_legs, basis_legs, (radius_copy, arc_copy))
            ]  # fmt: skip
            self.speak(
                b,
                1,
                (lambda: self.panel.grow(summary), 1.0),
                (AnimationGroup(*flashes, lag_ratio=0.7), 2.0),
            )
            self.checkpoint("summary_theta", printed(summary[1]), expected=theta_expected)
        theta_label.clear_updaters()


SCENES = [CoordinateSystems]
