"""SummaryHistogram primitives: tiles fall into their stacks, markers stand where they are put, the
band opens about its centre, and the duration bars' mean and median lines follow a dragged
bar at every moment. Expected values here come from numpy and the standard library."""

from __future__ import annotations

import statistics

import numpy as np
import pytest
from animation_helpers import run

from mathviz.primitives.histogram import DurationBars, SummaryHistogram

ARRIVALS = [4, 5, 1, 4, 3, 2, 4, 5, 3, 4, 5, 2, 3, 4, 5]
SESSIONS = (68.0, 24.0, 84.0, 52.0, 96.0, 36.0, 60.0, 76.0, 44.0)


def test_tiles_land_in_their_columns(scene):
    hist = SummaryHistogram(ARRIVALS)
    assert hist.landed_shown() == 0
    anim = hist.drop_in(run_time=4.0)
    anim._setup_scene(scene)
    anim.begin()
    landed = []
    for alpha in np.linspace(0, 1, 9):
        anim.interpolate(alpha)
        landed.append(int(hist.landed_shown()))
    anim.finish()
    assert landed == sorted(landed) and landed[0] == 0 and landed[-1] == len(ARRIVALS)
    np.testing.assert_allclose(
        hist.counts_shown(), [ARRIVALS.count(c) for c in range(1, 6)], atol=1e-9
    )
    assert hist.tallest_column_shown() == pytest.approx(statistics.mode(ARRIVALS))
    assert sorted(hist.tile_values_shown().round().astype(int).tolist()) == sorted(ARRIVALS)


def test_marker_slides_and_reads_back(scene):
    hist = SummaryHistogram(ARRIVALS)
    marker = hist.marker(3.0, "mean", color="#FFFFFF")
    assert marker.value_shown() == pytest.approx(3.0, abs=1e-9)
    run(scene, marker.slide_to(3.6))
    assert marker.value_shown() == pytest.approx(3.6, abs=1e-9)


def test_band_half_width_and_tiles_inside(scene):
    hist = SummaryHistogram(ARRIVALS)
    run(scene, hist.drop_in())
    mu, sigma = statistics.fmean(ARRIVALS), statistics.pstdev(ARRIVALS)
    run(scene, hist.grow_band(mu, sigma, color="#B48EAD"))
    np.testing.assert_allclose(hist.band_edges_shown(), [mu - sigma, mu + sigma], atol=1e-9)
    assert hist.band_half_width_shown() == pytest.approx(sigma, abs=1e-9)
    inside = sum(1 for v in ARRIVALS if mu - sigma <= v <= mu + sigma)
    assert hist.tiles_in_band_shown() == inside
    run(scene, hist.dim_outside_band())
    assert hist.bright_tiles_shown() == inside


def test_sorted_row_has_the_median_in_the_middle():
    row = SummaryHistogram(ARRIVALS).sorted_row()
    assert row.count_shown() == len(ARRIVALS)
    assert list(row.digits_shown()) == sorted(ARRIVALS)
    assert row.position_of_middle_shown() == 8
    assert float(row.digits_shown()[row.middle]) == statistics.median(ARRIVALS)


def test_mean_and_median_lines_follow_a_dragged_bar(scene):
    bars = DurationBars(SESSIONS, (0, 330, 30), labelled=(0, 150, 300))
    run(scene, bars.create())
    assert bars.bars_shown() == len(SESSIONS)
    np.testing.assert_allclose(bars.lengths_shown(), SESSIONS, atol=1e-9)
    anim = bars.drag(8, 314.0)
    anim._setup_scene(scene)
    anim.begin()
    for alpha in np.linspace(0, 1, 13):
        anim.interpolate(alpha)
        drawn = np.asarray(bars.lengths_shown())
        assert bars.mean_marker.value_shown() == pytest.approx(np.mean(drawn), abs=1e-6)
        assert bars.median_marker.value_shown() == pytest.approx(np.median(drawn), abs=1e-6)
    anim.finish()
    final = [*SESSIONS[:8], 314.0]
    assert bars.mean_marker.value_shown() == pytest.approx(np.mean(final), abs=1e-6)
    assert bars.median_marker.value_shown() == pytest.approx(np.median(final), abs=1e-6)
