"""1.3 Ratios & Scales: a linear axis morphing into a log axis; a rating column normalised.

A learning-rate sweep, 10⁻⁵, 10⁻⁴, …, 1, falls from its line of code onto a linear axis from
0 to 1: four of the six rates land in one pile at zero, and a hundred-fold zoom of the first
hundredth shows the same picture again, two still piled. A "×10" ruler that spans nine
tenths of the axis at the top shrinks to nothing as it slides down. The exponents, log₁₀ of
the rates, sit evenly on a number line below; then the axis morphs into a log axis (the
blend of :class:`~mathviz.maths.scales.BlendedScale`): the pile spreads until every rate
sits above its exponent, the tick labels become powers of ten, no dot passes another, and
the ruler keeps its width wherever it goes — equal ratios are equal distances.

Then the running example: six users' ratings of Alien (the recommender's column). Min–max
normalisation shifts the dots by the minimum and scales by the range into [0, 1]; the
z-score shifts by the mean and scales by the population standard deviation (÷ n, NumPy's
default), while live readouts of the mean and the standard deviation settle at 0 and 1.
Last, a second feature on a wildly different scale (minutes watched per week) crushes the
ratings into a pile on a shared axis, so Ana and Ben's squared distance is all minutes;
z-scoring both columns gives the ratings 28 % of it.
"""

from __future__ import annotations

import contextlib
import math
import statistics
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circumscribe,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    NumberLine,
    Rectangle,
    VGroup,
    VMobject,
    Write,
    smooth,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths import recommender
from mathviz.maths.scales import BlendedScale, min_max_constants, population_std, z_constants
from mathviz.primitives.readout import Readout
from mathviz.primitives.scales import MorphingAxis, ShareBar, SpreadBar, ValueStrip
from mathviz.readings import derived, printed_all
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the sweep as code, and the token of each rate in it
SWEEP_CODE = "learning_rates = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]"
SWEEP_TOKENS = ("1e-5", "1e-4", "1e-3", "1e-2", "1e-1", "1]")
#: the sweep: 10⁻⁵ … 1, one rate per decade
EXPONENTS = (-5, -4, -3, -2, -1, 0)
RATES = tuple(10.0**k for k in EXPONENTS)
SCALE = BlendedScale(linear=(0.0, 1.0), log=(1e-5, 1.0))
#: the morphing axis: its left end and length (scene units)
AXIS_LEFT, AXIS_LENGTH = (-6.0, 1.0), 12.0
#: how far the axis rises from the frame's middle once the zoom below it comes in
AXIS_RISE = 0.75
DOT_RADIUS = 0.11
#: the exponent number line below the log axis
EXPONENT_Y = -1.55

#: the rating column: Alien, rated by the six users of the recommender
MOVIE = "Alien"
USERS = recommender.USERS
RATINGS = tuple(float(r) for r in recommender.movie(MOVIE))
#: a second feature per user, on a very different scale: minutes watched per week
MINUTES = (150.0, 45.0, 300.0, 60.0, 210.0, 30.0)
#: the three rows of the rating column: raw, min–max, z-score (their number lines' y)
ROW_Y = (1.95, -0.2, -2.35)
LINE_LEFT, LINE_RANGE, LINE_LENGTH = -4.4, (-2, 5, 1), 8.4
TITLE_X, READOUT_X = -5.75, 4.72
READOUT_SIZE = 32
#: the rating dots: radius, and the lift of a repeated value above the first
DOT_SIZE, STACK = 0.13, 0.34
#: the two features' colours in the last part (gaps and the distance bar)
FEATURE_COLORS = (theme.TEXT, theme.AREA)


def number_line(y: float, x_range: Sequence[float], left: float, length: float) -> NumberLine:
    """A course-styled number line whose left end is at ``(left, y)``."""
    line = NumberLine(
        x_range=list(x_range),
        length=length,
        color=theme.MUTED,
        include_numbers=True,
        font_size=24,
        stroke_width=3,
        include_tip=False,
    )
    line.shift(at(left, y) - line.get_start())
    return line


