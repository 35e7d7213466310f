"""The course's running example: a tiny movie recommender where users rate movies 1–5.

Every chapter marked ★ in the briefs draws on this one table, so that a viewer meets the
same users and movies from vectors (4.1) to decompositions (4.7) and distances (5.2).

The table is built to have structure worth finding: two taste groups (science fiction and
thrillers vs. animation and romance) plus individual quirks, so it is close to rank 2 but
not exactly.
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MOVIES",
    "USERS",
    "ratings",
    "user",
    "movie",
    "TABLE",
]

MOVIES: tuple[str, ...] = ("Alien", "Arrival", "Heat", "Coco", "Amélie")
USERS: tuple[str, ...] = ("Ana", "Ben", "Chloé", "Dev", "Eve", "Femi")

_RATINGS: tuple[tuple[int, ...], ...] = (
    # Alien Arrival Heat Coco Amélie
    (5, 4, 5, 1, 2),  # Ana    — sci-fi and thrillers
    (4, 5, 4, 2, 1),  # Ben    — sci-fi and thrillers
    (1, 2, 1, 5, 4),  # Chloé  — animation and romance
    (2, 1, 2, 4, 5),  # Dev    — animation and romance
    (5, 5, 3, 4, 4),  # Eve    — likes almost everything
    (3, 2, 4, 3, 1),  # Femi   — thrillers, little else
)


def ratings() -> NDArray[np.float64]:
    """The users × movies rating matrix, shape (6, 5), values 1–5 (a fresh copy)."""
    return np.array(_RATINGS, dtype=float)


def user(name: str) -> NDArray[np.float64]:
    """One user's rating vector over :data:`MOVIES`, shape (5,)."""
    try:
        return np.asarray(ratings()[USERS.index(name)], dtype=np.float64)
    except ValueError:
        raise KeyError(f"no user {name!r}; users are {', '.join(USERS)}") from None


def movie(name: str) -> NDArray[np.float64]:
    """One movie's column of ratings over :data:`USERS`, shape (6,)."""
    try:
        return ratings()[:, MOVIES.index(name)]
    except ValueError:
        raise KeyError(f"no movie {name!r}; movies are {', '.join(MOVIES)}") from None


#: read-only view of the table by user name, for narration and labels
TABLE = MappingProxyType({u: _RATINGS[i] for i, u in enumerate(USERS)})
