"""Connected components found by successive floods, and walks of length two, for 11.2.

The lecture's graph is nine people in three groups; an edge joins two who watched a movie
together. The components are found the way the lecture draws them: a breadth-first flood
from the first node not yet reached, then from the next one, and so on (:func:`floods`).
Entry ``(i, j)`` of ``A²`` is ``Σ_k A[i, k]·A[k, j]``: each product is 1 exactly when
``i → k → j`` is a walk of two edges (:func:`middle_nodes`, :func:`product_terms`).

Everything here is pure (no manim); the algorithms themselves live in
:mod:`mathviz.maths.graphs`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mathviz.maths.graphs import BfsRun, Graph, adjacency_matrix, bfs

__all__ = [
    "PEOPLE",
    "SEATS",
    "WATCHED_TOGETHER",
    "people_graph",
    "initials",
    "floods",
    "middle_nodes",
    "product_terms",
    "two_step_walks",
    "reachable_in",
]

#: nine people; their initials A…I name the rows and columns of the matrices
PEOPLE: tuple[str, ...] = ("Ada", "Ben", "Cy", "Dot", "Eli", "Fay", "Gus", "Hal", "Ivy")
#: where each person sits in the lecture's picture (frame units, the graph on the left half)
SEATS: dict[str, tuple[float, float]] = {
    "Ada": (-6.0, 2.55),
    "Ben": (-3.5, 2.75),
    "Cy": (-5.2, 0.6),
    "Dot": (-2.6, 0.85),
    "Eli": (-6.25, -1.3),
    "Fay": (-4.1, -1.55),
    "Gus": (-1.55, -1.25),
    "Hal": (-3.0, -3.2),
    "Ivy": (-6.0, -3.25),
}
#: who watched a movie with whom: a square with a tail, a triangle, and Ivy alone
WATCHED_TOGETHER: tuple[tuple[str, str], ...] = (
    ("Ada", "Ben"),
    ("Ada", "Cy"),
    ("Ben", "Dot"),
    ("Cy", "Dot"),
    ("Cy", "Eli"),
    ("Fay", "Gus"),
    ("Gus", "Hal"),
    ("Fay", "Hal"),
)


def people_graph() -> Graph:
    """The lecture's undirected graph of :data:`PEOPLE` and :data:`WATCHED_TOGETHER`."""
    return Graph(PEOPLE, WATCHED_TOGETHER)


def initials(graph: Graph) -> tuple[str, ...]:
    """Each node's first letter (the matrices' row and column names); they must differ."""
    letters = tuple(name[0] for name in graph.nodes)
    if len(set(letters)) != len(letters):
        raise ValueError(f"initials repeat: {letters}")
    return letters


def floods(graph: Graph) -> list[BfsRun]:
    """One breadth-first flood per connected component, in the order they are started.

    The first flood starts at the first node; each next one at the first node (in node order)
    that no earlier flood reached. The nodes a flood reaches are its component.
    """
    reached: set[str] = set()
    runs: list[BfsRun] = []
    for node in graph.nodes:
        if node in reached:
            continue
        run = bfs(graph, node)
        runs.append(run)
        reached.update(n for layer in run.layers for n in layer)
    return runs


def middle_nodes(graph: Graph, i: str, j: str) -> tuple[str, ...]:
    """The nodes ``k`` with edges ``i``–``k`` and ``k``–``j``: one walk ``i → k → j`` each."""
    out_of_i = set(graph.neighbours(i))
    return tuple(k for k in graph.neighbours(j) if k in out_of_i)


def product_terms(adjacency: NDArray[np.float64], i: int, j: int) -> NDArray[np.float64]:
    """The terms ``A[i, k]·A[k, j]`` (one per ``k``) whose sum is ``(A²)[i, j]``."""
    a = np.asarray(adjacency, dtype=np.float64)
    return np.asarray(a[i, :] * a[:, j], dtype=np.float64)


def two_step_walks(graph: Graph, i: str, j: str) -> list[tuple[str, str, str]]:
    """Every walk of two edges from ``i`` to ``j``, as ``(i, k, j)``, by middle node order."""
    a = adjacency_matrix(graph)
    terms = product_terms(a, graph.index(i), graph.index(j))
    return [(i, graph.nodes[k], j) for k in np.flatnonzero(terms)]


def reachable_in(adjacency: ArrayLike, source: int) -> set[int]:
    """Indices reachable from ``source`` in a 0/1 adjacency matrix (a drawn graph's), by
    following nonzero entries (the source included)."""
    a = np.asarray(adjacency)
    seen, frontier = {source}, [source]
    while frontier:
        u = frontier.pop()
        for v in np.flatnonzero(a[u]):
            if int(v) not in seen:
                seen.add(int(v))
                frontier.append(int(v))
    return seen
