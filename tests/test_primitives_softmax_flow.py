"""SoftmaxFlow, StageChart and LossCurve: bars, numbers and the dot read back from the drawing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from scipy.special import softmax

from mathviz import theme
from mathviz.primitives.softmax_flow import LossCurve, SoftmaxFlow

NAMES = ("cat", "dog", "bird")


def flow(logits=(1.0, 2.0, -1.0)) -> SoftmaxFlow:
    return SoftmaxFlow(
        logits,
        NAMES,
        colors=theme.EQUATION_COLORS,
        logit_range=(-2, 4, 1),
        exp_range=(0, 8, 2),
    )


def test_every_stage_is_drawn_from_the_logits():
    f = flow()
    z = np.array([1.0, 2.0, -1.0])
    assert f.logit_chart.heights_shown() == pytest.approx(z, abs=1e-6)
    assert f.exp_chart.heights_shown() == pytest.approx(np.exp(z), abs=1e-6)
    assert f.prob_chart.heights_shown() == pytest.approx(softmax(z), abs=1e-6)
    assert list(f.prob_chart.labels_shown()) == [0.26, 0.71, 0.04]
    assert list(f.logit_chart.labels_shown()) == [1.0, 2.0, -1.0]


def test_negative_logit_hangs_below_the_zero_line_with_its_number_under_it():
    f = flow()
    chart = f.logit_chart
    zero = chart.axes.c2p(0, 0)[1]
    assert chart.bars[2].get_top()[1] == pytest.approx(zero, abs=1e-6)
    assert chart.labels[2].get_top()[1] < chart.bars[2].get_bottom()[1]
    assert chart.labels[1].get_bottom()[1] > chart.bars[1].get_top()[1]


def test_pouring_starts_from_the_source_bars_and_ends_at_its_own(scene):
    f = flow()
    animation = f.exponentiate(run_time=1.0)
    animation._setup_scene(scene)
    animation.begin()
    animation.interpolate(0.0)
    # at the start the exponential bars sit exactly on the logit bars
    assert f.exp_chart.bars[1].get_top()[1] == pytest.approx(
        f.logit_chart.bars[1].get_top()[1], abs=1e-6
    )
    animation.finish()
    assert f.exp_chart.heights_shown() == pytest.approx(np.exp([1.0, 2.0, -1.0]), abs=1e-6)
    assert float(f.exp_chart.labels[0].get_fill_opacity()) == pytest.approx(1.0)


def test_moving_logits_redraws_every_chart_on_the_way(scene):
    f = flow()
    start, end = np.array([1.0, 2.0, -1.0]), np.array([3.0, -1.0, 0.5])
    animation = f.move(lambda t: start + (end - start) * t, f.charts, run_time=1.0)
    animation._setup_scene(scene)
    animation.begin()
    animation.interpolate(0.5)
    drawn = f.logit_chart.heights_shown()
    assert f.prob_chart.heights_shown() == pytest.approx(softmax(drawn), abs=1e-6)
    animation.finish()
    assert f.logit_chart.heights_shown() == pytest.approx(end, abs=1e-6)
    assert f.prob_chart.heights_shown() == pytest.approx(softmax(end), abs=1e-6)


def test_one_hot_outline_stands_over_the_true_class(scene):
    f = flow()
    run(scene, f.prob_chart.outline([0.0, 1.0, 0.0]))
    assert list(f.prob_chart.outline_heights_shown()) == pytest.approx([1.0], abs=1e-6)
    assert list(f.prob_chart.outline_slots_shown()) == [1]


def test_loss_curve_dot_and_bar_follow_the_probability():
    state = {"p": 0.25}
    curve = LossCurve(lambda: state["p"])
    assert curve.dot_shown() == pytest.approx([0.25, math.log(4)], abs=1e-6)
    assert curve.loss_bar_shown() == pytest.approx(math.log(4), abs=1e-6)
    state["p"] = 0.9
    curve.dot.update(0)
    curve.loss_bar.update(0)
    assert curve.dot_shown() == pytest.approx([0.9, -math.log(0.9)], abs=1e-6)
    assert curve.loss_bar_shown() == pytest.approx(-math.log(0.9), abs=1e-6)
    assert curve.curve_height_shown(0.5) == pytest.approx(math.log(2), abs=1e-2)
