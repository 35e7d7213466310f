"""Components flooding in colour, walks traced edge by edge, and a compact adjacency matrix
that squares itself, for 11.2 Graph Properties.

Built on :class:`~mathviz.primitives.graph_view.GraphView` (the shared graph drawing):

* :class:`WalkGraphView` — a ``GraphView`` that floods a component from a BFS run (frontier by
  frontier, a flash along each tree edge), traces walks as bent strokes hop by hop (an
  out-and-back walk shows as a lens around its edge), marks a missing path with a dashed,
  crossed gap, and reads back which colours are lit, what a drawn node can reach and how many
  complete walks are drawn between two nodes;
* :class:`WalkMatrix` — a 0/1 matrix with row and column names, tighter than
  :class:`~mathviz.primitives.graph_view.AdjacencyMatrix` so that a 9 × 9 fits beside a
  graph; it fills edge by edge, boxes a row, a column or a cell, and morphs into another
  matrix of the same shape (``A`` into ``A²``).

Every ``*_shown`` method reads the picture (line ends, fill colours, typeset digits).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    ArcBetweenPoints,
    Create,
    DashedLine,
    FadeIn,
    FadeOut,
    Line,
    ManimColor,
    Mobject,
    Succession,
    SurroundingRectangle,
    Text,
    VGroup,
    VMobject,
)
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.graph_walks import reachable_in
from mathviz.maths.graphs import BfsRun, Edge
from mathviz.primitives.graph_view import EDGE_COLOR, GraphView
from mathviz.primitives.matrices import MatrixGrid
from mathviz.primitives.motion import built
from mathviz.readings import Printed, PrintedArray, printed, reads_screen

__all__ = ["WalkGraphView", "WalkMatrix", "WordCounter", "scan_for_walks"]

#: gap between a node's rim and the end of a walk's stroke
_RIM_GAP = 0.06
#: stroke width of a traced walk
_WALK_WIDTH = 7.0


class WalkGraphView(GraphView):
    """A :class:`GraphView` with floods, traced walks and a missing-path mark.

    Takes the arguments of :class:`GraphView`. Walks are drawn in their own layer between
    the edges and the node discs, so a walk's ends tuck under the discs it joins.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.walk_layer = VGroup()
        layers = list(self.submobjects)
        self.remove(*layers)
        self.add(layers[0], self.walk_layer, *layers[1:])
        #: each drawn walk: the nodes it visits, and one stroke per hop
        self.walks: list[tuple[tuple[str, ...], VGroup]] = []

    # --- floods ---------------------------------------------------------------------------
    def component_edges(self, nodes: Iterable[str]) -> list[Edge]:
        """The drawn edges with both ends among ``nodes``."""
        inside = set(nodes)
        return [e for e in self.lines if e[0] in inside and e[1] in inside]

    def flood(
        self,
        run: BfsRun,
        color: ManimColor,
        *,
        lag_ratio: float = 0.85,
        alongside: Sequence[Animation | None] = (),
    ) -> Animation:
        """Light ``run``'s source, then each frontier in turn: a flash runs along the tree edge
        that reaches a node, the edge and the node take ``color``; last, the component's other
        edges take it too. ``alongside[d]`` plays with frontier ``d`` (a caption listing it; ``None``:
        nothing).
        Play it with the run time it should last."""
        if len(alongside) > len(run.layers):
            raise ValueError(f"{len(alongside)} captions for {len(run.layers)} frontiers")
        extra: list[list[Animation]] = [[] if a is None else [a] for a in alongside]
        extra += [[] for _ in range(len(run.layers) - len(alongside))]
        stages: list[Animation] = [AnimationGroup(self.light_nodes([run.source], color), *extra[0])]
        stages.extend(
            AnimationGroup(
                *(self.pulse(run.parent[v], v, color) for v in layer),
                self.light_edges([(run.parent[v], v) for v in layer], color, width=5.0),
                self.light_nodes(layer, color),
                *extra[d],
            )
            for d, layer in enumerate(run.layers[1:], start=1)
        )
        reached = [n for layer in run.layers for n in layer]
        tree = {frozenset((run.parent[v], v)) for v in run.parent}
        rest = [e for e in self.component_edges(reached) if frozenset(e) not in tree]
        if rest:
            stages.append(self.light_edges(rest, color, width=5.0))
        return AnimationGroup(*stages, lag_ratio=lag_ratio)

    def plain_edges(self) -> Animation:
        """Every drawn edge back to its resting colour and width."""
        return self.light_edges(list(self.lines), EDGE_COLOR, width=3.5)

    def free_side(
        self, node: str, *, limit: tuple[float, float] = (6.5, 3.5)
    ) -> NDArray[np.float64]:
        """Of up, right, down and left, the direction from ``node`` farthest in angle from
        its edges (a label put there is crossed by none), among those that keep a label
        inside ``limit`` (half the frame's width and height, less a margin)."""
        centre = self.centre_of(node)
        reach = self.discs[node].width / 2 + 0.35
        headings = [
            (self.centre_of(m) - centre) / np.linalg.norm(self.centre_of(m) - centre)
            for m in self.graph.neighbours(node)
        ]
        best, best_score = np.array(UP, dtype=float), -1.0
        for side in (UP, RIGHT, DOWN, LEFT):
            spot = centre + reach * side
            if abs(spot[0]) > limit[0] or abs(spot[1]) > limit[1]:
                continue
            angles = [float(np.arccos(np.clip(np.dot(side, h), -1, 1))) for h in headings]
            score = min(angles, default=np.pi)
            if score > best_score + 1e-9:
                best, best_score = np.array(side, dtype=float), score
        return best

    # --- walks ----------------------------------------------------------------------------
    def _rim(self, u: str, towards: str) -> NDArray[np.float64]:
        a, b = self.centre_of(u), self.centre_of(towards)
        radius = self.discs[u].width / 2
        return np.asarray(a + (b - a) / np.linalg.norm(b - a) * (radius + _RIM_GAP))

    def trace_walk(
        self, nodes: Sequence[str], color: ManimColor = theme.ACCENT, *, bend: float = 0.5
    ) -> Animation:
        """Draw the walk ``nodes[0] → nodes[1] → …`` hop by hop along drawn edges, each hop a
        stroke bent by ``bend`` radians (a hop back along the same edge bends the other way)."""
        if len(nodes) < 2:
            raise ValueError("a walk has at least one edge")
        hops = VGroup()
        for u, v in zip(nodes[:-1], nodes[1:], strict=True):
            self._edge_key(u, v)  # the hop runs along an edge of the graph
            arc = ArcBetweenPoints(self._rim(u, v), self._rim(v, u), angle=bend)
            arc.set_stroke(color, width=_WALK_WIDTH, opacity=0.0)  # unseen until traced
            hops.add(arc)
        self.walks.append((tuple(nodes), hops))
        self.walk_layer.add(hops)
        return AnimationGroup(*(_Trace(h) for h in hops), lag_ratio=1.0)

    def fade_walks(self) -> Animation:
        """Fade every drawn walk out (they stay in the layer, unseen, until :meth:`drop_walks`)."""
        return AnimationGroup(*(built(h.animate.set_stroke(opacity=0.0)) for _, h in self.walks))

    def drop_walks(self) -> None:
        """Take the faded walks out of the picture (call after :meth:`fade_walks` has played)."""
        for _, hops in self.walks:
            self.walk_layer.remove(hops)
        self.walks = []

    @reads_screen("count")
    def walks_shown(self, start: str, end: str) -> int:
        """Complete walks drawn from ``start`` to ``end``: visible strokes chained end to
        start, the first leaving ``start``'s disc, the last reaching ``end``'s, each joining two
        nodes that a drawn edge joins."""
        self._known(start), self._known(end)
        drawn = self.adjacency_shown()
        count = 0
        for _, hops in self.walks:
            ends = [self._ends(cast(Line, h)) for h in hops]
            if not all(is_visible(h) for h in hops) or any(None in e for e in ends):
                continue
            chained = all(a[1] == b[0] for a, b in zip(ends[:-1], ends[1:], strict=True))
            along = all(
                drawn[self.graph.index(cast(str, a)), self.graph.index(cast(str, b))] == 1
                for a, b in ends
            )
            count += chained and along and ends[0][0] == start and ends[-1][1] == end
        return count

    # --- reachability and the gap between components --------------------------------------
    @reads_screen("count")
    def colours_lit_shown(self, colors: Sequence[ManimColor]) -> int:
        """How many of ``colors`` fill at least one node disc."""
        return sum(int(np.any(self.lit_shown(c))) for c in colors)

    @reads_screen("count")
    def reachable_shown(self, source: str) -> NDArray[np.int64]:
        """1 for each node (node order) a route along the drawn edges reaches from ``source``."""
        found = reachable_in(self.adjacency_shown(), self.graph.index(self._known(source)))
        return np.array([int(i in found) for i in range(len(self.graph.nodes))], dtype=np.int64)

    @reads_screen("count")
    def crossing_edges_shown(self, colors: Sequence[ManimColor]) -> int:
        """Drawn edges whose two end nodes are lit in two different of ``colors``."""
        lit = np.array([self.lit_shown(c) for c in colors])  # colours × nodes
        owner = [int(np.argmax(col)) if col.any() else -1 for col in lit.T]
        a = self.adjacency_shown()
        n = len(self.graph.nodes)
        return sum(
            int(a[i, j] and owner[i] >= 0 and owner[j] >= 0 and owner[i] != owner[j])
            for i in range(n)
            for j in range(i + 1, n)
        )

    def gap_mark(self, u: str, v: str, color: ManimColor = theme.BAD) -> VGroup:
        """A dashed line from ``u``'s rim to ``v``'s with a cross at its middle: no edge, and no
        route, joins them (not yet on screen: draw it in)."""
        a, b = self._rim(u, v), self._rim(v, u)
        dashed = DashedLine(a, b, dash_length=0.12, stroke_width=3, color=color)
        mid, size = (a + b) / 2, 0.16
        cross = VGroup(
            Line(mid + np.array([-size, -size, 0]), mid + np.array([size, size, 0])),
            Line(mid + np.array([-size, size, 0]), mid + np.array([size, -size, 0])),
        ).set_stroke(color, width=6)
        return VGroup(dashed, cross)


