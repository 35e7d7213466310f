"""DistanceLine built and swept without rendering: the dot, the bar, the painted trail and
the end rings are read back through the number line and compared with sympy's solution of
|x − 2| < 1 and plain arithmetic."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from animation_helpers import run

from mathviz.maths.inequalities import AbsInterval
from mathviz.primitives.interval_line import DistanceLine

X = sp.Symbol("x", real=True)
SOLUTION = sp.solve_univariate_inequality(sp.Abs(X - 2) < 1, X, relational=False)


@pytest.fixture
def line(scene):
    drawn = DistanceLine(AbsInterval.of(2, 1), (-1, 5), -0.5, length=12.4, y=-0.9)
    scene.add(drawn.axis, drawn)
    return drawn


def test_the_graph_fades_in_with_its_dot(scene, line):
    assert line.green_dots_shown() == 0 and line.rider.get_fill_opacity() == 0
    run(scene, line.sweep(2))
    assert line.green_dots_shown() == 1  # the riding dot is not drawn yet
    run(scene, line.reveal_graph())
    assert line.green_dots_shown() == 2
    assert scene.mobjects.count(line.graph) == 1


def test_start_reads_back_through_the_axis(line):
    assert line.x_shown() == pytest.approx(-0.5, abs=1e-9)
    assert line.distance_shown() == pytest.approx(2.5, abs=1e-9)
    assert line.height_shown() == pytest.approx(2.5, abs=1e-9)
    assert line.green_dots_shown() == 0
    assert line.interval_shown() == []
    assert line.hollow_ends_shown() == 0
    assert line.x_shown().source.startswith("geometry")
    assert line.green_dots_shown().source.startswith("count")


def test_sweep_keeps_bar_colour_and_trail_tied_to_the_dot(scene, line):
    run(scene, line.reveal_graph())
    animation = line.sweep(4.5)
    animation._setup_scene(scene)
    animation.begin()
    for alpha in np.linspace(0, 1, 41):
        animation.interpolate(float(alpha))
        x = float(line.x_shown())
        assert line.distance_shown() == pytest.approx(abs(x - 2), abs=1e-9)
        inside = bool(SOLUTION.contains(sp.Float(x)))
        assert line.green_dots_shown() == 2 * int(inside)  # the dot and the one on the V
        assert line.height_shown() == pytest.approx(abs(x - 2), abs=1e-9)
        painted = line.interval_shown()
        if x > 1:
            assert painted == pytest.approx([1, min(x, 3)], abs=1e-9)
        else:
            assert painted == []
    animation.finish()
    assert line.x_shown() == pytest.approx(4.5, abs=1e-9)
    assert line.interval_shown() == pytest.approx(
        [float(SOLUTION.start), float(SOLUTION.end)], abs=1e-9
    )


def test_the_ends_are_red_and_ringed_hollow(scene, line):
    run(scene, line.reveal_graph())
    run(scene, line.sweep(3))
    assert line.green_dots_shown() == 0  # |3 − 2| = 1 is not less than 1
    assert line.distance_shown() == pytest.approx(1.0, abs=1e-9)
    run(scene, line.open_ends())
    assert (
        line.hollow_ends_shown()
        == int(bool(SOLUTION.left_open)) + int(bool(SOLUTION.right_open))
        == 2
    )
    assert line.ends_shown() == pytest.approx([1.0, 3.0], abs=1e-9)
    run(scene, line.sweep(2))
    assert line.green_dots_shown() == 2
    assert line.height_shown() == pytest.approx(0.0, abs=1e-9)
