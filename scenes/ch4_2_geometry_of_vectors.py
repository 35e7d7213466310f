"""4.2 Geometry of Vectors: the dot product as a shadow, angles, cosine similarity and norms.

a = (1, 3) casts a shadow on b = (4, 2): shadow length × |b| = a·b = 10, at 45°. a swings to
a right angle (dot product 0) and beyond (−10). Then the recommender's users: Ana and Ben
point the same way, Ana and Chloé do not, in the 2-D picture and in cos θ over all five
movies. Finally the unit balls of the 1-, 2- and ∞-norms morph into one another while a
boundary point's norms are read off.
"""

from __future__ import annotations

import contextlib
import inspect
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    UR,
    Animation,
    AnimationGroup,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    FadeToColor,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    Mobject,
    SurroundingRectangle,
    Transform,
    VGroup,
)

from mathviz import theme
from mathviz.maths import recommender
from mathviz.maths.vectors import INF, p_norm
from mathviz.primitives.motion import built
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
from mathviz.readings import derived
from mathviz.scene import Beat, LectureScene

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
#: the 1-ball's corners, on the axes
DIAMOND_CORNERS = ((1, 0), (0, 1), (-1, 0), (0, -1))
#: the harsher rater: Ana with every rating scaled by this
HARSH = 0.6

TOL = 1e-6
PANEL_SIZE = 32
ENTRY_SIZE = 34


# --- independent routes to the expected values ----------------------------------------------
def exact_dot(u: Sequence[int], v: Sequence[int]) -> Fraction:
    """``Σ uᵢ vᵢ`` in exact arithmetic."""
    return sum((Fraction(a) * Fraction(b) for a, b in zip(u, v, strict=True)), Fraction(0))


def exact_projection(a: Sequence[int], b: Sequence[int]) -> list[Fraction]:
    """The foot of the perpendicular from ``a`` onto the line of ``b``: ``(a·b / b·b) b``."""
    k = exact_dot(a, b) / exact_dot(b, b)
    return [k * Fraction(x) for x in b]


def sym_length(v: Sequence[int]) -> sp.Expr:
    """Euclidean length, exact."""
    return sp.sqrt(sum(sp.Integer(x) ** 2 for x in v))


def sym_cos(u: Sequence[int], v: Sequence[int]) -> sp.Expr:
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


def sym_norms(point: tuple[sp.Expr, sp.Expr]) -> dict[float, float]:
    """The 1-, 2- and ∞-norms of an exact point, written out."""
    x, y = (abs(c) for c in point)
    return {1: float(x + y), 2: float(sp.sqrt(x**2 + y**2)), INF: float(sp.Max(x, y))}


def table_row(name: str) -> tuple[int, ...]:
    return tuple(recommender.TABLE[name])


def two_movies(name: str) -> tuple[int, int]:
    row = table_row(name)
    return row[recommender.MOVIES.index(MOVIE_X)], row[recommender.MOVIES.index(MOVIE_Y)]


def user_color(name: str) -> ManimColor:
    return theme.USER_COLORS[recommender.USERS.index(name)]


# --- panel pieces -------------------------------------------------------------------------------


def pair_label(first: str, second: str) -> VGroup:
    """``Ana, Ben`` with each name in its user's colour."""
    return VGroup(
        theme.text(first, size=theme.LABEL_SIZE + 4, color=user_color(first)),
        theme.text("&", size=theme.LABEL_SIZE + 4, color=theme.MUTED),
        theme.text(second, size=theme.LABEL_SIZE + 4, color=user_color(second)),
    ).arrange(RIGHT, buff=0.15)


def box_around(mob: Mobject) -> SurroundingRectangle:
    """The accent frame that points at one readout."""
    return SurroundingRectangle(
        mob, buff=0.1, corner_radius=0.05, stroke_color=theme.ACCENT, stroke_width=2.5
    )


def entry_box(entry: Mobject) -> SurroundingRectangle:
    """A thin frame round one entry of a column (the pair being multiplied)."""
    return SurroundingRectangle(entry, buff=0.07, stroke_color=theme.TEXT, stroke_width=2)


