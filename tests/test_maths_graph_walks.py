"""mathviz.maths.graph_walks against networkx and numpy: floods are the connected components,
middle nodes are the walks of two edges, the product terms sum to A²."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from mathviz.maths.graph_walks import (
    PEOPLE,
    WATCHED_TOGETHER,
    floods,
    initials,
    middle_nodes,
    people_graph,
    product_terms,
    reachable_in,
    two_step_walks,
)
from mathviz.maths.graphs import Graph


def as_networkx(graph: Graph) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(graph.nodes)
    g.add_edges_from(graph.edges)
    return g


def random_graph(seed: int, n: int = 9, p: float = 0.25) -> Graph:
    rng = np.random.default_rng(seed)
    nodes = tuple(f"n{i}" for i in range(n))
    edges = tuple(
        (nodes[i], nodes[j]) for i in range(n) for j in range(i + 1, n) if rng.random() < p
    )
    return Graph(nodes, edges)


def test_the_people_graph():
    graph = people_graph()
    assert graph.nodes == PEOPLE and graph.edges == WATCHED_TOGETHER
    assert initials(graph) == tuple("ABCDEFGHI")


def test_initials_must_differ():
    with pytest.raises(ValueError, match="initials repeat"):
        initials(Graph(("Ana", "Al"), ()))


@pytest.mark.parametrize("seed", range(6))
def test_floods_are_the_connected_components(seed):
    graph = random_graph(seed)
    runs = floods(graph)
    found = [frozenset(n for layer in run.layers for n in layer) for run in runs]
    assert set(found) == {frozenset(c) for c in nx.connected_components(as_networkx(graph))}
    # each flood starts at the first node no earlier flood reached
    starts = [run.source for run in runs]
    assert starts == sorted(starts, key=graph.nodes.index)
    for k, run in enumerate(runs):
        earlier = set().union(*found[:k])
        assert run.source == next(n for n in graph.nodes if n not in earlier)


def test_people_floods():
    runs = floods(people_graph())
    assert [run.source for run in runs] == ["Ada", "Fay", "Ivy"]
    assert runs[0].layers == (("Ada",), ("Ben", "Cy"), ("Dot", "Eli"))


@pytest.mark.parametrize("seed", range(6))
def test_middle_nodes_and_product_terms_count_walks(seed):
    graph = random_graph(seed, p=0.4)
    a = nx.to_numpy_array(as_networkx(graph), nodelist=list(graph.nodes))
    a2 = np.linalg.matrix_power(a, 2)
    for i, u in enumerate(graph.nodes):
        for j, v in enumerate(graph.nodes):
            terms = product_terms(a, i, j)
            assert terms.sum() == a2[i, j]
            assert len(middle_nodes(graph, u, v)) == a2[i, j]
            walks = two_step_walks(graph, u, v)
            assert len(walks) == a2[i, j]
            assert all(w[0] == u and w[2] == v for w in walks)


def test_people_walks():
    graph = people_graph()
    assert two_step_walks(graph, "Ada", "Dot") == [("Ada", "Ben", "Dot"), ("Ada", "Cy", "Dot")]
    assert middle_nodes(graph, "Cy", "Cy") == ("Ada", "Dot", "Eli")


@pytest.mark.parametrize("seed", range(4))
def test_reachable_in_matches_networkx(seed):
    graph = random_graph(seed)
    g = as_networkx(graph)
    a = nx.to_numpy_array(g, nodelist=list(graph.nodes))
    for i, node in enumerate(graph.nodes):
        expected = {graph.index(n) for n in nx.node_connected_component(g, node)}
        assert reachable_in(a, i) == expected
