"""``scene_points`` (mathviz.primitives.plots): many axes coordinates through one ``c2p``
call are bit for bit the points ``c2p`` gives one at a time."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Axes, NumberPlane, ThreeDAxes
from manim.mobject.graphing.scale import LogBase

from mathviz.primitives.plots import scene_points

pytestmark = pytest.mark.usefixtures("scene")


def _systems():
    tilted = NumberPlane(x_range=[-4, 4, 1], y_range=[-3, 3, 1]).rotate(0.3).shift([0.4, -0.2, 0])
    # a log scale on y: c2p maps through the scale's function
    logged = Axes(
        x_range=[0, 3, 1],
        y_range=[-1, 2, 1],
        x_length=6,
        y_length=4,
        y_axis_config={"scaling": LogBase(custom_labels=False)},
    ).shift([0.3, -0.2, 0])
    depth = ThreeDAxes(x_range=[-3, 3, 1], y_range=[-3, 3, 1], z_range=[0, 4, 1], z_length=3)
    return {"plane": tilted, "axes": logged, "3-D axes": depth.shift([0.1, 0.2, -0.5])}


@pytest.mark.parametrize("name", ["plane", "axes", "3-D axes"])
@pytest.mark.parametrize("count", [1, 2, 137])
def test_many_points_at_once_are_the_points_of_one_call_each(name: str, count: int):
    axes = _systems()[name]
    dims = 3 if name == "3-D axes" else 2
    rows = np.abs(np.random.default_rng(count).normal(scale=2.0, size=(count, dims))) + 0.1
    one_by_one = np.array([np.asarray(axes.c2p(*row), dtype=float) for row in rows])
    at_once = scene_points(axes, rows)
    assert at_once.shape == (count, 3)
    assert at_once.tobytes() == one_by_one.tobytes()


def test_no_points_are_no_points():
    assert scene_points(_systems()["plane"], np.zeros((0, 2))).shape == (0, 3)