# --- motion helpers -----------------------------------------------------------------------------
class Follow(Animation):
    """Show ``read()`` on ``display`` at every frame of a play: an animation *of the display*,
    so it is redrawn while the geometry it describes moves."""

    def __init__(self, display: Mobject, read: Callable[[], Any], **kwargs: Any) -> None:
        self.read = read
        super().__init__(display, **kwargs)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        display: Any = self.mobject
        display.set(self.read())


def with_followers(motion: Animation, followers: list[tuple[Any, Callable[[], Any]]]) -> Animation:
    """``motion`` with each display showing its reading of the same frame (displays last)."""
    run_time = motion.run_time
    return AnimationGroup(
        motion, *(Follow(display, read, run_time=run_time) for display, read in followers)
    )


class SlidingBox(VGroup):
    """A highlight that slides from one readout's frame to another's as ``set(f)`` runs
    ``f`` from 0 to 1: driven by the drawing's own progress, it arrives with the shape."""

    def __init__(self, first: Mobject) -> None:
        self.rect = box_around(first)
        super().__init__(self.rect)
        self.start_mob: Mobject = first
        self.end_mob: Mobject = first

    def aim(self, target: Mobject) -> SlidingBox:
        """Slide from where the box is now towards ``target``."""
        self.start_mob, self.end_mob = self.end_mob, target
        return self

    def set(self, fraction: float) -> SlidingBox:  # type: ignore[override]
        f = min(max(float(fraction), 0.0), 1.0)
        start, end = box_around(self.start_mob), box_around(self.end_mob)
        width = start.width + f * (end.width - start.width)
        centre = start.get_center() + f * (end.get_center() - start.get_center())
        self.rect.become(start.stretch_to_fit_width(width).move_to(centre))
        return self


class TidyExponentReadout(ExponentReadout):
    """``p = 1.4`` with one decimal below ten and whole numbers from ten on (``p = 37``): as
    ``p`` races to infinity it never shows more digits than a viewer can take in."""

    WHOLE_FROM = 10.0

    def set(self, p: float) -> TidyExponentReadout:  # type: ignore[override]
        if not math.isinf(float(p)):
            self.readout.number.num_decimal_places = 0 if float(p) >= self.WHOLE_FROM else 1
        super().set(p)
        return self


#: one step of a sentence: an animation, several played together, or a function building them
Step = Animation | tuple[Animation, ...] | Callable[[], Animation | tuple[Animation, ...]]


