"""4.2 Geometry of Vectors: the dot product as a shadow, angles, cosine similarity and norms.

a = (1, 3) casts a shadow on b = (4, 2): shadow length × |b| = a·b = 10, at 45°. a swings to
a right angle (dot product 0) and beyond (−10). Then the recommender's users: Ana and Ben
point the same way, Ana and Chloé do not, in the 2-D picture and in cos θ over all five
movies. Finally the unit balls of the 1-, 2- and ∞-norms morph into one another while a
boundary point's norms are read off.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    FadeIn,
    FadeOut,
    SurroundingRectangle,
    VGroup,
)

from mathviz import theme
from mathviz.maths import recommender
from mathviz.maths.vectors import INF, p_norm
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import DegreeReadout, Readout
from mathviz.primitives.vectors import (
    FIRST_COLOR,
    SECOND_COLOR,
    AngleMark,
    ColumnVector,
    ExponentReadout,
    NormBallMorph,
    ProjectionDiagram,
    RatingVector,
    VectorPlane,
    arrange_columns,
    column_equation,
)
from mathviz.scene import LectureScene

A = (1, 3)
B = (4, 2)
A_PERPENDICULAR = (-1, 2)
A_OBTUSE = (-3, 1)
#: the similar pair, the dissimilar pair, and the two movies of the 2-D picture
SIMILAR = ("Ana", "Ben")
DISSIMILAR = ("Ana", "Chloé")
MOVIE_X, MOVIE_Y = "Alien", "Coco"
#: the unit balls: boundary points, and the marked one (ray k of n: 30°)
BALL_POINTS, MARKER_INDEX = 240, 20

TOL = 1e-6
PANEL_SIZE = 32
ENTRY_SIZE = 34


# --- independent routes to the expected values ----------------------------------------------
def exact_dot(u, v) -> Fraction:
    """``Σ uᵢ vᵢ`` in exact arithmetic."""
    return sum((Fraction(a) * Fraction(b) for a, b in zip(u, v, strict=True)), Fraction(0))


def exact_projection(a, b) -> list[Fraction]:
    """The foot of the perpendicular from ``a`` onto the line of ``b``: ``(a·b / b·b) b``."""
    k = exact_dot(a, b) / exact_dot(b, b)
    return [k * Fraction(x) for x in b]


def sym_length(v) -> sp.Expr:
    """Euclidean length, exact."""
    return sp.sqrt(sum(sp.Integer(x) ** 2 for x in v))


def sym_cos(u, v) -> sp.Expr:
    """``cos θ = u·v / (|u| |v|)``, exact."""
    return sp.nsimplify(sum(sp.Integer(a) * sp.Integer(b) for a, b in zip(u, v, strict=True))) / (
        sym_length(u) * sym_length(v)
    )


def sym_degrees(cos: sp.Expr) -> float:
    return float(sp.acos(cos) * 180 / sp.pi)


def marker_point(p: float) -> tuple[sp.Expr, sp.Expr]:
    """The point of the p-unit circle on the 30° ray, exact: ``(cos 30°, sin 30°) / ‖·‖ₚ``."""
    x, y = sp.sqrt(3) / 2, sp.Rational(1, 2)
    scale = {1: x + y, 2: sp.Integer(1), INF: x}[p]
    return x / scale, y / scale


def sym_norms(point) -> dict[float, float]:
    """The 1-, 2- and ∞-norms of an exact point, written out."""
    x, y = (abs(c) for c in point)
    return {1: float(x + y), 2: float(sp.sqrt(x**2 + y**2)), INF: float(sp.Max(x, y))}


def table_row(name: str) -> tuple[int, ...]:
    return tuple(recommender.TABLE[name])


def two_movies(name: str) -> tuple[int, int]:
    row = table_row(name)
    return row[recommender.MOVIES.index(MOVIE_X)], row[recommender.MOVIES.index(MOVIE_Y)]


def user_color(name: str):
    return theme.USER_COLORS[recommender.USERS.index(name)]


# --- panel pieces -------------------------------------------------------------------------------


def pair_label(first: str, second: str) -> VGroup:
    """``Ana, Ben`` with each name in its user's colour."""
    return VGroup(
        theme.text(first, size=theme.LABEL_SIZE + 4, color=user_color(first)),
        theme.text("&", size=theme.LABEL_SIZE + 4, color=theme.MUTED),
        theme.text(second, size=theme.LABEL_SIZE + 4, color=user_color(second)),
    ).arrange(RIGHT, buff=0.15)


