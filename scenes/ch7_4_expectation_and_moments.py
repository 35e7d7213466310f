"""7.4 Expectation & Moments: the dice game on a balance beam, its spread as squares, and a
running average settling onto the expectation.

One roll of a die: a one or a two wins 100, three to six loses 200. The six faces drop onto a
number line as blocks, a third of the weight at +100 and two thirds at −200; the beam tips
towards the losses until the fulcrum slides to −100, where it hangs level: E[X] = −100, twice
the weight at half the distance. Squares from the mean to each outcome (areas 40 000 and
10 000), squashed by their probabilities and laid side by side, make one area of 20 000, the
variance; reshaped into a square, its side is the standard deviation, about 141.4. Then a
thousand seeded rounds: one dot per round on a log rounds axis, and their running average
wobbling and settling onto the dashed line at −100; a quieter game with the same mean
(lose 50 or 150 on a coin flip, σ = 50) hugs the line sooner.
"""

from __future__ import annotations

import contextlib
import math
from fractions import Fraction
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Brace,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Flash,
    Indicate,
    LaggedStart,
    ManimColor,
    Succession,
    Transform,
    VGroup,
    Write,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.expectation import DiscreteGame, simulate
from mathviz.primitives.balance import (
    BalanceBeam,
    SpreadSquares,
    die_face,
    faces_shown,
    pips_shown,
)
from mathviz.primitives.readout import Readout
from mathviz.primitives.running_mean import RunningMean, level_line, rounds_axes
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the game: a one or a two (of six faces) wins 100, three to six lose 200
GAME = DiscreteGame.of((100, -200), ("1/3", "2/3"))
FACES = {100: (1, 2), -200: (3, 4, 5, 6)}
#: the quieter game with the same mean: lose 50 or lose 150 on a coin flip
QUIET = DiscreteGame.of((-50, -150), ("1/2", "1/2"))
SEED, QUIET_SEED, ROUNDS, EARLY = 9, 109, 1000, 10
WIN, LOSS, MEAN, QUIET_COLOR = theme.GOOD, theme.BAD, theme.ACCENT, theme.VECTOR_SECOND
#: the standard deviation, a spread (not a mean)
SPREAD = theme.PROJECTION
#: the beam's number line: its left end, its height, and the right-hand column
BEAM_LEFT, BEAM_Y, COLUMN_X = -6.35, -0.55, 3.85
TOL = 1e-6


def exact_mean(values: tuple[int, ...], weights: tuple[Fraction, ...]) -> Fraction:
    """Σ w·x written out with fractions: the route the checkpoints compare against."""
    total = Fraction(0)
    for x, w in zip(values, weights, strict=True):
        total += w * x
    return total


def face_fill(face: Any, color: ManimColor) -> Animation:
    """Recolour a die face's body (the whole face is animated, so its pips stay on top)."""
    target = face.copy()
    target.body.set_fill(color)
    return Transform(face, target)


