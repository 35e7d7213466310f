"""Graphs for the Level 11 and 14 lectures: the model, its matrices and the algorithms shown.

A :class:`Graph` is an immutable list of named nodes and edges (optionally weighted, optionally
directed). The algorithms the lectures animate are written out here step by step — BFS
frontiers, Dijkstra's relaxations, PageRank's power iterates, walk counts by matrix powers — so
that a scene can play each step and a test can check the result against networkx, an
independent implementation. networkx is used here only to *place* the nodes.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Edge",
    "Graph",
    "bipartite_graph",
    "adjacency_matrix",
    "biadjacency_matrix",
    "degrees",
    "connected_components",
    "walk_counts",
    "BfsRun",
    "bfs",
    "Relaxation",
    "DijkstraRun",
    "dijkstra",
    "path_to",
    "pagerank_iterates",
    "LayoutKind",
    "layout",
    "fit_to_box",
]

#: an edge as (tail, head); for an undirected graph the order is only the drawing order
Edge = tuple[str, str]

LayoutKind = str


@dataclass(frozen=True)
class Graph:
    """Named nodes and edges.

    Attributes
    ----------
    nodes
        Node names, in the order rows and columns of every matrix use.
    edges
        ``(u, v)`` pairs, each once; for an undirected graph ``(u, v)`` and ``(v, u)`` are the
        same edge and only one may be listed.
    weights
        One positive weight per edge (Dijkstra's lengths), or ``None`` for weight 1 everywhere.
    directed
        Whether ``(u, v)`` runs from ``u`` to ``v`` only (PageRank's links).
    """

    nodes: tuple[str, ...]
    edges: tuple[Edge, ...]
    weights: tuple[float, ...] | None = None
    directed: bool = False
    _index: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {name: i for i, name in enumerate(self.nodes)}
        if len(index) != len(self.nodes):
            raise ValueError(f"node names repeat: {list(self.nodes)}")
        seen: set[tuple[str, str]] = set()
        for u, v in self.edges:
            for end in (u, v):
                if end not in index:
                    raise ValueError(f"edge ({u}, {v}) names an unknown node {end!r}")
            if u == v:
                raise ValueError(f"self-loop at {u!r}: the lectures' graphs have none")
            key = (u, v) if self.directed else (min(u, v), max(u, v))
            if key in seen:
                raise ValueError(f"edge ({u}, {v}) is listed twice")
            seen.add(key)
        if self.weights is not None:
            if len(self.weights) != len(self.edges):
                raise ValueError(f"{len(self.weights)} weights for {len(self.edges)} edges")
            if any(not (w > 0 and math.isfinite(w)) for w in self.weights):
                raise ValueError(f"edge weights must be positive and finite: {self.weights}")
        object.__setattr__(self, "_index", index)

    def index(self, node: str) -> int:
        """Row/column of ``node`` in every matrix of this graph."""
        try:
            return self._index[node]
        except KeyError:
            raise KeyError(f"no node {node!r}; nodes are {', '.join(self.nodes)}") from None

    def weight(self, u: str, v: str) -> float:
        """Weight of the edge between ``u`` and ``v`` (either order if undirected)."""
        for k, (a, b) in enumerate(self.edges):
            if (a, b) == (u, v) or (not self.directed and (b, a) == (u, v)):
                return 1.0 if self.weights is None else self.weights[k]
        raise KeyError(f"no edge ({u}, {v})")

    def neighbours(self, node: str) -> tuple[str, ...]:
        """Nodes one edge away from ``node`` (out-neighbours if directed), in node order."""
        self.index(node)
        out = set()
        for u, v in self.edges:
            if u == node:
                out.add(v)
            elif v == node and not self.directed:
                out.add(u)
        return tuple(n for n in self.nodes if n in out)

    def with_edges(self, count: int) -> Graph:
        """The same nodes with only the first ``count`` edges (a graph being built)."""
        weights = None if self.weights is None else self.weights[:count]
        return Graph(self.nodes, self.edges[:count], weights, self.directed)


def bipartite_graph(left: Sequence[str], right: Sequence[str], edges: Iterable[Edge]) -> Graph:
    """An undirected graph whose every edge joins a ``left`` node to a ``right`` node."""
    left_set, right_set = set(left), set(right)
    listed = tuple(edges)
    for u, v in listed:
        if not (u in left_set and v in right_set):
            raise ValueError(f"edge ({u}, {v}) does not run from the left side to the right")
    return Graph((*left, *right), listed)


def adjacency_matrix(graph: Graph, *, weighted: bool = False) -> NDArray[np.float64]:
    """``A[i, j]`` = 1 (or the weight) when an edge runs from node i to node j."""
    n = len(graph.nodes)
    a = np.zeros((n, n))
    for k, (u, v) in enumerate(graph.edges):
        w = graph.weights[k] if (weighted and graph.weights is not None) else 1.0
        i, j = graph.index(u), graph.index(v)
        a[i, j] = w
        if not graph.directed:
            a[j, i] = w
    return a


def biadjacency_matrix(
    graph: Graph, rows: Sequence[str], columns: Sequence[str]
) -> NDArray[np.float64]:
    """The ``rows`` × ``columns`` block of the adjacency matrix (users × movies)."""
    a = adjacency_matrix(graph)
    return a[np.ix_([graph.index(r) for r in rows], [graph.index(c) for c in columns])]


def degrees(graph: Graph) -> dict[str, int]:
    """Edges at each node (out-degree if directed)."""
    return {n: len(graph.neighbours(n)) for n in graph.nodes}


def connected_components(graph: Graph) -> list[tuple[str, ...]]:
    """Groups of mutually reachable nodes (edges taken both ways), ordered by first node."""
    undirected = Graph(graph.nodes, _undirected_edges(graph))
    seen: set[str] = set()
    groups = []
    for start in graph.nodes:
        if start in seen:
            continue
        reached = {n for layer in bfs(undirected, start).layers for n in layer}
        seen |= reached
        groups.append(tuple(n for n in graph.nodes if n in reached))
    return groups


def _undirected_edges(graph: Graph) -> tuple[Edge, ...]:
    if not graph.directed:
        return graph.edges
    keys = {(min(u, v), max(u, v)) for u, v in graph.edges}
    return tuple(sorted(keys))


def walk_counts(graph: Graph, length: int) -> NDArray[np.int64]:
    """``(Aᵏ)[i, j]``: the number of walks of ``length`` edges from node i to node j."""
    if length < 0:
        raise ValueError(f"a walk has a non-negative length, got {length}")
    a = adjacency_matrix(graph).astype(np.int64)
    out = np.eye(len(graph.nodes), dtype=np.int64)
    for _ in range(length):
        out = out @ a
    return out


@dataclass(frozen=True)
class BfsRun:
    """Breadth-first search from ``source``.

    Attributes
    ----------
    layers
        The frontiers: ``layers[d]`` holds the nodes first reached after ``d`` edges.
    parent
        For every reached node but the source, the node it was discovered from (the tree
        edge drawn when it joins the frontier).
    """

    source: str
    layers: tuple[tuple[str, ...], ...]
    parent: Mapping[str, str]

    def distance(self, node: str) -> int:
        """Edges on a shortest path from the source (``KeyError`` if unreachable)."""
        for d, layer in enumerate(self.layers):
            if node in layer:
                return d
        raise KeyError(f"{node!r} is not reachable from {self.source!r}")


def bfs(graph: Graph, source: str) -> BfsRun:
    """Frontier by frontier, neighbours visited in node order."""
    graph.index(source)
    layers: list[tuple[str, ...]] = [(source,)]
    seen = {source}
    parent: dict[str, str] = {}
    while True:
        frontier = []
        for u in layers[-1]:
            for v in graph.neighbours(u):
                if v not in seen:
                    seen.add(v)
                    parent[v] = u
                    frontier.append(v)
        if not frontier:
            break
        layers.append(tuple(frontier))
    return BfsRun(source, tuple(layers), parent)


@dataclass(frozen=True)
class Relaxation:
    """Dijkstra looking along the edge ``settled → node``.

    ``before`` is the node's tentative distance before the look (``inf`` if unseen), ``offered``
    the settled node's distance plus the edge's weight; ``improved`` when ``offered < before``.
    """

    settled: str
    node: str
    before: float
    offered: float

    @property
    def improved(self) -> bool:
        """Whether the edge gave a shorter route."""
        return self.offered < self.before

    @property
    def after(self) -> float:
        """The node's tentative distance after the look."""
        return min(self.before, self.offered)


@dataclass(frozen=True)
class DijkstraRun:
    """Dijkstra's algorithm from ``source``: settle order, every relaxation, the result."""

    source: str
    order: tuple[str, ...]
    relaxations: tuple[tuple[Relaxation, ...], ...]
    distance: Mapping[str, float]
    previous: Mapping[str, str]


def dijkstra(graph: Graph, source: str) -> DijkstraRun:
    """Settle the closest unsettled node, relax its edges; ties broken by node order."""
    graph.index(source)
    dist: dict[str, float] = dict.fromkeys(graph.nodes, math.inf)
    dist[source] = 0.0
    previous: dict[str, str] = {}
    settled: set[str] = set()
    order: list[str] = []
    steps: list[tuple[Relaxation, ...]] = []
    heap = [(0.0, graph.index(source), source)]
    while heap:
        d, _, u = heapq.heappop(heap)
        if u in settled or d > dist[u]:
            continue
        settled.add(u)
        order.append(u)
        looks = []
        for v in graph.neighbours(u):
            if v in settled:
                continue
            look = Relaxation(u, v, dist[v], d + graph.weight(u, v))
            looks.append(look)
            if look.improved:
                dist[v] = look.offered
                previous[v] = u
                heapq.heappush(heap, (look.offered, graph.index(v), v))
        steps.append(tuple(looks))
    return DijkstraRun(source, tuple(order), tuple(steps), dist, previous)


def path_to(run: DijkstraRun | BfsRun, target: str) -> tuple[str, ...]:
    """The shortest path from the run's source to ``target``, following predecessors back."""
    back = run.previous if isinstance(run, DijkstraRun) else run.parent
    if target != run.source and target not in back:
        raise KeyError(f"{target!r} is not reachable from {run.source!r}")
    path = [target]
    while path[-1] != run.source:
        path.append(back[path[-1]])
    return tuple(reversed(path))


def pagerank_iterates(
    graph: Graph, *, damping: float = 0.85, tolerance: float = 1e-10, max_iterations: int = 200
) -> list[NDArray[np.float64]]:
    """PageRank by power iteration, every iterate kept (the first is uniform).

    Each step, a node keeps ``1 − damping`` of a uniform share and passes ``damping`` of its mass
    equally along its out-links; a node without out-links (dangling) spreads its mass over all
    nodes. Stops when the L1 change falls below ``tolerance``.
    """
    if not 0.0 < damping < 1.0:
        raise ValueError(f"damping lies strictly between 0 and 1, got {damping}")
    n = len(graph.nodes)
    a = adjacency_matrix(graph)
    out_degree = a.sum(axis=1)
    rank = np.full(n, 1.0 / n)
    iterates = [rank]
    for _ in range(max_iterations):
        passed = np.zeros(n)
        for i in range(n):
            if out_degree[i] > 0:
                passed += rank[i] * a[i] / out_degree[i]
            else:
                passed += rank[i] / n
        nxt = (1.0 - damping) / n + damping * passed
        iterates.append(nxt)
        if float(np.abs(nxt - rank).sum()) < tolerance:
            break
        rank = nxt
    return iterates


def layout(
    graph: Graph,
    kind: LayoutKind = "spring",
    *,
    seed: int = 0,
    left: Sequence[str] = (),
) -> dict[str, NDArray[np.float64]]:
    """Node positions in the square [−1, 1]², from networkx's layouts.

    ``kind`` is ``"spring"`` (force-directed, seeded), ``"kamada_kawai"``, ``"circular"``,
    ``"shell"`` or ``"bipartite"`` (``left`` nodes in the left column, the rest in the right,
    both in node order from top to bottom).
    """
    g = nx.DiGraph() if graph.directed else nx.Graph()
    g.add_nodes_from(graph.nodes)
    g.add_edges_from(graph.edges)
    if kind == "bipartite":
        if not left:
            raise ValueError("a bipartite layout needs its left nodes")
        rest = [n for n in graph.nodes if n not in set(left)]
        raw = {**_column(left, -1.0), **_column(rest, 1.0)}
    elif kind == "spring":
        raw = nx.spring_layout(g, seed=seed)
    elif kind == "kamada_kawai":
        raw = nx.kamada_kawai_layout(g)
    elif kind == "circular":
        raw = nx.circular_layout(g)
    elif kind == "shell":
        raw = nx.shell_layout(g)
    else:
        raise ValueError(
            f"unknown layout {kind!r}: use spring, kamada_kawai, circular, shell or bipartite"
        )
    points = {n: np.asarray(raw[n], dtype=np.float64)[:2] for n in graph.nodes}
    return fit_to_box(points, 2.0, 2.0)


def _column(names: Sequence[str], x: float) -> dict[Hashable, NDArray[np.float64]]:
    if len(names) == 1:
        return {names[0]: np.array([x, 0.0])}
    ys = np.linspace(1.0, -1.0, len(names))
    return {name: np.array([x, y]) for name, y in zip(names, ys, strict=True)}


def fit_to_box(
    points: Mapping[str, NDArray[np.float64]], width: float, height: float
) -> dict[str, NDArray[np.float64]]:
    """Points scaled uniformly and centred to fill a ``width`` × ``height`` box about 0.

    The aspect ratio of the layout is kept unless a side is degenerate (all x or all y equal),
    in which case only the other side is scaled.
    """
    if not points:
        return {}
    arr = np.array(list(points.values()), dtype=np.float64)
    lo, hi = arr.min(axis=0), arr.max(axis=0)
    centre = (lo + hi) / 2
    span = hi - lo
    scales = [side / s for side, s in zip((width, height), span, strict=True) if s > 1e-12]
    scale = min(scales) if scales else 1.0
    return {name: (np.asarray(p) - centre) * scale for name, p in points.items()}
