"""The 11.3 graphs and helpers (mathviz.maths.graph_search), checked against networkx,
fractions and plain loops."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from mathviz.maths.graph_search import (
    BFS_GRAPH,
    BFS_POSITIONS,
    ROAD_POSITIONS,
    ROADS,
    WEB,
    WEB_POSITIONS,
    blend,
    free_direction,
    l1_changes,
    stop_round,
    tentative_after,
)
from mathviz.maths.graphs import Graph, dijkstra


def _roads() -> nx.Graph:
    g = nx.Graph()
    for (u, v), w in zip(ROADS.edges, ROADS.weights or (), strict=True):
        g.add_edge(u, v, weight=w)
    return g


def test_every_node_has_a_position_inside_the_box():
    for graph, where in ((BFS_GRAPH, BFS_POSITIONS), (ROADS, ROAD_POSITIONS), (WEB, WEB_POSITIONS)):
        assert set(where) == set(graph.nodes)
        assert all(-1.0 <= c <= 1.0 for p in where.values() for c in p)


def test_the_graphs_are_connected_and_shaped_as_the_lecture_says():
    g = nx.Graph(BFS_GRAPH.edges)
    assert g.number_of_nodes() == 9 and nx.is_connected(g)
    assert [len(layer) for layer in nx.bfs_layers(g, ["A"])] == [1, 3, 3, 2]
    web = nx.DiGraph(WEB.edges)
    assert nx.is_strongly_connected(web)  # no dangling page
    assert nx.dijkstra_path(_roads(), "S", "T") == ["S", "B", "A", "C", "D", "T"]


def test_tentative_distances_before_and_after_every_settle():
    run = dijkstra(ROADS, "S")
    start = tentative_after(run, 0)
    assert start["S"] == 0 and sum(math.isinf(v) for v in start.values()) == 5
    final = nx.single_source_dijkstra_path_length(_roads(), "S")
    assert tentative_after(run, len(run.order)) == pytest.approx(final)
    # after settling S and B: A through B (1 + 2), D through B (1 + 5)
    after_b = tentative_after(run, 2)
    assert (after_b["A"], after_b["D"], after_b["C"]) == (3.0, 6.0, math.inf)
    with pytest.raises(ValueError):
        tentative_after(run, 7)


def test_tentative_distances_only_fall():
    run = dijkstra(ROADS, "S")
    steps = [tentative_after(run, k) for k in range(len(run.order) + 1)]
    for before, after in zip(steps, steps[1:], strict=False):
        assert all(after[n] <= before[n] for n in ROADS.nodes)


def test_free_direction_points_away_from_the_edges():
    graph = Graph(("a", "b", "c"), (("a", "b"), ("a", "c")))
    where = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0)}
    np.testing.assert_allclose(free_direction(graph, where, "a"), [-1, -1] / np.sqrt(2))
    np.testing.assert_allclose(free_direction(graph, where, "b"), [1.0, 0.0], atol=1e-12)
    lonely = Graph(("a", "b"), ())
    np.testing.assert_allclose(free_direction(lonely, {"a": (0, 0), "b": (1, 1)}, "a"), [0, 1])


def test_free_direction_of_the_source_of_the_roads_is_left():
    d = free_direction(ROADS, ROAD_POSITIONS, "S")
    np.testing.assert_allclose(d, [-1.0, 0.0], atol=1e-12)


def test_l1_changes_and_the_stopping_round():
    iterates = [np.array([0.5, 0.5]), np.array([0.7, 0.3]), np.array([0.69, 0.31])]
    assert l1_changes(iterates) == pytest.approx([0.4, 0.02])
    assert stop_round(iterates, 0.05) == 2
    with pytest.raises(ValueError):
        stop_round(iterates, 0.001)


def test_blend_keeps_the_total():
    start, end = {"a": 0.2, "b": 0.8}, {"a": 0.6, "b": 0.4}
    for t in np.linspace(0, 1, 7):
        mixed = blend(start, end, float(t))
        assert math.fsum(mixed.values()) == pytest.approx(1.0, abs=1e-15)
    assert blend(start, end, 1.0) == end
