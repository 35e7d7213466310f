"""8.1 Descriptive Statistics: every value the lecture shows, recomputed here with the
standard library's ``statistics``, numpy, scipy.stats and fractions — the ratings from their
tally as the brief gives it, the sessions from the minutes as typed."""

from __future__ import annotations

import statistics
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

#: the ratings of Arrival: one 1, two 2s, three 3s, five 4s, four 5s
RATINGS = [1] * 1 + [2] * 2 + [3] * 3 + [4] * 5 + [5] * 4
SESSIONS = [68, 24, 84, 52, 96, 36, 60, 76, 44]


def dragged(to: float) -> list[float]:
    return [*SESSIONS[:8], to]


@pytest.fixture(scope="module")
def values(shown):
    return shown("8.1")


def test_column_counts_from_the_stacks(values):
    tally = np.bincount(RATINGS, minlength=6)[1:]
    np.testing.assert_allclose(values["column_counts"], tally, atol=1e-9)
    assert values["n_readout"] == len(RATINGS) == 15


def test_mean_is_the_balance_point(values):
    exact = Fraction(sum(RATINGS), len(RATINGS))
    assert exact == Fraction(18, 5)
    assert values["mean_marker"] == pytest.approx(float(exact), abs=1e-9)
    assert values["m_readout_at_mean"] == values["mean_readout"] == 3.6
    # the signed distances from the balance point sum to zero; from 3 they sum to 9
    assert sum(Fraction(r) - exact for r in RATINGS) == 0
    assert sum(r - 3 for r in RATINGS) == 9
    assert values["deviation_sum_readout_at_3"] == 9.0
    assert values["deviation_sum_readout_at_mean"] == 0.0


def test_median_is_the_middle_of_the_sorted_row(values):
    ordered = sorted(RATINGS)
    assert values["sorted_row_digits"] == ordered
    assert values["sorted_row_length"] == 15
    assert values["middle_place_in_row"] == 8
    assert ordered[7] == float(np.median(RATINGS)) == 4
    assert values["median_marker"] == pytest.approx(4.0, abs=1e-9)
    assert values["median_readout"] == 4


def test_mode_is_the_tallest_column(values):
    mode = stats.mode(RATINGS).mode
    assert values["mode_column"] == pytest.approx(float(mode), abs=1e-9)
    assert values["mode_readout"] == mode == 4


def test_one_standard_deviation_band(values):
    sigma = float(np.std(RATINGS))  # population (ddof = 0)
    assert sigma == pytest.approx(1.2, abs=1e-12)
    mu = float(np.mean(RATINGS))
    assert values["band_half_width"] == pytest.approx(sigma, abs=1e-9)
    np.testing.assert_allclose(values["band_edges"], [mu - sigma, mu + sigma], atol=1e-9)
    assert values["sigma_readout"] == 1.2
    assert values["band_edge_labels"] == [2.4, 4.8]
    assert [round(mu - sigma, 1), round(mu + sigma, 1)] == [2.4, 4.8]
    inside = int(np.sum((np.array(RATINGS) >= mu - sigma) & (np.array(RATINGS) <= mu + sigma)))
    assert inside == 8
    assert values["tiles_in_band"] == values["tiles_left_bright"] == inside


@pytest.mark.parametrize(
    ("tag", "data"),
    [("start", SESSIONS), ("first_drag", dragged(164)), ("second_drag", dragged(314))],
)
def test_an_outlier_drags_the_mean_not_the_median(values, tag, data):
    mean, median = statistics.fmean(data), statistics.median(data)
    assert values[f"mean_line_{tag}"] == pytest.approx(mean, abs=1e-6)
    assert values[f"median_line_{tag}"] == pytest.approx(median, abs=1e-6)
    assert values[f"mean_readout_{tag}"] == round(mean)
    assert values[f"median_readout_{tag}"] == round(median)


def test_the_bracketed_numbers_of_the_narration(values):
    assert statistics.fmean(SESSIONS) == statistics.median(SESSIONS) == 60
    assert round(statistics.fmean(dragged(164))) == 73
    assert statistics.fmean(dragged(314)) == 90
    assert statistics.median(dragged(164)) == statistics.median(dragged(314)) == 68
    assert values["sessions_drawn"] == 9
    np.testing.assert_allclose(values["session_lengths"], SESSIONS, atol=1e-6)
    assert values["red_session_readout"] == 314


def test_values_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "8.1",
        "n readout counts the landed tiles",
        "m readout is the marker's value",
        "deviation readout is the drawn tiles' signed distance from the marker",
        "mean readout is the mean line's value",
        "median readout is the median line's value",
        "session readout is the red bar's length",
        source="printed",
    )
    held(
        "8.1",
        "mean line stands at the mean of the drawn bars",
        "median line stands at the median of the drawn bars",
        source="geometry",
    )
