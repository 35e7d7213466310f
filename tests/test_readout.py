"""Live numbers: LiveDecimal draws exactly the pixels of Manim's DecimalNumber."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Axes, DecimalNumber, ManimColor
from manim.animation.numbers import ChangeDecimalToValue
from manim.camera.camera import Camera

from mathviz.primitives.readout import LiveDecimal, Readout, coords, light_clone
from mathviz.readings import is_reading


def pixels(*mobjects) -> np.ndarray:
    camera = Camera(pixel_width=640, pixel_height=360)
    camera.capture_mobjects(list(mobjects))
    return camera.pixel_array.copy()


def pair(**kwargs):
    return DecimalNumber(0.0, **kwargs), LiveDecimal(0.0, **kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"num_decimal_places": 3, "font_size": 34},
        {"num_decimal_places": 1, "font_size": 48, "include_sign": True},
        {"num_decimal_places": 2, "font_size": 28, "color": ManimColor("#F2C14E")},
    ],
)
def test_same_pixels_for_a_sequence_of_values(kwargs):
    plain, live = pair(**kwargs)
    for mob in (plain, live):
        mob.move_to([1.2, -0.7, 0]).scale(1.3)
    frames = []
    for value in (3.25, -7.125, 0.0, 1234.5678, -0.0004, 42.0):
        plain.set_value(value)
        live.set_value(value)
        a, b = pixels(plain), pixels(live)
        assert np.array_equal(a, b), f"pixels differ at {value}"
        assert live.get_value() == value
        frames.append(a)
    assert not np.array_equal(frames[0], frames[1])  # the comparison can fail


def test_same_pixels_after_a_colour_change_and_during_an_animation():
    plain, live = pair(num_decimal_places=2, font_size=40)
    for mob in (plain, live):
        mob.set_value(1.0)
        mob.set_color(ManimColor("#58C4DD"))
    anims = [ChangeDecimalToValue(m, 9.87) for m in (plain, live)]
    for anim in anims:
        anim.begin()
    for alpha in (0.1, 0.5, 0.93, 1.0):
        for anim in anims:
            anim.interpolate(alpha)
        assert np.array_equal(pixels(plain), pixels(live)), alpha


def test_unchanged_digits_rebuild_nothing():
    live = LiveDecimal(1.0, num_decimal_places=2)
    live.set_value(2.001)
    glyphs = list(live.submobjects)
    live.set_value(2.0049)  # shows 2.00 as before
    assert live.submobjects == glyphs and live.get_value() == 2.0049


def test_light_clone_owns_its_points():
    live = LiveDecimal(5.0, num_decimal_places=0)
    clone = light_clone(live)
    clone.shift([1, 0, 0])
    assert not np.allclose(clone.get_center(), live.get_center())


def test_readout_uses_the_live_number_and_keeps_its_label_in_place():
    readout = Readout(r"x", 1.0, decimals=3)
    assert isinstance(readout.number, LiveDecimal)
    left = readout.number.get_left().copy()
    readout.set(-12.5)
    assert readout.value == -12.5
    np.testing.assert_allclose(readout.number.get_left(), left, atol=1e-9)


def test_same_pixels_after_fading_to_zero_and_back():
    """``set_value`` restores the opacity the number was made with, in both classes."""
    plain, live = pair(num_decimal_places=1, font_size=36)
    for mob in (plain, live):
        mob.set_opacity(0.0)
        mob.set_value(4.5)
    assert np.array_equal(pixels(plain), pixels(live))
    for mob in (plain, live):
        mob.set_fill(opacity=0.4)
        mob.set_value(-2.5)
    assert np.array_equal(pixels(plain), pixels(live))


def test_count_to_starts_from_the_value_shown_when_it_begins():
    """Steps built up front and played one after another never jump back."""
    readout = Readout("x", 0.0, decimals=2)
    steps = [readout.change_to(v) for v in (1.0, 2.0, 3.0)]  # all created before any plays
    seen = []
    for step in steps:
        step.begin()
        seen.append(readout.value)  # at the start of each step
        step.interpolate(0.5)
        seen.append(readout.value)
        step.interpolate(1.0)
        step.finish()
    assert seen == pytest.approx([0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
    assert readout.value == 3.0


def test_coords_converts_many_points_in_one_pass_exactly_as_one_by_one():
    axes = Axes(x_range=[-2, 6, 1], y_range=[-1, 3, 0.5], x_length=7, y_length=5)
    axes.shift(np.array([0.7, -0.4, 0.0]))
    xs = np.linspace(-2, 6, 17)
    ys = np.sin(xs) + 1
    # screen points placed by hand from the axes' geometry: origin, then unit steps per axis
    origin = axes.c2p(0, 0)
    unit_x = (axes.c2p(1, 0) - origin)[0]
    unit_y = (axes.c2p(0, 1) - origin)[1]
    points = np.column_stack([origin[0] + xs * unit_x, origin[1] + ys * unit_y, np.zeros(17)])
    many = coords(axes, points)
    assert many.shape == (17, 2) and is_reading(many)
    np.testing.assert_allclose(many, np.column_stack([xs, ys]), atol=1e-9)
    np.testing.assert_allclose(many, [coords(axes, p) for p in points], atol=1e-12)
