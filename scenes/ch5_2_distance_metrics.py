"""5.2 Distance Metrics: L1, L2 and L∞ between two users; cosine versus Euclidean; and distances
concentrating as dimension grows.

The running recommender (``mathviz.maths.recommender``): Ana and Chloé on two movies (Arrival
and Coco) as a 2-D picture with the staircase, the straight line and the largest gap; then the
same three distances over all five movies. Femi rates Arrival and Amélie at exactly half of
Ana's stars (same direction, cosine 1) while Eve is just as far away but points elsewhere.
Finally random points in up to 1024 dimensions: relative contrast and pairwise-distance
histograms shrink.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Create,
    FadeIn,
    FadeOut,
    VGroup,
)
from manim.mobject.graphing.scale import LogBase
from scipy.spatial.distance import cdist, chebyshev, cityblock, euclidean, pdist

from mathviz import theme
from mathviz.maths.distances import (
    normalised_distance_histogram,
    pairwise_distances,
    relative_spread,
)
from mathviz.maths.recommender import MOVIES, USERS, user
from mathviz.maths.vectors import concentration_curve
from mathviz.primitives.distances import (
    ConcentrationPlot,
    DifferenceBars,
    DirectionComparison,
    DistanceComparison,
    Histogram,
)
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout
from mathviz.readings import printed_all
from mathviz.scene import LectureScene

#: the pair of users compared, and the two movies used as axes of the 2-D picture
PAIR = ("Ana", "Chloé")
PLANE_MOVIES = ("Arrival", "Coco")
#: cosine versus Euclidean: Femi rates these two movies at exactly half of Ana's stars
COSINE_MOVIES = ("Arrival", "Amélie")
COSINE_USERS = ("Ana", "Femi", "Eve")

CURVE_SEED = 7
CURVE_DIMENSIONS = tuple(2**k for k in range(2, 11))  # 4 … 1024
CURVE_POINTS, CURVE_TRIALS = 200, 20
HIST_SEED = 11
HIST_DIMENSIONS = (2, 16, 1024)
HIST_POINTS = 200
HIST_EDGES = (np.arange(1, 26) - 0.5) * 0.1  # bins of width 0.1 centred on 0.1, 0.2, …, 2.4

TOL = 1e-6
PANEL_SIZE = 32
PANEL_ANCHOR = np.array([0.7, 3.45, 0.0])


def color_of(name: str):
    """The course-wide colour of a user."""
    return theme.USER_COLORS[USERS.index(name)]


def ratings_on(name: str, movies: tuple[str, ...]) -> np.ndarray:
    """A user's ratings of the given movies, in that order."""
    return user(name)[[MOVIES.index(m) for m in movies]]


# --- independent routes to the expected values ----------------------------------------------
def exact_distances(u, v) -> dict[str, float]:
    """L1, L2, L∞ by hand in exact arithmetic: Fractions for sums and max, sympy for the root."""
    diffs = [Fraction(int(b)) - Fraction(int(a)) for a, b in zip(u, v, strict=True)]
    return {
        "l1": float(sum(abs(d) for d in diffs)),
        "l2": float(sp.sqrt(sum(sp.Rational(d) ** 2 for d in diffs))),
        "linf": float(max(abs(d) for d in diffs)),
    }


def scipy_distances(u, v) -> dict[str, float]:
    """L1, L2, L∞ from scipy.spatial.distance."""
    return {
        "l1": float(cityblock(u, v)),
        "l2": float(euclidean(u, v)),
        "linf": float(chebyshev(u, v)),
    }


def cosine_sympy(u, v) -> float:
    """``u·v / (|u| |v|)`` in exact arithmetic."""
    su, sv = sp.Matrix([int(x) for x in u]), sp.Matrix([int(x) for x in v])
    return float(su.dot(sv) / (sp.sqrt(su.dot(su)) * sp.sqrt(sv.dot(sv))))


