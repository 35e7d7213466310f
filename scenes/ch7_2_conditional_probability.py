"""7.2 Conditional Probability: the Bayes area diagram, and conditioning as zooming in.

A unit square of servers is split by the prior (the failing sliver), then by the likelihoods;
the alert keeps the two bright pieces, and conditioning stretches them back over the square,
where the failing share is the posterior (a ghost of the old sliver grows into it). The Friday
question runs the same way. Last, the server diagram stays on screen while Bayes' rule is
written: each factor is lit together with the region it measures, the lit evidence flattens
into a bar whose failing share is the posterior, and a prior slider redraws the pieces, the
evidence and the bar together (held true in motion, and checked against fractions at each
stop).
"""

from __future__ import annotations

import contextlib
from fractions import Fraction
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Brace,
    Create,
    DashedVMobject,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    Rectangle,
    Text,
    Transform,
    TransformFromCopy,
    VGroup,
    VMobject,
    Write,
)
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.bayes import BayesModel
from mathviz.maths.slider import SliderRange
from mathviz.primitives.bayes import BayesAreaDiagram, legend_row
from mathviz.primitives.motion import built
from mathviz.primitives.readout import Readout
from mathviz.primitives.slider import Slider
from mathviz.readings import derived, printed, reads_screen
from mathviz.scene import Beat, LectureScene
from mathviz.theme import at

# Server failures: the alert is "high CPU", the hypothesis is "this server is failing".
P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH = 0.05, 0.9, 0.2
# Friday deploys: the hypothesis is "this deploy causes an incident", the evidence "it is Friday".
P_INCIDENT, P_FRIDAY_GIVEN_INCIDENT, P_FRIDAY = 0.08, 0.75, 0.20

# the same numbers as exact fractions: the truths the drawing is checked against
FAIL, HIGH_GIVEN_FAIL, HIGH = Fraction(5, 100), Fraction(9, 10), Fraction(2, 10)
INCIDENT, FRIDAY_GIVEN_INCIDENT, FRIDAY = Fraction(8, 100), Fraction(3, 4), Fraction(1, 5)

SIDE = 4.6
#: opacity of legend rows that drop out of the picture: dimmed, still legible (WCAG AA)
DIMMED = 0.55
#: centre of the square: left half of the frame, a little below the heading
SQUARE_CENTER = 3.15 * LEFT + 0.15 * DOWN
LEGEND_LEFT = 0.85
LABEL_SIZE = 30
#: fill opacity of the pieces outside the evidence: clearly there, clearly fainter than 0.9
FAINT = 0.5
#: a factor of the rule and the region it measures are lit in this colour, at this stroke
LIT, LIT_WIDTH = theme.ACCENT, 5.0
#: the prior slider's stops in the last beat (the last one is the server fleet's prior again)
SLIDER_STOPS = (("up", 0.2), ("down", 0.01), ("back", 0.05))


def _bayes_by_hand(prior: float, likelihood: float, evidence: float) -> float:
    """P(H | E) from Bayes' formula in plain floats: a route independent of the drawing."""
    return likelihood * prior / evidence


def _false_alarm(prior: Fraction, likelihood: Fraction, evidence: Fraction) -> Fraction:
    """P(E | not H) by the law of total probability, in exact fractions."""
    return (evidence - likelihood * prior) / (1 - prior)


#: the healthy servers' hot-CPU rate, fixed while the prior slides: 31/190
FALSE_ALARM = _false_alarm(FAIL, HIGH_GIVEN_FAIL, HIGH)


def _server_at(prior: Fraction) -> tuple[Fraction, Fraction]:
    """P(high CPU) and P(fail | high CPU) for a fleet with failing share ``prior`` (the
    likelihood and the false-alarm rate held), by total probability, in fractions."""
    evidence = HIGH_GIVEN_FAIL * prior + FALSE_ALARM * (1 - prior)
    return evidence, HIGH_GIVEN_FAIL * prior / evidence


class ShareBar(VGroup):
    """A bar split in two: the failing share of the lit evidence on the left (the posterior),
    the healthy share on the right. ``redraw(share)`` re-lays it; ``share_shown`` reads the
    left part's width over the bar's."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.bar_width = width
        self.h_part = Rectangle(
            width=width, height=height, stroke_color=theme.BACKGROUND, stroke_width=2
        ).set_fill(theme.HYPOTHESIS, 0.9)
        self.n_part = Rectangle(
            width=width, height=height, stroke_color=theme.BACKGROUND, stroke_width=2
        ).set_fill(theme.NOT_HYPOTHESIS, 0.9)
        self.add(self.h_part, self.n_part)
        self.anchor_left = np.array(self.h_part.get_left())

    def place(self, left: np.ndarray) -> ShareBar:
        """Put the bar's left end at ``left`` (its vertical middle)."""
        self.anchor_left = np.asarray(left, dtype=float)
        return self

    def redraw(self, share: float) -> ShareBar:
        """Re-lay both parts for the failing share ``share`` of the bar."""
        share = min(max(share, 1e-4), 1 - 1e-4)
        w = self.bar_width
        self.h_part.stretch_to_fit_width(share * w).move_to(self.anchor_left, aligned_edge=LEFT)
        self.n_part.stretch_to_fit_width((1 - share) * w)
        self.n_part.move_to(self.anchor_left + share * w * RIGHT, aligned_edge=LEFT)
        return self

    @reads_screen("geometry")
    def share_shown(self) -> float:
        """The failing part's drawn width over the whole bar's."""
        return float(self.h_part.width / (self.h_part.width + self.n_part.width))


