"""4.1 Vectors: arrows and lists side by side.

A vector drawn as an arrow and written as a column; tip-to-tail addition (1, 2) + (3, 1) =
(4, 3); scaling 2·(1, 2) = (2, 4); then the running recommender example: two users' rating
vectors, as 2-D arrows over two movies and as full five-movie columns, added and halved into
their average viewer.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from manim import (
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UR,
    FadeIn,
    FadeOut,
    VGroup,
)

from mathviz import theme
from mathviz.maths import recommender
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.primitives.vectors import (
    FIRST_COLOR,
    SECOND_COLOR,
    SUM_COLOR,
    BackedLabel,
    ColumnVector,
    RatingVector,
    VectorPlane,
    VectorScaling,
    VectorSum,
    arrange_columns,
    column_equation,
)
from mathviz.scene import LectureScene

V = (1, 2)
W = (3, 1)
C = 2
#: the two users and the two movies the 2-D picture keeps
USER_A, USER_B = "Ana", "Chloé"
MOVIE_X, MOVIE_Y = "Alien", "Coco"
#: the users' average viewer (the users' sum keeps the colour of every sum, SUM_COLOR)
AVERAGE_COLOR = theme.TEXT

TOL = 1e-6
ENTRY_SIZE = 40
SYMBOL_SIZE = 44
TABLE_SIZE = 38
TABLE_LABEL_SIZE = 28
TABLE_ROW_GAP = 0.7


# --- independent routes to the expected values ----------------------------------------------
def exact_sum(u, v) -> list[Fraction]:
    """Entry-wise sum in exact arithmetic."""
    return [Fraction(a) + Fraction(b) for a, b in zip(u, v, strict=True)]


def exact_scale(c, v) -> list[Fraction]:
    """``c·v`` in exact arithmetic."""
    return [Fraction(c) * Fraction(a) for a in v]


def as_floats(values) -> list[float]:
    return [float(x) for x in values]


def table_row(name: str) -> tuple[int, ...]:
    """A user's ratings straight from the read-only table (not through ``ratings()``)."""
    return tuple(recommender.TABLE[name])


def two_movies(name: str) -> tuple[int, int]:
    """A user's ratings of the two movies the plane shows."""
    row = table_row(name)
    return row[recommender.MOVIES.index(MOVIE_X)], row[recommender.MOVIES.index(MOVIE_Y)]


# --- panel pieces -------------------------------------------------------------------------------
def named_column(values, tex_name: str, color, *, decimals: int = 0) -> ColumnVector:
    header = theme.tex(tex_name, size=SYMBOL_SIZE, color=color)
    column = ColumnVector(values, decimals=decimals, size=ENTRY_SIZE, header=header)
    column.brackets.set_color(color)
    return column


def symbol(tex: str) -> VGroup:
    return theme.tex(tex, size=SYMBOL_SIZE)


