"""The interval ladder: rungs come in one by one, every count is read from what is drawn
(visible rungs and their colours), ends and means read back through the axes, and a rung
drawn in the wrong colour is caught."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes

from mathviz import theme
from mathviz.primitives.interval_ladder import IntervalLadder, SampleDots

ENDS = np.array([[3.2, 4.0], [3.5, 4.1], [3.8, 4.4], [2.9, 3.6], [3.3, 3.9]])
MEANS = ENDS.mean(axis=1)
TRUTH = 3.7


def ladder() -> IntervalLadder:
    axes = Axes(x_range=(2.6, 4.8, 0.2), y_range=(0, 6, 1), x_length=8, y_length=5)
    covers = [(lo <= TRUTH <= hi) for lo, hi in ENDS]
    return IntervalLadder(axes, ENDS, MEANS, TRUTH, covers)


def test_rungs_are_counted_as_they_come_in(scene):
    lad = ladder()
    scene.add(lad)
    assert (lad.drawn_shown(), lad.covering_shown(), lad.missing_shown()) == (0, 0, 0)
    anim = lad.reveal(5, run_time=5.0)
    anim._setup_scene(scene)
    anim.begin()
    seen = []
    for alpha in np.linspace(0, 1, 21):
        anim.interpolate(alpha)
        seen.append(int(lad.drawn_shown()))
        assert lad.covering_shown() + lad.missing_shown() == lad.drawn_shown()
        assert lad.colour_errors_shown() == 0
    anim.finish()
    assert seen == sorted(seen) and seen[-1] == 5
    # [3.8, 4.4] and [2.9, 3.6] miss 3.7
    assert (lad.covering_shown(), lad.missing_shown()) == (3, 2)
    np.testing.assert_allclose(lad.ends_shown(), ENDS, atol=1e-9)
    np.testing.assert_allclose(lad.means_shown(), MEANS, atol=1e-9)
    assert lad.truth_shown() == pytest.approx(TRUTH)


def test_a_wrong_colour_is_caught(scene):
    lad = ladder()
    run(scene, lad.reveal(3))
    assert lad.drawn_shown() == 3
    lad.rungs[0][0].set_color(theme.BAD)  # [3.2, 4.0] covers 3.7: red would lie
    assert lad.colour_errors_shown() == 1
    with pytest.raises(ValueError):
        lad.reveal(6)


def test_sample_dots_stack_over_their_values(scene):
    axes = Axes(x_range=(0.5, 5.5, 1), y_range=(0, 5, 1), x_length=5, y_length=3)
    sample = [4.0, 2.0, 4.0, 5.0, 4.0]
    dots = SampleDots(axes, sample)
    assert dots.dots_shown() == 5
    np.testing.assert_allclose(dots.values_shown(), sample, atol=1e-9)
    assert dots.mean_shown() == pytest.approx(np.mean(sample))
    heights = [float(axes.p2c(d.get_center())[1]) for d in dots]
    assert heights == pytest.approx([1, 1, 2, 1, 3])  # the third 4 sits on top of two
