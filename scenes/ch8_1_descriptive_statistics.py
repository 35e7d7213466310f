"""8.1 Descriptive Statistics: a histogram of ratings with its mean, median, mode and a ±1
standard-deviation band; then one session dragged into an outlier drags the mean, not the
median.

Fifteen ratings of the recommender's movie *Arrival* arrive in a seeded random order, each
tile falling into its 1…5 column (one 1, two 2s, three 3s, five 4s, four 5s). A marker slides
from 3 to the balance point 3.6 while the signed distances of the drawn tiles from it fall
from 9 to 0; the tiles, sorted into a row, put a 4 in the middle (the median) and the
tallest column is 4 (the mode); a band one standard deviation (1.2) either side of the mean,
2.4 to 4.8, holds eight tiles. Then nine session lengths in minutes (mean = median = 60):
one 44-minute session is stretched to 164 and then 314 minutes; the mean line follows it to
73 and 90, the median line moves one place, to 68, and stays.
"""

from __future__ import annotations

import contextlib
import statistics
from typing import Any

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.descriptive import arrival_order, from_counts
from mathviz.maths.recommender import MOVIES
from mathviz.primitives.histogram import DurationBars, SummaryHistogram
from mathviz.primitives.readout import Readout
from mathviz.readings import derived
from mathviz.scene import Invariant, LectureScene
from mathviz.theme import at

#: the movie, and how many of its fifteen ratings gave 1, 2, 3, 4 and 5 stars
MOVIE = MOVIES[1]
STARS = (1, 2, 3, 4, 5)
TALLY = (1, 2, 3, 5, 4)
#: the order the ratings arrive in is drawn from this seed
SEED = 81
#: where the balance marker starts: the middle of the 1…5 scale
MIDDLE_OF_SCALE = 3.0
#: minutes of nine app sessions, top row first; the last one is dragged out
SESSIONS = (68.0, 24.0, 84.0, 52.0, 96.0, 36.0, 60.0, 76.0, 44.0)
DRAGGED = 8
DRAG_STOPS = (164.0, 314.0)

MEAN_COLOR, MEDIAN_COLOR, MODE_COLOR = theme.ACCENT, theme.VECTOR_SUM, theme.GOOD
BAND_COLOR, OUTLIER_COLOR = theme.PROJECTION, theme.BAD
#: the histogram's bottom-left corner, the panel's left edge and its rows
CORNER = np.array([-6.3, -3.05, 0.0])
PANEL_LEFT = 3.85
ROWS = (2.35, 1.5, 0.65, -0.2, -1.05, -1.9)
SIZE = 36
TOL = 1e-9


