"""The 3-D primitives built and animated without rendering: the probe, the slicing plane, its
level curve and the dropped rings are read back through the axes and checked against the
function evaluated directly."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from manim import ThreeDAxes

from mathviz.maths.descent import QuadraticBowl
from mathviz.primitives.surface import (
    LEVEL_COLORS,
    FloorMap,
    HeightSurface,
    Probe,
    SlicingPlane,
    ring_points,
)
from mathviz.readings import source_of

BOWL = QuadraticBowl(a=2.0, b=1.0)


def f(x: float, y: float) -> float:
    return 2 * x * x + y * y


def make_axes() -> ThreeDAxes:
    return ThreeDAxes(
        x_range=(-2, 2, 1),
        y_range=(-2.6, 2.6, 1),
        z_range=(0, 10, 2),
        x_length=4.8,
        y_length=6.24,
        z_length=3.0,
    )


def test_surface_rises_from_the_floor_to_its_heights(scene):
    axes = make_axes()
    surface = HeightSurface(axes, f, (-1.6, 1.6), (-2.2, 2.2), resolution=(8, 8))
    animation = surface.rise(run_time=1.0)
    animation._setup_scene(scene)
    animation.begin()
    animation.interpolate(0.0)
    low, high = surface.height_range_shown()
    assert high < 0.05  # flat at the start
    animation.finish()
    low, high = surface.height_range_shown()
    assert low == pytest.approx(0.0, abs=1e-9)
    assert high == pytest.approx(f(1.6, 2.2), abs=1e-9)
    assert source_of(surface.height_range_shown()).startswith("geometry")


def test_probe_rides_the_surface_while_it_glides_and_travels(scene):
    axes = make_axes()
    probe = Probe(axes, f, (1.0, 1.0))
    assert probe.position_shown() == pytest.approx([1.0, 1.0, 3.0], abs=1e-9)
    glide = probe.glide_to((-1.0, 2.0), run_time=1.0)
    glide._setup_scene(scene)
    glide.begin()
    for alpha in (0.25, 0.5, 0.75):
        glide.interpolate(alpha)
        x, y, z = probe.position_shown()
        assert z == pytest.approx(f(x, y), abs=1e-9)
        assert probe.floor_shown() == pytest.approx([x, y], abs=1e-9)
    glide.finish()
    assert probe.position_shown() == pytest.approx([-1.0, 2.0, 6.0], abs=1e-9)
    # round a level curve: the height stays put
    t = np.linspace(0, 2 * math.pi, 65)
    path = np.column_stack([math.sqrt(1.5) * np.cos(t), math.sqrt(3) * np.sin(t)])
    travel = probe.travel(path, run_time=1.0)
    travel._setup_scene(scene)
    travel.begin()
    for alpha in np.linspace(0, 1, 9):
        travel.interpolate(alpha)
        assert probe.position_shown()[2] == pytest.approx(3.0, abs=2e-2)
    travel.finish()
    assert probe.floor_shown() == pytest.approx(path[-1], abs=1e-9)
    assert len(probe.pin()) == 3


def test_plane_and_curve_rise_together_and_the_drop_lands_on_the_floor(scene):
    axes = make_axes()
    slicer = SlicingPlane(axes, BOWL, (-1.6, 1.6), (-2.2, 2.2))
    scene.add(slicer)
    animation = slicer.rise_to(3.0, run_time=1.0)
    animation._setup_scene(scene)
    animation.begin()
    for alpha in (0.3, 0.7):
        animation.interpolate(alpha)
        slicer.update(0)
        h = slicer.height_shown()
        curve = slicer.curve_shown()
        assert np.allclose(curve[:, 2], h, atol=1e-9)
        assert max(abs(f(x, y) - h) for x, y, _ in curve) < 1e-9
    animation.finish()
    slicer.update(0)
    assert slicer.height_shown() == pytest.approx(3.0, abs=1e-9)
    ring, fall = slicer.drop(run_time=0.5)
    floor = FloorMap()
    floor.add(ring)
    run(scene, fall)
    points = ring_points(axes, ring)
    assert np.allclose(points[:, 2], 0.0, atol=1e-9)
    assert max(abs(f(x, y) - 3.0) for x, y, _ in points) < 1e-9
    assert ring.level == 3.0
    assert floor.rings_shown() == 1
    ring.set_stroke(opacity=0)
    assert floor.rings_shown() == 0


def test_level_colours_are_distinct():
    assert len({c.to_hex() for c in LEVEL_COLORS}) == len(LEVEL_COLORS)
