"""5.2 Distance Metrics: L1, L2 and L∞ between two users; cosine versus Euclidean; and distances
concentrating as dimension grows.

The running recommender (``mathviz.maths.recommender``): Ana and Chloé on two movies (Arrival
and Coco) as a 2-D picture with the straight line (a probe runs up it while L2 counts), the
staircase (L1 counts as it is drawn) and the largest gap; then the same three distances over all
five movies: the signed difference bars, their lengths stacked end to end into L1 on a star
ruler, beside the L2 bar (the hypotenuse) and the L∞ bar (the longest one). Femi rates Arrival and Amélie at exactly half of
Ana's stars (same direction, cosine 1; his arrow stretches along Ana's and the distance changes,
the cosine not) while Eve is just as far away but points elsewhere. Finally random points in up
to 1024 dimensions: relative contrast and pairwise-distance histograms shrink, with a 1 ± σ/μ
bar narrowing with the histogram.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from fractions import Fraction
from itertools import pairwise

import numpy as np
import sympy as sp
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    GrowFromEdge,
    Line,
    ManimColor,
    Mobject,
    NumberLine,
    Rectangle,
    Text,
    VGroup,
)
from manim.animation.animation import Animation
from manim.mobject.graphing.scale import LogBase
from numpy.typing import ArrayLike
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
from mathviz.primitives.motion import StateTween, built
from mathviz.primitives.panel import Panel
from mathviz.primitives.readout import Readout, coords
from mathviz.readings import printed_all, reads_screen
from mathviz.scene import Beat, LectureScene

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
#: the three distances, in colours far apart (L∞ green, not mauve beside the orange L1)
L1_COLOR, L2_COLOR, LINF_COLOR = theme.NORM_L1, theme.NORM_L2, theme.GOOD


def color_of(name: str) -> ManimColor:
    """The course-wide colour of a user."""
    return theme.USER_COLORS[USERS.index(name)]


def ratings_on(name: str, movies: tuple[str, ...]) -> np.ndarray:
    """A user's ratings of the given movies, in that order."""
    return user(name)[[MOVIES.index(m) for m in movies]]


# --- independent routes to the expected values ----------------------------------------------
def exact_distances(u: np.ndarray, v: np.ndarray) -> dict[str, float]:
    """L1, L2, L∞ by hand in exact arithmetic: Fractions for sums and max, sympy for the root."""
    diffs = [Fraction(int(b)) - Fraction(int(a)) for a, b in zip(u, v, strict=True)]
    return {
        "l1": float(sum(abs(d) for d in diffs)),
        "l2": float(sp.sqrt(sum(sp.Rational(d) ** 2 for d in diffs))),
        "linf": float(max(abs(d) for d in diffs)),
    }


def scipy_distances(u: np.ndarray, v: np.ndarray) -> dict[str, float]:
    """L1, L2, L∞ from scipy.spatial.distance."""
    return {
        "l1": float(cityblock(u, v)),
        "l2": float(euclidean(u, v)),
        "linf": float(chebyshev(u, v)),
    }


def cosine_sympy(u: np.ndarray, v: np.ndarray) -> float:
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
def user_row(names: Sequence[str], movies: tuple[str, ...]) -> VGroup:
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
    axes.move_to(np.array([-3.5, 0.1, 0.0]))
    x_label = theme.text(f"{movies[0]} ★", size=theme.LABEL_SIZE, color=theme.MUTED)
    x_label.next_to(axes.x_axis, DOWN, buff=0.5)
    y_label = theme.text(f"{movies[1]} ★", size=theme.LABEL_SIZE, color=theme.MUTED)
    y_label.next_to(axes.c2p(0, 5.5), RIGHT, buff=0.25)
    return axes, VGroup(x_label, y_label)


def name_label(name: str, point: np.ndarray, direction: np.ndarray, buff: float = 0.15) -> Text:
    label = theme.text(name, size=theme.LABEL_SIZE + 2, color=color_of(name))
    return label.next_to(point, direction, buff=buff)


