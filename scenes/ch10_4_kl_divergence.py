"""10.4 KL Divergence: the bits a wrong model wastes, drawn as the overhang of one bar on another.

The thirty ratings of the recommender's table give the true shares P of one to five stars;
a model Q hedges towards three stars. On the left, P and Q stand side by side as paired bars.
On the right, the entropy H(P) (the best average code length) sits above the cross-entropy
H(P, Q) (the cost of coding with Q); the cross-entropy's overhang is KL(P‖Q), 0.40 bits, and
it drops into a second panel as a bar of its own. Under the shares, the per-outcome terms
p log(p/q) stand up or hang down by sign and stack into a column as tall as the overhang.
Swapping the roles gives KL(Q‖P) = 0.49 bits beside it. Then the model's share of five
stars is squeezed to 0.002: that term climbs up its curve without limit and KL(P‖Q) shoots to
1.60 bits while KL(Q‖P) levels off at 0.82. Last, the model slides onto the data and every
bar of divergence shrinks to zero.

Every number is read from the drawing (bar lengths through their bits axis, heights through
their axes, the dot through its axes) and, while the model moves, held at every sampled
moment to the divergence of the shares the bars show, computed here as cross-entropy minus
entropy with numpy (the model sums the terms).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from fractions import Fraction
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Indicate,
    Square,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.divergence import ModelShares, rating_shares
from mathviz.maths.recommender import TABLE
from mathviz.primitives.divergence_bars import (
    KL_COLOR,
    NEGATIVE_COLOR,
    P_COLOR,
    Q_COLOR,
    DirectionBars,
    DivergenceBars,
    PairedBars,
    TermBars,
    TermCurve,
    model_tween,
)
from mathviz.readings import derived, printed
from mathviz.scene import Invariant, LectureScene
from mathviz.theme import at

#: the model's prediction: it hedges towards three stars
MODEL_Q = (0.1, 0.2, 0.4, 0.2, 0.1)
#: the outcome squeezed (five stars), the share it is squeezed to, and on the way there
FIVE, SQUEEZED, SQUEEZED_HALFWAY = 4, 0.002, 0.01
#: how far the model has moved towards the data at the mid-morph checkpoint
MIDWAY = 0.6
NAMES = [f"{k}★" for k in range(1, 6)]
#: the left column's axes start here; both left charts share their columns
LEFT_X, TOL = -6.15, 1e-6
#: how much larger the shares are drawn while they are alone on the stage
ZOOM = 1.55


# --- independent routes to the expected values -----------------------------------------------
def counted_shares() -> list[float]:
    """The share of each star count among the table's ratings, counted with fractions."""
    counts = Counter(r for row in TABLE.values() for r in row)
    total = sum(counts.values())
    return [float(Fraction(counts[k], total)) for k in range(1, 6)]


def entropy_bits(p: Any) -> float:
    """−Σ p log₂ p with numpy (no zero shares occur here)."""
    p = np.asarray(p, dtype=float)
    return float(-(p * np.log2(p)).sum())


def cross_bits(p: Any, q: Any) -> float:
    """−Σ p log₂ q with numpy."""
    return float(-(np.asarray(p, dtype=float) * np.log2(np.asarray(q, dtype=float))).sum())


def kl_bits(p: Any, q: Any) -> float:
    """KL as cross-entropy minus entropy (the model sums the terms instead)."""
    return cross_bits(p, q) - entropy_bits(p)


def gap(shown: Any, truth: float) -> tuple[Any, float]:
    """``(shown − truth, 0)``: two values compared near zero, where a tolerance relative to
    the truth would shrink to nothing."""
    return derived(f"difference from {truth:.6g}", float(shown) - truth, shown), 0.0


