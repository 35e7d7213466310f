"""The course map: its graph, depths, study order and longest chain against networkx, and
its titles and chapter counts against the course registry counted another way."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from mathviz.course import CHAPTERS, LEVELS
from mathviz.maths.course_map import (
    CORE_PATH,
    course_map,
    in_degrees,
    is_study_order,
    layers,
    longest_chain,
    study_order,
)
from mathviz.maths.graphs import Graph

#: the outline's learning path, typed again from the brief (level -> level that needs it)
OUTLINE = {
    0: [1],
    1: [2],
    2: [3],
    3: [4, 11],
    4: [5, 6, 7],
    5: [13],
    6: [9],
    7: [8, 10],
    8: [9],
    9: [12],
    10: [13],
    11: [13],
    12: [13],
    13: [14],
    14: [],
}


@pytest.fixture(scope="module")
def reference() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(str(n) for n in OUTLINE)
    g.add_edges_from((str(u), str(v)) for u, vs in OUTLINE.items() for v in vs)
    return g


def test_the_graph_is_the_outline(reference):
    course = course_map()
    assert course.graph.directed
    assert set(course.graph.nodes) == set(reference.nodes) and len(course.graph.nodes) == 15
    assert set(course.graph.edges) == set(reference.edges) and len(course.graph.edges) == 18
    assert nx.is_directed_acyclic_graph(reference)


def test_titles_and_chapter_counts_come_from_the_registry():
    course = course_map()
    by_level = Counter(c.id.split(".")[0] for c in CHAPTERS)
    assert course.chapters == {k: by_level[k] for k in course.chapters}
    assert sum(course.chapters.values()) == len(CHAPTERS) == 56
    assert course.titles["7"] == LEVELS[7].title
    assert course.titles["14"] == "Advanced Topics"


def test_layers_are_the_topological_generations(reference):
    depth = layers(course_map().graph)
    for k, generation in enumerate(nx.topological_generations(reference)):
        assert all(depth[n] == k for n in generation)
    # the longest path into each node, by networkx
    for n in reference.nodes:
        into = max(
            (len(p) - 1 for s in reference.nodes for p in nx.all_simple_paths(reference, s, n)),
            default=0,
        )
        assert depth[n] == into


def test_study_order_is_a_topological_order(reference):
    order = study_order(course_map().graph)
    place = {n: i for i, n in enumerate(order)}
    assert sorted(order) == sorted(reference.nodes)
    assert all(place[u] < place[v] for u, v in reference.edges)
    assert is_study_order(course_map().graph, order)
    assert not is_study_order(course_map().graph, tuple(reversed(order)))
    assert not is_study_order(course_map().graph, order[:-1])


def test_longest_chain(reference):
    chain = longest_chain(course_map().graph)
    assert len(chain) - 1 == nx.dag_longest_path_length(reference) == 10
    assert all(reference.has_edge(u, v) for u, v in zip(chain, chain[1:], strict=False))
    assert chain == tuple(nx.dag_longest_path(reference))


def test_in_degrees_and_core_path(reference):
    assert in_degrees(course_map().graph) == dict(reference.in_degree())
    assert max(dict(reference.in_degree()).items(), key=lambda kv: kv[1]) == ("13", 4)
    assert CORE_PATH == (0, 1, 2, 3, 4, 6, 7, 9, 13)


def test_a_cycle_has_no_study_order():
    cyclic = Graph(("a", "b", "c"), (("a", "b"), ("b", "c"), ("c", "a")), directed=True)
    with pytest.raises(ValueError, match="cycle"):
        layers(cyclic)
    with pytest.raises(ValueError, match="directed"):
        layers(Graph(("a", "b"), (("a", "b"),)))
