"""The three graphs of 11.3 Graph Algorithms and the bookkeeping their animations need.

The algorithms themselves live in :mod:`mathviz.maths.graphs` (BFS frontiers, Dijkstra's
relaxations, PageRank's power iterates). This module holds the lecture's example graphs with
hand-placed positions, and small pure helpers the drawing needs: Dijkstra's tentative
distances after each settle, a free direction beside a node for its label, the L1 change
between power iterates and the round at which the iteration stops.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from mathviz.maths.graphs import DijkstraRun, Graph

__all__ = [
    "BFS_GRAPH",
    "BFS_POSITIONS",
    "ROADS",
    "ROAD_POSITIONS",
    "WEB",
    "WEB_POSITIONS",
    "tentative_after",
    "free_direction",
    "l1_changes",
    "stop_round",
    "blend",
]

#: nine nodes, unweighted: a BFS from A reaches three rings (B–D, E–G, H–I)
BFS_GRAPH = Graph(
    tuple("ABCDEFGHI"),
    (
        ("A", "B"),
        ("A", "C"),
        ("A", "D"),
        ("B", "C"),
        ("B", "E"),
        ("C", "E"),
        ("C", "F"),
        ("D", "G"),
        ("E", "H"),
        ("F", "H"),
        ("G", "I"),
    ),
)
#: BFS nodes in [−1, 1]²: one column per distance from A
BFS_POSITIONS: dict[str, tuple[float, float]] = {
    "A": (-1.0, 0.0),
    "B": (-0.35, 0.8),
    "C": (-0.35, 0.0),
    "D": (-0.35, -0.8),
    "E": (0.3, 0.8),
    "F": (0.3, -0.05),
    "G": (0.3, -0.8),
    "H": (1.0, 0.45),
    "I": (1.0, -0.6),
}

#: six places joined by roads with lengths: Dijkstra from S improves A, then D twice, then T
ROADS = Graph(
    ("S", "A", "B", "C", "D", "T"),
    (
        ("S", "A"),
        ("S", "B"),
        ("A", "B"),
        ("A", "C"),
        ("A", "D"),
        ("B", "D"),
        ("C", "D"),
        ("C", "T"),
        ("D", "T"),
    ),
    (4.0, 1.0, 2.0, 1.0, 3.0, 5.0, 1.0, 6.0, 2.0),
)
ROAD_POSITIONS: dict[str, tuple[float, float]] = {
    "S": (-1.0, 0.0),
    "A": (-0.4, 0.75),
    "B": (-0.4, -0.75),
    "C": (0.35, 0.75),
    "D": (0.35, -0.75),
    "T": (1.0, 0.0),
}

#: five web pages and their links (directed), for PageRank
WEB = Graph(
    ("A", "B", "C", "D", "E"),
    (
        ("A", "B"),
        ("A", "C"),
        ("B", "C"),
        ("C", "A"),
        ("D", "C"),
        ("D", "E"),
        ("E", "A"),
        ("E", "D"),
        ("B", "E"),
    ),
    directed=True,
)
#: the pages on a pentagon, A at the top
WEB_POSITIONS: dict[str, tuple[float, float]] = {
    "A": (0.0, 1.0),
    "B": (0.95, 0.31),
    "C": (0.59, -0.81),
    "D": (-0.59, -0.81),
    "E": (-0.95, 0.31),
}


def tentative_after(run: DijkstraRun, settled: int) -> dict[str, float]:
    """Every node's tentative distance once the first ``settled`` nodes of ``run.order`` have
    been settled and their edges relaxed (``inf`` for a node not reached yet).

    Parameters
    ----------
    run
        A finished Dijkstra run.
    settled
        How many nodes have been settled, 0 … ``len(run.order)``.
    """
    if not 0 <= settled <= len(run.order):
        raise ValueError(f"between 0 and {len(run.order)} nodes are settled, not {settled}")
    out: dict[str, float] = dict.fromkeys(run.distance, math.inf)
    out[run.source] = 0.0
    for looks in run.relaxations[:settled]:
        for look in looks:
            out[look.node] = min(out[look.node], look.offered)
    return out


def free_direction(
    graph: Graph,
    positions: Mapping[str, Sequence[float]],
    node: str,
    *,
    aspect: tuple[float, float] = (1.0, 1.0),
) -> NDArray[np.float64]:
    """A unit vector pointing from ``node`` away from its edges: where its label goes.

    The edges' directions (stretched by ``aspect``, the drawing's x and y scale) are added up
    as unit vectors and the label goes the opposite way, snapped to the nearest of the eight
    compass directions; a node whose edges cancel out gets "up".
    """
    p = np.asarray(positions[node], dtype=np.float64) * aspect
    total = np.zeros(2)
    for other in graph.nodes:
        joined = other in graph.neighbours(node) or node in graph.neighbours(other)
        if other == node or not joined:
            continue
        d = np.asarray(positions[other], dtype=np.float64) * aspect - p
        total += d / np.linalg.norm(d)
    if np.linalg.norm(total) < 1e-9:
        return np.array([0.0, 1.0])
    angle = math.atan2(-total[1], -total[0])
    snapped = round(angle / (math.pi / 4)) * (math.pi / 4)
    return np.array([math.cos(snapped), math.sin(snapped)])


def l1_changes(iterates: Sequence[NDArray[np.float64]]) -> list[float]:
    """``Σ|r_k − r_{k−1}|`` for k = 1, 2, …: how much each round moved the ranks."""
    return [
        math.fsum(np.abs(np.asarray(b) - np.asarray(a)))
        for a, b in zip(iterates[:-1], iterates[1:], strict=True)
    ]


def stop_round(iterates: Sequence[NDArray[np.float64]], threshold: float) -> int:
    """The first round k whose L1 change is below ``threshold`` (where the loop stops)."""
    for k, change in enumerate(l1_changes(iterates), start=1):
        if change < threshold:
            return k
    raise ValueError(f"no round changes the ranks by less than {threshold}")


def blend(start: Mapping[str, float], end: Mapping[str, float], t: float) -> dict[str, float]:
    """Masses part-way from ``start`` to ``end`` (linear in mass, so the total is kept)."""
    return {n: (1.0 - t) * start[n] + t * end[n] for n in start}
