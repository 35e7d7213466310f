"""The tiny expression parser against CPython's own: the same tree shape as ``ast``, the same
values as evaluating the source with Fraction variables, children before parents."""

from __future__ import annotations

import ast
from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.expressions import (
    ExpressionError,
    depth,
    evaluate,
    evaluation_order,
    find,
    layout,
    parse,
    parse_assignment,
    postorder,
    tokenize,
)

NAMES = ("a", "b", "c", "d", "weight")
AST_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def random_expression(rng: np.random.Generator, size: int) -> str:
    """A random expression over NAMES and small decimals, brackets here and there."""
    if size <= 1:
        if rng.random() < 0.7:
            return str(rng.choice(NAMES))
        return f"{int(rng.integers(1, 10))}.{int(rng.integers(0, 10))}"
    left = int(rng.integers(1, size))
    op = str(rng.choice(["+", "-", "*", "/"]))
    text = f"{random_expression(rng, left)} {op} {random_expression(rng, size - left)}"
    return f"({text})" if rng.random() < 0.35 else text


def ast_labels(node: ast.AST) -> list[str]:
    """Post-order labels of Python's tree."""
    if isinstance(node, ast.BinOp):
        return [*ast_labels(node.left), *ast_labels(node.right), AST_SYMBOL[type(node.op)]]
    if isinstance(node, ast.Name):
        return [node.id]
    assert isinstance(node, ast.Constant)
    return [repr(node.value)]


def python_value(source: str, env: dict[str, Fraction]) -> Fraction:
    names = dict(env)

    class Exact(ast.NodeTransformer):
        """Decimal literals become names bound to exact fractions, as the model reads them."""

        def visit_Constant(self, node: ast.Constant) -> ast.AST:  # noqa: N802 - ast API
            name = f"_literal{len(names)}"
            names[name] = Fraction(repr(node.value))
            return ast.copy_location(ast.Name(id=name, ctx=ast.Load()), node)

    tree = ast.fix_missing_locations(Exact().visit(ast.parse(source, mode="eval")))
    return eval(compile(tree, "<expr>", "eval"), {}, names)  # noqa: S307 - our own text


def test_the_recommender_line():
    line = "predicted_rating = bias + weight * feature"
    assignment = parse_assignment(line)
    assert assignment.target == "predicted_rating"
    root = assignment.expression
    assert [n.label for n in postorder(root)] == ["bias", "weight", "feature", "*", "+"]
    assert [line[n.token] for n in postorder(root)] == ["b", "w", "f", "*", "+"]
    assert line[root.start : root.end] == "bias + weight * feature"
    values = evaluate(root, {"bias": "3.2", "weight": "2.4", "feature": "0.5"})
    assert values[root] == Fraction(22, 5)
    assert values[find(root, "*")] == Fraction(6, 5)
    assert evaluation_order is postorder


def test_brackets_reshape_the_tree():
    line = "predicted_rating = (bias + weight) * feature"
    root = parse_assignment(line).expression
    assert root.label == "*"
    plus = find(root, "+")
    assert line[plus.start : plus.end] == "bias + weight"
    assert line[root.start : root.end] == "(bias + weight) * feature"
    assert depth(root)[plus] == 1


@pytest.mark.parametrize("seed", range(6))
def test_random_expressions_match_python(seed):
    rng = np.random.default_rng(seed)
    for _ in range(40):
        source = random_expression(rng, int(rng.integers(1, 8)))
        root = parse(source)
        assert [n.label for n in postorder(root)] == ast_labels(
            ast.parse(source, mode="eval").body
        ), source
        env = {name: Fraction(int(rng.integers(1, 50)), int(rng.integers(1, 9))) for name in NAMES}
        try:
            expected = python_value(source, env)
        except ZeroDivisionError:
            with pytest.raises(ZeroDivisionError):
                evaluate(root, env)
            continue
        values = evaluate(root, env)
        assert values[root] == expected, source
        for node in postorder(root):  # every node's span is its own subexpression
            assert values[node] == python_value(source[node.start : node.end], env), source


def test_left_associativity():
    root = parse("8 - 4 - 2")
    assert evaluate(root, {})[root] == 2
    assert [n.label for n in postorder(root)] == ["8", "4", "-", "2", "-"]


def test_layout_is_tidy():
    root = parse("a + b * (c - d)")
    spots = layout(root)
    depths = depth(root)
    leaves = [n for n in postorder(root) if n.is_leaf]
    assert [spots[n][0] for n in leaves] == [0.0, 1.0, 2.0, 3.0]
    for node in postorder(root):
        assert spots[node][1] == -depths[node]
        if node.children:
            assert spots[node][0] == np.mean([spots[c][0] for c in node.children])


def test_errors():
    with pytest.raises(ExpressionError):
        tokenize("a $ b")
    for bad in ("a +", "(a + b", "a b", "+ a"):
        with pytest.raises(ExpressionError):
            parse(bad)
    with pytest.raises(ExpressionError):
        parse_assignment("a + b")
    with pytest.raises(KeyError):
        find(parse("a + a"), "a")
    with pytest.raises(KeyError):
        evaluate(parse("a + b"), {"a": 1})
