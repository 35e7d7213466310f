"""13.4 Dimensionality Reduction: principal axes of a 2-D cloud, and the rating matrix as U Vᵀ.

A seeded, correlated cloud of thirty points slides so that its mean sits on the origin. A probe
line turns through it, every point's shadow on it; the variance of the shadows is plotted
against the probe's angle as it turns, and peaks on the first principal axis. The two
principal axes are drawn as arrows two standard deviations long, and the points drop onto the
first one: each becomes one number, keeping 93.4 % of the variance. Then the course's rating
matrix ★ is factorised as U (users × 2) times Vᵀ (2 × movies), and its cells cross-fade to
the rank-2 product, with the error the dropped singular values predict.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Create, DashedLine, FadeIn, FadeOut, VGroup, Write

from mathviz import theme
from mathviz.maths.pca import correlated_cloud, principal_components, rank_k_factors
from mathviz.maths.recommender import MOVIES, USERS, ratings
from mathviz.primitives.calculus import function_axes
from mathviz.primitives.factorisation import FactorisedMatrix
from mathviz.primitives.point_cloud import PointCloud, VarianceTrace
from mathviz.primitives.readout import DegreeReadout, Readout
from mathviz.primitives.vectors import VectorPlane
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

SEED, N_POINTS = 7, 30
CLOUD = {"mean": (2.0, 1.5), "stds": (1.6, 0.5), "angle": 30.0}
#: the principal arrows are this many standard deviations long
ARROW_SDS = 2.0
K = 2
TOL = 1e-6
FIRST, SECOND = theme.ACCENT, theme.BASIS_I


def cloud_points() -> np.ndarray:
    return correlated_cloud(np.random.default_rng(SEED), N_POINTS, **CLOUD)  # type: ignore[arg-type]


# --- independent routes to the expected values: the covariance's eigen-decomposition -----
def covariance_eigen(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (largest first) and unit eigenvectors (columns, first entry positive) of the
    sample covariance, from ``numpy.linalg.eigh``: no SVD."""
    values, vectors = np.linalg.eigh(np.cov(points.T, ddof=1))
    order = np.argsort(values)[::-1]
    vectors = vectors[:, order]
    vectors = vectors * np.where(vectors[0] < 0, -1.0, 1.0)
    return values[order], vectors


def plain_mean(points: np.ndarray) -> list[float]:
    return [math.fsum(points[:, i]) / len(points) for i in range(2)]