def _lit(*mobjects: VMobject, on: bool = True) -> Animation:
    """Light regions (an accent outline) or put them back (the thin background seam)."""
    anims = [
        built(
            m.animate.set_stroke(LIT, LIT_WIDTH)
            if on
            else m.animate.set_stroke(theme.BACKGROUND, 2)
        )
        for m in mobjects
    ]
    return AnimationGroup(*anims)


class LegendRow(VGroup):
    """A legend row: a colour swatch and the readout of the area of the piece ``key``."""

    def __init__(self, key: str, swatch: VMobject, readout: Readout) -> None:
        super().__init__(swatch, readout)
        self.key = key
        self.swatch = swatch
        self.readout = readout


def _ghost(diagram: BayesAreaDiagram, share: float) -> DashedVMobject:
    """A dashed outline of the old prior column, as wide as ``share`` of the square."""
    frame = diagram.frame
    rect = Rectangle(width=share * frame.width, height=frame.height)
    rect.move_to(frame.get_corner(DOWN + LEFT), aligned_edge=DOWN + LEFT)
    ghost = DashedVMobject(rect, num_dashes=40)
    ghost.set_stroke(theme.TEXT, 4)
    return ghost


class ConditionalProbability(LectureScene):
    chapter_id = "7.2"

    def construct(self) -> None:
        self.open_chapter("A high-CPU alert fires on a server. How worried should you be?")
        diagram, heading = self.prior_beat()
        legend = self.likelihood_beats(diagram)
        self.condition_beats(diagram, legend)
        self.play(FadeOut(VGroup(diagram, heading, *self.stage)), run_time=0.6)
        self.friday_beats()
        self.bayes_rule_beats()
        self.close_chapter(
            "Conditioning keeps the evidence column and rescales it to 1.",
            "An alert is only as alarming as its base rate allows. Next, random variables.",
        )

    # --- server failures ----------------------------------------------------------------
    def _diagram(
        self, prior: float, likelihood: float, evidence: float, h: str, e: str
    ) -> BayesAreaDiagram:
        model = BayesModel.from_evidence_rate(prior, likelihood, evidence)
        diagram = BayesAreaDiagram(model, side=SIDE, h_name=h, e_name=e, faint_opacity=FAINT)
        diagram.move_to(SQUARE_CENTER)
        return diagram

    def _prior_labels_readable(self, diagram: BayesAreaDiagram) -> None:
        """The thin column's brace is as wide as its sliver: draw it thicker and lift its
        label clear of the healthy column's, so both read at a glance."""
        h_brace, n_brace, h_label, n_label = diagram.prior_braces
        for brace in (h_brace, n_brace):
            brace.set_stroke(width=1.5)
        h_label.scale(36 / 30)
        n_label.scale(36 / 30)

    def prior_beat(self) -> tuple[BayesAreaDiagram, Text]:
        diagram = self._diagram(P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH, "fail", "high CPU")
        heading = theme.heading("A high-CPU alert fires")
        whole = theme.tex(r"\text{all servers} = 1", size=LABEL_SIZE, color=theme.MUTED)
        whole.next_to(diagram.frame, UP, buff=0.15)
        with self.beat(
            "Let the square be the whole fleet: total area one. "
            "Five percent are failing, a thin sliver 0.05 wide; the healthy rest is 0.95."
        ) as b:
            b.say(0, Write(heading), Create(diagram.frame), FadeIn(whole))
            split = diagram.split_by_prior()
            self._prior_labels_readable(diagram)
            # the sliver is a few pixels wide: lit while "a thin sliver" is said
            self.play(split, run_time=0.55 * b.sentence(1))
            b.say(1, _lit(diagram.columns[0]))
            self.check_prior("fail", "ok", diagram, FAIL)
        self.column_names = self._column_names(diagram, "fail", "ok")
        self.play(FadeOut(whole), FadeIn(self.column_names, shift=0.15 * DOWN), run_time=0.6)
        return diagram, heading

    def check_prior(self, h: str, n: str, diagram: BayesAreaDiagram, prior: Fraction) -> None:
        """The H column's drawn width and the two brace labels under the columns."""
        self.checkpoint(
            f"prior_{h}_width", diagram.column_share_shown(0), expected=float(prior), tol=1e-6
        )
        h_label, n_label = diagram.prior_braces[2:]
        self.checkpoint(f"prior_{h}_label", printed(h_label), expected=float(prior))
        self.checkpoint(f"prior_{n}_label", printed(n_label), expected=float(1 - prior))

    def check_likelihoods(
        self, h: str, braces: VGroup, likelihood: Fraction, false_alarm: Fraction
    ) -> None:
        """The labels on the square's sides: P(E | H) on the left, P(E | not H) on the right."""
        self.checkpoint(f"likelihood_{h}_label", printed(braces[2]), expected=float(likelihood))
        self.checkpoint(f"false_alarm_{h}_label", printed(braces[3]), expected=float(false_alarm))

    def _column_names(self, diagram: BayesAreaDiagram, h: str, n: str) -> VGroup:
        """Names above the two columns (the thin one's name sits just above its sliver)."""
        h_col, n_col = diagram.columns
        h_name = theme.text(h, size=theme.LABEL_SIZE, color=theme.HYPOTHESIS)
        n_name = theme.text(n, size=theme.LABEL_SIZE, color=theme.NOT_HYPOTHESIS)
        h_name.next_to(h_col, UP, buff=0.12)
        if h_name.get_left()[0] < diagram.frame.get_left()[0]:
            h_name.align_to(diagram.frame, LEFT)
        n_name.next_to(n_col, UP, buff=0.12)
        return VGroup(h_name, n_name)

    def _likelihood_braces(self, diagram: BayesAreaDiagram) -> VGroup:
        """Braces on the square's sides: the E share of each column, read from the drawing."""
        h_e, n_e = diagram.regions["h_e"], diagram.regions["not_h_e"]
        left_label = f"{diagram.height_share_shown('h_e'):.3g}"
        right_label = f"{diagram.height_share_shown('not_h_e'):.3f}"
        left = Brace(h_e, LEFT, buff=0.08, color=theme.HYPOTHESIS)
        right = Brace(n_e, RIGHT, buff=0.08, color=theme.NOT_HYPOTHESIS)
        left_tex = theme.tex(left_label, size=36, color=theme.HYPOTHESIS).next_to(left, LEFT, 0.1)
        right_tex = theme.tex(right_label, size=36, color=theme.NOT_HYPOTHESIS)
        right_tex.next_to(right, RIGHT, 0.1)
        return VGroup(left, right, left_tex, right_tex)

    def _legend(
        self, diagram: BayesAreaDiagram, h: str, n: str, e: str, not_e: str
    ) -> tuple[VGroup, list[LegendRow]]:
        """Four swatches with the areas of the drawn pieces: a table, the "=" signs aligned;
        the table and its rows."""
        rows = VGroup()
        row_list: list[LegendRow] = []
        for key, (hyp, ev) in {
            "h_e": (h, e),
            "h_not_e": (h, not_e),
            "not_h_e": (n, e),
            "not_h_not_e": (n, not_e),
        }.items():
            color = theme.HYPOTHESIS if key.startswith("h_") else theme.NOT_HYPOTHESIS
            opacity = FAINT if key.endswith("not_e") else 0.9
            swatch = legend_row(color, opacity, "", size=LABEL_SIZE)[0]
            readout = Readout(rf"P(\text{{{hyp}}},\ \text{{{ev}}})", 0.0, size=LABEL_SIZE)
            row = LegendRow(key, swatch, readout)
            rows.add(row)
            row_list.append(row)
        label_w = max(r.readout.label.width for r in row_list)
        for i, row in enumerate(row_list):
            swatch, readout = row.swatch, row.readout
            swatch.move_to((0, -i * 0.62, 0), aligned_edge=LEFT)
            readout.next_to(swatch, RIGHT, buff=0.25 + label_w - readout.label.width)
        rows.shift(LEGEND_LEFT * RIGHT - rows.get_left()[0] * RIGHT)
        rows.align_to(diagram.frame, UP)
        return rows, row_list

    def likelihood_beats(self, diagram: BayesAreaDiagram) -> VGroup:
        anim = diagram.split_by_likelihood()
        braces = self._likelihood_braces(diagram)
        with self.beat(
            "Now split each column by how often CPU runs hot. Failing servers "
            "show high CPU 90 percent of the time. Across the fleet 20 percent run hot, "
            "so about 16 percent of healthy servers do too."
        ) as b:
            b.say(0, anim)
            b.say(1, Create(braces[0]), FadeIn(braces[2], shift=0.2 * RIGHT))
            b.say(2, Create(braces[1]), FadeIn(braces[3], shift=0.2 * LEFT))
            false_alarm = _false_alarm(FAIL, HIGH_GIVEN_FAIL, HIGH)
            self.checkpoint(
                "false_alarm_rate",
                diagram.height_share_shown("not_h_e"),
                expected=float(false_alarm),
                tol=1e-6,
            )
            self.check_likelihoods("fail", braces, HIGH_GIVEN_FAIL, false_alarm)
        legend, legend_rows = self._legend(diagram, "fail", "ok", "high CPU", "normal")
        # each row shows its drawn piece's area from the moment it appears
        for row in legend_rows:
            row.readout.set(diagram.area_shown(row.key))
        joints = {
            "h_e": FAIL * HIGH_GIVEN_FAIL,
            "h_not_e": FAIL * (1 - HIGH_GIVEN_FAIL),
            "not_h_e": HIGH - FAIL * HIGH_GIVEN_FAIL,
            "not_h_not_e": (1 - FAIL) - (HIGH - FAIL * HIGH_GIVEN_FAIL),
        }
        names = {
            "h_e": "joint_fail_high_readout",
            "h_not_e": "joint_fail_normal_readout",
            "not_h_e": "joint_ok_high_readout",
            "not_h_not_e": "joint_ok_normal_readout",
        }
        evidence = Readout(r"P(\text{high CPU})", 0.0, color=theme.EVIDENCE, size=32)
        rule = Line(LEFT, RIGHT, stroke_color=theme.MUTED, stroke_width=2)
        rule.width = legend.width
        rule.next_to(legend, DOWN, buff=0.3).align_to(legend, LEFT)
        evidence.next_to(rule, DOWN, buff=0.3).align_to(legend, LEFT)
        evidence.set(diagram.evidence_shown())
        bright = (diagram.regions["h_e"], diagram.regions["not_h_e"])
        with self.beat(
            "Each piece's area is a joint probability; the four add up to one. "
            "The alert fires in both bright pieces: 0.045 from failing servers "
            "plus 0.155 from healthy ones."
        ) as b:
            b.say(
                0,
                LaggedStart(*(FadeIn(row, shift=0.3 * LEFT) for row in legend), lag_ratio=0.35),
            )
            shown = {row.key: row.readout.value for row in legend_rows}
            self.checkpoint(
                "joint_fail_high",
                diagram.area_shown("h_e"),
                expected=float(FAIL * HIGH_GIVEN_FAIL),
                tol=1e-6,
            )
            for key, joint in joints.items():
                self.checkpoint(names[key], shown[key], expected=float(joint))
            # four printed numbers, each within half a unit of its piece: their sum within
            # four half units of 1
            values = list(shown.values())
            self.checkpoint(
                "legend_areas_sum_to_one",
                derived(
                    "sum of the four printed legend values", sum(float(v) for v in values), *values
                ),
                expected=1.0,
                tol=sum(v.half_unit for v in values),
            )
            b.say(
                1,
                AnimationGroup(
                    AnimationGroup(
                        _lit(*bright),
                        built(legend[1][1].animate.set_opacity(DIMMED)),
                        built(legend[3][1].animate.set_opacity(DIMMED)),
                    ),
                    AnimationGroup(Create(rule), FadeIn(evidence, shift=0.2 * UP)),
                    lag_ratio=0.6,
                ),
            )
            self.checkpoint(
                "evidence_high_cpu", diagram.evidence_shown(), expected=float(HIGH), tol=1e-6
            )
            self.checkpoint("evidence_high_cpu_readout", evidence.value, expected=float(HIGH))
        self.braces, self.evidence, self.rule = braces, evidence, rule
        return legend

    def condition_beats(self, diagram: BayesAreaDiagram, legend: VGroup) -> None:
        posterior = self._posterior_row(
            "fail", "high CPU", diagram.area_shown("h_e"), self.evidence.value
        )
        step = legend[1].get_center()[1] - legend[2].get_center()[1]
        lift = VGroup(self.rule, self.evidence)
        posterior.next_to(self.evidence, DOWN, buff=0.6).align_to(self.evidence, LEFT)
        faint = (diagram.regions["h_not_e"], diagram.regions["not_h_not_e"])
        bright = (diagram.regions["h_e"], diagram.regions["not_h_e"])
        with self.beat(
            "Once the alert has fired, only the bright pieces are still possible. "
            "Conditioning throws the rest away and stretches the evidence back to "
            "fill the square."
        ) as b:
            b.say(
                0,
                FadeOut(VGroup(self.braces, self.column_names, legend[1], legend[3])),
                *(built(r.animate.set_fill(opacity=0.12)) for r in faint),
            )
            b.say(
                1,
                AnimationGroup(
                    _lit(*bright, on=False),
                    AnimationGroup(
                        diagram.condition_on_evidence(),
                        built(legend[2].animate.shift(step * UP)),
                        built(lift.animate.shift(2 * step * UP)),
                    ),
                    lag_ratio=0.15,
                ),
            )
        posterior.shift(2 * step * UP)
        names = self._conditioned_names(diagram, "fail", "ok")
        widths = self._width_braces(diagram)
        cast(Readout, posterior[1]).set(diagram.posterior_shown())
        ghost = _ghost(diagram, float(FAIL))
        with self.beat(
            "The failing share of what is left is 0.045 out of 0.2: 22.5 percent. "
            "Failure became four and a half times likelier, yet most alerts still come "
            "from healthy servers."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    FadeIn(names),
                    FadeIn(posterior, shift=0.2 * UP),
                    AnimationGroup(Create(widths[:2]), FadeIn(widths[2:])),
                    lag_ratio=0.4,
                ),
            )
            expected = _bayes_by_hand(P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH)
            self.checkpoint(
                "posterior_fail_given_high_drawn",
                diagram.posterior_shown(),
                expected=expected,
                tol=1e-6,
            )
            self.check_posterior("fail", posterior, widths, FAIL * HIGH_GIVEN_FAIL, HIGH)
            self.checkpoint("posterior_fail_given_high", posterior[1].value, expected=expected)
            self._grow_ghost(b, 1, ghost, diagram)
        self.stage = [legend[0], legend[2], self.rule, self.evidence, posterior, names, widths]
        self.stage.append(ghost)

    def _grow_ghost(
        self, b: Beat, i: int, ghost: DashedVMobject, diagram: BayesAreaDiagram
    ) -> None:
        """Under sentence ``i``: the old prior column appears as a dashed ghost and widens
        into the conditioned H piece (how much likelier H has become), then the not-H piece
        is lit (where most of the evidence still comes from)."""
        target = diagram.regions["h_e"]
        grown = _ghost(diagram, float(target.width / diagram.frame.width))
        b.say(
            i,
            AnimationGroup(
                Create(ghost),
                Transform(ghost, grown),
                _lit(diagram.regions["not_h_e"]),
                lag_ratio=1.0,
            ),
        )

    def check_posterior(
        self, h: str, posterior: VGroup, widths: VGroup, joint: Fraction, evidence: Fraction
    ) -> None:
        """The fraction's numbers and the width labels under the stretched pieces."""
        fraction = posterior[0]
        self.checkpoint(f"posterior_{h}_numerator", printed(fraction[2]), expected=float(joint))
        self.checkpoint(
            f"posterior_{h}_denominator", printed(fraction[4]), expected=float(evidence)
        )
        self.checkpoint(f"width_{h}_label", printed(widths[2]), expected=float(joint / evidence))
        self.checkpoint(
            f"width_not_{h}_label", printed(widths[3]), expected=float(1 - joint / evidence)
        )

    def _posterior_row(
        self, h: str, e: str, joint: float, evidence: float, decimals: int = 3
    ) -> VGroup:
        """``P(h | e) = joint / evidence = …``: the fraction's numbers read from the drawing,
        each typeset on its own, then the quotient as a readout."""
        fraction = theme.tex(
            rf"P(\text{{{h}}} \mid \text{{{e}}})",
            "=",
            f"{{{joint:.{decimals}f}",
            r"\over",
            f"{evidence:.{decimals}f}}}",
            color=theme.HYPOTHESIS,
            size=34,
        )
        quotient = Readout("", 0.0, decimals=decimals, color=theme.HYPOTHESIS, size=34)
        return VGroup(fraction, quotient).arrange(RIGHT, buff=0.15)

    def _width_braces(self, diagram: BayesAreaDiagram, decimals: int = 3) -> VGroup:
        """Braces under the stretched pieces, labelled with their widths (= their areas)."""
        parts = VGroup()
        labels = VGroup()
        for key, color in (("h_e", theme.HYPOTHESIS), ("not_h_e", theme.NOT_HYPOTHESIS)):
            piece = diagram.regions[key]
            brace = Brace(piece, DOWN, buff=0.08, color=color)
            label = theme.tex(
                f"{diagram.width_share_shown(key):.{decimals}f}", size=34, color=color
            )
            label.next_to(brace, DOWN, 0.1)
            parts.add(brace)
            labels.add(label)
        return VGroup(*parts, *labels)

    def _conditioned_names(self, diagram: BayesAreaDiagram, h: str, n: str) -> VGroup:
        """Names above the two stretched evidence pieces."""
        h_name = theme.text(h, size=theme.LABEL_SIZE, color=theme.HYPOTHESIS)
        n_name = theme.text(n, size=theme.LABEL_SIZE, color=theme.NOT_HYPOTHESIS)
        h_name.next_to(diagram.regions["h_e"], UP, buff=0.12)
        n_name.next_to(diagram.regions["not_h_e"], UP, buff=0.12)
        return VGroup(h_name, n_name)

    # --- Friday deploys -----------------------------------------------------------------
    def friday_beats(self) -> None:
        diagram = self._diagram(P_INCIDENT, P_FRIDAY_GIVEN_INCIDENT, P_FRIDAY, "incident", "Friday")
        heading = theme.heading("Should we deploy on Fridays?")
        facts = VGroup(
            theme.tex(r"P(\text{incident}) = 0.08", size=LABEL_SIZE, color=theme.HYPOTHESIS),
            theme.tex(
                r"P(\text{Friday} \mid \text{incident}) = 0.75",
                size=LABEL_SIZE,
                color=theme.HYPOTHESIS,
            ),
            theme.tex(r"P(\text{Friday}) = 0.20", size=LABEL_SIZE, color=theme.EVIDENCE),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        facts.align_to((LEGEND_LEFT, 0, 0), LEFT).align_to(diagram.frame, UP)
        self.declare_shown(facts, "the brief's data for the Friday question")
        with self.beat(
            "Same picture, new question: should we deploy on Fridays? "
            "Eight percent of deploys cause an incident."
        ) as b:
            b.say(0, Write(heading), Create(diagram.frame))
            split = diagram.split_by_prior()
            self._prior_labels_readable(diagram)
            b.say(1, split, FadeIn(facts[0], shift=0.3 * LEFT))
            self.check_prior("incident", "fine", diagram, INCIDENT)
        names = self._column_names(diagram, "incident", "fine")
        anim = diagram.split_by_likelihood()
        braces = self._likelihood_braces(diagram)
        with self.beat(
            "Three quarters of those incidents went out on a Friday. "
            "Yet only one deploy in five ships on a Friday."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(anim, FadeIn(names), FadeIn(facts[1], shift=0.3 * LEFT)),
                    AnimationGroup(Create(braces[0]), FadeIn(braces[2])),
                    lag_ratio=0.6,
                ),
            )
            b.say(
                1,
                FadeIn(facts[2], shift=0.3 * LEFT),
                Create(braces[1]),
                FadeIn(braces[3]),
                _lit(diagram.regions["h_e"], diagram.regions["not_h_e"]),
            )
            self.checkpoint(
                "joint_incident_friday",
                diagram.area_shown("h_e"),
                expected=float(INCIDENT * FRIDAY_GIVEN_INCIDENT),
                tol=1e-6,
            )
            self.checkpoint(
                "evidence_friday", diagram.evidence_shown(), expected=float(FRIDAY), tol=1e-6
            )
            self.check_likelihoods(
                "incident",
                braces,
                FRIDAY_GIVEN_INCIDENT,
                _false_alarm(INCIDENT, FRIDAY_GIVEN_INCIDENT, FRIDAY),
            )
        posterior = self._posterior_row(
            "incident", "Friday", diagram.area_shown("h_e"), diagram.evidence_shown(), 2
        )
        posterior.next_to(facts, DOWN, buff=0.7).align_to(facts, LEFT)
        bright = (diagram.regions["h_e"], diagram.regions["not_h_e"])
        ghost = _ghost(diagram, float(INCIDENT))
        with self.beat(
            "Condition on Friday and zoom in: incidents fill 0.06 of the 0.2 Friday column. "
            "So 30 percent of Friday deploys go wrong, almost four times the base rate."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(FadeOut(VGroup(names, braces)), _lit(*bright, on=False)),
                    diagram.condition_on_evidence(),
                    lag_ratio=0.3,
                ),
            )
            names = self._conditioned_names(diagram, "incident", "fine")
            widths = self._width_braces(diagram, decimals=2)
            cast(Readout, posterior[1]).set(diagram.posterior_shown())
            self.play(
                FadeIn(names),
                FadeIn(posterior, shift=0.2 * UP),
                Create(widths[:2]),
                FadeIn(widths[2:]),
                run_time=1.2,
            )
            expected = _bayes_by_hand(P_INCIDENT, P_FRIDAY_GIVEN_INCIDENT, P_FRIDAY)
            self.checkpoint(
                "posterior_incident_given_friday_drawn",
                diagram.posterior_shown(),
                expected=expected,
                tol=1e-6,
            )
            self.check_posterior(
                "incident", posterior, widths, INCIDENT * FRIDAY_GIVEN_INCIDENT, FRIDAY
            )
            self.checkpoint(
                "posterior_incident_given_friday", posterior[1].value, expected=expected
            )
            self._grow_ghost(b, 1, ghost, diagram)
        self.play(
            FadeOut(VGroup(diagram, heading, facts, names, posterior, widths, ghost)),
            run_time=0.6,
        )

    # --- Bayes' rule, beside the picture ------------------------------------------------
    def bayes_rule_beats(self) -> None:
        diagram = self._diagram(P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH, "fail", "high CPU")
        diagram.split_by_prior()
        diagram.split_by_likelihood()
        diagram.remove(diagram.prior_braces)  # the slider's readout takes their place
        regions = diagram.regions
        heading = theme.heading("Bayes' rule: the picture, written down")
        # fixed names: "fail" over the frame's left edge stays over the failing column at
        # every stop of the slider (at most 0.2 of the square), "ok" over the right part
        names = VGroup(
            theme.text("fail", size=theme.LABEL_SIZE, color=theme.HYPOTHESIS),
            theme.text("ok", size=theme.LABEL_SIZE, color=theme.NOT_HYPOTHESIS),
        )
        names[0].next_to(diagram.frame, UP, buff=0.12).align_to(diagram.frame, LEFT)
        names[1].next_to(diagram.frame, UP, buff=0.12).shift(0.4 * RIGHT)
        rule = theme.tex(
            r"P(H \mid E)", "=", r"{P(E \mid H)\,", r"P(H)", r"\over", r"P(E)}", size=46
        )
        rule.move_to(at(3.6, 2.35))
        # every number typeset on its own, so each can be read back
        server = theme.tex(
            r"P(\text{fail} \mid \text{high CPU})",
            "=",
            r"{0.9",
            r"\times",
            "0.05",
            r"\over",
            r"0.2}",
            "=",
            "0.225",
            size=32,
        )
        friday = theme.tex(
            r"P(\text{incident} \mid \text{Friday})",
            "=",
            r"{0.75",
            r"\times",
            "0.08",
            r"\over",
            r"0.20}",
            "=",
            "0.30",
            size=32,
        )
        server.move_to(at(3.6, 0.95))
        friday.move_to(at(3.6, -0.25))
        numbers = [server[i] for i in (2, 4, 6, 8)]
        skeleton = [server[i] for i in (0, 1, 3, 5, 7)]
        bar = ShareBar(SIDE, 0.4)
        bar.place(diagram.frame.get_corner(DOWN + LEFT) + 0.75 * DOWN).redraw(
            float(diagram.posterior_shown())
        )
        post = Readout(r"P(\text{fail} \mid \text{high CPU})", 0.0, color=theme.HYPOTHESIS, size=34)
        post.move_to(at(0.35, bar.get_y()), aligned_edge=LEFT)
        post.set(bar.share_shown())  # follows the bar once the slider moves it

        def light(factor: int, number: int) -> Animation:
            """Light the rule's ``factor`` and the server line's ``number`` (which comes in
            lit); whatever was lit before goes back to plain text."""
            numbers[number].set_color(LIT)
            anims = [
                built(part.animate.set_color(LIT if i == factor else theme.TEXT))
                for i, part in enumerate(rule)
            ]
            anims += [
                built(part.animate.set_color(theme.TEXT))
                for part in numbers
                if part is not numbers[number] and part.get_fill_color() == LIT
            ]
            anims.append(FadeIn(numbers[number], scale=1.3))
            return AnimationGroup(*anims)

        with self.beat(
            "Written down, the picture is Bayes' rule. The prior is the width of the "
            "failing column: 0.05. The likelihood is how much of that column the alert "
            "covers: 0.9."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    AnimationGroup(
                        Write(heading), Create(diagram.frame), FadeIn(*regions.values(), names)
                    ),
                    AnimationGroup(Write(rule), FadeIn(*skeleton)),
                    lag_ratio=0.4,
                ),
            )
            b.say(
                1,
                AnimationGroup(
                    light(3, 1),
                    _lit(regions["h_e"], regions["h_not_e"]),
                    lag_ratio=0.3,
                ),
            )
            b.say(
                2,
                AnimationGroup(
                    _lit(regions["h_not_e"], on=False),
                    light(2, 0),
                    lag_ratio=0.3,
                ),
            )
        with self.beat(
            "The evidence is both bright pieces together: 0.2. "
            "The posterior is their failing share, flattened into this bar: 0.225. "
            "Fridays follow the same rule: 0.3."
        ) as b:
            b.say(
                0,
                AnimationGroup(
                    _lit(regions["not_h_e"]),
                    light(5, 2),
                    lag_ratio=0.3,
                ),
            )
            b.say(
                1,
                AnimationGroup(
                    TransformFromCopy(
                        VGroup(regions["h_e"], regions["not_h_e"]),
                        VGroup(bar.h_part, bar.n_part),
                    ),
                    AnimationGroup(FadeIn(post), light(0, 3)),
                    lag_ratio=0.5,
                ),
            )
            b.say(2, FadeIn(friday, shift=0.2 * UP))
            self.checkpoint(
                "rule_posterior_bar",
                bar.share_shown(),
                expected=float(FAIL * HIGH_GIVEN_FAIL / HIGH),
                tol=1e-6,
            )
            self.checkpoint(
                "rule_posterior_readout",
                post.value,
                expected=_bayes_by_hand(P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH),
            )
            for tag, line, (likelihood, prior, evidence) in (
                ("server", server, (HIGH_GIVEN_FAIL, FAIL, HIGH)),
                ("friday", friday, (FRIDAY_GIVEN_INCIDENT, INCIDENT, FRIDAY)),
            ):
                for name, part, value in (
                    ("likelihood", 2, likelihood),
                    ("prior", 4, prior),
                    ("evidence", 6, evidence),
                    ("posterior", 8, likelihood * prior / evidence),
                ):
                    self.checkpoint(
                        f"rule_{tag}_{name}", printed(line[part]), expected=float(value)
                    )
        self.slider_beat(diagram, bar, post, VGroup(server, friday))

    def slider_beat(
        self, diagram: BayesAreaDiagram, bar: ShareBar, post: Readout, lines: VGroup
    ) -> None:
        """The prior on a slider: the pieces, the evidence readout, the bar and the
        posterior readout all redrawn from it at every frame."""
        slider = Slider(
            SliderRange(0.0, 0.25),
            float(FAIL),
            r"P(\text{fail})",
            length=2.4,
            color=theme.HYPOTHESIS,
            decimals=2,
            size=34,
            tick_step=0.05,
            tick_labels=False,
        )
        slider.move_to(at(0.35, 0.6), aligned_edge=LEFT)
        evidence = Readout(r"P(\text{high CPU})", 0.0, color=theme.EVIDENCE, size=34)
        evidence.move_to(at(0.35, -0.9), aligned_edge=LEFT)
        evidence.follow(diagram.evidence_shown)

        def redraw(_: object) -> None:
            diagram.set_model(BayesModel.of(slider.value, HIGH_GIVEN_FAIL, FALSE_ALARM))
            bar.redraw(float(diagram.posterior_shown()))

        def bayes_of_drawn_prior() -> float:
            p = float(diagram.width_share_shown("h_e"))
            lik, fa = float(HIGH_GIVEN_FAIL), float(FALSE_ALARM)
            return lik * p / (lik * p + fa * (1 - p))

        checks = [
            ("slider readout shows the fail column's width",
             lambda: (slider.readout.value, diagram.width_share_shown("h_e")), None),
            ("evidence readout shows the bright area",
             lambda: (evidence.value, diagram.evidence_shown()), None),
            ("posterior readout shows the bar's failing share",
             lambda: (post.value, bar.share_shown()), None),
            ("bar share is the failing share of the bright area",
             lambda: (bar.share_shown(), diagram.posterior_shown()), 1e-9),
            ("drawn posterior is Bayes' rule of the drawn prior",
             lambda: (diagram.posterior_shown(), bayes_of_drawn_prior()), 1e-9),
        ]  # fmt: skip
        say = (
            "Slide the prior up to 20 percent: the posterior climbs to 58 percent. "
            "At one percent it falls to 5: a small prior drags the answer down. "
            "So one red run of a flaky test is rarely a real regression."
        )
        with self.beat(say) as b:
            self.play(
                FadeOut(lines),
                AnimationGroup(slider.create(), FadeIn(evidence), lag_ratio=0.3),
                run_time=1.2,
            )
            # the diagram redraws first, then the bar from it, then the readouts from both
            self.remove(diagram.frame, *diagram.regions.values(), bar.h_part, bar.n_part)
            self.remove(post, evidence)
            self.add(diagram, bar, post, evidence)
            diagram.add_updater(redraw)
            post.follow(bar.share_shown)
            with contextlib.ExitStack() as stack:
                for name, read, tol in checks:
                    stack.enter_context(self.invariant(name, read, tol=tol))
                for i, (tag, stop) in enumerate(SLIDER_STOPS):
                    b.say(i, slider.animate_to(stop, run_time=1.0))
                    self.check_stop(tag, stop, slider, diagram, evidence, post)
            diagram.clear_updaters()

    def check_stop(
        self,
        tag: str,
        stop: float,
        slider: Slider,
        diagram: BayesAreaDiagram,
        evidence: Readout,
        post: Readout,
    ) -> None:
        """At a slider stop: the prior on the slider, the evidence and the posterior, each as
        drawn and as printed, against total probability in fractions."""
        prior = Fraction(str(stop))
        p_e, p_post = _server_at(prior)
        self.checkpoint(f"slider_{tag}_prior", slider.readout.value, expected=float(prior))
        self.checkpoint(
            f"slider_{tag}_prior_drawn",
            diagram.width_share_shown("h_e"),
            expected=float(prior),
            tol=1e-6,
        )
        self.checkpoint(f"slider_{tag}_evidence", evidence.value, expected=float(p_e))
        self.checkpoint(
            f"slider_{tag}_posterior_drawn",
            diagram.posterior_shown(),
            expected=float(p_post),
            tol=1e-6,
        )
        self.checkpoint(f"slider_{tag}_posterior", post.value, expected=float(p_post))


SCENES = [ConditionalProbability]
