"""Sets, the implication and the Venn geometry against Python's own sets, itertools and
numerical integration."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from mathviz.maths.sets import (
    A_ONLY,
    B_ONLY,
    BOTH,
    NEITHER,
    OPERATIONS,
    REGIONS,
    Box,
    Disc,
    SetPair,
    VennLayout,
    implies,
    place_elements,
    polygon_area,
    truth_table,
)

UNIVERSE = frozenset(range(1, 13))
A = frozenset({1, 3, 4, 6, 7, 9, 12})
B = frozenset({2, 4, 6, 9, 10})
BOX = Box(-4.0, -3.0, 4.0, 3.0)


def random_pairs(count: int):
    rng = np.random.default_rng(20261201)
    for _ in range(count):
        universe = frozenset(range(int(rng.integers(1, 20))))
        a = frozenset(x for x in universe if rng.random() < 0.5)
        b = frozenset(x for x in universe if rng.random() < 0.5)
        yield a, b, universe


# --- sets and logic -----------------------------------------------------------------------------
def test_regions_are_the_memberships():
    pair = SetPair.of(A, B, UNIVERSE)
    assert pair.members([BOTH]) == tuple(sorted(A & B))
    assert pair.members([A_ONLY]) == tuple(sorted(A - B))
    assert pair.members([B_ONLY]) == tuple(sorted(B - A))
    assert pair.members([NEITHER]) == tuple(sorted(UNIVERSE - A - B))
    assert pair.region_of(4) == (True, True) and pair.region_of(5) == (False, False)
    # every element lies in exactly one region
    counts = [len(pair.members([r])) for r in REGIONS]
    assert sum(counts) == len(UNIVERSE)


@pytest.mark.parametrize(("a", "b", "universe"), list(random_pairs(40)))
def test_operations_match_python_set_operators(a, b, universe):
    pair = SetPair.of(a, b, universe)
    python = {
        "A": a,
        "B": b,
        "A & B": a & b,
        "A | B": a | b,
        "A - B": a - b,
        "B - A": b - a,
        "U": universe,
    }
    assert set(OPERATIONS) == set(python)
    for name, expected in python.items():
        assert pair.operation(name) == tuple(sorted(expected)), name
        assert pair.count(name) == len(expected)
    na, nb, nab, union = pair.inclusion_exclusion()
    assert (na, nb, nab) == (len(a), len(b), len(a & b))
    assert union == len(a | b)
    assert pair.implication_holds() == (a <= b)


def test_the_lecture_numbers():
    pair = SetPair.of(A, B, UNIVERSE)
    assert pair.inclusion_exclusion() == (7, 5, 3, 9)
    assert pair.count("A - B") == 4
    assert not pair.implication_holds()
    assert pair.with_b(A | B).implication_holds()


def test_set_pair_checks_its_universe():
    with pytest.raises(ValueError):
        SetPair.of({1, 2}, {3}, {1, 2})
    with pytest.raises(KeyError):
        SetPair.of({1}, {2}).region_of(3)
    with pytest.raises(KeyError):
        SetPair.of({1}, {2}).operation("A ^ B")
    assert SetPair.of({1}, {2}).universe == {1, 2}


def test_implication_truth_table():
    rows = truth_table()
    expected = [(p, q, (not p) or q) for p, q in itertools.product((True, False), repeat=2)]
    assert list(rows) == expected
    assert [r[:2] for r in rows] == list(REGIONS)
    assert [r for r in rows if not r[2]] == [(True, False, False)]
    assert implies(False, False) and implies(False, True) and implies(True, True)
    assert not implies(True, False)
    assert [r[2] for r in truth_table(lambda p, q: p and q)] == [True, False, False, False]


# --- geometry ----------------------------------------------------------------------------------
def layout(d: float, ra: float = 1.5, rb: float = 1.5) -> VennLayout:
    return VennLayout(Disc((-d / 2, 0.0), ra), Disc((d / 2, 0.0), rb), BOX)


def monte_carlo_areas(lay: VennLayout, n: int = 400_000) -> dict:
    rng = np.random.default_rng(7)
    pts = np.column_stack(
        [rng.uniform(BOX.left, BOX.right, n), rng.uniform(BOX.bottom, BOX.top, n)]
    )
    in_a = np.hypot(pts[:, 0] - lay.a.center[0], pts[:, 1] - lay.a.center[1]) < lay.a.radius
    in_b = np.hypot(pts[:, 0] - lay.b.center[0], pts[:, 1] - lay.b.center[1]) < lay.b.radius
    return {(p, q): BOX.area * float(np.mean((in_a == p) & (in_b == q))) for p, q in REGIONS}


@pytest.mark.parametrize(
    ("d", "ra", "rb"),
    [(2.0, 1.5, 1.5), (1.0, 1.5, 1.0), (3.5, 1.5, 1.5), (0.4, 1.0, 2.0), (0.3, 2.0, 1.0)],
)
def test_region_areas_closed_form_outline_and_sampling_agree(d, ra, rb):
    lay = layout(d, ra, rb)
    sampled = monte_carlo_areas(lay)
    for region in REGIONS:
        exact = lay.area(region)
        drawn = sum(polygon_area(loop) for loop in lay.outline(region, samples=2000))
        assert drawn == pytest.approx(exact, abs=2e-3), region
        share = exact / BOX.area  # 5 standard errors of the sampled share
        spread = 5 * BOX.area * math.sqrt(share * (1 - share) / 400_000)
        assert sampled[region] == pytest.approx(exact, abs=spread + 1e-9), region
    assert sum(lay.area(r) for r in REGIONS) == pytest.approx(BOX.area)


def test_lens_area_of_two_unit_circles_one_apart():
    # the overlap of two unit discs whose centres are 1 apart: 2π/3 − √3/2
    lay = VennLayout(Disc((0.0, 0.0), 1.0), Disc((1.0, 0.0), 1.0), BOX)
    assert lay.area(BOTH) == pytest.approx(2 * math.pi / 3 - math.sqrt(3) / 2)


def test_outlines_are_counter_clockwise_with_clockwise_holes():
    lay = layout(2.0)
    for region in (BOTH, A_ONLY, B_ONLY):
        (loop,) = lay.outline(region)
        assert polygon_area(loop) > 0
    outer, hole = lay.outline(NEITHER)
    assert polygon_area(outer) > 0 > polygon_area(hole)
    contained = VennLayout(Disc((0.0, 0.0), 1.0), Disc((0.2, 0.0), 2.0), BOX)
    assert contained.outline(A_ONLY) == []
    assert contained.area(A_ONLY) == pytest.approx(0.0)
    ring_outer, ring_hole = contained.outline(B_ONLY)
    assert polygon_area(ring_outer) > 0 > polygon_area(ring_hole)


def test_region_at_points():
    lay = layout(2.0)
    assert lay.region_at((0.0, 0.0)) == BOTH
    assert lay.region_at((-2.0, 0.0)) == A_ONLY
    assert lay.region_at((2.0, 0.0)) == B_ONLY
    assert lay.region_at((0.0, 2.5)) == NEITHER
    assert lay.region_at((5.0, 0.0)) is None
    assert lay.regions_at([(0.0, 0.0), (5.0, 0.0)]) == [BOTH, None]
    assert float(lay.clearance((0.0, 0.0))) == pytest.approx(0.5)  # 1.5 − 1 to either circle


def test_layout_and_discs_validate():
    with pytest.raises(ValueError):
        Disc((0.0, 0.0), 0.0)
    with pytest.raises(ValueError):
        Box(1.0, 0.0, 0.0, 1.0)
    with pytest.raises(ValueError):
        VennLayout(Disc((3.5, 0.0), 1.0), Disc((0.0, 0.0), 1.0), BOX)
    with pytest.raises(ValueError):
        layout(2.0).outline((True,))  # type: ignore[arg-type]
    half = Disc((0.0, 0.0), 1.0).interpolate(Disc((2.0, 2.0), 3.0), 0.5)
    assert half == Disc((1.0, 1.0), 2.0)


# --- placing the elements ------------------------------------------------------------------------
def pairwise_min(points) -> float:
    pts = np.array(list(points))
    return min(math.dist(p, q) for p, q in itertools.combinations(pts, 2))


def test_every_element_is_placed_in_its_region_with_room():
    pair = SetPair.of(A, B, UNIVERSE)
    lay = VennLayout(Disc((-1.1, 0.0), 2.1), Disc((1.1, 0.0), 2.1), Box(-4.0, -3.3, 4.0, 3.3))
    keep = Box(-3.9, 2.6, -1.5, 3.2)
    pos = place_elements([(pair, lay)], spacing=0.9, clearance=0.4, keep_out=[keep])
    assert set(pos) == UNIVERSE
    for x, p in pos.items():
        assert lay.region_at(p) == (x in A, x in B), x
        assert float(lay.clearance(p)) >= 0.4 - 1e-9
        assert float(keep.inside_distance(p)) < -0.4 + 1e-9
    assert pairwise_min(pos.values()) >= 0.9 - 1e-9
    # deterministic, and ids run in reading order within a region
    assert place_elements([(pair, lay)], spacing=0.9, clearance=0.4, keep_out=[keep]) == pos
    lens = sorted(A & B)
    ys = [pos[x][1] for x in lens]
    assert ys == sorted(ys, reverse=True)


def test_placement_survives_a_growing_circle():
    pair = SetPair.of(A, B, UNIVERSE)
    grown = pair.with_b(A | B)
    start = VennLayout(Disc((-1.1, 0.0), 2.1), Disc((1.1, 0.0), 2.1), Box(-4.2, -3.5, 4.2, 3.5))
    end = VennLayout(start.a, Disc((-0.5, 0.0), 2.85), start.box)
    pos = place_elements([(pair, start), (grown, end)], spacing=0.9, clearance=0.35)
    for x, p in pos.items():
        assert start.region_at(p) == (x in A, x in B)
        assert end.region_at(p) == (x in A, x in (A | B))
        if (x in B) == (x in (A | B)):  # unchanged elements stay put all the way
            for t in np.linspace(0, 1, 41):
                moment = start.interpolate(end, float(t))
                assert moment.region_at(p) == (x in A, x in B), (x, t)


def test_placement_refuses_a_crowded_region():
    pair = SetPair.of(range(30), [], range(30))
    lay = layout(2.0)
    with pytest.raises(ValueError, match="no room"):
        place_elements([(pair, lay)], spacing=1.0, clearance=0.3)
    with pytest.raises(ValueError):
        place_elements([], spacing=1.0, clearance=0.3)
