"""2.1 Variables & Expressions: one line of the recommender, as the tree Python evaluates.

``predicted_rating = bias + weight * feature`` is typed; its names become variables, boxes
that hold a bias of 3.2 stars, a user's weight of 2.4 for action films and a film's action
feature of 0.5. The line grows into its expression tree (each token flies from the code into
its card), and evaluation climbs it: the leaves look their boxes up, the product runs once
both its inputs have values (1.2), then the sum (4.4), which is bound to ``predicted_rating``
and dropped on a star scale. Brackets around ``bias + weight`` reshape the tree — the sum now
sits under the product — and the same numbers give 2.8: precedence is the tree's shape.
Last, the weight is rebound step by step down to −1.2 while the whole tree re-evaluates at
every step; the prediction falls to 2.6 stars.

Every number is read back from the drawing: the digits typeset in the cards and boxes, which
cards show a value (the order they got one), the rows the cards sit in, the star scale's dot
through its number line. Expected values come from Python's own ``ast`` of the same line,
evaluated with exact fractions.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import numpy as np
from manim import Circumscribe, Succession, VGroup
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.expressions import parse_assignment, postorder
from mathviz.primitives.expression_tree import (
    ExpressionTree,
    RatingGauge,
    Retype,
    VariableBox,
)
from mathviz.primitives.notation import CodeListing
from mathviz.readings import Printed, derived
from mathviz.scene import LectureScene

#: the line of code, and the same line with brackets around the sum
LINE = "predicted_rating = bias + weight * feature"
BRACKETED = "predicted_rating = (bias + weight) * feature"
#: the variables' values (the recommender's bias in stars; a user's weight; a film's feature)
VALUES = {"bias": "3.2", "weight": "2.4", "feature": "0.5"}
#: the weight rebound step by step, 0.2 at a time, down to a user who avoids action films
NEW_WEIGHT = Fraction("-1.2")
WEIGHT_STEPS = [Fraction(24 - 2 * k, 10) for k in range(1, 19)]
#: colours: one per variable, the prediction its own
COLORS = {"bias": theme.BIAS, "weight": theme.VECTOR_SECOND, "feature": theme.BASIS_I}
PREDICTION = theme.VECTOR_SUM
#: where things sit: the code on top, variables on the left, the tree, the star scale
CODE_ANCHOR = (-5.35, 3.5, 0.0)
BOX_X, BOX_TOP, BOX_PITCH = -5.55, 1.85, 1.55
TREE_CENTER, TREE_UNIT = (0.6, -0.55, 0.0), (2.7, 2.0)
GAUGE_BOTTOM, GAUGE_LENGTH = (6.1, -2.9, 0.0), 4.8


# --- the truth, from Python's own parser ----------------------------------------------------
_AST_OPS: dict[type, Callable[[Fraction, Fraction], Fraction]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


def python_value(expression: str, env: dict[str, Fraction]) -> Fraction:
    """``expression`` evaluated exactly over ``env``, walking the tree ``ast`` parses."""

    def walk(node: ast.AST) -> Fraction:
        if isinstance(node, ast.Name):
            return env[node.id]
        if isinstance(node, ast.Constant):
            return Fraction(str(node.value))
        if isinstance(node, ast.BinOp):
            return _AST_OPS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError(f"cannot evaluate {ast.dump(node)}")

    return walk(ast.parse(expression, mode="eval").body)


def python_postorder(line: str) -> list[int]:
    """The offsets of the names and operators of ``line``'s right-hand side, children
    before parents, from ``ast`` (an operator's offset is its symbol's, between its operands)."""
    value = ast.parse(line).body[0].value  # type: ignore[attr-defined]
    out: list[int] = []

    def walk(node: ast.AST) -> None:
        if isinstance(node, ast.BinOp):
            walk(node.left)
            walk(node.right)
            gap = line[node.left.end_col_offset : node.right.col_offset]
            symbol = next(c for c in gap if c in "+-*/")
            out.append(node.left.end_col_offset + gap.index(symbol))  # type: ignore[operator]
        else:
            out.append(node.col_offset)  # type: ignore[attr-defined]

    walk(value)
    return out


def python_depth(line: str, op: type) -> int:
    """How far below the root of ``line``'s ``ast`` the (one) operator ``op`` sits."""

    def find(node: ast.AST, depth: int) -> int | None:
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, op):
                return depth
            return find(node.left, depth + 1) or find(node.right, depth + 1)
        return None

    found = find(ast.parse(line).body[0].value, 0)  # type: ignore[attr-defined]
    assert found is not None
    return found


