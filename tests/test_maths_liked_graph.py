"""The likes graph (mathviz.maths.liked_graph) against networkx and plain numpy."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

from mathviz.maths.graphs import adjacency_matrix, biadjacency_matrix
from mathviz.maths.liked_graph import (
    LIKED,
    block_adjacency,
    co_likers,
    liked_edges,
    liked_graph,
    suggestions,
)
from mathviz.maths.recommender import MOVIES, USERS, ratings


def reference(threshold: float = 4) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from([*USERS, *MOVIES])
    rows, cols = np.nonzero(ratings() >= threshold)
    g.add_edges_from((USERS[i], MOVIES[j]) for i, j in zip(rows, cols, strict=True))
    return g


def test_liked_means_four_stars_or_more():
    assert LIKED == 4
    edges = liked_edges(ratings())
    assert len(edges) == int(np.count_nonzero(ratings() >= 4)) == 15
    assert edges[:3] == (("Ana", "Alien"), ("Ana", "Arrival"), ("Ana", "Heat"))
    assert {frozenset(e) for e in edges} == {frozenset(e) for e in reference().edges}


def test_threshold_and_shape_are_respected():
    assert len(liked_edges(ratings(), threshold=5)) == int(np.count_nonzero(ratings() == 5))
    with pytest.raises(ValueError, match="table"):
        liked_edges(np.zeros((2, 2)))


def test_matrices_match_networkx():
    g = liked_graph()
    ref = reference()
    expected = bipartite.biadjacency_matrix(
        ref, row_order=list(USERS), column_order=list(MOVIES)
    ).toarray()
    b = biadjacency_matrix(g, USERS, MOVIES)
    np.testing.assert_array_equal(b, expected)
    full = block_adjacency(b)
    np.testing.assert_array_equal(full, nx.to_numpy_array(ref, nodelist=[*USERS, *MOVIES]))
    np.testing.assert_array_equal(full, adjacency_matrix(g))
    assert np.array_equal(full, full.T)
    with pytest.raises(ValueError, match="two axes"):
        block_adjacency(np.zeros(3))


def test_two_and_three_steps_away():
    g, ref = liked_graph(), reference()
    for user in USERS:
        hops = nx.single_source_shortest_path_length(ref, user, cutoff=3)
        assert set(co_likers(g, user)) == {n for n, d in hops.items() if d == 2}
        assert set(suggestions(g, user)) == {n for n, d in hops.items() if d == 3}
    assert co_likers(g, "Femi") == ("Ana", "Ben")
    assert suggestions(g, "Femi") == ("Alien", "Arrival")