class _Trace(Create):
    """Create a stroke built unseen: it shows from the moment its tracing begins (a walk
    built ahead, inside a longer animation, is not seen, nor counted, before its turn)."""

    def begin(self) -> None:  # noqa: D102 - manim hook
        cast(VMobject, self.mobject).set_stroke(opacity=1.0)
        super().begin()


class WalkMatrix(VGroup):
    """A square 0/1 matrix of zeros with row and column names that fills in edge by edge.

    Parameters
    ----------
    keys
        The nodes, in row (and column) order; every method names rows and columns by these.
    labels
        The text written beside each row and above each column (default: the keys).
    font_size
        Size of the entries.
    column_gap, row_height
        Spacing of the entries (tighter than :class:`AdjacencyMatrix` so a 9 × 9 fits).
    highlight
        Colour a 1 takes as it is written.
    """

    def __init__(
        self,
        keys: Sequence[str],
        *,
        labels: Sequence[str] | None = None,
        font_size: int = 26,
        column_gap: float = 0.3,
        row_height: float = 0.56,
        highlight: ManimColor = theme.ACCENT,
    ) -> None:
        super().__init__()
        self.keys = list(keys)
        self.highlight = highlight
        n = len(self.keys)
        self.grid = MatrixGrid(
            np.zeros((n, n), dtype=int).tolist(),
            decimals=0,
            font_size=font_size,
            color=theme.MUTED,
            column_gap=column_gap,
            row_height=row_height,
            name="A",
        )
        self.row_labels = VGroup()
        self.column_labels = VGroup()
        for i, name in enumerate(labels or keys):
            row = theme.text(name, size=theme.SMALL_SIZE, color=theme.MUTED)
            row.next_to(self.grid.brackets, LEFT, buff=0.15).set_y(self.grid.slot(i, 0)[1])
            self.row_labels.add(row)
            column = theme.text(name, size=theme.SMALL_SIZE, color=theme.MUTED)
            column.next_to(self.grid.brackets, UP, buff=0.12).set_x(self.grid.slot(0, i)[0])
            self.column_labels.add(column)
        self.add(self.grid, self.row_labels, self.column_labels)

    def index(self, key: str) -> int:
        """Row (and column) of the node ``key``."""
        return self.keys.index(key)

    def appear(self, lag_ratio: float = 0.25) -> Animation:
        """Brackets, names and the zeros fade in one after another."""
        parts = (self.grid.brackets, self.row_labels, self.column_labels, self.grid.entries)
        return AnimationGroup(*(FadeIn(p) for p in parts), lag_ratio=lag_ratio)

    def block_boxes(
        self, groups: Sequence[Sequence[str]], color: ManimColor = theme.BAD
    ) -> list[VMobject]:
        """A box around every block whose rows are one group and columns another (the
        entries between components), not yet on screen."""
        return [
            SurroundingRectangle(
                VGroup(
                    *(self.grid.entry(self.index(r), self.index(c)) for r in rows for c in cols)
                ),
                buff=0.1,
                corner_radius=0.08,
                color=color,
            )
            for rows in groups
            for cols in groups
            if rows != cols
        ]

    # --- animations -----------------------------------------------------------------------
    def fill(self, u: str, v: str, value: int = 1) -> Animation:
        """Write ``value`` at ``(u, v)`` and ``(v, u)``, lit in the highlight colour."""
        i, j = self.index(u), self.index(v)
        cells = {(i, j), (j, i)}
        return AnimationGroup(
            *(self.grid.change_entry(a, b, value, color=self.highlight) for a, b in sorted(cells))
        )

    def settle(self) -> Animation:
        """Every nonzero entry to the text colour, zeros muted."""
        m, n = self.grid.shape
        return AnimationGroup(
            *(
                built(self.grid.entry(i, j).animate.set_color(theme.TEXT))
                for i in range(m)
                for j in range(n)
                if self.grid.entry(i, j).get_value() != 0
            )
        )

    def morph_to(
        self, values: Sequence[Sequence[int]] | NDArray[np.int64], *, diagonal: ManimColor
    ) -> Animation:
        """Morph every entry into ``values`` (zeros muted, the diagonal in ``diagonal``, the
        rest in the text colour)."""
        m, n = self.grid.shape
        anims = []
        for i in range(m):
            for j in range(n):
                value = int(values[i][j])
                color = diagonal if i == j else (theme.TEXT if value else theme.MUTED)
                anims.append(self.grid.change_entry(i, j, value, color=color))
        return AnimationGroup(*anims)

    def row_box(self, name: str, color: ManimColor) -> VMobject:
        """A box around ``name``'s row (not yet on screen)."""
        return cast(VMobject, self.grid.row_box(self.index(name), color))

    def column_box(self, name: str, color: ManimColor) -> VMobject:
        """A box around ``name``'s column (not yet on screen)."""
        return cast(VMobject, self.grid.column_box(self.index(name), color))

    def cell_box(self, row: str, column: str, color: ManimColor = theme.ACCENT) -> VMobject:
        """A small box around one entry (not yet on screen)."""
        cell = self.grid.entry(self.index(row), self.index(column))
        box = SurroundingRectangle(cell, buff=0.07, corner_radius=0.05, color=color)
        return cast(VMobject, box.set_stroke(width=3))

    def cell_centre(self, row: str, column: str) -> NDArray[np.float64]:
        """Scene point at the middle of entry ``(row, column)``."""
        return np.asarray(self.grid.slot(self.index(row), self.index(column)), dtype=np.float64)

    # --- read-backs -----------------------------------------------------------------------
    @reads_screen("printed")
    def matrix_shown(self) -> NDArray[np.float64]:
        """Every entry as typeset (for arithmetic on what is shown)."""
        return np.asarray(self.grid.values_shown(), dtype=np.float64)

    def entries_printed(self) -> PrintedArray:
        """Every entry's typeset digits, row by row (a printed reading)."""
        return self.grid.entries_printed()

    def entry_printed(self, row: str, column: str) -> Any:
        """One entry's typeset digits (a printed reading)."""
        return printed(self.grid.entry(self.index(row), self.index(column)))

    def diagonal_printed(self) -> PrintedArray:
        """The diagonal's typeset digits, in row order (a printed reading)."""
        n = len(self.keys)
        return PrintedArray(printed(self.grid.entry(i, i)) for i in range(n))

    def entries_between_printed(self, rows: Iterable[str], columns: Iterable[str]) -> PrintedArray:
        """The typeset digits of the block ``rows`` × ``columns``, row by row."""
        cols = [self.index(c) for c in columns]
        return PrintedArray(printed(self.grid.entry(self.index(r), j)) for r in rows for j in cols)


