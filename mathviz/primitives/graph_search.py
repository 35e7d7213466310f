"""Drawing graph searches (11.3): a BFS queue, Dijkstra's tentative distances, PageRank mass.

:class:`QueueRow` is BFS's queue as a row of named boxes: names fly in from their nodes at
the back and leave from the front. :class:`DistanceTags` are Dijkstra's tentative distances
beside the nodes of a :class:`~mathviz.primitives.graph_view.GraphView`, ``∞`` at first; a
relaxation sends an offer along its edge which either replaces the tag (counting it down) or
is struck out in red. :class:`RankView` is a directed :class:`GraphView` whose discs hold
PageRank mass (area ∝ mass) and whose arrows always end at the discs' rims, however they
grow; :meth:`RankView.flow_to` moves the mass linearly, so the total is kept at every frame.

Every part reads itself back: the queue's length, the typeset tags and the count of ``∞``
tags, the weights printed on lit edges, the masses from the disc radii.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    Arrow,
    Circle,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Line,
    ManimColor,
    Mobject,
    Rectangle,
    RoundedRectangle,
    Text,
    VGroup,
)
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.graph_search import blend, free_direction
from mathviz.maths.graphs import Graph, Relaxation
from mathviz.primitives.graph_view import EDGE_COLOR, GraphView
from mathviz.primitives.motion import Scripted, built
from mathviz.primitives.readout import CountTo, Readout
from mathviz.primitives.vectors import BackedLabel
from mathviz.readings import Printed, derived, printed, reads_screen

__all__ = [
    "node_legend",
    "label_directions",
    "QueueRow",
    "DistanceTags",
    "path_weight_shown",
    "RankView",
    "RankBars",
    "RankPanel",
]

_GAP = 0.04
_RECIPROCAL_OFFSET = 0.1


def node_legend(rows: Sequence[tuple[ManimColor, str]], *, radius: float = 0.16) -> VGroup:
    """A key of node colours: a small filled disc and a word per row, left-aligned."""
    key = VGroup()
    for color, word in rows:
        disc = Circle(radius=radius, stroke_color=color, stroke_width=2)
        disc.set_fill(color, opacity=1.0)
        label = theme.text(word, size=theme.LABEL_SIZE, color=theme.TEXT)
        key.add(VGroup(disc, label).arrange(RIGHT, buff=0.2))
    return key.arrange(DOWN, aligned_edge=LEFT, buff=0.25)


def label_directions(
    graph: Graph,
    positions: Mapping[str, Sequence[float]],
    width: float,
    height: float,
) -> dict[str, NDArray[np.float64]]:
    """For each node, the scene direction (z = 0) of its free side, where a label can sit
    without crossing its edges, for a graph drawn ``width`` × ``height``."""
    return {
        n: np.array([*free_direction(graph, positions, n, aspect=(width, height)), 0.0])
        for n in graph.nodes
    }


class QueueRow(VGroup):
    """A FIFO queue drawn as a row of boxes holding node names.

    Parameters
    ----------
    left
        Scene point at the left end of the row (the heading's left edge).
    slots
        How many empty slot outlines to draw.
    box
        Side of a box (scene units).
    fill
        Colour of a queued box (names on it are dark).
    """

    def __init__(
        self,
        left: Sequence[float] | NDArray[np.float64],
        *,
        slots: int = 3,
        box: float = 0.62,
        fill: ManimColor = theme.ACCENT,
        heading: str = "queue",
    ) -> None:
        super().__init__()
        self.box, self.fill, self.pitch = box, ManimColor(fill), box + 0.15
        self.heading = theme.text(heading, size=theme.LABEL_SIZE, color=theme.MUTED)
        self.heading.move_to(np.array([*left[:2], 0.0]), aligned_edge=LEFT)
        self._first = self.heading.get_right() + np.array([0.3 + box / 2, 0.0, 0.0])
        self.outlines = VGroup(
            *(
                RoundedRectangle(
                    corner_radius=0.08, width=box, height=box, stroke_color=theme.GRID
                ).move_to(self.slot(i))
                for i in range(slots)
            )
        )
        self.add(self.heading, self.outlines)
        self.items: list[VGroup] = []

    def slot(self, i: int) -> NDArray[np.float64]:
        """Scene point at the middle of slot ``i`` (0 is the front)."""
        return np.asarray(self._first + np.array([i * self.pitch, 0.0, 0.0]), dtype=np.float64)

    def _item(self, name: str) -> VGroup:
        square = RoundedRectangle(corner_radius=0.08, width=self.box, height=self.box)
        square.set_fill(self.fill, opacity=1.0).set_stroke(self.fill, width=2)
        label = theme.text(name, size=theme.LABEL_SIZE, color=theme.BACKGROUND)
        item = VGroup(square, label)
        item.name = f"queued {name}"
        return item

    def enqueue(self, view: GraphView, nodes: Sequence[str]) -> Animation:
        """Each node's name flies from its disc into the next free slot at the back."""
        anims = []
        for node in nodes:
            item = self._item(node).move_to(self.slot(len(self.items)))
            self.items.append(item)
            anims.append(FadeIn(item, target_position=view.centre_of(node), scale=0.5))
        return AnimationGroup(*anims, lag_ratio=0.25)

    def dequeue(self, count: int) -> Animation:
        """The first ``count`` names leave from the front; the rest move up."""
        if not 0 < count <= len(self.items):
            raise ValueError(f"cannot take {count} of {len(self.items)} queued names")
        leaving, self.items = self.items[:count], self.items[count:]
        anims: list[Animation] = [FadeOut(item, shift=0.5 * LEFT) for item in leaving]
        for i, item in enumerate(self.items):
            anims.append(built(item.animate.move_to(self.slot(i))))
        return AnimationGroup(*anims)

    @reads_screen("count")
    def length_shown(self) -> int:
        """How many queued boxes are visible."""
        return sum(1 for item in self.items if is_visible(item[0]))

    def names_shown(self) -> tuple[str, ...]:
        """The names in the visible boxes, front first."""
        return tuple(cast(Text, item[1]).text for item in self.items if is_visible(item[0]))


class DistanceTags(VGroup):
    """Dijkstra's tentative distances beside the nodes of ``view``: ``∞`` until reached.

    Parameters
    ----------
    view
        The drawn graph.
    directions
        Where each tag sits beside its disc (a unit vector per node).
    source
        The node that starts at 0.
    """

    def __init__(
        self,
        view: GraphView,
        directions: Mapping[str, Sequence[float] | NDArray[np.float64]],
        source: str,
        *,
        color: ManimColor = theme.ACCENT,
        size: int = 40,
    ) -> None:
        super().__init__()
        self.view, self.color, self.size = view, ManimColor(color), size
        self.directions = {n: np.array([*directions[n][:2], 0.0]) for n in view.graph.nodes}
        self._box = (self._number(88).width, self._number(88).height)
        self.infinities: dict[str, BackedLabel] = {}
        self.numbers: dict[str, BackedLabel] = {}
        for node in view.graph.nodes:
            if node == source:
                self.numbers[node] = self._number(0.0).move_to(self.spot(node))
            else:
                mark = BackedLabel(theme.text("∞", size=size, color=color), opacity=1.0)
                self.infinities[node] = mark.move_to(self.spot(node))
        self.add(*self.infinities.values(), *self.numbers.values())

    def _number(self, value: float) -> BackedLabel:
        number = DecimalNumber(88, num_decimal_places=0, font_size=self.size, color=self.color)
        label = BackedLabel(number, opacity=1.0)  # backed as wide as two digits
        number.set_value(value)
        number.move_to(label.backing)
        return label

    def spot(self, node: str) -> NDArray[np.float64]:
        """Scene point where ``node``'s tag sits."""
        disc = self.view.discs[node]
        d = self.directions[node]
        half = 0.5 * (abs(d[0]) * self._box[0] + abs(d[1]) * self._box[1])
        reach = disc.width / 2 + 0.15 + half
        return np.asarray(disc.get_center() + d * reach, dtype=np.float64)

    def appear(self) -> Animation:
        """Every tag fades in."""
        return AnimationGroup(*(FadeIn(m) for m in self.submobjects), lag_ratio=0.1)

    def relax(self, look: Relaxation, *, color: ManimColor = theme.ACCENT) -> list[Animation]:
        """The offer ``look.offered`` travels along the edge from ``look.settled`` and lands
        beside the tag of ``look.node``: it replaces an ``∞``, counts a larger number down, or
        is struck out in red when it is no better. The phases are returned in order, to be
        played one after another (a fade-out inside a ``Succession`` leaves its object)."""
        view, node = self.view, look.node
        offer = BackedLabel(
            DecimalNumber(look.offered, num_decimal_places=0, font_size=self.size, color=color),
            opacity=1.0,
        )
        vertical = abs(self.directions[node][1]) > 0.5  # above/below: the offer goes right
        beside = self.spot(node) + (
            np.array([self._box[0] + 0.2, 0.0, 0.0])
            if vertical
            else np.array([0.0, self._box[1] + 0.15, 0.0])
        )
        offer.move_to(beside)
        arrive = AnimationGroup(
            view.pulse(look.settled, node, color),
            FadeIn(offer, target_position=view.centre_of(look.settled)),
        )
        if not look.improved:
            strike = Line(offer.get_corner(DOWN + LEFT), offer.get_corner(UP + RIGHT))
            strike.set_stroke(theme.BAD, width=5)
            verdict = theme.text("no change", size=theme.LABEL_SIZE, color=theme.BAD)
            verdict.next_to(offer, RIGHT, buff=0.15)
            judge = AnimationGroup(
                built(offer.label.animate.set_color(theme.BAD)),
                Create(strike),
                FadeIn(verdict, shift=0.2 * LEFT),
            )
            return [
                arrive,
                judge,
                AnimationGroup(FadeOut(offer), FadeOut(strike), FadeOut(verdict)),
            ]
        if node in self.infinities:
            mark = self.infinities.pop(node)
            self.remove(mark)
            self.numbers[node] = offer
            self.add(offer)
            land = AnimationGroup(
                FadeOut(mark, scale=0.5), built(offer.animate.move_to(self.spot(node)))
            )
            return [arrive, land]
        tag = self.numbers[node]
        count = AnimationGroup(
            CountTo(cast(DecimalNumber, tag.label), look.offered),
            FadeOut(offer, shift=self.spot(node) - beside, scale=0.6),
        )
        return [arrive, count]

    def recolour(self, node: str, color: ManimColor) -> Animation:
        """The tag's digits take ``color`` (a settled distance)."""
        return built(self.numbers[node].label.animate.set_color(color))

    def finite_shown(self) -> list[Printed]:
        """The typeset numbers of the reached nodes, in node order (printed readings)."""
        return [
            printed(self.numbers[n].label)
            for n in self.view.graph.nodes
            if n in self.numbers and is_visible(self.numbers[n].label)
        ]

    @reads_screen("count")
    def infinities_shown(self) -> int:
        """How many tags still show ``∞``."""
        return sum(
            1
            for m in self.infinities.values()
            if is_visible(m.label) and isinstance(m.label, Text) and m.label.text == "∞"
        )


def path_weight_shown(view: GraphView, color: ManimColor) -> object:
    """The weights typeset on the edges stroked in ``color``, added up (a derived reading)."""
    want = ManimColor(color).to_hex()
    weights = [
        printed(view.weight_labels[edge].label)
        for edge, line in view.lines.items()
        if is_visible(line) and _hex(line.get_stroke_color()) == want
    ]
    return derived("sum of the weights printed on the lit edges", math.fsum(weights), *weights)


def _hex(color: ManimColor | None) -> str | None:
    return None if color is None else color.to_hex()


class RankView(GraphView):
    """A directed graph whose discs hold mass (area ∝ mass) and whose arrows end at the rims.

    A pair of links running both ways is drawn as two arrows side by side. Parameters as for
    :class:`GraphView`; ``full_radius`` is the radius of a disc holding all the mass.
    """

    def __init__(
        self,
        graph: Graph,
        positions: Mapping[str, Sequence[float] | NDArray[np.float64]],
        *,
        full_radius: float,
        **kwargs: object,
    ) -> None:
        if not graph.directed:
            raise ValueError("a RankView draws links: the graph must be directed")
        super().__init__(graph, positions, **kwargs)  # type: ignore[arg-type]
        self._full_radius = full_radius
        n = len(graph.nodes)
        self.masses = dict.fromkeys(graph.nodes, 1.0 / n)
        self._set_masses(self.masses)

    def _arrow(self, u: str, v: str) -> Arrow:
        a, b = self.centre_of(u), self.centre_of(v)
        direction = (b - a) / np.linalg.norm(b - a)
        side = np.zeros(3)
        if (v, u) in self.graph.edges:  # two arrows side by side, each on its right
            side = np.array([direction[1], -direction[0], 0.0]) * _RECIPROCAL_OFFSET
        ru, rv = self.discs[u].width / 2, self.discs[v].width / 2
        return Arrow(
            a + direction * (ru + _GAP) + side,
            b - direction * (rv + _GAP) + side,
            buff=0,
            color=EDGE_COLOR,
            stroke_width=3.5,
            max_tip_length_to_length_ratio=0.25,
            tip_length=0.2,
        )

    def _set_masses(self, masses: Mapping[str, float]) -> None:
        for node, m in masses.items():
            disc = self.discs[node]
            radius = max(self._full_radius * math.sqrt(m), 1e-3)
            disc.scale(radius / (disc.width / 2))
        for (u, v), line in self.lines.items():
            line.become(self._arrow(u, v))

    def flow_to(self, masses: Mapping[str, float], **kwargs: object) -> Animation:
        """Discs grow and shrink to ``masses``, the mass moving linearly (its total kept)."""
        start, end = dict(self.masses), {n: float(masses[n]) for n in self.graph.nodes}

        def update(t: float) -> None:
            self.masses = blend(start, end, t)
            self._set_masses(self.masses)

        kwargs.setdefault("rate_func", lambda t: t * t * (3 - 2 * t))
        return Scripted(self, update, **kwargs)  # type: ignore[arg-type]

    def pulses(self, color: ManimColor = theme.ACCENT) -> Animation:
        """A flash along every link at once: mass leaving each page along its out-links."""
        return AnimationGroup(*(self.pulse(u, v, color) for u, v in self.graph.edges))


class RankBars(VGroup):
    """One horizontal bar per page beside its row, as long as the page's disc mass.

    The bars follow :meth:`RankView.masses_shown` at every frame (an updater), so they can
    never disagree with the discs.

    Parameters
    ----------
    view
        The pages.
    rows
        One mobject per page (its readout); each bar starts ``gap`` to the right of ``left``
        at the row's height.
    left
        x of the bars' left ends.
    per_unit
        Bar length of a mass of 1 (scene units).
    """

    def __init__(
        self,
        view: RankView,
        rows: Sequence[Mobject],
        *,
        left: float,
        per_unit: float,
        height: float = 0.24,
        color: ManimColor = theme.PATH,
    ) -> None:
        super().__init__()
        self.view, self.per_unit, self.left = view, per_unit, left
        self.bars: list[Rectangle] = []
        for i, row in enumerate(rows):
            bar = Rectangle(width=1.0, height=height, stroke_width=0)
            bar.set_fill(color, opacity=0.9)
            bar.move_to(np.array([left, row.get_y(), 0.0]), aligned_edge=LEFT)
            bar.add_updater(lambda b, i=i: self._fit(b, i))
            self._fit(bar, i)
            self.bars.append(bar)
            self.add(bar)

    def _fit(self, bar: Mobject, i: int) -> None:
        y = bar.get_y()
        width = max(float(self.view.masses_shown()[i]) * self.per_unit, 1e-3)
        bar.stretch_to_fit_width(width)
        bar.move_to(np.array([self.left, y, 0.0]), aligned_edge=LEFT)

    @reads_screen("geometry")
    def masses_shown(self) -> NDArray[np.float64]:
        """Each bar's length turned back into a mass (node order)."""
        return np.array([bar.width / self.per_unit for bar in self.bars])


class RankPanel(VGroup):
    """PageRank's numbers beside a :class:`RankView`: one readout and bar per page (both
    following the discs), then the round, the last round's change and the total mass.

    Parameters
    ----------
    view
        The pages.
    top_left
        Scene point of the panel's top-left corner.
    first_change
        The change the first round makes (what :attr:`change` shows when it appears).
    """

    def __init__(
        self,
        view: RankView,
        top_left: Sequence[float] | NDArray[np.float64],
        *,
        first_change: float,
        color: ManimColor = theme.PATH,
    ) -> None:
        super().__init__()
        self.view = view
        self.ranks = [Readout(rf"\text{{{n}}}", 0.2, decimals=3, size=34) for n in view.graph.nodes]
        self.column = VGroup(*self.ranks).arrange(DOWN, aligned_edge=LEFT, buff=0.26)
        self.column.move_to(np.array([*top_left[:2], 0.0]), aligned_edge=LEFT + UP)
        for i, readout in enumerate(self.ranks):
            readout.follow(self._mass_of(i))
        left = self.column.get_left()[0] + 1.95
        self.bars = RankBars(view, self.ranks, left=left, per_unit=5.5, color=color)
        self.rounds = Readout(r"\text{round}", 0, decimals=0, size=30, color=theme.MUTED)
        self.change = Readout(
            r"\text{change}", first_change, decimals=4, size=30, color=theme.MUTED
        )
        self.totals = Readout(r"\text{total}", 1.0, decimals=3, size=30, color=theme.MUTED)
        self.stats = VGroup(self.rounds, self.change, self.totals)
        self.stats.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        self.stats.next_to(self.column, DOWN, buff=0.5, aligned_edge=LEFT)
        self.totals.follow(lambda: float(self.total_shown()))
        self.add(self.column, self.bars, self.stats)

    def _mass_of(self, i: int) -> Callable[[], float]:
        return lambda: float(self.view.masses_shown()[i])

    def readouts_shown(self) -> list[Printed]:
        """Every page's rank as typeset (node order)."""
        return [r.value for r in self.ranks]

    def total_shown(self) -> float:
        """The discs' masses added up (a derived reading)."""
        masses = self.view.masses_shown()
        return cast(float, derived("sum of the disc masses", math.fsum(masses), masses))
