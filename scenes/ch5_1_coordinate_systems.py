"""5.1 Coordinate Systems: one point, three encodings.

The point x = (4, 3) is walked in the standard basis, then the grid morphs into the grid of
the basis b₁ = (2, 1), b₂ = (1, 2) and the same point is walked as c₁·b₁ + c₂·b₂ with
c = B⁻¹x = (5/3, 2/3). Then polar coordinates: the same point at r = 5, θ ≈ 36.87°, a dot
sliding around its circle with live r, θ, x, y readouts.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    MathTex,
    VGroup,
)

from mathviz import theme
from mathviz.primitives.coordinates import BasisChangeGrid, PolarGrid
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import printed, printed_all
from mathviz.scene import LectureScene

X = (4, 3)
B1 = (2, 1)
B2 = (1, 2)
POLAR_TARGET_DEGREES = 120

TOL = 1e-6
PANEL_SIZE = 34
#: where the basis plane's origin sits on screen, and its scale
BASIS_ORIGIN = np.array([-5.6, -2.9, 0.0])
BASIS_UNIT = 1.15
POLAR_ORIGIN = np.array([-3.35, -0.15, 0.0])
POLAR_UNIT = 0.62  # the whole polar plane stays inside the safe area
#: top-left corner of the side panel's rows
PANEL_ANCHOR = np.array([0.9, 3.45, 0.0])


# --- independent routes to the expected values ----------------------------------------------
def coordinates_sympy(b1, b2, x) -> list[sp.Rational]:
    """``B⁻¹ x`` in exact symbolic arithmetic."""
    b = sp.Matrix([[b1[0], b2[0]], [b1[1], b2[1]]])
    return list(b.inv() * sp.Matrix(x))


def coordinates_cramer(b1, b2, x) -> list[Fraction]:
    """``B c = x`` solved by Cramer's rule in exact fractions."""
    det = Fraction(b1[0] * b2[1] - b2[0] * b1[1])
    c1 = Fraction(x[0] * b2[1] - b2[0] * x[1]) / det
    c2 = Fraction(b1[0] * x[1] - x[0] * b1[1]) / det
    return [c1, c2]


def polar_sympy(x) -> tuple[float, float]:
    """``(r, θ in degrees)`` of ``x`` from sympy's exact root and two-argument arctangent."""
    r = sp.sqrt(sp.Integer(x[0]) ** 2 + sp.Integer(x[1]) ** 2)
    theta = sp.atan2(x[1], x[0]) * 180 / sp.pi
    return float(r), float(theta)


def cartesian_sympy(r, degrees) -> list[float]:
    """``(r cos θ, r sin θ)`` with the angle in exact degrees."""
    theta = sp.Rational(degrees) * sp.pi / 180
    return [float(r * sp.cos(theta)), float(r * sp.sin(theta))]


# --- panel pieces -----------------------------------------------------------------------------
def label(tex: str, color, size: int = PANEL_SIZE) -> MathTex:
    """A formula label on a dark backing, so grid lines do not run through it."""
    mob = theme.tex(tex, size=size, color=color)
    mob.add_background_rectangle(color=theme.BACKGROUND, opacity=0.85, buff=0.06)
    return mob