# --- the three distances as bars on one ruler ---------------------------------------------------
class DistanceStack(VGroup):
    """L1, L2 and L∞ of a difference vector as horizontal bars over one star ruler.

    The L1 row is the coordinates' ``|d_i|`` as segments stacked end to end; the L2 row one bar
    as long as the root of the sum of squares (the hypotenuse); the L∞ row one bar as long as
    the largest ``|d_i|``. Every length is read back through the ruler.
    """

    HEIGHT = 0.36

    def __init__(
        self, ruler: NumberLine, values: ArrayLike, rows_y: tuple[float, float, float]
    ) -> None:
        super().__init__()
        self.ruler = ruler
        gaps = np.abs(np.asarray(values, dtype=float))
        ends = np.concatenate([[0.0], np.cumsum(gaps)])
        self.segments = VGroup(
            *(
                self._bar(lo, hi, rows_y[0], L1_COLOR, opacity=0.95 if i % 2 == 0 else 0.7)
                for i, (lo, hi) in enumerate(pairwise(ends))
            )
        )
        self.l2_bar = self._bar(0.0, float(np.sqrt(np.sum(gaps**2))), rows_y[1], L2_COLOR)
        self.linf_bar = self._bar(0.0, float(gaps.max()), rows_y[2], LINF_COLOR)
        # pieces join the group only when shown: nothing flashes up before its animation

    def _bar(
        self, lo: float, hi: float, y: float, color: ManimColor, opacity: float = 0.9
    ) -> Rectangle:
        left, right = self.ruler.n2p(lo), self.ruler.n2p(hi)
        bar = Rectangle(
            width=float(right[0] - left[0]),
            height=self.HEIGHT,
            stroke_color=theme.BACKGROUND,
            stroke_width=3,
            fill_color=color,
            fill_opacity=opacity,
        )
        return bar.move_to(np.array([left[0], y, 0.0]), aligned_edge=LEFT)

    def _length(self, bar: Mobject) -> float:
        if bar not in self.get_family():
            return 0.0
        return float(self.ruler.p2n(bar.get_right()) - self.ruler.p2n(bar.get_left()))

    def stack(self, sources: VGroup) -> Animation:
        """Each segment grows from the end of the one before while its source bar turns L1."""
        self.add(self.segments)
        return AnimationGroup(
            *(
                AnimationGroup(
                    built(src.animate.set_fill(L1_COLOR, opacity=0.9).set_stroke(L1_COLOR)),
                    GrowFromEdge(seg, LEFT),
                )
                for src, seg in zip(sources, self.segments, strict=True)
            ),
            lag_ratio=1.0,
        )

    def grow_l2(self) -> Animation:
        self.add(self.l2_bar)
        return GrowFromEdge(self.l2_bar, LEFT)

    def grow_linf(self) -> Animation:
        self.add(self.linf_bar)
        return GrowFromEdge(self.linf_bar, LEFT)

    @reads_screen("geometry")
    def segments_shown(self) -> np.ndarray:
        """Each stacked segment's length through the ruler."""
        return np.array([self._length(seg) for seg in self.segments])

    @reads_screen("geometry")
    def l1_shown(self) -> float:
        """The stack's total length through the ruler."""
        return float(sum(self._length(seg) for seg in self.segments))

    @reads_screen("geometry")
    def l2_shown(self) -> float:
        return self._length(self.l2_bar)

    @reads_screen("geometry")
    def linf_shown(self) -> float:
        return self._length(self.linf_bar)


@reads_screen("geometry")
def probe_distance(axes: Axes, probe: Mobject, origin: Mobject) -> float:
    """Straight-line distance from ``origin`` to the probe dot, through the axes."""
    return float(np.linalg.norm(coords(axes, probe) - coords(axes, origin)))


class SpreadBar(VGroup):
    """``1 ± σ/μ`` as a horizontal error bar above a histogram of distances ÷ their mean."""

    def __init__(self, axes: Axes, spread: float, y: float) -> None:
        super().__init__()
        self.axes, self.y, self.spread = axes, y, float(spread)
        self.line = Line(color=theme.ACCENT, stroke_width=5)
        self.caps = VGroup(*(Line(color=theme.ACCENT, stroke_width=5) for _ in range(2)))
        self.add(self.line, self.caps)
        self.redraw()

    def redraw(self) -> None:
        lo = self.axes.c2p(1 - self.spread, self.y)
        hi = self.axes.c2p(1 + self.spread, self.y)
        self.line.put_start_and_end_on(lo, hi)
        for cap, end in zip(self.caps, (lo, hi), strict=True):
            cap.put_start_and_end_on(end + 0.14 * DOWN, end + 0.14 * UP)

    def tween_to(self, spread: float) -> Animation:
        return StateTween(self, self, {"spread": float(spread)}, self.redraw)

    @reads_screen("geometry")
    def half_width_shown(self) -> float:
        """Half the drawn bar's length in x units of the axes."""
        lo, hi = (coords(self.axes, p)[0] for p in self.line.get_start_and_end())
        return float(hi - lo) / 2


