"""ExpressionTree, VariableBox and RatingGauge built and animated without rendering: cards,
edges, typeset values, rows and the gauge's dot are read back from the drawing and compared
with fractions computed here and with the shape of Python's ``ast``."""

from __future__ import annotations

import ast
from fractions import Fraction

import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.expressions import parse_assignment
from mathviz.primitives.expression_tree import (
    LIT_EDGE_COLOR,
    ExpressionTree,
    RatingGauge,
    Retype,
    VariableBox,
)
from mathviz.primitives.notation import CodeListing
from mathviz.readings import source_of

LINE = "y = a + b * c"
BRACKETED = "y = (a + b) * c"
ENV = {"a": Fraction(32, 10), "b": Fraction(24, 10), "c": Fraction(5, 10)}
COLORS = {"a": theme.BIAS, "b": theme.VECTOR_SECOND, "c": theme.BASIS_I}


@pytest.fixture
def parts(scene):
    code = CodeListing(LINE, size=28, anchor=(-3.0, 3.4, 0.0))
    tree = ExpressionTree(
        parse_assignment(LINE).expression, center=(0, -0.5, 0), unit=(2.5, 2.0), colors=COLORS
    )
    boxes = {name: VariableBox(name, COLORS[name]) for name in ENV}
    for i, box in enumerate(boxes.values()):
        box.shift((-5.0, 1.5 - 1.6 * i, 0.0))
    scene.add(code, tree, *boxes.values())
    return code, tree, boxes


def evaluate_all(scene, tree, boxes):
    for name, value in ENV.items():
        run(scene, boxes[name].bind(float(value)))
        run(scene, tree.look_up(name, boxes[name].number))
    run(scene, tree.evaluate("*", ENV["b"] * ENV["c"]))
    run(scene, tree.evaluate("+", ENV["a"] + ENV["b"] * ENV["c"]))


def test_everything_starts_hidden(parts):
    _, tree, boxes = parts
    assert tree.nodes_shown() == 0
    assert tree.edges_shown() == 0
    assert tree.values_shown() == {}
    assert tree.evaluated_shown() == []
    assert source_of(tree.nodes_shown()).startswith("count")


def test_grown_tree_has_python_shape(scene, parts):
    code, tree, _ = parts
    run(scene, tree.grow(code))
    python = ast.parse(LINE).body[0].value
    nodes = [n for n in ast.walk(python) if isinstance(n, (ast.Name, ast.BinOp))]
    assert tree.nodes_shown() == len(nodes)
    assert tree.edges_shown() == len(nodes) - 1
    assert tree.depth_shown("+") == 0
    assert tree.depth_shown("*") == 1
    assert tree.depth_shown("a") == 1
    assert tree.depth_shown("b") == tree.depth_shown("c") == 2
    assert source_of(tree.depth_shown("*")).startswith("geometry")


def test_evaluation_shows_exact_values_children_first(scene, parts):
    code, tree, boxes = parts
    run(scene, tree.grow(code))
    order = []
    for name, value in ENV.items():
        run(scene, boxes[name].bind(float(value)))
        assert boxes[name].value_shown() == float(value)
        run(scene, tree.look_up(name, boxes[name].number))
        order.append(tree.evaluated_shown())
        assert tree.parents_ahead_shown() == 0
    run(scene, tree.evaluate("*", ENV["b"] * ENV["c"]))
    assert tree.parents_ahead_shown() == 0
    run(scene, tree.evaluate("+", ENV["a"] + ENV["b"] * ENV["c"]))
    shown = tree.values_shown()
    assert [float(shown[k]) for k in ("a", "b", "c", "*", "+")] == [3.2, 2.4, 0.5, 1.2, 4.4]
    assert shown["+"].decimals == 1
    assert order[-1] == sorted(LINE.index(n) for n in "abc")
    assert tree.evaluated_shown() == sorted(LINE.index(t) for t in "abc*+")
    assert all(e.get_stroke_color() == LIT_EDGE_COLOR for e in tree.edges.values())


def test_a_parent_shown_early_is_caught(scene, parts):
    code, tree, _ = parts
    run(scene, tree.grow(code))
    run(scene, tree.evaluate("*", Fraction(6, 5)))  # without its children's values
    assert tree.parents_ahead_shown() == 1


def test_reshape_follows_the_brackets(scene, parts):
    code, tree, boxes = parts
    run(scene, tree.grow(code))
    evaluate_all(scene, tree, boxes)
    run(scene, tree.clear(["+", "*"]))
    assert set(tree.values_shown()) == {"a", "b", "c"}
    run(scene, tree.reshape(parse_assignment(BRACKETED).expression))
    tree.tidy()
    assert tree.depth_shown("*") == 0
    assert tree.depth_shown("+") == 1
    assert tree.depth_shown("c") == 1
    assert tree.edges_shown() == 4


def test_follow_re_evaluates_from_the_boxes(scene, parts):
    code, tree, boxes = parts
    run(scene, tree.grow(code))
    evaluate_all(scene, tree, boxes)
    tree.follow(lambda: {n: Fraction(f"{float(b.value_shown()):.1f}") for n, b in boxes.items()})
    run(scene, boxes["b"].tick_through([2.2, 2.0, -1.2]))
    tree.update(0)
    assert boxes["b"].value_shown() == -1.2
    assert tree.value_shown("*") == float(Fraction(-12, 10) * ENV["c"])
    assert tree.value_shown("+") == float(ENV["a"] + Fraction(-12, 10) * ENV["c"])
    tree.stop_following()


def test_gauge_reads_back_through_its_scale(scene):
    gauge = RatingGauge((5.0, -2.5, 0.0), length=4.8)
    scene.add(gauge)
    run(scene, gauge.drop(4.4, (0.0, 0.0, 0.0)))
    assert gauge.value_shown() == pytest.approx(4.4, abs=1e-9)
    gauge.leave_ghost()
    run(scene, gauge.move_to_value(2.8))
    assert gauge.value_shown() == pytest.approx(2.8, abs=1e-9)
    assert gauge.ghosts_shown() == 1
    gauge.follow(lambda: 2.6)
    assert gauge.value_shown() == pytest.approx(2.6, abs=1e-9)
    gauge.stop_following()
    assert source_of(gauge.value_shown()).startswith("geometry")


def test_retype_slides_kept_characters_and_settles(scene):
    stage = type(scene)()
    listing = CodeListing(LINE, size=28, anchor=(-3.0, 3.4, 0.0))
    stage.add(listing)
    change = Retype(listing, BRACKETED, listing.card)
    old_row, new_row = listing.rows[0], change.listing.rows[0]
    assert len(change.arriving) == 2  # the two brackets
    assert np.allclose(old_row[0].get_center(), new_row[0].get_center())  # "y" stays
    assert not np.allclose(old_row[-1].get_center(), new_row[-1].get_center())  # "c" moves
    stage.add(change.animation.group)  # what a play does with the animation's group
    run(stage, change.animation)
    assert np.allclose(old_row[-1].get_center(), new_row[-1].get_center())
    change.settle(stage)
    family = stage.get_mobject_family_members()
    assert new_row in family and listing.card in family
    assert old_row not in family and not any(g in family for g in old_row)
    assert change.listing.source == [BRACKETED]
