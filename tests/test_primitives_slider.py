"""Slider: the knob stands at its value, the readout shows what the knob reads, and an
animation carries both (played to its end without rendering)."""

from __future__ import annotations

import pytest
from animation_helpers import run
from manim import ORIGIN

from mathviz import theme
from mathviz.maths.slider import SliderRange
from mathviz.primitives.slider import Slider
from mathviz.readings import source_of


def test_knob_and_readout_start_at_the_value():
    slider = Slider(SliderRange(-1.0, 3.0), 0.5, "m")
    assert slider.value_shown() == pytest.approx(0.5, abs=1e-12)
    assert source_of(slider.value_shown()).startswith("geometry")
    assert slider.readout.value == 0.5 and slider.readout.value.text == "0.5"
    # the knob is three eighths along the track
    start, end = slider.track.get_start(), slider.track.get_end()
    assert slider.knob.get_center() == pytest.approx(start + 0.375 * (end - start))


def test_ticks_stand_at_their_values():
    slider = Slider(SliderRange(-2.0, 4.0), 1.0, "b", tick_step=1.0)
    assert slider.ticks_shown() == 7
    assert slider.tick_values_shown() == pytest.approx([-2, -1, 0, 1, 2, 3, 4], abs=1e-12)
    assert len(slider.tick_labels) == 7
    bare = Slider(SliderRange(0.0, 1.0), 0.2, "p", tick_step=None)
    assert bare.ticks_shown() == 0


def test_moving_the_slider_moves_knob_fill_and_readout(scene):
    slider = Slider(SliderRange(-1.0, 3.0), 0.5, "m", color=theme.GRADIENT)
    slider.move_to(ORIGIN)  # moved as a whole: the knob keeps to the track
    slider.update(0)
    assert slider.value_shown() == pytest.approx(0.5, abs=1e-12)
    run(scene, slider.animate_to(-1.0))
    slider.update(0)
    assert slider.value == -1.0
    assert slider.value_shown() == pytest.approx(-1.0, abs=1e-12)
    assert slider.readout.value.text == "-1.0"
    # the fill runs from zero to the knob
    zero = slider.point_of(0.0)
    assert slider.fill.get_start() == pytest.approx(zero)
    assert slider.fill.get_end() == pytest.approx(slider.knob.get_center())
    slider.set_value(2.25)
    assert slider.value_shown() == pytest.approx(2.25, abs=1e-12)


def test_values_off_the_track_are_refused():
    slider = Slider(SliderRange(-1.0, 3.0), 0.5, "m")
    with pytest.raises(ValueError):
        slider.animate_to(3.5)
    with pytest.raises(ValueError):
        slider.set_value(-2.0)
    with pytest.raises(ValueError):
        Slider(SliderRange(-1.0, 3.0), 4.0, "m")
