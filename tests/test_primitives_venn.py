"""VennDiagram built and animated without rendering: regions, lit dots, rings and areas are
read back from the drawing and compared with Python's sets and closed-form areas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import DecimalNumber

from mathviz.maths.sets import (
    A_ONLY,
    BOTH,
    NEITHER,
    OPERATIONS,
    REGIONS,
    Box,
    Disc,
    SetPair,
    VennLayout,
    implies,
)
from mathviz.primitives.venn import (
    DOT_COLOR,
    FALSE_COLOR,
    LIT_COLOR,
    TRUE_COLOR,
    VennDiagram,
)

UNIVERSE = frozenset(range(1, 13))
A = frozenset({1, 3, 4, 6, 7, 9, 12})
B = frozenset({2, 4, 6, 9, 10})
BOX = Box(-6.85, -3.7, 1.05, 3.7)
LAYOUT = VennLayout(Disc((-4.05, -0.35), 2.3), Disc((-1.75, -0.35), 2.3), BOX)
GROWN = Disc((-3.35, -0.35), 3.15)


def python_region(x: int, a=A, b=B) -> tuple[bool, bool]:
    return (x in a, x in b)


def make() -> VennDiagram:
    pair = SetPair.of(A, B, UNIVERSE)
    later = [(pair.with_b(A | B), VennLayout(LAYOUT.a, GROWN, BOX))]
    return VennDiagram(pair, LAYOUT, later=later, captions=("rated sci-fi", "rated a drama"))


@pytest.fixture
def venn(scene):
    diagram = make()
    scene.add(diagram)
    return diagram


def test_dots_sit_in_their_regions_as_drawn(venn):
    for region in REGIONS:
        expected = sum(1 for x in UNIVERSE if python_region(x) == region)
        assert venn.count_shown([region]) == expected, region
    assert venn.ids_shown(OPERATIONS["A"]) == sorted(A)
    assert venn.ids_shown(OPERATIONS["B"]) == sorted(B)
    assert venn.ids_shown([NEITHER]) == sorted(UNIVERSE - A - B)
    assert venn.dots_shown() == 12
    assert venn.count_shown([BOTH]).source.startswith("count")


def test_reading_follows_the_drawing_not_the_model(venn):
    # move a dot out of the lens by hand: the reading sees it, the model does not know
    lens_dot = venn.dots[4]
    lens_dot.move_to([0.6, -3.3, 0.0])
    assert venn.count_shown([BOTH]) == len(A & B) - 1
    assert venn.count_shown([NEITHER]) == len(UNIVERSE - A - B) + 1


def test_region_fills_have_the_closed_form_areas(venn):
    r, d = 2.3, 2.3
    lens = 2 * r * r * math.acos(d / (2 * r)) - d / 2 * math.sqrt(4 * r * r - d * d)
    assert venn.area_shown(BOTH) == pytest.approx(lens, rel=1e-3)
    assert venn.area_shown(A_ONLY) == pytest.approx(math.pi * r * r - lens, rel=1e-3)
    box = (BOX.right - BOX.left) * (BOX.top - BOX.bottom)
    total = sum(venn.area_shown(region) for region in REGIONS)
    assert total == pytest.approx(box, rel=1e-3)


def test_light_counts_dot_by_dot(scene, venn):
    counter = DecimalNumber(0, num_decimal_places=0)
    animation = venn.light(OPERATIONS["A | B"], counter=counter)
    animation._setup_scene(scene)
    animation.begin()
    for alpha in np.linspace(0, 1, 23):
        animation.interpolate(float(alpha))
        assert venn.lit_shown() == round(counter.get_value())
    animation.finish()
    assert venn.lit_shown() == len(A | B) == round(counter.get_value())
    assert venn.lit_shown(LIT_COLOR, [NEITHER]) == 0
    assert venn.fills[BOTH].get_fill_opacity() > 0.1
    assert venn.fills[NEITHER].get_fill_opacity() == 0
    # the next expression starts from a dark picture
    run(scene, venn.light(OPERATIONS["A - B"]))
    assert venn.lit_shown() == len(A - B)
    assert venn.fills[BOTH].get_fill_opacity() == pytest.approx(0.0)
    run(scene, venn.unlight())
    assert venn.lit_shown() == 0
    assert venn.lit_shown(DOT_COLOR) == 12


def test_light_without_reset_keeps_what_is_lit(scene, venn):
    for region in REGIONS:
        color = TRUE_COLOR if implies(*region) else FALSE_COLOR
        run(scene, venn.light([region], color=color, reset=False))
    assert venn.lit_shown(FALSE_COLOR) == len(A - B)
    assert venn.lit_shown(TRUE_COLOR) == len(UNIVERSE) - len(A - B)


def test_rings_count_a_then_b_then_take_the_overlap_away(scene, venn):
    counter = DecimalNumber(0, num_decimal_places=0)
    run(scene, venn.tally("a", counter))
    assert venn.rings_shown() == len(A) == round(counter.get_value())
    animation = venn.tally("b", counter)
    animation._setup_scene(scene)
    animation.begin()
    for alpha in np.linspace(0, 1, 17):
        animation.interpolate(float(alpha))
        assert venn.rings_shown() == round(counter.get_value())
    animation.finish()
    assert venn.rings_shown() == len(A) + len(B) == 12
    assert venn.ringed_shown(2) == len(A & B)
    assert venn.rings_shown("b") == len(B)
    run(scene, venn.tally("b", counter, remove=A & B))
    assert venn.rings_shown() == round(counter.get_value()) == len(A | B)
    assert venn.ringed_shown(2) == 0
    run(scene, venn.clear_rings())
    assert venn.rings_shown() == 0


def test_growing_b_takes_a_in(scene, venn):
    verdict = lambda region: implies(*region)  # noqa: E731
    run(scene, venn.light([A_ONLY], color=FALSE_COLOR))
    animation = venn.move_circle("b", GROWN, verdict=verdict)
    animation._setup_scene(scene)
    animation.begin()
    seen = []
    for alpha in np.linspace(0, 1, 31):
        animation.interpolate(float(alpha))
        crescent = venn.count_shown([A_ONLY])
        assert venn.lit_shown(FALSE_COLOR) == crescent
        seen.append(crescent)
    animation.finish()
    assert seen[0] == len(A - B) and seen[-1] == 0
    assert seen == sorted(seen, reverse=True)  # users only ever join B
    np.testing.assert_allclose(venn.disc_shown("b"), [*GROWN.center, GROWN.radius], atol=1e-9)
    assert venn.area_shown(A_ONLY) == pytest.approx(0.0)
    assert venn.area_shown(BOTH) == pytest.approx(math.pi * 2.3**2, rel=1e-3)
    grown_b = A | B
    for region in REGIONS:
        expected = sum(1 for x in UNIVERSE if python_region(x, A, grown_b) == region)
        assert venn.count_shown([region]) == expected
    assert venn.lit_shown(TRUE_COLOR) == 12


def test_drawing_in_order_brings_the_dots_home(scene):
    venn = make()
    home = {x: dot.get_center().copy() for x, dot in venn.dots.items()}
    run(scene, venn.draw_universe(np.array([-6.3, 2.2, 0.0]), np.array([0.5, 2.2, 0.0])))
    xs = [venn.dots[x].get_center()[0] for x in sorted(venn.dots)]
    assert xs == sorted(xs)
    assert venn.circles["a"] not in venn.submobjects
    run(scene, venn.draw_sets())
    assert venn.circles["a"] in venn.submobjects
    for x, dot in venn.dots.items():
        np.testing.assert_allclose(dot.get_center(), home[x], atol=1e-9)
