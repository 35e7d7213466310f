"""9.1 Loss Functions: every checkpoint recomputed here with numpy and written-out formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.special import huber as scipy_huber

X = np.array([1.0, 2.5, 4.0, 5.5, 7.0])
Y = np.array([2.4, 2.6, 5.2, 4.9, 7.1])


@pytest.fixture(scope="module")
def values(shown):
    return shown("9.1")


def residuals() -> np.ndarray:
    slope, intercept = np.polyfit(X, Y, 1)
    return Y - (slope * X + intercept)


def test_fitted_line_is_least_squares(values):
    slope, intercept = np.polyfit(X, Y, 1)
    assert values["fitted_slope"] == pytest.approx(slope, abs=1e-6)
    assert values["fitted_intercept"] == pytest.approx(intercept, abs=1e-6)
    np.testing.assert_allclose(values["residuals"], residuals(), atol=1e-6)
    # the formula in the panel prints both to two decimals, correctly rounded
    assert values["formula_slope"] == pytest.approx(round(slope, 2), abs=1e-12)
    assert values["formula_intercept"] == pytest.approx(round(intercept, 2), abs=1e-12)


def test_square_area_over_n_is_the_mse(values):
    r = residuals()
    sse = float(np.sum(r**2))
    assert sse == pytest.approx(1.7230, abs=1e-4)  # 0.09 + 0.4489 + 0.5776 + 0.5041 + 0.1024
    assert values["total_square_area"] == pytest.approx(sse, abs=1e-6)
    # readouts are compared as printed: the truth rounded to their 2 decimals
    assert values["sse_readout"] == pytest.approx(round(sse, 2), abs=1e-12)
    assert values["mse_readout"] == pytest.approx(round(sse / 5, 2), abs=1e-12)
    # the squares sit on the side of their gap away from the line: it never runs inside one
    np.testing.assert_allclose(values["line_clear_of_squares"], np.zeros(5), atol=1e-9)


def test_mae_is_the_mean_segment_length(values):
    mae = float(np.mean(np.abs(residuals())))
    assert mae == pytest.approx(2.76 / 5, abs=1e-9)
    assert values["mae_readout"] == pytest.approx(round(mae, 2), abs=1e-12)


def test_outlier_dragged_out(values):
    """Point 3 dragged to 2.5 below the (unchanged) line: its square and the means."""
    slope, intercept = np.polyfit(X, Y, 1)
    r = residuals()
    r[2] = -2.5
    np.testing.assert_allclose(
        values["outlier_point"], [4.0, slope * 4 + intercept - 2.5], atol=1e-6
    )
    assert values["outlier_residual"] == pytest.approx(-2.5, abs=1e-6)
    assert values["outlier_square_area"] == pytest.approx(6.25, abs=1e-6)
    assert values["outlier_square_readout"] == pytest.approx(6.25, abs=1e-12)
    sse = float(np.sum(r**2))
    assert sse == pytest.approx(7.3954, abs=1e-9)
    assert values["outlier_sse_readout"] == pytest.approx(round(sse, 2), abs=1e-12)
    assert values["outlier_mse_readout"] == pytest.approx(round(sse / 5, 2), abs=1e-12)
    assert values["outlier_mae_readout"] == pytest.approx(round(np.mean(np.abs(r)), 2), abs=1e-12)
    others = float(np.sum(np.delete(r, 2) ** 2))
    assert values["other_squares_area"] == pytest.approx(others, abs=1e-6)
    assert 3 * others < 6.25  # "more than three times all the others put together"
    np.testing.assert_allclose(values["copies_fit_in_the_outlier_square"], np.zeros(8), atol=1e-9)
    np.testing.assert_allclose(values["line_clear_of_squares_after_drag"], np.zeros(5), atol=1e-9)


def test_mse_and_mae_curves(values):
    # the squared-error curve now reaches the outlier at -2.5 (its dot at 6.25 is on the chart)
    np.testing.assert_allclose(values["mse_curve_dots"], [6.25, 1.0, 0.25, 4.0], atol=1e-6)
    np.testing.assert_allclose(values["mae_curve_dots"], [2.5, 1.0, 0.5, 2.0], atol=1e-6)


def test_huber_with_delta_one(values):
    def huber(r, d=1.0):
        return 0.5 * r * r if abs(r) <= d else d * (abs(r) - 0.5 * d)

    expected = [huber(r) for r in (-2.5, -1.0, 0.5, 2.0)]
    assert expected == pytest.approx([2.0, 0.5, 0.125, 1.5])
    np.testing.assert_allclose(values["huber_curve_dots"], expected, atol=1e-6)
    np.testing.assert_allclose(values["huber_readouts"], expected, atol=1e-12)
    np.testing.assert_allclose(values["huber_stamps_first"], [1.5, 0.125], atol=1e-12)
    # scipy's Huber (delta first) agrees at every mark
    np.testing.assert_allclose(expected, scipy_huber(1.0, np.array([-2.5, -1.0, 0.5, 2.0])))


def test_huber_delta_boundary_is_drawn(values):
    np.testing.assert_allclose(values["delta_marks"], [-1.0, 1.0], atol=1e-6)
    # at the boundary the quadratic and the line meet: 0.5 = 1 * (1 - 0.5)
    np.testing.assert_allclose(values["probe_at_minus_delta"], [-1.0, 1.0, 1.0, 0.5], atol=1e-6)
    assert scipy_huber(1.0, -1.0) == pytest.approx(0.5)


def test_probe_reads_the_three_losses(values):
    np.testing.assert_allclose(values["probe_at_two"], [2.0, 4.0, 2.0], atol=1e-6)
    np.testing.assert_allclose(values["readouts_at_two"], [2.0, 4.0, 2.0], atol=1e-12)
    r = -2.5
    expected = [r, r**2, abs(r), float(scipy_huber(1.0, r))]
    assert expected == pytest.approx([-2.5, 6.25, 2.5, 2.0])
    np.testing.assert_allclose(values["outlier_losses"], expected, atol=1e-6)
    np.testing.assert_allclose(values["outlier_loss_readouts"], expected, atol=1e-12)


def test_huber_pieces_lit(values):
    """The quadratic piece ends on the δ lines at ½δ²; the tail climbs with slope δ (the V's)."""
    ends = np.ravel(values["huber_quadratic_ends"])  # (x, y) of both ends, flattened
    np.testing.assert_allclose(ends, [-1.0, 0.5, 1.0, 0.5], atol=1e-6)
    r = np.linspace(-3.0, -1.0, 201)
    slopes = np.gradient(scipy_huber(1.0, r), r)
    assert values["huber_tail_slope"] == pytest.approx(float(np.mean(slopes)), abs=1e-6)
    assert values["huber_tail_slope"] == pytest.approx(-1.0, abs=1e-6)


def test_binary_cross_entropy_at_marked_probabilities(values):
    ps = [0.1, 0.5, 0.9]
    np.testing.assert_allclose(values["bce_y1_dots"], [-math.log(p) for p in ps], atol=1e-6)
    # typeset to two places, as the narration says them
    np.testing.assert_allclose(values["bce_y1_readouts"], [2.30, 0.69, 0.11], atol=1e-12)
    np.testing.assert_allclose(values["bce_probe_final"], [0.1, math.log(10)], atol=1e-6)
    np.testing.assert_allclose(values["bce_y0_dots"], [-math.log(1 - p) for p in ps], atol=1e-6)


def test_every_shown_number_is_checked_or_declared(chapter_reports):
    reports = chapter_reports("9.1")
    assert not [u for r in reports for u in r.unverified]
    assert not [
        c.name for r in reports for c in r.checkpoints if c.source.startswith("refused") or not c.ok
    ]