class CoordinateSystems(LectureScene):
    chapter_id = "5.1"

    def construct(self) -> None:
        self.open_chapter(
            "Coordinates are not the point; they are a recipe for reaching it from a basis. "
            "Change the basis and the recipe changes while the point stays put."
        )
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
            "Changing coordinates is changing encodings: nothing about the data moves. Next, "
            "we measure how far apart two points are, and find there is more than one way.",
        )

    # ------------------------------------------------------------------------------------
    def place(self, mob, coords, direction, buff: float = 0.15):
        """Put ``mob`` next to the basis plane's point ``coords``."""
        return mob.next_to(self.grid.c2p(*coords), direction, buff=buff)

    # ------------------------------------------------------------------------------------
    def standard_beat(self) -> None:
        self.grid = BasisChangeGrid(
            np.column_stack([B1, B2]), X, unit=BASIS_UNIT, x_range=(-5.0, 13.0), y_range=(-6.0, 9.0)
        )
        self.grid.shift(BASIS_ORIGIN - self.grid.c2p(0, 0))
        g = self.grid
        self.x_label = self.place(label(r"\vec x", theme.VECTOR), X, UP + LEFT, buff=0.1)
        self.i_label = self.place(label(r"\hat\imath", theme.BASIS_I), (1, 0), DOWN)
        self.j_label = self.place(label(r"\hat\jmath", theme.BASIS_J), (0, 1), LEFT)
        self.c1 = Readout("c_1", 0.0, decimals=3, color=theme.BASIS_I, size=PANEL_SIZE)
        self.c2 = Readout("c_2", 0.0, decimals=3, color=theme.BASIS_J, size=PANEL_SIZE)
        point_row = theme.tex(r"\vec x = (4,\ 3)", size=PANEL_SIZE, color=theme.VECTOR)
        basis_row = theme.tex(r"\text{basis } \hat\imath,\ \hat\jmath", size=PANEL_SIZE)
        recipe = theme.tex(r"\vec x = c_1\,\hat\imath + c_2\,\hat\jmath", size=PANEL_SIZE)
        leg1 = label(r"4\,\hat\imath", theme.BASIS_I, size=30)
        leg2 = label(r"3\,\hat\jmath", theme.BASIS_J, size=30)
        self.place(leg1, (2, 0), DOWN, buff=0.12)
        self.place(leg2, (4, 1.5), RIGHT, buff=0.15)
        with self.beat(
            "Here is the point x, at four, three. Those numbers are a recipe: "
            "walk four i-hats, then three j-hats, tip to tail."
        ):
            self.play(g.create())
            self.play(FadeIn(self.x_label), FadeIn(self.i_label), FadeIn(self.j_label))
            self.play(self.panel.show(point_row, basis_row, recipe, self.c1, self.c2))
            self.play(g.coordinates_walk(readouts=(self.c1, self.c2), seconds_per_leg=1.2))
            self.play(FadeIn(leg1), FadeIn(leg2))
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
        b1_label = self.place(label(r"\vec b_1", theme.BASIS_I), B1, DOWN + RIGHT, buff=0.08)
        b2_label = self.place(label(r"\vec b_2", theme.BASIS_J), B2, UP + LEFT, buff=0.05)
        basis_row = theme.tex(r"\vec b_1 = (2,\ 1)", r",\ ", r"\vec b_2 = (1,\ 2)", size=PANEL_SIZE)
        basis_row[0].set_color(theme.BASIS_I)
        basis_row[2].set_color(theme.BASIS_J)
        recipe = theme.tex(r"\vec x = c_1\,\vec b_1 + c_2\,\vec b_2", size=PANEL_SIZE)
        with self.beat(
            "Now choose another basis: b one is two, one and b two is one, two. "
            "The grid shears into theirs, but the point itself does not move."
        ):
            # the c readouts count the walk; back to zero until the new walk starts
            self.declare_shown(self.c1, "the walk's progress: zero before the new walk")
            self.declare_shown(self.c2, "the walk's progress: zero before the new walk")
            self.play(
                FadeOut(self.i_label),
                FadeOut(self.j_label),
                self.panel.swap(
                    (self.basis_row, basis_row),
                    (self.recipe, recipe),
                    also=(self.c1.change_to(0.0), self.c2.change_to(0.0)),
                ),
            )
            self.play(g.morph_to_basis(run_time=2.5))
            self.play(FadeIn(b1_label), FadeIn(b2_label))
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
        leg1 = label(r"\frac{5}{3}\,\vec b_1", theme.BASIS_I, size=30)
        leg2 = label(r"\frac{2}{3}\,\vec b_2", theme.BASIS_J, size=30)
        self.place(leg1, (2.9, 1.45), UP + LEFT, buff=0.12)
        self.place(leg2, (3.7, 2.3), RIGHT, buff=0.2)
        with self.beat(
            "In the new basis the recipe for the same point is five thirds of b "
            "one, then two thirds of b two. Read it off the skewed grid: the point "
            "sits inside the second cell along b one, in the first along b two.",
            hold=0.5,
        ):
            self.play(g.coordinates_walk(readouts=(self.c1, self.c2), seconds_per_leg=1.6))
            self.play(FadeIn(leg1), FadeIn(leg2))
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
        self.leg_labels = VGroup(leg1, leg2)

    def inverse_beat(self) -> None:
        g = self.grid
        exact = coordinates_cramer(B1, B2, X)
        solve = theme.tex(r"B\vec c = \vec x", size=PANEL_SIZE)
        result = theme.tex(
            r"\vec c = B^{-1}\vec x = \left(\tfrac{5}{3},\ \tfrac{2}{3}\right)",
            size=PANEL_SIZE,
            color=theme.ACCENT,
        )
        c_label = label(r"\vec c", theme.VECTOR)
        c_label.next_to(g.c2p(*[float(v) for v in exact]), UP + RIGHT, buff=0.08)
        with self.beat(
            "Finding the recipe means solving B c equals x, so c is B inverse x. "
            "Apply B inverse to the whole picture: the skewed grid squares up and x "
            "lands on five thirds, two thirds."
        ):
            self.play(self.panel.grow(solve, result))
            self.play(
                FadeOut(self.x_label),
                FadeOut(self.b_labels),
                FadeOut(self.leg_labels),
                run_time=0.5,
            )
            c = [float(v) for v in exact]
            # the walk rides the grid too: its legs end at the grid's (c₁, 0) and (c₁, c₂)
            with self.invariant(
                "walk_rides_the_skew_grid",
                lambda: (
                    [*g.tip_shown(g.legs[0]), *g.walk_tip_shown()],
                    [*g.skew_grid_image_shown((c[0], 0.0)), *g.skew_grid_image_shown(c)],
                ),
                tol=TOL,
            ):
                self.play(g.square_up(run_time=2.5))
            self.play(FadeIn(c_label))
            self.checkpoint(
                "point_after_inverse", g.point_shown(), expected=[float(v) for v in exact], tol=TOL
            )
            self.checkpoint(
                "walk_after_inverse",
                g.walk_coefficients_shown(),
                expected=[float(v) for v in exact],
                tol=TOL,
            )
        self.x_label = c_label

    # ------------------------------------------------------------------------------------
    def polar_beats(self) -> None:
        self.play(FadeOut(VGroup(self.grid, self.x_label)), self.panel.hide(), run_time=0.8)
        r_read = Readout("r", 0.0, decimals=3, color=theme.NORM_L2, size=PANEL_SIZE)
        t_read = Readout(
            r"\theta\ (\text{deg})", 0.0, decimals=3, color=theme.PROJECTION, size=PANEL_SIZE
        )
        x_read = Readout(r"x = r\cos\theta", 0.0, decimals=3, size=PANEL_SIZE)
        y_read = Readout(r"y = r\sin\theta", 0.0, decimals=3, size=PANEL_SIZE)
        polar = PolarGrid(
            X,
            max_radius=5,
            unit=POLAR_UNIT,
            readouts={"r": r_read, "theta": t_read, "x": x_read, "y": y_read},
        )
        polar.shift(POLAR_ORIGIN - polar.plane.c2p(0, 0))
        x_label = label(r"\vec x = (4,\ 3)", theme.VECTOR, size=30)
        x_label.next_to(polar.dot, UP + LEFT, buff=0.05)
        heading = theme.text("Polar coordinates", size=theme.BODY_SIZE, color=theme.ACCENT)

        def readouts_and_dot():
            """r, θ, x, y as printed, and the drawn dot's polar and Cartesian coordinates."""
            return (
                printed_all((r_read, t_read, x_read, y_read)),
                [*polar.polar_shown(), *polar.cartesian_shown()],
            )

        with self.invariant("readouts_show_the_drawn_dot", readouts_and_dot):
            self.polar_story(polar, x_label, heading, (r_read, t_read, x_read, y_read))

    def polar_story(self, polar: PolarGrid, x_label, heading, readouts) -> None:
        """The polar beats: the point in polar, sliding round its circle, and back home."""
        r_read, t_read, x_read, y_read = readouts
        r_expected, theta_expected = polar_sympy(X)
        with self.beat(
            "Polar coordinates encode the same point by distance and direction: "
            "r is its distance from the origin, five, and theta its angle from the "
            "x-axis, about 36.87 degrees."
        ):
            self.play(polar.create())
            self.play(FadeIn(x_label))
            self.play(self.panel.show(heading, r_read, t_read))
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
        with self.beat(
            "Slide the dot around its circle: r stays five while theta sweeps to "
            "120 degrees. A circle is one fixed number in polar, and an equation in "
            "x and y."
        ):
            self.play(FadeOut(x_label), run_time=0.4)
            self.play(polar.move_to_angle(POLAR_TARGET_DEGREES, run_time=3.0))
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
        back = cartesian_sympy(sp.sqrt(X[0] ** 2 + X[1] ** 2), POLAR_TARGET_DEGREES)
        with self.beat(
            "Converting back is one line each: x is r cos theta and y is r sin "
            "theta, here minus 2.5 and about 4.33."
        ):
            self.play(self.panel.grow(x_read, y_read))
            self.checkpoint("dot_xy_after_slide", polar.cartesian_shown(), expected=back, tol=TOL)
            self.checkpoint("xy_readouts_after_slide", printed_all((x_read, y_read)), expected=back)
        summary = theme.tex(
            r"(4,\ 3) \;=\; \left(\tfrac{5}{3},\ \tfrac{2}{3}\right)_{B}"
            r" \;=\; (5,\ ",
            r"36.87",
            r"^\circ)_{\text{polar}}",
            size=30,
            color=theme.ACCENT,
        )
        caption = theme.text("one point, three encodings", size=theme.LABEL_SIZE, color=theme.MUTED)
        with self.beat(
            "Slide back to four, three. Standard, skewed or polar are three "
            "encodings of one point, like one timestamp written in UTC or in local "
            "time; later, PCA picks the basis in which your data is simplest."
        ):
            self.play(polar.move_to_angle(math.degrees(math.atan2(X[1], X[0])), run_time=2.0))
            self.play(self.panel.grow(summary, caption))
            self.checkpoint(
                "xy_readouts_back_home",
                printed_all((x_read, y_read)),
                expected=[float(v) for v in X],
            )
            self.checkpoint("summary_theta", printed(summary[1]), expected=theta_expected)


SCENES = [CoordinateSystems]
