"""11.3 Graph Algorithms: every checkpoint recomputed here with networkx, fractions and numpy
from the three graphs written out below, never from the chapter's graph model."""

from __future__ import annotations

import math
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest

#: the BFS graph as drawn: nine nodes, eleven unweighted edges
BFS_EDGES = [
    ("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "E"), ("C", "E"),
    ("C", "F"), ("D", "G"), ("E", "H"), ("F", "H"), ("G", "I"),
]  # fmt: skip
#: the roads and their lengths
ROADS = [
    ("S", "A", 4), ("S", "B", 1), ("A", "B", 2), ("A", "C", 1), ("A", "D", 3),
    ("B", "D", 5), ("C", "D", 1), ("C", "T", 6), ("D", "T", 2),
]  # fmt: skip
ROAD_NODES = ["S", "A", "B", "C", "D", "T"]
#: the five pages' links
LINKS = [
    ("A", "B"), ("A", "C"), ("B", "C"), ("C", "A"), ("D", "C"),
    ("D", "E"), ("E", "A"), ("E", "D"), ("B", "E"),
]  # fmt: skip
PAGES = ["A", "B", "C", "D", "E"]
DAMPING = Fraction(85, 100)


@pytest.fixture(scope="module")
def values(shown):
    return shown("11.3")


@pytest.fixture(scope="module")
def roads() -> nx.Graph:
    g = nx.Graph()
    g.add_weighted_edges_from(ROADS)
    return g


def half_unit_match(shown, expected, decimals: int) -> None:
    """A printed value equals the expected one rounded to the places shown."""
    np.testing.assert_allclose(
        np.asarray(shown, dtype=float), np.asarray(expected, dtype=float), atol=0.5 * 10**-decimals
    )


# --- breadth-first search ------------------------------------------------------------------
@pytest.mark.parametrize("ring", [0, 1, 2, 3])
def test_frontier_sizes_read_from_the_lit_nodes(values, ring):
    layers = list(nx.bfs_layers(nx.Graph(BFS_EDGES), ["A"]))
    assert [len(layer) for layer in layers] == [1, 3, 3, 2]
    assert values[f"frontier_size_{ring}"] == len(layers[ring])
    assert values[f"frontier_readout_{ring}"] == len(layers[ring])
    assert values[f"queue_length_{ring}"] == len(layers[ring])


@pytest.mark.parametrize("ring", [0, 1, 2, 3])
def test_bfs_distances_as_typeset(values, ring):
    hops = nx.single_source_shortest_path_length(nx.Graph(BFS_EDGES), "A")
    reached = sorted((n for n in hops if hops[n] <= ring), key=lambda n: (hops[n], n))
    assert list(values[f"bfs_distances_{ring}"]) == [hops[n] for n in reached]


def test_bfs_tree_has_one_edge_per_reached_node(values):
    g = nx.Graph(BFS_EDGES)
    assert values["bfs_tree_edges"] == g.number_of_nodes() - 1
    assert values["bfs_tree_edges"] == nx.bfs_tree(g, "A").number_of_edges()


# --- Dijkstra --------------------------------------------------------------------------------
def test_road_lengths_as_printed(values):
    assert list(values["road_lengths"]) == [w for _, _, w in ROADS]


def _tentative(roads: nx.Graph, settled: list[str]) -> dict[str, float]:
    """Shortest route to each node whose every node but the last is settled: Dijkstra on the
    subgraph of the settled nodes and that one node (networkx)."""
    out = {}
    for v in ROAD_NODES:
        sub = roads.subgraph([*settled, v] if settled else ["S"])
        try:
            out[v] = nx.dijkstra_path_length(sub, "S", v)
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            out[v] = math.inf
    return out


@pytest.mark.parametrize(
    ("name", "settled"),
    [("at_start", 0), ("after_S", 1), ("after_B", 2), ("after_A", 3), ("final", 6)],
)
def test_tentative_distances_beside_the_nodes(values, roads, name, settled):
    final = nx.single_source_dijkstra_path_length(roads, "S")
    order = sorted(ROAD_NODES, key=lambda n: (final[n], ROAD_NODES.index(n)))
    assert order == ["S", "B", "A", "C", "D", "T"]
    tentative = _tentative(roads, order[:settled])
    finite = [tentative[n] for n in ROAD_NODES if math.isfinite(tentative[n])]
    assert list(values[f"tentative_{name}"]) == finite
    assert values[f"infinities_{name}"] == sum(1 for v in tentative.values() if math.isinf(v))


def test_dijkstra_distances_as_typeset(values, roads):
    final = nx.single_source_dijkstra_path_length(roads, "S")
    assert list(values["dijkstra_distances"]) == [final[n] for n in ROAD_NODES]
    assert list(values["dijkstra_distances"]) == [0, 3, 1, 4, 5, 7]


def test_traced_path_adds_up_to_the_shortest_distance(values, roads):
    path = nx.dijkstra_path(roads, "S", "T")
    assert path == ["S", "B", "A", "C", "D", "T"]
    total = sum(roads[u][v]["weight"] for u, v in zip(path, path[1:], strict=False))
    assert values["path_weight_traced"] == total == 7
    assert values["path_length_readout"] == total
    assert values["path_edges_lit"] == len(path) - 1


# --- PageRank --------------------------------------------------------------------------------
def _exact_rounds(rounds: int) -> list[list[Fraction]]:
    """Power iteration in exact fractions: keep 1 − d spread evenly, pass d along the links."""
    n = len(PAGES)
    out_links = {p: [v for u, v in LINKS if u == p] for p in PAGES}
    rank = [Fraction(1, n)] * n
    history = [rank]
    for _ in range(rounds):
        nxt = [(1 - DAMPING) / n] * n
        for i, p in enumerate(PAGES):
            for q in out_links[p]:
                nxt[PAGES.index(q)] += DAMPING * rank[i] / len(out_links[p])
        rank = nxt
        history.append(rank)
    return history


@pytest.mark.parametrize("k", [0, 1, 5, 16])
def test_ranks_after_each_shown_round(values, k):
    history = _exact_rounds(16)
    half_unit_match(values[f"ranks_round_{k}"], [float(x) for x in history[k]], 3)
    assert values[f"round_readout_{k}"] == k
    if k:
        change = sum(abs(a - b) for a, b in zip(history[k], history[k - 1], strict=True))
        half_unit_match(values[f"change_readout_{k}"], float(change), 4)


def test_iteration_stops_at_the_first_round_below_the_threshold():
    history = _exact_rounds(20)
    changes = [
        sum(abs(a - b) for a, b in zip(history[k], history[k - 1], strict=True))
        for k in range(1, 21)
    ]
    first = next(k for k, c in enumerate(changes, start=1) if c < Fraction(5, 10000))
    assert first == 16


def test_pagerank_vector_matches_networkx(values):
    pr = nx.pagerank(nx.DiGraph(LINKS), alpha=0.85, tol=1e-12)
    expected = [pr[p] for p in PAGES]
    np.testing.assert_allclose(values["pagerank_from_discs"], expected, atol=1e-3)
    np.testing.assert_allclose(values["pagerank_from_bars"], expected, atol=1e-3)
    half_unit_match(values["pagerank_readouts"], expected, 3)
    # the bracketed vector, rounded as shown
    assert [round(x, 3) for x in expected] == [0.325, 0.168, 0.278, 0.089, 0.139]


def test_pagerank_is_the_google_matrix_eigenvector(values):
    n = len(PAGES)
    links = np.zeros((n, n))
    for u, v in LINKS:
        links[PAGES.index(v), PAGES.index(u)] = 1.0
    google = 0.85 * links / links.sum(axis=0) + 0.15 / n
    w, vecs = np.linalg.eig(google)
    stationary = np.real(vecs[:, np.argmin(np.abs(w - 1))])
    stationary /= stationary.sum()
    np.testing.assert_allclose(values["pagerank_from_discs"], stationary, atol=1e-3)


def test_ranks_sum_to_one(values):
    assert values["pagerank_sum"] == pytest.approx(1.0, abs=1e-9)
    assert math.fsum(values["pagerank_from_discs"]) == pytest.approx(1.0, abs=1e-9)
    assert values["pagerank_total_readout"] == 1.0


def test_numbers_tied_to_the_discs_in_motion(held):
    held(
        "11.3",
        "rank readouts equal the disc areas",
        "the discs hold a total mass of one",
        "bars are as long as the disc masses",
        "total readout equals the disc masses",
    )
