"""13.3 Neural Networks: a forward pass with live activations, backprop, and a gradient check.

A network of two inputs, three tanh hidden neurons and one sigmoid output, its weights drawn
as edges (thickness: size; blue: positive, red: negative). The inputs (1, 0.5) travel left
to right as pulses; each hidden neuron's gauge sweeps to its activation and its value appears;
the output gives ŷ ≈ 0.72 and, for the label y = 1, the cross-entropy loss −log ŷ ≈ 0.326.
Then the backward pass: the error ŷ − y leaves the output in orange, and each edge's ∂L/∂w
appears on the edge as the signal passes it back. The gradient check nudges the weight from
x₁ to the first hidden neuron by ±0.01, reruns the forward pass each time (the loss readout
follows the output live), and the central difference matches backprop's slope to four
decimals. Finally one step of gradient descent moves every weight, and the loss falls.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Circumscribe,
    FadeIn,
    FadeOut,
    Rectangle,
    Succession,
    TransformFromCopy,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.network import TinyMLP, binary_cross_entropy
from mathviz.primitives.network_diagram import BACKWARD, NEGATIVE, POSITIVE, NetworkDiagram
from mathviz.primitives.panel import card_for
from mathviz.primitives.readout import Readout
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the network: hidden weights W (row j feeds hidden neuron j), biases b, output weights v, c
W = [[0.9, -0.4], [-0.7, 0.8], [0.5, 0.6]]
B = [0.1, 0.0, -0.3]
V = [1.2, -0.8, 0.7]
C = -0.4
NET = TinyMLP.of(W, B, V, C)
#: the one training example
X, Y = (1.0, 0.5), 1.0
#: the weight checked by finite differences (input 1 -> hidden neuron 1) and the nudge
CHECKED, EPS = ("W", (0, 0)), 0.01
#: the learning rate of the closing gradient-descent step
LR = 0.5

#: the right-hand column's left edge
RIGHT_X = 2.75


def plain_forward(net: TinyMLP) -> tuple[np.ndarray, float]:
    """Hidden activations and output of ``net`` on the example, written out neuron by neuron
    with ``math`` (not the model's matrix code): the readouts' truth in motion."""
    hidden = [math.tanh(sum(net.W[j][k] * X[k] for k in range(2)) + net.b[j]) for j in range(3)]
    logit = sum(net.v[j] * hidden[j] for j in range(3)) + net.c
    return np.array(hidden), 1.0 / (1.0 + math.exp(-logit))


class NeuralNetworks(LectureScene):
    chapter_id = "13.3"

    def construct(self) -> None:
        self.open_chapter("A neural network learns through the chain rule, run backwards.")
        self.diagram = NetworkDiagram(NET, X, columns=(-5.5, -2.0, 1.4), spacing=(2.5, 2.5))
        self.network_beat()
        with self.invariant(
            "every value shown reads its own gauge",
            lambda: (self.diagram.gauge_mismatch_shown(), 0.0),
            tol=0.005 + 1e-9,
        ):
            self.forward_beats()
            with self.loss_follows_output():
                self.backward_beats()
                self.check_beats()
                self.descent_beat()
        self.close_chapter(
            "Forward to predict;  backward to get every slope at once.",
            "Backpropagation is the chain rule applied layer by layer, and a finite "
            "difference is how you check it. Next, dimensionality reduction.",
        )

    # --- the network ------------------------------------------------------------------------
    def network_beat(self) -> None:
        d = self.diagram
        names = VGroup(
            *(
                theme.tex(f"x_{k + 1}", size=40, color=theme.MUTED).next_to(
                    d.layers[0][k].disc, LEFT, buff=0.2
                )
                for k in range(2)
            )
        )
        captions = VGroup(
            theme.text("inputs", size=theme.LABEL_SIZE, color=theme.MUTED).next_to(
                d.layers[0][1].disc, DOWN, buff=0.3
            ),
            theme.text("hidden: tanh", size=theme.LABEL_SIZE, color=theme.MUTED).next_to(
                d.layers[1][2].disc, DOWN, buff=0.25
            ),
            theme.text("output: sigmoid", size=theme.LABEL_SIZE, color=theme.MUTED)
            .next_to(d.layers[2][0].disc, DOWN, buff=0.3)
            .shift(0.75 * RIGHT),
        )
        key = VGroup(
            *(
                VGroup(
                    _swatch(color),
                    theme.text(f"{sign} weight", size=theme.SMALL_SIZE, color=theme.MUTED),
                ).arrange(RIGHT, buff=0.2)
                for color, sign in ((POSITIVE, "positive"), (NEGATIVE, "negative"))
            )
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        key.move_to(at(RIGHT_X + 0.1, -3.2), aligned_edge=LEFT)
        self.declare_shown(d.layers[0][0].number, "the example's first input, given")
        self.declare_shown(d.layers[0][1].number, "the example's second input, given")
        with self.beat(
            "Here is a tiny network: two inputs, three hidden neurons and one output. "
            "Every edge is a weight, drawn thicker the larger it is, blue when positive "
            "and red when negative."
        ) as b:
            b.say(0, d.create(), FadeIn(names), FadeIn(captions))
            b.say(1, d.swell_all(), FadeIn(key))
            self.checkpoint(
                "weights_as_drawn",
                d.weights_shown(),
                expected=[*np.ravel(W), *V],
                tol=1e-9,
            )
            self.checkpoint("inputs_shown", d.values_shown(0), expected=list(X))
        self.captions = VGroup(names, captions, key)

    def forward_beats(self) -> None:
        d = self.diagram
        hidden, y_hat = plain_forward(NET)
        rows = [
            theme.tex(r"h = \tanh(W x + b)", size=38),
            theme.tex(r"\hat y = \sigma(v \cdot h + c)", size=38),
            theme.tex(r"L = -\log \hat y, \quad y = 1", size=38),
        ]
        VGroup(*rows).arrange(DOWN, aligned_edge=LEFT, buff=0.32).to_edge(UP, buff=0.35)
        VGroup(*rows).set_x(RIGHT_X + 0.1, LEFT)
        self.formulas = VGroup(*rows)
        with self.beat(
            "The example's inputs are one and one half. Each hidden neuron adds up its "
            "weighted inputs and a bias, then squashes the sum with tanh into the range "
            "minus one to one."
        ) as b:
            b.say(0, Write(rows[0]))
            b.say(1, d.forward(1, hidden))
            self.checkpoint("hidden_activations", d.values_shown(1), expected=list(hidden))
            self.checkpoint("hidden_gauges", d.gauge_shown(1), expected=list(hidden), tol=1e-9)
        self.play(FadeIn(self.formulas[1]), run_time=0.6)
        with self.beat(
            "The three activations travel on to the output, whose sigmoid turns their "
            "weighted sum into a probability of 0.72."
        ) as b:
            b.say(0, d.forward(2, [y_hat]))
            self.checkpoint("output", d.value_shown(2), expected=y_hat)
        self.hidden, self.y_hat = hidden, y_hat

    @contextlib.contextmanager
    def loss_follows_output(self) -> Iterator[None]:
        """The loss card (L of the output as drawn) and its invariant, from its beat on."""
        d = self.diagram
        loss = Readout("L", 0.0, decimals=4, size=40, color=theme.ACCENT)
        error = Readout(r"\hat y - y", 0.0, decimals=2, size=36, color=BACKWARD)

        def output_gauge() -> Any:
            """The output neuron's gauge, read from its arc."""
            return d.gauge_shown(2)[0]

        loss.follow(lambda: binary_cross_entropy(float(output_gauge()), Y))
        error.follow(lambda: float(output_gauge()) - Y)
        rows = VGroup(loss, error).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        rows.move_to(at(RIGHT_X + 0.6, 0.4), aligned_edge=LEFT)
        card = card_for(rows)
        arrow = Arrow(
            d.layers[2][0].disc.get_right(), card.get_left(), buff=0.08, color=theme.MUTED
        )

        self.loss, self.error = loss, error
        with self.beat(
            "The true label is one, so the cross-entropy loss is minus the log of 0.72, "
            "about 0.3260. Training means pushing that number down."
        ) as b:
            b.say(0, Write(self.formulas[2]), FadeIn(card), FadeIn(loss))
            b.say(1, Circumscribe(loss, color=theme.ACCENT), FadeIn(arrow))
            y_hat = plain_forward(NET)[1]
            self.checkpoint("loss", loss.value, expected=-math.log(y_hat))
            self.checkpoint(
                "loss_from_output_gauge",
                derived(
                    "cross-entropy of the output gauge", -math.log(output_gauge()), output_gauge()
                ),
                expected=-math.log(y_hat),
                tol=1e-9,
            )
        self.loss_card = VGroup(card, rows, arrow)
        with (
            self.invariant(
                "loss readout is minus log of the output gauge",
                lambda: (loss.value, -math.log(float(output_gauge()))),
            ),
            self.invariant(
                "error readout is the output gauge minus the label",
                lambda: (error.value, float(output_gauge()) - 1.0),
            ),
        ):
            yield
        loss.stop_following()
        error.stop_following()

    # --- the backward pass --------------------------------------------------------------------
    def backward_beats(self) -> None:
        d = self.diagram
        grads = NET.backward(X, Y)
        chain = theme.tex(
            r"\frac{\partial L}{\partial w} = \delta_{\text{head}} \cdot a_{\text{tail}}",
            size=38,
            color=BACKWARD,
        )
        chain.move_to(at(RIGHT_X + 0.1, -2.0), aligned_edge=LEFT)
        error_expected = self.y_hat - Y
        with self.beat(
            "Now run it backwards. The signal leaving the output is prediction minus label, "
            "minus 0.28, and each output weight's slope is that signal times the activation "
            "at the edge's tail."
        ) as b:
            b.say(0, FadeIn(self.error), FadeIn(chain))
            b.say(1, d.backward(2, grads))
            self.checkpoint("error_signal", self.error.value, expected=error_expected)
            for j in range(3):
                self.checkpoint(
                    f"dL/dv{j + 1}",
                    d.gradient_shown("v", (j,)),
                    expected=error_expected * self.hidden[j],
                )
        with self.beat(
            "At each hidden neuron the signal is scaled by its outgoing weight and by the "
            "slope of tanh, one minus h squared. Then every first-layer weight gets its "
            "slope the same way: the signal at its head times the input at its tail."
        ) as b:
            self.play(d.backward(1, grads, stagger=0.2), run_time=b.sentence(0) + b.sentence(1))
            for j in range(3):
                delta = error_expected * V[j] * (1 - self.hidden[j] ** 2)
                for k in range(2):
                    self.checkpoint(
                        f"dL/dW{j + 1}{k + 1}",
                        d.gradient_shown("W", (j, k)),
                        expected=delta * X[k],
                    )
            self.checkpoint("gradient_tags_drawn", d.tags_shown(), expected=9)
        self.chain = chain

    # --- the gradient check -----------------------------------------------------------------
    def check_beats(self) -> None:
        d = self.diagram
        name, index = CHECKED
        up, down = NET.nudged(name, index, EPS), NET.nudged(name, index, -EPS)
        plus = Readout(r"L(w + 0.01)", 0.0, decimals=4, size=32)
        minus = Readout(r"L(w - 0.01)", 0.0, decimals=4, size=32)
        fd = Readout(r"(L_+ - L_-)/0.02", 0.0, decimals=4, size=32, color=theme.ACCENT)
        bp = Readout(r"\partial L / \partial w", 0.0, decimals=4, size=32, color=BACKWARD)
        edge = d.edge(name, index)
        w_mark = theme.tex("w", size=40, color=theme.ACCENT)
        w_mark.move_to(edge.point_from_proportion(0.35) + 0.4 * UP + 0.15 * LEFT)
        self.declare_shown(plus.label, "the nudge, ε = 0.01")
        self.declare_shown(minus.label, "the nudge, ε = 0.01")
        self.declare_shown(fd.label, "twice the nudge, 0.02")
        rows = VGroup(plus, minus, fd, bp).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        rows.move_to(at(RIGHT_X, -2.45), aligned_edge=LEFT)
        # the comparison: both numbers in one column
        bp.number.align_to(fd.number, LEFT)
        self.play(FadeOut(self.captions[2], self.chain), run_time=0.6)
        with self.beat(
            "Is that right? Check one weight the slow way: nudge the weight from the first "
            "input to the first hidden neuron up by 0.01, and run the forward pass again."
        ) as b:
            b.say(0, d.highlight(name, index), Write(w_mark))
            b.say(1, self.rerun(up))
            plus.set(float(self.loss.value))
            self.play(TransformFromCopy(self.loss.number, plus.number), FadeIn(plus.label))
            lp, lm = (binary_cross_entropy(plain_forward(n)[1], Y) for n in (up, down))
            self.checkpoint("loss_nudged_up", plus.value, expected=lp)
        with self.beat(
            "The loss falls to 0.3242. Nudge it down instead, and it rises to 0.3279."
        ) as b:
            b.say(0, Circumscribe(plus, color=theme.ACCENT))
            b.say(1, self.rerun(down))
            minus.set(float(self.loss.value))
            self.play(TransformFromCopy(self.loss.number, minus.number), FadeIn(minus.label))
            self.checkpoint("loss_nudged_down", minus.value, expected=lm)
        tag = d.tag(name, index).label
        fd.set(NET.finite_difference(X, Y, name, index, EPS)[2])
        bp.set(NET.backward(X, Y).of(name, index))
        with self.beat(
            "Their difference over 0.02 is minus 0.1866, the same slope backprop wrote on that "
            "edge. Gradient checks like this are how autodiff libraries are tested."
        ) as b:
            b.say(0, FadeIn(fd), TransformFromCopy(tag, bp.number), FadeIn(bp.label))
            b.say(1, self.rerun(NET), Circumscribe(VGroup(fd, bp), color=theme.ACCENT))
            self.checkpoint("finite_difference", fd.value, expected=central_difference())
            self.checkpoint("backprop_slope", bp.value, expected=central_difference())
            self.checkpoint(
                "finite_difference_from_shown_losses",
                derived(
                    "(L+ − L−) / 0.02 from the printed losses",
                    (float(plus.value) - float(minus.value)) / (2 * EPS),
                    plus.value,
                    minus.value,
                ),
                expected=central_difference(),
                tol=0.0051,
            )
            self.checkpoint("loss_restored", self.loss.value, expected=self.loss_at(NET))
        self.check_rows = VGroup(rows, w_mark)

    def descent_beat(self) -> None:
        d = self.diagram
        stepped = NET.sgd_step(X, Y, LR)
        rule = theme.tex(r"w \leftarrow w - 0.5\,\frac{\partial L}{\partial w}", size=40)
        rule.move_to(at(RIGHT_X + 0.1, -2.45), aligned_edge=LEFT)
        self.declare_shown(rule, "the learning rate of the step, 0.5")
        self.play(FadeOut(self.check_rows), run_time=0.6)
        with self.beat(
            "With every slope known, one step of gradient descent moves all the weights "
            "against their gradients at once. Run forward again, and the loss drops from "
            "0.3260 to 0.1865."
        ) as b:
            b.say(0, d.retune(stepped), Write(rule))
            b.say(1, self.rerun(stepped))
            self.checkpoint("loss_after_step", self.loss.value, expected=self.loss_at(stepped))
            self.checkpoint(
                "output_after_step", d.value_shown(2), expected=plain_forward(stepped)[1]
            )
            self.checkpoint(
                "error_after_step", self.error.value, expected=plain_forward(stepped)[1] - Y
            )
            self.checkpoint(
                "weights_after_step",
                d.weights_shown(),
                expected=[*np.ravel(stepped.W), *stepped.v],
                tol=1e-9,
            )

    # --- helpers -------------------------------------------------------------------------------
    def rerun(self, net: TinyMLP) -> Succession:
        """The forward pass again, through ``net``: hidden layer, then output."""
        hidden, y_hat = plain_forward(net)
        return Succession(self.diagram.forward(1, hidden), self.diagram.forward(2, [y_hat]))

    @staticmethod
    def loss_at(net: TinyMLP) -> float:
        return -math.log(plain_forward(net)[1])


def central_difference() -> float:
    """The checked weight's slope by a central difference on a plain-numpy forward pass."""
    W0 = np.array(W, dtype=float)
    h = 1e-5

    def loss(w00: float) -> float:
        W1 = W0.copy()
        W1[0, 0] = w00
        hidden = np.tanh(W1 @ np.array(X) + np.array(B))
        return float(np.log1p(np.exp(-(np.array(V) @ hidden + C))))

    return (loss(W0[0, 0] + h) - loss(W0[0, 0] - h)) / (2 * h)


def _swatch(color: object) -> Rectangle:
    return Rectangle(width=0.45, height=0.12, fill_color=color, fill_opacity=1.0, stroke_width=0)


SCENES = [NeuralNetworks]