class DistanceMetrics(LectureScene):
    chapter_id = "5.2"

    def construct(self) -> None:
        self.open_chapter(
            "How far apart are two rows of data? There is more than one honest answer."
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

    def in_steps(self, beat: Beat, i: int, *steps: Callable[[], Animation]) -> None:
        """Play ``steps`` one after another, sharing sentence ``i`` equally (each animation is
        built when its turn comes, from the state the previous one left)."""
        start, end = beat.sentences[i].start, beat.speech_end
        if i + 1 < len(beat.sentences):
            end = beat.sentences[i + 1].start
        if start > self.clock:
            self.wait(start - self.clock)
        share = max(0.5, (end - self.clock) / len(steps))
        for step in steps:
            self.play(step(), run_time=share)

    # ------------------------------------------------------------------------------------
    def plane_beats(self) -> None:
        first, second = PAIR
        a, b = ratings_on(first, PLANE_MOVIES), ratings_on(second, PLANE_MOVIES)
        axes, axis_labels = rating_axes(PLANE_MOVIES)
        routes = DistanceComparison(axes, a, b, colors=(color_of(first), color_of(second)))
        routes.max_gap.set_stroke(LINF_COLOR, opacity=1.0)
        labels = VGroup(
            name_label(first, axes.c2p(*a), RIGHT), name_label(second, axes.c2p(*b), UP)
        )
        expected = exact_distances(a, b)
        l2 = Readout(r"L_2 = \sqrt{2^2 + 4^2}", 0.0, decimals=2, color=L2_COLOR, size=PANEL_SIZE)
        l1 = Readout(r"L_1 = |{-2}| + |4|", 0.0, decimals=0, color=L1_COLOR, size=PANEL_SIZE)
        linf = Readout(
            r"L_\infty = \max(|{-2}|,\ |4|)", 0.0, decimals=0, color=LINF_COLOR, size=PANEL_SIZE
        )
        with self.beat(
            "Two users from our recommender, Ana and Chloé, placed by how they "
            "rated Arrival and Coco."
        ) as bt:
            self.add(routes)
            bt.say(
                0,
                AnimationGroup(
                    AnimationGroup(Create(axes), FadeIn(axis_labels)),
                    AnimationGroup(routes.create(), FadeIn(labels)),
                    self.panel.show(user_row(PAIR, PLANE_MOVIES)),
                    lag_ratio=0.5,
                ),
            )
        diff = theme.tex(r"d = \text{Chlo\'e} - \text{Ana} = (-2,\ 4)", size=PANEL_SIZE)
        probe = Dot(axes.c2p(*a), radius=0.09, color=theme.TEXT)
        with self.beat(
            "The arrow from Ana to Chloé is their difference vector, minus two, four. "
            "Its length is the straight-line, or L2, distance: about 4.47."
        ) as bt:
            bt.say(
                0, AnimationGroup(routes.show_straight(), self.panel.grow(diff, l2), lag_ratio=0.4)
            )
            # a probe runs up the arrow; the readout is its distance from Ana, as drawn
            self.add(probe)
            l2.follow(lambda: probe_distance(axes, probe, routes.dots[0]))
            bt.say(1, built(probe.animate.move_to(axes.c2p(*b))))
            l2.stop_following()
            self.checkpoint("difference_2d", routes.difference_shown(), expected=b - a, tol=TOL)
            self.checkpoint(
                "l2_2d_segment", routes.lengths_shown()["l2"], expected=expected["l2"], tol=TOL
            )
            self.checkpoint(
                "l2_2d_probe", probe_distance(axes, probe, routes.dots[0]),
                expected=expected["l2"], tol=TOL,
            )  # fmt: skip
            self.checkpoint("l2_2d_readout", l2.value, expected=expected["l2"])
        with self.beat(
            "The L1, or Manhattan, distance walks the grid one axis at a time: two "
            "stars along Arrival plus four along Coco, six in total."
        ) as bt:
            self.play(FadeOut(probe), self.panel.grow(l1), run_time=0.6)
            # the readout is the length of staircase drawn so far
            l1.follow(lambda: routes.lengths_shown()["l1"])
            bt.say(0, routes.show_staircase())
            l1.stop_following()
            self.checkpoint(
                "l1_2d_staircase", routes.lengths_shown()["l1"], expected=expected["l1"], tol=TOL
            )
            self.checkpoint("l1_2d_readout", l1.value, expected=expected["l1"])
        arrival_leg = routes.staircase[PLANE_MOVIES.index("Arrival")]
        with self.beat(
            "L-infinity keeps only the largest single gap. That is the four stars on "
            "Coco, the movie they disagree on most."
        ) as bt:
            bt.say(
                0,
                AnimationGroup(
                    built(arrival_leg.animate.set_stroke(opacity=0.35)),
                    built(routes.straight.animate.set_opacity(0.35)),
                    self.panel.grow(linf),
                ),
            )
            linf.follow(lambda: routes.lengths_shown()["linf"])
            bt.say(1, routes.show_max_gap())
            linf.stop_following()
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
            y_length=6.2,
            axis_config={"color": theme.MUTED, "include_tip": False},
            x_axis_config={"include_ticks": False},
            y_axis_config={"include_numbers": True, "font_size": 24},
        )
        axes.move_to(np.array([-3.35, -0.45, 0.0]))
        y_label = theme.text("Chloé − Ana ★", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_label.next_to(axes.c2p(0.4, 5), UP, buff=0.2).align_to(axes, LEFT)
        bars = DifferenceBars(axes, d)
        names = VGroup()
        for i, (movie, value) in enumerate(zip(MOVIES, d, strict=True)):
            name = theme.text(movie, size=theme.LABEL_SIZE, color=theme.MUTED)
            name.next_to(axes.c2p(i + 1, 0), UP if value < 0 else DOWN, buff=0.15)
            names.add(name)
        diff = theme.tex(
            r"d = \text{Chlo\'e} - \text{Ana} = (-4,\ -2,\ -4,\ 4,\ 2)", size=PANEL_SIZE
        )
        ruler = NumberLine(
            x_range=(0, 16, 2),
            length=6.0,
            color=theme.MUTED,
            include_numbers=True,
            font_size=24,
        )
        ruler.move_to(np.array([0.55, -2.75, 0.0]), aligned_edge=LEFT)
        ruler_label = theme.text("stars", size=theme.LABEL_SIZE, color=theme.MUTED)
        ruler_label.next_to(ruler, DOWN, buff=0.15).align_to(ruler, RIGHT)
        stack = DistanceStack(ruler, d, rows_y=(1.3, -0.05, -1.4))
        l1 = Readout(
            r"L_1 = \textstyle\sum_i |d_i|", 0.0, decimals=0, color=L1_COLOR, size=PANEL_SIZE
        )
        l2 = Readout(
            r"L_2 = \sqrt{\textstyle\sum_i d_i^2}", 0.0, decimals=2, color=L2_COLOR,
            size=PANEL_SIZE,
        )  # fmt: skip
        linf = Readout(
            r"L_\infty = \max_i |d_i|", 0.0, decimals=0, color=LINF_COLOR, size=PANEL_SIZE
        )
        for readout, bar in ((l1, stack.segments), (l2, stack.l2_bar), (linf, stack.linf_bar)):
            readout.next_to(bar, UP, buff=0.15).align_to(ruler, LEFT)
        with self.beat(
            "Now all five movies: the difference vector has one signed bar per movie. "
            "Chloé rates the science fiction and thrillers lower, the animation and "
            "romance higher."
        ) as bt:
            bt.say(
                0,
                AnimationGroup(
                    AnimationGroup(Create(axes), FadeIn(names, y_label)),
                    self.panel.show(diff),
                    lag_ratio=0.5,
                ),
            )
            self.add(bars)
            bt.say(1, bars.create())
            self.checkpoint("difference_5d_bars", bars.values_shown(), expected=d, tol=TOL)
        expected = scipy_distances(a, b)
        with self.beat(
            "Lay the bar lengths end to end and you get the L1 distance: four, two, four, "
            "four and two make sixteen. The L2 distance, the hypotenuse in five "
            "dimensions, is only about 7.48. L-infinity keeps the longest bar alone: "
            "four, reached three times."
        ) as bt:
            self.play(Create(ruler), FadeIn(ruler_label, l1), run_time=0.8)
            self.add(stack)
            l1.follow(stack.l1_shown)
            bt.say(0, stack.stack(bars.bars))
            l1.stop_following()
            self.play(FadeIn(l2), run_time=0.4)
            l2.follow(stack.l2_shown)
            bt.say(1, stack.grow_l2())
            l2.stop_following()
            self.play(FadeIn(linf), run_time=0.4)
            linf.follow(stack.linf_shown)
            bt.say(2, bars.highlight_largest(color=LINF_COLOR), stack.grow_linf())
            linf.stop_following()
            self.checkpoint("l1_5d_segments", stack.segments_shown(), expected=np.abs(d), tol=TOL)
            self.checkpoint("l1_5d_stack", stack.l1_shown(), expected=expected["l1"], tol=TOL)
            self.checkpoint("l2_5d_bar", stack.l2_shown(), expected=expected["l2"], tol=TOL)
            self.checkpoint("linf_5d_bar", stack.linf_shown(), expected=expected["linf"], tol=TOL)
            self.checkpoint("l1_5d", l1.value, expected=expected["l1"])
            self.checkpoint("l2_5d", l2.value, expected=expected["l2"])
            self.checkpoint("linf_5d", linf.value, expected=expected["linf"])
        self.clear_stage()

    def cosine_beats(self) -> None:
        ana, femi, eve = COSINE_USERS
        u, v, w = (ratings_on(n, COSINE_MOVIES) for n in COSINE_USERS)
        axes, axis_labels = rating_axes(COSINE_MOVIES)
        euclid = Readout(r"\text{Euclidean}", 0.0, decimals=2, color=L2_COLOR, size=PANEL_SIZE)
        cosine = Readout(r"\text{cosine}", 1.0, decimals=3, size=PANEL_SIZE)
        arrows = DirectionComparison(
            axes,
            u,
            v,
            colors=(color_of(ana), color_of(femi)),
            readouts={"euclidean": euclid, "cosine": cosine},
        )
        # Ana's arrow a wide translucent band, so Femi's, lying along it, reads on top
        arrows.first_arrow.set_stroke(width=16, opacity=0.45).set_fill(opacity=0.45)
        arrows.first_arrow.tip.set_stroke(width=0)
        ana_label = name_label(ana, axes.c2p(*u), RIGHT, buff=0.35)
        femi_label = name_label(femi, axes.c2p(*v), DOWN + RIGHT)
        heading = theme.text("Direction versus length", size=theme.BODY_SIZE, color=theme.ACCENT)
        with self.beat(
            "Switch to Arrival and Amélie. Femi gives both exactly half of Ana's "
            "stars: the same taste, on a harsher scale."
        ) as bt:
            bt.say(0, AnimationGroup(Create(axes), FadeIn(axis_labels), self.panel.show(heading)))
            self.add(arrows)
            bt.say(
                1,
                AnimationGroup(
                    arrows.create(),
                    FadeIn(ana_label, femi_label),
                    self.panel.grow(user_row((ana, femi), COSINE_MOVIES)),
                    lag_ratio=0.4,
                ),
            )
        eve_label = name_label(eve, axes.c2p(*w), RIGHT, buff=0.35)
        eve_row = user_row((eve,), COSINE_MOVIES)
        held = contextlib.ExitStack()
        with held:
            with self.beat(
                "Euclidean distance puts them 2.24 apart. Yet the cosine of the angle "
                "between them is exactly one: stretch Femi's arrow and the distance "
                "changes, the cosine does not."
            ) as bt:
                bt.say(0, AnimationGroup(arrows.show_gap(), self.panel.grow(euclid), lag_ratio=0.5))
                # from here on the numbers describe the drawn gap and angle at every moment:
                # while Femi's arrow stretches along Ana's and back, and while it glides to Eve's
                held.enter_context(
                    self.invariant(
                        "readouts_show_the_drawn_gap_and_angle",
                        lambda: (
                            printed_all((euclid, cosine)),
                            [arrows.euclidean_shown(), arrows.cosine_shown()],
                        ),
                    )
                )
                self.play(self.panel.grow(cosine), FadeOut(femi_label), run_time=0.6)
                self.in_steps(
                    bt,
                    1,
                    lambda: arrows.move_second_to(0.85 * u),
                    lambda: arrows.move_second_to(v),
                )
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
                self.checkpoint(
                    "cosine_ana_femi_readout", cosine.value, expected=cosine_sympy(u, v)
                )
            with self.beat(
                "Eve sits exactly as far from Ana, but points another way, and her "
                "cosine drops to 0.978. For taste, direction is usually what counts."
            ) as bt:
                bt.say(0, arrows.move_second_to(w, color=color_of(eve)))
                bt.say(
                    1, AnimationGroup(FadeIn(eve_label), self.panel.grow(eve_row), lag_ratio=0.5)
                )
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
        last = Readout(r"\text{at } 1024", 0.0, decimals=2, color=theme.ACCENT, size=PANEL_SIZE)
        last.next_to(x_title, DOWN, buff=0.3)
        expected_curve = contrast_curve_cdist(CURVE_SEED)
        with self.beat(
            "One more surprise. Scatter random points in more and more dimensions: "
            "the farthest neighbour's lead over the nearest shrinks, to about a "
            "tenth at 1024 dimensions."
        ) as bt:
            bt.say(0, AnimationGroup(Create(axes), FadeIn(ticks, x_title, title)))
            self.add(curve)
            # the value is set before the fade: a fade redraws from copies taken as it begins
            last.set(float(curve.points_shown()[-1, 1]))
            bt.say(1, AnimationGroup(curve.create(), FadeIn(last), lag_ratio=0.85))
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
        hist_axes.move_to(np.array([3.9, -0.6, 0.0]))
        hist_x = theme.text("pairwise distance ÷ mean", size=theme.LABEL_SIZE, color=theme.MUTED)
        hist_x.next_to(hist_axes, DOWN, buff=0.5)
        hist_y = theme.text("share of pairs", size=theme.LABEL_SIZE, color=theme.MUTED)
        hist_y.next_to(hist_axes.c2p(0, 1), UP, buff=0.75).align_to(hist_axes, LEFT)
        hist = Histogram(hist_axes, HIST_EDGES, shares[HIST_DIMENSIONS[0]])
        bar = SpreadBar(hist_axes, spreads[HIST_DIMENSIONS[0]], y=1.08)
        dim = Readout("d", HIST_DIMENSIONS[0], decimals=0, size=PANEL_SIZE, commas=False)
        dim.set(HIST_DIMENSIONS[0])
        # σ/μ is the half-width of the drawn 1 ± σ/μ bar, at every frame of the morphs
        spread = Readout(r"\sigma / \mu", 0.0, decimals=2, color=theme.ACCENT, size=PANEL_SIZE)
        spread.follow(bar.half_width_shown)
        readouts = VGroup(dim, spread).arrange(RIGHT, buff=0.8)
        readouts.move_to(np.array([3.9, 3.25, 0.0]))
        expected_hist = histograms_cdist(HIST_SEED)

        def check(d: int) -> None:
            self.checkpoint(
                f"dimension_d{d}_readout", dim.value, expected=float(clouds[d].shape[1])
            )
            self.checkpoint(f"spread_d{d}_readout", spread.value, expected=expected_hist[d][1])
            self.checkpoint(
                f"spread_d{d}_bar", bar.half_width_shown(), expected=expected_hist[d][1], tol=TOL
            )
            self.checkpoint(
                f"hist_d{d}_shares", hist.heights_shown(), expected=expected_hist[d][0], tol=1e-9
            )

        def morph(d: int) -> Animation:
            return AnimationGroup(
                hist.morph_to(shares[d]), bar.tween_to(spreads[d]), dim.step_to(d)
            )

        with (
            self.invariant(
                "spread_readout_is_the_drawn_spread_bar",
                lambda: (spread.value, bar.half_width_shown()),
            ),
            self.beat(
                "On the right, the histogram of all pairwise distances, each divided by "
                "their mean. From 2 dimensions to 16, its spread, sigma over mu, falls from "
                "0.47 to 0.15. At 1024 it is one spike with spread 0.02: when every point is "
                "about equally far, nearest neighbours stop meaning much."
            ) as bt,
        ):
            self.add(hist)
            bt.say(
                0,
                AnimationGroup(
                    AnimationGroup(Create(hist_axes), FadeIn(hist_x, hist_y)),
                    hist.create(),
                    FadeIn(bar, readouts),
                    lag_ratio=0.5,
                ),
            )
            check(HIST_DIMENSIONS[0])
            bt.say(1, morph(HIST_DIMENSIONS[1]))
            check(HIST_DIMENSIONS[1])
            bt.say(2, morph(HIST_DIMENSIONS[2]))
            check(HIST_DIMENSIONS[2])
        spread.stop_following()


SCENES = [DistanceMetrics]
