"""The book's learning path: which levels build on which (from the outline's dependency map).

Levels 0–3 are sequential; Level 4 opens three branches (5, 6, 7); 8 and 10 need 7; 9 needs
6 and 8; 11 needs only 3; 12 needs 9; 13 draws on 4–12; 14 follows 13.
"""

from __future__ import annotations

__all__ = [
    "PREREQUISITES",
    "POSITIONS",
    "edges",
    "requires",
    "drawn_edges",
    "depth",
    "box",
    "route",
    "map_routes",
    "map_size",
]

#: level → the levels it directly builds on
PREREQUISITES: dict[int, tuple[int, ...]] = {
    0: (),
    1: (0,),
    2: (1,),
    3: (2,),
    4: (3,),
    5: (4,),
    6: (4,),
    7: (4,),
    8: (7,),
    9: (6, 8),
    10: (7,),
    11: (3,),
    12: (9,),
    13: (4, 5, 6, 7, 8, 9, 10, 11, 12),
    14: (13,),
}

#: (column, row) of each level in the drawn map, following the outline's diagram
POSITIONS: dict[int, tuple[int, int]] = {
    0: (1, 0),
    1: (1, 1),
    2: (1, 2),
    3: (1, 3),
    4: (1, 4),
    11: (3, 4),
    5: (0, 5),
    6: (1, 5),
    7: (2, 5),
    8: (2, 6),
    10: (3, 6),
    9: (1, 7),
    12: (1, 8),
    13: (1, 9),
    14: (1, 10),
}


def edges() -> list[tuple[int, int]]:
    """``(prerequisite, level)`` pairs, in level order."""
    return [(p, level) for level, pres in sorted(PREREQUISITES.items()) for p in pres]


def requires(level: int) -> set[int]:
    """Every level below ``level`` in the path (its prerequisites, theirs, and so on)."""
    found: set[int] = set()
    for pre in PREREQUISITES[level]:
        found |= {pre} | requires(pre)
    return found


def drawn_edges() -> list[tuple[int, int]]:
    """The edges worth drawing: those no longer path already implies (the transitive
    reduction), so Level 13's nine prerequisites show as the four that are not implied."""
    return [
        (p, level)
        for p, level in edges()
        if not any(p in requires(other) for other in PREREQUISITES[level] if other != p)
    ]


def depth(level: int) -> int:
    """Length of the longest prerequisite chain below ``level`` (0 for Level 0)."""
    pres = PREREQUISITES[level]
    return 0 if not pres else 1 + max(depth(p) for p in pres)


# --- drawing the map ---------------------------------------------------------------------------

#: map geometry in SVG units: column pitch, row pitch, box size, margin
COLUMN, ROW, BOX_W, BOX_H, PAD = 240, 64, 215, 40, 20


def box(level: int) -> tuple[float, float, float, float]:
    """``(x, y, width, height)`` of a level's box on the map."""
    col, row = POSITIONS[level]
    return PAD + col * COLUMN, PAD + row * ROW, BOX_W, BOX_H


def route(pre: int, level: int, lane: int = 0) -> list[tuple[float, float]]:
    """The polyline of the edge ``pre → level``: it runs only through the gaps between rows
    and the gutters between columns, so it never crosses another level's box.

    From the bottom of ``pre`` it drops into the gap below; an edge to the next row then runs
    across to above ``level``; a longer one runs down the gutter beside ``pre``'s column
    (``lane`` shifts it sideways so edges sharing a gutter stay apart) to the gap above
    ``level``, and across.
    """
    x0, y0, w0, h0 = box(pre)
    x1, y1, w1, _ = box(level)
    start, end = (x0 + w0 / 2, y0 + h0), (x1 + w1 / 2, y1)
    gap = ROW - BOX_H
    below, above = y0 + h0 + gap / 2, y1 - gap / 2
    if POSITIONS[level][1] == POSITIONS[pre][1] + 1:
        return [start, (start[0], below), (end[0], below), end]
    gutter_width = COLUMN - BOX_W
    if POSITIONS[level][0] > POSITIONS[pre][0] or POSITIONS[level][0] == POSITIONS[pre][0]:
        gutter = x0 + w0 + gutter_width / 2 + 4 * lane
    else:
        gutter = x0 - gutter_width / 2 - 4 * lane
    return [start, (start[0], below), (gutter, below), (gutter, above), (end[0], above), end]


def map_routes() -> list[tuple[int, int, list[tuple[float, float]]]]:
    """Every drawn edge with its route; edges leaving one column into the same gutter get
    their own lanes."""
    lanes: dict[tuple[int, int], int] = {}
    routes = []
    for pre, level in drawn_edges():
        side = 1 if POSITIONS[level][0] >= POSITIONS[pre][0] else -1
        key = (POSITIONS[pre][0], side)
        skips = POSITIONS[level][1] > POSITIONS[pre][1] + 1
        lane = lanes.get(key, 0) if skips else 0
        if skips:
            lanes[key] = lane + 1
        routes.append((pre, level, route(pre, level, lane)))
    return routes


def map_size() -> tuple[float, float]:
    """Width and height of the drawn map."""
    columns = max(c for c, _ in POSITIONS.values()) + 1
    rows = max(r for _, r in POSITIONS.values()) + 1
    return PAD * 2 + (columns - 1) * COLUMN + BOX_W, PAD * 2 + (rows - 1) * ROW + BOX_H
