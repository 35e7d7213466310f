"""0.2 Sets & Logic: every value the lecture shows, recomputed here with Python's own sets,
itertools and math (the scene counted drawn dots, rings and typeset digits)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

#: the lecture's data, as the brief's story sets it up: twelve user ids, those who rated a
#: sci-fi film (S) and those who rated a drama (D)
USERS = set(range(1, 13))
S = {1, 3, 4, 6, 7, 9, 12}
D = {2, 4, 6, 9, 10}
#: D after the four sci-fi-only users rate a drama
D_GROWN = D | {u for u in USERS if u in S and u not in D}


def regions(a: set[int], b: set[int]) -> dict[tuple[bool, bool], int]:
    """How many users fall in each (in a, in b) case, counted one user at a time."""
    counts = dict.fromkeys(itertools.product((True, False), repeat=2), 0)
    for user in sorted(USERS):
        counts[(user in a, user in b)] += 1
    return counts


@pytest.fixture(scope="module")
def values(shown):
    return shown("0.2")


def test_dots_are_drawn_in_their_regions(values):
    counts = regions(S, D)
    assert values["dots_in_both"] == counts[(True, True)] == 3
    assert values["dots_in_s_only"] == counts[(True, False)] == 4
    assert values["dots_in_d_only"] == counts[(False, True)] == 2
    assert values["dots_in_neither"] == counts[(False, False)] == 3
    assert values["dots_in_universe"] == len(USERS)
    assert values["ids_in_S"] == sorted(S)
    assert values["ids_in_D"] == sorted(D)


def test_set_sizes_as_typeset(values):
    expected = {
        "size_S": len(S),
        "size_D": len(D),
        "size_S&D": len(S.intersection(D)),
        "size_S|D": len(S.union(D)),
        "size_S-D": len(S.difference(D)),
    }
    assert expected == {"size_S": 7, "size_D": 5, "size_S&D": 3, "size_S|D": 9, "size_S-D": 4}
    for name, size in expected.items():
        assert values[name] == size, name


def test_inclusion_exclusion_counted_with_rings(values):
    rings = sum(1 for u in USERS for s in (S, D) if u in s)  # one ring per membership
    assert values["rings_after_counting_S_then_D"] == rings == 12
    assert values["rings_readout_twelve"] == rings
    twice = sum(1 for u in USERS if u in S and u in D)
    assert values["dots_ringed_twice"] == twice
    assert values["rings_readout_nine"] == rings - twice == len(S | D)
    # the typeset equation 7 + 5 − 3 = 9, and the identity from the typeset counters
    assert (
        values["equation_S"] + values["equation_D"] - values["equation_S&D"]
        == values["equation_S|D"]
    )
    assert [values[f"equation_{k}"] for k in ("S", "D", "S&D", "S|D")] == [7, 5, 3, 9]
    assert values["inclusion_exclusion"] == len(S | D)


def test_truth_table_of_the_implication_as_typeset(values):
    cells = np.asarray(values["truth_table_cells"], dtype=float).reshape(4, 3)
    for (p, q), row in zip(itertools.product((True, False), repeat=2), cells, strict=True):
        assert list(row) == [p, q, (not p) or q]
    assert [tuple(r) for r in cells if not r[2]] == [(1.0, 0.0, 0.0)]
    counts = regions(S, D)
    for i, case in enumerate(itertools.product((True, False), repeat=2)):
        assert values[f"row_{i}_users"] == counts[case]
    # the false row's users are the counterexamples, drawn red
    assert values["counterexamples_drawn"] == len([u for u in USERS if u in S and u not in D])


def test_after_d_grows_the_implication_holds_for_everyone(values):
    counts = regions(S, D_GROWN)
    for i, case in enumerate(itertools.product((True, False), repeat=2)):
        assert values[f"row_{i}_users_after_growth"] == counts[case]
    assert values["row_1_users_after_growth"] == 0
    assert values["false_dots_after_growth"] == 0
    assert values["crescent_area_after_growth"] == pytest.approx(0.0, abs=1e-9)
    assert S <= D_GROWN and not S <= D
    assert values["circle_S_inside_circle_D"] == 1.0


def test_counters_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "0.2",
        "S counter equals the lit dots",
        "D counter equals the lit dots",
        "S & D counter equals the lit dots",
        "S | D counter equals the lit dots",
        "S - D counter equals the lit dots",
        "rings counter equals the rings drawn",
        *(f"row {i} count equals its lit dots" for i in range(4)),
        *(f"row {i} count follows the dots in its region" for i in range(4)),
        source="printed",
    )
    held("0.2", "red dots are the dots drawn in S minus D", source="count")