class Vectors(LectureScene):
    chapter_id = "4.1"

    def construct(self) -> None:
        self.open_chapter(
            "In machine learning everything becomes a vector: a user, an image, a sentence. "
            "A vector is a list of numbers, and it is also an arrow, and each view explains "
            "the other."
        )
        self.panel = Panel()
        self.arrow_and_list_beat()
        self.addition_beats()
        self.scaling_beat()
        self.clear_stage()
        self.users_beat()
        self.users_sum_beats()
        self.close_chapter(
            "A vector is a list and an arrow: add tip to tail, scale along its line.",
            "Lists add and scale entry by entry in any number of dimensions. Next: lengths "
            "and angles, and how alike two users really are.",
        )

    # --- panel ----------------------------------------------------------------------------
    def clear_stage(self) -> None:
        self.play(FadeOut(*self.mobjects), run_time=0.8)
        self.panel.forget()

    # --- part 1: arrows and lists ---------------------------------------------------------
    def arrow_and_list_beat(self) -> None:
        self.plane = VectorPlane(
            (-1, 9), (-1, 5), unit=1.55, origin=(-6.0, -3.2), numbers_up_to=(5, 4)
        )
        self.total = VectorSum(self.plane, V, W, label_directions=(None, None, DR))
        # the whole panel is laid out once, then revealed piece by piece
        self.col_v = named_column(V, r"\vec v", FIRST_COLOR)
        self.col_w = named_column(W, r"\vec w", SECOND_COLOR)
        self.col_sum = named_column([0, 0], r"\vec v + \vec w", SUM_COLOR)
        self.plus, self.equals = symbol("+"), symbol("=")
        sum_row = column_equation(self.col_v, self.plus, self.col_w, self.equals, self.col_sum)
        self.c_readout = Readout("c", 1.0, decimals=1, size=SYMBOL_SIZE, color=FIRST_COLOR)
        self.c_dot = symbol(r"c\ \cdot")
        self.col_v2 = named_column(V, r"\vec v", FIRST_COLOR)
        self.equals2 = symbol("=")
        self.col_cv = named_column(V, r"c\,\vec v", FIRST_COLOR, decimals=1)
        scale_row = column_equation(self.c_dot, self.col_v2, self.equals2, self.col_cv)
        VGroup(sum_row, self.c_readout, scale_row).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        VGroup(sum_row, self.c_readout, scale_row).to_corner(UR, buff=0.5)

        with self.beat(
            "Here is v, the list one, two, drawn as an arrow from the origin: one "
            "step right and two steps up. The arrow and the list carry exactly "
            "the same information."
        ):
            self.play(self.plane.create())
            self.play(self.total.show_first())
            self.play(self.panel.reveal(self.col_v))
            self.checkpoint(
                "v_tip", self.plane.tip_shown(self.total.first), expected=as_floats(V), tol=TOL
            )
            # the list says what the arrow says: its printed entries against the drawn tip
            self.checkpoint(
                "v_list", self.col_v.values_shown(), expected=self.plane.tip_shown(self.total.first)
            )

    def addition_beats(self) -> None:
        total = self.total
        with self.beat(
            "A second vector, w, is three, one. To add them, slide w without "
            "turning it until its tail sits on v's tip: walk v, then walk w."
        ):
            self.play(total.show_second())
            self.play(self.panel.reveal(self.plus, self.col_w))
            # sliding moves w without turning or stretching it, at every moment of the slide
            with self.invariant(
                "w_unchanged_while_sliding", lambda: (total.second_shown(), as_floats(W)), tol=TOL
            ):
                self.play(total.slide(run_time=2.0))
            self.checkpoint("w_after_slide", total.second_shown(), expected=as_floats(W), tol=TOL)
            self.checkpoint("w_list", self.col_w.values_shown(), expected=total.second_shown())
        expected = as_floats(exact_sum(V, W))
        with self.beat(
            "The sum is the arrow from the origin to where the walk ends: four, "
            "three. On the list side it is plain element-wise addition, one plus "
            "three and two plus one."
        ):
            self.play(total.resultant())
            # the list arrives already holding the drawn sum: it never shows a partial count
            self.col_sum.set(total.sum_shown())
            self.play(self.panel.reveal(self.equals, self.col_sum, run_time=1.2))
            self.checkpoint("sum_tip", total.sum_shown(), expected=expected, tol=TOL)
            self.checkpoint("sum_walk_end", total.walk_end_shown(), expected=expected, tol=TOL)
            self.checkpoint("sum_list", self.col_sum.values_shown(), expected=expected)

    def scaling_beat(self) -> None:
        scaling = VectorScaling(self.plane, V, label=r"c\,\vec v", label_direction=LEFT)
        expected = as_floats(exact_scale(C, V))
        with self.beat(
            "Multiplying by a number c scales the arrow along its own line. As c "
            "grows from one to two, the tip slides out to two, four, and every "
            "entry of the list doubles."
        ):
            self.play(FadeOut(self.total), run_time=0.6)
            self.play(scaling.create())
            self.play(
                self.panel.reveal(
                    self.c_readout, self.c_dot, self.col_v2, self.equals2, self.col_cv
                )
            )
            self.checkpoint(
                "scaling_v_list",
                self.col_v2.values_shown(),
                expected=self.plane.tip_shown(scaling.ghost),
            )
            # c and c·v are read off the moving arrow at every frame, never left behind it
            with (
                self.invariant(
                    "c_readout_is_drawn_factor",
                    lambda: (self.c_readout.value, scaling.factor_shown()),
                ),
                self.invariant(
                    "scaled_list_is_drawn_tip",
                    lambda: (self.col_cv.values_shown(), scaling.tip_shown()),
                ),
            ):
                self.play(
                    scaling.scale_to(
                        C,
                        run_time=2.5,
                        followers=[
                            (self.c_readout, scaling.factor_shown),
                            (self.col_cv, scaling.tip_shown),
                        ],
                    )
                )
            self.checkpoint("scaled_tip", scaling.tip_shown(), expected=expected, tol=TOL)
            self.checkpoint("scaled_list", self.col_cv.values_shown(), expected=expected)
            self.checkpoint("scale_factor_readout", self.c_readout.value, expected=float(C))

    # --- part 2: users as vectors ---------------------------------------------------------
    def users_beat(self) -> None:
        plane = VectorPlane(
            (-0.5, 7.2),
            (-0.5, 7.2),
            unit=0.85,
            origin=(-6.45, -3.37),
            x_label=MOVIE_X,
            y_label=MOVIE_Y,
            numbers_up_to=(6, 6),
        )
        ia, ib = recommender.USERS.index(USER_A), recommender.USERS.index(USER_B)
        color_a, color_b = theme.USER_COLORS[ia], theme.USER_COLORS[ib]
        a2, b2 = recommender.user(USER_A), recommender.user(USER_B)
        ix, iy = recommender.MOVIES.index(MOVIE_X), recommender.MOVIES.index(MOVIE_Y)
        label_a = theme.text(USER_A, size=theme.LABEL_SIZE + 2, color=color_a)
        label_b = theme.text(USER_B, size=theme.LABEL_SIZE + 2, color=color_b)
        label_sum = theme.text("sum", size=theme.LABEL_SIZE + 2, color=SUM_COLOR)
        self.users = VectorSum(
            plane,
            a2[[ix, iy]],
            b2[[ix, iy]],
            colors=(color_a, color_b, SUM_COLOR),
            labels=(label_a, label_b, label_sum),
            label_directions=(RIGHT, None, LEFT),
        )
        self.user_plane = plane

        table_style = {"size": TABLE_SIZE, "row_gap": TABLE_ROW_GAP, "label_size": TABLE_LABEL_SIZE}
        self.col_a = RatingVector(USER_A, show_movies=True, **table_style)
        self.col_b = RatingVector(USER_B, **table_style)
        self.col_users_sum = ColumnVector(np.zeros(5), header="sum", color=SUM_COLOR, **table_style)
        self.col_average = ColumnVector(
            np.zeros(5), decimals=1, header="average", color=AVERAGE_COLOR, **table_style
        )
        table = arrange_columns(
            [self.col_a, self.col_b, self.col_users_sum, self.col_average], buff=0.35
        )
        table.to_corner(UR, buff=0.45)

        with self.beat(
            f"Now real data. {USER_A} and {USER_B} each rated five movies; keep "
            f"only {MOVIE_X} and {MOVIE_Y}, and each user becomes an arrow: "
            f"{USER_A} at five, one, {USER_B} at one, five."
        ):
            self.play(plane.create())
            self.play(self.users.create(run_time=2.0))
            self.checkpoint(
                "ana_tip",
                plane.tip_shown(self.users.first),
                expected=as_floats(two_movies(USER_A)),
                tol=TOL,
            )
            self.checkpoint(
                "chloe_tip",
                plane.tip_shown(self.users.second),
                expected=as_floats(two_movies(USER_B)),
                tol=TOL,
            )
        with self.beat(
            "The full lists have five entries, one per movie. We cannot draw five "
            "dimensions, but the list side of every rule works unchanged."
        ):
            self.play(self.panel.reveal(self.col_a, self.col_b))
            self.play(
                self.col_a.emphasize_rows((ix, iy), theme.TEXT),
                self.col_b.emphasize_rows((ix, iy)),
                *(name.label.animate.set_color(theme.TEXT) for name in plane.decorations[-2:]),
            )
            self.checkpoint(
                "ana_list", self.col_a.values_shown(), expected=as_floats(table_row(USER_A))
            )
            self.checkpoint(
                "chloe_list", self.col_b.values_shown(), expected=as_floats(table_row(USER_B))
            )

    def users_sum_beats(self) -> None:
        users, plane = self.users, self.user_plane
        sum_5 = exact_sum(table_row(USER_A), table_row(USER_B))
        sum_2 = exact_sum(two_movies(USER_A), two_movies(USER_B))
        with self.beat(
            f"Add the two users: {USER_B}'s arrow slides onto {USER_A}'s tip and "
            "the sum lands at six, six. Down the full lists, every entry of the "
            "sum is six."
        ):
            with self.invariant(
                "chloe_unchanged_while_sliding",
                lambda: (users.second_shown(), as_floats(two_movies(USER_B))),
                tol=TOL,
            ):
                self.play(users.slide(run_time=2.0))
            self.play(users.resultant())
            self.col_users_sum.set(self.col_a.values_shown() + self.col_b.values_shown())
            self.play(self.panel.reveal(self.col_users_sum, run_time=1.2))
            self.checkpoint("users_sum_tip", users.sum_shown(), expected=as_floats(sum_2), tol=TOL)
            self.checkpoint(
                "users_sum_list", self.col_users_sum.values_shown(), expected=as_floats(sum_5)
            )

        half = Fraction(1, 2)
        average = VectorScaling(
            plane, users.sum_shown(), color=AVERAGE_COLOR, label=None, ghost=False
        )
        midpoint = exact_scale(half, sum_2)
        average_label = BackedLabel(
            theme.text("average", size=theme.LABEL_SIZE + 2, color=AVERAGE_COLOR)
        )
        average_label.next_to(plane.c2p(*as_floats(midpoint)), UL, buff=0.05)
        with self.beat(
            "Scale the sum by one half and you get their average viewer at three, "
            "three, the midpoint between the two tips. Opposite tastes cancel "
            "into someone who rates every movie a three."
        ):
            self.play(average.create(run_time=0.6))
            # c·sum at c = 1 to begin with: the column shows what the arrow shows from the start
            self.col_average.set(
                np.asarray(self.col_users_sum.values_shown()) * float(average.factor_shown())
            )
            self.play(self.panel.reveal(self.col_average))
            # the average column is the sum column times the factor the drawn arrow shows
            with self.invariant(
                "average_list_is_sum_times_drawn_factor",
                lambda: (
                    self.col_average.values_shown(),
                    np.asarray(self.col_users_sum.values_shown()) * float(average.factor_shown()),
                ),
            ):
                self.play(
                    average.scale_to(
                        half,
                        run_time=2.0,
                        followers=[
                            (
                                self.col_average,
                                lambda: self.col_users_sum.values_shown() * average.factor_shown(),
                            )
                        ],
                    )
                )
            self.play(FadeIn(average_label), run_time=0.5)
            self.checkpoint(
                "average_tip", average.tip_shown(), expected=as_floats(midpoint), tol=TOL
            )
            self.checkpoint(
                "average_list",
                self.col_average.values_shown(),
                expected=as_floats(exact_scale(half, sum_5)),
            )


SCENES = [Vectors]
