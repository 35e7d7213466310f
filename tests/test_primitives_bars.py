"""BarChart: drawn heights, labels and overflow read back from the drawing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.primitives.bars import BarChart, infinities_shown, label_shown
from mathviz.readings import PrintedArray, ReadingError

NAMES = ["z_1", "z_2", "z_3"]


def test_heights_and_labels_read_back():
    chart = BarChart([0.5, 1.25, 2.0], NAMES, y_range=(0, 3, 1), decimals=2)
    assert chart.heights_shown() == pytest.approx([0.5, 1.25, 2.0], abs=1e-6)
    assert chart.labels_shown() == pytest.approx([0.5, 1.25, 2.0])
    assert chart.non_finite_shown() == 0
    assert not chart.clipped_shown().any()


def test_negative_bars_hang_below_zero():
    chart = BarChart([-2.0, -1.0, 0.0], NAMES, y_range=(-3, 1, 1))
    assert chart.heights_shown() == pytest.approx([-2.0, -1.0, 0.0], abs=1e-6)
    zero = chart.axes.c2p(0, 0)[1]
    assert chart.bars[0].get_top()[1] == pytest.approx(zero, abs=1e-6)


def test_overflow_is_clipped_with_inf_label_and_nan_has_no_bar():
    chart = BarChart([1.0, math.inf, math.nan], NAMES, y_range=(0, 4, 1))
    assert chart.clipped_shown().tolist() == [False, True, False]
    assert chart.heights_shown()[1] == pytest.approx(4.0, abs=1e-6)
    assert chart.heights_shown()[2] == pytest.approx(0.0, abs=1e-3)
    assert math.isinf(label_shown(chart.labels[1])) and math.isnan(label_shown(chart.labels[2]))
    with pytest.raises(ReadingError):
        chart.labels_shown()
    assert chart.non_finite_shown() == 2


def test_morph_to_new_heights_and_range(scene):
    chart = BarChart([1.0, 2.0, 3.0], NAMES, y_range=(0, 4, 1))
    scene.add(chart)
    run(scene, chart.morph_to([math.inf] * 3))
    assert chart.clipped_shown().all()
    assert chart.non_finite_shown() == 3
    run(scene, chart.morph_to([-2.0, -1.0, 0.0], y_range=(-3, 1, 1), decimals=0))
    assert chart.heights_shown() == pytest.approx([-2.0, -1.0, 0.0], abs=1e-6)
    assert not chart.clipped_shown().any()
    probs = np.exp([1.0, 2.0, 3.0]) / np.exp([1.0, 2.0, 3.0]).sum()
    run(scene, chart.morph_to(probs, y_range=(0, 1, 0.5), decimals=4))
    assert chart.heights_shown() == pytest.approx(probs, abs=1e-6)
    assert chart.labels_shown() == pytest.approx(np.round(probs, 4), abs=1e-12)
    assert chart.axes.y_range[1] == 1


def test_rejects_mismatched_inputs():
    with pytest.raises(ValueError):
        BarChart([1.0, 2.0], NAMES)
    chart = BarChart([1.0, 2.0, 3.0], NAMES, y_range=(0, 4, 1))
    with pytest.raises(ValueError):
        chart.morph_to([1.0, 2.0])


def test_labels_are_read_as_printed_not_as_stored():
    # the old read-back returned DecimalNumber.get_value(): the unrounded 1/3, 2/3, e
    chart = BarChart([1 / 3, 2 / 3, math.e], NAMES, y_range=(0, 3, 1), decimals=2)
    labels = chart.labels_shown()
    assert isinstance(labels, PrintedArray)
    assert labels.tolist() == [0.33, 0.67, 2.72]
    assert labels.texts == ("0.33", "0.67", "2.72")
    assert labels.half_units.tolist() == [0.005] * 3


def test_overflow_words_are_read_as_ieee_values_and_counted():
    inf_text, nan_text = theme.text("inf"), theme.text("nan")
    assert math.isinf(label_shown(inf_text)) and math.isnan(label_shown(nan_text))
    assert label_shown(theme.text("8.2e+307")) == 8.2e307
    count = infinities_shown([inf_text, nan_text, theme.text("8.2e+307"), theme.text("-inf")])
    assert count == 2 and count.source.startswith("count")
