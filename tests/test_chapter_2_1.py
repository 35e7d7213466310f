"""2.1 Variables & Expressions: every value the lecture shows, recomputed here — with exact
fractions, with CPython's own evaluation of the same line (``eval`` over Fraction
variables), its bytecode (``dis``: the order the interpreter computes things in) and its
``ast`` (the tree's shape) — against what was read back from the cards, boxes and star scale."""

from __future__ import annotations

import ast
import dis
from fractions import Fraction

import pytest

LINE = "predicted_rating = bias + weight * feature"
BRACKETED = "predicted_rating = (bias + weight) * feature"
#: the brief's recommender: a bias of 3.2 stars, a user's weight, a film's feature
BIAS, WEIGHT, FEATURE = Fraction(32, 10), Fraction(24, 10), Fraction(5, 10)
NEW_WEIGHT = Fraction(-12, 10)


@pytest.fixture(scope="module")
def values(shown):
    return shown("2.1")


def run_line(line: str, **variables: Fraction) -> Fraction:
    """Execute the line of code itself and return what it assigned."""
    namespace: dict[str, object] = dict(variables)
    exec(compile(line, "<recommender>", "exec"), {}, namespace)  # noqa: S102 - our own line
    result = namespace["predicted_rating"]
    assert isinstance(result, Fraction)
    return result


def rounded(x: Fraction, places: int = 1) -> float:
    """``x`` as shown with ``places`` decimals (exact values here, so no tie arises)."""
    return round(float(x), places)


def test_the_variables_hold_the_brief_values(values):
    assert values["bias_box"] == float(BIAS) == 3.2
    assert values["weight_box"] == float(WEIGHT) == 2.4
    assert values["feature_box"] == float(FEATURE) == 0.5


def test_the_tree_has_a_card_per_name_and_operator(values):
    tree = ast.parse(LINE).body[0].value
    nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Name, ast.BinOp))]
    assert values["cards_drawn"] == len(nodes) == 5
    assert values["edges_drawn"] == len(nodes) - 1  # a tree: one edge per non-root node


def test_precedence_is_the_shape_of_the_tree(values):
    plain = ast.parse(LINE).body[0].value
    assert isinstance(plain.op, ast.Add) and isinstance(plain.right.op, ast.Mult)
    assert values["sum_row"] == 0  # the sum is the root
    assert values["product_row"] == 1  # the product hangs under it
    bracketed = ast.parse(BRACKETED).body[0].value
    assert isinstance(bracketed.op, ast.Mult) and isinstance(bracketed.left.op, ast.Add)
    assert values["sum_row_with_brackets"] == 1


def test_the_line_evaluates_to_the_cards(values):
    product = WEIGHT * FEATURE
    assert product == Fraction(6, 5)
    assert values["product_card"] == rounded(product) == 1.2
    prediction = run_line(LINE, bias=BIAS, weight=WEIGHT, feature=FEATURE)
    assert prediction == BIAS + product == Fraction(22, 5)
    assert values["sum_card"] == rounded(prediction) == 4.4
    assert values["predicted_rating_box"] == rounded(prediction)
    assert values["rating_on_scale"] == pytest.approx(float(prediction), abs=1e-6)
    assert 1 <= prediction <= 5  # a rating the star scale can show


def test_children_are_evaluated_before_parents_as_the_interpreter_does(values):
    """The order in which the cards got their values is CPython's bytecode order."""
    code = compile(LINE.split("=", 1)[1].strip(), "<rhs>", "eval")
    steps = []
    for ins in dis.get_instructions(code):
        if ins.opname in ("LOAD_NAME", "LOAD_GLOBAL"):
            steps.append(ins.argval)
        elif ins.opname.startswith("BINARY_"):
            steps.append(ins.argrepr or {"BINARY_MULTIPLY": "*", "BINARY_ADD": "+"}[ins.opname])
    assert steps == ["bias", "weight", "feature", "*", "+"]
    offsets = []
    for step in steps:
        token = f" {step} " if step in "+*" else step
        offsets.append(LINE.index(token) + (1 if step in "+*" else 0))
    assert values["evaluation_order"] == offsets == [19, 26, 35, 33, 24]


def test_brackets_change_the_answer(values):
    total = BIAS + WEIGHT
    assert values["bracketed_sum_card"] == rounded(total) == 5.6
    prediction = run_line(BRACKETED, bias=BIAS, weight=WEIGHT, feature=FEATURE)
    assert prediction == total * FEATURE == Fraction(14, 5)
    assert values["bracketed_product_card"] == rounded(prediction) == 2.8
    assert values["bracketed_rating_on_scale"] == pytest.approx(2.8, abs=1e-6)
    assert prediction != run_line(LINE, bias=BIAS, weight=WEIGHT, feature=FEATURE)


def test_rebinding_the_weight_re_evaluates(values):
    assert values["rebound_weight_box"] == float(NEW_WEIGHT) == -1.2
    assert values["rebound_product_card"] == rounded(NEW_WEIGHT * FEATURE) == -0.6
    prediction = run_line(LINE, bias=BIAS, weight=NEW_WEIGHT, feature=FEATURE)
    assert values["rebound_sum_card"] == rounded(prediction) == 2.6
    assert values["rebound_rating_on_scale"] == pytest.approx(float(prediction), abs=1e-6)
    assert values["earlier_prediction_marked"] == 1
    # every weight the box ticks through (0.2 apart) gives digits that need one decimal only
    weight = WEIGHT
    while weight >= NEW_WEIGHT:
        for x in (weight * FEATURE, run_line(LINE, bias=BIAS, weight=weight, feature=FEATURE)):
            assert (x * 10).denominator == 1
        weight -= Fraction(2, 10)


def test_readouts_hold_while_the_tree_evaluates_and_re_evaluates(held):
    held(
        "2.1",
        "cards show bias + weight * feature evaluated from the boxes",
        "predicted_rating holds the root's value",
        source="printed",
    )
    held("2.1", "no card shows a value before its children", source="count")
    held("2.1", "the scale's dot sits at the root's value", source="geometry")
