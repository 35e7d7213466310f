"""ProbabilityBars, BitsMeter and BinaryEntropyPlot read back through their axes."""

from __future__ import annotations

import math

import numpy as np
import pytest
from animation_helpers import run
from scipy import stats

from mathviz.primitives.entropy_bars import (
    BinaryEntropyPlot,
    BitsMeter,
    ProbabilityBars,
    glyphs_shown,
)
from mathviz.theme import code


def test_bars_read_back_their_heights_and_entropy(scene):
    bars = ProbabilityBars([0.25] * 4, ["a", "b", "c", "d"])
    run(scene, bars.create())
    np.testing.assert_allclose(bars.heights_shown(), [0.25] * 4, atol=1e-9)
    assert float(bars.entropy_shown()) == pytest.approx(2.0, abs=1e-9)
    assert list(bars.labels_shown()) == [0.25] * 4
    run(scene, bars.morph_to([0.7, 0.1, 0.1, 0.1]))
    np.testing.assert_allclose(bars.heights_shown(), [0.7, 0.1, 0.1, 0.1], atol=1e-9)
    expected = stats.entropy([0.7, 0.1, 0.1, 0.1], base=2)
    assert float(bars.entropy_shown()) == pytest.approx(expected, abs=1e-9)
    assert list(bars.labels_shown()) == [0.7, 0.1, 0.1, 0.1]
    assert bars.bars_standing() == 4
    run(scene, bars.morph_to([1.0, 0.0, 0.0, 0.0]))
    assert bars.bars_standing() == 1
    assert float(bars.entropy_shown()) == pytest.approx(0.0, abs=1e-9)


def test_a_morph_passes_through_true_distributions(scene):
    bars = ProbabilityBars([0.25] * 4, ["a", "b", "c", "d"])
    morph = bars.morph_to([0.7, 0.1, 0.1, 0.1])
    morph._setup_scene(scene)
    morph.begin()
    morph.interpolate(0.5)
    heights = bars.heights_shown()
    assert heights.sum() == pytest.approx(1.0, abs=1e-9)
    assert 0.25 < heights[0] < 0.7


def test_surprise_labels(scene):
    coin = ProbabilityBars([0.05, 0.95], ["heads", "tails"], label="surprise")
    assert list(coin.labels_shown()) == [4.32, 0.07]
    np.testing.assert_allclose(
        coin.surprises_shown(), [-math.log2(0.05), -math.log2(0.95)], atol=1e-9
    )


def test_probe_traces_the_curve_and_drives_the_coin(scene):
    coin = ProbabilityBars([0.05, 0.95], ["heads", "tails"], label="surprise")
    plot = BinaryEntropyPlot(0.05, coin=coin)
    run(scene, plot.slide_to(0.5))
    np.testing.assert_allclose(plot.dot_shown(), [0.5, 1.0], atol=1e-9)
    np.testing.assert_allclose(coin.heights_shown(), [0.5, 0.5], atol=1e-9)
    run(scene, plot.slide_to(0.95))
    for p in (0.1, 0.3, 0.7):
        expected = stats.entropy([p, 1 - p], base=2)
        assert plot.trail_value_at(p) == pytest.approx(expected, abs=1e-9)
    run(scene, plot.mark_peak())
    np.testing.assert_allclose(plot.peak_shown(), [0.5, 1.0], atol=1e-9)
    np.testing.assert_allclose(plot.drop_feet_shown(), [0.5, 1.0], atol=1e-9)
    run(scene, plot.close_ends())
    np.testing.assert_allclose(plot.end_dots_shown(), [[0, 0], [1, 0]], atol=1e-9)
    with pytest.raises(ValueError):
        plot.trail_value_at(0.01)


def test_meter_follows_its_source_and_stacks(scene):
    level = {"bits": 1.5}
    meter = BitsMeter(lambda: level["bits"], ["entropy", "questions"])
    assert meter.level_shown() == pytest.approx(1.5, abs=1e-9)
    level["bits"] = 0.5
    meter.level.update(0)
    assert meter.level_shown() == pytest.approx(0.5, abs=1e-9)
    for h in (0.5, 0.5, 0.375, 0.375):
        run(scene, meter.stack(h, meter.level.get_fill_color()))
    np.testing.assert_allclose(meter.stack_shown(), [0.5, 0.5, 0.375, 0.375], atol=1e-9)
    assert meter.stack_top_shown() == pytest.approx(1.75, abs=1e-9)


def test_glyphs_count_code_digits():
    words = [code(c)[0] for c in ("0", "10", "110", "111")]
    assert glyphs_shown(words) == [1, 2, 3, 3]
