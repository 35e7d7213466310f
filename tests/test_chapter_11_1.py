"""11.1 Graph Basics: every checkpoint recomputed here from the ratings table with networkx
and numpy (its own "liked" rule: four stars or more), never from the chapter's graph model."""

from __future__ import annotations

from fractions import Fraction

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

from mathviz.maths.recommender import MOVIES, USERS, ratings

STARS_FOR_A_LIKE = 4


@pytest.fixture(scope="module")
def values(shown):
    return shown("11.1")


@pytest.fixture(scope="module")
def likes() -> nx.Graph:
    """The bipartite likes graph, built from the raw table with a plain loop."""
    g = nx.Graph()
    g.add_nodes_from(USERS, side=0)
    g.add_nodes_from(MOVIES, side=1)
    table = ratings()
    for i, user in enumerate(USERS):
        for j, movie in enumerate(MOVIES):
            if table[i][j] >= STARS_FOR_A_LIKE:
                g.add_edge(user, movie)
    return g


def biadjacency(g: nx.Graph) -> np.ndarray:
    return bipartite.biadjacency_matrix(
        g, row_order=list(USERS), column_order=list(MOVIES)
    ).toarray()


def test_the_table_starts_empty_and_ana_row_shows_her_ratings(values, likes):
    assert list(values["table_starts_at_zero"]) == [0] * (len(USERS) * len(MOVIES))
    assert values["no_edges_yet"] == 0
    assert list(values["ana_ratings_in_her_row"]) == [5, 4, 5, 1, 2]
    assert values["ana_degree_drawn"] == likes.degree("Ana") == 3
    assert list(values["ana_row_liked"]) == list(biadjacency(likes)[0])


def test_the_drawing_and_the_table_hold_the_same_likes(values, likes):
    assert values["edges_drawn"] == likes.number_of_edges() == 15
    np.testing.assert_array_equal(values["table_entries"], biadjacency(likes).ravel())
    assert values["table_equals_drawing"] == 0


def test_degrees_are_edges_at_a_node_and_row_sums(values, likes):
    users = [likes.degree(u) for u in USERS]
    movies = [likes.degree(m) for m in MOVIES]
    assert users == [3, 3, 2, 2, 4, 1] and movies == [3, 3, 3, 3, 3]
    assert values["eve_lit_edges"] == likes.degree("Eve") == 4
    assert values["eve_number"] == likes.degree("Eve")
    assert list(values["eve_row_sum"]) == [likes.degree("Eve")]
    assert list(values["row_sums"]) == users
    assert list(values["column_sums"]) == movies
    assert list(values["degrees_drawn"]) == users + movies
    assert list(values["degrees_in_nodes"]) == users + movies


def test_the_handshake(values, likes):
    edges = likes.number_of_edges()
    top = {n for n, d in likes.nodes(data=True) if d["side"] == 0}
    assert bipartite.is_bipartite_node_set(likes, top)
    assert values["users_degree_total"] == sum(d for _, d in likes.degree(USERS)) == edges
    assert values["movies_degree_total"] == sum(d for _, d in likes.degree(MOVIES)) == edges
    assert values["corner_after_columns"] == edges
    assert list(values["all_degrees_terms"]) == [edges, edges]
    assert values["all_degrees_total"] == sum(d for _, d in likes.degree()) == 2 * edges
    assert Fraction(values["degree_sum_over_edges"]).limit_denominator(10) == Fraction(2)


def test_two_edges_from_femi_reach_ana_and_ben_and_three_reach_the_suggestions(values, likes):
    hops = nx.single_source_shortest_path_length(likes, "Femi", cutoff=3)
    co_likers = [int(hops.get(u) == 2) for u in USERS]
    suggested = [int(hops.get(m) == 3) for m in MOVIES]
    assert list(values["co_likers_lit"]) == co_likers == [1, 1, 0, 0, 0, 0]
    assert list(values["suggestions_lit"]) == suggested == [1, 1, 0, 0, 0]


def test_the_full_adjacency_matrix_is_symmetric_with_zero_diagonal_blocks(values, likes):
    nodes = [*USERS, *MOVIES]
    full = nx.to_numpy_array(likes, nodelist=nodes)
    np.testing.assert_array_equal(values["full_matrix"], full.ravel())
    k = len(USERS)
    assert not full[:k, :k].any() and not full[k:, k:].any()
    assert list(values["user_block_zero"]) == [0] * (k * k)
    assert list(values["movie_block_zero"]) == [0] * (len(MOVIES) ** 2)
    assert np.array_equal(full, full.T)
    assert values["asymmetry"] == pytest.approx(0.0, abs=1e-9)


def test_counts_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "11.1",
        "edge counter equals the edges drawn",
        "the number in Eve's node equals her lit edges",
        source="printed",
    )
