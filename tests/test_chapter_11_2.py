"""11.2 Graph Properties: every checkpoint recomputed here by another route — networkx for
components, paths and degrees, numpy.linalg.matrix_power for A², plain loops over the edge
list for the walks — and the readouts held to the picture at every sampled moment."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

#: the lecture's graph, written out again: who watched a movie with whom
PEOPLE = ["Ada", "Ben", "Cy", "Dot", "Eli", "Fay", "Gus", "Hal", "Ivy"]
EDGES = [
    ("Ada", "Ben"),
    ("Ada", "Cy"),
    ("Ben", "Dot"),
    ("Cy", "Dot"),
    ("Cy", "Eli"),
    ("Fay", "Gus"),
    ("Gus", "Hal"),
    ("Fay", "Hal"),
]


@pytest.fixture(scope="module")
def values(shown):
    return shown("11.2")


@pytest.fixture(scope="module")
def g() -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(PEOPLE)
    graph.add_edges_from(EDGES)
    return graph


@pytest.fixture(scope="module")
def a(g) -> np.ndarray:
    return nx.to_numpy_array(g, nodelist=PEOPLE, dtype=int)


def indicator(group) -> list[int]:
    return [int(p in group) for p in PEOPLE]


def components_in_flood_order(g) -> list[set[str]]:
    """networkx's components, ordered by their first person in the list (where each flood
    of the lecture starts)."""
    found = list(nx.connected_components(g))
    return sorted(found, key=lambda c: min(PEOPLE.index(p) for p in c))


def test_the_graph_is_drawn_edge_for_edge(values, g, a):
    assert values["edges_drawn"] == g.number_of_edges() == 8
    assert values["edges_readout"] == g.number_of_edges()
    np.testing.assert_array_equal(np.array(values["adjacency_drawn"]).reshape(9, 9), a)
    assert values["components_before_floods"] == 0


def test_each_flood_lights_one_connected_component(values, g):
    comps = components_in_flood_order(g)
    assert [len(c) for c in comps] == [5, 3, 1]
    for k, comp in enumerate(comps, start=1):
        assert list(values[f"component_{k}_lit"]) == indicator(comp)
    # every person is lit in exactly one colour
    lit = np.array([values[f"component_{k}_lit"] for k in (1, 2, 3)])
    assert lit.sum(axis=0).tolist() == [1] * len(PEOPLE)
    assert values["components_readout"] == nx.number_connected_components(g) == 3
    assert values["components_lit"] == nx.number_connected_components(g)


def test_the_shortest_path_from_ben_to_eli(values, g):
    length = nx.shortest_path_length(g, "Ben", "Eli")
    assert length == 3
    assert values["path_edges_lit"] == length
    assert values["path_length_readout"] == length


def test_no_path_leaves_a_component(values, g):
    assert not nx.has_path(g, "Eli", "Fay")
    assert list(values["reachable_from_eli"]) == indicator(nx.node_connected_component(g, "Eli"))
    owner = {p: k for k, comp in enumerate(components_in_flood_order(g)) for p in comp}
    assert sum(owner[u] != owner[v] for u, v in g.edges) == 0
    assert values["edges_between_components"] == 0


def test_the_adjacency_matrix_as_typeset(values, a):
    np.testing.assert_array_equal(np.array(values["matrix_a"]).reshape(9, 9), a)
    assert np.array_equal(a, a.T)
    assert values["matrix_a_symmetric"] == 0


def two_edge_walks(i: str, j: str) -> list[tuple[str, str, str]]:
    """Every walk i → k → j, by listing both directions of every edge (a plain loop)."""
    arcs = EDGES + [(v, u) for u, v in EDGES]
    return [
        (i, k, j)
        for (s, k), (k2, t) in itertools.product(arcs, arcs)
        if s == i and k == k2 and t == j
    ]


def test_ada_to_dot_counts_two_walks(values, a):
    a2 = np.linalg.matrix_power(a, 2)
    i, d = PEOPLE.index("Ada"), PEOPLE.index("Dot")
    walks = two_edge_walks("Ada", "Dot")
    assert sorted(w[1] for w in walks) == ["Ben", "Cy"]
    assert a2[i, d] == len(walks) == 2
    assert values["walks_ada_dot_drawn"] == a2[i, d]
    assert values["a2_ada_dot_readout"] == a2[i, d]
    assert list(values["products_ada_dot"]) == [int(a[i, k] * a[k, d]) for k in range(9)]
    assert sum(values["products_ada_dot"]) == a2[i, d]


def test_the_diagonal_counts_out_and_back(values, g, a):
    a2 = np.linalg.matrix_power(a, 2)
    c = PEOPLE.index("Cy")
    assert len(two_edge_walks("Cy", "Cy")) == g.degree["Cy"] == a2[c, c] == 3
    assert values["walks_cy_cy_drawn"] == a2[c, c]
    assert values["a2_cy_cy_readout"] == a2[c, c]


def test_a_squared_and_its_diagonal(values, g, a):
    a2 = np.linalg.matrix_power(a, 2)
    np.testing.assert_array_equal(np.array(values["matrix_a2"]).reshape(9, 9), a2)
    deg = [g.degree[p] for p in PEOPLE]
    assert list(values["a2_diagonal"]) == deg == np.diag(a2).tolist()
    assert list(values["degrees_beside_nodes"]) == deg
    assert list(values["degrees_drawn"]) == deg


def test_a_squared_is_zero_between_components(values, g):
    a2 = np.linalg.matrix_power(nx.to_numpy_array(g, nodelist=PEOPLE, dtype=int), 2)
    first = components_in_flood_order(g)[0]
    rows = [PEOPLE.index(p) for p in PEOPLE if p in first]
    cols = [PEOPLE.index(p) for p in PEOPLE if p not in first]
    expected = a2[np.ix_(rows, cols)].ravel().tolist()
    assert expected == [0] * 20
    assert list(values["a2_between_components"]) == expected


def test_readouts_follow_the_picture_at_every_sampled_moment(held):
    held(
        "11.2",
        "components readout equals the colours lit",
        "path length readout equals the lit path edges",
        "A² readout for Ada, Dot equals the walks drawn",
        "A² readout for Cy, Cy equals the walks drawn",
        source="printed",
    )
