"""A drawn graph and its adjacency matrix, for the Level 11 and 14 lectures.

:class:`GraphView` draws a :class:`~mathviz.maths.graphs.Graph` at positions from
:func:`~mathviz.maths.graphs.layout`: edges first (so nodes cover their ends), then filled
node discs with their names, then optional backed weight labels and per-node numbers. Its
methods return animations — reveal an edge, light nodes or edges, send a pulse along an edge,
resize nodes to a mass, change the numbers — and its ``*_shown`` methods read the picture
back: which edges are drawn (from the lines' end points), node degrees, which nodes are lit,
node masses from their radii and the typeset numbers.

:class:`AdjacencyMatrix` is a :class:`~mathviz.primitives.matrices.MatrixGrid` of zeros with
row and column names that fills in edge by edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Add,
    Animation,
    AnimationGroup,
    Arrow,
    ChangeDecimalToValue,
    Circle,
    Create,
    DecimalNumber,
    FadeIn,
    GrowFromCenter,
    LaggedStart,
    Line,
    ManimColor,
    ShowPassingFlash,
    Text,
    VGroup,
)
from numpy.typing import NDArray

from mathviz import theme
from mathviz.layout import is_visible
from mathviz.maths.graphs import Edge, Graph
from mathviz.primitives.matrices import MatrixGrid
from mathviz.primitives.motion import built
from mathviz.primitives.vectors import BackedLabel
from mathviz.readings import printed, reads_screen

__all__ = [
    "NODE_FILL",
    "NODE_STROKE",
    "EDGE_COLOR",
    "GraphView",
    "AdjacencyMatrix",
]

#: an unlit node's disc (dark, so its light name reads on it)
NODE_FILL = ManimColor("#1E2733")
#: an unlit node's rim
NODE_STROKE = theme.MUTED
#: an edge at rest
EDGE_COLOR = ManimColor("#5C6B7E")
#: space between a node's rim and the end of an edge
_EDGE_GAP = 0.04
#: how close (scene units, beyond the radius) a line's end must be to a node to touch it
_TOUCH = 0.12


class GraphView(VGroup):
    """A graph drawn in a box of the frame.

    Parameters
    ----------
    graph
        The model.
    positions
        Node positions in [−1, 1]² (:func:`~mathviz.maths.graphs.layout`).
    centre, width, height
        The frame box the positions are stretched onto (scene units).
    node_radius
        Radius of a node disc at rest.
    names
        Text drawn for each node (default: the node's name).
    name_outside
        Direction in which to put a node's name *beside* its disc instead of inside it (for
        long names); a mapping gives one direction per node.
    name_size
        Font size of the names.
    hidden_edges
        Build without edges; :meth:`reveal_edge` draws them one by one.
    show_weights
        Backed labels with each edge's weight at its middle.
    """

    def __init__(
        self,
        graph: Graph,
        positions: Mapping[str, Sequence[float] | NDArray[np.float64]],
        *,
        centre: Sequence[float] = (0.0, 0.0),
        width: float = 8.0,
        height: float = 5.0,
        node_radius: float = 0.3,
        names: Mapping[str, str] | None = None,
        name_outside: np.ndarray | Mapping[str, np.ndarray] | None = None,
        name_size: int = theme.LABEL_SIZE,
        hidden_edges: bool = False,
        show_weights: bool = False,
    ) -> None:
        super().__init__()
        missing = [n for n in graph.nodes if n not in positions]
        if missing:
            raise ValueError(f"no position for node(s) {', '.join(missing)}")
        self.graph = graph
        self.node_radius = node_radius
        self._centre = np.array([*centre[:2], 0.0], dtype=float)
        self._half = np.array([width / 2, height / 2, 1.0])
        self.edge_layer = VGroup()
        self.node_layer = VGroup()
        self.name_layer = VGroup()
        self.weight_layer = VGroup()
        self.value_layer = VGroup()
        self.add(
            self.edge_layer, self.node_layer, self.name_layer, self.weight_layer, self.value_layer
        )

        self.discs: dict[str, Circle] = {}
        self.names: dict[str, Text] = {}
        self._lit: dict[str, ManimColor | None] = {}
        for node in graph.nodes:
            disc = Circle(radius=node_radius, stroke_color=NODE_STROKE, stroke_width=2.5)
            disc.set_fill(NODE_FILL, opacity=1.0)
            disc.move_to(self._to_scene(positions[node]))
            self.discs[node] = disc
            self.node_layer.add(disc)
            name = theme.text((names or {}).get(node, node), size=name_size)
            where = name_outside.get(node) if isinstance(name_outside, Mapping) else name_outside
            if where is None:
                name.move_to(disc)
            else:
                name.next_to(disc, np.asarray(where, dtype=float), buff=0.12)
            self.names[node] = name
            self._lit[node] = None
            self.name_layer.add(name)

        self.lines: dict[Edge, Line] = {}
        self.weight_labels: dict[Edge, BackedLabel] = {}
        self._show_weights = show_weights
        if not hidden_edges:
            for edge in graph.edges:
                self._add_edge(edge)
        self.values: dict[str, DecimalNumber] = {}

    # --- geometry -------------------------------------------------------------------------
    def _to_scene(self, p: Sequence[float] | NDArray[np.float64]) -> NDArray[np.float64]:
        q = np.array([p[0], p[1], 0.0], dtype=float)
        return np.asarray(self._centre + q * self._half, dtype=np.float64)

    def _from_scene(self, point: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(((point - self._centre) / self._half)[:2], dtype=np.float64)

    def centre_of(self, node: str) -> NDArray[np.float64]:
        """Scene point at the middle of ``node``'s disc."""
        return np.asarray(self.discs[self._known(node)].get_center(), dtype=np.float64)

    def _known(self, node: str) -> str:
        self.graph.index(node)
        return node

    def _edge_key(self, u: str, v: str) -> Edge:
        if (u, v) in self.lines or (u, v) in self.graph.edges:
            return (u, v)
        if not self.graph.directed and ((v, u) in self.lines or (v, u) in self.graph.edges):
            return (v, u)
        raise KeyError(f"no edge ({u}, {v}) in the graph")

    def _build_line(self, u: str, v: str) -> Line:
        a, b = self.centre_of(u), self.centre_of(v)
        direction = (b - a) / np.linalg.norm(b - a)
        start = a + direction * (self.node_radius + _EDGE_GAP)
        end = b - direction * (self.node_radius + _EDGE_GAP)
        if self.graph.directed:
            return Arrow(
                start,
                end,
                buff=0,
                color=EDGE_COLOR,
                stroke_width=3.5,
                max_tip_length_to_length_ratio=0.18,
                tip_length=0.2,
            )
        return Line(start, end, color=EDGE_COLOR, stroke_width=3.5)

    def _add_edge(self, edge: Edge) -> Line:
        line = self._build_line(*edge)
        self.lines[edge] = line
        self.edge_layer.add(line)
        if self._show_weights:
            w = self.graph.weight(*edge)
            label = BackedLabel(
                DecimalNumber(
                    w,
                    num_decimal_places=0 if float(w).is_integer() else 1,
                    font_size=theme.LABEL_SIZE,
                    color=theme.TEXT,
                ),
                opacity=1.0,
            )
            label.move_to(line.get_center())
            self.weight_labels[edge] = label
            self.weight_layer.add(label)
        return line

    # --- animations -----------------------------------------------------------------------
    def appear(self, lag_ratio: float = 0.1) -> Animation:
        """Nodes grow in one after another, then the drawn edges (and weights) are traced.

        The whole view joins the scene first (:class:`~manim.Add`), so the parts' own
        introducing animations find it there and the view stays one group on screen, its
        edges under its discs (introduced one by one, each part would be lifted out of the
        group to the top of the scene)."""
        nodes = LaggedStart(
            *(
                AnimationGroup(GrowFromCenter(self.discs[n]), FadeIn(self.names[n]))
                for n in self.graph.nodes
            ),
            lag_ratio=lag_ratio,
        )
        edges = [Create(line) for line in self.lines.values()]
        weights = [FadeIn(label) for label in self.weight_labels.values()]
        if not edges:
            return AnimationGroup(Add(self), nodes)
        return AnimationGroup(
            Add(self), LaggedStart(nodes, AnimationGroup(*edges, *weights), lag_ratio=0.6)
        )

    def reveal_edge(self, u: str, v: str, *, color: ManimColor | None = None) -> Animation:
        """Trace the edge ``u``–``v`` (built hidden) from ``u`` towards ``v``."""
        key = self._edge_key(u, v)
        if key in self.lines:
            raise ValueError(f"edge ({u}, {v}) is already drawn")
        line = self._add_edge(key) if key == (u, v) else self._add_edge_from(u, v, key)
        if color is not None:
            line.set_color(color)
        label = self.weight_labels.get(key)
        return Create(line) if label is None else AnimationGroup(Create(line), FadeIn(label))

    def _add_edge_from(self, u: str, v: str, key: Edge) -> Line:
        """Draw an undirected edge listed as ``(v, u)`` starting at ``u``."""
        line = self._add_edge(key)
        line.put_start_and_end_on(line.get_end(), line.get_start())
        return line

    def light_nodes(self, nodes: Iterable[str], color: ManimColor) -> Animation:
        """Fill ``nodes`` with ``color`` (their names turn dark to stay readable)."""
        anims = []
        for n in nodes:
            self._lit[self._known(n)] = ManimColor(color)
            anims.append(
                built(self.discs[n].animate.set_fill(color, opacity=1.0).set_stroke(color))
            )
            if self._name_inside(n):
                anims.append(built(self.names[n].animate.set_color(theme.BACKGROUND)))
        return AnimationGroup(*anims)

    def dim_nodes(self, nodes: Iterable[str]) -> Animation:
        """Return ``nodes`` to the unlit look."""
        anims = []
        for n in nodes:
            self._lit[self._known(n)] = None
            anims.append(
                built(
                    self.discs[n].animate.set_fill(NODE_FILL, opacity=1.0).set_stroke(NODE_STROKE)
                )
            )
            anims.append(built(self.names[n].animate.set_color(theme.TEXT)))
        return AnimationGroup(*anims)

    def _name_inside(self, node: str) -> bool:
        return bool(
            np.allclose(self.names[node].get_center(), self.discs[node].get_center(), atol=1e-6)
        )

    def light_edges(
        self, edges: Iterable[Edge], color: ManimColor, width: float = 6.0
    ) -> Animation:
        """Recolour and thicken drawn edges (a path, a BFS tree)."""
        return AnimationGroup(
            *(
                built(self.lines[self._edge_key(u, v)].animate.set_stroke(color, width=width))
                for u, v in edges
            )
        )

    def pulse(self, u: str, v: str, color: ManimColor = theme.ACCENT) -> Animation:
        """A flash travelling along the drawn edge from ``u`` to ``v`` (nothing left behind)."""
        line = self.lines[self._edge_key(u, v)]
        start, end = line.get_start(), line.get_end()
        if np.linalg.norm(start - self.centre_of(u)) > np.linalg.norm(end - self.centre_of(u)):
            start, end = end, start
        trail = Line(start, end, color=color, stroke_width=9)
        return ShowPassingFlash(trail, time_width=0.6)

    def resize_nodes(
        self, masses: Mapping[str, float], *, full_radius: float | None = None
    ) -> Animation:
        """Resize discs so each area is proportional to its mass (radius ∝ √mass); a mass of 1
        gets ``full_radius`` (default: the resting radius × √n, so a uniform mass keeps every
        disc at its resting size)."""
        scale = self._mass_scale(full_radius)
        anims = []
        for n, m in masses.items():
            if m < 0:
                raise ValueError(f"a mass is not negative, got {m} at {n}")
            radius = max(scale * np.sqrt(m), 1e-3)
            disc = self.discs[self._known(n)]
            anims.append(built(disc.animate.scale(radius / (disc.width / 2))))
        return AnimationGroup(*anims)

    def _mass_scale(self, full_radius: float | None) -> float:
        if full_radius is not None:
            self._full_radius = full_radius
        elif not hasattr(self, "_full_radius"):
            self._full_radius = self.node_radius * np.sqrt(len(self.graph.nodes))
        return float(self._full_radius)

    def add_values(
        self,
        values: Mapping[str, float],
        *,
        decimals: int = 0,
        direction: np.ndarray = DOWN,
        color: ManimColor = theme.ACCENT,
        size: int = theme.LABEL_SIZE,
    ) -> Animation:
        """Numbers beside nodes (distances, ranks), on backings; fades them in."""
        anims = []
        for n, v in values.items():
            number = DecimalNumber(v, num_decimal_places=decimals, font_size=size, color=color)
            label = BackedLabel(number, opacity=1.0)
            label.next_to(self.discs[self._known(n)], direction, buff=0.1)
            self.values[n] = number
            self.value_layer.add(label)
            anims.append(FadeIn(label))
        return AnimationGroup(*anims)

    def change_values(self, values: Mapping[str, float]) -> Animation:
        """Count the numbers beside nodes smoothly to ``values``."""
        return AnimationGroup(
            *(
                ChangeDecimalToValue(self.values[n], v)  # type: ignore[arg-type]  # typed as int
                for n, v in values.items()
            )
        )

    # --- read-backs -----------------------------------------------------------------------
    def _drawn_lines(self) -> list[Line]:
        lines = cast(list[Line], list(self.edge_layer))
        return [line for line in lines if is_visible(line) and line.get_length() > 1e-3]

    def _disc_reach(self) -> tuple[list[str], NDArray[np.float64], NDArray[np.float64]]:
        """Every node's disc as drawn: names, centres (bounding-box centres of the disc's
        anchors) and how far from a centre a line's end may be and still touch it."""
        names = list(self.discs)
        centres = np.empty((len(names), 3))
        reach = np.empty(len(names))
        for k, disc in enumerate(self.discs.values()):
            # the anchors, as Manim's get_center and width measure a VMobject
            points = np.vstack([m.get_anchors() for m in disc.family_members_with_points()])
            low, high = points.min(axis=0), points.max(axis=0)
            centres[k] = (low + high) / 2
            reach[k] = (high[0] - low[0]) / 2 + _EDGE_GAP + _TOUCH
        return names, centres, reach

    def _drawn_edges(self) -> list[tuple[Line, str | None, str | None]]:
        """Every drawn line with the nodes its two ends touch (``None``: no node); the first
        node in node order when an end touches two."""
        lines = self._drawn_lines()
        if not lines:
            return []
        names, centres, reach = self._disc_reach()
        ends = np.array([(line.get_start(), line.get_end()) for line in lines])  # (L, 2, 3)
        near = np.linalg.norm(ends[:, :, None, :] - centres[None, None], axis=3) <= reach
        touched = np.where(near.any(axis=2), near.argmax(axis=2), -1)
        return [
            (line, names[a] if a >= 0 else None, names[b] if b >= 0 else None)
            for line, (a, b) in zip(lines, touched.tolist(), strict=True)
        ]

    def _ends(self, line: Line) -> tuple[str | None, str | None]:
        """The nodes the two ends of ``line`` touch (see :meth:`_drawn_edges`)."""
        names, centres, reach = self._disc_reach()
        found: list[str | None] = []
        for point in (line.get_start(), line.get_end()):
            near = np.flatnonzero(np.linalg.norm(centres - point, axis=1) <= reach)
            found.append(names[near[0]] if len(near) else None)
        return found[0], found[1]

    @reads_screen("count")
    def edges_shown(self) -> int:
        """How many edges are drawn between two nodes (a drawn line whose two ends touch
        different nodes)."""
        return sum(1 for _, a, b in self._drawn_edges() if None not in (a, b) and a != b)

    @reads_screen("count")
    def degree_shown(self, node: str) -> int:
        """Drawn edges with an end at ``node`` (for a directed graph, leaving it)."""
        self._known(node)
        return int(self._degrees_drawn()[self.graph.index(node)])

    def _degrees_drawn(self) -> NDArray[np.int64]:
        degrees = np.zeros(len(self.graph.nodes), dtype=np.int64)
        for _, a, b in self._drawn_edges():
            if a is None or b is None:
                continue
            degrees[self.graph.index(a)] += 1
            if not self.graph.directed and b != a:
                degrees[self.graph.index(b)] += 1
        return degrees

    @reads_screen("count")
    def degrees_shown(self) -> NDArray[np.int64]:
        """:meth:`degree_shown` of every node, in node order."""
        return self._degrees_drawn()

    @reads_screen("count")
    def adjacency_shown(self) -> NDArray[np.int64]:
        """The adjacency matrix read off the drawn lines (node order)."""
        n = len(self.graph.nodes)
        out = np.zeros((n, n), dtype=np.int64)
        for _, a, b in self._drawn_edges():
            if a is None or b is None or a == b:
                continue
            i, j = self.graph.index(a), self.graph.index(b)
            out[i, j] = 1
            if not self.graph.directed:
                out[j, i] = 1
        return out

    @reads_screen("count")
    def lit_shown(self, color: ManimColor) -> NDArray[np.int64]:
        """1 for each node (node order) whose disc is filled with ``color`` and seen, else 0."""
        want = ManimColor(color).to_hex()
        return np.array(
            [
                int(
                    is_visible(d)
                    and d.get_fill_opacity() > 0.5
                    and d.get_fill_color().to_hex() == want
                )
                for d in (self.discs[n] for n in self.graph.nodes)
            ],
            dtype=np.int64,
        )

    @reads_screen("count")
    def lit_edges_shown(self, color: ManimColor) -> int:
        """How many drawn edges are stroked in ``color``."""
        want = ManimColor(color).to_hex()
        colours = [line.get_stroke_color() for line in self._drawn_lines()]
        return len([c for c in colours if c is not None and c.to_hex() == want])

    @reads_screen("geometry")
    def position_shown(self, node: str) -> NDArray[np.float64]:
        """The node's disc centre, mapped back into layout coordinates [−1, 1]²."""
        return self._from_scene(self.centre_of(node))

    @reads_screen("geometry")
    def masses_shown(self) -> NDArray[np.float64]:
        """Each node's mass read from its disc (area ∝ mass; see :meth:`resize_nodes`)."""
        scale = self._mass_scale(None)
        return np.array([(self.discs[n].width / 2 / scale) ** 2 for n in self.graph.nodes])

    @reads_screen("printed")
    def values_shown(self) -> NDArray[np.float64]:
        """The numbers typeset beside nodes, in node order (NaN where a node has none)."""
        return np.array(
            [
                float(printed(self.values[n])) if n in self.values else np.nan
                for n in self.graph.nodes
            ]
        )

    def value_printed(self, node: str) -> float:
        """The digits typeset beside ``node`` (a printed reading, for a checkpoint)."""
        return printed(self.values[self._known(node)])