def contrast_curve_cdist(seed: int) -> list[float]:
    """The concentration curve again: the same seeded draws, distances from scipy's cdist."""
    rng = np.random.default_rng(seed)
    means = []
    for d in CURVE_DIMENSIONS:
        values = []
        for _ in range(CURVE_TRIALS):
            points, query = rng.random((CURVE_POINTS, d)), rng.random(d)
            dist = cdist(query[None, :], points)[0]
            values.append((dist.max() - dist.min()) / dist.min())
        means.append(float(np.mean(values)))
    return means


def histograms_cdist(seed: int) -> dict[int, tuple[np.ndarray, float]]:
    """Per dimension: shares of pairs per bin and σ/μ, from scipy's pdist on the same draws."""
    rng = np.random.default_rng(seed)
    out = {}
    for d in HIST_DIMENSIONS:
        dist = pdist(rng.random((HIST_POINTS, d)))
        counts, _ = np.histogram(dist / dist.mean(), bins=HIST_EDGES)
        out[d] = (counts / dist.size, float(dist.std() / dist.mean()))
    return out


# --- panel pieces -----------------------------------------------------------------------------
def user_row(names, movies) -> VGroup:
    """``Ana = (4, 1)   Chloé = (2, 5)`` in the users' colours."""
    parts = []
    for name in names:
        values = ",\\ ".join(str(int(v)) for v in ratings_on(name, movies))
        tex_name = name.replace("é", "\\'e")
        parts.append(
            theme.tex(rf"\text{{{tex_name}}} = ({values})", size=PANEL_SIZE, color=color_of(name))
        )
    return VGroup(*parts).arrange(RIGHT, buff=0.45)


def rating_axes(movies: tuple[str, str]) -> tuple[Axes, VGroup]:
    """Square 0–5.5 rating axes with the movie names as axis labels."""
    axes = Axes(
        x_range=(0, 5.5, 1),
        y_range=(0, 5.5, 1),
        x_length=5.6,
        y_length=5.6,
        axis_config={
            "color": theme.MUTED,
            "include_numbers": True,
            "font_size": 26,
            "include_tip": False,
        },
    )
    axes.move_to(np.array([-3.6, 0.05, 0.0]))
    x_label = theme.text(movies[0], size=theme.LABEL_SIZE, color=theme.MUTED)
    x_label.next_to(axes.x_axis, DOWN, buff=0.5)
    y_label = theme.text(movies[1], size=theme.LABEL_SIZE, color=theme.MUTED)
    y_label.next_to(axes.c2p(0, 5.5), RIGHT, buff=0.25)
    return axes, VGroup(x_label, y_label)


def name_label(name: str, point, direction, buff: float = 0.15) -> VGroup:
    label = theme.text(name, size=theme.LABEL_SIZE + 2, color=color_of(name))
    return label.next_to(point, direction, buff=buff)


