"""10.3 Cross-Entropy: logits through softmax into probabilities, and the loss of the truth.

An image classifier scores a photo for cat, dog and bird with logits (1, 2, −1), drawn as
signed bars. Each bar flows into its exponential (all positive), and the exponentials shrink by
their sum, 10.48, into probabilities that add up to one: (0.26, 0.71, 0.04). The photo is a
cat: the truth is one-hot, its outline a full bar over cat, and cross-entropy −Σ yᵢ ln pᵢ
keeps one term, −ln p_cat. On the curve −ln p (nats) a dot sits over the cat's probability
with the loss as a bar under it: 1.35 nats. Moving belief from dog to bird leaves p_cat, the
dot and the loss where they are. Five gradient steps (logits minus the rate times p − y) lift
p_cat to 0.89 and slide the dot down to 0.12 nats; a confident wrong model (p_cat = 0.01)
climbs the curve to 4.56 nats.

Every number is read back from the drawing: bar heights through their axes, the numbers
typeset at the bars and in the readouts, the dot and the loss bar through the curve's axes;
in motion the probability bars stay the softmax of the drawn logit bars and the readouts the
drawn cat bar and its −ln. The expected values here are computed by hand with ``math`` (the
drawing uses numpy and the overflow-safe softmax); the test recomputes them with scipy and
scikit-learn.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Arrow, Create, FadeIn, FadeOut, VGroup, VMobject, Write

from mathviz import theme
from mathviz.maths.classifier_training import gradient_steps, reshuffle_path, straight_path
from mathviz.primitives.readout import Readout
from mathviz.primitives.softmax_flow import LossCurve, SoftmaxFlow, StageChart
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

CLASSES = ("cat", "dog", "bird")
TRUE = 0
#: the photo's logits, the split of the non-cat share after "belief moves from dog to bird",
#: the training run, and a confidently wrong model's logits
START = (1.0, 2.0, -1.0)
SHARES = (0.05, 0.95)
LR, STEPS = 1.0, 5
WRONG = (-1.0, 0.5, 3.5)
#: how far towards the wrong logits the first sentence goes (the second climbs the steep end)
CLIMB = 0.6
COLORS = theme.EQUATION_COLORS
#: chart centres (x) in the first part (logits, exponentials, probabilities), the axes' height
#: and centre (y); in the second part the probabilities take the exponentials' place
CHART_X = (-4.7, 0.2, 5.1)
CHART_W, CHART_H, CHART_Y = 3.0, 4.4, -0.3
CURVE_LEFT, CURVE_W = 2.75, 3.85
BOTTOM_ROW, TOP_ROW = -3.45, 3.35
TOL = 1e-6


# --- independent routes to the expected values: the formulas written out with math ---------------
def written_softmax(z: Sequence[float]) -> list[float]:
    """e^zᵢ / Σ e^zⱼ with ``math.exp`` and an exact-rounded sum."""
    weights = [math.exp(v) for v in z]
    total = math.fsum(weights)
    return [w / total for w in weights]


def written_training(z: Sequence[float], lr: float, steps: int) -> list[list[float]]:
    """Gradient steps written out: the true logit gains lr (1 − p_true), the others lose lr pⱼ."""
    out = [list(z)]
    for _ in range(steps):
        p = written_softmax(out[-1])
        out.append(
            [
                v - lr * (pj - (1.0 if j == TRUE else 0.0))
                for j, (v, pj) in enumerate(zip(out[-1], p, strict=True))
            ]
        )
    return out


def minus_ln(p: float) -> float:
    return -math.log(p)


class CrossEntropy(LectureScene):
    chapter_id = "10.3"

    def construct(self) -> None:
        self.open_chapter("Scores in, probabilities out, and one number for how wrong they are.")
        self.flow = SoftmaxFlow(
            START,
            CLASSES,
            colors=COLORS,
            logit_range=(-2, 4, 1),
            exp_range=(0, 8, 2),
            width=CHART_W,
            height=CHART_H,
        )
        for chart, x in zip(self.flow.charts, CHART_X, strict=True):
            chart.shift(at(x, CHART_Y) - chart.axes.get_center())
        self.logits_beat()
        self.exponentials_beat()
        self.normalise_beat()
        self.truth_beat()
        with contextlib.ExitStack() as held:
            self.curve_beat(held)
            self.reshuffle_beat()
            self.training_beats()
            self.confident_wrong_beat()
        self.close_chapter(
            "With a one-hot label, cross-entropy is −ln p of the true class.",
            "With a one-hot label, cross-entropy is minus the log of the true class's "
            "probability: cheap when right, ruinous when sure and wrong. Next, KL divergence.",
        )

    # --- checks shared by the beats --------------------------------------------------------------
    def check_chart(self, tag: str, chart: StageChart, expected: Sequence[float]) -> None:
        """A chart's bars through its axes and its numbers as typeset, against ``expected``."""
        self.checkpoint(f"{tag}_bars", chart.heights_shown(), expected=list(expected), tol=TOL)
        self.checkpoint(f"{tag}_labels", chart.labels_shown(), expected=list(expected))

    def check_stage(self, tag: str, logits: Sequence[float]) -> None:
        """Logits, probabilities, the cat's readout, the loss readout, the dot and the bar."""
        p = written_softmax(logits)
        self.check_chart(f"{tag}_logit", self.flow.logit_chart, logits)
        self.check_chart(f"{tag}_probability", self.flow.prob_chart, p)
        self.checkpoint(f"{tag}_p_cat_readout", self.p_read.value, expected=p[TRUE])
        self.checkpoint(f"{tag}_ce_readout", self.ce_read.value, expected=minus_ln(p[TRUE]))
        self.checkpoint(
            f"{tag}_dot", self.curve.dot_shown(), expected=[p[TRUE], minus_ln(p[TRUE])], tol=TOL
        )
        self.checkpoint(
            f"{tag}_loss_bar", self.curve.loss_bar_shown(), expected=minus_ln(p[TRUE]), tol=TOL
        )

    def p_cat_bar(self) -> Any:
        return self.flow.prob_chart.heights_shown()[TRUE]

    # --- the softmax, stage by stage -------------------------------------------------------------
    def logits_beat(self) -> None:
        chart = self.flow.logit_chart
        with self.beat(
            "An image classifier scores a photo for three classes: cat, dog and bird. These raw "
            "scores, called logits, are one, two and minus one; a logit can be negative."
        ) as b:
            b.say(0, Create(chart.axes), FadeIn(chart.names), FadeIn(chart.title))
            self.add(chart)
            b.say(1, self.flow.grow_logits())
            self.check_chart("start_logit", chart, START)

    def arrow(self, left: StageChart, right: StageChart, label: str) -> VGroup:
        start = left.axes.get_right() + 0.15 * RIGHT
        end = right.axes.get_left() + 0.6 * LEFT
        arrow = Arrow(start, end, buff=0, color=theme.MUTED, stroke_width=5)
        tex = theme.tex(label, size=36, color=theme.TEXT).next_to(arrow, UP, buff=0.15)
        return VGroup(arrow, tex)

    def exponentials_beat(self) -> None:
        chart = self.flow.exp_chart
        self.exp_arrow = self.arrow(self.flow.logit_chart, chart, "e^{z}")
        self.softmax_formula = theme.tex(
            r"p_i = e^{z_i} \Big/ \sum\nolimits_j e^{z_j}", size=38
        ).move_to(at(0.0, TOP_ROW))
        with self.beat(
            "Softmax first raises e to each logit. Every result is positive: minus one becomes "
            "0.37, and two becomes 7.39."
        ) as b:
            b.say(
                0,
                Create(chart.axes),
                FadeIn(chart.names, chart.title),
                FadeIn(self.exp_arrow),
                Write(self.softmax_formula),
            )
            self.add(chart)
            b.say(1, self.flow.exponentiate())
            self.check_chart("exponential", chart, [math.exp(v) for v in START])

    def normalise_beat(self) -> None:
        exp_chart, chart = self.flow.exp_chart, self.flow.prob_chart
        self.div_arrow = self.arrow(exp_chart, chart, r"\div\,\mathrm{sum}")
        exp_sum = Readout(r"\mathrm{sum}", 0.0, decimals=2, size=32)
        exp_sum.follow(lambda: float(np.sum(exp_chart.heights_shown())))
        exp_sum.move_to(at(CHART_X[1], BOTTOM_ROW))
        prob_sum = Readout(r"\mathrm{sum}", 0.0, decimals=2, size=32)
        prob_sum.move_to(at(CHART_X[2], BOTTOM_ROW))
        self.sums = VGroup(exp_sum, prob_sum)
        with self.beat(
            "Then each is divided by their sum, 10.48. The bars shrink into probabilities adding "
            "up to one: 0.26 cat, 0.71 dog, 0.04 bird."
        ) as b:
            b.say(
                0,
                FadeIn(exp_sum),
                Create(chart.axes),
                FadeIn(chart.names, chart.title),
                FadeIn(self.div_arrow),
            )
            self.add(chart)
            self.play(self.flow.normalise(run_time=3.0))
            prob_sum.follow(lambda: float(np.sum(chart.heights_shown())))
            self.play(FadeIn(prob_sum), run_time=0.8)
            exps = [math.exp(v) for v in START]
            self.checkpoint("exponential_sum_readout", exp_sum.value, expected=math.fsum(exps))
            self.check_chart("start_probability", chart, written_softmax(START))
            heights = chart.heights_shown()
            self.checkpoint(
                "probability_bars_sum",
                derived("sum of the drawn probability bars", float(np.sum(heights)), heights),
                expected=1.0,
                tol=TOL,
            )
            self.checkpoint("probability_sum_readout", prob_sum.value, expected=1.0)

    # --- the truth and the loss ------------------------------------------------------------------
    def truth_beat(self) -> None:
        flow = self.flow
        prob = flow.prob_chart
        prob_sum = self.sums[1]
        prob_sum.stop_following()
        move = at(CHART_X[1], CHART_Y) - prob.axes.get_center()
        softmax_label = theme.tex(r"\mathrm{softmax}", size=34).move_to(self.exp_arrow[1])
        truth = theme.tex(r"y = (1,\ 0,\ 0)", size=34, color=theme.GOOD)
        truth.move_to(at(CHART_X[1], BOTTOM_ROW))
        formula = theme.tex(
            r"H(y, p) = -\sum\nolimits_i y_i \ln p_i", r"= -\ln p_{\mathrm{cat}}", size=40
        ).move_to(at(0.9, TOP_ROW))
        lhs, rhs = cast(VMobject, formula[0]), cast(VMobject, formula[1])
        self.formula = formula
        with self.beat(
            "The photo is a cat, so the truth is one-hot: one on cat, zero elsewhere. "
            "Cross-entropy adds up minus truth times log prediction. The zeros wipe out every "
            "term but one: minus the log of the cat's probability."
        ) as b:
            self.play(
                FadeOut(flow.exp_chart, self.div_arrow, self.sums, self.softmax_formula),
                FadeOut(self.exp_arrow[1]),
                FadeIn(softmax_label),
                run_time=1.0,
            )
            self.exp_arrow.remove(self.exp_arrow[1])
            self.play(prob.animate.shift(move), run_time=1.2)
            b.say(0, prob.outline([1.0, 0.0, 0.0]), FadeIn(truth))
            b.say(1, Write(lhs))
            b.say(2, Write(rhs))
            self.checkpoint(
                "truth_outline_height", prob.outline_heights_shown(), expected=[1.0], tol=TOL
            )
            self.checkpoint(
                "truth_outline_over_cat", prob.outline_slots_shown(), expected=[TRUE], tol=TOL
            )
        self.truth = truth
        self.softmax_label = softmax_label

    def curve_beat(self, held: contextlib.ExitStack) -> None:
        curve = LossCurve(self.p_cat_bar, width=CURVE_W, height=CHART_H)
        curve.shift(at(CURVE_LEFT, CHART_Y - CHART_H / 2) - curve.axes.c2p(0, 0))
        labels = curve.axis_labels(
            theme.tex(r"p_{\mathrm{cat}}", size=34, color=theme.MUTED),
            theme.text("loss in nats", size=theme.LABEL_SIZE, color=theme.MUTED),
        )
        self.curve = curve
        self.p_read = Readout(r"p_{\mathrm{cat}}", 0.0, decimals=2, size=34)
        self.ce_read = Readout(r"\mathrm{CE}", 0.0, decimals=2, size=34, color=theme.BAD)
        readouts = VGroup(self.p_read, self.ce_read).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        readouts.move_to(curve.axes.c2p(0.72, 4.2))
        self.p_read.follow(lambda: float(self.p_cat_bar()))
        self.ce_read.follow(lambda: minus_ln(float(self.p_cat_bar())))
        self.step_read = Readout(r"\mathrm{step}", 0, decimals=0, size=34)
        self.step_read.move_to(at(CHART_X[0], BOTTOM_ROW))
        with self.beat(
            "On the curve of minus log p, the loss is the height over the cat's probability, in "
            "nats, the natural-log unit training code reports. At 0.26, it costs 1.35 nats."
        ) as b:
            b.say(0, curve.create(), FadeIn(labels))
            for name, read, tol in self.invariants():
                held.enter_context(self.invariant(name, read, tol=tol))
            b.say(1, FadeIn(readouts))
            self.check_stage("curve", START)

    def invariants(self) -> list[tuple[str, Callable[[], tuple[Any, Any]], float | None]]:
        flow, curve = self.flow, self.curve

        def softmax_of_drawn_logits() -> tuple[Any, Any]:
            logits = flow.logit_chart.heights_shown()
            return flow.prob_chart.heights_shown(), written_softmax([float(v) for v in logits])

        def bars_sum() -> tuple[Any, Any]:
            h = flow.prob_chart.heights_shown()
            return derived("sum of the drawn probability bars", float(np.sum(h)), h), 1.0

        def on_curve() -> tuple[Any, Any]:
            p = float(self.p_cat_bar())
            return curve.dot_shown(), [p, minus_ln(p)]

        return [
            (
                "probability bars are the softmax of the drawn logit bars",
                softmax_of_drawn_logits,
                TOL,
            ),
            ("probability bars sum to one", bars_sum, TOL),
            ("dot sits on minus ln p over the drawn cat bar", on_curve, TOL),
            (
                "loss bar is minus ln of the drawn cat bar",
                lambda: (curve.loss_bar_shown(), minus_ln(float(self.p_cat_bar()))),
                TOL,
            ),
            (
                "p_cat readout is the drawn cat bar",
                lambda: (self.p_read.value, self.p_cat_bar()),
                None,
            ),
            (
                "CE readout is minus ln of the drawn cat bar",
                lambda: (self.ce_read.value, minus_ln(float(self.p_cat_bar()))),
                None,
            ),
        ]

    def reshuffle_beat(self) -> None:
        charts = (self.flow.logit_chart, self.flow.prob_chart)
        with self.beat(
            "Only the cat's probability counts. Move the model's belief from dog to bird, and "
            "the loss does not budge, because the cat still gets 0.26."
        ) as b:
            path = reshuffle_path(START, TRUE, SHARES)
            self.play(self.flow.move(path, charts, run_time=b.sentence(0) + b.sentence(1)))
            self.shuffled = [float(v) for v in path(1.0)]
            # the non-cat share, e^2 + e^−1, split 5 : 95 between dog and bird
            rest = math.exp(START[1]) + math.exp(START[2])
            expected = [START[0], math.log(rest * 0.05), math.log(rest * 0.95)]
            self.check_stage("reshuffled", expected)

    def training_beats(self) -> None:
        charts = (self.flow.logit_chart, self.flow.prob_chart)
        run = gradient_steps(self.shuffled, TRUE, LR, STEPS)
        expected = written_training(self.shuffled, LR, STEPS)

        def step(k: int, run_time: float) -> None:
            self.play(
                self.flow.move(straight_path(run[k - 1], run[k]), charts, run_time=run_time),
                self.step_read.step_to(k),
            )
            self.checkpoint(f"step_readout_after_{k}", self.step_read.value, expected=k)
            if k in (1, STEPS):
                return  # the whole stage is checked there
            p_cat = written_softmax(expected[k])[TRUE]
            self.checkpoint(f"step_{k}_p_cat_readout", self.p_read.value, expected=p_cat)
            self.checkpoint(f"step_{k}_ce_readout", self.ce_read.value, expected=minus_ln(p_cat))

        with self.beat(
            "Training nudges each logit against the gradient, which here is just prediction "
            "minus truth. Cat's logit rises, the others fall: one step takes the loss from 1.35 "
            "to 0.53 nats."
        ) as b:
            b.say(0, FadeIn(self.step_read))
            step(1, b.sentence(1))
            self.check_stage("step_1", expected[1])
        with self.beat(
            "Each further step helps less. After five, the cat has 0.89, and the dot has slid "
            "down to 0.12 nats."
        ) as b:
            for k in range(2, STEPS + 1):
                step(k, (b.sentence(0) + b.sentence(1)) / (STEPS - 1) - 0.05)
            self.check_stage("step_5", expected[STEPS])
        self.trained = expected[STEPS]

    def confident_wrong_beat(self) -> None:
        charts = (self.flow.logit_chart, self.flow.prob_chart)
        with self.beat(
            "Now a model sure the photo is a bird, leaving the cat 0.01. Near zero the curve "
            "shoots up: this confident mistake costs 4.56 nats, almost forty times the trained "
            "loss."
        ) as b:
            self.play(FadeOut(self.step_read), run_time=0.5)
            path = straight_path(self.trained, WRONG)
            b.say(0, self.flow.move(lambda t: path(CLIMB * t), charts))
            b.say(1, self.flow.move(lambda t: path(CLIMB + (1 - CLIMB) * t), charts))
            self.check_stage("confident_wrong", WRONG)


SCENES = [CrossEntropy]
