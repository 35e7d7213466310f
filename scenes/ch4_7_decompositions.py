"""4.7 Decompositions: the SVD as rotate–scale–rotate, and low-rank approximation.

The unit circle goes through Vᵀ (a rotation), Σ (stretch the axes by σ₁, σ₂) and U (a
rotation) and lands on A applied to the circle; the ellipse's semi-axes are the singular
values. Then the course's rating matrix ★ is replaced by its rank-1, 2, 3 approximations,
with the Frobenius error √(sum of the dropped σ²) shrinking.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from typing import SupportsFloat

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Animation,
    AnimationGroup,
    Circle,
    Create,
    DashedVMobject,
    FadeIn,
    FadeOut,
    Indicate,
    MathTex,
    Matrix,
    Mobject,
    NumberPlane,
    ShowPassingFlash,
    Succession,
    Transform,
    VGroup,
    Wait,
    there_and_back,
)

from mathviz import theme
from mathviz.maths.recommender import MOVIES, USERS, ratings
from mathviz.maths.spectral import low_rank, svd_stages
from mathviz.primitives.motion import built
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import DegreeReadout, Readout
from mathviz.primitives.spectral import MatrixHeatmap, SingularValueBars, SVDStages
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene

A = ((2, 1), (0, sp.Rational(3, 2)))
RANKS = (1, 2, 3)

TOL = 1e-6
PANEL_SIZE = 32
UNIT = 1.75
ORIGIN_AT = 2.6 * RIGHT + 0.2 * DOWN


# --- independent routes to the expected values ---------------------------------------------------
def a_float() -> np.ndarray:
    return np.array([[float(x) for x in row] for row in A])


def sympy_singular_values() -> list[float]:
    """σ from the exact eigenvalues of AᵀA (no SVD routine)."""
    m = sp.Matrix(A)
    return sorted((float(sp.sqrt(ev)) for ev in (m.T * m).eigenvals()), reverse=True)


def right_singular_vectors() -> np.ndarray:
    """Unit eigenvectors of AᵀA as columns, largest first, each turned to lie within
    (−90°, 90°] of the x axis (the drawing's convention): from sympy, exactly."""
    m = sp.Matrix(A)
    pairs = sorted((m.T * m).eigenvects(), key=lambda p: float(p[0]), reverse=True)
    cols = []
    for _, _, vectors in pairs:
        v = np.array([float(x) for x in vectors[0]])
        v /= np.linalg.norm(v)
        cols.append(v)
    v1 = cols[0] if cols[0][0] > 0 else -cols[0]
    v2 = np.array([-v1[1], v1[0]])  # the rotation's second column
    return np.column_stack([v1, v2])


def polar_angle(v: np.ndarray) -> float:
    return math.degrees(math.atan2(v[1], v[0]))


def dropped_sigma_error(m: np.ndarray, k: int) -> float:
    """√(σ_{k+1}² + …): σ² are the eigenvalues of MᵀM (no SVD routine)."""
    squares = np.sort(np.clip(np.linalg.eigvalsh(m.T @ m), 0.0, None))[::-1]
    return float(math.sqrt(squares[k:].sum()))


def projected_approximation(m: np.ndarray, k: int) -> np.ndarray:
    """``M V_k V_kᵀ``: M projected onto its top-k right singular directions (eigenvectors
    of MᵀM), which equals the truncated SVD."""
    values, vectors = np.linalg.eigh(m.T @ m)
    top = vectors[:, np.argsort(values)[::-1][:k]]
    approximation: np.ndarray = m @ top @ top.T
    return approximation


def pulse(mob: Mobject, scale: float = 1.15) -> Animation:
    """Swell ``mob`` about its own centre and back (it ends where it started)."""
    # manim types ``.animate`` as the mobject; at run time it is a builder taking animation kwargs
    swell = mob.animate(rate_func=there_and_back)  # type: ignore[operator]  # see above
    return built(swell.scale(scale))


# --- panel pieces -----------------------------------------------------------------------------------
def matrix_row(name: str, entries: Sequence[Sequence[SupportsFloat]]) -> VGroup:
    grid = Matrix(
        [[f"{float(x):g}" for x in row] for row in entries],
        element_to_mobject=MathTex,
        element_to_mobject_config={"font_size": PANEL_SIZE, "color": theme.TEXT},
        h_buff=0.9,
        v_buff=0.6,
        bracket_config={"color": theme.TEXT},
    )
    return VGroup(theme.tex(f"{name} =", size=PANEL_SIZE), grid).arrange(RIGHT, buff=0.2)


class Decompositions(LectureScene):
    chapter_id = "4.7"

    def construct(self) -> None:
        self.open_chapter("Every matrix is three simple moves: rotate, stretch, rotate.")
        self.panel = Panel()
        self.svd_beats()
        self.play(
            FadeOut(VGroup(self.plane, self.stages, self.outline)), self.panel.hide(), run_time=0.8
        )
        self.low_rank_beats()
        self.close_chapter(
            "Any matrix is rotate, stretch, rotate: A = U Σ Vᵀ.",
            "Keeping only the biggest singular values gives the best low-rank summary. Next, "
            "coordinates: one point described in different bases.",
        )

    # ------------------------------------------------------------------------------------
    # ------------------------------------------------------------------------------------
    def svd_beats(self) -> None:
        plane = NumberPlane(
            x_range=(-9, 9, 1),
            y_range=(-6, 6, 1),
            x_length=18 * UNIT,
            y_length=12 * UNIT,
            background_line_style={
                "stroke_color": theme.GRID,
                "stroke_width": 1,
                "stroke_opacity": 0.7,
            },
            axis_config={"stroke_color": theme.MUTED, "stroke_width": 1.5},
        )
        plane.shift(ORIGIN_AT)
        factors = svd_stages(a_float())
        stages = SVDStages(plane, factors)
        outline = stages.image_outline(a_float(), color=theme.TEXT)
        self.plane, self.stages, self.outline = plane, stages, outline
        sigma = sympy_singular_values()
        v = right_singular_vectors()
        a = a_float()

        legend = theme.tex(r"\vec v_1", r",\ ", r"\vec v_2", r"\ \perp", size=PANEL_SIZE)
        legend[0].set_color(theme.BASIS_I)
        legend[2].set_color(theme.BASIS_J)
        usv = theme.tex(r"A = U\,\Sigma\,V^{\top}", size=PANEL_SIZE + 4, color=theme.ACCENT)
        entries = self.declare_shown(matrix_row("A", A), "the typed entries of A")
        self.usv = usv
        with self.beat(
            "Take A equals two, one, zero, one and a half, which is not symmetric. "
            "On the unit circle, mark two perpendicular arrows: the ones A keeps "
            "perpendicular."
        ) as b:
            b.say(0, AnimationGroup(FadeIn(plane), self.panel.show(entries, usv), lag_ratio=0.5))
            b.say(1, AnimationGroup(stages.create(), self.panel.grow(legend), lag_ratio=0.6))

        # the arrows ride the curve through every stage: each tip is where the curve's
        # current map (read off its drawn points) puts the arrow's starting vector
        with self.invariant(
            "arrows_ride_the_curve",
            lambda: (
                [x for tip in stages.tips_shown() for x in tip],
                [x for i in range(2) for x in stages.curve_image_shown(v[:, i])],
            ),
            tol=TOL,
        ):
            self.stage_beats(stages, outline, sigma, v, a)

    def stage_beats(
        self,
        stages: SVDStages,
        outline: DashedVMobject,
        sigma: list[float],
        v: np.ndarray,
        a: np.ndarray,
    ) -> None:
        """Vᵀ, Σ, U played one after the other, each read off the drawing."""
        # sized for its widest value, then tied to the arrow it measures
        vt_read = DegreeReadout(r"V^{\top}\!:\ \theta", -39.7, decimals=1, size=PANEL_SIZE)
        start_angle = stages.arrow_angle_shown(0)
        # the unit circle as it stands now, left behind as a dashed ghost
        ghost = DashedVMobject(
            Circle(radius=stages.curve.width / 2, color=theme.MUTED, stroke_width=2.5).move_to(
                stages.origin
            ),
            num_dashes=60,
        )
        self.ghost = ghost
        self.panel.min_width = max(self.panel.min_width, vt_read.width)
        vt_read.follow(lambda: stages.arrow_angle_shown(0) - start_angle)
        with (
            self.beat(
                "First V transpose, a pure rotation: minus 39.7 degrees turns the green "
                "and red arrows onto the axes. A rotated circle is still the same "
                "circle."
            ) as b,
            self.invariant(
                "vt_readout_is_the_arrow_turn",
                lambda: (vt_read.value, stages.arrow_angle_shown(0) - start_angle),
            ),
        ):
            grow = self.panel.grow(vt_read, run_time=0.6)
            self.play(grow)
            b.say(0, stages.rotate_vt())
            b.say(1, Create(ghost))
            vt_read.stop_following()
            self.checkpoint("vt_turn_deg", vt_read.value, expected=-polar_angle(v[:, 0]))
            self.checkpoint("vt_tips", stages.tips_shown(), expected=[[1, 0], [0, 1]], tol=TOL)
            self.checkpoint("vt_keeps_circle", stages.semi_axes_shown(), expected=[1, 1], tol=TOL)

        # each σ readout is the length of its arrow, which lies on its axis in this stage
        s1 = Readout(r"\Sigma:\ \sigma_1", 1.0, decimals=2, size=PANEL_SIZE)
        s2 = Readout(r"\sigma_2", 1.0, decimals=2, size=PANEL_SIZE)
        sigma_row = VGroup(s1, s2).arrange(RIGHT, buff=0.45)

        def arrow_length(i: int) -> float:
            return float(np.linalg.norm(stages.tips_shown()[i]))

        with (
            self.beat(
                "Then sigma stretches along the axes: x by sigma one, 2.38. And y by "
                "sigma two, 1.26. Only this step changes shape; the semi-axes of the "
                "ellipse are the singular values."
            ) as b,
            self.invariant(
                "sigma_readouts_are_the_arrow_lengths",
                lambda: ([s1.value, s2.value], [arrow_length(0), arrow_length(1)]),
            ),
        ):
            self.panel.min_width = max(self.panel.min_width, sigma_row.width)
            s1.follow(lambda: arrow_length(0))
            s2.follow(lambda: arrow_length(1))
            grow = self.panel.grow(sigma_row, run_time=0.6)
            self.play(grow)
            b.say(0, stages.scale_sigma_axis(0))
            b.say(1, stages.scale_sigma_axis(1))
            b.say(
                2,
                AnimationGroup(
                    *(
                        AnimationGroup(
                            ShowPassingFlash(
                                arrow.copy().set_color(theme.ACCENT).set_stroke(width=10),
                                time_width=0.6,
                            ),
                            pulse(read),
                        )
                        for arrow, read in zip(stages.arrows, (s1, s2), strict=True)
                    ),
                    lag_ratio=0.5,
                ),
            )
            s1.stop_following()
            s2.stop_following()
            self.checkpoint("sigma_1", s1.value, expected=sigma[0])
            self.checkpoint("sigma_2", s2.value, expected=sigma[1])
            self.checkpoint(
                "sigma_tips", stages.tips_shown(), expected=[[sigma[0], 0], [0, sigma[1]]], tol=TOL
            )

        u_read = DegreeReadout(r"U:\ \theta", 23.7, decimals=1, size=PANEL_SIZE)
        before = stages.arrow_angle_shown(0)
        self.panel.min_width = max(self.panel.min_width, u_read.width)
        u_read.follow(lambda: stages.arrow_angle_shown(0) - before)
        with (
            self.beat(
                "Finally U rotates by 23.7 degrees, and the ellipse lands exactly on "
                "the dashed outline of A applied to the circle. Three simple moves "
                "make A."
            ) as b,
            self.invariant(
                "u_readout_is_the_arrow_turn",
                lambda: (u_read.value, stages.arrow_angle_shown(0) - before),
            ),
        ):
            grow = self.panel.grow(u_read, run_time=0.6)
            self.play(grow, Create(outline), FadeOut(self.ghost), run_time=1.0)
            b.say(0, stages.rotate_u())
            usv = self.usv
            b.say(1, Indicate(usv, color=theme.ACCENT, scale_factor=1.15))
            u_read.stop_following()
            self.checkpoint("u_turn_deg", u_read.value, expected=polar_angle(a @ v[:, 0]))
            self.checkpoint("final_tips", stages.tips_shown(), expected=(a @ v).T, tol=TOL)
            self.checkpoint("final_semi_axes", stages.semi_axes_shown(), expected=sigma, tol=TOL)
            # every drawn point p satisfies pᵀ (A Aᵀ)⁻¹ p = 1: it lies on A · circle
            inverse = np.linalg.inv(a @ a.T)
            points = stages.curve_points_shown()
            off = np.max(np.abs(np.einsum("ni,ij,nj->n", points, inverse, points) - 1.0))
            self.checkpoint(
                "final_curve_off_A_circle",
                derived("max |pᵀ(AAᵀ)⁻¹p − 1| over the drawn curve's points", off, points),
                expected=0.0,
                tol=TOL,
            )

    # ------------------------------------------------------------------------------------
    def low_rank_beats(self) -> None:
        m = ratings()
        heatmap = MatrixHeatmap(
            m,
            row_labels=USERS,
            col_labels=MOVIES,
            row_colors=theme.USER_COLORS,
            cell_width=1.4,
            cell_height=0.86,
            font_size=30,
            mid_color=theme.GRID,
        )
        heatmap.to_corner(UL, buff=0.4).shift(0.95 * DOWN)
        title = theme.tex(
            r"M", r"\ \text{: ratings, 6 users} \times \text{5 movies}", size=PANEL_SIZE
        )
        title.next_to(heatmap, UP, buff=0.3).align_to(heatmap, LEFT)
        with self.beat(
            "The same factorisation works for any matrix, like our table of six "
            "users rating five movies. Green cells are high ratings, red ones low."
        ) as b:
            b.say(0, AnimationGroup(FadeIn(title), heatmap.create(), lag_ratio=0.2))
            flat = m.ravel()
            b.say(
                1,
                AnimationGroup(
                    *(
                        AnimationGroup(
                            *(
                                pulse(VGroup(heatmap.cells[int(i)], heatmap.numbers[int(i)]))
                                for i in np.flatnonzero(flat == value)
                            )
                        )
                        for value in (5, 1)
                    ),
                    lag_ratio=1.0,
                ),
            )
            self.checkpoint("ratings_shown", heatmap.values_shown(), expected=m.tolist())

        sigma_sq = np.sort(np.linalg.eigvalsh(m.T @ m))[::-1]
        sigma = np.sqrt(np.clip(sigma_sq, 0.0, None))
        bars = SingularValueBars(sigma, y_max=18.0, width=4.2, height=3.6)
        bars.to_corner(UR, buff=0.5).shift(2.3 * DOWN)
        with self.beat(
            "Its five singular values are 17.5, 6.6 and three small ones. Two big "
            "values for two taste groups; the rest is individual quirks."
        ) as b:
            b.say(0, bars.create())
            b.say(
                1,
                AnimationGroup(
                    pulse(VGroup(bars.bars[:2], bars.labels[:2])),
                    pulse(VGroup(bars.bars[2:], bars.labels[2:])),
                    lag_ratio=1.0,
                ),
            )
            self.checkpoint(
                "singular_value_bar_heights", bars.heights_shown(), expected=sigma.tolist(), tol=TOL
            )
            self.checkpoint("singular_value_labels", bars.values_shown(), expected=sigma.tolist())

        k_read = Readout("k", RANKS[0], decimals=0, size=PANEL_SIZE + 4)
        # ‖M − M_k‖ of the approximation the cells show (unrounded): one value per rank
        errors = {k: float(np.linalg.norm(m - low_rank(m, k))) for k in RANKS}
        err_read = Readout(
            r"\lVert M - M_k \rVert_F",
            errors[RANKS[0]],
            decimals=2,
            size=PANEL_SIZE + 4,
            color=theme.ACCENT,
        )
        formula = theme.tex(
            r"= \sqrt{\sigma_{k+1}^2 + \dots + \sigma_5^2}", size=PANEL_SIZE + 4, color=theme.MUTED
        )
        readouts = VGroup(k_read, err_read, formula).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        readouts.to_corner(UR, buff=0.65)
        narration = {
            1: "Keep only sigma one, and every row becomes one number times one shared movie "
            "profile. It knows who rates generously but blurs taste: the error is 7.36.",
            2: "Add sigma two, and the taste groups appear: sci-fi fans against animation "
            "fans. The error drops to 3.28, the square root of the dropped sigmas squared.",
            3: "Rank three adds Femi's thriller habit; what is left is small noise. No rank-"
            "three table is closer, which is why truncated SVD powers compression and "
            "recommenders.",
        }
        was: VGroup | None = None
        with contextlib.ExitStack() as readouts_agree:
            for k in RANKS:
                with self.beat(narration[k]) as b:
                    new_title = theme.tex(
                        rf"M_{k}",
                        rf"\ \text{{: rank {k}, from }}\sigma_1"
                        + (rf"\dots\sigma_{k}" if k > 1 else ""),
                        size=PANEL_SIZE,
                    )
                    new_title.move_to(title, aligned_edge=LEFT)
                    moves = [
                        heatmap.morph_to(low_rank(m, k)),
                        bars.keep(k),
                        Transform(title, new_title),
                    ]
                    dropped = VGroup(bars.bars[k:], bars.labels[k:])
                    if k == RANKS[0]:
                        b.say(0, *moves)
                        b.say(
                            1,
                            AnimationGroup(FadeIn(readouts), pulse(dropped), lag_ratio=0.5),
                        )
                        # k and the error jump together, half way through each morph: the
                        # error shown is always the error of the rank shown
                        readouts_agree.enter_context(
                            self.invariant(
                                "error_readout_is_the_error_of_rank_k",
                                lambda: (
                                    err_read.value,
                                    dropped_sigma_error(m, int(round(k_read.value))),
                                ),
                            )
                        )
                    else:
                        if k == 3:  # Femi's thriller habit (Heat) comes back only now
                            femi = heatmap.highlight_row(USERS.index("Femi"))
                            moves.append(Succession(Wait(0.5), Create(femi)))
                        # the error shown so far is left behind, muted, as "was …": the
                        # new error is seen to be smaller than the old one
                        was_number = err_read.number.copy().set_color(theme.MUTED)
                        was_label = theme.tex(r"\text{was}", size=PANEL_SIZE, color=theme.MUTED)
                        was_label.next_to(k_read, RIGHT, buff=0.6).align_to(k_read, DOWN)
                        target = was_number.copy().next_to(was_label, RIGHT, buff=0.15)
                        target.align_to(was_label, DOWN)
                        leave: list[Animation] = [] if was is None else [FadeOut(was)]
                        self.add(was_number)
                        self.play(
                            *leave,
                            FadeIn(was_label),
                            built(was_number.animate.move_to(target)),
                            run_time=0.8,
                        )
                        was = VGroup(was_label, was_number)
                        self.checkpoint(
                            f"rank_{k}_previous_error",
                            printed(was_number),
                            expected=dropped_sigma_error(m, k - 1),
                        )
                        # the numbers jump half way through the morph
                        b.say(0, k_read.step_to(k), err_read.step_to(errors[k]), *moves)
                    if k == 2:
                        b.say(
                            1,
                            AnimationGroup(
                                pulse(err_read),
                                pulse(formula),
                                pulse(dropped),
                                lag_ratio=0.6,
                            ),
                        )
                    if k == 3:
                        b.say(
                            1,
                            AnimationGroup(
                                pulse(VGroup(bars.bars[:k], bars.labels[:k])),
                                pulse(err_read),
                                lag_ratio=0.5,
                            ),
                        )
                    self.checkpoint(
                        f"rank_{k}_cells",
                        heatmap.values_shown(),
                        expected=projected_approximation(m, k).tolist(),
                    )
                    self.checkpoint(f"rank_{k}_k_shown", k_read.value, expected=k)
                    self.checkpoint(f"rank_{k}_bars_kept", bars.kept_shown(), expected=k, tol=0.0)
                    self.checkpoint(
                        f"rank_{k}_frobenius_error",
                        err_read.value,
                        expected=dropped_sigma_error(m, k),
                    )


SCENES = [Decompositions]
