"""13.2 Logistic Regression: scores squashed by the sigmoid, then a boundary learned by descent.

Five scores, −4, −2, 0, 1 and 3, sit on a score axis; each dot rises straight up onto the
sigmoid, its probability readout following its height (σ(0) = ½, σ(1) ≈ 0.73). Then two
classes of twelve points each (seeded), class 1 round and red, class 0 square and blue. A first
guess w = (1, −1.5), b = 0.5 draws the boundary w·x + b = 0 with its p > ½ side shaded and
w as an arrow; fourteen points are ringed as on the wrong side. Gradient descent on the mean
binary cross-entropy (learning rate ½) turns and shifts the line while the loss is traced beside
it, from 1.08 down to 0.26 after two hundred steps, and the rings drop to one. Last, the trained
model's probability for two points: one deep on the shaded side, one next to the line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Circle,
    Circumscribe,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Indicate,
    Rectangle,
    Square,
    VGroup,
    Write,
)
from scipy import optimize, special

from mathviz import theme
from mathviz.maths.logistic import train, two_classes
from mathviz.primitives.calculus import back_tick_labels
from mathviz.primitives.decision_boundary import (
    CLASS_ONE,
    FLAG,
    ClassScatter,
    DecisionBoundary,
    LossTrace,
    SquashedScores,
    class_legend,
    training_motion,
)
from mathviz.primitives.readout import Readout
from mathviz.readings import derived
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the scores squashed in the first half
SCORES = (-4.0, -2.0, 0.0, 1.0, 3.0)
#: the data: seed, points per class, the classes' centres (unit spread)
SEED, PER_CLASS, CENTRE_ONE, CENTRE_ZERO = 37, 12, (1.0, 0.8), (-1.0, -0.8)
#: the first guess, the learning rate, and the steps at which the story pauses
W0, B0, RATE = (1.0, -1.5), 0.5, 0.5
EARLY, MIDDLE, STEPS = 25, 60, 200
#: the plane's box (square), and the two points asked about at the end
BOX = ((-3.0, 3.0), (-3.0, 3.0))
POINT_A, POINT_B = 8, 7
#: the right-hand column's left edge
PANEL_LEFT = 1.05
TOL = 1e-6


# --- an independent route: the data and the descent replayed in a plain loop (scipy) ---------
def replay() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The points, their labels, and every iterate of w and b, from the seed, by hand."""
    rng = np.random.default_rng(SEED)
    ones = rng.standard_normal((PER_CLASS, 2)) + np.array(CENTRE_ONE)
    zeros = rng.standard_normal((PER_CLASS, 2)) + np.array(CENTRE_ZERO)
    x = np.vstack([ones, zeros])
    y = np.array([1.0] * PER_CLASS + [0.0] * PER_CLASS)
    w, b = np.array(W0, dtype=float), float(B0)
    ws, bs = [w], [b]
    for _ in range(STEPS):
        error = special.expit(x @ w + b) - y
        w = w - RATE * np.array([np.mean(error * x[:, 0]), np.mean(error * x[:, 1])])
        b = b - RATE * float(np.mean(error))
        ws.append(w)
        bs.append(b)
    return x, y, np.array(ws), np.array(bs)


X_DATA, Y_DATA, REPLAY_W, REPLAY_B = replay()


def replay_state(step: float) -> tuple[np.ndarray, float]:
    """w and b of the replay at a fractional step (straight between iterates)."""
    k = min(int(np.floor(step)), STEPS - 1)
    t = float(step) - k
    return (1 - t) * REPLAY_W[k] + t * REPLAY_W[k + 1], float(
        (1 - t) * REPLAY_B[k] + t * REPLAY_B[k + 1]
    )


def log_loss(w: Any, b: Any, x: Any, y: np.ndarray = Y_DATA) -> float:
    """Mean cross-entropy from scipy's log-expit (stable), for any w, b and points."""
    z = np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) + float(b)
    return float(-np.mean(y * special.log_expit(z) + (1 - y) * special.log_expit(-z)))