class WordCounter(VGroup):
    """``edges = 8`` typeset as one line of the theme's text font (a :class:`Readout` sets its
    number in TeX), for whole counts; :meth:`follow` keeps it equal to a reading of the
    picture, and :attr:`value` reads the digits it shows.

    Parameters
    ----------
    words
        What is counted, written before ``=``.
    value
        The count shown at first.
    """

    def __init__(
        self,
        words: str,
        value: int = 0,
        *,
        color: ManimColor = theme.TEXT,
        size: int = theme.BODY_SIZE,
    ) -> None:
        super().__init__()
        self.words, self.color_, self.size = words, color, size
        self.line = self._typeset(value)
        self.add(self.line)
        self._shown = value
        self._follower: Callable[[Mobject], None] | None = None

    def _typeset(self, value: int) -> Text:
        return theme.text(f"{self.words} = {value}", size=self.size, color=self.color_)

    @property
    def value(self) -> Printed:
        """The count as typeset (a printed reading)."""
        return printed(self.line)

    def show_count(self, value: int) -> WordCounter:
        """Show ``value`` now, the line's left edge and baseline kept."""
        if value == self._shown:
            return self
        line = self._typeset(value)
        line.move_to(self.line, aligned_edge=LEFT).set_opacity(self.line.get_fill_opacity())
        self.remove(self.line)
        # a play draws the family it listed when it began: the old glyphs must draw nothing
        for part in self.line.get_family():
            part.points = np.zeros((0, 3))
        self.add(line)
        self.line, self._shown = line, value
        return self

    def follow(self, read: Callable[[], int]) -> WordCounter:
        """Keep showing ``read()`` at every frame (an updater)."""
        self.stop_following()

        def update(_: Mobject) -> None:
            self.show_count(int(read()))

        self._follower = update
        self.add_updater(update)
        update(self)
        return self

    def stop_following(self) -> WordCounter:
        """Freeze the count as it is."""
        if self._follower is not None:
            self.remove_updater(self._follower)
            self._follower = None
        return self


