"""4.1 Vectors: arrows and lists side by side.

A vector drawn as an arrow and written as a column; tip-to-tail addition (1, 2) + (3, 1) =
(4, 3); scaling 2·(1, 2) = (2, 4); then the running recommender example: two users' rating
vectors, as 2-D arrows over two movies and as full five-movie columns, added and halved into
their average viewer.

Every sentence has its motion: v's two steps drawn before its arrow, w slid and then walked
by a dot, each row of the lists lit as it is added, c moved by a knob on a slider with the
arrow and the c·v list following, the users arriving one per sentence, and the sum arrow
halved in motion down to the midpoint of the chord between the two users' tips.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TypedDict, cast

import numpy as np
from manim import (
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UP,
    UR,
    AnimationGroup,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    FadeToColor,
    ManimColor,
    MathTex,
    Mobject,
    MoveAlongPath,
    Succession,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from numpy.typing import ArrayLike

from mathviz import theme
from mathviz.maths import recommender
from mathviz.maths.slider import SliderRange
from mathviz.primitives.motion import built
from mathviz.primitives.panel import Panel
from mathviz.primitives.slider import Slider
from mathviz.primitives.vectors import (
    FIRST_COLOR,
    SECOND_COLOR,
    SUM_COLOR,
    BackedLabel,
    ColumnVector,
    PlaneArrow,
    RatingVector,
    VectorPlane,
    VectorScaling,
    VectorSum,
    arrange_columns,
    column_equation,
)
from mathviz.readings import derived, reads_screen
from mathviz.scene import LectureScene

#: an entry of a list: a rating, a coordinate, a factor (exact arithmetic takes them all)
Number = int | float | Fraction

V = (1, 2)
W = (3, 1)
C = 2
#: the two users and the two movies the 2-D picture keeps
USER_A, USER_B = "Ana", "Chloé"
MOVIE_X, MOVIE_Y = "Alien", "Coco"
#: the users' average viewer (the users' sum keeps the colour of every sum, SUM_COLOR)
AVERAGE_COLOR = theme.TEXT

TOL = 1e-6
ENTRY_SIZE = 46
SYMBOL_SIZE = 50
TABLE_SIZE = 36
TABLE_LABEL_SIZE = 28
TABLE_ROW_GAP = 0.85


class TableStyle(TypedDict):
    """The keyword arguments every column of the users' table shares."""

    size: int
    row_gap: float
    label_size: int


# --- independent routes to the expected values ----------------------------------------------
def exact_sum(u: Iterable[Number], v: Iterable[Number]) -> list[Fraction]:
    """Entry-wise sum in exact arithmetic."""
    return [Fraction(a) + Fraction(b) for a, b in zip(u, v, strict=True)]


def exact_scale(c: Number, v: Iterable[Number]) -> list[Fraction]:
    """``c·v`` in exact arithmetic."""
    return [Fraction(c) * Fraction(a) for a in v]


def as_floats(values: Iterable[Number]) -> list[float]:
    return [float(x) for x in values]


def table_row(name: str) -> tuple[int, ...]:
    """A user's ratings straight from the read-only table (not through ``ratings()``)."""
    return tuple(recommender.TABLE[name])


def two_movies(name: str) -> tuple[int, int]:
    """A user's ratings of the two movies the plane shows."""
    row = table_row(name)
    return row[recommender.MOVIES.index(MOVIE_X)], row[recommender.MOVIES.index(MOVIE_Y)]


# --- panel pieces -------------------------------------------------------------------------------
def named_column(
    values: ArrayLike, tex_name: str, color: ManimColor, *, decimals: int = 0
) -> ColumnVector:
    header = theme.tex(tex_name, size=SYMBOL_SIZE, color=color)
    column = ColumnVector(values, decimals=decimals, size=ENTRY_SIZE, header=header)
    column.brackets.set_color(color)
    return column


def symbol(tex: str) -> MathTex:
    return theme.tex(tex, size=SYMBOL_SIZE)


