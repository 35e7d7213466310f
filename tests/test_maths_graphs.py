"""The graph model and its algorithms against networkx (an independent implementation)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from mathviz.maths import graphs as g

NODES = ("A", "B", "C", "D", "E", "F", "G")
EDGES = (("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("D", "E"), ("F", "G"))
WEIGHTS = (4.0, 1.0, 1.0, 5.0, 3.0, 2.0)


def _nx(graph: g.Graph) -> nx.Graph:
    out = nx.DiGraph() if graph.directed else nx.Graph()
    out.add_nodes_from(graph.nodes)
    weights = graph.weights or (1.0,) * len(graph.edges)
    for (u, v), w in zip(graph.edges, weights, strict=True):
        out.add_edge(u, v, weight=w)
    return out


@pytest.fixture
def graph() -> g.Graph:
    return g.Graph(NODES, EDGES, WEIGHTS)


def test_adjacency_degrees_and_components_match_networkx(graph: g.Graph) -> None:
    reference = _nx(graph)
    expected = nx.to_numpy_array(reference, nodelist=list(NODES), weight=None)
    assert np.array_equal(g.adjacency_matrix(graph), expected)
    assert np.array_equal(
        g.adjacency_matrix(graph, weighted=True), nx.to_numpy_array(reference, nodelist=list(NODES))
    )
    assert g.degrees(graph) == dict(reference.degree())
    components = {frozenset(c) for c in nx.connected_components(reference)}
    assert {frozenset(c) for c in g.connected_components(graph)} == components


@pytest.mark.parametrize("length", [0, 1, 2, 3, 5])
def test_walk_counts_match_counted_walks(graph: g.Graph, length: int) -> None:
    counts = g.walk_counts(graph, length)
    reference = _nx(graph)
    # count walks by brute force: extend every walk one edge at a time
    for i, source in enumerate(NODES):
        walks = [[source]]
        for _ in range(length):
            walks = [[*w, nxt] for w in walks for nxt in reference.neighbors(w[-1])]
        for j, target in enumerate(NODES):
            assert counts[i, j] == sum(1 for w in walks if w[-1] == target)


def test_bfs_layers_are_networkx_distances(graph: g.Graph) -> None:
    run = g.bfs(graph, "A")
    distances = nx.single_source_shortest_path_length(_nx(graph), "A")
    assert {n: run.distance(n) for layer in run.layers for n in layer} == distances
    assert [len(layer) for layer in run.layers] == [1, 2, 1, 1]
    with pytest.raises(KeyError, match="not reachable"):
        run.distance("F")
    assert len(g.path_to(run, "E")) - 1 == distances["E"]


def test_dijkstra_matches_networkx(graph: g.Graph) -> None:
    run = g.dijkstra(graph, "A")
    expected = nx.single_source_dijkstra_path_length(_nx(graph), "A")
    reached = {n: d for n, d in run.distance.items() if np.isfinite(d)}
    assert reached == pytest.approx(expected)
    assert run.order[0] == "A"
    # the settle order never decreases in distance
    settled = [run.distance[n] for n in run.order]
    assert settled == sorted(settled)
    # A→B directly costs 4, but A→C→D→B costs 1 + 5 + 1 = 7, so B stays at 4; D is reached at 5
    path = g.path_to(run, "E")
    assert sum(graph.weight(u, v) for u, v in zip(path, path[1:], strict=False)) == pytest.approx(
        expected["E"]
    )
    improved = [r for step in run.relaxations for r in step if r.improved]
    assert all(r.after == r.offered for r in improved)


def test_pagerank_converges_to_networkx() -> None:
    web = g.Graph(
        ("a", "b", "c", "d", "e"),
        (("a", "b"), ("b", "c"), ("c", "a"), ("a", "c"), ("d", "c"), ("e", "d"), ("e", "a")),
        directed=True,
    )
    iterates = g.pagerank_iterates(web)
    assert iterates[0] == pytest.approx(np.full(5, 0.2))
    for x in iterates:
        assert x.sum() == pytest.approx(1.0)
    expected = nx.pagerank(_nx(web), alpha=0.85, tol=1e-12)
    assert dict(zip(web.nodes, iterates[-1], strict=True)) == pytest.approx(expected, abs=1e-8)


def test_pagerank_with_a_dangling_node_matches_networkx() -> None:
    web = g.Graph(("a", "b", "c"), (("a", "b"), ("b", "c"), ("a", "c")), directed=True)
    expected = nx.pagerank(_nx(web), alpha=0.85, tol=1e-12)
    assert dict(zip(web.nodes, g.pagerank_iterates(web)[-1], strict=True)) == pytest.approx(
        expected, abs=1e-8
    )


def test_bipartite_graph_and_its_biadjacency() -> None:
    users, movies = ("u1", "u2"), ("m1", "m2", "m3")
    bip = g.bipartite_graph(users, movies, [("u1", "m1"), ("u1", "m3"), ("u2", "m3")])
    reference = nx.Graph(bip.edges)
    expected = nx.bipartite.biadjacency_matrix(
        reference, row_order=users, column_order=movies
    ).toarray()
    assert np.array_equal(g.biadjacency_matrix(bip, users, movies), expected)
    with pytest.raises(ValueError, match="left side"):
        g.bipartite_graph(users, movies, [("m1", "u1")])
    pos = g.layout(bip, "bipartite", left=users)
    assert all(pos[u][0] < 0 for u in users) and all(pos[m][0] > 0 for m in movies)


@pytest.mark.parametrize("kind", ["spring", "kamada_kawai", "circular", "shell"])
def test_layouts_fill_the_unit_square_and_are_repeatable(graph: g.Graph, kind: str) -> None:
    pos = g.layout(graph, kind, seed=3)
    arr = np.array(list(pos.values()))
    assert np.isclose(max(arr.max(axis=0) - arr.min(axis=0)), 2.0)
    assert np.all(np.abs(arr) <= 1.0 + 1e-9)
    again = g.layout(graph, kind, seed=3)
    assert all(np.allclose(pos[n], again[n]) for n in NODES)


def test_building_a_graph_edge_by_edge(graph: g.Graph) -> None:
    partial = graph.with_edges(2)
    assert partial.edges == EDGES[:2]
    assert g.degrees(partial)["A"] == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"nodes": ("a", "a"), "edges": ()}, "repeat"),
        ({"nodes": ("a", "b"), "edges": (("a", "c"),)}, "unknown node"),
        ({"nodes": ("a", "b"), "edges": (("a", "a"),)}, "self-loop"),
        ({"nodes": ("a", "b"), "edges": (("a", "b"), ("b", "a"))}, "twice"),
        ({"nodes": ("a", "b"), "edges": (("a", "b"),), "weights": (-1.0,)}, "positive"),
        ({"nodes": ("a", "b"), "edges": (("a", "b"),), "weights": (1.0, 2.0)}, "weights for"),
    ],
)
def test_bad_graphs_are_refused_with_the_reason(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        g.Graph(**kwargs)


def test_unknown_names_and_options_are_named(graph: g.Graph) -> None:
    with pytest.raises(KeyError, match="no node 'Z'"):
        graph.index("Z")
    with pytest.raises(ValueError, match="unknown layout"):
        g.layout(graph, "hexagonal")
    with pytest.raises(ValueError, match="damping"):
        g.pagerank_iterates(graph, damping=1.0)
    with pytest.raises(ValueError, match="non-negative"):
        g.walk_counts(graph, -1)