def scan_for_walks(
    view: WalkGraphView,
    matrix: WalkMatrix,
    i: str,
    j: str,
    cursors: tuple[VMobject, VMobject],
    *,
    color: ManimColor = theme.ACCENT,
) -> tuple[Animation, VGroup]:
    """Entry ``(i, j)`` of ``A²`` worked out on screen.

    Two cursors slide together along row ``i`` and down column ``j`` of ``matrix`` (one step
    per middle node ``k``); where both sit on a nonzero entry, both cells stay boxed, ``k``
    lights in ``color`` and the walk ``i → k → j`` is traced on ``view``; last, the cursors
    fade. Returns the animation and the boxes it leaves (to fade later).
    """
    shown = matrix.matrix_shown()
    row_cursor, column_cursor = cursors
    kept = VGroup()
    steps: list[Animation] = []
    for k in matrix.keys:
        steps.append(
            AnimationGroup(
                built(row_cursor.animate.move_to(matrix.cell_centre(i, k))),
                built(column_cursor.animate.move_to(matrix.cell_centre(k, j))),
                run_time=0.35,
            )
        )
        a, b = matrix.index(i), matrix.index(k)
        if shown[a, b] and shown[b, matrix.index(j)]:
            boxes = [matrix.cell_box(i, k, color), matrix.cell_box(k, j, color)]
            kept.add(*boxes)
            steps.append(
                AnimationGroup(
                    *(FadeIn(box) for box in boxes),
                    view.light_nodes([k], color),
                    view.trace_walk((i, k, j), color),
                    run_time=1.6,
                )
            )
    steps.append(AnimationGroup(FadeOut(row_cursor), FadeOut(column_cursor), run_time=0.4))
    return Succession(*steps), kept
