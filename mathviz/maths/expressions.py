"""A tiny expression tree: parse a line of arithmetic, evaluate it bottom-up, exactly.

``predicted_rating = bias + weight * feature`` is, to Python, not a string read left to
right but a tree: the names are leaves and every operator is a node over the two values it
combines. Precedence is the tree's shape — ``*`` binds tighter than ``+``, so the product is
a child of the sum — and evaluation runs children before parents (a post-order walk).

This module is that reading, small enough to draw: a tokenizer and a precedence-climbing
parser for names, decimal literals, ``+ - * /`` and parentheses; exact evaluation with
:class:`fractions.Fraction`; the post-order; and a tidy layout of the tree (leaves evenly
spaced in reading order, each parent centred over its children, one row per depth).
No drawing here: :mod:`mathviz.primitives.expression_tree` draws it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "OPERATORS",
    "PRECEDENCE",
    "Node",
    "Assignment",
    "ExpressionError",
    "tokenize",
    "parse",
    "parse_assignment",
    "postorder",
    "evaluate",
    "evaluation_order",
    "depth",
    "layout",
    "find",
]

#: binary operators and what they compute
OPERATORS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
#: how tightly each operator binds (higher first); all are left-associative
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>[-+*/()=]))")


class ExpressionError(ValueError):
    """A line that is not an expression this parser reads."""


@dataclass(frozen=True)
class Node:
    """One node of an expression tree.

    Parameters
    ----------
    label
        A variable's name, a decimal literal, or an operator symbol (``+ - * /``).
    children
        The operands of an operator (left, right); empty for a leaf.
    token
        Offset of the node's own token (the name, the literal, the operator) in the source.
    start, end
        The source span of the whole subexpression, ``source[start:end]``, without any
        parentheses around it.
    """

    label: str
    children: tuple[Node, ...] = ()
    token: int = 0
    start: int = 0
    end: int = 0

    @property
    def is_leaf(self) -> bool:
        """Whether the node is a name or a literal."""
        return not self.children

    @property
    def is_name(self) -> bool:
        """Whether the node is a variable's name."""
        return self.is_leaf and not self.label[0].isdigit()


@dataclass(frozen=True)
class Assignment:
    """``target = expression`` from one line of source (offsets are the line's)."""

    target: str
    expression: Node
    source: str


def tokenize(source: str) -> list[tuple[str, str, int]]:
    """The tokens of ``source`` as ``(kind, text, offset)``; kind is number, name or op.

    Raises
    ------
    ExpressionError
        A character that belongs to no token.
    """
    tokens: list[tuple[str, str, int]] = []
    at = 0
    while at < len(source):
        if source[at:].strip() == "":
            break
        match = _TOKEN.match(source, at)
        if match is None or match.end() == at:
            raise ExpressionError(f"unexpected character {source[at:].lstrip()[0]!r} at {at}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind), match.start(kind)))
        at = match.end()
    return tokens


class _Parser:
    """Precedence climbing over the token list (binary operators only)."""

    def __init__(self, tokens: list[tuple[str, str, int]]) -> None:
        self.tokens, self.i = tokens, 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            raise ExpressionError("the expression ends too early")
        self.i += 1
        return token

    def atom(self) -> tuple[Node, int, int]:
        """The next operand, with its outer span (parentheses included)."""
        kind, text, at = self.take()
        if kind in ("name", "number"):
            return Node(text, (), at, at, at + len(text)), at, at + len(text)
        if text == "(":
            inner, _, _ = self.expression(1)
            closing = self.take()
            if closing[1] != ")":
                raise ExpressionError(f"expected ')' at {closing[2]}")
            return inner, at, closing[2] + 1
        raise ExpressionError(f"unexpected {text!r} at {at}")

    def expression(self, lowest: int) -> tuple[Node, int, int]:
        left, start, end = self.atom()
        while True:
            token = self.peek()
            if token is None or token[1] not in PRECEDENCE or PRECEDENCE[token[1]] < lowest:
                return left, start, end
            _, op, at = self.take()
            right, _, end = self.expression(PRECEDENCE[op] + 1)
            left = Node(op, (left, right), at, start, end)


def parse(source: str) -> Node:
    """The expression tree of ``source`` (``*`` and ``/`` bind tighter than ``+`` and ``-``,
    equal precedence groups to the left, parentheses override).

    Raises
    ------
    ExpressionError
        ``source`` is not one complete expression.
    """
    parser = _Parser(tokenize(source))
    tree, _, _ = parser.expression(1)
    extra = parser.peek()
    if extra is not None:
        raise ExpressionError(f"unexpected {extra[1]!r} at {extra[2]}")
    return tree


def parse_assignment(line: str) -> Assignment:
    """``name = expression``: the target's name and the expression's tree, with offsets in
    ``line`` (so a node's token can be found in the drawn line of code)."""
    tokens = tokenize(line)
    if len(tokens) < 3 or tokens[0][0] != "name" or tokens[1][1] != "=":
        raise ExpressionError(f"not an assignment: {line!r}")
    parser = _Parser(tokens[2:])
    tree, _, _ = parser.expression(1)
    if parser.peek() is not None:
        raise ExpressionError(f"unexpected {parser.peek()!r}")
    return Assignment(tokens[0][1], tree, line)


def postorder(root: Node) -> list[Node]:
    """Every node, children before their parent, left operand before right."""
    out: list[Node] = []

    def visit(node: Node) -> None:
        for child in node.children:
            visit(child)
        out.append(node)

    visit(root)
    return out


#: the order in which an evaluation computes the nodes: the post-order
evaluation_order = postorder


def evaluate(root: Node, env: Mapping[str, Fraction | int | str]) -> dict[Node, Fraction]:
    """Every node's value, computed bottom-up with exact fractions.

    Parameters
    ----------
    root
        The tree.
    env
        A value for every name in the tree (a ``str`` is read as a decimal literal).

    Raises
    ------
    KeyError
        A name with no value in ``env``.
    """
    values: dict[Node, Fraction] = {}
    for node in postorder(root):
        if node.is_leaf:
            raw = env[node.label] if node.is_name else node.label
            values[node] = Fraction(raw)
        else:
            left, right = (values[c] for c in node.children)
            values[node] = Fraction(OPERATORS[node.label](left, right))
    return values


def depth(root: Node) -> dict[Node, int]:
    """Each node's distance from the root (the root is 0)."""
    out: dict[Node, int] = {}

    def visit(node: Node, d: int) -> None:
        out[node] = d
        for child in node.children:
            visit(child, d + 1)

    visit(root, 0)
    return out


def layout(root: Node) -> dict[Node, tuple[float, float]]:
    """A tidy drawing of the tree in abstract units: ``(x, y)`` per node.

    Leaves sit at ``x = 0, 1, 2, …`` in reading order; a parent is centred over its
    children; ``y`` is minus the depth (the root on top, at 0).
    """
    depths = depth(root)
    xs: dict[Node, float] = {}
    leaves = 0
    for node in postorder(root):
        if node.is_leaf:
            xs[node] = float(leaves)
            leaves += 1
        else:
            xs[node] = sum(xs[c] for c in node.children) / len(node.children)
    return {node: (xs[node], -float(depths[node])) for node in xs}


def find(root: Node, label: str) -> Node:
    """The one node labelled ``label``.

    Raises
    ------
    KeyError
        No node, or more than one, has that label.
    """
    found = [n for n in postorder(root) if n.label == label]
    if len(found) != 1:
        raise KeyError(f"{len(found)} nodes are labelled {label!r}")
    return found[0]