class GeometryOfVectors(LectureScene):
    chapter_id = "4.2"

    def construct(self) -> None:
        self.open_chapter("Which users are alike? The dot product answers with a picture.")
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

    # --- pacing ---------------------------------------------------------------------------
    def in_sentence(self, b: Beat, i: int, *steps: tuple[Step, float]) -> None:
        """Play ``steps`` one after another under sentence ``i``, sharing its time by weight
        (waits for the sentence to start; a sentence already over gets short plays). A step
        given as a function is built only when its turn comes (a panel's ``reveal`` adds its
        rows to the panel as it is built)."""
        start = b.sentences[i].start
        end = start + b.sentence(i)
        if start - self.clock > 1e-6:
            self.wait(start - self.clock)
        total = max(end - self.clock, 0.5 * len(steps))
        weight = sum(w for _, w in steps)
        for animation, w in steps:
            if inspect.isfunction(animation):
                animation = animation()
            parts = animation if isinstance(animation, tuple) else (animation,)
            self.play(*parts, run_time=max(0.4, total * w / weight))

    # --- panel ----------------------------------------------------------------------------
    def set_panel_width(self, panel: Mobject) -> None:
        """The card always spans the panel's full width (numbers may grow as they change)."""
        self.panel.min_width = panel.width

    def clear_stage(self) -> None:
        self.play(FadeOut(*self.mobjects), run_time=0.8)
        self.panel.forget()

    @staticmethod
    def fly_animation(sources: list[Mobject], target: Mobject) -> Animation:
        """Copies of ``sources`` fly onto ``target`` and dissolve into it (the operands meeting
        in their result); the copies leave the scene when they land."""
        return AnimationGroup(
            *(
                Transform(
                    s.copy(),
                    s.copy().move_to(target.get_center()).scale(0.8).set_opacity(0.0),
                    remover=True,
                )
                for s in sources
            )
        )

    # --- part 1: the shadow -----------------------------------------------------------------
    def projection_beats(self) -> None:
        plane = VectorPlane((-5, 10), (-3, 7), unit=1.1, origin=(-3.0, -2.3))
        d = ProjectionDiagram(plane, A, B, arc_radius=0.75)
        self.plane, self.diagram = plane, d

        self.col_a = ColumnVector(
            A, decimals=1, size=ENTRY_SIZE, color=FIRST_COLOR, entry_width=0.95
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
        # laid out with their widest values, so the panel holds them all; the dot product is
        # spoken as a whole number, so it shows one decimal, the lengths the three spoken
        self.by_entries = Readout(r"a_1 b_1 + a_2 b_2", -10.0, decimals=1, size=PANEL_SIZE)
        self.shadow = Readout(r"\text{shadow}", -2.236, size=PANEL_SIZE, color=theme.PROJECTION)
        self.b_length = Readout(r"\lVert \vec b \rVert", 4.472, size=PANEL_SIZE, color=SECOND_COLOR)
        self.by_shadow = Readout(
            r"\text{shadow} \times \lVert \vec b \rVert", -10.0, decimals=1, size=PANEL_SIZE
        )
        self.theta = DegreeReadout(r"\theta", 135.0, decimals=0, size=PANEL_SIZE)
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
        with self.beat(
            "Take a equals one, three and b equals four, two. Multiply matching "
            "entries and add: a dot b is four plus six, ten."
        ) as b:
            self.col_a.set(d.a_shown())
            self.in_sentence(
                b,
                0,
                (plane.create(), 1.0),
                (d.create(), 1.5),
                (lambda: self.panel.reveal(vectors_row), 1.0),
            )
            self.checkpoint("a_list", self.col_a.values_shown(), expected=d.a_shown())
            self.checkpoint("b_list", col_b.values_shown(), expected=d.b_shown())
            # the pairs being multiplied, one row after the other, then their sum
            pair = VGroup(entry_box(self.col_a.entries[0]), entry_box(col_b.entries[0]))
            self.by_entries.set(float(d.a_shown() @ d.b_shown()))
            self.in_sentence(
                b,
                1,
                (Create(pair), 1.0),
                (
                    built(
                        pair.animate.become(
                            VGroup(*(entry_box(c.entries[1]) for c in (self.col_a, col_b)))
                        )
                    ),
                    1.0,
                ),
                (lambda: (FadeOut(pair), self.panel.reveal(self.by_entries)), 1.2),
            )
            self.checkpoint("dot_by_entries", self.by_entries.value, expected=float(dot))

        with self.beat(
            "Drop a perpendicular from a's tip onto the line through b. The "
            "shadow runs from the origin to two, one: it is 2.236 long."
        ) as b:
            # layers, bottom to top: b's line, the drop, its right-angle mark, b, shadow, a
            d.add_to_back(d.span)
            d.remove(d.a_arrow, d.b_arrow)
            d.add(d.drop_line, d.mark, d.b_arrow, d.a_arrow)
            b.say(
                0,
                AnimationGroup(
                    Create(d.span), Create(d.drop_line), FadeIn(d.mark), lag_ratio=0.6, group=d
                ),
            )
            self.checkpoint("drop_perpendicular_to_b", d.drop_angle_shown(), expected=90.0, tol=TOL)
            d.remove(d.a_arrow)
            d.add(d.shadow, d.a_arrow)
            # the shadow is laid from the origin; its readout measures it as it grows
            self.in_sentence(
                b,
                1,
                (self.panel.reveal(self.shadow), 0.8),
                (with_followers(Create(d.shadow), [(self.shadow, d.shadow_length_shown)]), 3.0),
            )
            self.checkpoint(
                "shadow_foot",
                d.foot_shown(),
                expected=[float(x) for x in exact_projection(A, B)],
                tol=TOL,
            )
            self.checkpoint("shadow_length", self.shadow.value, expected=float(sp.sqrt(5)))

        # b's length measured by a line laid beside it, away from a
        normal = np.array([B[1], -B[0]], dtype=float) / math.hypot(*B)
        offset = 0.35 * normal
        self.measure = Line(
            plane.c2p(*offset),
            plane.c2p(*(np.array(B, dtype=float) + offset)),
            color=SECOND_COLOR,
            stroke_width=4,
        )

        def measured() -> float:
            ends = [plane.coords_of(p) for p in (self.measure.get_start(), self.measure.get_end())]
            return cast(
                float,
                derived(
                    "length of the line laid beside b", float(np.hypot(*(ends[1] - ends[0]))), *ends
                ),
            )

        with self.beat(
            "Multiply that shadow by b's own length, 4.472. Ten comes back: the "
            "dot product is shadow times length."
        ) as b:
            self.in_sentence(
                b,
                0,
                (self.panel.reveal(self.b_length), 0.8),
                (with_followers(Create(self.measure), [(self.b_length, measured)]), 2.5),
            )
            self.checkpoint("b_length", self.b_length.value, expected=float(sym_length(B)))
            self.checkpoint("b_measure_length", measured(), expected=float(sym_length(B)), tol=TOL)
            self.by_shadow.set(d.dot_shown())
            b.say(
                1,
                AnimationGroup(
                    self.fly_animation(
                        [self.shadow.number, self.b_length.number], self.by_shadow.number
                    ),
                    self.panel.reveal(self.by_shadow),
                    lag_ratio=0.5,
                ),
            )
            self.checkpoint("dot_by_shadow", self.by_shadow.value, expected=float(dot))

        cos = sym_cos(A, B)
        with self.beat(
            "The angle between them is 45 degrees. Its cosine, the dot product "
            "over both lengths, is 0.707."
        ) as b:
            # θ is revealed at 0° and measures the arc as it opens
            d.add(d.arc, d.theta)
            self.in_sentence(
                b,
                0,
                (AnimationGroup(FadeOut(self.measure), self.panel.reveal(self.theta)), 0.8),
                (
                    with_followers(
                        AnimationGroup(Create(d.arc), FadeIn(d.theta), lag_ratio=0.4),
                        [(self.theta, d.arc_angle_shown)],
                    ),
                    2.2,
                ),
            )
            self.theta.set(d.angle_shown())
            self.checkpoint("angle_ab", self.theta.value, expected=sym_degrees(cos))
            self.checkpoint("arc_ab", d.arc_angle_shown(), expected=sym_degrees(cos), tol=TOL)
            self.cos.set(math.cos(math.radians(d.angle_shown())))
            b.say(
                1,
                AnimationGroup(
                    self.fly_animation(
                        [self.by_entries.number, self.b_length.number], self.cos.number
                    ),
                    self.panel.reveal(self.cos),
                    lag_ratio=0.5,
                ),
            )
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

    def leave_ghost_of_a(self) -> None:
        """A faint copy of a's arrow where it stands now, left behind as a swings on."""
        ghost = self.diagram.a_arrow.arrow.copy().set_opacity(0.3)
        self.diagram.add_to_back(ghost)

    def swing_to_perpendicular_and_beyond(self) -> None:
        d = self.diagram
        with self.beat(
            "Swing a round to a right angle: the shadow shrinks to a point, and "
            "the dot product is zero either way."
        ) as b:
            self.leave_ghost_of_a()
            b.say(0, d.swing_to(A_PERPENDICULAR, followers=self.followers))
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
            "negative. The dot product is minus ten, and the cosine minus 0.707."
        ) as b:
            self.leave_ghost_of_a()
            b.say(0, d.swing_to(A_OBTUSE, followers=self.followers))
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
            # the two numbers the sentence names, pointed at in turn
            self.in_sentence(
                b,
                1,
                (Indicate(self.by_shadow.number, color=theme.ACCENT), 1.0),
                (Indicate(self.cos.number, color=theme.ACCENT), 1.0),
            )

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
        # the angle is spoken in whole degrees, so it is printed in whole degrees
        similar = AngleMark(
            plane,
            arrows[SIMILAR[0]],
            arrows[SIMILAR[1]],
            radius=3.1,
            color=user_color(SIMILAR[1]),
            label_offset=0.45,
            decimals=0,
        )
        dissimilar = AngleMark(
            plane,
            arrows[DISSIMILAR[0]],
            arrows[DISSIMILAR[1]],
            radius=1.6,
            color=user_color(DISSIMILAR[1]),
            label_offset=0.5,
            decimals=0,
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
        ) as b:
            b.say(0, plane.create())
            self.in_sentence(
                b,
                1,
                (plane.grow(*arrows.values()), 1.6),
                (similar.create(), 1.0),
                (dissimilar.create(), 1.0),
            )
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

        def recolor(column: Any, color: Any) -> Animation:
            return AnimationGroup(*(FadeToColor(e, color) for e in column.entries))

        ana, ben = arrows[SIMILAR[0]], arrows[SIMILAR[1]]
        with self.beat(
            "Cosine similarity runs the same formula over all five ratings: 0.965 "
            "for Ana and Ben, only 0.537 for Ana and Chloé. Length drops out, so a "
            "harsh and a generous rater with the same taste still match."
        ) as b:
            # each cosine is computed from the ratings as the columns print them; the pair
            # being compared stays bright while the third column steps back
            self.cos_similar.set(cos_of_columns(0, 1))
            self.cos_dissimilar.set(cos_of_columns(0, 2))
            self.in_sentence(
                b,
                0,
                (self.panel.reveal(formula, columns), 1.2),
                (lambda: (recolor(columns[2], theme.MUTED), self.panel.reveal(rows[0])), 1.2),
                (
                    lambda: (
                        recolor(columns[2], theme.TEXT),
                        recolor(columns[1], theme.MUTED),
                        self.panel.reveal(rows[1]),
                    ),
                    1.2,
                ),
                (lambda: recolor(columns[1], theme.TEXT), 0.6),
            )
            for name, column in zip(names, columns, strict=True):
                self.checkpoint(
                    f"{name.lower().replace('é', 'e')}_ratings",
                    column.values_shown(),
                    expected=list(table_row(name)),
                )
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
            # a harsher Ana (every rating × 0.6) is a shorter arrow on the same ray: the
            # angle to Ben, and so the cosine, does not move
            full = np.array(two_movies(SIMILAR[0]), dtype=float)
            ghost = ana.arrow.copy().set_opacity(0.3)
            ana.add_to_back(ghost)
            with self.invariant(
                "ana_ben_label_is_drawn_angle_while_ana_scales",
                lambda: (similar.value_shown(), plane.angle_shown(ana, ben)),
            ):
                self.in_sentence(
                    b,
                    1,
                    (ana.move_to_coords(HARSH * full), 1.0),
                    (ana.move_to_coords(full), 1.0),
                )
                self.checkpoint(
                    "ana_ben_angle_after_scaling_2d",
                    plane.angle_shown(ana, ben),
                    expected=exact_similar,
                    tol=TOL,
                )

    # --- part 3: unit balls -------------------------------------------------------------------
    def norm_ball_beats(self) -> None:
        plane = VectorPlane((-1.6, 1.6), (-1.6, 1.6), unit=2.2, origin=(-3.4, -0.1))
        ball = NormBallMorph(plane, 1.0, n=BALL_POINTS, marker_index=MARKER_INDEX)
        formula = theme.tex(r"\lVert x \rVert_p = \left(|x_1|^p + |x_2|^p\right)^{1/p}", size=36)
        # the exponent as the drawn outline has it (read where it crosses the diagonal)
        p_readout = TidyExponentReadout(ball.p_shown(), decimals=1, size=PANEL_SIZE + 4)
        caption = theme.text("the marked point:", size=theme.LABEL_SIZE, color=theme.MUTED)
        # the norms are spoken as "one", so two decimals are plenty
        norms = {
            1: Readout(
                r"\lVert x \rVert_1", 0.0, decimals=2, size=PANEL_SIZE + 4, color=theme.NORM_L1
            ),
            2: Readout(
                r"\lVert x \rVert_2", 0.0, decimals=2, size=PANEL_SIZE + 4, color=theme.NORM_L2
            ),
            INF: Readout(
                r"\lVert x \rVert_\infty",
                0.0,
                decimals=2,
                size=PANEL_SIZE + 4,
                color=theme.NORM_LINF,
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

        def norm_against_marker(q: float, readout: Readout) -> Callable[[], tuple[Any, Any]]:
            """A norm's readout beside that norm of the marked point, read off the outline."""
            return lambda: (readout.value, p_norm(ball.marker_shown(), q))

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

        def box_follows_outline(q_from: float, q_to: float) -> tuple[Any, Callable[[], float]]:
            """The box's progress is the outline's: how far 1/p has come from q_from to q_to."""
            return box, lambda: (q_from - ball.inverse_p_shown()) / (q_from - q_to)

        box = SlidingBox(norms[1])
        with self.beat(
            "Length itself has more than one definition. The one-norm adds "
            "absolute values; its unit ball is a diamond, and the marked point on "
            "it has one-norm exactly one."
        ) as b:
            self.in_sentence(b, 0, (plane.create(), 1.0), (ball.create(), 1.2))
            self.in_sentence(
                b,
                1,
                (self.panel.reveal(formula), 1.0),
                (lambda: self.panel.reveal(p_readout, caption, *norms.values()), 1.0),
                (Create(box), 0.8),
            )
            self.checkpoint("diamond_p", p_readout.value, expected=ball.p_shown())
            check_stage("diamond", 1)

        with contextlib.ExitStack() as stack:
            # while the ball morphs, p and the marked point's norms are read off the outline
            stack.enter_context(self.invariant("p_readout_is_drawn_p", p_readout_against_outline))
            for q, readout in norms.items():
                stack.enter_context(
                    self.invariant(
                        f"norm_{'inf' if q == INF else q}_readout_is_drawn_marker_norm",
                        norm_against_marker(q, readout),
                    )
                )
            with self.beat(
                "Raise p and the diamond inflates. At p equals two, plain "
                "Euclidean length, the ball is a circle and the two-norm reads one."
            ) as b:
                diamond = ball.ghost()
                self.add(diamond)
                box.aim(norms[2])
                self.play(
                    ball.morph_to(2.0, followers=[*followers, box_follows_outline(1.0, 0.5)]),
                    run_time=b.sentence(0) + 0.7 * b.sentence(1),
                )
                self.checkpoint("circle_p", p_readout.value, expected=ball.p_shown())
                check_stage("circle", 2)

            with self.beat(
                "As p runs to infinity only the largest coordinate counts, and the "
                "ball becomes a square. The one-norm's sharp corners on the axes "
                "are why L1 penalties push weights to exactly zero."
            ) as b:
                self.add(ball.ghost())
                box.aim(norms[INF])
                b.say(
                    0,
                    ball.morph_to(INF, followers=[*followers, box_follows_outline(0.5, 0.0)]),
                )
                self.checkpoint("square_inverse_p", ball.inverse_p_shown(), expected=0.0, tol=1e-9)
                check_stage("square", INF)
                # the diamond's corners, on the axes: lit up, then read back
                corners = VGroup(
                    *(Dot(plane.c2p(*c), radius=0.1, color=theme.NORM_L1) for c in DIAMOND_CORNERS)
                )
                self.in_sentence(
                    b,
                    1,
                    (built(diamond.animate.set_stroke(opacity=1.0, width=4)), 0.8),
                    (LaggedStart(*(GrowFromCenter(c) for c in corners), lag_ratio=0.3), 1.4),
                )
                self.checkpoint(
                    "diamond_corners_on_axes",
                    [plane.coords_of(c) for c in corners],
                    expected=[list(map(float, c)) for c in DIAMOND_CORNERS],
                    tol=TOL,
                )


SCENES = [GeometryOfVectors]
