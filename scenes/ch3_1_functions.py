"""3.1 Functions: a machine that turns inputs into outputs, a mapping with one arrow per
input, and composition as a pipeline whose order matters.

The machine g(x) = 2x + 1 takes a queue of tokens, 3, 0 and 3 again: each copy goes in through
the hopper, the gears turn, and the output slides out of the chute into the same row, so the
repeated 3 visibly gives the same 7. Then the recommender's star ratings are mapped to a
verdict by a Python dict: two ovals, one arrow per rating, and a column counting the arrows
that leave each input (the counters follow the drawn arrows). A sixth arrow, 3 → watch, makes
rating 3 leave twice: flagged, the relation is not a function. Last, g and f(x) = x² chained
like middleware: 3 → 7 → 49 through g then f, every intermediate value on its own token
between the machines; the order swapped, 3 → 9 → 19. Forty-nine is not nineteen.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp
from manim import (
    LEFT,
    RIGHT,
    UP,
    Circumscribe,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    VGroup,
    Write,
    smooth,
    squish_rate_func,
)

from mathviz import theme
from mathviz.maths.functions import Relation, affine, power
from mathviz.primitives.function_machine import FunctionMachine, MappingDiagram, Pipeline, Token
from mathviz.readings import derived, printed_all
from mathviz.scene import LectureScene
from mathviz.theme import at

#: the two machines: g doubles and adds one, f squares
G = affine("g", 2, 1)
F = power("f", 2)
#: each function's formula as sympy reads it: the checkpoints' route, apart from the rules
X = sp.Symbol("x")
G_EXPR, F_EXPR = 2 * X + 1, X**2
#: the sample input of the pipelines, and the queue the single machine eats
SAMPLE = 3
QUEUE = (3, 0, 3)
QUEUE_Y = (1.7, -0.2, -2.1)
#: the single machine's input and output columns (±x), their heads' height, token size
COLUMN_X, HEAD_Y = 5.6, 2.95
BIG_SIZE, BIG_HEIGHT = 56, 1.0
INPUT_COLOR, G_COLOR, F_COLOR = theme.VECTOR_SECOND, theme.BASIS_I, theme.VECTOR_SUM

#: the recommender's star ratings sent to a verdict, as the dict on screen spells it
VERDICT = {1: "skip", 2: "skip", 3: "maybe", 4: "watch", 5: "watch"}
VERDICT_CODE = 'verdict = {1: "skip", 2: "skip", 3: "maybe", 4: "watch", 5: "watch"}'
#: the arrow that breaks the rule
EXTRA = (3, "watch")

#: the two pipelines' rows, and where their outputs are compared
ROW_Y = (1.25, -2.3)
COMPARE = (4.4, -0.55)


def value_of(expr: sp.Expr, x: Fraction | int) -> Fraction:
    """``expr`` at ``x``, evaluated by sympy, as an exact fraction."""
    result = sp.Rational(expr.subs(X, sp.Rational(Fraction(x).numerator, Fraction(x).denominator)))
    return Fraction(int(result.p), int(result.q))


class Functions(LectureScene):
    chapter_id = "3.1"

    def construct(self) -> None:
        self.open_chapter("A function takes an input and hands back exactly one output.")
        self.machine_beats()
        self.mapping_beats()
        self.pipeline_beats()
        self.close_chapter(
            "One input, one output.  f ∘ g runs g first.",
            "Every input gets exactly one output, and f after g runs g first. "
            "Next, the common function types.",
        )

    # --- the machine ---------------------------------------------------------------------
    def machine_beats(self) -> None:
        machine = FunctionMachine(
            G, G_COLOR, center=(0.0, -0.2), width=4.6, height=3.0, mouth=0.9, formula_size=60
        )
        inputs = [
            Token(x, INPUT_COLOR, size=BIG_SIZE, height=BIG_HEIGHT).move_to(at(-COLUMN_X, y))
            for x, y in zip(QUEUE, QUEUE_Y, strict=True)
        ]
        for token in inputs:
            self.declare_shown(token, "the inputs fed to the machine, as chosen")
        heads = VGroup(
            theme.tex("x", size=56, color=INPUT_COLOR).move_to(at(-COLUMN_X, HEAD_Y)),
            theme.tex("g(x)", size=56, color=G_COLOR).move_to(at(COLUMN_X, HEAD_Y)),
        )
        outputs: list[Token] = []
        with self.beat(
            "Picture g as a machine: whatever goes in is doubled, then one is added. "
            "Drop in three, and seven slides out of the chute."
        ) as beat:
            beat.say(0, machine.create(), FadeIn(heads), FadeIn(VGroup(*inputs), lag_ratio=0.3))
            feed = machine.feed(inputs[0], at(COLUMN_X, QUEUE_Y[0]))
            beat.say(1, feed.animation)
            outputs.append(feed.output)
            self.checkpoint("g(3)_machine", feed.output.value_shown, expected=value_of(G_EXPR, 3))
        with self.beat(
            "Feed it zero and out comes one. Feed it three again and seven comes out "
            "again: the same input always gives the same output."
        ) as beat:
            for i, sentence in ((1, 0), (2, 1)):
                feed = machine.feed(inputs[i], at(COLUMN_X, QUEUE_Y[i]))
                beat.say(sentence, feed.animation)
                outputs.append(feed.output)
            self.checkpoint("g(0)_machine", outputs[1].value_shown, expected=value_of(G_EXPR, 0))
            self.checkpoint(
                "g(3)_machine_again", outputs[2].value_shown, expected=value_of(G_EXPR, 3)
            )
        self.play(FadeOut(VGroup(machine, heads, *inputs, *outputs)), run_time=0.6)

    # --- the mapping ---------------------------------------------------------------------
    def mapping_beats(self) -> None:
        relation = Relation.from_mapping(VERDICT)
        diagram = MappingDiagram(
            relation,
            domain_center=(-2.0, -0.85),
            codomain_center=(3.0, -0.85),
            size=(3.2, 5.2),
            codomain_y=(-0.85 + 1.425, -0.85, -0.85 - 1.425),
            titles=("domain: star ratings", "codomain: verdicts"),
        )
        code = theme.code(VERDICT_CODE, size=22).to_edge(UP, buff=0.35)
        self.declare_shown(code, "the dict from star ratings to verdicts, as given")
        self.declare_shown(VGroup(*diagram.domain_labels), "the star ratings 1 to 5")
        with self.beat(
            "The second picture is a mapping. This dict sends every star rating to a "
            "verdict, and the diagram draws one arrow for each key, from the domain on "
            "the left to the codomain on the right."
        ) as beat:
            beat.say(0, diagram.create())
            beat.say(1, Write(code), diagram.draw_arrows())
            # which verdict each rating's arrow reaches, read from the drawn arrows' ends
            self.checkpoint(
                "mapping_from_arrows",
                diagram.mapping_shown(),
                expected=[relation.codomain.index(VERDICT[r]) for r in sorted(VERDICT)],
            )
        diagram.follow_counts()
        counters = diagram.counters
        with self.invariant(
            "arrow counters equal the arrows drawn from each input",
            lambda: (printed_all(counters), diagram.arrows_per_input_shown()),
        ):
            with self.beat(
                "Ratings one and two both land on skip, and that is allowed. What makes it "
                "a function is this column: exactly one arrow leaves every input."
            ) as beat:
                skip = VGroup(diagram.codomain_dots[0], diagram.codomain_labels[0])
                into_skip = [a for s, t, a in diagram.arrows if t == VERDICT[1]]
                beat.say(
                    0,
                    Indicate(skip, color=theme.ACCENT, scale_factor=1.25),
                    *(Indicate(a, color=theme.ACCENT, scale_factor=1.0) for a in into_skip),
                )
                beat.say(1, diagram.show_counters())
                self.checkpoint(
                    "arrows_per_input_function",
                    diagram.arrows_per_input_shown(),
                    expected=[1] * len(VERDICT),
                )
                self.checkpoint(
                    "arrow_counters_function", printed_all(counters), expected=[1] * len(VERDICT)
                )
            ring = diagram.ring(EXTRA[0])
            verdict = theme.text(
                "rating 3 has two outputs: not a function", size=theme.BODY_SIZE, color=theme.BAD
            ).to_edge(UP, buff=0.35)
            self.declare_shown(verdict, "names the flagged input")
            with self.beat(
                "Now let rating three point at watch as well. With two arrows leaving "
                "three, its output is no longer defined, so this relation is not a function."
            ) as beat:
                beat.say(0, diagram.add_arrow(*EXTRA, color=theme.BAD))
                beat.say(
                    1,
                    Create(ring),
                    FadeOut(code, rate_func=squish_rate_func(smooth, 0.0, 0.5)),
                    FadeIn(verdict, rate_func=squish_rate_func(smooth, 0.5, 1.0)),
                )
                broken = relation.with_arrow(*EXTRA)
                self.checkpoint(
                    "arrows_per_input_relation",
                    diagram.arrows_per_input_shown(),
                    expected=[sum(1 for s, _ in broken.arrows if s == r) for r in broken.domain],
                )
                self.checkpoint(
                    "targets_of_rating_3",
                    diagram.targets_shown(relation.domain.index(EXTRA[0])),
                    expected=sorted(relation.codomain.index(v) for v in (VERDICT[3], EXTRA[1])),
                )
                self.checkpoint(
                    "arrow_counter_rating_3",
                    diagram.counter_shown(relation.domain.index(EXTRA[0])),
                    expected=2,
                )
        for counter in counters:
            counter.clear_updaters()
        self.play(FadeOut(VGroup(diagram, diagram.counter_column, ring, verdict)), run_time=0.6)

    # --- composition ---------------------------------------------------------------------
    def pipeline_beats(self) -> None:
        first = Pipeline([G, F], [G_COLOR, F_COLOR], y=ROW_Y[0], width=2.7)
        second = Pipeline([F, G], [F_COLOR, G_COLOR], y=ROW_Y[1], width=2.7)
        formulas = [
            theme.tex(r"(f \circ g)(x) = f(g(x))", size=40).move_to(
                at(-6.5, ROW_Y[0] + 1.45), LEFT
            ),
            theme.tex(r"(g \circ f)(x) = g(f(x))", size=40).move_to(
                at(-6.5, ROW_Y[1] + 1.45), LEFT
            ),
        ]
        with self.beat(
            "Functions chain like middleware. The output of g feeds straight into f, which "
            "squares it. The whole chain is one function: f after g."
        ) as beat:
            beat.say(0, first.create())
            beat.say(1, first.machines[1].spin(), Indicate(first.machines[1].formula))
            beat.say(2, Write(formulas[0]))
        with self.beat(
            "Send three down the line. First g makes seven. Then f squares seven into forty-nine."
        ) as beat:
            beat.say(0, first.put(SAMPLE, INPUT_COLOR))
            self.declare_shown(first.token(0), "the sample input")
            beat.say(1, first.stage(0))
            beat.say(2, first.stage(1))
            g_x = value_of(G_EXPR, SAMPLE)
            self.checkpoint("g(x)_at_3", first.value_shown(1), expected=g_x)
            self.checkpoint("f(g(x))_at_3", first.value_shown(2), expected=value_of(F_EXPR, g_x))
        with self.beat(
            "Swap the order and the answer changes. Squaring first gives nine. Then g "
            "turns nine into nineteen."
        ) as beat:
            beat.say(0, second.create(), Write(formulas[1]), second.put(SAMPLE, INPUT_COLOR))
            self.declare_shown(second.token(0), "the sample input")
            beat.say(1, second.stage(0))
            beat.say(2, second.stage(1))
            f_x = value_of(F_EXPR, SAMPLE)
            self.checkpoint("f(x)_at_3", second.value_shown(1), expected=f_x)
            self.checkpoint("g(f(x))_at_3", second.value_shown(2), expected=value_of(G_EXPR, f_x))
        # the two outputs side by side, between the rows: 49 ≠ 19
        differs = theme.tex(r"\neq", size=72, color=theme.BAD).move_to(at(*COMPARE))
        outcomes = [first.token(2).copy(), second.token(2).copy()]
        spots = [differs.get_left() + 0.7 * LEFT, differs.get_right() + 0.7 * RIGHT]
        with self.beat(
            "Forty-nine is not nineteen: f after g and g after f are different functions. "
            "In a middleware chain, as in maths, the order matters."
        ) as beat:
            beat.say(
                0,
                *(c.animate.move_to(spot) for c, spot in zip(outcomes, spots, strict=True)),
                Write(differs),
            )
            beat.say(1, Circumscribe(formulas[0]), Circumscribe(formulas[1]))
            fg_3, gf_3 = (
                value_of(F_EXPR.subs(X, G_EXPR), SAMPLE),
                value_of(G_EXPR.subs(X, F_EXPR), SAMPLE),
            )
            self.checkpoint("compared_(f∘g)(3)", outcomes[0].value_shown, expected=fg_3)
            self.checkpoint("compared_(g∘f)(3)", outcomes[1].value_shown, expected=gf_3)
            self.checkpoint(
                "order_changes_the_output",
                derived(
                    "(f∘g)(3) − (g∘f)(3) from the two outputs typeset side by side",
                    float(outcomes[0].value_shown) - float(outcomes[1].value_shown),
                    outcomes[0].value_shown,
                    outcomes[1].value_shown,
                ),
                expected=float(fg_3 - gf_3),
            )


SCENES = [Functions]