def exact(reading: Printed) -> Fraction:
    """The decimal a printed reading shows, as a fraction."""
    return Fraction(f"{float(reading):.{reading.decimals}f}")


class VariablesAndExpressions(LectureScene):
    chapter_id = "2.1"

    def construct(self) -> None:
        self.open_chapter("One line of Python, and the tree it really is.")
        self.source = LINE
        self.code = CodeListing(LINE, size=28, anchor=CODE_ANCHOR)
        self.code_card = self.code.card
        names = ["predicted_rating", *VALUES]
        self.boxes = {
            name: VariableBox(name, COLORS.get(name, PREDICTION), width=2.5) for name in names
        }
        for i, box in enumerate(self.boxes.values()):
            box.box.move_to(np.array([BOX_X, BOX_TOP - i * BOX_PITCH, 0.0]))
            box.label.next_to(box.box, direction=np.array([0.0, 1.0, 0.0]), buff=0.1)
            box.label.align_to(box.box, np.array([-1.0, 0.0, 0.0]))
            box.number.move_to(box.box)
        self.tree = ExpressionTree(
            parse_assignment(LINE).expression, center=TREE_CENTER, unit=TREE_UNIT, colors=COLORS
        )
        self.gauge = RatingGauge(GAUGE_BOTTOM, length=GAUGE_LENGTH, color=PREDICTION)
        self.code_beats()
        with self.holding("bias + weight * feature"):
            self.tree_beat()
            self.evaluation_beats()
            self.precedence_beats()
            self.rebinding_beats()
        self.close_chapter(
            "An expression is a tree: leaves first, the root last.",
            "Precedence is the shape of the tree, and evaluation climbs it from the leaves "
            "to the root. Next, linear equations.",
        )

    def recode(self, line: str) -> Animation:
        """The code becomes ``line`` (play it, then :meth:`settle_code`)."""
        self._retype = Retype(self.code, line, self.code_card)
        self.code = self._retype.listing
        return self._retype.animation

    def settle_code(self) -> None:
        self._retype.settle(self)

    # --- what holds while things move ---------------------------------------------------------
    @contextlib.contextmanager
    def holding(self, name: str) -> Iterator[None]:
        """Every value a card shows is its subexpression evaluated, by Python's parser, from
        the digits in the variables' boxes; and no card shows a value before its children."""
        with (
            self.invariant(f"cards show {name} evaluated from the boxes", self.cards_vs_python),
            self.invariant("no card shows a value before its children", self.no_parent_ahead),
        ):
            yield

    def env_shown(self) -> dict[str, Fraction]:
        """The variables as their boxes show them."""
        return {name: exact(self.boxes[name].value_shown()) for name in VALUES}

    def cards_vs_python(self) -> tuple[Any, Any]:
        shown = self.tree.values_shown()
        env = self.env_shown()
        nodes = {n.label: n for n in postorder(self.tree.root)}
        expected = [
            float(python_value(self.source[nodes[k].start : nodes[k].end], env)) for k in shown
        ]
        readings = list(shown.values())
        return (readings or [self.boxes["bias"].value_shown()]), (expected or [float(env["bias"])])

    def no_parent_ahead(self) -> tuple[Any, Any]:
        return self.tree.parents_ahead_shown(), 0

    # --- the line and its variables -------------------------------------------------------------
    def code_beats(self) -> None:
        code, boxes = self.code, self.boxes
        with self.beat(
            "Here is one line of a movie recommender. It predicts the star rating a user "
            "will give a film."
        ) as b:
            b.say(0, code.create(run_time=b.sentence(0)))
            b.say(
                1,
                self.gauge.create(),
                boxes["predicted_rating"].create(name_from=code.find("predicted_rating")),
            )
        with self.beat(
            "Each name in it is a variable, a labelled box that holds a number. The bias is "
            "3.2 stars, this user's weight for action films is 2.4, and this film's action "
            "feature is 0.5."
        ) as b:
            b.say(0, *(boxes[name].create(name_from=code.find(name)) for name in VALUES))
            step = b.sentence(1) / 3
            for name, value in VALUES.items():
                self.play(boxes[name].bind(float(value)), run_time=step)
            for name, value in VALUES.items():
                self.checkpoint(
                    f"{name}_box", boxes[name].value_shown(), expected=float(Fraction(value))
                )

    # --- the tree -------------------------------------------------------------------------------
    def tree_beat(self) -> None:
        tree, code = self.tree, self.code
        self.add(tree)
        with self.beat(
            "Python does not run this line from left to right. It parses it into a tree: "
            "the names become leaves, and each operator becomes a node over the two values "
            "it combines."
        ) as b:
            b.say(0, Circumscribe(code.glyphs(0, 19, len(LINE)), color=theme.BAD, run_time=1.5))
            b.say(1, tree.grow(code, run_time=b.sentence(1)))
            self.checkpoint("cards_drawn", tree.nodes_shown(), expected=len(VALUES) + 2)
            self.checkpoint("edges_drawn", tree.edges_shown(), expected=len(VALUES) + 1)
            self.checkpoint(
                "product_row", tree.depth_shown("*"), expected=python_depth(LINE, ast.Mult)
            )
            self.checkpoint("sum_row", tree.depth_shown("+"), expected=python_depth(LINE, ast.Add))

    # --- evaluating, leaves first ---------------------------------------------------------------
    def evaluation_beats(self) -> None:
        tree, boxes = self.tree, self.boxes
        env = {k: Fraction(v) for k, v in VALUES.items()}
        order: list[int] = []
        snapshots: list[Any] = []

        def note() -> None:
            now = tree.evaluated_shown()
            snapshots.append(now)
            order.extend(t for t in now if t not in order)

        with self.beat(
            "Evaluation starts at the leaves: each one looks up the value in its variable's box."
        ) as b:
            step = (b.speech_end - self.clock) / 3
            for name in VALUES:
                self.play(tree.look_up(name, boxes[name].number, run_time=step))
                note()
        with self.beat(
            "The multiplication now has both of its inputs, so it runs first: 2.4 times 0.5 is 1.2."
        ) as b:
            b.say(0, tree.evaluate("*", python_value("weight * feature", env)))
            note()
            self.checkpoint(
                "product_card",
                tree.value_shown("*"),
                expected=float(python_value("weight * feature", env)),
            )
        prediction = python_value("bias + weight * feature", env)
        with self.beat(
            "Only then can the addition run: 3.2 plus 1.2 is 4.4. That root value is "
            "assigned to predicted rating, 4.4 stars."
        ) as b:
            b.say(0, tree.evaluate("+", prediction))
            note()
            root = tree.cards["+"].value
            b.say(
                1,
                boxes["predicted_rating"].receive(root),
                self.gauge.drop(float(prediction), tuple(root.get_center())),
            )
            self.checkpoint("sum_card", tree.value_shown("+"), expected=float(prediction))
            self.checkpoint(
                "predicted_rating_box",
                boxes["predicted_rating"].value_shown(),
                expected=float(prediction),
            )
            self.checkpoint(
                "rating_on_scale", self.gauge.value_shown(), expected=float(prediction), tol=1e-6
            )
            self.checkpoint(
                "evaluation_order",
                derived("order in which the cards' values appeared", order, *snapshots),
                expected=python_postorder(LINE),
            )

    # --- precedence is the tree's shape ---------------------------------------------------------
    def precedence_beats(self) -> None:
        tree, code, boxes, gauge = self.tree, self.code, self.boxes, self.gauge
        env = {k: Fraction(v) for k, v in VALUES.items()}
        with self.beat(
            "Why did the multiplication go first? Because of the tree's shape: the product "
            "sits below the sum, so the sum has to wait for it."
        ) as b:
            product = VGroup(tree.cards["*"], tree.cards["weight"], tree.cards["feature"])
            b.say(0, Circumscribe(code.glyphs(0, 26, 42), color=theme.ACCENT))
            b.say(1, Circumscribe(product, color=theme.ACCENT, run_time=b.sentence(1)))
        bracketed = parse_assignment(BRACKETED).expression
        with self.beat(
            "Put brackets around bias plus weight, and the tree regrows: now the sum "
            "sits underneath."
        ) as b:
            gauge.leave_ghost()
            self.play(tree.clear(["+", "*"]), run_time=0.8)
            self.source = BRACKETED
            b.say(0, self.recode(BRACKETED), tree.reshape(bracketed))
            self.settle_code()
            tree.tidy()
            self.checkpoint(
                "sum_row_with_brackets",
                tree.depth_shown("+"),
                expected=python_depth(BRACKETED, ast.Add),
            )
        total = python_value("bias + weight", env)
        product_value = python_value("(bias + weight) * feature", env)
        with self.beat(
            "The sum runs first, 5.6, then the product: 5.6 times 0.5 is 2.8 stars. Same "
            "numbers, a different tree, a different answer."
        ) as b:
            self.play(tree.evaluate("+", total), run_time=b.sentence(0) * 0.45)
            self.play(tree.evaluate("*", product_value), run_time=b.sentence(0) * 0.55)
            root = tree.cards["*"].value
            b.say(
                1,
                boxes["predicted_rating"].receive(root),
                gauge.move_to_value(float(product_value)),
            )
            self.checkpoint("bracketed_sum_card", tree.value_shown("+"), expected=float(total))
            self.checkpoint(
                "bracketed_product_card", tree.value_shown("*"), expected=float(product_value)
            )
            self.checkpoint(
                "bracketed_rating_on_scale",
                gauge.value_shown(),
                expected=float(product_value),
                tol=1e-6,
            )
        original = parse_assignment(LINE).expression
        prediction = python_value("bias + weight * feature", env)
        with self.beat(
            "Multiplication binds tighter than addition, so without brackets Python always "
            "builds the first tree."
        ) as b:
            self.play(tree.clear(["+", "*"]), run_time=0.6)
            self.source = LINE
            self.play(self.recode(LINE), tree.reshape(original), run_time=b.sentence(0) * 0.5)
            self.settle_code()
            tree.tidy()
            self.play(tree.evaluate("*", python_value("weight * feature", env)), run_time=1.2)
            self.play(tree.evaluate("+", prediction), run_time=1.2)
            root = tree.cards["+"].value
            self.play(
                boxes["predicted_rating"].receive(root),
                gauge.move_to_value(float(prediction)),
                run_time=1.0,
            )

    # --- rebinding a variable -------------------------------------------------------------------
    def rebinding_beats(self) -> None:
        tree, boxes, gauge = self.tree, self.boxes, self.gauge
        weight = boxes["weight"]
        tree.follow(self.env_shown)
        # updaters run in drawing order: whatever reads the root comes after the tree
        self.bring_to_front(boxes["predicted_rating"], gauge)
        root_value: Callable[[], Printed] = lambda: tree.value_shown("+")  # noqa: E731
        gauge.follow(lambda: float(root_value()))
        boxes["predicted_rating"].follow(lambda: float(root_value()))
        env = {**{k: Fraction(v) for k, v in VALUES.items()}, "weight": NEW_WEIGHT}
        with (
            self.invariant(
                "the scale's dot sits at the root's value",
                lambda: (gauge.value_shown(), float(root_value())),
                tol=1e-6,
            ),
            self.invariant(
                "predicted_rating holds the root's value",
                lambda: (boxes["predicted_rating"].value_shown(), root_value()),
            ),
        ):
            with self.beat(
                "Now rebind a variable. Turn the weight down, a step at a time, to minus "
                "1.2: a user who avoids action films."
            ) as b:
                self.play(
                    weight.tick_through([float(w) for w in WEIGHT_STEPS]),
                    run_time=b.speech_end - self.clock,
                )
                self.checkpoint(
                    "rebound_weight_box", weight.value_shown(), expected=float(NEW_WEIGHT)
                )
                self.checkpoint(
                    "rebound_product_card",
                    tree.value_shown("*"),
                    expected=float(python_value("weight * feature", env)),
                )
            new_prediction = python_value("bias + weight * feature", env)
            with self.beat(
                "At every step the product and the sum are computed again, and the prediction "
                "falls to 2.6 stars. The code never changed; only a binding did."
            ) as b:
                b.say(
                    0,
                    Succession(
                        tree.evaluate("*", python_value("weight * feature", env)),
                        tree.evaluate("+", new_prediction),
                    ),
                )
                b.say(
                    1,
                    Circumscribe(self.code.rows[0], color=theme.ACCENT),
                    Circumscribe(weight, color=theme.ACCENT),
                )
                self.checkpoint(
                    "rebound_sum_card", tree.value_shown("+"), expected=float(new_prediction)
                )
                self.checkpoint(
                    "rebound_rating_on_scale",
                    gauge.value_shown(),
                    expected=float(new_prediction),
                    tol=1e-6,
                )
                self.checkpoint("earlier_prediction_marked", gauge.ghosts_shown(), expected=1)
        for follower in (tree, gauge, boxes["predicted_rating"]):
            follower.stop_following()


SCENES = [VariablesAndExpressions]