class DescriptiveStatistics(LectureScene):
    chapter_id = "8.1"

    def construct(self) -> None:
        self.ratings = from_counts(STARS, TALLY)
        self.open_chapter("Where do fifteen ratings sit, and how widely do they spread?")
        self.arrival_beat()
        self.mean_beat()
        self.median_beat()
        self.mode_beat()
        self.spread_beat()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.outlier_beats()
        self.close_chapter(
            "The mean feels every value;  the median only their order.",
            "Report the median when a few extreme values can turn up, as with watch times or "
            "response times, and the mean when every value should count. Next, sampling theory.",
        )

    # --- ratings arrive --------------------------------------------------------------------
    def arrival_beat(self) -> None:
        arrivals = arrival_order(self.ratings, np.random.default_rng(SEED))
        hist = SummaryHistogram(arrivals, STARS)
        hist.shift(CORNER - hist.axes.c2p(0.5, 0))
        axes = hist.axes
        x_name = theme.text("stars", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_name.next_to(axes.c2p(5.5, 0), RIGHT, buff=0.2)
        y_name = theme.text("count", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_name.next_to(axes.c2p(0.5, 7), UP, buff=0.2)
        title = theme.text(f"ratings of {MOVIE}", size=theme.LABEL_SIZE + 2, color=theme.MUTED)
        title.move_to(at(PANEL_LEFT, ROWS[0] + 0.9), aligned_edge=LEFT)
        n_read = Readout("n", 0, decimals=0, size=SIZE)
        n_read.move_to(at(PANEL_LEFT, ROWS[0]), aligned_edge=LEFT)
        n_read.follow(hist.landed_shown)
        self.hist, self.n_read = hist, n_read
        with (
            self.invariant(
                "n readout counts the landed tiles", lambda: (n_read.value, hist.landed_shown())
            ),
            self.beat(
                f"Here come the ratings for {MOVIE}, one to five stars, each tile dropping "
                "into its column. When all fifteen are in, there is one one-star rating, two "
                "twos, three threes, five fours and four fives."
            ) as b,
        ):
            self.play(Create(axes), FadeIn(x_name, y_name, title, n_read), run_time=1.0)
            self.add(hist)
            self.play(hist.drop_in(run_time=b.speech_end - self.clock))
            tally = [self.ratings.count(s) for s in STARS]
            self.checkpoint("column_counts", hist.counts_shown(), expected=tally, tol=TOL)
            self.checkpoint("n_readout", n_read.value, expected=len(self.ratings))
        n_read.stop_following()

    # --- the mean, the balance point -------------------------------------------------------
    def mean_beat(self) -> None:
        hist = self.hist
        marker = hist.marker(MIDDLE_OF_SCALE, "mean", color=MEAN_COLOR, side=LEFT)
        m_read = Readout("m", MIDDLE_OF_SCALE, decimals=1, size=SIZE, color=MEAN_COLOR)
        dev_read = Readout(r"\Sigma\,(x - m)", 0.0, decimals=1, size=SIZE, color=MEAN_COLOR)
        m_read.move_to(at(PANEL_LEFT, ROWS[1]), aligned_edge=LEFT)
        dev_read.move_to(at(PANEL_LEFT, ROWS[5]), aligned_edge=LEFT)

        def deviations() -> Any:
            xs, m = hist.tile_values_shown(), marker.value_shown()
            return derived(
                "sum of the drawn tiles' x minus the marker's", float(np.sum(xs - m)), xs, m
            )

        m_read.follow(marker.value_shown)
        dev_read.follow(deviations)
        self.mean_marker = marker
        with (
            self.invariant(
                "m readout is the marker's value", lambda: (m_read.value, marker.value_shown())
            ),
            self.invariant(
                "deviation readout is the drawn tiles' signed distance from the marker",
                lambda: (dev_read.value, deviations()),
            ),
            self.beat(
                "The mean is the balance point of the histogram. Start a marker at three, "
                "the middle of the scale: the signed distances of all fifteen ratings from it "
                "add up to nine. As it slides towards the heavy side they shrink, and reach "
                "zero at 3.6."
            ) as b,
        ):
            b.say(0, Create(marker.line), FadeIn(m_read, dev_read))
            b.say(1, Circumscribe(dev_read, color=MEAN_COLOR), Indicate(marker.line))
            self.checkpoint(
                "deviation_sum_readout_at_3",
                dev_read.value,
                expected=sum(r - MIDDLE_OF_SCALE for r in self.ratings),
            )
            b.say(
                2,
                marker.slide_to(float(statistics.fmean(self.ratings)), with_label=False),
            )
            self.checkpoint(
                "mean_marker",
                marker.value_shown(),
                expected=float(statistics.mean(self.ratings)),
                tol=TOL,
            )
            self.checkpoint("deviation_sum_readout_at_mean", dev_read.value, expected=0.0)
            self.checkpoint(
                "m_readout_at_mean", m_read.value, expected=statistics.fmean(self.ratings)
            )
        m_read.stop_following()
        dev_read.stop_following()
        mean_read = Readout(r"\text{mean}", 0.0, decimals=1, size=SIZE, color=MEAN_COLOR)
        mean_read.set(float(marker.value_shown()))
        mean_read.move_to(at(PANEL_LEFT, ROWS[1]), aligned_edge=LEFT)
        self.play(FadeIn(marker.label), FadeOut(m_read), FadeIn(mean_read), run_time=0.6)
        self.checkpoint("mean_readout", mean_read.value, expected=statistics.fmean(self.ratings))
        self.mean_read = mean_read

    # --- the median, the middle of the sorted row ------------------------------------------
    def median_beat(self) -> None:
        hist = self.hist
        row = hist.sorted_row()
        row.move_to(at(float(hist.axes.c2p(4, 0)[0]), 3.4))
        marker = hist.marker(4.0, "median", color=MEDIAN_COLOR, side=RIGHT)
        median_read = Readout(r"\text{median}", 0, decimals=0, size=SIZE, color=MEDIAN_COLOR)
        median_read.move_to(at(PANEL_LEFT, ROWS[2]), aligned_edge=LEFT)
        with self.beat(
            "The median is the middle rating. Sort all fifteen into a row, and the eighth, "
            "with seven on either side, is a four."
        ) as b:
            b.say(0, hist.sort_into(row, run_time=b.sentence(0) + b.sentence(1) * 0.3))
            median_read.set(float(marker.value_shown()))
            b.say(
                1,
                AnimationGroup(
                    row.light_middle(MEDIAN_COLOR),
                    Create(marker.line),
                    AnimationGroup(FadeIn(marker.label), FadeIn(median_read)),
                    lag_ratio=0.6,
                ),
            )
            ordered = sorted(self.ratings)
            self.checkpoint("sorted_row_digits", row.digits_shown(), expected=ordered)
            self.checkpoint("sorted_row_length", row.count_shown(), expected=len(ordered))
            self.checkpoint(
                "middle_place_in_row",
                row.position_of_middle_shown(),
                expected=(len(ordered) + 1) // 2,
            )
            self.checkpoint(
                "median_marker",
                marker.value_shown(),
                expected=float(statistics.median(self.ratings)),
                tol=TOL,
            )
            self.checkpoint(
                "median_readout", median_read.value, expected=statistics.median(self.ratings)
            )
        self.row, self.median_marker = row, marker

    # --- the mode, the tallest column ------------------------------------------------------
    def mode_beat(self) -> None:
        hist = self.hist
        label = theme.text("mode", size=theme.LABEL_SIZE + 4, color=MODE_COLOR)
        mode_read = Readout(r"\text{mode}", 0, decimals=0, size=SIZE, color=MODE_COLOR)
        mode_read.move_to(at(PANEL_LEFT, ROWS[3]), aligned_edge=LEFT)
        low = [t for t, (v, _) in zip(hist.tiles, hist.slots, strict=True) if v <= 2]
        with self.beat(
            "The mode is the most common rating, the tallest column: four again. The mean "
            "sits lower than both, pulled down by the few one and two star ratings."
        ) as b:
            tallest = hist.tallest_column_shown()
            top = max(
                (t for t, (v, _) in zip(hist.tiles, hist.slots, strict=True) if v == 4),
                key=lambda t: t.get_top()[1],
            )
            label.next_to(top, RIGHT, buff=0.15).align_to(top, UP)
            mode_read.set(float(tallest))
            b.say(0, hist.highlight_column(4, MODE_COLOR), FadeIn(label), FadeIn(mode_read))
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(*(Indicate(t, color=theme.TEXT) for t in low)),
                    Indicate(self.mean_marker, color=MEAN_COLOR, scale_factor=1.05),
                    lag_ratio=0.5,
                ),
            )
            self.checkpoint(
                "mode_column",
                hist.tallest_column_shown(),
                expected=float(statistics.mode(self.ratings)),
                tol=TOL,
            )
            self.checkpoint("mode_readout", mode_read.value, expected=statistics.mode(self.ratings))

    # --- the spread, one standard deviation either side ------------------------------------
    def spread_beat(self) -> None:
        hist = self.hist
        centre = float(self.mean_marker.value_shown())
        sigma = statistics.pstdev(self.ratings)
        sd_read = Readout(r"\sigma", 0.0, decimals=1, size=SIZE, color=BAND_COLOR)
        sd_read.move_to(at(PANEL_LEFT, ROWS[4]), aligned_edge=LEFT)
        with self.beat(
            "The standard deviation measures the spread: square each rating's distance from "
            "the mean, average the squares, and take the root, 1.2. The band reaches one "
            "standard deviation either side, from 2.4 to 4.8, and holds eight of the fifteen "
            "ratings."
        ) as b:
            self.play(FadeOut(self.row), run_time=0.5)
            b.say(0, hist.grow_band(centre, sigma, color=BAND_COLOR, run_time=1.0))
            sd_read.set(float(hist.band_half_width_shown()))
            edges = hist.band_labels()
            self.play(FadeIn(sd_read), FadeIn(edges), run_time=0.6)
            b.say(1, hist.dim_outside_band())
            mu = statistics.fmean(self.ratings)
            self.checkpoint(
                "band_half_width", hist.band_half_width_shown(), expected=sigma, tol=TOL
            )
            self.checkpoint(
                "band_edges", hist.band_edges_shown(), expected=[mu - sigma, mu + sigma], tol=TOL
            )
            self.checkpoint("sigma_readout", sd_read.value, expected=sigma)
            self.checkpoint(
                "band_edge_labels", hist.band_labels_shown(), expected=[mu - sigma, mu + sigma]
            )
            inside = sum(1 for r in self.ratings if mu - sigma <= r <= mu + sigma)
            self.checkpoint("tiles_in_band", hist.tiles_in_band_shown(), expected=inside)
            self.checkpoint("tiles_left_bright", hist.bright_tiles_shown(), expected=inside)

    # --- an outlier drags the mean, not the median -----------------------------------------
    def outlier_beats(self) -> None:
        bars = DurationBars(SESSIONS, (0, 330, 30), labelled=tuple(range(0, 301, 60)))
        bars.shift(at(-6.3, -2.9) - bars.axes.c2p(0, 0))
        bars.refresh_markers()
        heading = theme.text(
            "minutes watched, nine sessions", size=theme.BODY_SIZE, color=theme.MUTED
        )
        heading.to_corner(UP + LEFT, buff=0.4)
        big = SIZE + 8
        session = Readout(r"\text{red session}", 0, decimals=0, size=big, color=OUTLIER_COLOR)
        mean_read = Readout(r"\text{mean}", 0, decimals=0, size=big, color=MEAN_COLOR)
        median_read = Readout(r"\text{median}", 0, decimals=0, size=big, color=MEDIAN_COLOR)
        panel = VGroup(session, mean_read, median_read).arrange(
            direction=np.array([0.0, -1.0, 0.0]), aligned_edge=LEFT, buff=0.55
        )
        panel.move_to(at(2.2, 1.2), aligned_edge=UP + LEFT)
        session.follow(lambda: bars.lengths_shown()[DRAGGED])
        mean_read.follow(bars.mean_marker.value_shown)
        median_read.follow(bars.median_marker.value_shown)
        self.add(bars)
        with self.beat(
            "Now a column where one value can go anywhere: how many minutes nine sessions of "
            "the app lasted. The mean and the median both sit at sixty minutes."
        ) as b:
            b.say(0, bars.create(run_time=b.sentence(0)), Write(heading))
            b.say(1, bars.show_markers(), FadeIn(mean_read, median_read))
            self.checkpoint("sessions_drawn", bars.bars_shown(), expected=len(SESSIONS))
            self.checkpoint(
                "session_lengths", bars.lengths_shown(), expected=list(SESSIONS), tol=1e-6
            )
            self.check_markers("start", bars, list(SESSIONS), (mean_read, median_read))
        with contextlib.ExitStack() as held:
            held.enter_context(
                self.hold(self.bar_invariants(bars, session, mean_read, median_read))
            )
            with self.beat(
                "One viewer falls asleep with the movie running. Drag that session from 44 "
                "minutes to 164: the mean follows it to 73, while the median moves one place, "
                "from sixty to 68."
            ) as b:
                b.say(0, bars.mark(DRAGGED, OUTLIER_COLOR), FadeIn(session))
                b.say(1, bars.drag(DRAGGED, DRAG_STOPS[0]))
                self.check_markers(
                    "first_drag", bars, self.dragged_to(DRAG_STOPS[0]), (mean_read, median_read)
                )
            with self.beat(
                "Keep dragging, out to 314 minutes. The mean chases it all the way to ninety; "
                "the median stays at 68, because the middle session has not changed."
            ) as b:
                b.say(0, bars.drag(DRAGGED, DRAG_STOPS[1]))
                b.say(
                    1,
                    Circumscribe(median_read, color=MEDIAN_COLOR),
                    Indicate(bars.median_marker.line, color=MEDIAN_COLOR),
                )
                self.check_markers(
                    "second_drag", bars, self.dragged_to(DRAG_STOPS[1]), (mean_read, median_read)
                )
                self.checkpoint("red_session_readout", session.value, expected=DRAG_STOPS[1])

    @staticmethod
    def dragged_to(value: float) -> list[float]:
        out = list(SESSIONS)
        out[DRAGGED] = value
        return out

    def check_markers(
        self, tag: str, bars: DurationBars, data: list[float], readouts: tuple[Readout, Readout]
    ) -> None:
        mean, median = statistics.fmean(data), statistics.median(data)
        self.checkpoint(f"mean_readout_{tag}", readouts[0].value, expected=mean)
        self.checkpoint(f"median_readout_{tag}", readouts[1].value, expected=median)
        self.checkpoint(f"mean_line_{tag}", bars.mean_marker.value_shown(), expected=mean, tol=1e-6)
        self.checkpoint(
            f"median_line_{tag}", bars.median_marker.value_shown(), expected=median, tol=1e-6
        )

    def bar_invariants(
        self, bars: DurationBars, session: Readout, mean_read: Readout, median_read: Readout
    ) -> list[Invariant]:
        def lengths() -> Any:
            return bars.lengths_shown()

        return [
            (
                "mean line stands at the mean of the drawn bars",
                lambda: (bars.mean_marker.value_shown(), float(np.mean(lengths()))),
                1e-6,
            ),
            (
                "median line stands at the median of the drawn bars",
                lambda: (bars.median_marker.value_shown(), float(np.median(lengths()))),
                1e-6,
            ),
            (
                "mean readout is the mean line's value",
                lambda: (mean_read.value, bars.mean_marker.value_shown()),
                None,
            ),
            (
                "median readout is the median line's value",
                lambda: (median_read.value, bars.median_marker.value_shown()),
                None,
            ),
            (
                "session readout is the red bar's length",
                lambda: (session.value, lengths()[DRAGGED]),
                None,
            ),
        ]


SCENES = [DescriptiveStatistics]