def optimum() -> np.ndarray:
    """The minimiser of the mean cross-entropy, found by BFGS from zero: (w₁, w₂, b)."""
    found = optimize.minimize(
        lambda v: log_loss(v[:2], v[2], X_DATA), np.zeros(3), method="BFGS", tol=1e-12
    )
    return np.asarray(found.x, dtype=float)


def angle_of(v: Any) -> float:
    return float(np.degrees(np.arctan2(float(v[1]), float(v[0]))))


class LogisticRegression(LectureScene):
    chapter_id = "13.2"

    def construct(self) -> None:
        self.open_chapter("Logistic regression: from a score to a probability.")
        self.squash_beats()
        self.play(FadeOut(*self.mobjects), run_time=0.7)
        self.plane_beats()
        self.training_beats()
        self.probability_beat()
        self.close_chapter(
            "A linear score, a sigmoid, and descent on the cross-entropy.",
            "Logistic regression is a linear score squashed by a sigmoid and trained by "
            "gradient descent on the cross-entropy. Next, neural networks stack many of them.",
        )

    # --- the sigmoid squashing scores ---------------------------------------------------------
    def squash_beats(self) -> None:
        axes = Axes(
            x_range=(-6, 6, 1),
            y_range=(0, 1, 0.5),
            x_length=9.4,
            y_length=5.2,
            axis_config={"color": theme.MUTED, "include_numbers": False},
            tips=False,
        )
        axes.x_axis.add_numbers([-6, -4, -2, 2, 4, 6], font_size=26)
        axes.y_axis.add_numbers([0.5, 1.0], num_decimal_places=1, font_size=26)
        back_tick_labels(axes)
        axes.shift(at(-6.3, -2.6) - axes.c2p(-6, 0))
        names = VGroup(
            theme.text("score z", size=theme.LABEL_SIZE, color=theme.MUTED).next_to(
                axes.c2p(6, 0), DOWN, buff=0.45
            ),
            theme.text("probability p", size=theme.LABEL_SIZE, color=theme.CURVE).next_to(
                axes.c2p(0, 1), UP, buff=0.3
            ),
        )
        names[0].next_to(axes.x_axis.numbers, DOWN, buff=0.15).align_to(axes.c2p(6, 0), RIGHT)
        formula = theme.tex(r"p = \sigma(z) = \frac{1}{1 + e^{-z}}", size=44)
        formula.move_to(at(6.8, 3.05), aligned_edge=RIGHT)
        squash = SquashedScores(axes, SCORES)
        readouts = [
            Readout(rf"\sigma({z:g})", 0.0, decimals=2, size=38, color=theme.DOT) for z in SCORES
        ]
        column = VGroup(*readouts).arrange(DOWN, aligned_edge=LEFT, buff=0.32)
        column.move_to(at(4.35, -0.35), aligned_edge=LEFT)

        def height(i: int) -> Callable[[], float]:
            return lambda: float(squash.dot_shown(i)[1])

        def shows_height(i: int) -> Callable[[], tuple[Any, Any]]:
            return lambda: (readouts[i].value, squash.dot_shown(i)[1])

        for i, readout in enumerate(readouts):
            readout.follow(height(i))
        with self.beat(
            "A linear model hands every example a score, which can be any real number. "
            "Here are five of them on the score axis, from minus four up to three."
        ) as b:
            b.say(0, Create(axes), FadeIn(names[0]))
            b.say(1, squash.create_dots())
            self.checkpoint(
                "scores_on_axis",
                [squash.dot_shown(i)[0] for i in range(len(SCORES))],
                expected=list(SCORES),
                tol=TOL,
            )
        with contextlib.ExitStack() as held:
            for i in range(len(SCORES)):
                held.enter_context(
                    self.invariant(
                        f"readout {i} shows its dot's height",
                        shows_height(i),
                    )
                )
            with self.beat(
                "The sigmoid, one over one plus e to the minus z, bends the whole line into "
                "the gap between zero and one. Each score rises onto the curve, and its height "
                "is a probability."
            ) as b:
                b.say(0, Write(formula), squash.create_curve(), FadeIn(names[1]))
                self.play(FadeIn(column), run_time=0.5)
                b.say(1, squash.lift())
                for i, z in enumerate(SCORES):
                    self.checkpoint(
                        f"sigma_dot_z={z:g}",
                        squash.dot_shown(i),
                        expected=[z, float(special.expit(z))],
                        tol=TOL,
                    )
                    self.checkpoint(
                        f"sigma_readout_z={z:g}", readouts[i].value, expected=special.expit(z)
                    )
        half = DashedLine(
            axes.c2p(-6, 0.5), axes.c2p(6, 0.5), stroke_color=theme.MUTED, stroke_width=2
        )
        with self.beat(
            "Large scores land near one, very negative ones near zero, and a score of exactly "
            "zero lands on one half. A score of one becomes about 0.73."
        ) as b:
            b.say(0, Create(half), Indicate(squash.dots[2], color=theme.ACCENT, scale_factor=1.6))
            b.say(
                1,
                Circumscribe(readouts[3], color=theme.ACCENT),
                Indicate(squash.dots[3], color=theme.ACCENT, scale_factor=1.6),
            )
            self.checkpoint(
                "curve_height_at_0", squash.curve_height_shown(0.0), expected=0.5, tol=1e-3
            )
        for readout in readouts:
            readout.stop_following()

    # --- two classes, a first guess -----------------------------------------------------------
    def plane_beats(self) -> None:
        data = two_classes(
            np.random.default_rng(SEED), PER_CLASS, CENTRE_ONE, CENTRE_ZERO, spread=1.0
        )
        self.training = train(data, W0, B0, RATE, STEPS)
        # the plane's coordinates come from axes kept out of sight: a frame outlines the box,
        # so that no axis line runs through the points and the boundary
        plane = Axes(
            x_range=(-3, 3, 1),
            y_range=(-3, 3, 1),
            x_length=6.7,
            y_length=6.7,
            axis_config={"include_numbers": False, "include_ticks": False, "stroke_opacity": 0},
            tips=False,
        )
        plane.shift(at(-6.5, -3.5) - plane.c2p(-3, -3))
        frame = Rectangle(
            width=6.7, height=6.7, stroke_color=theme.MUTED, stroke_width=2, stroke_opacity=0.7
        ).move_to(plane.c2p(0, 0))
        features = VGroup(
            theme.tex("x_1", size=34, color=theme.MUTED).next_to(plane.c2p(3, -3), UP, buff=0.15),
            theme.tex("x_2", size=34, color=theme.MUTED).next_to(plane.c2p(-3, 3), UP, buff=0.1),
        )
        features[0].shift(0.3 * LEFT)
        features[1].align_to(plane.c2p(-3, 3), LEFT)
        scatter = ClassScatter(plane, data)
        boundary = DecisionBoundary(plane, W0, B0, BOX)
        w_label = theme.tex("w", size=38, color=theme.BASIS_I)

        def beside_tip(label: Any) -> None:
            label.next_to(boundary.arrow.get_end(), RIGHT, buff=0.12).shift(0.1 * DOWN)

        beside_tip(w_label)  # where the arrow's tip lands; it follows once training moves it
        score = theme.tex(r"z = w \cdot x + b", size=40)
        score.move_to(at(PANEL_LEFT, 3.3), aligned_edge=LEFT)
        # the key to the shading, on the formula's row
        swatch = Square(side_length=0.36, stroke_color=theme.MUTED, stroke_width=1.5)
        swatch.set_fill(CLASS_ONE, opacity=boundary.shade_opacity * 2)
        key = VGroup(swatch, theme.tex(r"p > \tfrac{1}{2}", size=36)).arrange(RIGHT, buff=0.2)
        key.move_to(at(6.55, 3.3), aligned_edge=RIGHT)
        legend = class_legend().move_to(at(PANEL_LEFT, -3.5), aligned_edge=LEFT)
        self.legend_group = legend
        self.plane, self.scatter, self.boundary = plane, scatter, boundary
        with self.beat(
            "Now every example has two features, and belongs to one of two classes: red dots "
            "are class one, blue squares class zero. The score is w dot x plus b; the line "
            "where it is zero is the decision boundary, and on the shaded side the probability "
            "is above one half."
        ) as b:
            b.say(0, Create(frame), FadeIn(features), scatter.create(), FadeIn(legend))
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(Write(score), boundary.create()),
                    AnimationGroup(FadeIn(w_label), FadeIn(key, shift=0.2 * LEFT)),
                    lag_ratio=0.8,
                ),
            )
            self.checkpoint(
                "points_drawn", scatter.points_shown(), expected=X_DATA.tolist(), tol=TOL
            )
            classes = scatter.classes_shown()
            self.checkpoint(
                "class_one_dots",
                derived("round markers drawn", int(np.sum(classes)), classes),
                expected=int(sum(Y_DATA)),
            )
            self.check_boundary("first_guess", 0)
        w_label.add_updater(beside_tip)
        self.loss_panel(score)

    def check_boundary(self, name: str, step: float) -> None:
        """The drawn line's slope and intercept and the drawn w against the replay."""
        w, b = replay_state(step)
        boundary = self.boundary
        self.checkpoint(f"{name}_slope", boundary.slope_shown(), expected=-w[0] / w[1], tol=TOL)
        self.checkpoint(
            f"{name}_intercept", boundary.intercept_shown(), expected=-b / w[1], tol=TOL
        )
        self.checkpoint(f"{name}_w_arrow", boundary.weights_shown(), expected=w, tol=TOL)

    def loss_panel(self, score: Any) -> None:
        axes = Axes(
            x_range=(0, STEPS, 50),
            y_range=(0, 1.2, 0.5),
            x_length=5.0,
            y_length=2.5,
            axis_config={"color": theme.MUTED, "include_numbers": False},
            tips=False,
        )
        axes.x_axis.add_numbers([50, 100, 150, 200], font_size=22)
        axes.y_axis.add_numbers([0.5, 1.0], num_decimal_places=1, font_size=22)
        axes.shift(at(PANEL_LEFT + 0.55, -0.45) - axes.c2p(0, 0))
        names = VGroup(
            theme.text("step", size=22, color=theme.MUTED).next_to(
                axes.x_axis.numbers, DOWN, buff=0.1
            ),
            theme.text("loss", size=22, color=theme.CURVE).next_to(axes.c2p(0, 1.2), RIGHT, 0.2),
        )
        names[0].align_to(axes.x_axis.numbers, RIGHT)
        formula = theme.tex(
            r"L = -\tfrac{1}{n}\sum \big[\,y\log p + (1-y)\log(1-p)\,\big]", size=32
        )
        formula.next_to(score, DOWN, buff=0.3, aligned_edge=LEFT)
        training = self.training
        samples = np.unique(np.concatenate([np.linspace(0, 30, 121), np.arange(30, STEPS + 1)]))
        trace = LossTrace(axes, training.loss_at, samples)
        k_read = Readout(r"\text{step}", 0, decimals=0, size=34)
        loss_read = Readout(r"\text{loss}", 0.0, decimals=2, size=34, color=theme.CURVE)
        wrong_read = Readout(r"\text{wrong side}", 0, decimals=0, size=34, color=FLAG)
        panel = VGroup(k_read, loss_read, wrong_read).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        panel.move_to(at(PANEL_LEFT + 0.6, -2.2), aligned_edge=LEFT)
        ring = Circle(radius=0.17, stroke_color=FLAG, stroke_width=3.5)
        ring.next_to(wrong_read, LEFT, buff=0.25)
        boundary, scatter = self.boundary, self.scatter
        k_read.follow(lambda: max(0.0, float(trace.tip_shown()[0])))
        loss_read.follow(lambda: trace.tip_shown()[1])
        wrong_read.follow(scatter.flags_shown)
        self.trace, self.k_read, self.loss_read, self.wrong_read = (
            trace,
            k_read,
            loss_read,
            wrong_read,
        )
        self.loss_axes = axes
        with self.beat(
            "Grade the guess with the mean cross-entropy, which punishes a confident mistake "
            "hardest: this first line scores about 1.08. It leaves fourteen points on the wrong "
            "side, each ringed in yellow."
        ) as b:
            # the readouts read through the loss axes: bring them in once the axes stand
            first = b.sentence(0)
            self.play(Write(formula), Create(axes), FadeIn(names), run_time=0.6 * first)
            b.say(0, trace.create(), FadeIn(VGroup(k_read, loss_read)))
            self.play(FadeIn(wrong_read), Create(ring), run_time=0.5)
            scatter.flag_wrong_side(boundary)
            wrong_read.number.update(0)  # no frame is drawn before the rings start growing
            with self.invariant(
                "wrong-side readout counts the rings while they are drawn",
                lambda: (wrong_read.value, scatter.flags_shown()),
            ):
                b.say(
                    1,
                    AnimationGroup(
                        *(Create(r) for r in scatter.flags if r.get_stroke_opacity() > 0),
                        lag_ratio=0.15,
                    ),
                )
            self.check_loss("start", 0)

    def check_loss(self, name: str, step: int) -> None:
        """The loss readout, the traced tip, the rings and the step counter against the replay."""
        w, b = replay_state(step)
        expected = log_loss(w, b, X_DATA)
        wrong = int(np.sum((X_DATA @ w + b > 0) != (Y_DATA == 1)))
        self.checkpoint(f"loss_readout_{name}", self.loss_read.value, expected=expected)
        self.checkpoint(
            f"loss_tip_{name}", self.trace.tip_shown(), expected=[step, expected], tol=TOL
        )
        self.checkpoint(f"rings_{name}", self.scatter.flags_shown(), expected=wrong)
        self.checkpoint(f"wrong_readout_{name}", self.wrong_read.value, expected=wrong)
        self.checkpoint(f"step_readout_{name}", self.k_read.value, expected=step)

    # --- training ---------------------------------------------------------------------------
    def training_beats(self) -> None:
        boundary, scatter, trace = self.boundary, self.scatter, self.trace
        training = self.training

        def drawn_loss() -> Any:
            w, b = boundary.weights_shown(), boundary.bias_shown()
            points = scatter.points_shown()
            return derived(
                "mean cross-entropy of the drawn boundary over the drawn points",
                log_loss(w, b, points),
                w,
                b,
                points,
            )

        def replay_at_tip(part: str) -> tuple[Any, float]:
            step = float(trace.tip_shown()[0])
            w, b = replay_state(step)
            if part == "slope":
                return boundary.slope_shown(), -w[0] / w[1]
            return boundary.intercept_shown(), -b / w[1]

        def misplaced_rings() -> Any:
            wrong = scatter.wrong_side_shown(boundary)
            flagged = set(scatter.flagged_shown())
            mismatches = sum(1 for i, bad in enumerate(wrong) if bool(bad) != (i in flagged))
            return derived(
                "points whose ring disagrees with their drawn side",
                mismatches,
                wrong,
                scatter.flags_shown(),
            )

        with contextlib.ExitStack() as held:
            for name, read, tol in (
                (
                    "loss readout is the drawn boundary's cross-entropy",
                    lambda: (self.loss_read.value, drawn_loss()),
                    None,
                ),
                (
                    "traced tip is the drawn boundary's cross-entropy",
                    lambda: (trace.tip_shown()[1], drawn_loss()),
                    TOL,
                ),
                (
                    "drawn slope is the replayed descent's at the traced step",
                    lambda: replay_at_tip("slope"),
                    TOL,
                ),
                (
                    "drawn intercept is the replayed descent's at the traced step",
                    lambda: replay_at_tip("intercept"),
                    TOL,
                ),
                (
                    "step readout is the traced step",
                    lambda: (self.k_read.value, trace.tip_shown()[0]),
                    None,
                ),
                (
                    "wrong-side readout counts the rings",
                    lambda: (self.wrong_read.value, scatter.flags_shown()),
                    None,
                ),
                ("rings sit exactly on the wrong-side points", lambda: (misplaced_rings(), 0), 0.0),
                (
                    "the arrow w stands on the line",
                    lambda: (boundary.arrow_foot_gap_shown(), 0.0),
                    TOL,
                ),
            ):
                held.enter_context(self.invariant(name, read, tol=tol))
            with self.beat(
                "Gradient descent nudges w and b downhill on that loss, with a learning rate of "
                "one half. The line turns and slides, the loss curve drops, and the rings "
                "vanish one by one."
            ) as b:
                b.say(0, training_motion(training, boundary, scatter, trace, 3))
                b.say(1, training_motion(training, boundary, scatter, trace, EARLY))
                self.check_boundary("step_25", EARLY)
                self.check_loss("step_25", EARLY)
            with self.beat(
                "By step twenty five a single point is left on the wrong side: a red dot deep "
                "among the blue squares, which no straight line can rescue. After two hundred "
                "steps the loss has flattened at 0.26, and the line has stopped moving."
            ) as b:
                b.say(0, training_motion(training, boundary, scatter, trace, MIDDLE))
                b.say(1, training_motion(training, boundary, scatter, trace, STEPS))
                self.check_boundary("step_200", STEPS)
                self.check_loss("step_200", STEPS)
                best = optimum()
                self.checkpoint(
                    "w_direction_converged",
                    derived(
                        "angle of the drawn arrow w",
                        angle_of(boundary.weights_shown()),
                        boundary.weights_shown(),
                    ),
                    expected=angle_of(best[:2]),
                    tol=0.1,
                )

    # --- the learned probability of one point ------------------------------------------------
    def probability_beat(self) -> None:
        boundary, scatter = self.boundary, self.scatter

        def probability(i: int) -> Callable[[], float]:
            def read() -> float:
                x = scatter.points_shown()[i]
                return float(special.expit(boundary.weights_shown() @ x + boundary.bias_shown()))

            return read

        tags, rings, readouts = VGroup(), VGroup(), []
        away = boundary.weights_shown() / np.linalg.norm(boundary.weights_shown())
        for name, i, direction in (("A", POINT_A, LEFT), ("B", POINT_B, np.array([*away, 0.0]))):
            centre = scatter.markers[i].get_center()
            rings.add(Circle(radius=0.3, stroke_color=theme.TEXT, stroke_width=3).move_to(centre))
            tags.add(theme.tex(name, size=36).next_to(centre, direction, buff=0.42))
            readout = Readout(rf"p({name})", 0.0, decimals=2, size=38, color=theme.TEXT)
            readout.follow(probability(i))
            readouts.append(readout)
        column = VGroup(*readouts).arrange(RIGHT, buff=0.8)
        column.move_to(at(PANEL_LEFT, -3.45), aligned_edge=LEFT)
        with self.beat(
            "Ask the trained model about point A, deep on the shaded side: its probability of "
            "class one is 0.97. Point B sits almost on the line, and the model says 0.56, "
            "barely more than a coin flip."
        ) as b:
            self.play(FadeOut(self.legend_group), run_time=0.5)
            b.say(0, Create(rings[0]), Write(tags[0]), FadeIn(readouts[0]))
            b.say(1, Create(rings[1]), Write(tags[1]), FadeIn(readouts[1]))
            for name, i, readout in (("A", POINT_A, readouts[0]), ("B", POINT_B, readouts[1])):
                w, bias = replay_state(STEPS)
                expected = float(special.expit(X_DATA[i] @ w + bias))
                self.checkpoint(f"probability_{name}", readout.value, expected=expected)
        for readout in (*readouts, self.k_read, self.loss_read, self.wrong_read):
            readout.stop_following()  # nothing moves any more; the end card clears them


SCENES = [LogisticRegression]