class GeometryOfVectors(LectureScene):
    chapter_id = "4.2"

    def construct(self) -> None:
        self.open_chapter(
            "A recommender has to decide which users are alike. The dot product answers "
            "that, and it has a picture: one vector's shadow on another."
        )
        self.panel = Panel()
        self.projection_beats()
        self.swing_beats()
        self.clear_stage()
        self.users_beats()
        self.clear_stage()
        self.norm_ball_beats()
        self.close_chapter(
            "a·b = shadow × length;  cos θ compares directions only.",
            "Dot products, angles and norms are the measuring tools of machine learning. "
            "Next, matrices: many dot products at once.",
        )

    # --- panel ----------------------------------------------------------------------------
    def set_panel_width(self, panel) -> None:
        """The card always spans the panel's full width (numbers may grow as they change)."""
        self.panel.min_width = panel.width

    def clear_stage(self) -> None:
        self.play(FadeOut(*self.mobjects), run_time=0.8)
        self.panel.forget()

    # --- part 1: the shadow -----------------------------------------------------------------
    def projection_beats(self) -> None:
        plane = VectorPlane((-5, 10), (-3, 7), unit=1.1, origin=(-3.0, -2.3))
        d = ProjectionDiagram(plane, A, B, arc_radius=0.75)
        self.plane, self.diagram = plane, d

        self.col_a = ColumnVector(
            A, decimals=2, size=ENTRY_SIZE, color=FIRST_COLOR, entry_width=0.95
        )
        col_b = ColumnVector(B, size=ENTRY_SIZE, color=SECOND_COLOR)
        vectors_row = column_equation(
            theme.tex(r"\vec a =", size=PANEL_SIZE, color=FIRST_COLOR),
            self.col_a,
            theme.tex(r"\vec b =", size=PANEL_SIZE, color=SECOND_COLOR),
            col_b,
        )
        vectors_row[2].shift(0.25 * RIGHT)
        VGroup(*vectors_row[3:]).shift(0.25 * RIGHT)
        # laid out with their widest values, so the panel holds them all
        self.by_entries = Readout(r"a_1 b_1 + a_2 b_2", -10.0, size=PANEL_SIZE)
        self.shadow = Readout(r"\text{shadow}", -2.236, size=PANEL_SIZE, color=theme.PROJECTION)
        self.b_length = Readout(r"\lVert \vec b \rVert", 4.472, size=PANEL_SIZE, color=SECOND_COLOR)
        self.by_shadow = Readout(
            r"\text{shadow} \times \lVert \vec b \rVert", -10.0, size=PANEL_SIZE
        )
        self.theta = DegreeReadout(r"\theta", 135.0, size=PANEL_SIZE)
        self.cos = Readout(r"\cos\theta", -0.707, size=PANEL_SIZE)
        angle_row = VGroup(self.theta, self.cos).arrange(RIGHT, buff=0.5)
        panel = VGroup(
            vectors_row, self.by_entries, self.shadow, self.b_length, self.by_shadow, angle_row
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.32)
        panel.to_corner(UR, buff=0.45)
        self.set_panel_width(panel)
        for readout in (
            self.by_entries,
            self.shadow,
            self.b_length,
            self.by_shadow,
            self.theta,
            self.cos,
        ):
            readout.set(0.0)
        self.followers = [
            (self.col_a, d.a_shown),
            (self.by_entries, lambda: float(d.a_shown() @ d.b_shown())),
            (self.shadow, d.shadow_length_shown),
            (self.by_shadow, d.dot_shown),
            (self.theta, d.angle_shown),
            (self.cos, lambda: math.cos(math.radians(d.angle_shown()))),
        ]

        dot = exact_dot(A, B)
        # every readout arrives holding the value read off the drawing (never a count from 0)
        with self.beat(
            "Take a equals one, three and b equals four, two. Multiply matching "
            "entries and add: a dot b is four plus six, ten."
        ):
            self.play(plane.create())
            self.play(d.create())
            self.col_a.set(d.a_shown())
            self.by_entries.set(float(d.a_shown() @ d.b_shown()))
            self.play(self.panel.reveal(vectors_row, run_time=1.0))
            self.checkpoint("a_list", self.col_a.values_shown(), expected=d.a_shown())
            self.checkpoint("b_list", col_b.values_shown(), expected=d.b_shown())
            self.play(self.panel.reveal(self.by_entries, run_time=1.0))
            self.checkpoint("dot_by_entries", self.by_entries.value, expected=float(dot))

        with self.beat(
            "Drop a perpendicular from a's tip onto the line through b. The "
            "shadow runs from the origin to two, one: it is 2.236 long."
        ):
            self.play(d.drop())
            self.shadow.set(d.shadow_length_shown())
            self.play(self.panel.reveal(self.shadow, run_time=1.0))
            self.checkpoint(
                "shadow_foot",
                d.foot_shown(),
                expected=[float(x) for x in exact_projection(A, B)],
                tol=TOL,
            )
            self.checkpoint("drop_perpendicular_to_b", d.drop_angle_shown(), expected=90.0, tol=TOL)
            self.checkpoint("shadow_length", self.shadow.value, expected=float(sp.sqrt(5)))

        with self.beat(
            "Multiply that shadow by b's own length, 4.472, and ten comes back: "
            "the dot product is shadow times length."
        ):
            self.b_length.set(d.b_length_shown())
            self.play(self.panel.reveal(self.b_length, run_time=1.0))
            self.by_shadow.set(d.dot_shown())
            self.play(self.panel.reveal(self.by_shadow, run_time=1.0))
            self.checkpoint("b_length", self.b_length.value, expected=float(sym_length(B)))
            self.checkpoint("dot_by_shadow", self.by_shadow.value, expected=float(dot))

        cos = sym_cos(A, B)
        with self.beat(
            "The angle between them is 45 degrees, and its cosine, the dot "
            "product over both lengths, is 0.707."
        ):
            self.play(d.show_angle())
            self.theta.set(d.angle_shown())
            self.cos.set(math.cos(math.radians(d.angle_shown())))
            self.play(self.panel.reveal(angle_row, run_time=1.0))
            self.checkpoint("angle_ab", self.theta.value, expected=sym_degrees(cos))
            self.checkpoint("arc_ab", d.arc_angle_shown(), expected=sym_degrees(cos), tol=TOL)
            self.checkpoint("cos_ab", self.cos.value, expected=float(cos))

    def swing_beats(self) -> None:
        with contextlib.ExitStack() as stack:
            # while a swings, every readout equals what it describes in the drawing
            for name, read, tol in self.swing_invariants():
                stack.enter_context(self.invariant(name, read, tol=tol))
            self.swing_to_perpendicular_and_beyond()

    def swing_invariants(self) -> list[tuple[str, Callable[[], tuple[Any, Any]], float | None]]:
        """``(name, read, tol)`` of what holds at every moment of the swing (printed readouts
        take their display's tolerance)."""
        d = self.diagram
        return [
            ("a_list_is_drawn_a", lambda: (self.col_a.values_shown(), d.a_shown()), None),
            (
                "dot_by_entries_is_drawn_a_dot_b",
                lambda: (self.by_entries.value, float(d.a_shown() @ d.b_shown())),
                None,
            ),
            ("shadow_is_drawn_shadow", lambda: (self.shadow.value, d.shadow_length_shown()), None),
            ("dot_by_shadow_is_drawn_product", lambda: (self.by_shadow.value, d.dot_shown()), None),
            ("theta_is_drawn_angle", lambda: (self.theta.value, d.angle_shown()), None),
            (
                "cos_is_cos_of_drawn_angle",
                lambda: (self.cos.value, math.cos(math.radians(d.angle_shown()))),
                None,
            ),
            ("drop_stays_perpendicular", lambda: (d.drop_angle_shown(), 90.0), TOL),
        ]

    def swing_to_perpendicular_and_beyond(self) -> None:
        d = self.diagram
        with self.beat(
            "Swing a round to a right angle: the shadow shrinks to a point, and "
            "the dot product is zero either way."
        ):
            self.play(d.swing_to(A_PERPENDICULAR, run_time=2.5, followers=self.followers))
            dot = float(exact_dot(A_PERPENDICULAR, B))
            self.checkpoint(
                "perpendicular_a",
                self.col_a.values_shown(),
                expected=[float(x) for x in A_PERPENDICULAR],
            )
            self.checkpoint("perpendicular_dot_by_entries", self.by_entries.value, expected=dot)
            self.checkpoint("perpendicular_shadow", self.shadow.value, expected=0.0)
            self.checkpoint("perpendicular_dot_by_shadow", self.by_shadow.value, expected=dot)
            self.checkpoint(
                "perpendicular_angle",
                self.theta.value,
                expected=sym_degrees(sym_cos(A_PERPENDICULAR, B)),
            )
            self.checkpoint(
                "perpendicular_cos", self.cos.value, expected=float(sym_cos(A_PERPENDICULAR, B))
            )
        with self.beat(
            "Past ninety degrees the shadow falls behind the origin and counts as "
            "negative: minus ten, cosine minus 0.707."
        ):
            self.play(d.swing_to(A_OBTUSE, run_time=2.5, followers=self.followers))
            dot = float(exact_dot(A_OBTUSE, B))
            cos = sym_cos(A_OBTUSE, B)
            self.checkpoint(
                "obtuse_a", self.col_a.values_shown(), expected=[float(x) for x in A_OBTUSE]
            )
            self.checkpoint("obtuse_dot_by_entries", self.by_entries.value, expected=dot)
            self.checkpoint(
                "obtuse_shadow", self.shadow.value, expected=float(sp.Integer(dot) / sym_length(B))
            )
            self.checkpoint("obtuse_dot_by_shadow", self.by_shadow.value, expected=dot)
            self.checkpoint("obtuse_angle", self.theta.value, expected=sym_degrees(cos))
            self.checkpoint("obtuse_cos", self.cos.value, expected=float(cos))

    # --- part 2: users ----------------------------------------------------------------------
    def users_beats(self) -> None:
        plane = VectorPlane(
            (-0.5, 6.6),
            (-0.5, 6.6),
            unit=1.05,
            origin=(-6.38, -3.27),
            x_label=MOVIE_X,
            y_label=MOVIE_Y,
            numbers_up_to=(5, 5),
        )
        names = ("Ana", "Ben", "Chloé")
        directions = {"Ana": RIGHT, "Ben": None, "Chloé": None}
        arrows = {
            n: plane.arrow_to(
                two_movies(n),
                user_color(n),
                theme.text(n, size=theme.LABEL_SIZE + 2, color=user_color(n)),
                name=n,
                label_direction=directions[n],
            )
            for n in names
        }
        similar = AngleMark(
            plane,
            arrows[SIMILAR[0]],
            arrows[SIMILAR[1]],
            radius=3.1,
            color=user_color(SIMILAR[1]),
            label_offset=0.45,
        )
        dissimilar = AngleMark(
            plane,
            arrows[DISSIMILAR[0]],
            arrows[DISSIMILAR[1]],
            radius=1.6,
            color=user_color(DISSIMILAR[1]),
            label_offset=0.5,
        )

        formula = theme.tex(
            r"\cos\theta = \frac{\vec a \cdot \vec b}"
            r"{\lVert \vec a \rVert\, \lVert \vec b \rVert}",
            size=36,
        )
        columns = arrange_columns(
            [RatingVector(n, show_movies=(n == names[0]), size=ENTRY_SIZE) for n in names],
            buff=0.45,
        )
        self.cos_similar = Readout(r"\cos\theta", 0.0, size=PANEL_SIZE)
        self.cos_dissimilar = Readout(r"\cos\theta", 0.0, size=PANEL_SIZE)
        rows = [
            VGroup(pair_label(*pair), readout).arrange(RIGHT, buff=0.35)
            for pair, readout in ((SIMILAR, self.cos_similar), (DISSIMILAR, self.cos_dissimilar))
        ]
        for row in rows:  # line the readouts up
            row[1].shift(RIGHT * (rows[1][0].get_right()[0] - row[0].get_right()[0]))
        panel = VGroup(formula, columns, *rows).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        panel.to_corner(UR, buff=0.45)
        self.set_panel_width(panel)

        exact_similar = sym_degrees(sym_cos(two_movies(SIMILAR[0]), two_movies(SIMILAR[1])))
        exact_dissimilar = sym_degrees(
            sym_cos(two_movies(DISSIMILAR[0]), two_movies(DISSIMILAR[1]))
        )
        with self.beat(
            "Now users, on the Alien and Coco axes. Ana and Ben point almost the "
            "same way, 15 degrees apart; Chloé is 67 degrees from Ana."
        ):
            self.play(plane.create())
            self.play(plane.grow(*arrows.values(), run_time=2.0))
            self.play(similar.create(), dissimilar.create())
            self.checkpoint("ana_ben_angle_2d", similar.value_shown(), expected=exact_similar)
            self.checkpoint(
                "ana_ben_arc_2d", similar.arc_angle_shown(), expected=exact_similar, tol=TOL
            )
            self.checkpoint(
                "ana_chloe_angle_2d", dissimilar.value_shown(), expected=exact_dissimilar
            )
            self.checkpoint(
                "ana_chloe_arc_2d", dissimilar.arc_angle_shown(), expected=exact_dissimilar, tol=TOL
            )

        def cos_of_columns(i: int, j: int) -> float:
            u, v = columns[i].values_shown(), columns[j].values_shown()
            return float(u @ v / math.sqrt((u @ u) * (v @ v)))

        with self.beat(
            "Cosine similarity runs the same formula over all five ratings: 0.965 "
            "for Ana and Ben, only 0.537 for Ana and Chloé. Length drops out, so a "
            "harsh and a generous rater with the same taste still match."
        ):
            self.play(self.panel.reveal(formula, columns))
            for name, column in zip(names, columns, strict=True):
                self.checkpoint(
                    f"{name.lower().replace('é', 'e')}_ratings",
                    column.values_shown(),
                    expected=list(table_row(name)),
                )
            # each cosine is computed from the ratings as the columns print them
            self.cos_similar.set(cos_of_columns(0, 1))
            self.cos_dissimilar.set(cos_of_columns(0, 2))
            self.play(self.panel.reveal(*rows, run_time=1.5))
            self.checkpoint(
                "ana_ben_cos_5d",
                self.cos_similar.value,
                expected=float(sym_cos(table_row(SIMILAR[0]), table_row(SIMILAR[1]))),
            )
            self.checkpoint(
                "ana_chloe_cos_5d",
                self.cos_dissimilar.value,
                expected=float(sym_cos(table_row(DISSIMILAR[0]), table_row(DISSIMILAR[1]))),
            )

    # --- part 3: unit balls -------------------------------------------------------------------
    def norm_ball_beats(self) -> None:
        plane = VectorPlane((-1.6, 1.6), (-1.6, 1.6), unit=2.2, origin=(-3.4, -0.1))
        ball = NormBallMorph(plane, 1.0, n=BALL_POINTS, marker_index=MARKER_INDEX)
        formula = theme.tex(r"\lVert x \rVert_p = \left(|x_1|^p + |x_2|^p\right)^{1/p}", size=36)
        # the exponent as the drawn outline has it (read where it crosses the diagonal)
        p_readout = ExponentReadout(ball.p_shown(), size=PANEL_SIZE + 4)
        caption = theme.text("the marked point:", size=theme.LABEL_SIZE, color=theme.MUTED)
        norms = {
            1: Readout(r"\lVert x \rVert_1", 0.0, size=PANEL_SIZE + 4, color=theme.NORM_L1),
            2: Readout(r"\lVert x \rVert_2", 0.0, size=PANEL_SIZE + 4, color=theme.NORM_L2),
            INF: Readout(
                r"\lVert x \rVert_\infty", 0.0, size=PANEL_SIZE + 4, color=theme.NORM_LINF
            ),
        }
        panel = VGroup(formula, p_readout, caption, *norms.values()).arrange(
            DOWN, aligned_edge=LEFT, buff=0.4
        )
        panel.to_edge(RIGHT, buff=0.6).shift(0.3 * UP)
        self.set_panel_width(panel)
        followers = [(p_readout, ball.p_shown)] + [
            (readout, lambda q=q: p_norm(ball.marker_shown(), q)) for q, readout in norms.items()
        ]
        for readout, read in followers:
            readout.set(read())

        def p_readout_against_outline() -> tuple[Any, Any]:
            if p_readout.shows_infinity():  # ∞ only once the outline is the square: 1/p = 0
                return ball.inverse_p_shown(), 0.0
            return p_readout.value, ball.p_shown()

        def box_around(readout) -> SurroundingRectangle:
            return SurroundingRectangle(
                readout, buff=0.1, corner_radius=0.05, stroke_color=theme.ACCENT, stroke_width=2.5
            )

        def check_stage(stage: str, p: float) -> None:
            point = marker_point(p)
            expected = sym_norms(point)
            for q, readout in norms.items():
                self.checkpoint(
                    f"{stage}_marker_norm_{'inf' if q == INF else q}",
                    readout.value,
                    expected=expected[q],
                )
            self.checkpoint(
                f"{stage}_marker_point",
                ball.marker_shown(),
                expected=[float(c) for c in point],
                tol=TOL,
            )
            # the drawn outline is the unit ball of the narrated p: every vertex has p-norm 1
            self.checkpoint(
                f"{stage}_boundary_norms",
                ball.norm_range_of_boundary_shown(p),
                expected=[1.0, 1.0],
                tol=1e-9,
            )

        box = box_around(norms[1])
        with self.beat(
            "Length itself has more than one definition. The one-norm adds "
            "absolute values; its unit ball is a diamond, and the marked point on "
            "it has one-norm exactly one."
        ):
            self.play(plane.create())
            self.play(ball.create())
            self.play(self.panel.reveal(formula, p_readout, caption, *norms.values(), run_time=1.2))
            self.play(FadeIn(box))
            self.checkpoint("diamond_p", p_readout.value, expected=ball.p_shown())
            check_stage("diamond", 1)

        with contextlib.ExitStack() as stack:
            # while the ball morphs, p and the marked point's norms are read off the outline
            stack.enter_context(self.invariant("p_readout_is_drawn_p", p_readout_against_outline))
            for q, readout in norms.items():
                stack.enter_context(
                    self.invariant(
                        f"norm_{'inf' if q == INF else q}_readout_is_drawn_marker_norm",
                        lambda q=q, readout=readout: (
                            readout.value,
                            p_norm(ball.marker_shown(), q),
                        ),
                    )
                )
            with self.beat(
                "Raise p and the diamond inflates. At p equals two, plain "
                "Euclidean length, the ball is a circle and the two-norm reads one."
            ):
                ghost = ball.ghost()
                self.add(ghost)
                self.play(
                    ball.morph_to(2.0, run_time=3.0, followers=followers),
                    box.animate.become(box_around(norms[2])),
                )
                self.checkpoint("circle_p", p_readout.value, expected=ball.p_shown())
                check_stage("circle", 2)

            with self.beat(
                "As p runs to infinity only the largest coordinate counts, and the "
                "ball becomes a square. The one-norm's sharp corners on the axes "
                "are why L1 penalties push weights to exactly zero."
            ):
                ghost = ball.ghost()
                self.add(ghost)
                self.play(
                    ball.morph_to(INF, run_time=3.0, followers=followers),
                    box.animate.become(box_around(norms[INF])),
                )
                self.checkpoint("square_inverse_p", ball.inverse_p_shown(), expected=0.0, tol=1e-9)
                check_stage("square", INF)


SCENES = [GeometryOfVectors]
