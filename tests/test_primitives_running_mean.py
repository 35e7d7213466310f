"""RunningMean: the tip reads (rounds, average) through log-scaled axes, one dot per round
played, and the tip is the mean of the dots' heights."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run

from mathviz.primitives.running_mean import RunningMean, level_line, rounds_axes


def test_sweep_draws_one_dot_per_round_and_the_running_average(scene):
    axes = rounds_axes(2, (-300, 200, 100), width=6, height=4)
    results = np.array([100.0, -200.0, -200.0, 100.0, -200.0] * 4)
    plot = RunningMean(axes, results, dot_color=lambda r: "#FFFFFF")
    assert plot.dots_shown() == 1
    np.testing.assert_allclose(plot.tip_shown(), [1, 100], atol=1e-9)
    run(scene, plot.play_to(7))
    assert plot.dots_shown() == 7
    np.testing.assert_allclose(plot.dot_heights_shown(), results[:7], atol=1e-9)
    np.testing.assert_allclose(plot.tip_shown(), [7, results[:7].sum() / 7], atol=1e-9)
    run(scene, plot.play_to(20))
    assert plot.dots_shown() == 20
    assert plot.tip_shown()[1] == pytest.approx(np.mean(plot.dot_heights_shown()))
    with pytest.raises(ValueError):
        plot.play_to(21)


def test_level_line_spans_the_axes_at_its_height():
    axes = rounds_axes(3, (-300, 200, 100), width=6, height=4)
    line = level_line(axes, -100)
    assert axes.p2c(line.get_start())[1] == pytest.approx(-100)
    assert axes.p2c(line.get_end())[0] == pytest.approx(1000)
