"""9.1 Loss Functions: every checkpoint recomputed here with numpy and written-out formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest

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
    # readouts are compared as printed: the truth rounded to their 3 decimals
    assert values["sse_readout"] == pytest.approx(round(sse, 3), abs=1e-12)
    assert values["mse_readout"] == pytest.approx(round(sse / 5, 3), abs=1e-12)


def test_mae_is_the_mean_segment_length(values):
    mae = float(np.mean(np.abs(residuals())))
    assert mae == pytest.approx(2.76 / 5, abs=1e-9)
    assert values["mae_readout"] == pytest.approx(round(mae, 3), abs=1e-12)


def test_mse_and_mae_curves(values):
    np.testing.assert_allclose(values["mse_curve_dots"], [1.0, 0.25, 4.0], atol=1e-6)
    np.testing.assert_allclose(values["mae_curve_dots"], [2.5, 1.0, 0.5, 2.0], atol=1e-6)


def test_huber_with_delta_one(values):
    def huber(r, d=1.0):
        return 0.5 * r * r if abs(r) <= d else d * (abs(r) - 0.5 * d)

    expected = [huber(r) for r in (-2.5, -1.0, 0.5, 2.0)]
    assert expected == pytest.approx([2.0, 0.5, 0.125, 1.5])
    np.testing.assert_allclose(values["huber_curve_dots"], expected, atol=1e-6)
    np.testing.assert_allclose(values["huber_readouts"], expected, atol=1e-12)


def test_binary_cross_entropy_at_marked_probabilities(values):
    ps = [0.1, 0.5, 0.9]
    np.testing.assert_allclose(values["bce_y1_dots"], [-math.log(p) for p in ps], atol=1e-6)
    np.testing.assert_allclose(values["bce_y1_readouts"], [2.303, 0.693, 0.105], atol=1e-12)
    np.testing.assert_allclose(values["bce_y0_dots"], [-math.log(1 - p) for p in ps], atol=1e-6)


def test_every_shown_number_is_checked_or_declared(chapter_reports):
    reports = chapter_reports("9.1")
    assert not [u for r in reports for u in r.unverified]
    assert not [
        c.name for r in reports for c in r.checkpoints if c.source.startswith("refused") or not c.ok
    ]
