"""The course's own dependency map: its levels as a directed acyclic graph.

The book's outline ("Learning Path") says which level needs which: Levels 0 → 1 → 2 → 3, then
3 → 4 and 3 → 11, three branches from Linear Algebra (4 → 5, 6, 7), Probability feeding
Statistics and Information Theory (7 → 8, 7 → 10), Optimization needing Calculus and
Statistics (6 → 9, 8 → 9), then 9 → 12 → 13, with 5, 10 and 11 also converging into 13, and
13 → 14. :func:`course_map` builds that graph from the course registry
(:mod:`mathviz.course`: titles and chapter counts are never retyped here).

The algorithms a lecture animates are written out plainly (tests compare them with networkx):
:func:`layers` (each level's longest-path depth: its column in a layered drawing),
:func:`study_order` (a topological order, layer by layer), :func:`longest_chain` (the longest
chain of prerequisites), :func:`in_degrees` and :func:`is_study_order`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mathviz.course import CHAPTERS, LEVELS
from mathviz.maths.graphs import Graph

__all__ = [
    "LEARNING_PATH",
    "CORE_PATH",
    "CourseMap",
    "course_map",
    "layers",
    "study_order",
    "is_study_order",
    "longest_chain",
    "in_degrees",
]

#: the outline's prerequisite arrows (level → level that needs it)
LEARNING_PATH: tuple[tuple[int, int], ...] = (
    (0, 1),
    (1, 2),
    (2, 3),
    (3, 4),
    (3, 11),
    (4, 5),
    (4, 6),
    (4, 7),
    (7, 8),
    (7, 10),
    (6, 9),
    (8, 9),
    (9, 12),
    (12, 13),
    (5, 13),
    (10, 13),
    (11, 13),
    (13, 14),
)
#: the outline's "core ML path": Levels 0–4, then 6, 7, 9, 13
CORE_PATH: tuple[int, ...] = (0, 1, 2, 3, 4, 6, 7, 9, 13)


@dataclass(frozen=True)
class CourseMap:
    """The levels as a directed graph.

    Attributes
    ----------
    graph
        Directed :class:`~mathviz.maths.graphs.Graph`; node ``"7"`` is Level 7.
    titles
        Each node's level title, from the course registry.
    chapters
        Each node's number of chapters, counted in the course registry.
    """

    graph: Graph
    titles: dict[str, str]
    chapters: dict[str, int]

    @property
    def levels(self) -> tuple[str, ...]:
        """Node names in level order."""
        return self.graph.nodes


def course_map() -> CourseMap:
    """The course's dependency graph, built from :data:`mathviz.course.LEVELS`."""
    nodes = tuple(str(level.number) for level in LEVELS)
    edges = tuple((str(u), str(v)) for u, v in LEARNING_PATH)
    titles = {str(level.number): level.title for level in LEVELS}
    chapters = dict.fromkeys(nodes, 0)
    for chapter in CHAPTERS:
        chapters[str(chapter.level.number)] += 1
    return CourseMap(Graph(nodes, edges, directed=True), titles, chapters)


def _predecessors(graph: Graph) -> dict[str, list[str]]:
    before: dict[str, list[str]] = {n: [] for n in graph.nodes}
    for u, v in graph.edges:
        before[v].append(u)
    return before


def layers(graph: Graph) -> dict[str, int]:
    """Each node's depth: the number of arrows on the longest chain leading into it.

    Nodes are peeled in rounds (Kahn's algorithm): a node joins the round after the last of
    its prerequisites. Raises ``ValueError`` on a cycle.
    """
    if not graph.directed:
        raise ValueError("layers need a directed graph")
    before = _predecessors(graph)
    depth: dict[str, int] = {}
    round_no = 0
    while len(depth) < len(graph.nodes):
        ready = [n for n in graph.nodes if n not in depth and all(p in depth for p in before[n])]
        if not ready:
            raise ValueError("the graph has a cycle: no study order exists")
        for n in ready:
            depth[n] = round_no
        round_no += 1
    return depth


def study_order(graph: Graph) -> tuple[str, ...]:
    """A topological order: layer by layer, each layer in node order."""
    depth = layers(graph)
    return tuple(sorted(graph.nodes, key=lambda n: (depth[n], graph.index(n))))


def is_study_order(graph: Graph, order: Sequence[str]) -> bool:
    """Whether ``order`` lists every node once with every arrow pointing forward."""
    if sorted(order) != sorted(graph.nodes):
        return False
    place = {n: i for i, n in enumerate(order)}
    return all(place[u] < place[v] for u, v in graph.edges)


def longest_chain(graph: Graph) -> tuple[str, ...]:
    """The nodes of a longest directed path (most arrows), by dynamic programming over a
    study order; ties go to the first node in node order."""
    before = _predecessors(graph)
    best: dict[str, int] = {}
    came_from: dict[str, str | None] = {}
    for n in study_order(graph):
        preds = sorted(before[n], key=graph.index)
        if preds:
            top = max(preds, key=lambda p: (best[p], -graph.index(p)))
            best[n], came_from[n] = best[top] + 1, top
        else:
            best[n], came_from[n] = 0, None
    end: str | None = max(graph.nodes, key=lambda n: (best[n], -graph.index(n)))
    chain: list[str] = []
    while end is not None:
        chain.append(end)
        end = came_from[end]
    return tuple(reversed(chain))


def in_degrees(graph: Graph) -> dict[str, int]:
    """Arrows coming into each node."""
    counts = dict.fromkeys(graph.nodes, 0)
    for _, v in graph.edges:
        counts[v] += 1
    return counts