class ExpectationAndMoments(LectureScene):
    chapter_id = "7.4"

    def construct(self) -> None:
        self.open_chapter("One roll of a die decides a bet. What is the bet worth?")
        self.game_beats()
        self.balance_beats()
        self.spread_beats()
        self.simulation_beats()
        self.close_chapter(
            "Expectation balances;  variance measures the spread.",
            "The expectation is where the outcomes balance, and the variance says how far "
            "they spread around it. Next, common distributions.",
        )

    # --- the game as weights on a beam ------------------------------------------------------
    def game_beats(self) -> None:
        beam = BalanceBeam(
            GAME,
            blocks=[len(FACES[100]), len(FACES[-200])],
            colors=[WIN, LOSS],
            prob_height=3.0,
        )
        beam.shift(at(BEAM_LEFT, BEAM_Y) - beam.line.get_start())
        self.beam = beam
        faces = VGroup(*(die_face(v) for v in range(1, 7))).arrange(RIGHT, buff=0.3)
        faces.move_to(at(-1.6, 2.7))
        win_faces, loss_faces = faces[:2], faces[2:]
        win_note = theme.tex(r"\text{win } 100", size=38, color=WIN)
        loss_note = theme.tex(r"\text{lose } 200", size=38, color=LOSS)
        win_note.next_to(win_faces, DOWN, buff=0.25)
        loss_note.next_to(loss_faces, DOWN, buff=0.25)
        with self.beat(
            "Roll a fair die. A one or a two wins you 100 dollars, and anything from three "
            "to six loses you 200."
        ) as beat:
            beat.say(0, LaggedStart(*(FadeIn(f, shift=0.3 * DOWN) for f in faces), lag_ratio=0.2))
            beat.say(
                1,
                AnimationGroup(
                    AnimationGroup(*(face_fill(f, WIN) for f in win_faces), Write(win_note)),
                    AnimationGroup(*(face_fill(f, LOSS) for f in loss_faces), Write(loss_note)),
                    lag_ratio=0.6,
                ),
            )
            self.checkpoint("faces_drawn", faces_shown(faces), expected=len(range(1, 7)))
            self.checkpoint("face_values", pips_shown(faces), expected=list(range(1, 7)))
            self.checkpoint(
                "winning_faces",
                faces_shown(faces, WIN),
                expected=sum(1 for v in range(1, 7) if v <= 2),
            )
        with self.beat(
            "Each face carries one sixth of the probability. Drop the faces onto a number "
            "line at their payoffs: one third of the weight lands on plus 100, two thirds "
            "on minus 200."
        ) as beat:
            beat.say(0, beam.create(), FadeOut(win_note, loss_note))
            targets = beam.weight_targets()
            beam.add(beam.weight_labels)
            beat.say(
                1,
                AnimationGroup(
                    LaggedStart(
                        *(Transform(f, t) for f, t in zip(faces, targets, strict=True)),
                        lag_ratio=0.15,
                    ),
                    FadeIn(beam.weight_labels),
                    lag_ratio=0.7,
                ),
            )
            self.remove(*faces)
            beam.land_weights()
            self.checkpoint("blocks_per_outcome", beam.blocks_shown(), expected=[2, 4])
            self.checkpoint(
                "weights_as_probabilities",
                beam.weights_shown(),
                expected=[float(Fraction(2, 6)), float(Fraction(4, 6))],
                tol=TOL,
            )
            self.checkpoint(
                "weights_stand_at_payoffs",
                beam.positions_shown(),
                expected=[100.0, -200.0],
                tol=TOL,
            )

    def balance_beats(self) -> None:
        beam = self.beam
        reading = Readout(r"\text{fulcrum}", 0.0, decimals=0, color=MEAN, size=36)
        reading.move_to(at(COLUMN_X, -2.2), aligned_edge=LEFT)
        reading.follow(beam.fulcrum_shown)
        self.fulcrum_reading = reading
        formula = theme.tex(
            r"\mathbb{E}[X]",
            "=",
            r"\tfrac{1}{3}\cdot 100",
            "+",
            r"\tfrac{2}{3}\cdot(-200)",
            "=",
            "-100",
            size=42,
        )
        formula[2].set_color(WIN)
        formula[4].set_color(LOSS)
        formula[6].set_color(MEAN)
        formula.move_to(at(-1.2, 3.35))
        self.declare_shown(formula[2], "the brief's payoff and probability")
        self.declare_shown(formula[4], "the brief's payoff and probability")
        held = contextlib.ExitStack()
        held.enter_context(
            self.invariant(
                "fulcrum readout equals the drawn fulcrum",
                lambda: (reading.value, beam.fulcrum_shown()),
            )
        )
        with self.beat(
            "With the fulcrum at zero, the beam tips towards the losses. Slide the fulcrum "
            "left, and at minus 100 the beam hangs level. That balance point is the "
            "expected value."
        ) as beat:
            beat.say(0, beam.tip(), FadeIn(reading))
            # all the weight to the left of zero: net moment −100, the tilt 12° · tanh(1)
            self.checkpoint(
                "tilt_with_fulcrum_at_zero",
                beam.tilt_shown(),
                expected=12.0
                * math.tanh(
                    float(exact_mean((100, -200), (Fraction(1, 3), Fraction(2, 3)))) / -100.0
                ),
                tol=1e-6,
            )
            beat.say(1, beam.slide_to(float(GAME.mean())))
            beat.say(2, Write(formula))
            mean = exact_mean((100, -200), (Fraction(1, 3), Fraction(2, 3)))
            self.checkpoint(
                "fulcrum_at_balance", beam.fulcrum_shown(), expected=float(mean), tol=TOL
            )
            self.checkpoint("beam_level_at_balance", beam.tilt_shown(), expected=0.0, tol=1e-6)
            self.checkpoint("fulcrum_readout", reading.value, expected=float(mean))
            self.checkpoint("expectation_typeset", printed(formula[6]), expected=float(mean))
        moments = theme.tex(r"\tfrac{2}{3}\cdot 100", "=", r"\tfrac{1}{3}\cdot 200", size=42)
        moments[0].set_color(LOSS)
        moments[2].set_color(WIN)
        moments.move_to(at(COLUMN_X + 1.5, 1.4))
        self.declare_shown(moments, "the lever arms' products, shown for the balance")
        with self.beat(
            "Why there? The losing weight is twice as heavy and sits half as far away: two "
            "thirds times 100 balances one third times 200."
        ) as beat:
            beat.say(0, beam.show_arms())
            beat.say(1, Write(moments))
            arms = beam.arm_lengths_shown()
            self.checkpoint("lever_arms", arms, expected=[200.0, 100.0], tol=TOL)
            self.checkpoint(
                "lever_arm_labels", [printed(m) for m in beam.arm_labels], expected=[200, 100]
            )
            weights = beam.weights_shown()
            self.checkpoint(
                "moments_balance",
                derived(
                    "weight × arm, right minus left",
                    weights[0] * arms[0] - weights[1] * arms[1],
                    weights,
                    arms,
                ),
                expected=0.0,
                tol=1e-6,
            )
        self.formula, self.moments, self.held = formula, moments, held

    # --- variance as area -------------------------------------------------------------------
    def spread_beats(self) -> None:
        beam, held = self.beam, self.held
        spread = SpreadSquares(beam)
        labels = spread.area_labels()
        mean_small = theme.tex(r"\mathbb{E}[X] = -100", size=40, color=MEAN)
        mean_small.move_to(at(COLUMN_X, 3.3), aligned_edge=LEFT)
        total = Readout(r"\mathrm{Var}[X]", 0.0, decimals=0, size=40)
        total.move_to(at(COLUMN_X, 2.35), aligned_edge=LEFT)
        total.follow(lambda: sum(spread.areas_shown()))
        sigma = Readout(r"\sigma", 0.0, decimals=1, size=40, color=SPREAD)
        sigma.move_to(at(COLUMN_X, 1.4), aligned_edge=LEFT)

        def side() -> float:
            return float(spread.outline_shown()[1])

        with self.beat(
            "The mean says where the game balances, not how wild it is. Draw a square from "
            "the mean to each outcome: the win is 200 away, an area of forty thousand, and "
            "the loss is 100 away, an area of ten thousand."
        ) as beat:
            beat.say(
                0,
                FadeOut(beam.weights, beam.weight_labels, beam.arms, beam.arm_labels, self.moments),
                # one after the other: a morph or a cross-fade of two formulas garbles mid-way
                Succession(FadeOut(self.formula), FadeIn(mean_small)),
            )
            self.formula = mean_small
            beam.remove(beam.weights, beam.weight_labels, beam.arms, beam.arm_labels)
            self.add(spread)
            self.play(spread.grow(), run_time=0.7 * beat.sentence(1))
            self.play(FadeIn(labels), run_time=0.3 * beat.sentence(1))
            squares = [float(d * d) for d in (Fraction(100) - -100, Fraction(-200) - -100)]
            self.checkpoint("deviation_squares", spread.areas_shown(), expected=squares, tol=1e-3)
            self.checkpoint("square_labels", [printed(m) for m in labels], expected=squares)
        with held:
            held.enter_context(
                self.invariant(
                    "area labels equal the drawn areas",
                    lambda: (
                        [printed(m) for m in labels],
                        [float(a) for a in spread.areas_shown()],
                    ),
                )
            )
            with self.beat(
                "Weight each square by its probability: a third of forty thousand, two thirds "
                "of ten thousand. Both shrink to the same height and together cover twenty "
                "thousand: the variance."
            ) as beat:
                beat.say(0, spread.weigh())
                beat.say(1, Circumscribe(spread, color=MEAN, buff=0.08), FadeIn(total))
                weighted = [float(Fraction(1, 3) * 200**2), float(Fraction(2, 3) * 100**2)]
                self.checkpoint("weighted_areas", spread.areas_shown(), expected=weighted, tol=1e-3)
                self.checkpoint("variance_readout", total.value, expected=sum(weighted))
            self.play(FadeOut(labels), run_time=0.5)
        for label in labels:
            label.clear_updaters()
        with self.invariant(
            "variance readout equals the drawn area",
            lambda: (
                total.value,
                derived("sum of drawn areas", sum(spread.areas_shown()), spread.areas_shown()),
            ),
        ):
            with self.beat(
                "Reshape that area into a square. Its side is the square root of twenty "
                "thousand, the standard deviation: about 141.4 dollars."
            ) as beat:
                beat.say(0, spread.reshape())
                sigma.follow(side)
                brace = Brace(spread, RIGHT, color=SPREAD)
                beat.say(1, FadeIn(brace), FadeIn(sigma))
                self.checkpoint("sigma_equals_drawn_side", sigma.value, expected=float(side()))
                self.checkpoint(
                    "variance_square_sides",
                    spread.outline_shown(),
                    expected=[math.sqrt(20000)] * 2,
                    tol=1e-3,
                )
                self.checkpoint("sigma_readout", sigma.value, expected=math.sqrt(20000))
                self.checkpoint(
                    "variance_area_kept",
                    total.value,
                    expected=float(Fraction(1, 3) * 200**2 + Fraction(2, 3) * 100**2),
                )
        self.play(
            FadeOut(VGroup(beam, spread, brace, sigma, total, self.formula, self.fulcrum_reading)),
            run_time=0.8,
        )

    # --- the law of large numbers -------------------------------------------------------------
    def simulation_beats(self) -> None:
        axes = rounds_axes(3, (-300, 200, 100), width=9.2, height=6.0, font_size=24)
        axes.move_to(at(-1.65, 0.1))
        bottom = axes.c2p(1, -300)[1]
        rounds_note = theme.tex(r"\text{rounds (log scale)}", size=34, color=theme.MUTED)
        rounds_note.move_to(at(COLUMN_X - 0.3, bottom + 0.3), aligned_edge=LEFT)
        results = simulate(GAME, ROUNDS, np.random.default_rng(SEED))
        quiet_results = simulate(QUIET, ROUNDS, np.random.default_rng(QUIET_SEED))
        run = RunningMean(
            axes, results, line_color=MEAN, dot_color=lambda r: WIN if r > 0 else LOSS
        )
        quiet = RunningMean(axes, quiet_results, line_color=QUIET_COLOR)
        dashed = level_line(axes, float(GAME.mean()))
        e_label = theme.tex(r"\mathbb{E}[X] = -100", size=34, color=theme.TEXT)
        e_label.next_to(dashed, RIGHT, buff=0.2)
        n_read = Readout("n", 1, decimals=0, size=38)
        avg_read = Readout(r"\text{average}", 0.0, decimals=1, size=38, color=MEAN)
        quiet_read = Readout(r"\text{quiet}", 0.0, decimals=1, size=38, color=QUIET_COLOR)
        panel = VGroup(n_read, avg_read, quiet_read).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        panel.move_to(at(COLUMN_X - 0.3, 2.6), aligned_edge=UP + LEFT)
        n_read.follow(lambda: run.tip_shown()[0])
        avg_read.follow(lambda: run.tip_shown()[1])
        quiet_read.follow(lambda: quiet.tip_shown()[1])
        quiet_note = VGroup(
            theme.tex(r"\text{quiet: } {-50} \text{ or } {-150}", size=32, color=QUIET_COLOR),
            theme.tex(r"\sigma = 50", size=32, color=QUIET_COLOR),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        quiet_note.next_to(panel, DOWN, buff=0.35, aligned_edge=LEFT)
        self.declare_shown(quiet_note, "the quiet game's standard deviation, from the brief's idea")

        def dots_mean() -> Any:
            heights = run.dot_heights_shown()
            return derived("mean of the drawn dots' heights", float(np.mean(heights)), heights)

        with contextlib.ExitStack() as held:
            with self.beat(
                "Now play it for real: one dot per round, on a log scale of rounds, and a yellow "
                "line for the average so far. It jumps around at first, from plus 100 after "
                "one round to minus 20 after ten."
            ) as beat:
                # the readouts read through the axes: they come in once the axes stand
                self.play(
                    Create(axes),
                    FadeIn(rounds_note),
                    Create(dashed),
                    FadeIn(e_label),
                    run_time=0.65 * beat.sentence(0),
                )
                self.play(FadeIn(run), FadeIn(n_read, avg_read), run_time=0.35 * beat.sentence(0))
                for name, read, tol in (
                    (
                        "rounds readout equals the tip's rounds",
                        lambda: (n_read.value, run.tip_shown()[0]),
                        None,
                    ),
                    (
                        "average readout equals the tip's height",
                        lambda: (avg_read.value, run.tip_shown()[1]),
                        None,
                    ),
                    (
                        "tip is the mean of the drawn dots",
                        lambda: (run.tip_shown()[1], dots_mean()),
                        1e-6,
                    ),
                ):
                    held.enter_context(self.invariant(name, read, tol=tol))
                beat.say(1, run.play_to(EARLY))
                self.checkpoint("dots_after_10", run.dots_shown(), expected=EARLY)
                self.check_tip("average", run, avg_read, results[:EARLY])
            with self.beat(
                "Over a thousand rounds it settles onto the dashed line, ending at minus 98.9. "
                "That is the law of large numbers: the average of many plays converges to the "
                "expectation."
            ) as beat:
                beat.say(0, run.play_to(ROUNDS, run_time=beat.sentence(0)))
                beat.say(1, Indicate(e_label, color=MEAN), Flash(run.tip, color=MEAN))
                self.checkpoint("dots_after_1000", run.dots_shown(), expected=ROUNDS)
                self.check_tip("average", run, avg_read, results)
                self.checkpoint(
                    "wins_drawn",
                    derived(
                        "dots drawn at plus 100",
                        int(np.sum(run.dot_heights_shown() > 0)),
                        run.dot_heights_shown(),
                    ),
                    expected=int(np.sum(results > 0)),
                )
            held.enter_context(
                self.invariant(
                    "quiet readout equals its tip's height",
                    lambda: (quiet_read.value, quiet.tip_shown()[1]),
                )
            )
            with self.beat(
                "A quieter game, losing 50 or 150 on a coin flip, has the same mean but a "
                "standard deviation of only 50. Its blue average hugs the line far sooner: "
                "same mean, thinner tails, like two services with equal average latency."
            ) as beat:
                beat.say(0, FadeIn(quiet), FadeIn(quiet_read), Write(quiet_note))
                beat.say(1, quiet.play_to(ROUNDS, run_time=beat.sentence(1)))
                self.check_tip("quiet_average", quiet, quiet_read, quiet_results)

    def check_tip(self, name: str, plot: RunningMean, readout: Readout, played: Any) -> None:
        """The drawn tip (rounds, average) and its readout against the rounds played so far."""
        n, mean = len(played), math.fsum(played) / len(played)
        self.checkpoint(f"{name}_after_{n}", plot.tip_shown(), expected=[n, mean], tol=TOL)
        self.checkpoint(f"{name}_readout_after_{n}", readout.value, expected=mean)


SCENES = [ExpectationAndMoments]
