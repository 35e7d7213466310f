"""An expression drawn as the tree Python evaluates, with variables as named boxes.

:class:`ExpressionTree` draws an :class:`~mathviz.maths.expressions.Node` tree: one card per
node (a name or an operator on top, its value underneath once it has one) and one edge from
every parent down to each child. Its animations grow the tree out of a line of code (each
token flies from the code into its card), look a leaf's value up in a variable's box (the
digits fly from the box into the leaf), evaluate an operator (its children's values travel
up their edges, then its own digits are typeset), clear values, and reshape the tree into
another one over the same names (brackets changing the precedence). :meth:`follow` keeps
every value re-evaluated from the variables at every frame (a live re-evaluation).

:class:`VariableBox` is a variable: its name over a box holding its value, which can be bound
and rebound (:meth:`VariableBox.tick_through` rebinds it step by step). :class:`RatingGauge`
is a vertical star scale with a dot at the predicted rating.

Every read-back looks at the drawing: values are the digits typeset in the cards and boxes,
which nodes have a value is read from the digits' opacity, edges and cards are counted as
drawn, and the gauge's dot is read back through its number line.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    AnimationGroup,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    Line,
    ManimColor,
    Mobject,
    NumberLine,
    RoundedRectangle,
    Scene,
    Succession,
    Text,
    TransformFromCopy,
    VGroup,
    VMobject,
)
from manim.animation.animation import Animation
from manim.utils.rate_functions import linear, smooth

from mathviz import theme
from mathviz.maths.expressions import Node, evaluate, layout, postorder
from mathviz.primitives.notation import CodeListing
from mathviz.primitives.readout import live_number_class
from mathviz.readings import Printed, printed, reads_screen

__all__ = [
    "OP_SYMBOLS",
    "EDGE_COLOR",
    "LIT_EDGE_COLOR",
    "NodeCard",
    "ExpressionTree",
    "VariableBox",
    "TickThrough",
    "RatingGauge",
    "Retype",
]

#: how an operator is written in a card
OP_SYMBOLS = {"+": "+", "-": "\u2212", "*": "\u00d7", "/": "\u00f7"}
#: an edge no value has travelled yet, and one a value has travelled up
EDGE_COLOR = theme.GRID
LIT_EDGE_COLOR = theme.MUTED
#: a card's fill (dark, so that the digits on it keep their contrast)
CARD_FILL = theme.BACKGROUND
CARD_FILL_OPACITY = 0.95
#: the font sizes of a card's name and value
NAME_SIZE, VALUE_SIZE, OP_SIZE = 28, 40, 40


def _number(value: float, color: ManimColor, size: int) -> DecimalNumber:
    """A one-decimal live number (``−0.6``, ``4.4``)."""
    return live_number_class()(
        value, num_decimal_places=1, font_size=size, color=color, include_sign=False
    )


def _set_number_opacity(number: DecimalNumber, opacity: float) -> None:
    """Fade a live number; the glyphs it builds later keep the same opacity."""
    number.set_fill(opacity=opacity, family=True)
    number.set_stroke(opacity=0.0, family=True)


def _number_opacity(number: DecimalNumber) -> float:
    return max((float(np.max(m.get_fill_opacities())) for m in number.submobjects), default=0.0)


class _Fade(Animation):
    """Fade a group of parts between two shares of their drawn style (fill and stroke)."""

    def __init__(
        self, mob: Mobject, styles: Sequence[tuple[VMobject, float, float]], end: float, **kw: Any
    ) -> None:
        self.styles, self.end = list(styles), end
        super().__init__(mob, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.starts = [
            float(np.max(m.get_fill_opacities())) / f
            if f > 0
            else float(np.max(m.get_stroke_opacities())) / max(s, 1e-9)
            for m, f, s in self.styles
        ]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        for (m, fill, stroke), start in zip(self.styles, self.starts, strict=True):
            share = start + (self.end - start) * t
            m.set_fill(opacity=fill * share, family=False)
            m.set_stroke(opacity=stroke * share, family=False)


class _NumberFade(Animation):
    """Fade a live number in or out (its glyphs are rebuilt whenever its value changes)."""

    def __init__(self, number: DecimalNumber, end: float, **kw: Any) -> None:
        self.end = end
        super().__init__(number, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = _number_opacity(cast(DecimalNumber, self.mobject))
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        _set_number_opacity(
            cast(DecimalNumber, self.mobject), self.start + (self.end - self.start) * t
        )


class _Carry(Animation):
    """A copy of some digits travelling along a path (shrinking to ``end_scale`` of its
    size), gone when it arrives."""

    def __init__(
        self, copy: Mobject, path: Sequence[np.ndarray], end_scale: float = 1.0, **kw: Any
    ) -> None:
        self.path = [np.asarray(p, dtype=float) for p in path]
        self.end_scale = end_scale
        kw.setdefault("rate_func", smooth)
        super().__init__(copy, introducer=True, remover=True, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start_width = float(self.mobject.width)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha) * (len(self.path) - 1)
        k = min(int(t), len(self.path) - 2)
        point = self.path[k] + (self.path[k + 1] - self.path[k]) * (t - k)
        share = self.rate_func(alpha)
        mob = cast(VMobject, self.mobject)
        mob.set(width=self.start_width * (1 + (self.end_scale - 1) * share))
        mob.move_to(point)
        fade = 1.0 if alpha < 0.85 else max(0.0, (1.0 - alpha) / 0.15)
        mob.set_fill(opacity=fade, family=True)


class _Glide(Animation):
    """Move an object of the drawing along a path, fading it in on the way (``appear``);
    it stays where it arrives."""

    def __init__(
        self, mob: Mobject, path: Sequence[np.ndarray], appear: bool = True, **kw: Any
    ) -> None:
        self.path = [np.asarray(p, dtype=float) for p in path]
        self.appear = appear
        kw.setdefault("rate_func", smooth)
        super().__init__(mob, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        mob = cast(VMobject, self.mobject)
        mob.move_to(self.path[0] + (self.path[1] - self.path[0]) * t)
        share = min(1.0, alpha / 0.3) if self.appear else 1.0
        if isinstance(mob, DecimalNumber):
            _set_number_opacity(mob, share)
        else:
            mob.set_fill(opacity=share, family=True)


class _Rewire(Animation):
    """Move cards to new places while every edge stays attached to its two cards."""

    def __init__(self, tree: ExpressionTree, targets: Mapping[str, np.ndarray], **kw: Any) -> None:
        self.tree = tree
        self.targets = {k: np.asarray(v, dtype=float) for k, v in targets.items()}
        kw.setdefault("rate_func", smooth)
        super().__init__(tree, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.starts = {k: self.tree.cards[k].get_center() for k in self.targets}
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        t = self.rate_func(alpha)
        for key, end in self.targets.items():
            self.tree.cards[key].move_to(self.starts[key] + (end - self.starts[key]) * t)
        self.tree.attach_edges()


class TickThrough(Animation):
    """Rebind a box's value through ``values``, one after another, evenly over the run
    (a number that ticks: no value in between two steps is ever shown)."""

    def __init__(self, box: VariableBox, values: Sequence[float], **kw: Any) -> None:
        self.box, self.values = box, [float(v) for v in values]
        kw.setdefault("rate_func", linear)
        super().__init__(box.number, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        k = min(int(self.rate_func(alpha) * len(self.values)), len(self.values) - 1)
        self.box.hold(self.values[k])


class NodeCard(VGroup):
    """A node: a card with the node's name (or operator) on top and its value below."""

    def __init__(self, node: Node, color: ManimColor, *, width: float, height: float) -> None:
        self.node = node
        self.card = RoundedRectangle(
            width=width,
            height=height,
            corner_radius=0.14,
            stroke_color=color,
            stroke_width=3,
            fill_color=CARD_FILL,
            fill_opacity=CARD_FILL_OPACITY,
        )
        if node.is_leaf:
            self.label = Text(node.label, font=theme.MONO_FONT, font_size=NAME_SIZE, color=color)
        else:
            self.label = Text(
                OP_SYMBOLS[node.label], font=theme.MONO_FONT, font_size=OP_SIZE, color=color
            )
        self.label.move_to(self.card.get_center() + 0.24 * height * UP)
        self.value = _number(0.0, color if node.is_leaf else theme.TEXT, VALUE_SIZE)
        self.value.move_to(self.card.get_center() + 0.2 * height * DOWN)
        super().__init__(self.card, self.label, self.value)

    @property
    def value_anchor(self) -> np.ndarray:
        """Where the value's digits are centred."""
        return cast(np.ndarray, self.card.get_center() + 0.2 * self.card.height * DOWN)

    def show_value(self, value: float) -> DecimalNumber:
        """Typeset ``value`` (centred in the lower half of the card)."""
        self.value.set_value(value)
        self.value.move_to(self.value_anchor)
        return self.value