class AdjacencyMatrix(VGroup):
    """An adjacency (or users × movies) matrix of zeros that fills in edge by edge.

    Parameters
    ----------
    rows, columns
        Node names for the rows and the columns (the same list for a square matrix).
    symmetric
        Whether an edge fills both ``(u, v)`` and ``(v, u)`` (an undirected square matrix).
    font_size
        Size of the entries; the names are a size smaller.
    """

    def __init__(
        self,
        rows: Sequence[str],
        columns: Sequence[str],
        *,
        symmetric: bool = False,
        font_size: int = 30,
        row_names: Sequence[str] | None = None,
        column_names: Sequence[str] | None = None,
        highlight: ManimColor = theme.ACCENT,
    ) -> None:
        super().__init__()
        self.rows, self.columns = list(rows), list(columns)
        self.symmetric = symmetric
        self.highlight = highlight
        column_texts = [
            theme.text(name, size=theme.SMALL_SIZE, color=theme.MUTED)
            for name in (column_names or columns)
        ]
        # columns at least as far apart as the widest name needs (names stay full size)
        digit_width = 0.35 * font_size / 30
        widest = max((t.width for t in column_texts), default=0.0)
        self.grid = MatrixGrid(
            np.zeros((len(rows), len(columns)), dtype=int).tolist(),
            decimals=0,
            font_size=font_size,
            color=theme.MUTED,
            column_gap=max(0.5, widest + 0.2 - digit_width),
        )
        self.row_labels = VGroup()
        for i, name in enumerate(row_names or rows):
            label = theme.text(name, size=theme.SMALL_SIZE, color=theme.MUTED)
            label.next_to(self.grid.brackets, LEFT, buff=0.15).set_y(self.grid.slot(i, 0)[1])
            self.row_labels.add(label)
        self.column_labels = VGroup()
        for j, label in enumerate(column_texts):
            label.next_to(self.grid.brackets, UP, buff=0.12).set_x(self.grid.slot(0, j)[0])
            self.column_labels.add(label)
        self.add(self.grid, self.row_labels, self.column_labels)

    def fill(self, u: str, v: str, value: int = 1) -> Animation:
        """Write ``value`` at (u, v) (and (v, u) if symmetric), lit in the highlight colour."""
        cells = [(self.rows.index(u), self.columns.index(v))]
        if self.symmetric and u != v:
            cells.append((self.rows.index(v), self.columns.index(u)))
        return AnimationGroup(
            *(self.grid.change_entry(i, j, value, color=self.highlight) for i, j in cells)
        )

    def settle(self) -> Animation:
        """Turn every lit 1 to the plain text colour (zeros stay muted)."""
        m, n = self.grid.shape
        lit = [self.grid.entry(i, j) for i in range(m) for j in range(n)]
        return AnimationGroup(
            *(built(e.animate.set_color(theme.TEXT)) for e in lit if e.get_value() != 0)
        )

    @reads_screen("printed")
    def matrix_shown(self) -> NDArray[np.float64]:
        """Every entry as typeset (rows × columns)."""
        return np.asarray(self.grid.values_shown(), dtype=np.float64)

    @reads_screen("derived")
    def row_sums_shown(self) -> NDArray[np.float64]:
        """Each row's typeset entries added up (a node's degree)."""
        return np.asarray(np.asarray(self.grid.values_shown()).sum(axis=1), dtype=np.float64)

    def entries_printed(self) -> object:
        """The typeset digits of every entry (a printed reading for a checkpoint)."""
        return self.grid.entries_printed()
