"""7.2 Conditional Probability: the Bayes area diagram, and conditioning as zooming in."""

from __future__ import annotations

from fractions import Fraction

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    Line,
    VGroup,
    Write,
)

from mathviz import theme
from mathviz.maths.bayes import BayesModel
from mathviz.primitives.bayes import BayesAreaDiagram, legend_row
from mathviz.primitives.readout import Readout
from mathviz.readings import derived, printed
from mathviz.scene import LectureScene

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


def _bayes_by_hand(prior: float, likelihood: float, evidence: float) -> float:
    """P(H | E) from Bayes' formula in plain floats: a route independent of the drawing."""
    return likelihood * prior / evidence


def _false_alarm(prior: Fraction, likelihood: Fraction, evidence: Fraction) -> Fraction:
    """P(E | not H) by the law of total probability, in exact fractions."""
    return (evidence - likelihood * prior) / (1 - prior)


class ConditionalProbability(LectureScene):
    chapter_id = "7.2"

    def construct(self) -> None:
        self.open_chapter(
            "A high-CPU alert fires on one of your servers. How worried should you be? "
            "Conditional probability answers that, and it is easiest to see as areas."
        )
        diagram, heading = self.prior_beat()
        legend = self.likelihood_beat(diagram)
        self.condition_beat(diagram, legend)
        self.play(FadeOut(VGroup(diagram, heading, *self.stage)), run_time=0.6)
        self.friday_beat()
        self.bayes_rule_beat()
        self.close_chapter(
            "Conditioning keeps the evidence column and rescales it to 1.",
            "An alert is only as alarming as its base rate allows. Next we turn outcomes "
            "into numbers with random variables.",
        )

    # --- server failures ----------------------------------------------------------------
    def prior_beat(self) -> tuple[BayesAreaDiagram, VGroup]:
        model = BayesModel.from_evidence_rate(P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH)
        diagram = BayesAreaDiagram(model, side=SIDE, h_name="fail", e_name="high CPU")
        diagram.move_to(SQUARE_CENTER)
        heading = theme.heading("A high-CPU alert fires")
        whole = theme.tex(r"\text{all servers} = 1", size=LABEL_SIZE, color=theme.MUTED)
        whole.next_to(diagram.frame, UP, buff=0.15)
        with self.beat(
            "Let the square be every server in the fleet: total area one. "
            "Five percent are failing, so the failing column is a thin sliver "
            "0.05 wide; the healthy rest is 0.95."
        ):
            self.play(Write(heading), Create(diagram.frame), FadeIn(whole))
            self.play(diagram.split_by_prior())
            self.check_prior("fail", "ok", diagram, FAIL)
        self.play(FadeOut(whole), run_time=0.4)
        self.column_names = self._column_names(diagram, "fail", "ok")
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
        left_tex = theme.tex(left_label, size=30, color=theme.HYPOTHESIS).next_to(left, LEFT, 0.1)
        right_tex = theme.tex(right_label, size=30, color=theme.NOT_HYPOTHESIS)
        right_tex.next_to(right, RIGHT, 0.1)
        return VGroup(left, right, left_tex, right_tex)

    def _legend(self, diagram: BayesAreaDiagram, h: str, n: str, e: str, not_e: str) -> VGroup:
        """Four swatches with the areas of the drawn pieces: a table, the "=" signs aligned."""
        rows = VGroup()
        for key, (hyp, ev) in {
            "h_e": (h, e),
            "h_not_e": (h, not_e),
            "not_h_e": (n, e),
            "not_h_not_e": (n, not_e),
        }.items():
            color = theme.HYPOTHESIS if key.startswith("h_") else theme.NOT_HYPOTHESIS
            opacity = 0.25 if key.endswith("not_e") else 0.9
            swatch = legend_row(color, opacity, "", size=LABEL_SIZE)[0]
            readout = Readout(rf"P(\text{{{hyp}}},\ \text{{{ev}}})", 0.0, size=LABEL_SIZE)
            row = VGroup(swatch, readout)
            row.key = key
            rows.add(row)
        label_w = max(r[1].label.width for r in rows)
        for i, row in enumerate(rows):
            swatch, readout = row
            swatch.move_to([0, -i * 0.62, 0], aligned_edge=LEFT)
            readout.next_to(swatch, RIGHT, buff=0.25 + label_w - readout.label.width)
        rows.shift(LEGEND_LEFT * RIGHT - rows.get_left()[0] * RIGHT)
        rows.align_to(diagram.frame, UP)
        return rows

    def likelihood_beat(self, diagram: BayesAreaDiagram) -> VGroup:
        anim = diagram.split_by_likelihood()
        braces = self._likelihood_braces(diagram)
        legend = self._legend(diagram, "fail", "ok", "high CPU", "normal")
        # each row shows its drawn piece's area from the moment it appears
        for row in legend:
            row[1].set(diagram.area_shown(row.key))
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
        with self.beat(
            "Now split each column by how often CPU runs hot. Failing servers "
            "show high CPU 90 percent of the time. Across the fleet 20 percent do, "
            "which leaves 0.2 minus 0.045, over 0.95: about 16 percent of healthy "
            "servers running hot anyway."
        ):
            self.play(anim, FadeIn(self.column_names))
            self.play(Create(braces[:2]), FadeIn(braces[2:]))
            self.play(FadeIn(legend), run_time=1.2)
            shown = {row.key: row[1].value for row in legend}
            self.checkpoint(
                "joint_fail_high",
                diagram.area_shown("h_e"),
                expected=float(FAIL * HIGH_GIVEN_FAIL),
                tol=1e-6,
            )
            for key, joint in joints.items():
                self.checkpoint(names[key], shown[key], expected=float(joint))
            false_alarm = _false_alarm(FAIL, HIGH_GIVEN_FAIL, HIGH)
            self.checkpoint(
                "false_alarm_rate",
                diagram.height_share_shown("not_h_e"),
                expected=float(false_alarm),
                tol=1e-6,
            )
            self.check_likelihoods("fail", braces, HIGH_GIVEN_FAIL, false_alarm)
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
        evidence = Readout(r"P(\text{high CPU})", 0.0, color=theme.EVIDENCE, size=32)
        rule = Line(LEFT, RIGHT, stroke_color=theme.MUTED, stroke_width=2)
        rule.width = legend.width
        rule.next_to(legend, DOWN, buff=0.3).align_to(legend, LEFT)
        evidence.next_to(rule, DOWN, buff=0.3).align_to(legend, LEFT)
        evidence.set(diagram.evidence_shown())
        with self.beat(
            "The alert fires in both bright pieces, so its probability is their "
            "total area: 0.045 from failing servers plus 0.155 from healthy ones."
        ):
            self.play(legend[1].animate.set_opacity(DIMMED), legend[3].animate.set_opacity(DIMMED))
            self.play(Create(rule), FadeIn(evidence))
            self.checkpoint(
                "evidence_high_cpu", diagram.evidence_shown(), expected=float(HIGH), tol=1e-6
            )
            self.checkpoint("evidence_high_cpu_readout", evidence.value, expected=float(HIGH))
        self.stage = [braces, legend, rule, evidence, self.column_names]
        self.braces, self.evidence, self.rule = braces, evidence, rule
        return legend

    def condition_beat(self, diagram: BayesAreaDiagram, legend: VGroup) -> None:
        posterior = self._posterior_row(
            "fail", "high CPU", diagram.area_shown("h_e"), self.evidence.value
        )
        step = legend[1].get_center()[1] - legend[2].get_center()[1]
        lift = VGroup(self.rule, self.evidence)
        posterior.next_to(self.evidence, DOWN, buff=0.6).align_to(self.evidence, LEFT)
        with self.beat(
            "Once the alert has fired, only the bright pieces are still possible. "
            "Conditioning throws the rest away and stretches the evidence back to "
            "fill the square."
        ):
            self.play(
                FadeOut(VGroup(self.braces, self.column_names, legend[1], legend[3])),
                diagram.condition_on_evidence(),
                run_time=2.0,
            )
            self.play(
                legend[2].animate.shift(step * UP), lift.animate.shift(2 * step * UP), run_time=0.6
            )
        posterior.shift(2 * step * UP)
        names = self._conditioned_names(diagram, "fail", "ok")
        widths = self._width_braces(diagram)
        posterior[1].set(diagram.posterior_shown())
        with self.beat(
            "The failing share of what is left is 0.045 out of 0.2: 22.5 percent. "
            "The alert makes failure four and a half times likelier, yet most "
            "alerts still come from healthy servers.",
            hold=0.5,
        ):
            self.play(FadeIn(names), FadeIn(posterior))
            self.play(Create(widths[:2]), FadeIn(widths[2:]))
            expected = _bayes_by_hand(P_FAIL, P_HIGH_GIVEN_FAIL, P_HIGH)
            self.checkpoint(
                "posterior_fail_given_high_drawn",
                diagram.posterior_shown(),
                expected=expected,
                tol=1e-6,
            )
            self.check_posterior("fail", posterior, widths, FAIL * HIGH_GIVEN_FAIL, HIGH)
            self.checkpoint("posterior_fail_given_high", posterior[1].value, expected=expected)
        self.stage = [legend[0], legend[2], self.rule, self.evidence, posterior, names, widths]

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

    def _posterior_row(self, h: str, e: str, joint: float, evidence: float) -> VGroup:
        """``P(h | e) = joint / evidence = …``: the fraction's numbers read from the drawing,
        each typeset on its own, then the quotient as a readout."""
        fraction = theme.tex(
            rf"P(\text{{{h}}} \mid \text{{{e}}})",
            "=",
            f"{{{joint:.3f}",
            r"\over",
            f"{evidence:.3f}}}",
            color=theme.HYPOTHESIS,
            size=34,
        )
        quotient = Readout("", 0.0, color=theme.HYPOTHESIS, size=34)
        return VGroup(fraction, quotient).arrange(RIGHT, buff=0.15)

    def _width_braces(self, diagram: BayesAreaDiagram) -> VGroup:
        """Braces under the stretched pieces, labelled with their widths (= their areas)."""
        parts = VGroup()
        labels = VGroup()
        for key, color in (("h_e", theme.HYPOTHESIS), ("not_h_e", theme.NOT_HYPOTHESIS)):
            piece = diagram.regions[key]
            brace = Brace(piece, DOWN, buff=0.08, color=color)
            label = theme.tex(f"{diagram.width_share_shown(key):.3f}", size=30, color=color)
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
    def friday_beat(self) -> None:
        model = BayesModel.from_evidence_rate(P_INCIDENT, P_FRIDAY_GIVEN_INCIDENT, P_FRIDAY)
        diagram = BayesAreaDiagram(model, side=SIDE, h_name="incident", e_name="Friday")
        diagram.move_to(SQUARE_CENTER)
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
        facts.align_to([LEGEND_LEFT, 0, 0], LEFT).align_to(diagram.frame, UP)
        self.declare_shown(facts, "the brief's data for the Friday question")
        with self.beat(
            "Same picture, new question. Eight percent of deploys cause an "
            "incident, three quarters of those went out on a Friday, and one "
            "deploy in five ships on a Friday."
        ):
            self.play(Write(heading), Create(diagram.frame), FadeIn(facts, lag_ratio=0.3))
            self.play(diagram.split_by_prior())
            self.check_prior("incident", "fine", diagram, INCIDENT)
            names = self._column_names(diagram, "incident", "fine")
            self.play(diagram.split_by_likelihood(), FadeIn(names))
            braces = self._likelihood_braces(diagram)
            self.play(Create(braces[:2]), FadeIn(braces[2:]))
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
            "incident", "Friday", diagram.area_shown("h_e"), diagram.evidence_shown()
        )
        posterior.next_to(facts, DOWN, buff=0.7).align_to(facts, LEFT)
        with self.beat(
            "Condition on Friday and zoom in: incidents fill 0.06 of the 0.2 "
            "Friday column, so 30 percent of Friday deploys go wrong, almost four "
            "times the base rate.",
            hold=0.5,
        ):
            self.play(FadeOut(VGroup(names, braces)), diagram.condition_on_evidence(), run_time=2.0)
            names = self._conditioned_names(diagram, "incident", "fine")
            widths = self._width_braces(diagram)
            posterior[1].set(diagram.posterior_shown())
            self.play(FadeIn(names), FadeIn(posterior))
            self.play(Create(widths[:2]), FadeIn(widths[2:]))
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
        self.play(FadeOut(VGroup(diagram, heading, facts, names, posterior, widths)), run_time=0.6)

    # --- Bayes' rule --------------------------------------------------------------------
    def bayes_rule_beat(self) -> None:
        heading = theme.heading("Bayes' rule: areas, written down")
        rule = theme.tex(r"P(H \mid E)", "=", r"{P(E \mid H)\, P(H)", r"\over", r"P(E)}", size=54)
        rule[0].set_color(theme.HYPOTHESIS)
        rule[2].set_color(theme.HYPOTHESIS)
        rule[4].set_color(theme.EVIDENCE)
        rule.move_to(1.2 * UP)
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
            size=38,
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
            size=38,
        )
        for line in (server, friday):
            for part in (2, 3, 4):
                line[part].set_color(theme.HYPOTHESIS)
            line[6].set_color(theme.EVIDENCE)
            line[8].set_color(theme.ACCENT)
        examples = VGroup(server, friday).arrange(DOWN, buff=0.5).next_to(rule, DOWN, buff=0.8)
        with self.beat(
            "Written down, the picture is Bayes' rule: the piece where both "
            "happen, likelihood times prior, divided by the whole evidence column."
        ):
            self.play(Write(heading), Write(rule))
        with self.beat(
            "A small prior drags the answer down. It is the same instinct that "
            "tells you one red run of a flaky test is rarely a real regression.",
            hold=0.5,
        ):
            self.play(FadeIn(examples, shift=0.2 * UP, lag_ratio=0.4))
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


SCENES = [ConditionalProbability]