@reads_screen("geometry")
def point_shown(plane: VectorPlane, point: Mobject | np.ndarray) -> np.ndarray:
    """Plane coordinates of a drawn point (a dot's centre, a line's end)."""
    return plane.coords_of(point)


def in_turn(*animations: Animation) -> Animation:
    """One animation after the other, every one begun at the start, so that an arrow still to
    grow is not shown grown while the ones before it play (as in a ``Succession``)."""
    return AnimationGroup(*animations, lag_ratio=1.0)


def light_rows(columns: list[ColumnVector], row: int, color: ManimColor) -> list[Animation]:
    """Colour one row's entries in every column (the entries the sentence is adding up)."""
    return [FadeToColor(col.entries[row], color.to_hex()) for col in columns]


def walk_rows(
    columns: list[ColumnVector], rows: int, partners: Sequence[VMobject] = ()
) -> Animation:
    """Light the columns' rows one after the other, each back to its colour as the next
    lights; ``partners[i]`` (a drawn step, say) lights with row ``i``."""
    base = [[entry.get_color() for entry in col.entries] for col in columns]
    partner_base = [p.get_color() for p in partners]

    def light(row: int) -> list[Animation]:
        anims = light_rows(columns, row, theme.ACCENT)
        if row < len(partners):
            anims.append(built(partners[row].animate.set_stroke(theme.ACCENT, width=7)))
        return anims

    def restore(row: int) -> list[Animation]:
        anims: list[Animation] = [
            FadeToColor(col.entries[row], colors[row].to_hex())
            for col, colors in zip(columns, base, strict=True)
        ]
        if row < len(partners):
            anims.append(built(partners[row].animate.set_stroke(partner_base[row], width=3)))
        return anims

    steps: list[Animation] = []
    for row in range(rows):
        back = restore(row - 1) if row else []
        steps.append(AnimationGroup(*back, *light(row)))
    steps.append(AnimationGroup(*restore(rows - 1)))
    return Succession(*steps)


