"""Distribution plots: bars, a density and a mean marker redrawn from live parameters and
read back through their axes (animations played to their end without rendering)."""

from __future__ import annotations

import numpy as np
import pytest
from animation_helpers import run
from scipy import stats

from mathviz.maths.distributions import Binomial, Normal, Poisson
from mathviz.maths.slider import SliderRange
from mathviz.primitives.distribution_plot import (
    DensityCurve,
    GapMarker,
    MeanMarker,
    ParametricPmfBars,
    SlideTo,
    distribution_axes,
    max_gap_shown,
)
from mathviz.primitives.slider import Slider
from mathviz.readings import source_of


def axes(x=(-0.9, 20.9, 5), y=(0, 0.4, 0.1)):
    return distribution_axes(x, y, x_length=8.0, y_length=5.0)


def test_axes_number_the_edges_and_hide_the_vertical_axis():
    a = axes()
    assert [float(n.get_value()) for n in a.x_axis.numbers] == [0, 5, 10, 15, 20]
    # heights numbered left of the plot, zero left to the x-axis
    assert [round(float(n.get_value()), 1) for n in a.y_axis.numbers] == [0.1, 0.2, 0.3, 0.4]
    left = a.c2p(-0.9, 0)[0]
    assert all(n.get_right()[0] < left for n in a.y_axis.numbers)
    assert a.y_axis.get_stroke_opacity() == 0


def test_bars_follow_their_model_and_read_back():
    a = axes()
    params = {"n": 10, "p": 0.5}
    bars = ParametricPmfBars(a, lambda: Binomial(params["n"], params["p"]), 20)
    heights = bars.heights_shown()
    assert source_of(heights).startswith("geometry")
    np.testing.assert_allclose(heights[:11], stats.binom.pmf(np.arange(11), 10, 0.5), atol=1e-9)
    assert bars.count_shown() == 11
    np.testing.assert_allclose(bars.centres_shown(), np.arange(11), atol=1e-9)
    params.update(n=20, p=0.6)
    bars.update(0)
    np.testing.assert_allclose(
        bars.heights_shown(), stats.binom.pmf(np.arange(21), 20, 0.6), atol=1e-7
    )  # a bar shorter than a hair (1e-6 scene units) is drawn a hair tall
    assert bars.count_shown() == 21


def test_bars_grow_from_the_axis(scene):
    bars = ParametricPmfBars(axes((-0.9, 16.9, 2)), lambda: Poisson(4.0), 16)
    grow = bars.grow(run_time=1.0)
    assert bars.heights_shown().max() < 1e-6
    run(scene, grow)
    np.testing.assert_allclose(
        bars.heights_shown(), stats.poisson.pmf(np.arange(17), 4.0), atol=1e-7
    )


def test_marker_stands_at_the_mean_with_a_band_of_one_sd():
    model = Binomial(20, 0.2)
    marker = MeanMarker(axes(), lambda: model)
    assert marker.mean_shown() == pytest.approx(stats.binom.mean(20, 0.2), abs=1e-9)
    assert marker.sd_shown() == pytest.approx(stats.binom.std(20, 0.2), abs=1e-9)
    assert marker.variance_shown() == pytest.approx(3.2, abs=1e-9)


def test_density_heights_area_and_peak(scene):
    a = axes((-6, 6, 2), (0, 0.8, 0.2))
    curve = DensityCurve(a, lambda: Normal(-1.0, 1.8), (-6.0, 6.0), pins=range(-6, 7))
    xs = np.arange(-6, 7)
    np.testing.assert_allclose(curve.heights_shown(xs), stats.norm.pdf(xs, -1, 1.8), atol=1e-9)
    inside = stats.norm.cdf(6, -1, 1.8) - stats.norm.cdf(-6, -1, 1.8)
    assert curve.area_shown() == pytest.approx(inside, abs=1e-3)
    assert source_of(curve.area_shown()).startswith("area")
    np.testing.assert_allclose(curve.peak_shown(), [-1.0, stats.norm.pdf(0, 0, 1.8)], atol=1e-9)
    sweep = curve.sweep_in(run_time=1.0)
    assert curve.curve_shown()[-1, 0] < -5.9  # drawn from the left end
    run(scene, sweep)
    assert curve.curve_shown()[-1, 0] == pytest.approx(6.0, abs=1e-9)


def test_gap_between_bars_and_curve():
    a = axes((-0.9, 32.9, 5))
    bars = ParametricPmfBars(a, lambda: Binomial(5, 0.3), 32)
    curve = DensityCurve(
        a, lambda: Normal(1.5, np.sqrt(1.05)), (-0.9, 32.9), pins=range(33), fill_opacity=0.0
    )
    ks = np.arange(6)
    gap = np.max(np.abs(stats.binom.pmf(ks, 5, 0.3) - stats.norm.pdf(ks, 1.5, np.sqrt(1.05))))
    assert max_gap_shown(bars, curve) == pytest.approx(gap, abs=1e-9)
    marker = GapMarker(bars, curve)
    assert marker.length_shown() == pytest.approx(gap, abs=1e-9)
    k = int(np.argmax(np.abs(stats.binom.pmf(ks, 5, 0.3) - stats.norm.pdf(ks, 1.5, np.sqrt(1.05)))))
    start, end = marker.get_start_and_end()
    assert a.p2c(start)[0] == pytest.approx(k) and a.p2c(end)[0] == pytest.approx(k)


def test_slide_to_moves_the_value_and_steps_whole_numbers(scene):
    slider = Slider(SliderRange(0.0, 60.0), 5.0, "n", decimals=0)
    slide = SlideTo(slider, 60.0, whole=True, run_time=1.0)
    slide._setup_scene(scene)
    slide.begin()
    for alpha in np.linspace(0, 1, 13):
        slide.interpolate(alpha)
        assert slider.value.is_integer()
    slide.finish()
    slider.update(0)
    assert slider.value_shown() == pytest.approx(60.0, abs=1e-9)
    assert slider.tracker not in scene.mobjects
    with pytest.raises(ValueError):
        SlideTo(slider, 70.0)
    with pytest.raises(ValueError):
        SlideTo(slider, 30.5, whole=True)