class DistanceMetrics(LectureScene):
    chapter_id = "5.2"

    def construct(self) -> None:
        self.open_chapter(
            "Nearest neighbours, clustering and recommendations all start from one question: "
            "how far apart are two rows of data? There is more than one honest answer."
        )
        self.panel = Panel(anchor=PANEL_ANCHOR)
        self.plane_beats()
        self.five_movie_beats()
        self.cosine_beats()
        self.concentration_beats()
        self.close_chapter(
            "L1, L2, L∞ and cosine answer different questions.",
            "Pick the metric that matches what similar means for your data, and be wary of "
            "raw distances in very high dimensions.",
        )

    # ------------------------------------------------------------------------------------
    def clear_stage(self) -> None:
        self.play(theme.hide(*self.mobjects), run_time=0.7)
        self.panel.forget()

    # ------------------------------------------------------------------------------------
    def plane_beats(self) -> None:
        first, second = PAIR
        a, b = ratings_on(first, PLANE_MOVIES), ratings_on(second, PLANE_MOVIES)
        axes, axis_labels = rating_axes(PLANE_MOVIES)
        routes = DistanceComparison(axes, a, b, colors=(color_of(first), color_of(second)))
        labels = VGroup(
            name_label(first, axes.c2p(*a), RIGHT), name_label(second, axes.c2p(*b), UP)
        )
        expected = exact_distances(a, b)
        l2 = Readout(
            r"L_2 = \sqrt{2^2 + 4^2}", 0.0, decimals=3, color=theme.NORM_L2, size=PANEL_SIZE
        )
        l1 = Readout(r"L_1 = |{-2}| + |4|", 0.0, decimals=3, color=theme.NORM_L1, size=PANEL_SIZE)
        linf = Readout(
            r"L_\infty = \max(|{-2}|,\ |4|)",
            0.0,
            decimals=3,
            color=theme.NORM_LINF,
            size=PANEL_SIZE,
        )
        with self.beat(
            "Two users from our recommender, Ana and Chloé, placed by how they "
            "rated Arrival and Coco."
        ):
            self.play(Create(axes), FadeIn(axis_labels))
            self.add(routes)
            self.play(routes.create(), FadeIn(labels))
            self.play(self.panel.show(user_row(PAIR, PLANE_MOVIES)))
        diff = theme.tex(r"d = \text{Chlo\'e} - \text{Ana} = (-2,\ 4)", size=PANEL_SIZE)
        with self.beat(
            "The arrow from Ana to Chloé is their difference vector, minus two, four. "
            "Its length is the straight-line, or L2, distance: about 4.47."
        ):
            self.play(routes.show_straight())
            self.play(self.panel.grow(diff, l2))
            self.play(l2.change_to(routes.lengths_shown()["l2"]))
            self.checkpoint("difference_2d", routes.difference_shown(), expected=b - a, tol=TOL)
            self.checkpoint(
                "l2_2d_segment", routes.lengths_shown()["l2"], expected=expected["l2"], tol=TOL
            )
            self.checkpoint("l2_2d_readout", l2.value, expected=expected["l2"])
        with self.beat(
            "The L1, or Manhattan, distance walks the grid one axis at a time: two "
            "stars along Arrival plus four along Coco, six in total."
        ):
            self.play(routes.show_staircase(seconds_per_leg=1.0))
            self.play(self.panel.grow(l1))
            self.play(l1.change_to(routes.lengths_shown()["l1"]))
            self.checkpoint(
                "l1_2d_staircase", routes.lengths_shown()["l1"], expected=expected["l1"], tol=TOL
            )
            self.checkpoint("l1_2d_readout", l1.value, expected=expected["l1"])
        with self.beat(
            "L-infinity keeps only the largest single gap: the four stars on Coco, "
            "the one movie they disagree on most."
        ):
            self.play(routes.show_max_gap())
            self.play(self.panel.grow(linf))
            self.play(linf.change_to(routes.lengths_shown()["linf"]))
            self.checkpoint(
                "linf_2d_gap", routes.lengths_shown()["linf"], expected=expected["linf"], tol=TOL
            )
            self.checkpoint("linf_2d_readout", linf.value, expected=expected["linf"])
        self.clear_stage()

    def five_movie_beats(self) -> None:
        first, second = PAIR
        a, b = user(first), user(second)
        d = b - a
        axes = Axes(
            x_range=(0.4, 5.6, 1),
            y_range=(-5, 5, 1),
            x_length=6.2,
            y_length=6.4,
            axis_config={"color": theme.MUTED, "include_tip": False},
            x_axis_config={"include_ticks": False},
            y_axis_config={"include_numbers": True, "font_size": 24},
        )
        axes.move_to(np.array([-3.3, -0.3, 0.0]))
        bars = DifferenceBars(axes, d)
        names = VGroup()
        for i, (movie, value) in enumerate(zip(MOVIES, d, strict=True)):
            name = theme.text(movie, size=theme.LABEL_SIZE, color=theme.MUTED)
            name.next_to(axes.c2p(i + 1, 0), UP if value < 0 else DOWN, buff=0.15)
            names.add(name)
        diff = theme.tex(r"d = \text{Chlo\'e} - \text{Ana}", size=PANEL_SIZE)
        values = theme.tex(r"= (-4,\ -2,\ -4,\ 4,\ 2)", size=PANEL_SIZE)
        heading = theme.text("All five movies", size=theme.BODY_SIZE, color=theme.ACCENT)
        l1 = Readout(
            r"L_1 = \textstyle\sum_i |d_i|", 0.0, decimals=3, color=theme.NORM_L1, size=PANEL_SIZE
        )
        l2 = Readout(
            r"L_2 = \sqrt{\textstyle\sum_i d_i^2}",
            0.0,
            decimals=3,
            color=theme.NORM_L2,
            size=PANEL_SIZE,
        )
        linf = Readout(
            r"L_\infty = \max_i |d_i|", 0.0, decimals=3, color=theme.NORM_LINF, size=PANEL_SIZE
        )
        with self.beat(
            "Over all five movies the difference vector has five entries, one "
            "signed bar each: Chloé rates the science fiction and thrillers lower, "
            "the animation and romance higher."
        ):
            self.play(Create(axes), FadeIn(names))
            self.add(bars)
            self.play(bars.create())
            self.play(self.panel.show(heading, diff, values))
            self.checkpoint("difference_5d_bars", bars.values_shown(), expected=d, tol=TOL)
        expected = scipy_distances(a, b)
        with self.beat(
            "The same three rules give an L1 distance of sixteen, the bar lengths "
            "added up; an L2 distance of about 7.48; and an L-infinity of four, the "
            "longest bars, reached three times."
        ):
            self.play(self.panel.grow(l1, l2, linf))
            shown = np.abs(bars.values_shown())
            self.play(
                l1.change_to(float(shown.sum())),
                l2.change_to(float(np.sqrt(np.sum(shown**2)))),
                run_time=1.2,
            )
            self.play(bars.highlight_largest(), linf.change_to(float(shown.max())))
            self.checkpoint("l1_5d", l1.value, expected=expected["l1"])
            self.checkpoint("l2_5d", l2.value, expected=expected["l2"])
            self.checkpoint("linf_5d", linf.value, expected=expected["linf"])
        self.clear_stage()

    def cosine_beats(self) -> None:
        ana, femi, eve = COSINE_USERS
        u, v, w = (ratings_on(n, COSINE_MOVIES) for n in COSINE_USERS)
        axes, axis_labels = rating_axes(COSINE_MOVIES)
        euclid = Readout(r"\text{Euclidean}", 0.0, decimals=3, color=theme.NORM_L2, size=PANEL_SIZE)
        cosine = Readout(r"\text{cosine}", 1.0, decimals=3, size=PANEL_SIZE)
        arrows = DirectionComparison(
            axes,
            u,
            v,
            colors=(color_of(ana), color_of(femi)),
            readouts={"euclidean": euclid, "cosine": cosine},
        )
        ana_label = name_label(ana, axes.c2p(*u), RIGHT, buff=0.35)
        femi_label = name_label(femi, axes.c2p(*v), DOWN + RIGHT)
        heading = theme.text("Direction versus length", size=theme.BODY_SIZE, color=theme.ACCENT)
        with self.beat(
            "Switch to Arrival and Amélie. Femi gives both exactly half of Ana's "
            "stars: the same taste, on a harsher scale."
        ):
            self.play(Create(axes), FadeIn(axis_labels))
            self.add(arrows)
            self.play(arrows.create(), FadeIn(ana_label), FadeIn(femi_label), run_time=2.0)
            self.play(self.panel.show(heading, user_row((ana, femi), COSINE_MOVIES)))
        with self.beat(
            "Euclidean distance puts them 2.24 apart, yet the cosine of the angle "
            "between them is exactly one: cosine compares direction and ignores "
            "length."
        ):
            self.play(arrows.show_gap())
            self.play(self.panel.grow(euclid, cosine))
            self.checkpoint("femi_tip", arrows.tips_shown()[1], expected=u / 2, tol=TOL)
            self.checkpoint(
                "euclidean_ana_femi",
                arrows.euclidean_shown(),
                expected=float(
                    sp.sqrt(sum((int(x) - int(y)) ** 2 for x, y in zip(u, v, strict=True)))
                ),
                tol=TOL,
            )
            self.checkpoint(
                "cosine_ana_femi", arrows.cosine_shown(), expected=cosine_sympy(u, v), tol=TOL
            )
            self.checkpoint(
                "euclidean_ana_femi_readout", euclid.value, expected=float(euclidean(u, v))
            )
            self.checkpoint("cosine_ana_femi_readout", cosine.value, expected=cosine_sympy(u, v))
        eve_label = name_label(eve, axes.c2p(*w), RIGHT, buff=0.35)
        eve_row = user_row((eve,), COSINE_MOVIES)
        # the two numbers describe the drawn gap and angle at every moment of Eve's glide
        with (
            self.invariant(
                "readouts_show_the_drawn_gap_and_angle",
                lambda: (
                    printed_all((euclid, cosine)),
                    [arrows.euclidean_shown(), arrows.cosine_shown()],
                ),
            ),
            self.beat(
                "Eve sits exactly as far from Ana, but points another way, and her "
                "cosine drops to 0.978. For taste, direction is usually what "
                "counts."
            ),
        ):
            self.play(FadeOut(femi_label), run_time=0.4)
            self.play(arrows.move_second_to(w, color=color_of(eve), run_time=2.5))
            self.play(FadeIn(eve_label))
            self.play(self.panel.grow(eve_row))
            self.checkpoint(
                "euclidean_ana_eve",
                arrows.euclidean_shown(),
                expected=float(
                    sp.sqrt(sum((int(x) - int(y)) ** 2 for x, y in zip(u, w, strict=True)))
                ),
                tol=TOL,
            )
            self.checkpoint("cosine_ana_eve_readout", cosine.value, expected=cosine_sympy(u, w))
            self.checkpoint(
                "euclidean_ana_eve_readout", euclid.value, expected=float(euclidean(u, w))
            )
        self.clear_stage()

    def concentration_beats(self) -> None:
        contrasts = concentration_curve(
            CURVE_DIMENSIONS,
            np.random.default_rng(CURVE_SEED),
            n_points=CURVE_POINTS,
            trials=CURVE_TRIALS,
        )
        axes = Axes(
            x_range=(0, 3.1, 1),
            y_range=(0, 8, 2),
            x_length=5.6,
            y_length=4.2,
            axis_config={"color": theme.MUTED, "include_tip": False},
            x_axis_config={"scaling": LogBase()},
            y_axis_config={"include_numbers": True, "font_size": 24},
        )
        axes.move_to(np.array([-3.6, -0.1, 0.0]))
        ticks = VGroup(
            *(
                theme.text(str(10**k), size=theme.LABEL_SIZE, color=theme.MUTED).next_to(
                    axes.c2p(10**k, 0), DOWN, buff=0.2
                )
                for k in range(4)
            )
        )
        x_title = theme.text("dimension (log scale)", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_title.next_to(ticks, DOWN, buff=0.2)
        title = theme.tex(
            r"\text{relative contrast } \frac{d_{\max} - d_{\min}}{d_{\min}}", size=32
        )
        title.next_to(axes, UP, buff=0.35).align_to(axes, LEFT)
        curve = ConcentrationPlot(axes, CURVE_DIMENSIONS, contrasts)
        last = Readout(r"\text{at } 1024", 0.0, decimals=3, color=theme.ACCENT, size=PANEL_SIZE)
        last.next_to(x_title, DOWN, buff=0.3)
        expected_curve = contrast_curve_cdist(CURVE_SEED)
        with self.beat(
            "One more surprise. Scatter random points in more and more dimensions: "
            "the farthest neighbour's lead over the nearest shrinks, to about a "
            "tenth at 1024 dimensions."
        ):
            self.play(Create(axes), FadeIn(ticks), FadeIn(x_title), FadeIn(title))
            self.add(curve)
            self.play(curve.create(run_time=2.5))
            # the value is set before the fade: a fade redraws from copies taken as it begins
            last.set(float(curve.points_shown()[-1, 1]))
            self.play(FadeIn(last))
            shown = curve.points_shown()
            self.checkpoint(
                "curve_dimensions",
                shown[:, 0],
                expected=[float(d) for d in CURVE_DIMENSIONS],
                tol=1e-6,
            )
            self.checkpoint("curve_contrasts", shown[:, 1], expected=expected_curve, tol=1e-9)
            self.checkpoint("contrast_at_1024_readout", last.value, expected=expected_curve[-1])

        rng = np.random.default_rng(HIST_SEED)
        clouds = {d: rng.random((HIST_POINTS, d)) for d in HIST_DIMENSIONS}
        shares = {d: normalised_distance_histogram(clouds[d], HIST_EDGES) for d in clouds}
        spreads = {d: relative_spread(pairwise_distances(clouds[d])) for d in clouds}
        hist_axes = Axes(
            x_range=(0, 2.5, 0.5),
            y_range=(0, 1, 0.25),
            x_length=5.0,
            y_length=4.2,
            axis_config={
                "color": theme.MUTED,
                "include_tip": False,
                "include_numbers": True,
                "font_size": 24,
            },
        )
        hist_axes.move_to(np.array([3.9, -0.1, 0.0]))
        hist_title = theme.text("pairwise distance ÷ mean", size=theme.LABEL_SIZE + 4)
        hist_title.next_to(hist_axes, UP, buff=0.35).align_to(hist_axes, LEFT)
        hist = Histogram(hist_axes, HIST_EDGES, shares[HIST_DIMENSIONS[0]])
        dim = Readout("d", HIST_DIMENSIONS[0], decimals=0, size=PANEL_SIZE, commas=False)
        dim.set(HIST_DIMENSIONS[0])
        # σ/μ of the cloud whose histogram is drawn; d and σ/μ jump together, never counting
        # through dimensions that were not drawn
        spread = Readout(
            r"\sigma / \mu",
            spreads[HIST_DIMENSIONS[0]],
            decimals=3,
            color=theme.NORM_L2,
            size=PANEL_SIZE,
        )
        readouts = VGroup(dim, spread).arrange(RIGHT, buff=0.8)
        readouts.next_to(hist_axes, DOWN, buff=0.55)
        expected_hist = histograms_cdist(HIST_SEED)
        with self.beat(
            "The histogram of all pairwise distances, each divided by the mean, "
            "collapses into one spike from 2 to 16 to 1024 dimensions. When every "
            "point is about equally far, nearest neighbours stop meaning much."
        ):
            self.play(Create(hist_axes), FadeIn(hist_title))
            self.add(hist)
            self.play(hist.create(), FadeIn(readouts))
            with self.invariant(
                "spread_readout_is_the_spread_at_the_dimension_shown",
                lambda: (
                    spread.value,
                    expected_hist.get(int(round(dim.value)), (None, float("nan")))[1],
                ),
            ):
                for d in HIST_DIMENSIONS:
                    if d != HIST_DIMENSIONS[0]:
                        self.play(
                            hist.morph_to(shares[d], run_time=1.6),
                            dim.step_to(d),
                            spread.step_to(spreads[d]),
                            run_time=1.6,
                        )
                    self.checkpoint(
                        f"dimension_d{d}_readout", dim.value, expected=float(clouds[d].shape[1])
                    )
                    self.checkpoint(
                        f"spread_d{d}_readout", spread.value, expected=expected_hist[d][1]
                    )
                    self.checkpoint(
                        f"hist_d{d}_shares",
                        hist.heights_shown(),
                        expected=expected_hist[d][0],
                        tol=1e-9,
                    )


SCENES = [DistanceMetrics]