class Vectors(LectureScene):
    chapter_id = "4.1"

    def construct(self) -> None:
        self.open_chapter("A vector is a list of numbers, and it is also an arrow.")
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
            "and angles.",
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
        plane = self.plane
        self.total = VectorSum(self.plane, V, W, label_directions=(None, None, DR))
        # the whole panel is laid out once, then revealed piece by piece
        self.col_v = named_column(V, r"\vec v", FIRST_COLOR)
        self.col_w = named_column(W, r"\vec w", SECOND_COLOR)
        self.col_sum = named_column([0, 0], r"\vec v + \vec w", SUM_COLOR)
        self.plus, self.equals = symbol("+"), symbol("=")
        sum_row = column_equation(self.col_v, self.plus, self.col_w, self.equals, self.col_sum)
        # c is a knob on a track: its readout is read back from the knob
        self.c_slider = Slider(
            SliderRange(0.0, 3.0),
            1.0,
            "c",
            length=3.2,
            color=FIRST_COLOR,
            decimals=1,
            size=SYMBOL_SIZE - 4,
            tick_size=26,
        )
        self.c_readout = self.c_slider.readout
        self.c_dot = symbol(r"c\ \cdot")
        self.col_v2 = named_column(V, r"\vec v", FIRST_COLOR)
        self.equals2 = symbol("=")
        self.col_cv = named_column(V, r"c\,\vec v", FIRST_COLOR, decimals=1)
        scale_row = column_equation(self.c_dot, self.col_v2, self.equals2, self.col_cv)
        VGroup(sum_row, self.c_slider, scale_row).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        VGroup(sum_row, self.c_slider, scale_row).to_corner(UR, buff=0.5)

        # the two steps of v: one right along the x-axis' line, two up
        self.steps = VGroup(
            DashedLine(plane.c2p(0, 0), plane.c2p(V[0], 0), color=theme.MUTED, stroke_width=3),
            DashedLine(plane.c2p(V[0], 0), plane.c2p(*V), color=theme.MUTED, stroke_width=3),
        )
        self.steps.shift(0.04 * UP)
        with self.beat(
            "In machine learning everything becomes a vector: a user, an image, a sentence. "
            "Here is v, the list one, two: one step right and two steps up from the origin. "
            "The arrow and the list carry exactly the same information."
        ) as b:
            b.say(0, self.plane.create())
            b.say(
                1,
                in_turn(Create(self.steps[0]), Create(self.steps[1]), self.total.show_first()),
                self.panel.reveal(self.col_v),
            )
            # each entry of the list lights with the step it counts
            b.say(2, walk_rows([self.col_v], 2, partners=list(self.steps)))
            self.checkpoint(
                "v_tip", self.plane.tip_shown(self.total.first), expected=as_floats(V), tol=TOL
            )
            # the list says what the arrow says: its printed entries against the drawn tip
            self.checkpoint(
                "v_list", self.col_v.values_shown(), expected=self.plane.tip_shown(self.total.first)
            )

    def addition_beats(self) -> None:
        total, plane = self.total, self.plane
        walker = Dot(plane.c2p(0, 0), radius=0.11, color=theme.TEXT)
        walker.set_stroke(theme.BACKGROUND, width=2)
        with self.beat(
            "A second vector, w, is three, one. To add them, slide w without "
            "turning it until its tail sits on v's tip. Then walk v, and walk w."
        ) as b:
            b.say(
                0,
                FadeOut(self.steps),
                total.show_second(),
                self.panel.reveal(self.plus, self.col_w),
            )
            # sliding moves w without turning or stretching it, at every moment of the slide
            with self.invariant(
                "w_unchanged_while_sliding", lambda: (total.second_shown(), as_floats(W)), tol=TOL
            ):
                b.say(1, total.slide())
            end = np.add(V, W)
            path = VMobject().set_points_as_corners(
                [plane.c2p(0, 0), plane.c2p(*V), plane.c2p(*end)]
            )
            b.say(2, Succession(FadeIn(walker, run_time=0.3), MoveAlongPath(walker, path)))
            self.checkpoint("w_after_slide", total.second_shown(), expected=as_floats(W), tol=TOL)
            self.checkpoint("w_list", self.col_w.values_shown(), expected=total.second_shown())
            self.checkpoint(
                "walk_end_dot",
                point_shown(plane, walker),
                expected=as_floats(exact_sum(V, W)),
                tol=TOL,
            )
        expected = as_floats(exact_sum(V, W))
        with self.beat(
            "The sum is the arrow from the origin to where the walk ends: four, "
            "three. On the list side it is plain element-wise addition. One plus "
            "three is four, and two plus one is three."
        ) as b:
            b.say(0, AnimationGroup(total.resultant(), FadeOut(walker), lag_ratio=0.8))
            # the list arrives already holding the drawn sum: it never shows a partial count
            self.col_sum.set(total.sum_shown())
            b.say(1, self.panel.reveal(self.equals, self.col_sum))
            b.say(2, walk_rows([self.col_v, self.col_w, self.col_sum], 2))
            self.checkpoint("sum_tip", total.sum_shown(), expected=expected, tol=TOL)
            self.checkpoint("sum_walk_end", total.walk_end_shown(), expected=expected, tol=TOL)
            self.checkpoint("sum_list", self.col_sum.values_shown(), expected=expected)

    def scaling_beat(self) -> None:
        plane, slider = self.plane, self.c_slider
        scaling = VectorScaling(self.plane, V, label=r"c\,\vec v", label_direction=LEFT)
        expected = as_floats(exact_scale(C, V))
        # v's own line, through the origin, as far as the plane shows it
        span = DashedLine(plane.c2p(0, 0), plane.c2p(2.2, 4.4), color=theme.MUTED, stroke_width=2)
        with self.beat(
            "Multiplying by a number c scales the arrow along its own line. As the "
            "knob moves c from one to two, the tip slides out to two, four. Every "
            "entry of the list doubles: one becomes two, and two becomes four."
        ) as b:
            b.say(
                0,
                in_turn(
                    FadeOut(self.total, run_time=0.6),
                    AnimationGroup(Create(span), scaling.create()),
                ),
                self.panel.reveal(slider, self.c_dot, self.col_v2, self.equals2, self.col_cv),
            )
            ghost = scaling.ghost
            assert ghost is not None  # made with ghost=True (the default)
            self.checkpoint(
                "scaling_v_list",
                self.col_v2.values_shown(),
                expected=self.plane.tip_shown(ghost),
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
                b.say(
                    1,
                    slider.animate_to(C),
                    scaling.scale_to(C, followers=[(self.col_cv, scaling.tip_shown)]),
                )
            b.say(2, walk_rows([self.col_v2, self.col_cv], 2))
            self.checkpoint("scaled_tip", scaling.tip_shown(), expected=expected, tol=TOL)
            self.checkpoint("scaled_list", self.col_cv.values_shown(), expected=expected)
            self.checkpoint("scale_factor_readout", self.c_readout.value, expected=float(C))
            self.checkpoint("scale_knob", slider.value_shown(), expected=float(C), tol=0.01)

    # --- part 2: users as vectors ---------------------------------------------------------
    def users_beat(self) -> None:
        plane = VectorPlane(
            (-0.4, 6.7),
            (-0.4, 6.8),
            unit=0.98,
            origin=(-6.45, -3.3),
            x_label=MOVIE_X,
            y_label=MOVIE_Y,
            numbers_up_to=(6, 6),
        )
        ia, ib = recommender.USERS.index(USER_A), recommender.USERS.index(USER_B)
        color_a, color_b = theme.USER_COLORS[ia], theme.USER_COLORS[ib]
        a2, b2 = recommender.user(USER_A), recommender.user(USER_B)
        ix, iy = recommender.MOVIES.index(MOVIE_X), recommender.MOVIES.index(MOVIE_Y)
        self.rows_xy = (ix, iy)
        label_a = theme.text(USER_A, size=theme.LABEL_SIZE + 2, color=color_a)
        label_b = theme.text(USER_B, size=theme.LABEL_SIZE + 2, color=color_b)
        label_sum = theme.text("sum", size=theme.LABEL_SIZE + 2, color=SUM_COLOR)
        self.users = VectorSum(
            plane,
            a2[[ix, iy]],
            b2[[ix, iy]],
            colors=(color_a, color_b, SUM_COLOR),
            labels=(label_a, label_b, label_sum),
            label_directions=(RIGHT, None, DR),
        )
        self.user_plane = plane
        self.color_b = color_b

        table_style: TableStyle = {
            "size": TABLE_SIZE,
            "row_gap": TABLE_ROW_GAP,
            "label_size": TABLE_LABEL_SIZE,
        }
        self.col_a = RatingVector(USER_A, show_movies=True, **table_style)
        self.col_b = RatingVector(USER_B, **table_style)
        self.col_users_sum = ColumnVector(np.zeros(5), header="sum", color=SUM_COLOR, **table_style)
        self.col_average = ColumnVector(
            np.zeros(5), decimals=1, header="average", color=AVERAGE_COLOR, **table_style
        )
        table = arrange_columns(
            [self.col_a, self.col_b, self.col_users_sum, self.col_average], buff=0.3
        )
        # right of the plane, low enough to clear the labels at the sum's tip (6, 6)
        table.to_edge(RIGHT, buff=0.45).set_y(-0.5)
        self.list_colors = {
            id(entry): entry.get_color()
            for col in (self.col_a, self.col_b)
            for entry in col.entries
        }
        # Chloé's list arrives with the two plotted movies already brought forward
        for i, entry in enumerate(self.col_b.entries):
            if i not in self.rows_xy:
                entry.set_color(theme.MUTED)

        with self.beat(
            f"Now real data: {USER_A} rated five movies, so she is a list of five ratings. "
            f"Keep only {MOVIE_X} and {MOVIE_Y}, and she becomes an arrow at five, one. "
            f"{USER_B} rated them the other way round: she is one, five."
        ) as b:
            b.say(0, plane.create(), self.panel.reveal(self.col_a))
            b.say(
                1,
                self.col_a.emphasize_rows((ix, iy), theme.TEXT),
                *(
                    cast(BackedLabel, name).label.animate.set_color(theme.TEXT)
                    for name in plane.decorations[-2:]
                ),
                self.users.show_first(),
            )
            b.say(2, self.panel.reveal(self.col_b), self.users.show_second())
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
        # a faint Chloé stays at the origin when her arrow slides: the average needs both tips
        chloe_ghost = PlaneArrow(
            plane, two_movies(USER_B), color=self.color_b, stroke_width=6
        ).set_opacity(0.35)
        restore = [
            FadeToColor(entry, self.list_colors[id(entry)].to_hex())
            for col in (self.col_a, self.col_b)
            for i, entry in enumerate(col.entries)
            if i not in self.rows_xy
        ]
        with self.beat(
            "We cannot draw five dimensions, but the list side of every rule works "
            f"unchanged. Add the two users: {USER_B}'s arrow slides onto {USER_A}'s tip, "
            "and the sum lands at six, six. Down the full lists, every entry of the sum is six."
        ) as b:
            b.say(0, *restore)
            self.add(chloe_ghost)
            self.bring_to_back(chloe_ghost)
            with self.invariant(
                "chloe_unchanged_while_sliding",
                lambda: (users.second_shown(), as_floats(two_movies(USER_B))),
                tol=TOL,
            ):
                b.say(1, in_turn(users.slide(), users.resultant()))
            self.col_users_sum.set(self.col_a.values_shown() + self.col_b.values_shown())
            b.say(2, self.panel.reveal(self.col_users_sum))
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
        # right of the tip, between the sum arrow and the chord, centred between grid lines
        average_label.next_to(plane.c2p(3.95, 3.45), RIGHT, buff=0)
        chord = DashedLine(
            plane.c2p(*as_floats(two_movies(USER_A))),
            plane.c2p(*as_floats(two_movies(USER_B))),
            color=theme.MUTED,
            stroke_width=3,
        )
        with self.beat(
            "Scale the sum by one half and you get their average viewer at three, three. "
            "It sits at the midpoint between the two tips. Opposite tastes cancel into "
            "someone who rates every movie a three."
        ) as b:
            # c·sum at c = 1 to begin with: the column shows what the arrow shows from the start
            self.col_average.set(
                np.asarray(self.col_users_sum.values_shown()) * float(average.factor_shown())
            )
            self.play(average.create(run_time=0.8), self.panel.reveal(self.col_average))
            # the average column is the sum column times the factor the drawn arrow shows
            with self.invariant(
                "average_list_is_sum_times_drawn_factor",
                lambda: (
                    self.col_average.values_shown(),
                    np.asarray(self.col_users_sum.values_shown()) * float(average.factor_shown()),
                ),
            ):
                b.say(
                    0,
                    average.scale_to(
                        float(half),
                        followers=[
                            (
                                self.col_average,
                                lambda: self.col_users_sum.values_shown() * average.factor_shown(),
                            )
                        ],
                    ),
                )
            b.say(1, Create(chord))
            b.say(2, FadeIn(average_label), walk_rows([self.col_average], 5))
            self.checkpoint(
                "average_tip", average.tip_shown(), expected=as_floats(midpoint), tol=TOL
            )
            self.checkpoint(
                "average_list",
                self.col_average.values_shown(),
                expected=as_floats(exact_scale(half, sum_5)),
            )
            # the chord joins the two users' tips; its midpoint is where the average lands
            ends = (point_shown(plane, chord.get_start()), point_shown(plane, chord.get_end()))
            self.checkpoint(
                "chord_midpoint",
                derived("midpoint of the chord", (ends[0] + ends[1]) / 2, *ends),
                expected=average.tip_shown(),
                tol=TOL,
            )


SCENES = [Vectors]