def token_centres(row: VMobject, source: str, tokens: Sequence[str]) -> np.ndarray:
    """The centre of each token of a line of code as drawn (a ``Text`` has one glyph per
    character that is not a space); a token ending in ``]`` is centred on its first part."""
    glyphs = source.replace(" ", "")
    centres, start = [], 0
    for token in tokens:
        at_ = glyphs.index(token, start)
        size = len(token.rstrip("]"))
        centres.append(VGroup(*row.submobjects[at_ : at_ + size]).get_center())
        start = at_ + len(token)
    return np.array(centres)


def overlapping(values: Sequence[float], unit: float, stack: float, gap: float) -> int:
    """How many of ``values`` would be drawn closer than ``gap`` to another, at ``unit``
    scene units per unit, equal values stacked ``stack`` apart (counted pair by pair)."""
    seen: dict[float, int] = {}
    points = []
    for v in values:
        points.append((v * unit, seen.get(v, 0) * stack))
        seen[v] = seen.get(v, 0) + 1
    return sum(
        1
        for i, p in enumerate(points)
        if any(math.dist(p, q) < gap for j, q in enumerate(points) if j != i)
    )


def spread_of(strip: ValueStrip) -> Callable[[], float]:
    """The population standard deviation of a strip's dots, read when called."""
    return lambda: population_std(strip.values_shown())


def first_half(t: float) -> float:
    """A rate function done in the first half of the run time."""
    return smooth(min(1.0, 2.0 * t))


def second_half(t: float) -> float:
    """A rate function that starts half way through the run time."""
    return smooth(max(0.0, 2.0 * t - 1.0))


def fmean(values: Any) -> float:
    """The mean by the standard library (the readouts use numpy)."""
    return statistics.fmean(float(v) for v in values)


def pstdev(values: Any) -> float:
    """The population standard deviation by the standard library."""
    return statistics.pstdev(float(v) for v in values)


