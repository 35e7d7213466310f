"""7.3 Random Variables: the sum of two dice as a function, its PMF and its staircase CDF.

The 36 ordered pairs of two dice wait as tiles in a grid. The random variable X, the sum of
the faces, is drawn as motion: every tile flies to the column of its sum and lands on the
tiles already there, so each stack's height is its count. The stacks melt into the PMF's bars
(k/36), and the bars are carried down one by one onto a running total: the CDF's staircase,
jumping by each bar at 2 … 12 and flat in between. A dot slides along the staircase to read
P(X ≤ 7) = 21/36; P(4 ≤ X ≤ 6) = F(6) − F(3) = 12/36 is the same as bars 4, 5 and 6 stacked.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Succession,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.random_variables import two_dice_sum
from mathviz.primitives.motion import Scripted
from mathviz.primitives.pmf import FractionReadout, PMFBars, StepCDF
from mathviz.readings import derived
from mathviz.scene import LectureScene

X = two_dice_sum()
#: the truths, by another route: the 36 pairs counted by sum in plain integers
PAIRS = list(itertools.product(range(1, 7), repeat=2))
COUNTS = [sum(1 for a, b in PAIRS if a + b == s) for s in range(2, 13)]
RUNNING = list(itertools.accumulate(COUNTS))
TOL = 1e-6

#: one value per unit along x (1.05 scene units), from 1 to 13, shared by both charts
X_RANGE, X_UNIT, LEFT_EDGE = (1, 13), 1.05, -6.25
#: the PMF in the top band (0.38 units per 1/36), the CDF in the bottom band
PMF_BASE, PMF_UNIT = 0.6, 0.38
CDF_BASE, CDF_HEIGHT = -3.35, 3.0
#: the sample-space grid (bottom left) and its pitch
GRID_CENTER, GRID_PITCH = np.array([-3.75, -1.95, 0.0]), (0.86, 0.44)
RANGE_AT = 6.5


def _axes(y_range: tuple[float, float, float], y_length: float, base: float) -> Axes:
    axes = Axes(
        x_range=(*X_RANGE, 1),
        y_range=y_range,
        x_length=X_UNIT * (X_RANGE[1] - X_RANGE[0]),
        y_length=y_length,
        tips=False,
        x_axis_config={
            "color": theme.MUTED,
            "include_ticks": False,
            "numbers_to_include": list(range(2, 13)),
            "font_size": 24,
            "stroke_width": 2,
        },
        y_axis_config={"color": theme.MUTED, "stroke_width": 2, "tick_size": 0.06},
    )
    axes.shift(np.array([LEFT_EDGE, base, 0.0]) - axes.c2p(X_RANGE[0], 0))
    return axes


class RandomVariables(LectureScene):
    chapter_id = "7.3"

    def construct(self) -> None:
        self.open_chapter("Two dice give a pair of faces, but we usually ask about one number.")
        self.sample_space_beat()
        self.stacking_beats()
        self.pmf_beat()
        self.cdf_beats()
        self.reading_beat()
        self.range_beat()
        self.close_chapter(
            "A random variable turns outcomes into numbers.",
            "The PMF spreads the probability over the values, and the CDF adds it up. "
            "Next, expectation: where the PMF balances.",
        )

    # --- the sample space and the function --------------------------------------------------
    def sample_space_beat(self) -> None:
        self.pmf_axes = _axes((0, 7 / 36, 1 / 36), 7 * PMF_UNIT, PMF_BASE)
        pmf = PMFBars(X, self.pmf_axes)
        pmf.place_in_grid(6, GRID_CENTER, GRID_PITCH)
        self.pmf = pmf
        space = theme.tex(r"36 \text{ outcomes } (a, b)", size=40)
        each = theme.tex(r"P(\text{each}) = \tfrac{1}{36}", size=40, color=theme.MUTED)
        rule = theme.tex(r"X(a, b) = a + b", size=52, color=theme.ACCENT)
        panel = VGroup(space, each, rule).arrange(DOWN, aligned_edge=LEFT, buff=0.45)
        panel.move_to(np.array([3.9, -1.95, 0.0]))
        self.panel = panel
        with self.beat(
            "Here is the whole sample space: thirty-six ordered pairs, one tile each, and "
            "every one equally likely. A random variable is a function that turns each "
            "outcome into a number; here X adds the two faces."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    AnimationGroup(*(FadeIn(t, scale=0.6) for t in pmf.tiles), lag_ratio=0.05),
                    AnimationGroup(FadeIn(space), FadeIn(each)),
                    lag_ratio=0.6,
                ),
            )
            self.add(pmf)
            beat.say(1, Write(rule), Create(self.pmf_axes))
            self.bring_to_front(pmf)  # the flying tiles pass over the axis numbers
            self.checkpoint("tiles_in_sample_space", pmf.tile_count_shown(), expected=len(PAIRS))

    def stacking_beats(self) -> None:
        pmf = self.pmf
        with self.beat(
            "Watch the function act: every tile flies to the column of its sum and lands on "
            "the tiles already there. The height of each stack is the number of outcomes "
            "with that sum."
        ) as beat:
            beat.say(0, pmf.stack())
            beat.say(1, pmf.write_counts())
            self.checkpoint("tiles_per_column", pmf.tiles_per_column_shown(), expected=COUNTS)
            self.checkpoint("counts_written", pmf.counts_shown(), expected=COUNTS)
            self.checkpoint(
                "stack_heights",
                pmf.stack_heights_shown(),
                expected=[c / 36 for c in COUNTS],
                tol=TOL,
            )
        with self.beat(
            "Seven collects six pairs, one diagonal of the grid from one and six to six and "
            "one, while two and twelve get a single pair each."
        ) as beat:
            beat.say(0, Succession(pmf.flash([7]), pmf.flash([2, 12])))

    # --- the PMF ---------------------------------------------------------------------------
    def pmf_beat(self) -> None:
        pmf = self.pmf
        with self.beat(
            "Divide each count by thirty-six and the stacks become the bars of the "
            "probability mass function, the PMF. Its heights climb from one thirty-sixth "
            "to six thirty-sixths at seven and back down, and together they add up to one."
        ) as beat:
            beat.say(0, pmf.fuse())
            beat.say(1, pmf.divide_counts(36))
            heights = pmf.heights_shown()
            exact = [Fraction(c, 36) for c in COUNTS]
            self.checkpoint("pmf_bar_heights", heights, expected=[float(p) for p in exact], tol=TOL)
            self.checkpoint(
                "pmf_total",
                derived("sum of the drawn bar heights", float(np.sum(heights)), heights),
                expected=float(sum(exact)),
                tol=TOL,
            )
            self.checkpoint("pmf_numerators", pmf.counts_shown(), expected=COUNTS)
            self.checkpoint("pmf_denominators", pmf.denominators_shown(), expected=[36] * 11)

    # --- the CDF ----------------------------------------------------------------------------
    def cdf_beats(self) -> None:
        axes = _axes((0, 1, 1 / 6), CDF_HEIGHT, CDF_BASE)
        ticks = VGroup(
            *(
                theme.tex(t, size=30, color=theme.MUTED).next_to(axes.c2p(1, y), LEFT, buff=0.15)
                for t, y in (("0", 0), (r"\tfrac{1}{2}", 0.5), ("1", 1))
            )
        )
        cdf = StepCDF(X, axes, self.pmf)
        readout = FractionReadout(r"\text{running sum}", 0, 36, size=34)
        readout.move_to(np.array([-3.3, -0.95, 0.0]))
        readout.follow(lambda: 36 * cdf.top_shown())
        self.cdf_axes, self.cdf, self.readout = axes, cdf, readout
        with self.invariant(
            "running sum readout equals the staircase's top step",
            lambda: (
                readout.numerator_shown,
                derived("36 × drawn top step", 36 * cdf.top_shown(), cdf.top_shown()),
            ),
        ):
            with self.beat(
                "The cumulative distribution function, F of x, is the chance that X is at "
                "most x. Build it as a running sum, carrying each bar down onto the total "
                "so far."
            ) as beat:
                beat.say(
                    0,
                    FadeOut(self.panel),
                    self.pmf.clear_grid(),
                    Create(axes),
                    FadeIn(ticks),
                    FadeIn(cdf),
                    FadeIn(readout),
                )
                beat.say(1, cdf.carry(3))
            with self.beat(
                "Each value adds a jump exactly as tall as its bar, and between values the "
                "staircase stays flat, since no outcome lands there. At twelve it reaches one."
            ) as beat:
                beat.say(0, cdf.carry(9))
                beat.say(1, cdf.carry(11))
                levels = cdf.levels_shown()
                self.checkpoint(
                    "cdf_step_heights", levels, expected=[r / 36 for r in RUNNING], tol=TOL
                )
                self.checkpoint(
                    "cdf_jumps", cdf.jumps_shown(), expected=[c / 36 for c in COUNTS], tol=TOL
                )
                self.checkpoint(
                    "cdf_flat_between_7_and_8",
                    derived(
                        "drawn height at 7.9 minus at 7",
                        cdf.height_at_shown(7.9) - cdf.height_at_shown(7.0),
                        cdf.height_at_shown(7.9),
                    ),
                    expected=0.0,
                    tol=TOL,
                )
                self.checkpoint("running_sum_at_12", readout.numerator_shown, expected=36)
        self.ticks = ticks

    def reading_beat(self) -> None:
        axes, cdf, readout = self.cdf_axes, self.cdf, self.readout
        dot = Dot(axes.c2p(1, 0), radius=0.1, color=theme.ACCENT)
        guide = Line(axes.c2p(1, 0), axes.c2p(1, 0), color=theme.ACCENT, stroke_width=2)
        state = {"x": 1.0}

        def place(x: float) -> None:
            state["x"] = x
            height = cdf.height_at_shown(x)
            dot.move_to(axes.c2p(x, height))
            guide.put_start_and_end_on(axes.c2p(x, 0), axes.c2p(x, height) + 1e-4 * UP)

        place(1.0)
        label = FractionReadout(r"F(x)", 0, 36, size=34)
        label.move_to(readout, aligned_edge=LEFT)
        answer = FractionReadout(r"P(X \le 7)", 21, 36, size=38, color=theme.ACCENT)
        answer.move_to(np.array([3.6, -2.35, 0.0]))

        def dot_height() -> float:
            return float(axes.p2c(dot.get_center())[1])

        with self.beat(
            "The staircase answers questions directly. Slide along to seven and read the "
            "height: the chance that X is at most seven is twenty-one thirty-sixths, just "
            "over a half."
        ) as beat:
            beat.say(0, FadeOut(readout), FadeIn(label), FadeIn(dot), FadeIn(guide))
            label.follow(lambda: 36 * dot_height())
            with self.invariant(
                "F readout equals the staircase under the dot",
                lambda: (
                    label.numerator_shown,
                    derived(
                        "36 × drawn staircase height at the dot",
                        36 * cdf.height_at_shown(state["x"]),
                        cdf.height_at_shown(state["x"]),
                    ),
                ),
            ):
                beat.say(
                    1,
                    AnimationGroup(
                        Scripted(VGroup(dot, guide), lambda t: place(1.0 + 6.0 * t)),
                        FadeIn(answer, shift=0.2 * LEFT),
                        lag_ratio=0.85,
                    ),
                )
            self.checkpoint(
                "dot_on_staircase_at_7",
                cdf.height_at_shown(7.0),
                expected=RUNNING[5] / 36,
                tol=TOL,
            )
            self.checkpoint("p_le_7_numerator", answer.numerator_shown, expected=RUNNING[5])
            self.checkpoint("p_le_7_denominator", answer.denominator_shown, expected=36)
            self.checkpoint("p_le_7", answer.value_shown(), expected=21 / 36, tol=TOL)
            self.checkpoint("f_readout_at_7", label.numerator_shown, expected=21)
        self.label, self.dot, self.guide = label, dot, guide

    def range_beat(self) -> None:
        axes, cdf = self.cdf_axes, self.cdf
        f3, f6 = Fraction(RUNNING[1], 36), Fraction(RUNNING[4], 36)
        low = DashedLine(axes.c2p(3, float(f3)), axes.c2p(RANGE_AT + 0.25, float(f3)))
        high = DashedLine(axes.c2p(6, float(f6)), axes.c2p(RANGE_AT + 0.25, float(f6)))
        for line in (low, high):
            line.set_stroke(color=theme.HYPOTHESIS, width=2)
        answer = FractionReadout(r"P(4 \le X \le 6)", 12, 36, size=38, color=theme.HYPOTHESIS)
        answer.move_to(self.label, aligned_edge=LEFT)
        lights = self.pmf.bars[2:5]
        with self.beat(
            "For a range, subtract two values of F: the chance of a sum from four to six is F "
            "of six minus F of three, fifteen minus three, so twelve thirty-sixths. On the "
            "PMF it is just bars four, five and six stacked up."
        ) as beat:
            beat.say(
                0,
                AnimationGroup(
                    AnimationGroup(FadeOut(self.label), FadeOut(self.dot), FadeOut(self.guide)),
                    AnimationGroup(Create(low), Create(high)),
                    FadeIn(answer, shift=0.2 * RIGHT),
                    lag_ratio=0.6,
                ),
            )
            gather, copies = cdf.gather([4, 5, 6], RANGE_AT, theme.HYPOTHESIS, run_time=1.0)
            self.add(copies)
            beat.say(1, lights.animate.set_fill(color=theme.HYPOTHESIS), gather)
            bottom, top = cdf.gathered_shown()
            self.checkpoint(
                "range_stack_bottom_is_f3", bottom, expected=float(Fraction(3, 36)), tol=TOL
            )
            self.checkpoint(
                "range_stack_height",
                derived("top minus bottom of the stacked bars", top - bottom, top, bottom),
                expected=float(f6 - f3),
                tol=TOL,
            )
            self.checkpoint(
                "f6_minus_f3_on_staircase",
                derived(
                    "drawn F(6) − drawn F(3)",
                    cdf.height_at_shown(6.0) - cdf.height_at_shown(3.0),
                    cdf.height_at_shown(6.0),
                    cdf.height_at_shown(3.0),
                ),
                expected=12 / 36,
                tol=TOL,
            )
            self.checkpoint("p_4_to_6_numerator", answer.numerator_shown, expected=12)
            self.checkpoint("p_4_to_6", answer.value_shown(), expected=12 / 36, tol=TOL)


SCENES = [RandomVariables]
