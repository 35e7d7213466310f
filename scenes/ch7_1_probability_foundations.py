"""7.1 Probability Foundations: two dice as a grid of 36 outcomes, events as lit regions, and
a coin whose running share of heads wobbles before it settles near one half.

The grid is drawn cell by cell (first die across, second die down), each cell holding the sum
of its faces. An event lights its cells: a sum of seven is the anti-diagonal, six cells, so
its probability is 6/36 = 1/6 — the stacked fraction's numbers follow the lit and drawn cells
as they light. Doubles are the main diagonal (1/6 again); "not seven" lights the other 30
cells (5/6 = 1 − 1/6). Doubles (A) and a sum of at least ten (B) overlap in two cells, so the
union has 6 + 6 − 2 = 10 cells, P = 10/36 = 5/18, counted on the grid.

Then a seeded coin: its first ten tosses hold three heads, not five; the share of heads after
each toss, traced on a log axis from 1 to 10,000 tosses, swings early and settles inside the
band ½ ± ½/√n, ending at 0.499.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from fractions import Fraction
from itertools import product
from math import comb

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    FadeIn,
    FadeOut,
    ManimColor,
    Square,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.outcomes import (
    Event,
    complement,
    intersection,
    log_spaced_counts,
    running_frequency,
    toss_coins,
    two_dice,
    union,
)
from mathviz.primitives.bars import BarChart
from mathviz.primitives.coin_tosses import CoinRow, FrequencyPlot, log_toss_axes
from mathviz.primitives.outcome_grid import (
    EventLegend,
    OutcomeGrid,
    ProbabilityReadout,
    typeset_fraction_shown,
)
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene

SPACE = two_dice()
SEVEN = Event("sum is 7", lambda o: o[0] + o[1] == 7)
DOUBLES = Event("doubles", lambda o: o[0] == o[1])
HIGH = Event("sum at least 10", lambda o: o[0] + o[1] >= 10)
NOT_SEVEN = complement(SEVEN)
#: the colours events light in: seven, doubles (A), not seven, B, A and B
SEVEN_COLOR, A_COLOR, NOT_COLOR = theme.ACCENT, theme.VECTOR_SECOND, theme.GOOD
B_COLOR, BOTH_COLOR = theme.HYPOTHESIS, theme.ACCENT
#: the coin: its seed, how many tosses, and how many the row shows
SEED, TOSSES, FIRST = 20, 10_000, 10

CELL = 1.0
GRID_CORNER = np.array([-5.75, 2.45, 0.0])
PANEL_X = 1.0
#: heights of the panel's rows: the top row, the probability, the formula below it
TOP_Y, READOUT_Y, FORMULA_Y = 2.3, 0.3, -1.5
TOL = 1e-6

# --- independent routes to the truth: the 36 pairs enumerated with itertools.product --------
PAIRS = list(product(range(1, 7), repeat=2))
#: a test on the two faces (first, second)
FaceTest = Callable[[int, int], bool]
#: one colour, or several counted together
Colors = ManimColor | list[ManimColor]


def pairs_where(test: FaceTest) -> list[list[int]]:
    """The pairs (first, second) where ``test(first, second)`` holds, sorted."""
    return sorted([a, b] for a, b in PAIRS if test(a, b))


def is_double(a: int, b: int) -> bool:
    return a == b


def is_high(a: int, b: int) -> bool:
    return a + b >= 10


def share_by_loop(tosses: np.ndarray, n: int) -> float:
    """Heads among the first ``n`` tosses over ``n``, counted one toss at a time."""
    return float(Fraction(sum(1 for t in tosses[:n] if t == 1), n))


class ProbabilityFoundations(LectureScene):
    chapter_id = "7.1"

    def construct(self) -> None:
        self.open_chapter("Probability begins with counting. Roll two dice.")
        grid = self.grid_beat()
        readout = ProbabilityReadout(r"P(\text{sum} = 7)", size=46)
        readout.shift(np.array([PANEL_X, READOUT_Y, 0.0]))
        #: the lit cells the fraction counts: the event on screen (changed with the event)
        self.lit_now: Callable[[], int] = lambda: grid.lit_shown(SEVEN_COLOR)
        readout.follow(lambda: self.lit_now(), grid.drawn_shown)
        with (
            self.invariant(
                "numerator equals the event's lit cells",
                lambda: (printed(readout.numerator), self.lit_now()),
            ),
            self.invariant(
                "denominator equals the drawn cells",
                lambda: (printed(readout.denominator), grid.drawn_shown()),
            ),
        ):
            self.seven_beats(grid, readout)
            self.doubles_and_complement_beats(grid, readout)
            self.union_beats(grid, readout)
        # the counts follow the grid, which fades too: freeze them first
        readout.stop_following()
        self.legend.stop_following()
        self.play(theme.hide(*self.mobjects), run_time=0.6)
        tosses = toss_coins(np.random.default_rng(SEED), TOSSES)
        self.coin_beat(tosses)
        self.frequency_beats(tosses)
        for follower in self.followers:  # frozen before everything fades
            follower.stop_following()
        self.close_chapter(
            "Probability is a share of outcomes;  frequencies settle to it.",
            "Count the cells of an event and divide by all the cells: that is its probability. "
            "Repeat an experiment long enough and the share you observe settles toward it. "
            "Next, random variables turn outcomes into numbers.",
        )

    # --- the grid -------------------------------------------------------------------------
    def grid_beat(self) -> OutcomeGrid:
        grid = OutcomeGrid(SPACE, cell=CELL)
        grid.shift(GRID_CORNER - grid.frame.get_corner(UP + LEFT))
        grid.redraw()
        count = Readout(r"\text{outcomes}", 0, decimals=0, size=40)
        count.move_to(np.array([PANEL_X, TOP_Y, 0.0]), aligned_edge=LEFT)
        count.follow(grid.drawn_shown)
        one = theme.tex(r"P(\text{one outcome}) = \frac{1}{36}", size=44)
        one.move_to(np.array([PANEL_X, READOUT_Y, 0.0]), aligned_edge=LEFT)
        self.add(grid.cells, grid.sums)
        with self.invariant(
            "outcome counter equals the drawn cells",
            lambda: (count.value, grid.drawn_shown()),
        ):
            with self.beat(
                "Every roll is a pair: the first die picks a column, the second die picks a "
                "row. Six columns by six rows make thirty-six outcomes, and with fair dice "
                "each is equally likely. In every cell, write the sum of its two faces."
            ) as beat:
                beat.say(
                    0,
                    AnimationGroup(
                        Create(grid.frame),
                        FadeIn(grid.column_labels, shift=0.2 * DOWN),
                        FadeIn(grid.row_labels, shift=0.2 * RIGHT),
                        FadeIn(grid.captions),
                        lag_ratio=0.3,
                    ),
                )
                self.play(FadeIn(count), run_time=0.4)
                beat.say(1, AnimationGroup(grid.create(), FadeIn(one), lag_ratio=0.85))
                beat.say(2, grid.write_sums())
                self.checkpoint("outcomes_drawn", grid.drawn_shown(), expected=len(PAIRS))
                self.checkpoint("outcome_counter", count.value, expected=len(PAIRS))
                self.checkpoint(
                    "P_one_outcome_typeset",
                    typeset_fraction_shown(one),
                    expected=float(Fraction(1, len(PAIRS))),
                )
        self.count, self.one = count, one
        return grid

    def check_event(
        self,
        name: str,
        grid: OutcomeGrid,
        color: Colors,
        test: FaceTest,
        counter: Readout | None = None,
    ) -> None:
        """The lit cells of one event (how many, which pairs) and the counter showing their
        number, against itertools."""
        expected = pairs_where(test)
        self.checkpoint(f"{name}_lit_cells", grid.lit_shown(color), expected=len(expected))
        self.checkpoint(f"{name}_lit_pairs", grid.lit_outcomes_shown(color), expected=expected)
        if counter is not None:
            self.checkpoint(f"{name}_counter", counter.value, expected=len(expected))

    def seven_beats(self, grid: OutcomeGrid, readout: ProbabilityReadout) -> None:
        seven = list(SPACE.cells(SEVEN))
        # lit from the top-right corner down the anti-diagonal
        seven.sort(key=lambda o: o[1])
        with self.beat(
            "An event is a set of outcomes, so it lights a region of the grid. "
            "A sum of seven runs along the anti-diagonal: six lit cells out of thirty-six."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(FadeOut(self.one), FadeIn(readout, shift=0.2 * LEFT), lag_ratio=1.0),
            )
            beat.say(1, grid.light(seven, SEVEN_COLOR))
            self.check_event("sum7", grid, SEVEN_COLOR, lambda a, b: a + b == 7)
            self.checkpoint("sum7_sums_typeset", grid.sums_shown(SEVEN_COLOR), expected=[7] * 6)
        exact = Fraction(len(pairs_where(lambda a, b: a + b == 7)), len(PAIRS))
        with self.beat(
            "So the probability of rolling seven is six over thirty-six, which is one sixth. "
            "When every outcome is equally likely, probability is just counting cells."
        ) as beat:
            beat.say(0, readout.reduce(SPACE.probability(SEVEN)))
            beat.say(1, grid.pulse(seven))
            self.checkpoint("P_sum7_fraction", readout.fraction_shown(), expected=float(exact))
            self.checkpoint("P_sum7_typeset", readout.reduced_shown(), expected=float(exact))
        self.p_seven = exact

    def doubles_and_complement_beats(self, grid: OutcomeGrid, readout: ProbabilityReadout) -> None:
        doubles = list(SPACE.cells(DOUBLES))
        with self.beat(
            "Doubles sit on the main diagonal, from one and one down to six and six. "
            "Again six cells, so again one sixth."
        ) as beat:
            self.play(grid.unlight(), readout.clear_reduced(), run_time=0.8)
            self.lit_now = lambda: grid.lit_shown(A_COLOR)
            beat.say(0, readout.relabel(r"P(\text{doubles})"), grid.light(doubles, A_COLOR))
            exact = Fraction(len(pairs_where(lambda a, b: a == b)), len(PAIRS))
            beat.say(1, readout.reduce(SPACE.probability(DOUBLES)))
            self.check_event("doubles", grid, A_COLOR, lambda a, b: a == b)
            self.checkpoint("P_doubles_typeset", readout.reduced_shown(), expected=float(exact))
        others = list(SPACE.cells(NOT_SEVEN))
        rest = theme.tex(r"= 1 - \frac{1}{6}", size=40, color=theme.MUTED)
        with self.beat(
            "The complement of an event is every cell it leaves dark. Not rolling a seven "
            "lights the other thirty cells: thirty over thirty-six, five sixths, which is one "
            "minus one sixth."
        ) as beat:
            self.play(grid.unlight(), readout.clear_reduced(), run_time=0.8)
            self.lit_now = lambda: grid.lit_shown(NOT_COLOR)
            beat.say(
                0,
                readout.relabel(r"P(\text{not } 7)"),
                grid.light(others, NOT_COLOR, lag=0.25),
            )
            exact = 1 - self.p_seven
            rest.next_to(readout, DOWN, buff=0.5).align_to(readout.equals, LEFT)
            drawn = readout.reduce(SPACE.probability(NOT_SEVEN))
            beat.say(1, AnimationGroup(drawn, Write(rest), lag_ratio=0.6))
            self.check_event("not7", grid, NOT_COLOR, lambda a, b: a + b != 7)
            self.checkpoint("P_not7_typeset", readout.reduced_shown(), expected=float(exact))
        self.rest = rest

    def union_beats(self, grid: OutcomeGrid, readout: ProbabilityReadout) -> None:
        a_cells = list(SPACE.cells(DOUBLES))
        b_cells = sorted(SPACE.cells(HIGH), key=lambda o: (o[0] + o[1], o[0]))
        both = set(SPACE.cells(intersection(DOUBLES, HIGH)))
        b_colors = [BOTH_COLOR if o in both else B_COLOR for o in b_cells]
        rows = EventLegend(
            grid,
            [
                (A_COLOR, "A", [A_COLOR, BOTH_COLOR], "doubles"),
                (B_COLOR, "B", [B_COLOR, BOTH_COLOR], "sum ≥ 10"),
                (BOTH_COLOR, r"A \cap B", [BOTH_COLOR], "both"),
            ],
        )
        rows.move_to(np.array([PANEL_X, TOP_Y - 0.05, 0.0]), aligned_edge=LEFT)
        counts, self.legend = rows.counts, rows
        with self.beat(
            "Now two events at once. A is doubles; B is a sum of at least ten, the bottom "
            "right corner. Five and five, and six and six, belong to both."
        ) as beat:
            self.play(
                grid.unlight(),
                readout.clear_reduced(),
                theme.hide(self.rest, self.count),
                run_time=0.6,
            )
            self.play(FadeIn(rows, shift=0.2 * LEFT), run_time=0.6)
            self.lit_now = lambda: grid.lit_shown([A_COLOR, B_COLOR, BOTH_COLOR])
            beat.say(0, readout.relabel(r"P(A \cup B)"), grid.light(a_cells, A_COLOR))
            beat.say(1, grid.light(b_cells, b_colors))
            beat.say(2, grid.pulse(sorted(both)))
            self.check_event("A", grid, [A_COLOR, BOTH_COLOR], is_double, counts[0])
            self.check_event("B", grid, [B_COLOR, BOTH_COLOR], is_high, counts[1])
            self.check_event(
                "A_and_B", grid, BOTH_COLOR, lambda a, b: a == b and a + b >= 10, counts[2]
            )
        n_a, n_b, n_both = (round(float(c.value)) for c in counts)
        formula = theme.tex(
            rf"|A \cup B| = {n_a} + {n_b} - {n_both} = {n_a + n_b - n_both}", size=40
        )
        formula.move_to(np.array([PANEL_X, FORMULA_Y, 0.0]), aligned_edge=LEFT)
        # inclusion–exclusion over the pairs counted with itertools (not the drawing's model)
        sizes = [len(pairs_where(t)) for t in (is_double, is_high, lambda a, b: a == b >= 5)]
        inclusion_exclusion = Fraction(sizes[0] + sizes[1] - sizes[2], len(PAIRS))
        with self.beat(
            "Adding the two counts would count those two cells twice. So A or B has six plus "
            "six minus two, ten cells, and its probability is ten over thirty-six, five "
            "eighteenths."
        ) as beat:
            beat.say(0, grid.pulse(sorted(both)), Write(formula))
            beat.say(1, readout.reduce(SPACE.probability(union(DOUBLES, HIGH))))
            union_pairs = pairs_where(lambda a, b: a == b or a + b >= 10)
            self.checkpoint(
                "union_lit_cells",
                grid.lit_shown([A_COLOR, B_COLOR, BOTH_COLOR]),
                expected=len(union_pairs),
            )
            lit, drawn = grid.lit_shown([A_COLOR, B_COLOR, BOTH_COLOR]), grid.drawn_shown()
            self.checkpoint(
                "P_union_from_grid",
                derived("lit cells of A or B / drawn cells", lit / drawn, lit, drawn),
                expected=float(inclusion_exclusion),
                tol=TOL,
            )
            self.checkpoint(
                "P_union_typeset", readout.reduced_shown(), expected=float(inclusion_exclusion)
            )

    # --- the coin ---------------------------------------------------------------------------
    def coin_beat(self, tosses: np.ndarray) -> None:
        row = CoinRow(tosses[:FIRST])
        row.move_to(np.array([-2.6, 3.05, 0.0]))
        self.row = row
        heads = Readout(r"\text{heads}", 0, decimals=0, size=40)
        heads.move_to(np.array([2.2, 3.05, 0.0]), aligned_edge=LEFT)
        heads.follow(row.heads_shown)
        self.heads = heads
        self.add(row)
        # heads in ten fair tosses: C(10, k) of the 1024 equally likely sequences
        pmf = [float(Fraction(comb(FIRST, k), 2**FIRST)) for k in range(FIRST + 1)]
        colors = [
            theme.HYPOTHESIS if k == 3 else theme.ACCENT if k == 5 else theme.AREA
            for k in range(FIRST + 1)
        ]
        chart = BarChart(
            pmf,
            [str(k) for k in range(FIRST + 1)],
            y_range=(0, 0.3, 0.1),
            width=9.0,
            height=3.6,
            colors=colors,
        )
        chart.move_to(np.array([-0.6, -0.4, 0.0]))
        chart_name = theme.text("heads in 10 tosses", size=theme.LABEL_SIZE, color=theme.MUTED)
        chart_name.next_to(chart.names, DOWN, buff=0.3)
        with self.invariant(
            "heads counter equals the H coins drawn", lambda: (heads.value, row.heads_shown())
        ):
            with self.beat(
                "A probability is a long-run share, and a short run can stray far from it. "
                "Toss a fair coin ten times: three heads, not five. Even five heads, the likeliest "
                "count, comes up only about 0.25 of the time."
            ) as beat:
                beat.say(0, FadeIn(heads))
                beat.say(1, row.flip_in())
                beat.say(2, AnimationGroup(chart.create(), FadeIn(chart_name), lag_ratio=0.5))
                expected = sum(int(t == 1) for t in tosses[:FIRST])
                self.checkpoint("heads_in_first_10", row.heads_shown(), expected=expected)
                self.checkpoint("heads_counter", heads.value, expected=expected)
                self.checkpoint("coins_drawn", row.coins_shown(), expected=FIRST)
                # the truth by brute force: all 1024 sequences of ten tosses, heads counted
                sequences = list(product((0, 1), repeat=FIRST))
                counted = [
                    float(Fraction(sum(1 for q in sequences if sum(q) == k), len(sequences)))
                    for k in range(FIRST + 1)
                ]
                self.checkpoint("binomial_bars", chart.heights_shown(), expected=counted, tol=TOL)
                self.checkpoint("binomial_labels", chart.labels_shown(), expected=counted)
        self.chart = VGroup(chart, chart_name)

    def frequency_beats(self, tosses: np.ndarray) -> None:
        axes = log_toss_axes(TOSSES, x_length=8.6, y_length=4.0)
        axes.move_to(np.array([-1.1, -0.45, 0.0]))
        plot = FrequencyPlot(axes, log_spaced_counts(TOSSES), running_frequency(tosses))
        x_name = theme.text("tosses (log scale)", size=theme.LABEL_SIZE, color=theme.MUTED)
        x_name.next_to(axes.x_axis, DOWN, buff=0.5)
        y_name = theme.text("share of heads", size=theme.LABEL_SIZE, color=theme.MUTED)
        y_name.rotate(np.pi / 2).next_to(axes.y_axis, LEFT, buff=0.6)
        n_read = Readout(r"\text{tosses}", 1, decimals=0, size=36)
        share = Readout(r"\text{share}", 1.0, decimals=3, size=36, color=theme.DOT)
        panel = VGroup(n_read, share).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        panel.move_to(np.array([3.75, 0.9, 0.0]), aligned_edge=LEFT)
        n_read.follow(lambda: plot.dot_shown()[0])
        share.follow(lambda: plot.dot_shown()[1])
        band = plot.band()
        # beside the right end of the band, where its two curves close in on one half
        band_name = theme.tex(r"\frac{1}{2} \pm \frac{1}{2\sqrt{n}}", size=42, color=theme.MUTED)
        band_name.next_to(panel, DOWN, buff=0.7, aligned_edge=LEFT)
        ring = Square(0.3, stroke_color=theme.HYPOTHESIS, stroke_width=3).rotate(np.pi / 4)
        first_ten = theme.text("3 heads in 10", size=theme.LABEL_SIZE, color=theme.HYPOTHESIS)
        self.declare_shown(first_ten, "the count read from the coins above")
        dot = plot.dot_shown
        self.followers = [self.heads, n_read, share]
        held = contextlib.ExitStack()
        with held:
            with self.beat(
                "Plot the share of heads after every toss, on a log scale from one toss to ten "
                "thousand. Early on it swings wildly: after ten tosses it sits at 0.3."
            ) as beat:
                beat.say(
                    0,
                    AnimationGroup(
                        FadeOut(self.chart),
                        Create(axes),
                        FadeIn(x_name),
                        FadeIn(y_name),
                        plot.show_start(),
                        FadeIn(panel),
                        lag_ratio=0.25,
                    ),
                )
                self.add(plot)
                for name, read in (
                    ("share readout equals the dot's height", lambda: (share.value, dot()[1])),
                    ("toss readout equals the dot's toss count", lambda: (n_read.value, dot()[0])),
                ):
                    held.enter_context(self.invariant(name, read))
                held.enter_context(
                    self.invariant(
                        "dot lies on the replayed share of heads",
                        lambda: (dot()[1], share_by_loop(tosses, round(float(dot()[0])))),
                        tol=TOL,
                    )
                )
                spot = self.row.spotlight(lambda: round(float(dot()[0])) - 1)
                self.add(spot)
                beat.say(1, plot.advance_to(FIRST))
                self.play(FadeOut(spot), run_time=0.4)
                spot.clear_updaters()
                ring.move_to(plot.dot.get_center())
                # under the ring, below where the trace dips next (0.21 at 14 tosses)
                first_ten.move_to(axes.c2p(FIRST, 0.11), aligned_edge=LEFT)
                first_ten.align_to(ring, LEFT)
                self.play(Create(ring), FadeIn(first_ten), run_time=0.6)
                self.checkpoint(
                    "dot_at_10_tosses",
                    dot(),
                    expected=[FIRST, share_by_loop(tosses, FIRST)],
                    tol=TOL,
                )
                self.checkpoint(
                    "share_readout_at_10", share.value, expected=share_by_loop(tosses, FIRST)
                )
            with self.beat(
                "By a hundred tosses the swings are smaller, and by a thousand the share "
                "hovers close to one half. The gap shrinks like one over the square root of "
                "the number of tosses."
            ) as beat:
                beat.say(0, plot.advance_to(1000, run_time=beat.sentence(0)))
                beat.say(1, AnimationGroup(Create(band[0]), Create(band[1]), Write(band_name)))
            with self.beat(
                "After ten thousand tosses the share reads 0.499. No single toss is "
                "predictable, but the long run is."
            ) as beat:
                beat.say(0, plot.advance_to(TOSSES, run_time=beat.sentence(0)))
                beat.say(1, plot.dot.animate.scale(1.6).set_color(theme.GOOD))
                truth = share_by_loop(tosses, TOSSES)
                self.checkpoint("dot_at_10000_tosses", dot(), expected=[TOSSES, truth], tol=TOL)
                self.checkpoint("share_readout_at_10000", share.value, expected=truth)
                self.checkpoint("toss_readout_at_10000", n_read.value, expected=TOSSES)
                self.checkpoint(
                    "band_top_at_10000",
                    plot.point_shown(band[0], TOSSES),
                    expected=0.5 + 0.5 / np.sqrt(TOSSES),
                    tol=TOL,
                )


SCENES = [ProbabilityFoundations]