class RatiosAndScales(LectureScene):
    chapter_id = "1.3"

    def construct(self) -> None:
        self.open_chapter("Numbers that grow by factors need a scale of their own.")
        self.sweep_beats()
        self.exponent_beat()
        self.morph_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.raw_beat()
        self.min_max_beat()
        self.z_score_beat()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.second_feature_beats()
        self.close_chapter(
            "Factors: a log axis.  Features: one shared scale.",
            "Factors want a log axis; mixed units want one shared scale. "
            "Next, variables and expressions.",
        )

    # --- part 1: a learning-rate sweep on a linear axis ---------------------------------------
    def sweep_beats(self) -> None:
        code = theme.code(SWEEP_CODE, size=26)
        code.to_edge(UP, buff=0.4)
        self.declare_shown(code, "the sweep's six learning rates, as given")
        # the axis starts in the middle of the frame and moves up when the zoom comes in
        start = (AXIS_LEFT[0], AXIS_LEFT[1] - AXIS_RISE)
        axis = MorphingAxis(SCALE, left=start, length=AXIS_LENGTH, label_size=30)
        self.axis = axis
        with self.beat(
            "A learning-rate sweep tries ten to the minus five, ten to the minus four, and so "
            "on up to one, each rate ten times the last. Dropped on a linear axis from zero "
            "to one, they land like this."
        ) as b:
            self.play(Write(code), run_time=min(2.0, b.sentence(0) * 0.4))
            b.say(0, Create(axis))
            drops = token_centres(code[0], SWEEP_CODE, SWEEP_TOKENS) + 0.35 * DOWN
            b.say(1, axis.add_dots(RATES, radius=DOT_RADIUS, lag_ratio=0.35, starts=drops))
            self.checkpoint(
                "rates_on_linear_axis", axis.exponents_shown(), expected=list(EXPONENTS), tol=1e-9
            )
            self.checkpoint(
                "linear_tick_labels",
                axis.linear_labels_shown(),
                expected=[0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
            )
            self.checkpoint(
                "linear_tick_positions",
                axis.ticks_shown("linear"),
                expected=[0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
                tol=1e-9,
            )

        share = Readout(
            r"\text{share of the axis for }10^{-5}\ldots10^{-2}",
            0.0,
            decimals=0,
            unit=r"\,\%",
            size=READOUT_SIZE,
        )
        share.move_to(at(0.0, 2.45))
        share.follow(lambda: axis.span_shown(0, 3))
        self.share = share
        # the first hundredth of the axis, a hundred times larger, below it
        zoom = NumberLine(
            x_range=[0, 0.01, 0.001],
            length=AXIS_LENGTH,
            color=theme.MUTED,
            stroke_width=3,
            include_tip=False,
        )
        zoom.add_labels({0: "0", 0.01: "0.01"}, font_size=30)
        zoom.shift(at(AXIS_LEFT[0], EXPONENT_Y) - zoom.get_start())
        zoomed = ValueStrip(zoom, RATES[:4], [theme.ACCENT] * 4, radius=DOT_RADIUS)
        for dot, source in zip(zoomed.dots, axis.dots[:4], strict=True):
            dot.move_to(source.get_center())
        top_y = AXIS_LEFT[1] - 0.75
        guides = VGroup(
            *(
                DashedLine(
                    at(float(axis.x_of([v])[0]), top_y),
                    zoom.n2p(v) + 0.3 * UP,
                    color=theme.MUTED,
                    stroke_width=2,
                    dash_length=0.08,
                )
                for v in (0.0, 0.01)
            )
        )
        zoom_label = theme.text(
            "the first 1 %, zoomed 100 times", size=theme.LABEL_SIZE, color=theme.MUTED
        )
        zoom_label.move_to(at(2.2, EXPONENT_Y - 0.75))
        self.zoom = VGroup(zoom, zoomed, guides, zoom_label)
        with self.beat(
            "Four of the six rates pile up at zero, inside the first one percent of the axis. "
            "Zoom in a hundred times, and two of them still sit on top of each other."
        ) as b:
            self.play(axis.animate.shift(AXIS_RISE * UP), run_time=0.8)
            b.say(0, FadeIn(share), Circumscribe(VGroup(*axis.dots[:4]), color=theme.ACCENT))
            self.checkpoint("piled_dots_linear", axis.piled_shown(), expected=4)
            self.checkpoint("share_readout_linear", share.value, expected=0.999)
            self.play(Create(guides), Create(zoom), run_time=0.35 * b.sentence(1))
            b.say(1, zoomed.move_to_values(RATES[:4]), FadeIn(zoom_label))
            self.checkpoint(
                "zoomed_rates",
                derived(
                    "log10 of the zoomed dots' values",
                    np.log10(zoomed.values_shown()),
                    zoomed.values_shown(),
                ),
                expected=list(map(float, EXPONENTS[:4])),
                tol=1e-9,
            )
            self.checkpoint("piled_dots_zoomed", zoomed.piled_shown(), expected=2)

        with self.beat(
            "A factor of ten spans nine tenths of the axis at the top, and almost nothing at "
            "the bottom."
        ) as b:
            self.play(axis.show_ruler(-1.0), run_time=0.6)
            with self.invariant("ruler ends stay a factor of ten apart", self.ruler_ratio):
                b.say(0, axis.slide_ruler(-3.0))
            self.checkpoint(
                "ruler_ends_linear", axis.ruler_shown(), expected=[1e-3, 1e-2], tol=1e-9
            )
            self.checkpoint(
                "ruler_width_linear",
                derived(
                    "drawn width of the ruler as a share of the axis",
                    self.ruler_share(),
                    axis.ruler_shown(),
                ),
                expected=0.009,
                tol=1e-9,
            )

    def ruler_ratio(self) -> tuple[Any, float]:
        """The ruler's right end over its left end, as read through the axis."""
        ends = self.axis.ruler_shown()
        return derived("ratio of the ruler's ends", ends[1] / ends[0], ends), 10.0

    def ruler_share(self) -> float:
        """The ruler's drawn width as a share of the drawn axis line."""
        bar, line = self.axis.ruler[0], self.axis.line
        return float(bar.width / line.width)

    # --- the exponent line ----------------------------------------------------------------------
    def exponent_beat(self) -> None:
        axis = self.axis
        line = NumberLine(
            x_range=[-5, 0, 1],
            length=AXIS_LENGTH,
            color=theme.MUTED,
            include_numbers=True,
            font_size=30,
            stroke_width=3,
            include_tip=False,
        )
        line.shift(at(AXIS_LEFT[0], EXPONENT_Y) - line.get_start())
        title = theme.text("log₁₀ of the rate", size=theme.LABEL_SIZE, color=theme.MUTED)
        title.move_to(at(AXIS_LEFT[0], EXPONENT_Y + 0.6), aligned_edge=LEFT)
        strip = ValueStrip(
            line, [float(k) for k in EXPONENTS], [theme.ACCENT] * 6, radius=DOT_RADIUS
        )
        for dot, source in zip(strip.dots, axis.dots, strict=True):
            dot.move_to(source.get_center())
        self.exponents = strip
        with self.beat(
            "Take log ten of each rate instead: minus five up to zero, evenly spaced, one apart."
        ) as b:
            self.play(FadeOut(self.zoom), axis.hide_ruler(), run_time=0.25 * b.sentence(0))
            b.say(0, Create(line), FadeIn(title), strip.move_to_values(strip.values))
            self.checkpoint(
                "exponents_on_number_line",
                strip.values_shown(),
                expected=list(map(float, EXPONENTS)),
                tol=1e-9,
            )
            self.checkpoint(
                "exponent_gaps",
                derived(
                    "gaps between neighbouring exponent dots",
                    np.diff(strip.values_shown()),
                    strip.values_shown(),
                ),
                expected=[1.0] * 5,
                tol=1e-9,
            )

    # --- the morph ------------------------------------------------------------------------------
    def morph_beats(self) -> None:
        axis, share = self.axis, self.share

        def in_order() -> tuple[Any, int]:
            return axis.inversions_shown(), 0

        def rates_read_back() -> tuple[Any, list[float]]:
            return axis.exponents_shown(), [float(k) for k in EXPONENTS]

        def share_follows() -> tuple[Any, float]:
            return share.value, float(axis.span_shown(0, 3))

        with contextlib.ExitStack() as stack:
            stack.enter_context(self.invariant("no dot passes another", in_order))
            stack.enter_context(
                self.invariant("each dot reads back as its rate", rates_read_back, tol=1e-9)
            )
            stack.enter_context(self.invariant("share readout follows the dots", share_follows))
            with self.beat(
                "Now let the axis itself measure the logarithm. As it morphs, the pile spreads "
                "until every rate sits above its exponent, and no dot ever passes another."
            ) as b:
                b.say(
                    0, Indicate(VGroup(*axis.linear_labels), color=theme.ACCENT, scale_factor=1.1)
                )
                b.say(1, axis.morph(1.0))
            self.checkpoint(
                "rates_on_log_axis", axis.exponents_shown(), expected=list(EXPONENTS), tol=1e-9
            )
            self.checkpoint("decade_labels", axis.decade_labels_shown(), expected=list(EXPONENTS))
            ticks = axis.ticks_shown("decade")
            self.checkpoint(
                "decade_tick_positions",
                derived("log10 of the values under the decade ticks", np.log10(ticks), ticks),
                expected=list(EXPONENTS),
                tol=1e-9,
            )
            labels_at = axis.label_positions_shown("decade")
            self.checkpoint(
                "decade_labels_sit_under_their_ticks",
                derived("log10 of the values above the labels", np.log10(labels_at), labels_at),
                expected=list(EXPONENTS),
                tol=1e-9,
            )
            self.checkpoint("linear_labels_gone", axis.tick_count_shown("linear"), expected=0)
            self.checkpoint("piled_dots_log", axis.piled_shown(), expected=0)
            self.checkpoint("share_readout_log", share.value, expected=60.0)
            gaps = axis.gaps_shown()
            self.checkpoint(
                "decade_gaps_equal",
                derived(
                    "each gap between neighbouring dots over the first gap", gaps / gaps[0], gaps
                ),
                expected=[1.0] * 5,
                tol=1e-9,
            )
            top, bottom = axis.dots, self.exponents.dots
            offsets = [
                abs(a.get_center()[0] - c.get_center()[0]) for a, c in zip(top, bottom, strict=True)
            ]
            self.checkpoint(
                "rates_sit_above_their_exponents",
                derived(
                    "largest horizontal offset between a rate's dot and its exponent's dot",
                    max(offsets),
                    axis.exponents_shown(),
                    self.exponents.values_shown(),
                ),
                expected=0.0,
                tol=1e-9,
            )

            rule = theme.tex(
                r"\log_{10}(10\cdot\text{lr}) = \log_{10}\text{lr} + 1", size=36, color=theme.ACCENT
            ).move_to(at(0.0, -3.25))
            with self.beat(
                "Every decade now has the same width, and the times-ten ruler keeps its length "
                "wherever it goes. Equal ratios have become equal distances: times ten is plus one."
            ) as b:
                self.play(axis.show_ruler(-5.0), run_time=0.6)
                with (
                    self.invariant(
                        "ruler ends stay a factor of ten apart on the log axis", self.ruler_ratio
                    ),
                    self.invariant(
                        "ruler keeps one fifth of the axis",
                        lambda: (
                            derived(
                                "ruler width over axis length",
                                self.ruler_share(),
                                axis.ruler_shown(),
                            ),
                            0.2,
                        ),
                        tol=1e-9,
                    ),
                ):
                    b.say(0, axis.slide_ruler(-1.0))
                b.say(1, axis.show_minor_ticks(), Write(rule))
            self.checkpoint("minor_ticks", axis.tick_count_shown("minor"), expected=40)
        share.stop_following()

    # --- part 2: a rating column ----------------------------------------------------------------
    def row_title(self, words: str, formula: str | None, y: float) -> VGroup:
        parts: list[VMobject] = [theme.text(words, size=theme.BODY_SIZE)]
        if formula:
            parts.append(theme.tex(formula, size=30, color=theme.MUTED))
        group = VGroup(*parts).arrange(DOWN, buff=0.2)
        group.move_to(at(TITLE_X, y + 0.1))
        return group

    def raw_beat(self) -> None:
        items = VGroup(
            *(
                theme.text(f"{name} {int(r)}", size=theme.BODY_SIZE, color=color)
                for name, r, color in zip(USERS, RATINGS, theme.USER_COLORS, strict=True)
            )
        ).arrange(RIGHT, buff=0.45)
        heading = theme.text(f"{MOVIE}:", size=theme.BODY_SIZE)
        header = VGroup(heading, items).arrange(RIGHT, buff=0.45).to_edge(UP, buff=0.35)
        self.declare_shown(header, "the six users' ratings of the movie, as given")
        self.rows = [number_line(y, LINE_RANGE, LINE_LEFT, LINE_LENGTH) for y in ROW_Y]
        titles = VGroup(
            self.row_title("rating", None, ROW_Y[0]),
            self.row_title("min–max", r"\frac{x-\min}{\max-\min}", ROW_Y[1]),
            self.row_title("z-score", r"\frac{x-\mu}{\sigma}", ROW_Y[2]),
        )
        strip = ValueStrip(self.rows[0], RATINGS, list(theme.USER_COLORS))
        for dot, item in zip(strip.dots, items, strict=True):
            dot.move_to(item.get_bottom() + 0.25 * DOWN)
        mean, std = self.stat_readouts(strip, ROW_Y[0])
        self.raw = strip
        with self.beat(
            "Scales matter for data too. Here are our six users' ratings of Alien, one to "
            "five stars, with their mean and standard deviation."
        ) as b:
            b.say(0, Write(header), *(Create(row) for row in self.rows), FadeIn(titles))
            self.play(strip.move_to_values(RATINGS, run_time=0.6 * b.sentence(1)))
            b.say(1, FadeIn(mean), FadeIn(std))
            self.checkpoint(
                "header_ratings", printed_all(items), expected=[5.0, 4.0, 1.0, 2.0, 5.0, 3.0]
            )
            self.checkpoint(
                "raw_ratings_on_axis", strip.values_shown(), expected=list(RATINGS), tol=1e-9
            )
            self.checkpoint("raw_mean_readout", mean.value, expected=fmean(RATINGS))
            self.checkpoint("raw_std_readout", std.value, expected=pstdev(RATINGS))
        for readout in (mean, std):
            readout.stop_following()

    def stat_readouts(self, strip: ValueStrip, y: float) -> tuple[Readout, Readout]:
        """μ and σ of ``strip`` (numpy, through :func:`population_std`), following its dots."""
        mean = Readout(r"\mu", 0.0, decimals=2, size=READOUT_SIZE)
        std = Readout(r"\sigma", 0.0, decimals=2, size=READOUT_SIZE)
        mean.move_to(at(READOUT_X, y + 0.32), aligned_edge=LEFT)
        std.move_to(at(READOUT_X, y - 0.32), aligned_edge=LEFT)
        mean.follow(lambda: float(np.mean(strip.values_shown())))
        std.follow(lambda: population_std(strip.values_shown()))
        return mean, std

    def min_max_beat(self) -> None:
        line = self.rows[1]
        strip, fly = self.raw.onto(line)
        low = Readout(r"\min", 0.0, decimals=2, size=READOUT_SIZE)
        high = Readout(r"\max", 0.0, decimals=2, size=READOUT_SIZE)
        low.move_to(at(READOUT_X, ROW_Y[1] + 0.32), aligned_edge=LEFT)
        high.move_to(at(READOUT_X, ROW_Y[1] - 0.32), aligned_edge=LEFT)
        low.follow(lambda: float(np.min(strip.values_shown())))
        high.follow(lambda: float(np.max(strip.values_shown())))
        band = Rectangle(
            width=line.n2p(1)[0] - line.n2p(0)[0],
            height=1.0,
            stroke_width=0,
            fill_color=theme.AREA,
            fill_opacity=0.35,
        ).move_to((line.n2p(0) + line.n2p(1)) / 2 + 0.2 * UP)
        band.set_z_index(-1)
        move = min_max_constants(RATINGS)
        with contextlib.ExitStack() as stack:
            with self.beat(
                "Min–max normalisation subtracts the smallest rating, one, then divides by the "
                "range, four. Every rating lands between zero and one."
            ) as b:
                run = b.sentence(0)
                self.play(fly, run_time=0.3 * run)
                self.play(FadeIn(low), FadeIn(high), run_time=0.1 * run)
                stack.enter_context(
                    self.invariant(
                        "min readout is the leftmost dot",
                        lambda: (low.value, min(float(v) for v in strip.values_shown())),
                    )
                )
                stack.enter_context(
                    self.invariant(
                        "max readout is the rightmost dot",
                        lambda: (high.value, max(float(v) for v in strip.values_shown())),
                    )
                )
                self.play(strip.shift_stage(move, run_time=0.3 * run))
                self.play(strip.scale_stage(move, run_time=0.3 * run))
                b.say(1, FadeIn(band), Circumscribe(VGroup(low, high), color=theme.ACCENT))
        self.checkpoint(
            "min_max_values",
            strip.values_shown(),
            expected=[1.0, 0.75, 0.0, 0.25, 1.0, 0.5],
            tol=1e-9,
        )
        self.checkpoint("min_readout", low.value, expected=0.0)
        self.checkpoint("max_readout", high.value, expected=1.0)
        for readout in (low, high):
            readout.stop_following()

    def z_score_beat(self) -> None:
        line = self.rows[2]
        strip, fly = self.raw.onto(line)
        mean, std = self.stat_readouts(strip, ROW_Y[2])
        note = theme.text("population: ÷ n", size=theme.SMALL_SIZE, color=theme.MUTED)
        note.next_to(std, DOWN, buff=0.25, aligned_edge=LEFT)
        bar = SpreadBar(strip, below=1.0)
        move = z_constants(RATINGS)
        with contextlib.ExitStack() as stack:
            with self.beat(
                "The z-score subtracts the mean, 3.33, and the dots centre on zero. Then it "
                "divides by the standard deviation, 1.49, and their spread becomes one. That "
                "is the population version, dividing by n, as NumPy does."
            ) as b:
                run = b.sentence(0)
                self.play(fly, run_time=0.35 * run)
                self.play(FadeIn(mean), FadeIn(std), FadeIn(bar), run_time=0.15 * run)
                for name, read in (
                    (
                        "z mean readout is the mean of the dots",
                        lambda: (mean.value, fmean(strip.values_shown())),
                    ),
                    (
                        "z std readout is the spread of the dots",
                        lambda: (std.value, pstdev(strip.values_shown())),
                    ),
                ):
                    stack.enter_context(self.invariant(name, read))
                b.say(0, strip.shift_stage(move))
                b.say(1, strip.scale_stage(move))
                b.say(2, FadeIn(note, shift=0.2 * UP), Circumscribe(std, color=theme.ACCENT))
        mu, sigma = fmean(RATINGS), pstdev(RATINGS)
        self.checkpoint(
            "z_values",
            strip.values_shown(),
            expected=[(r - mu) / sigma for r in RATINGS],
            tol=1e-9,
        )
        self.checkpoint("z_mean_readout", mean.value, expected=0.0)
        self.checkpoint("z_std_readout", std.value, expected=1.0)
        self.checkpoint("spread_bar_span", bar.span_shown(), expected=[-1.0, 1.0], tol=1e-9)
        for readout in (mean, std):
            readout.stop_following()
        bar.clear_updaters()

    # --- part 3: a second feature ---------------------------------------------------------------
    def gap_marker(self, strip: ValueStrip, color: Any) -> VGroup:
        """A bar above a row from Ana's dot to Ben's, following the dots."""
        marker = VGroup(
            Line(color=color, stroke_width=5),
            Line(color=color, stroke_width=4),
            Line(color=color, stroke_width=4),
        )
        lift = 0.62 * UP

        def place(_: Any) -> None:
            a, b = (strip.dots[i].get_center() * [1, 0, 0] for i in (0, 1))
            y = strip.line.get_start() * [0, 1, 0] + lift
            marker[0].put_start_and_end_on(a + y, b + y + 1e-6 * RIGHT)
            for end, p in zip(marker[1:], (a, b), strict=True):
                end.put_start_and_end_on(p + y + 0.12 * DOWN, p + y + 0.12 * UP)

        place(marker)
        marker.add_updater(place)
        return marker

    def second_feature_beats(self) -> None:
        ys = (1.75, -0.3)
        left, length = -3.9, 10.3
        lines = [number_line(y, (0, 300, 50), left, length) for y in ys]
        titles = [
            self.row_title("rating", None, ys[0]),
            self.row_title("minutes", None, ys[1]),
        ]
        titles[1].add(theme.text("per week", size=theme.LABEL_SIZE, color=theme.MUTED))
        titles[1].arrange(DOWN, buff=0.15).move_to(at(TITLE_X, ys[1] + 0.1))
        ratings = ValueStrip(
            lines[0], RATINGS, list(theme.USER_COLORS), radius=DOT_SIZE, stack=STACK
        )
        minutes = ValueStrip(lines[1], MINUTES, list(theme.USER_COLORS))
        strips = (ratings, minutes)
        heading = theme.text("one shared axis", size=theme.BODY_SIZE, color=theme.MUTED)
        heading.to_edge(UP, buff=0.4)
        gaps = [
            self.gap_marker(strip, color)
            for strip, color in zip(strips, FEATURE_COLORS, strict=True)
        ]

        def rating_share() -> float:
            """The rating gap's share of Ana and Ben's squared distance, from the drawn dots."""
            dr, dm = (float(s.dots[0].get_center()[0] - s.dots[1].get_center()[0]) for s in strips)
            return dr * dr / (dr * dr + dm * dm)

        bar = ShareBar(
            rating_share, left=at(left, -2.3), length=length, height=0.42, colors=FEATURE_COLORS
        )
        bar_title = (
            VGroup(
                theme.text("Ana–Ben", size=theme.LABEL_SIZE),
                theme.text("distance²", size=theme.LABEL_SIZE),
            )
            .arrange(DOWN, buff=0.12)
            .move_to(at(TITLE_X, -2.3))
        )
        rating_part = Readout(
            r"\text{rating}", 0.0, decimals=0, unit=r"\,\%", size=30, color=FEATURE_COLORS[0]
        )
        minutes_part = Readout(
            r"\text{minutes}", 0.0, decimals=0, unit=r"\,\%", size=30, color=FEATURE_COLORS[1]
        )
        rating_part.move_to(at(left, -3.05), aligned_edge=LEFT)
        minutes_part.move_to(at(left + length, -3.05), aligned_edge=RIGHT)
        rating_part.follow(lambda: 100.0 * bar.share_shown())
        minutes_part.follow(lambda: 100.0 * (1.0 - bar.share_shown()))
        dr_raw, dm_raw = RATINGS[0] - RATINGS[1], MINUTES[0] - MINUTES[1]
        with self.beat(
            "Why bother? Add a second feature, minutes watched per week, from 30 to 300. On a "
            "shared axis the ratings shrink to a pile, and the distance between Ana and Ben "
            "is all minutes."
        ) as b:
            b.say(
                0,
                FadeIn(heading),
                *(Create(x) for x in lines),
                *(FadeIn(t) for t in titles),
                FadeIn(minutes.dots, lag_ratio=0.2),
            )
            b.say(1, FadeIn(ratings.dots, shift=0.5 * DOWN, lag_ratio=0.2))
            b.say(
                2,
                *(FadeIn(g) for g in gaps),
                FadeIn(bar),
                FadeIn(bar_title),
                FadeIn(rating_part),
                FadeIn(minutes_part),
            )
            self.checkpoint(
                "ratings_on_shared_axis", ratings.values_shown(), expected=list(RATINGS), tol=1e-9
            )
            self.checkpoint(
                "minutes_on_shared_axis", minutes.values_shown(), expected=list(MINUTES), tol=1e-9
            )
            self.checkpoint(
                "ratings_piled_on_shared_axis",
                ratings.piled_shown(),
                expected=overlapping(RATINGS, length / 300, STACK, 2 * DOT_SIZE),
            )
            raw_share = dr_raw**2 / (dr_raw**2 + dm_raw**2)
            self.checkpoint("rating_share_raw", rating_part.value, expected=100 * raw_share)
            self.checkpoint("minutes_share_raw", minutes_part.value, expected=100 * (1 - raw_share))

        z_lines = [number_line(y, (-2, 2, 1), left, length) for y in ys]
        z_heading = theme.text("each column z-scored", size=theme.BODY_SIZE, color=theme.MUTED)
        z_heading.to_edge(UP, buff=0.4)
        spreads = []
        for y in ys:
            std = Readout(r"\sigma", 1.0, decimals=2, size=READOUT_SIZE)
            std.move_to(at(left + length, y + 0.8), aligned_edge=RIGHT)
            spreads.append(std)
        z_ratings, z_minutes = (pstdev(RATINGS), pstdev(MINUTES))
        z_share = (dr_raw / z_ratings) ** 2 / (
            (dr_raw / z_ratings) ** 2 + (dm_raw / z_minutes) ** 2
        )
        with (
            self.invariant(
                "rating share readout follows the bar",
                lambda: (rating_part.value, 100.0 * float(bar.share_shown())),
            ),
            self.invariant(
                "bar splits the drawn squared gap",
                lambda: (bar.share_shown(), rating_share()),
                tol=1e-9,
            ),
        ):
            with self.beat(
                "Z-score each column, and both spread over the same few units. Now the rating "
                "gap carries 28 percent of their squared distance, not almost nothing."
            ) as b:
                targets = [z_constants(RATINGS).apply(RATINGS), z_constants(MINUTES).apply(MINUTES)]
                # old headings, ticks and numbers go in the first half and the new ones come in
                # the second (morphing one digit into another would show garbled glyphs, and
                # cross-fading them would stack two sets of digits); a bare copy of each axis
                # line carries the dots in between
                anims: list[Animation] = [
                    FadeOut(heading, rate_func=first_half),
                    FadeIn(z_heading, rate_func=second_half),
                ]
                bare = [
                    Line(x.get_start(), x.get_end(), color=theme.MUTED, stroke_width=3)
                    for x in lines
                ]
                self.add(*bare)
                for strip, old, new, target in zip(strips, lines, z_lines, targets, strict=True):
                    anims += [
                        FadeOut(old, rate_func=first_half),
                        FadeIn(new, rate_func=second_half),
                    ]
                    strip.line = new
                    anims.append(strip.move_to_values(target))
                b.say(0, *anims)
                self.remove(*bare)
                for std, strip in zip(spreads, strips, strict=True):
                    std.follow(spread_of(strip))
                b.say(
                    1, *(FadeIn(s) for s in spreads), Circumscribe(rating_part, color=theme.ACCENT)
                )
                for name, std in zip(("ratings", "minutes"), spreads, strict=True):
                    self.checkpoint(f"{name}_z_std_readout", std.value, expected=1.0)
                self.checkpoint("rating_share_z", rating_part.value, expected=100 * z_share)
                self.checkpoint("minutes_share_z", minutes_part.value, expected=100 * (1 - z_share))
        for name, strip, column in (("ratings", ratings, RATINGS), ("minutes", minutes, MINUTES)):
            mu, sigma = fmean(column), pstdev(column)
            self.checkpoint(
                f"{name}_z_on_shared_axis",
                strip.values_shown(),
                expected=[(v - mu) / sigma for v in column],
                tol=1e-9,
            )
        for readout in (*spreads, rating_part, minutes_part):
            readout.stop_following()
        for mob in (*gaps, bar):
            mob.clear_updaters()


SCENES = [RatiosAndScales]