def gram_factors(m: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """``U = M V`` and ``Vᵀ`` from the eigenvectors of ``MᵀM`` (no SVD), each movie profile
    turned to a positive sum."""
    values, vectors = np.linalg.eigh(m.T @ m)
    top = vectors[:, np.argsort(values)[::-1][:k]]
    top = top * np.where(top.sum(axis=0) < 0, -1.0, 1.0)
    return m @ top, top.T


def dropped_sigma_error(m: np.ndarray, k: int) -> float:
    """√(σ_{k+1}² + …) with σ² the eigenvalues of MᵀM."""
    squares = np.sort(np.clip(np.linalg.eigvalsh(m.T @ m), 0.0, None))[::-1]
    return float(math.sqrt(math.fsum(squares[k:])))


class DimensionalityReduction(LectureScene):
    chapter_id = "13.4"

    def construct(self) -> None:
        self.open_chapter(
            "Most data has fewer real directions than columns. Finding them is "
            "dimensionality reduction."
        )
        self.points = cloud_points()
        self.pca = principal_components(self.points)
        self.eigenvalues, self.eigenvectors = covariance_eigen(self.points)
        self.cloud_beats()
        self.probe_beats()
        self.axes_beats()
        self.play(theme.hide(*self.mobjects), run_time=0.8)
        self.factor_beats()
        self.close_chapter(
            "Keep the directions of largest variance; drop the rest.",
            "Principal axes compress a cloud, and two taste factors rebuild a rating table. "
            "Next, the course's advanced topics.",
        )

    # --- the cloud, and centring -------------------------------------------------------------
    def cloud_beats(self) -> None:
        plane = VectorPlane((-4.0, 5.0), (-3.5, 3.5), unit=1.0, origin=(-2.8, 0.0))
        cloud = PointCloud(plane, self.points)
        mean_x = Readout(r"\bar{x}", 0.0, decimals=2, size=34)
        mean_y = Readout(r"\bar{y}", 0.0, decimals=2, size=34)
        means = VGroup(mean_x, mean_y).arrange(RIGHT, buff=0.7)
        means.move_to(at(2.7, 3.35), aligned_edge=LEFT)
        mean_x.follow(lambda: cloud.mean_shown()[0])
        mean_y.follow(lambda: cloud.mean_shown()[1])
        self.plane, self.cloud, self.means = plane, cloud, means
        with self.beat(
            "Here are thirty points, two measurements each, drawn from a seeded random "
            "generator. They lean along a diagonal, and their mean sits at 1.62, 1.21."
        ) as beat:
            beat.say(0, plane.create(), cloud.create())
            beat.say(1, cloud.show_mean(), FadeIn(means))
            self.checkpoint("dots_drawn", cloud.dots_shown(), expected=N_POINTS)
            self.checkpoint(
                "mean_before_centring",
                cloud.mean_shown(),
                expected=plain_mean(self.points),
                tol=TOL,
            )
            self.checkpoint("mean_x_readout", mean_x.value, expected=plain_mean(self.points)[0])
            self.checkpoint("mean_y_readout", mean_y.value, expected=plain_mean(self.points)[1])
        with self.invariant(
            "mean readouts follow the drawn dots",
            lambda: ([mean_x.value, mean_y.value], list(cloud.mean_shown())),
        ):
            with self.beat(
                "First, centre the data: subtract the mean from every point, and the whole "
                "cloud slides until its mean sits on the origin."
            ) as beat:
                beat.say(0, cloud.centre())
                self.checkpoint(
                    "mean_after_centring", cloud.mean_shown(), expected=[0.0, 0.0], tol=TOL
                )
                self.checkpoint(
                    "mean_cross_at_origin", cloud.mean_marker_shown(), expected=[0.0, 0.0], tol=TOL
                )

    # --- the probe ---------------------------------------------------------------------------
    def probe_beats(self) -> None:
        cloud = self.cloud
        axes = function_axes(
            (0, 180, 45), (0, 3, 1), x_length=3.6, y_length=2.4, font_size=22, backed_labels=True
        )
        axes.shift(at(2.95, -0.05) - axes.c2p(0, 0))
        theta_name = theme.tex(r"\theta", size=34, color=theme.MUTED)
        theta_name.next_to(axes.c2p(180, 0), RIGHT, buff=0.15)
        var_name = theme.text("variance of the shadows", size=theme.SMALL_SIZE, color=theme.MUTED)
        var_name.next_to(axes.c2p(0, 3), UP, buff=0.2).align_to(axes.c2p(0, 3), LEFT)
        trace = VarianceTrace(axes, cloud)
        angle = DegreeReadout(r"\theta", 0.0, decimals=0, size=34, color=theme.PROJECTION)
        variance = Readout(r"\text{variance}", 0.0, decimals=2, size=34, color=theme.PROJECTION)
        readouts = VGroup(angle, variance).arrange(RIGHT, buff=0.6)
        readouts.move_to(at(2.7, -1.05), aligned_edge=LEFT)
        angle.follow(lambda: trace.dot_shown()[0])
        variance.follow(lambda: trace.dot_shown()[1])
        lam1 = float(self.eigenvalues[0])
        peak_angle = math.degrees(math.atan2(self.eigenvectors[1, 0], self.eigenvectors[0, 0]))
        self.trace, self.plot = trace, VGroup(axes, theta_name, var_name)
        with contextlib.ExitStack() as held:
            with self.beat(
                "Now spin a probe line through the origin and drop every point onto it. "
                "The spread of those shadows is the variance along that direction, and the "
                "plot on the right records it for every angle."
            ) as beat:
                beat.say(0, cloud.show_probe(0.0), Create(axes), FadeIn(theta_name, var_name))
                self.add(trace, readouts)
                for name, read, tol in (
                    (
                        "variance readout is the variance of the drawn shadows",
                        lambda: (variance.value, cloud.shadow_variance_shown()),
                        None,
                    ),
                    (
                        "plot dot sits at the drawn shadows' variance",
                        lambda: (trace.dot_shown()[1], cloud.shadow_variance_shown()),
                        TOL,
                    ),
                    (
                        "angle readout is the plot dot's angle",
                        lambda: (angle.value, trace.dot_shown()[0]),
                        None,
                    ),
                ):
                    held.enter_context(self.invariant(name, read, tol=tol))
                beat.say(1, cloud.rotate_probe(180.0))
                self.checkpoint("swept_angles", trace.swept_shown(), expected=[0.0, 180.0], tol=TOL)
            with self.beat(
                "Swing back to the top of that curve. At about 30 degrees the shadows "
                "spread the most, with variance 2.37: that direction is the first principal axis."
            ) as beat:
                beat.say(0, cloud.rotate_probe(peak_angle))
                guide = DashedLine(trace.dot.get_center(), axes.c2p(peak_angle, 0), color=FIRST)
                beat.say(1, Create(guide), cloud.probe_line.animate.set_stroke(color=FIRST))
                self.guide = guide
                self.checkpoint("peak_variance_readout", variance.value, expected=lam1)
                self.checkpoint("peak_angle_readout", angle.value, expected=peak_angle)
                peak = trace.peak_shown()
                # the curve is drawn every 0.25°: its highest drawn point is within a step
                self.checkpoint(
                    "peak_of_traced_curve_angle", peak[0], expected=peak_angle, tol=0.25
                )
                self.checkpoint("peak_of_traced_curve_variance", peak[1], expected=lam1, tol=1e-4)
                self.checkpoint(
                    "probe_on_first_eigenvector",
                    cloud.probe_direction_shown(),
                    expected=self.eigenvectors[:, 0],
                    tol=TOL,
                )
        self.readouts = readouts

    # --- principal axes and the projection ---------------------------------------------------
    def axes_beats(self) -> None:
        cloud, plane = self.cloud, self.plane
        lengths = ARROW_SDS * self.pca.stds
        arrows = cloud.axis_arrows(
            self.pca.components, lengths, (FIRST, SECOND), (r"\vec v_1", r"\vec v_2")
        )
        for arrow, side in zip(arrows, ((-1.0, 1.0), (-1.0, 0.3)), strict=True):
            arrow.label_direction = np.array(side)
            arrow.set_coords(arrow.end_coords)
        ratio = Readout(r"\text{variance kept}", 0.0, decimals=1, size=34, color=FIRST, unit=r"\%")
        ratio.move_to(at(2.7, -2.2), aligned_edge=LEFT)
        formula = theme.tex(
            r"= \frac{\lambda_1}{\lambda_1 + \lambda_2}", size=34, color=theme.MUTED
        ).next_to(ratio, DOWN, buff=0.25, aligned_edge=LEFT)
        with self.beat(
            "The singular value decomposition of the centred data finds these axes directly. "
            "Each arrow is two standard deviations long: the yellow one along the spread, "
            "the green one across it, at a right angle."
        ) as beat:
            beat.say(0, cloud.fade_probe(0.0, run_time=1.5), FadeOut(self.readouts, self.guide))
            beat.say(1, plane.grow(*arrows, lag_ratio=0.6))
            v1, v2 = (derived_unit(plane.vector_shown(a)) for a in arrows)
            self.checkpoint("first_axis_direction", v1, expected=self.eigenvectors[:, 0], tol=TOL)
            self.checkpoint("second_axis_direction", v2, expected=self.eigenvectors[:, 1], tol=TOL)
            self.checkpoint(
                "axis_arrow_lengths",
                [plane.length_shown(a) for a in arrows],
                expected=list(ARROW_SDS * np.sqrt(self.eigenvalues)),
                tol=TOL,
            )
            self.checkpoint(
                "axes_perpendicular", plane.angle_shown(*arrows), expected=90.0, tol=TOL
            )
        lengths_shown = [plane.length_shown(a) for a in arrows]
        kept = derived(
            "100 · L₁² / (L₁² + L₂²) of the drawn arrows' lengths",
            100 * lengths_shown[0] ** 2 / (lengths_shown[0] ** 2 + lengths_shown[1] ** 2),
            *lengths_shown,
        )
        ratio.set(float(kept))
        with self.beat(
            "Now drop every point onto the first axis. Each point becomes a single "
            "number, its position along that line. That one number keeps 93.4 percent of "
            "the variance."
        ) as beat:
            beat.say(0, cloud.fade_probe(1.0, run_time=1.2))
            beat.say(1, cloud.drop_onto_probe())
            beat.say(2, FadeIn(ratio, shift=0.2 * UP), Write(formula))
            centred = self.points - np.array(plain_mean(self.points))
            self.checkpoint(
                "projected_scores",
                cloud.scores_shown(),
                expected=list(centred @ self.eigenvectors[:, 0]),
                tol=TOL,
            )
            self.checkpoint("dots_on_first_axis", cloud.off_probe_shown(), expected=0.0, tol=TOL)
            self.checkpoint(
                "explained_variance_ratio",
                ratio.value,
                expected=100 * self.eigenvalues[0] / self.eigenvalues.sum(),
            )

    # --- the rating matrix as U Vᵀ ---------------------------------------------------------
    def factor_beats(self) -> None:
        m = ratings()
        factors = rank_k_factors(m, K)
        table = FactorisedMatrix(
            m, factors, row_labels=USERS, col_labels=MOVIES, row_colors=theme.USER_COLORS
        )
        table.shift((-6.7 - table.get_left()[0]) * RIGHT)
        table.shift((3.6 - table.get_top()[1]) * UP)
        approx = theme.tex(r"M \approx U\,V^{\top}", size=44, color=theme.TEXT)
        approx.move_to(at(2.6, 0.9), aligned_edge=LEFT)
        sizes = theme.tex(r"6 \times 2 \ \text{and}\ 2 \times 5", size=34, color=theme.MUTED)
        sizes.next_to(approx, DOWN, buff=0.35, aligned_edge=LEFT)
        expected_u, expected_vt = gram_factors(m, K)
        with self.beat(
            "Back to the movie recommender: six users rating five movies, a table of "
            "thirty numbers. Green cells are high ratings, red ones low."
        ) as beat:
            beat.say(0, table.show_table(run_time=2.5))
            beat.say(1, Write(approx))
            self.checkpoint("ratings_shown", table.cells_shown(), expected=m.tolist())
        with self.beat(
            "Factorise it with two factors. U gives every user two numbers: how much they "
            "like films at all, and sci-fi against animation. V transpose gives every "
            "movie its two matching numbers."
        ) as beat:
            beat.say(0, FadeIn(sizes))
            beat.say(1, table.show_u())
            beat.say(2, table.show_vt())
            self.checkpoint("u_entries", table.u_shown(), expected=expected_u.tolist())
            self.checkpoint("vt_entries", table.vt_shown(), expected=expected_vt.tolist())
        frames = table.highlight(0, 0)
        error = Readout(r"\lVert M - U V^{\top} \rVert_F", 0.0, decimals=2, size=34, color=FIRST)
        error.move_to(at(2.6, -1.2), aligned_edge=LEFT)
        error.set(float(np.linalg.norm(m - factors.product())))
        root = theme.tex(
            r"= \sqrt{\sigma_3^2 + \sigma_4^2 + \sigma_5^2}", size=34, color=theme.MUTED
        ).next_to(error, DOWN, buff=0.3, aligned_edge=LEFT)
        projection = gram_factors(m, K)
        with self.beat(
            "Each cell becomes a user's row times a movie's column. Ana's two numbers "
            "against Alien's give 4.8, and the whole table cross-fades to the rank two "
            "product."
        ) as beat:
            beat.say(0, Create(frames))
            beat.say(1, table.reconstruct(factors.product()), FadeOut(frames))
            self.checkpoint(
                "rank_2_cells",
                table.cells_shown(),
                expected=(projection[0] @ projection[1]).tolist(),
            )
        with self.beat(
            "The error over all thirty cells is 3.28, exactly the root of the squared "
            "singular values that were dropped. No other rank two table comes closer."
        ) as beat:
            beat.say(0, FadeIn(error, shift=0.2 * UP), Write(root))
            beat.say(1, FadeOut(sizes), approx.animate.set_color(FIRST))
            self.checkpoint("rank_2_error", error.value, expected=dropped_sigma_error(m, K))


def derived_unit(v: np.ndarray) -> Any:
    """A drawn arrow's direction as a unit vector, turned to a positive first entry."""
    u = np.asarray(v, dtype=float) / float(np.hypot(*v))
    return derived(
        "the drawn arrow's unit direction, first entry positive", u if u[0] >= 0 else -u, v
    )


SCENES = [DimensionalityReduction]