class KLDivergence(LectureScene):
    chapter_id = "10.4"

    def construct(self) -> None:
        self.open_chapter(
            "Every model of your data is a little wrong. KL divergence prices the mistake in bits."
        )
        self.shares = ModelShares(
            rating_shares(r for row in TABLE.values() for r in row), np.array(MODEL_Q), FIVE
        )
        self.p_true = counted_shares()
        self.shares_beat()
        self.cost_beat()
        self.gap_beat()
        self.terms_beat()
        self.reverse_beat()
        with contextlib.ExitStack() as held:
            held.enter_context(self.hold(self.moving_invariants()))
            self.held = held
            self.squeeze_beat()
            self.training_beat()
        self.close_chapter(
            "KL(P‖Q) = H(P,Q) − H(P):  the bits a wrong model wastes.",
            "KL divergence is the price, in bits, of believing Q when the world is P. It is "
            "never negative, zero only when the two agree, and different in each direction. "
            "Next, graph basics.",
        )

    def grow_then_show(self, beat: Any, i: int, growth: Any, readout: Any) -> None:
        """Under sentence ``i``: grow a bar, then fade in its (hidden) readout once the bar
        stands, so that no number counts up while the bar grows."""
        start, end = beat.sentences[i].start, beat.sentences[i].end
        if start > self.clock:
            self.wait(start - self.clock)
        self.play(growth, run_time=max(0.6, 0.7 * (end - self.clock)))
        readout.set_opacity(1)
        self.play(FadeIn(readout), run_time=max(0.5, end - self.clock))

    # --- the two distributions ------------------------------------------------------------
    def shares_beat(self) -> None:
        paired = PairedBars(self.shares, NAMES, x_range=(0.4, 6.6), width=4.9, height=2.55)
        paired.shift(at(LEFT_X, 0.9) - paired.axes.c2p(0.4, 0.0))
        legend = VGroup(
            *(
                VGroup(
                    Square(0.24, stroke_width=0, fill_color=c, fill_opacity=0.9),
                    theme.text(t, size=theme.SMALL_SIZE, color=theme.TEXT),
                ).arrange(RIGHT, buff=0.12)
                for c, t in ((P_COLOR, "P  data"), (Q_COLOR, "Q  model"))
            )
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.18)
        legend.move_to(paired.axes.c2p(6.55, 0.5), aligned_edge=UP + RIGHT)
        self.paired = paired
        # drawn large first, alone on the stage; it moves to its corner when the costs come
        stage = VGroup(paired, legend)
        self.corner = stage.get_center()
        stage.scale(ZOOM).move_to(at(0.0, 0.0))
        self.stage = stage
        q_growth = paired.grow("q")
        p_growth = paired.grow("p")
        with self.beat(
            "Here are the thirty ratings in the recommender's table, as the share of each "
            "star count. Beside them, in orange, a model's prediction, which hedges towards "
            "three stars."
        ) as beat:
            beat.say(0, FadeIn(paired.axes), FadeIn(paired.names), FadeIn(legend[0]), p_growth)
            beat.say(1, FadeIn(legend[1]), q_growth)
            self.checkpoint("data_shares", paired.p_shown(), expected=self.p_true, tol=TOL)
            self.checkpoint("model_shares", paired.q_shown(), expected=list(MODEL_Q), tol=TOL)
        self.legend = legend

    # --- entropy and cross-entropy as code lengths ----------------------------------------------
    def cost_beat(self) -> None:
        cost = DivergenceBars(self.shares, length=4.9)
        cost.shift(at(1.65, 0.95) - cost.axis.n2p(0))
        cost.unit.next_to(cost.axis.numbers[-1], DOWN, buff=0.12)
        for readout in cost.readouts:
            readout.set_opacity(0)
        self.cost = cost
        h_growth, ce_growth = cost.grow_row(0), cost.grow_row(1)
        h, ce = entropy_bits(self.p_true), cross_bits(self.p_true, MODEL_Q)
        with self.beat(
            "Code each rating with a code built for the true shares, and the average message "
            "costs the entropy, 2.26 bits. Build the code from the model instead, and the "
            "average rises to the cross-entropy, 2.66 bits."
        ) as beat:
            self.play(
                self.stage.animate.scale(1 / ZOOM).move_to(self.corner),
                FadeIn(cost.axis),
                FadeIn(cost.unit),
                run_time=1.2,
            )
            self.grow_then_show(beat, 0, h_growth, cost.readouts[0])
            self.grow_then_show(beat, 1, ce_growth, cost.readouts[1])
            self.checkpoint("entropy_bar", cost.entropy_shown(), expected=h, tol=TOL)
            self.checkpoint("cross_entropy_bar", cost.cross_entropy_shown(), expected=ce, tol=TOL)
            self.checkpoint("entropy_printed", cost.readouts[0].value, expected=h)
            self.checkpoint("cross_entropy_printed", cost.readouts[1].value, expected=ce)

    def gap_beat(self) -> None:
        cost = self.cost
        directions = DirectionBars(self.shares, length=4.9)
        directions.shift(at(1.65, -3.0) - directions.axis.n2p(0))
        directions.unit.next_to(directions.axis.numbers[-1], DOWN, buff=0.12)
        for readout in directions.readouts:
            readout.set_opacity(0)
        directions.grown[1] = 0.0
        directions.redraw()
        self.directions = directions
        formula = theme.tex(
            r"\mathrm{KL}(P\,\|\,Q)", "=", r"H(P,Q)", "-", r"H(P)", size=36, color=theme.TEXT
        )
        formula[0].set_color(KL_COLOR)
        formula.move_to(at(2.9, -0.3))
        self.formula = formula
        forward = directions.grow_row(0)
        kl = kl_bits(self.p_true, MODEL_Q)
        with self.beat(
            "The overhang is the KL divergence of P from Q: 0.40 bits wasted on every rating, "
            "because the code trusts the wrong shares. It is the cross-entropy minus the "
            "entropy, and it gets a bar of its own."
        ) as beat:
            beat.say(0, cost.show_bracket(), Indicate(cost.overhang, color=KL_COLOR))
            self.play(Write(formula), run_time=1.2)
            self.play(FadeIn(directions.axis), FadeIn(directions.unit), run_time=0.6)
            self.grow_then_show(beat, 1, forward, directions.readouts[0])
            gap = cost.gap_shown()
            self.checkpoint("kl_overhang", gap, expected=kl, tol=TOL)
            self.checkpoint(
                "cross_minus_entropy_bars",
                derived(
                    "cross-entropy bar − entropy bar",
                    cost.cross_entropy_shown() - cost.entropy_shown(),
                    cost.cross_entropy_shown(),
                    cost.entropy_shown(),
                ),
                expected=kl,
                tol=TOL,
            )
            self.checkpoint("kl_bar", directions.forward_shown(), expected=kl, tol=TOL)
            self.checkpoint("kl_printed", directions.readouts[0].value, expected=kl)

    # --- the terms, one per star ------------------------------------------------------------------
    def terms_beat(self) -> None:
        terms = TermBars(self.shares, NAMES, x_range=(0.4, 6.6), width=4.9, height=3.3)
        terms.shift(at(LEFT_X, -3.1) - terms.axes.c2p(0.4, -0.3))
        sum_name = theme.text("sum", size=26, color=theme.MUTED)
        sum_name.next_to(terms.axes.c2p(terms.sum_column, -0.3), DOWN, buff=0.15)
        sum_name.align_to(terms.names[0], DOWN)
        formula = theme.tex(r"p \log_2 \frac{p}{q}", size=34, color=KL_COLOR)
        formula.move_to(terms.axes.c2p(2.0, 0.47))
        growth = terms.grow()
        fly, merge = terms.stack()
        p, q = np.array(self.p_true), np.array(MODEL_Q)
        expected_terms = p * (np.log2(p) - np.log2(q))
        with self.beat(
            "Split the divergence by star: each bar is p times the log of p over q. It is "
            "positive where the model under-predicts, zero at two stars, where it is exact, "
            "and negative at three stars, where it over-predicts. Added up, the pieces make "
            "0.40 bits again, and no model can push the total below zero."
        ) as beat:
            beat.say(0, FadeIn(terms.axes), FadeIn(terms.names), Write(formula), growth)
            beat.say(1, Indicate(terms.bars[1]), Indicate(terms.bars[2], color=NEGATIVE_COLOR))
            start, end = beat.sentences[2].start, beat.sentences[2].end
            if start > self.clock:
                self.wait(start - self.clock)
            self.play(FadeIn(sum_name), fly, run_time=0.6 * (end - self.clock))
            self.play(merge, run_time=max(0.6, end - self.clock))
            self.checkpoint("terms", terms.terms_shown(), expected=list(expected_terms), tol=TOL)
            shown = terms.terms_shown()
            self.checkpoint(
                "terms_add_up_to_kl",
                derived("sum of the drawn terms", float(np.sum(shown)), shown),
                expected=kl_bits(p, q),
                tol=TOL,
            )
            self.checkpoint("sum_column", terms.sum_shown(), expected=kl_bits(p, q), tol=TOL)
            assert terms.sum_label is not None
            self.checkpoint("sum_printed", printed(terms.sum_label), expected=kl_bits(p, q))
        self.terms = VGroup(terms, terms.sum_bar, terms.sum_label, sum_name, formula)

    def reverse_beat(self) -> None:
        directions = self.directions
        reverse = directions.grow_row(1)
        kl, back = kl_bits(self.p_true, MODEL_Q), kl_bits(MODEL_Q, self.p_true)
        end = directions.axis.n2p(directions.forward_shown())
        mark = DashedLine(
            end + (directions.row_y[0] + 0.3) * UP,
            end + (directions.row_y[1] - 0.3) * UP,
            color=theme.TEXT,
            stroke_width=2,
        )
        mark.name = "end of the KL(P‖Q) bar"
        self.mark = mark
        with self.beat(
            "Now swap the roles, and measure the model's shares against the data. KL of Q "
            "from P comes to 0.49 bits, not 0.40: the divergence is not a distance, and its "
            "direction matters."
        ) as beat:
            self.grow_then_show(beat, 0, reverse, directions.readouts[1])
            beat.say(1, Create(mark))
            self.checkpoint("reverse_kl_bar", directions.reverse_shown(), expected=back, tol=TOL)
            self.checkpoint("reverse_kl_printed", directions.readouts[1].value, expected=back)
            self.checkpoint(
                "directions_differ",
                derived(
                    "KL(Q‖P) bar − KL(P‖Q) bar",
                    directions.reverse_shown() - directions.forward_shown(),
                    directions.reverse_shown(),
                    directions.forward_shown(),
                ),
                expected=back - kl,
                tol=TOL,
            )

    # --- the model moves: five stars squeezed, then training ----------------------------------
    def moving_invariants(self) -> list[Invariant]:
        paired, cost, directions = self.paired, self.cost, self.directions

        def drawn_kl(forward: bool) -> float:
            p, q = paired.p_shown(), paired.q_shown()
            return kl_bits(p, q) if forward else kl_bits(q, p)

        return [
            (
                "model bars sum to one",
                lambda: (
                    derived("sum of model bars", float(np.sum(paired.q_shown())), paired.q_shown()),
                    1.0,
                ),
                TOL,
            ),
            (
                "KL bar is KL of the drawn shares",
                lambda: gap(directions.forward_shown(), drawn_kl(True)),
                1e-5,
            ),
            (
                "reverse bar is KL of the drawn shares the other way",
                lambda: gap(directions.reverse_shown(), drawn_kl(False)),
                1e-5,
            ),
            (
                "KL bar equals the overhang",
                lambda: gap(directions.forward_shown(), cost.gap_shown()),
                1e-5,
            ),
            (
                "cross-entropy bar is H(P,Q) of the drawn shares",
                lambda: (
                    cost.cross_entropy_shown(),
                    cross_bits(paired.p_shown(), paired.q_shown()),
                ),
                1e-5,
            ),
            (
                "KL readout shows its bar",
                lambda: (directions.readouts[0].value, directions.forward_shown()),
                None,
            ),
            (
                "reverse readout shows its bar",
                lambda: (directions.readouts[1].value, directions.reverse_shown()),
                None,
            ),
            (
                "cross-entropy readout shows its bar",
                lambda: (cost.readouts[1].value, cost.cross_entropy_shown()),
                None,
            ),
        ]

    def squeeze_beat(self) -> None:
        curve = TermCurve(self.shares, width=4.9, height=3.1)
        curve.shift(at(LEFT_X, -3.0) - curve.axes.c2p(0.0, -0.5))
        name = theme.tex(r"p_5 \log_2 (p_5 / q_5)", size=30, color=KL_COLOR)
        name.move_to(curve.axes.c2p(0.19, 1.25))
        q_name = theme.tex(r"q_5", size=32, color=Q_COLOR)
        q_name.next_to(curve.axes.x_axis.numbers[-1], RIGHT, buff=0.25)
        paired, dot = self.paired, curve
        parts = [self.paired, self.cost, self.directions, curve]
        p5 = self.p_true[FIVE]
        self.curve = VGroup(curve, name, q_name)
        held = self.held
        with self.beat(
            "This curve is the five-star term, plotted against the model's five-star share. "
            "Squeeze that share towards zero: five stars are common in the data, so the term "
            "climbs without limit, and KL of P from Q shoots up. At a share of 0.002 it reaches "
            "1.60 bits, while the reverse direction levels off at 0.82, because it weighs each "
            "log by the model's own, vanishing share."
        ) as beat:
            self.play(FadeOut(self.terms), FadeOut(self.mark), run_time=0.6)
            self.play(
                FadeIn(curve.axes),
                Create(curve.curve),
                FadeIn(curve.dot),
                FadeIn(name),
                FadeIn(q_name),
                run_time=max(0.6, beat.sentences[0].end - self.clock),
            )
            for n, read, tol in (
                (
                    "dot's q is the model's five-star bar",
                    lambda: (dot.dot_shown()[0], paired.q_shown()[FIVE]),
                    TOL,
                ),
                (
                    "dot lies on the term curve",
                    lambda: gap(dot.dot_shown()[1], p5 * np.log2(p5 / dot.dot_shown()[0])),
                    1e-5,
                ),
            ):
                held.enter_context(self.invariant(n, read, tol=tol))
            beat.say(1, model_tween(parts, self.shares, squeezed=SQUEEZED_HALFWAY))
            beat.say(2, model_tween(parts, self.shares, squeezed=SQUEEZED))
            q = [float(v) for v in paired.q_shown()]
            self.checkpoint("squeezed_share", paired.q_shown()[FIVE], expected=SQUEEZED, tol=TOL)
            self.checkpoint(
                "squeezed_kl_printed",
                self.directions.readouts[0].value,
                expected=kl_bits(self.p_true, q),
            )
            self.checkpoint(
                "squeezed_reverse_printed",
                self.directions.readouts[1].value,
                expected=kl_bits(q, self.p_true),
            )
            self.checkpoint(
                "squeezed_term",
                curve.dot_shown()[1],
                expected=p5 * np.log2(p5 / SQUEEZED),
                tol=TOL,
            )

    def training_beat(self) -> None:
        cost, directions, paired = self.cost, self.directions, self.paired
        parts = [paired, cost, directions, self.curve[0]]
        with self.beat(
            "Finally, let training pull the model's shares onto the data. The cross-entropy "
            "bar sinks onto the entropy bar, and when Q equals P, both directions of the "
            "divergence are exactly zero."
        ) as beat:
            beat.say(0, model_tween(parts, self.shares, toward=MIDWAY))
            q_mid = [float(v) for v in paired.q_shown()]
            self.checkpoint(
                "kl_mid_training",
                directions.forward_shown(),
                expected=kl_bits(self.p_true, q_mid),
                tol=1e-5,
            )
            self.checkpoint(
                "kl_mid_training_printed",
                directions.readouts[0].value,
                expected=kl_bits(self.p_true, q_mid),
            )
            beat.say(1, model_tween(parts, self.shares, toward=1.0))
            self.checkpoint("trained_shares", paired.q_shown(), expected=self.p_true, tol=TOL)
            self.checkpoint("trained_overhang", cost.gap_shown(), expected=0.0, tol=1e-5)
            self.checkpoint("trained_kl_printed", directions.readouts[0].value, expected=0.0)
            self.checkpoint("trained_reverse_printed", directions.readouts[1].value, expected=0.0)
            self.checkpoint(
                "trained_cross_entropy_printed",
                cost.readouts[1].value,
                expected=entropy_bits(self.p_true),
            )


SCENES = [KLDivergence]
