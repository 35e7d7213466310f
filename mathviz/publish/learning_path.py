"""The book's learning path: which levels build on which (from the outline's dependency map).

Levels 0–3 are sequential; Level 4 opens three branches (5, 6, 7); 8 and 10 need 7; 9 needs
6 and 8; 11 needs only 3; 12 needs 9; 13 draws on 4–12; 14 follows 13.
"""

from __future__ import annotations

#: level → the levels it directly builds on
PREREQUISITES: dict[int, tuple[int, ...]] = {
    0: (), 1: (0,), 2: (1,), 3: (2,), 4: (3,), 5: (4,), 6: (4,), 7: (4,), 8: (7,),
    9: (6, 8), 10: (7,), 11: (3,), 12: (9,), 13: (4, 5, 6, 7, 8, 9, 10, 11, 12), 14: (13,),
}

#: (column, row) of each level in the drawn map, following the outline's diagram
POSITIONS: dict[int, tuple[int, int]] = {
    0: (1, 0), 1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (1, 4), 11: (3, 4), 5: (0, 5), 6: (1, 5),
    7: (2, 5), 8: (2, 6), 10: (3, 6), 9: (1, 7), 12: (1, 8), 13: (1, 9), 14: (1, 10),
}


def edges() -> list[tuple[int, int]]:
    """``(prerequisite, level)`` pairs, in level order."""
    return [(p, level) for level, pres in sorted(PREREQUISITES.items()) for p in pres]


def depth(level: int) -> int:
    """Length of the longest prerequisite chain below ``level`` (0 for Level 0)."""
    pres = PREREQUISITES[level]
    return 0 if not pres else 1 + max(depth(p) for p in pres)
