"""The recommender as a graph: users joined to the movies they liked (11.1 Graph Basics).

A user *liked* a movie when they rated it :data:`LIKED` stars or more. The likes make a
bipartite :class:`~mathviz.maths.graphs.Graph` — users on one side, movies on the other, an
edge only between the sides — whose users × movies biadjacency matrix is the 0/1 "liked"
table, and whose full adjacency matrix is that table and its transpose in the off-diagonal
blocks, with zero blocks on the diagonal. Two steps along the graph (user → movie → user)
reach the users who share a liked movie, and a third step reaches what they liked: the
movies a recommender would suggest.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from mathviz.maths.graphs import Edge, Graph, bipartite_graph
from mathviz.maths.recommender import MOVIES, USERS, ratings

__all__ = [
    "LIKED",
    "liked_edges",
    "liked_graph",
    "block_adjacency",
    "co_likers",
    "suggestions",
]

#: the fewest stars that count as "liked it"
LIKED = 4


def liked_edges(
    table: NDArray[np.float64],
    users: Sequence[str] = USERS,
    movies: Sequence[str] = MOVIES,
    *,
    threshold: float = LIKED,
) -> tuple[Edge, ...]:
    """Every (user, movie) whose rating reaches ``threshold``, user by user, movies in order.

    Parameters
    ----------
    table
        Ratings, shape (len(users), len(movies)).
    users, movies
        Row and column names.
    threshold
        The fewest stars that make an edge.
    """
    table = np.asarray(table, dtype=np.float64)
    if table.shape != (len(users), len(movies)):
        raise ValueError(f"a {table.shape} table for {len(users)} users × {len(movies)} movies")
    return tuple(
        (u, m)
        for i, u in enumerate(users)
        for j, m in enumerate(movies)
        if table[i, j] >= threshold
    )


def liked_graph(threshold: float = LIKED) -> Graph:
    """The course's users and movies, an edge wherever a rating reaches ``threshold``."""
    return bipartite_graph(USERS, MOVIES, liked_edges(ratings(), threshold=threshold))


def block_adjacency(biadjacency: NDArray[np.float64]) -> NDArray[np.float64]:
    """The square adjacency matrix ``[[0, B], [Bᵀ, 0]]`` of a bipartite graph with
    biadjacency ``B`` (rows: the left side, then the right side)."""
    b = np.asarray(biadjacency, dtype=np.float64)
    if b.ndim != 2:
        raise ValueError(f"a biadjacency matrix has two axes, got shape {b.shape}")
    m, n = b.shape
    return np.block([[np.zeros((m, m)), b], [b.T, np.zeros((n, n))]])


def co_likers(graph: Graph, user: str) -> tuple[str, ...]:
    """Other users two edges from ``user``: those who liked a movie ``user`` liked."""
    found = {other for movie in graph.neighbours(user) for other in graph.neighbours(movie)}
    found.discard(user)
    return tuple(n for n in graph.nodes if n in found)


def suggestions(graph: Graph, user: str) -> tuple[str, ...]:
    """Movies three edges from ``user``: liked by a co-liker, not yet by ``user``."""
    own = set(graph.neighbours(user))
    found = {m for other in co_likers(graph, user) for m in graph.neighbours(other)}
    return tuple(n for n in graph.nodes if n in found - own)
