"""NestedSets: bands nest, dropped numbers land where they belong and are read back through
the line, built and animated without rendering."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from animation_helpers import run
from manim import Dot, NumberLine

from mathviz.maths.number_sets import SETS, examples
from mathviz.primitives.number_sets import SET_COLORS, NestedSets, number_on_line_shown
from mathviz.readings import source_of


def box(mob) -> tuple[float, float, float, float]:
    (x0, y0, _), (x1, y1, _) = mob.get_corner([-1, -1, 0]), mob.get_corner([1, 1, 0])
    return x0, y0, x1, y1


def test_each_band_encloses_the_one_inside_it():
    sets = NestedSets(unit=1.0, line_y=-1.0)
    for inner, outer in zip(SETS, SETS[1:], strict=False):
        a, b = box(sets.bands[inner]), box(sets.bands[outer])
        assert b[0] < a[0] and b[1] < a[1] and a[2] < b[2] and a[3] < b[3]
    # ℕ's band starts between −1 and 0; the others hold the whole line
    left = sets.line.p2n(np.array([box(sets.bands["naturals"])[0], -1.0, 0.0]))
    assert -1 < left < 0
    assert box(sets.bands["integers"])[0] < sets.point_of(-4)[0]
    assert sets.point_of(0)[1] == pytest.approx(-1.0)


def test_bands_are_drawn_only_when_asked(scene):
    sets = NestedSets()
    run(scene, sets.draw_line())
    assert sets.bands["reals"] not in scene.mobjects
    run(scene, sets.draw_band("naturals"))
    family = scene.get_mobject_family_members()
    assert sets.bands["naturals"] in family and sets.bands["reals"] not in family


def test_dropped_numbers_land_on_their_values(scene):
    sets = NestedSets()
    nums = examples([(2, "2"), (-3, "-3"), (Fraction(-5, 2), r"-\frac52"), (sp.sqrt(2), r"\sqrt2")])
    anim = sets.drop(nums, run_time=2.0)
    anim._setup_scene(scene)
    anim.begin()
    anim.interpolate(0.0)
    assert sets.count_shown() == 0  # nothing has landed yet
    anim.finish()
    assert sets.count_shown() == 4
    assert source_of(sets.values_shown()).startswith("geometry")
    np.testing.assert_allclose(sets.values_shown(), [-3, -2.5, math.sqrt(2), 2], atol=1e-9)
    assert sets.values_shown("rationals") == pytest.approx([-2.5])
    assert sets.value_shown(r"\sqrt2") == pytest.approx(math.sqrt(2), abs=1e-9)
    assert sets.count_shown("integers") == 1
    assert sets.dots[r"\sqrt2"].get_fill_color() == SET_COLORS["reals"]
    # a non-integer's label stands in its own band's strip, above the bands it is not in
    label = sets.labels[r"\sqrt2"]
    assert label.get_bottom()[1] > box(sets.bands["rationals"])[3]
    assert box(sets.bands["reals"])[3] > label.get_top()[1]
    with pytest.raises(ValueError):
        sets.drop(examples([(2, "2")]))


def test_points_are_read_through_any_line():
    line = NumberLine(x_range=[0, 10, 1], length=5).shift([1, 2, 0])
    dot = Dot(line.n2p(7.25))
    assert number_on_line_shown(line, dot) == pytest.approx(7.25)
    with pytest.raises(ValueError):
        number_on_line_shown(line, dot.copy().shift([0, 0.1, 0]))