class ExpressionTree(VGroup):
    """An expression tree of cards and edges; values appear as it is evaluated.

    All its parts start hidden: add it to the scene, then play :meth:`grow`.

    Parameters
    ----------
    root
        The tree (labels must be unique: each name once).
    center
        Scene point of the middle of the drawing's box.
    unit
        Scene units per layout unit, across and down (see :func:`~mathviz.maths.expressions.layout`).
    colors
        A colour per leaf name; operators are drawn in ``op_color``.
    """

    def __init__(
        self,
        root: Node,
        *,
        center: Sequence[float],
        unit: tuple[float, float],
        colors: Mapping[str, ManimColor],
        op_color: ManimColor = theme.TEXT,
        leaf_width: float = 2.3,
        op_width: float = 1.6,
        height: float = 1.35,
    ) -> None:
        super().__init__()
        labels = [n.label for n in postorder(root)]
        if len(set(labels)) != len(labels):
            raise ValueError(f"node labels must be unique, got {labels}")
        self.root = root
        self.middle, self.unit = np.asarray(center, dtype=float), unit
        self.edges_group = VGroup()
        self.cards: dict[str, NodeCard] = {}
        for node in postorder(root):
            color = colors[node.label] if node.is_leaf else op_color
            width = leaf_width if node.is_leaf else op_width
            self.cards[node.label] = NodeCard(node, color, width=width, height=height)
        places = self.places(root)
        for key, card in self.cards.items():
            card.move_to(places[key])
        self.edges: dict[tuple[str, str], Line] = {}
        self._wire(root)
        self.add(self.edges_group, *self.cards.values())
        self._styles = {
            key: [
                (m, float(m.get_fill_opacity()), float(m.get_stroke_opacity()))
                for m in (card.card, *card.label.get_family())
                if isinstance(m, VMobject)
            ]
            for key, card in self.cards.items()
        }
        for key, card in self.cards.items():
            for m, _, _ in self._styles[key]:
                m.set_fill(opacity=0.0, family=False).set_stroke(opacity=0.0, family=False)
            _set_number_opacity(card.value, 0.0)
        self._follower: Callable[[Mobject], None] | None = None

    # --- geometry -------------------------------------------------------------------------
    def places(self, root: Node) -> dict[str, np.ndarray]:
        """Scene point of each node's card for the tree ``root`` (by label)."""
        spots = layout(root)
        xs = [x for x, _ in spots.values()]
        ys = [y for _, y in spots.values()]
        mid = np.array([(min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2])
        return {
            node.label: self.middle
            + np.array([(x - mid[0]) * self.unit[0], (y - mid[1]) * self.unit[1], 0.0])
            for node, (x, y) in spots.items()
        }

    def _edge_ends(self, parent: str, child: str) -> tuple[np.ndarray, np.ndarray]:
        return self.cards[parent].card.get_bottom(), self.cards[child].card.get_top()

    def _wire(self, root: Node) -> None:
        """One (hidden) edge per parent–child pair of ``root``."""
        self.edges = {}
        for node in postorder(root):
            for child in node.children:
                start, end = self._edge_ends(node.label, child.label)
                edge = Line(start, end, stroke_color=EDGE_COLOR, stroke_width=3.5)
                edge.set_stroke(opacity=0.0)
                self.edges[(node.label, child.label)] = edge
                self.edges_group.add(edge)

    def attach_edges(self) -> None:
        """Put every edge back between its two cards (after cards moved)."""
        for (parent, child), edge in self.edges.items():
            start, end = self._edge_ends(parent, child)
            edge.put_start_and_end_on(start, end)

    # --- animations -----------------------------------------------------------------------
    def _reveal(self, key: str) -> list[Animation]:
        """The card and the name of ``key`` brought in (they were hidden)."""
        return [_Fade(self.cards[key], self._styles[key], 1.0)]

    def grow(self, code: CodeListing, *, line: int = 0, run_time: float = 3.0) -> Animation:
        """Every token flies from the code into its card (the root first, down to the
        leaves); then the edges are drawn from each parent down to its children."""
        order = sorted(postorder(self.root), key=lambda n: (self._depth(n), n.token))
        flights = []
        for node in order:
            card = self.cards[node.label]
            glyphs = code.glyphs(line, node.token, node.token + len(node.label))
            for m, fill, stroke in self._styles[node.label]:
                if m in card.label.get_family():
                    m.set_fill(opacity=fill, family=False).set_stroke(opacity=stroke, family=False)
            flights.append(
                AnimationGroup(
                    _Fade(card.card, self._styles[node.label][:1], 1.0),
                    TransformFromCopy(glyphs, card.label),
                )
            )
        edges = [
            _Fade(edge, [(edge, 0.0, 1.0)], 1.0)
            for node in order
            for child in node.children
            for edge in [self.edges[(node.label, child.label)]]
        ]
        return Succession(
            AnimationGroup(*flights, lag_ratio=0.35, run_time=0.7 * run_time),
            AnimationGroup(*edges, lag_ratio=0.3, run_time=0.3 * run_time),
            group=self,
        )

    def _depth(self, node: Node) -> int:
        found = 0

        def visit(n: Node, d: int) -> None:
            nonlocal found
            if n is node:
                found = d
            for c in n.children:
                visit(c, d + 1)

        visit(self.root, 0)
        return found

    def look_up(self, name: str, source: DecimalNumber, run_time: float = 1.2) -> Animation:
        """A copy of ``source``'s digits (a variable's box) flies into the leaf ``name``,
        whose value is then typeset."""
        card = self.cards[name]
        card.show_value(float(source.get_value()))
        copy = source.copy()
        return Succession(
            _Carry(copy, [source.get_center(), card.value_anchor], run_time=0.75 * run_time),
            _NumberFade(card.value, 1.0, run_time=0.25 * run_time),
            group=self,
        )

    def evaluate(self, label: str, value: Fraction | float, run_time: float = 1.5) -> Animation:
        """The children's values travel up their edges (which light), then the node's own
        value ``value`` is typeset."""
        card = self.cards[label]
        node = card.node
        carries: list[Animation] = []
        sides = np.linspace(-1.0, 1.0, len(node.children)) if len(node.children) > 1 else [0.0]
        for child, side in zip(node.children, sides, strict=True):
            source = self.cards[child.label]
            edge = self.edges[(label, child.label)]
            # the operands land side by side in the card, then give way to the result
            landing = card.value_anchor + 0.36 * card.card.width * side * RIGHT
            carries.append(
                _Carry(
                    source.value.copy(),
                    [source.value.get_center(), edge.get_end(), edge.get_start(), landing],
                    end_scale=0.7,
                )
            )
            carries.append(_Recolor(edge, LIT_EDGE_COLOR))
        card.show_value(float(value))
        return Succession(
            AnimationGroup(*carries, run_time=0.7 * run_time),
            _NumberFade(card.value, 1.0, run_time=0.3 * run_time),
            group=self,
        )

    def clear(self, labels: Sequence[str], run_time: float = 0.8) -> Animation:
        """The values of ``labels`` fade (they must be computed again); their edges dim."""
        anims: list[Animation] = [_NumberFade(self.cards[k].value, 0.0) for k in labels]
        for (parent, _), edge in self.edges.items():
            if parent in labels:
                anims.append(_Recolor(edge, EDGE_COLOR))
        return AnimationGroup(*anims, run_time=run_time, group=self)

    def reshape(self, root: Node, run_time: float = 2.5) -> Animation:
        """Become the tree ``root`` over the same labels: the old edges fade, the cards
        glide to their new places, the new edges are drawn."""
        if sorted(n.label for n in postorder(root)) != sorted(self.cards):
            raise ValueError("reshape needs a tree over the same labels")
        old = list(self.edges.values())
        targets = self.places(root)
        self.root = root
        for key, card in self.cards.items():
            card.node = next(n for n in postorder(root) if n.label == key)
        old_edges = dict(self.edges)
        new_edges: dict[tuple[str, str], Line] = {}
        for node in postorder(root):
            for child in node.children:
                start = targets[node.label] + self.cards[node.label].card.height / 2 * DOWN
                end = targets[child.label] + self.cards[child.label].card.height / 2 * UP
                edge = Line(start, end, stroke_color=EDGE_COLOR, stroke_width=3.5)
                edge.set_stroke(opacity=0.0)
                new_edges[(node.label, child.label)] = edge
                self.edges_group.add(edge)
        self.edges = {}
        fade_old = AnimationGroup(*(_Fade(e, [(e, 0.0, 1.0)], 0.0) for e in old))
        move = _Rewire(self, targets)
        grow = AnimationGroup(*(_Fade(e, [(e, 0.0, 1.0)], 1.0) for e in new_edges.values()))

        def retire() -> None:
            self.edges_group.remove(*old_edges.values())

        self._retire: Callable[[], None] | None = retire
        self.edges = new_edges
        return Succession(
            AnimationGroup(fade_old, run_time=0.2 * run_time),
            AnimationGroup(move, run_time=0.55 * run_time),
            AnimationGroup(grow, run_time=0.25 * run_time),
            group=self,
        )

    def tidy(self) -> None:
        """Drop edges faded out by :meth:`reshape` (call once it has played)."""
        retire = getattr(self, "_retire", None)
        if retire is not None:
            retire()
            self._retire = None

    def follow(self, read_env: Callable[[], Mapping[str, Fraction]]) -> ExpressionTree:
        """Re-evaluate the whole tree from ``read_env()`` at every frame (an updater): each
        card shows its node's value for the variables as they are now."""
        self.stop_following()

        def update(_: Mobject) -> None:
            values = evaluate(self.root, read_env())
            for node, value in values.items():
                card = self.cards[node.label]
                if float(card.value.get_value()) != float(value):
                    card.show_value(float(value))

        self._follower = update
        self.add_updater(update)
        update(self)
        return self

    def stop_following(self) -> ExpressionTree:
        """Remove the updater of :meth:`follow` (values stay as shown)."""
        if self._follower is not None:
            self.remove_updater(self._follower)
            self._follower = None
        return self

    # --- read-backs -----------------------------------------------------------------------
    def _has_value(self, key: str) -> bool:
        return _number_opacity(self.cards[key].value) > theme.VISIBLE_OPACITY

    def value_shown(self, label: str) -> Printed:
        """The digits typeset in ``label``'s card."""
        return printed(self.cards[label].value)

    def values_shown(self) -> dict[str, Printed]:
        """The typeset value of every node that shows one (by label)."""
        return {k: printed(c.value) for k, c in self.cards.items() if self._has_value(k)}

    @reads_screen("count")
    def evaluated_shown(self) -> list[int]:
        """The code offsets (tokens) of the nodes whose value is drawn, in token order."""
        return sorted(c.node.token for k, c in self.cards.items() if self._has_value(k))

    @reads_screen("count")
    def parents_ahead_shown(self) -> int:
        """How many drawn values belong to a node one of whose children shows none yet."""
        return sum(
            1
            for k, c in self.cards.items()
            if self._has_value(k) and any(not self._has_value(ch.label) for ch in c.node.children)
        )

    @reads_screen("count")
    def nodes_shown(self) -> int:
        """How many cards are drawn."""
        return sum(1 for c in self.cards.values() if float(c.card.get_stroke_opacity()) > 0.5)

    @reads_screen("count")
    def edges_shown(self) -> int:
        """How many edges are drawn, each touching two drawn cards."""

        def touching(point: np.ndarray) -> bool:
            """Whether ``point`` lies on the outline of a drawn card (its box's edge)."""
            for c in self.cards.values():
                if float(c.card.get_stroke_opacity()) <= 0.5:
                    continue
                offset = np.abs(point[:2] - c.card.get_center()[:2])
                half = np.array([c.card.width, c.card.height]) / 2
                inside = np.all(offset <= half + 0.05)
                if inside and np.min(np.abs(offset - half)) < 0.05:
                    return True
            return False

        return sum(
            1
            for e in self.edges_group
            if float(e.get_stroke_opacity()) > 0.5
            and touching(e.get_start())
            and touching(e.get_end())
        )

    @reads_screen("geometry")
    def depth_shown(self, label: str) -> int:
        """The row a card sits in, counted from the top row (read from its drawn height)."""
        rows = sorted(
            {round(float(c.get_center()[1]), 3) for c in self.cards.values()}, reverse=True
        )
        return rows.index(round(float(self.cards[label].get_center()[1]), 3))


class _Recolor(Animation):
    """Blend an edge's stroke colour to ``color``."""

    def __init__(self, mob: VMobject, color: ManimColor, **kw: Any) -> None:
        self.color = ManimColor(color)
        super().__init__(mob, **kw)

    def create_starting_mobject(self) -> Mobject:  # noqa: D102 - manim hook; nothing to copy
        return cast(Mobject, self.mobject)

    def begin(self) -> None:  # noqa: D102 - manim hook
        self.start = ManimColor(cast(VMobject, self.mobject).get_stroke_color())
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:  # noqa: D102 - manim hook
        mob = cast(VMobject, self.mobject)
        opacity = float(mob.get_stroke_opacity())
        mob.set_stroke(
            color=self.start.interpolate(self.color, self.rate_func(alpha)), opacity=opacity
        )


class VariableBox(VGroup):
    """A variable: its name above a box that holds its value (empty until bound)."""

    def __init__(
        self, name: str, color: ManimColor, *, width: float = 2.3, height: float = 0.8
    ) -> None:
        self.label = Text(name, font=theme.MONO_FONT, font_size=NAME_SIZE, color=color)
        self.box = RoundedRectangle(
            width=width,
            height=height,
            corner_radius=0.1,
            stroke_color=color,
            stroke_width=3,
            fill_color=CARD_FILL,
            fill_opacity=CARD_FILL_OPACITY,
        )
        self.label.next_to(self.box, UP, buff=0.12).align_to(self.box, LEFT)
        self.number = _number(0.0, color, VALUE_SIZE)
        self.number.move_to(self.box)
        _set_number_opacity(self.number, 0.0)
        super().__init__(self.box, self.label, self.number)

    def create(self, run_time: float = 0.8, name_from: Mobject | None = None) -> Animation:
        """The name and the empty box appear (the name flying out of ``name_from``, the
        name's glyphs in a line of code, if given)."""
        if name_from is not None:
            return AnimationGroup(
                TransformFromCopy(name_from, self.label),
                Create(self.box),
                run_time=run_time,
                group=self,
            )
        return AnimationGroup(FadeIn(self.label), Create(self.box), run_time=run_time, group=self)

    def hold(self, value: float) -> VariableBox:
        """Hold ``value`` now (centred in the box)."""
        self.number.set_value(value)
        self.number.move_to(self.box)
        return self

    def bind(self, value: float, run_time: float = 0.8) -> Animation:
        """The value is typed into the box (rising into place)."""
        self.hold(value)
        end = self.box.get_center()
        return _Glide(self.number, [end + 0.35 * DOWN, end], run_time=run_time)

    def receive(self, source: DecimalNumber, run_time: float = 1.0) -> Animation:
        """Bind the value ``source`` shows: its digits glide from there into the box."""
        self.hold(float(source.get_value()))
        return _Glide(self.number, [source.get_center(), self.box.get_center()], run_time=run_time)

    def follow(self, read: Callable[[], float]) -> VariableBox:
        """Hold ``read()`` at every frame (an updater)."""
        self.stop_following()

        def update(_: Mobject) -> None:
            if float(self.number.get_value()) != float(read()):
                self.hold(float(read()))

        self._follower: Callable[[Mobject], None] | None = update
        self.number.add_updater(update)
        update(self.number)
        return self

    def stop_following(self) -> VariableBox:
        """Remove the updater of :meth:`follow`."""
        follower = getattr(self, "_follower", None)
        if follower is not None:
            self.number.remove_updater(follower)
            self._follower = None
        return self

    def tick_through(self, values: Sequence[float], run_time: float = 3.0) -> Animation:
        """Rebind the variable to each of ``values`` in turn."""
        return TickThrough(self, values, run_time=run_time)

    def value_shown(self) -> Printed:
        """The digits typeset in the box."""
        return printed(self.number)


class RatingGauge(VGroup):
    """A vertical star scale (1 to 5) with a dot at a predicted rating.

    Parameters
    ----------
    bottom
        Scene point of the scale's 1.
    length
        Scene length from 1 to 5.
    """

    def __init__(
        self,
        bottom: Sequence[float],
        *,
        length: float = 4.0,
        color: ManimColor = theme.VECTOR_SUM,
        span: tuple[int, int] = (1, 5),
        caption: str = "stars",
    ) -> None:
        self.line = NumberLine(
            x_range=[span[0], span[1], 1],
            length=length,
            rotation=PI / 2,
            color=theme.MUTED,
            stroke_width=3,
            include_numbers=True,
            label_direction=LEFT,
            font_size=30,
            include_tip=False,
        )
        self.line.shift(np.asarray(bottom, dtype=float) - self.line.n2p(span[0]))
        self.caption = Text(caption, font=theme.FONT, font_size=theme.SMALL_SIZE, color=theme.MUTED)
        self.caption.next_to(self.line, DOWN, buff=0.25)
        self.dot_color = color
        self.dot = Dot(self.line.n2p(span[0]), radius=0.14, color=color)
        self.dot.set_opacity(0.0)
        self.ghosts = VGroup()
        super().__init__(self.line, self.caption, self.ghosts, self.dot)
        self._follower: Callable[[Mobject], None] | None = None

    def create(self, run_time: float = 1.0) -> Animation:
        """The scale is drawn."""
        return AnimationGroup(
            Create(self.line), FadeIn(self.caption), run_time=run_time, group=self
        )

    def drop(self, value: float, start: Sequence[float], run_time: float = 1.0) -> Animation:
        """The dot flies in from ``start`` (the root's digits) to ``value`` on the scale."""
        return _Glide(
            self.dot, [np.asarray(start, dtype=float), self.line.n2p(value)], run_time=run_time
        )

    def place(self, value: float) -> RatingGauge:
        """Put the (visible) dot at ``value`` now."""
        self.dot.set_opacity(1.0).move_to(self.line.n2p(value))
        return self

    def move_to_value(self, value: float, run_time: float = 1.0) -> Animation:
        """The dot slides to ``value``."""
        return _Glide(
            self.dot, [self.dot.get_center(), self.line.n2p(value)], appear=False, run_time=run_time
        )

    def leave_ghost(self) -> RatingGauge:
        """Keep a faint ring where the dot is now (an earlier prediction)."""
        ring = Dot(self.dot.get_center(), radius=0.14, color=self.dot_color)
        ring.set_fill(opacity=0.0).set_stroke(color=self.dot_color, width=3, opacity=0.6)
        self.ghosts.add(ring)
        return self

    def follow(self, read: Callable[[], float]) -> RatingGauge:
        """Keep the dot at ``read()`` on the scale at every frame."""
        self.stop_following()

        def update(_: Mobject) -> None:
            self.dot.move_to(self.line.n2p(float(read())))

        self._follower = update
        self.dot.add_updater(update)
        update(self.dot)
        return self

    def stop_following(self) -> RatingGauge:
        """Remove the updater of :meth:`follow`."""
        if self._follower is not None:
            self.dot.remove_updater(self._follower)
            self._follower = None
        return self

    @reads_screen("geometry")
    def value_shown(self) -> float:
        """The rating under the dot, read back through the scale."""
        return float(self.line.p2n(self.dot.get_center()))

    @reads_screen("count")
    def ghosts_shown(self) -> int:
        """How many earlier predictions are marked."""
        return len(self.ghosts)


class Retype:
    """A line of code on its card becomes another line: the characters it keeps slide to
    their new places, the others (brackets) fade in or out where they stand, and the card
    reshapes. Play :attr:`animation`, then call :meth:`settle`.

    Parameters
    ----------
    listing
        The one-line listing on screen now.
    line
        The new line.
    card
        The card drawn behind the code (kept across rewrites).
    """

    def __init__(self, listing: CodeListing, line: str, card: Mobject) -> None:
        new = CodeListing(line, size=listing.size, anchor=tuple(listing.anchor))
        old_row, new_row = listing.rows[0], new.rows[0]
        old_chars, new_chars = (t.replace(" ", "") for t in (listing.source[0], line))
        kept: dict[int, int] = {}
        for block in difflib.SequenceMatcher(a=old_chars, b=new_chars).get_matching_blocks():
            kept.update({block.a + k: block.b + k for k in range(block.size)})
        self.arriving = [g for j, g in enumerate(new_row) if j not in kept.values()]
        leaving = [g for i, g in enumerate(old_row) if i not in kept]
        self.listing, self.card, self.old_row = new, card, old_row
        self.animation = AnimationGroup(
            card.animate.become(new.card).build(),
            *(old_row[i].animate.move_to(new_row[j]).build() for i, j in kept.items()),
            *(g.animate.set_opacity(0.0).build() for g in leaving),
            *(FadeIn(g) for g in self.arriving),
        )

    def settle(self, scene: Scene) -> None:
        """Replace the pieces that drew the change by the new line (the play also added the
        animation's group, the card among them, to the scene)."""
        group = cast(Mobject, self.animation.group)
        scene.remove(self.old_row, *self.arriving, group)
        scene.add(self.card, self.listing.rows[0])
