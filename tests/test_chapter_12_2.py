"""12.2 Approximation: every checkpoint recomputed here independently (the Taylor sums written
out, sympy's series, numpy float64 forward differences)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy.optimize import minimize_scalar


@pytest.fixture(scope="module")
def values(shown):
    return shown("12.2")


WRITTEN_OUT = {
    1: 2.0,
    3: 2 - 2**3 / 6,
    5: 2 - 2**3 / 6 + 2**5 / 120,
    7: 2 - 2**3 / 6 + 2**5 / 120 - 2**7 / 5040,
}


@pytest.mark.parametrize("degree", [1, 3, 5, 7])
def test_drawn_polynomial_at_two(values, degree):
    x = sp.symbols("x")
    series = float(sp.series(sp.sin(x), x, 0, degree + 1).removeO().subs(x, 2))
    assert series == pytest.approx(WRITTEN_OUT[degree], abs=1e-12)
    assert values[f"p{degree}_at_2"] == pytest.approx(WRITTEN_OUT[degree], abs=1e-9)
    # the readouts print four decimals: the values rounded
    assert values[f"error_p{degree}_at_2_readout"] == pytest.approx(
        round(abs(WRITTEN_OUT[degree] - math.sin(2)), 4), abs=1e-12
    )
    assert values[f"p{degree}_at_2_readout"] == pytest.approx(round(series, 4), abs=1e-12)


def test_error_at_two_shrinks(values):
    errors = [values[f"error_p{d}_at_2_readout"] for d in (1, 3, 5, 7)]
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] < 2e-3
    assert values["sin_at_2_drawn"] == pytest.approx(np.sin(2.0), abs=1e-9)
    assert values["sin_at_2_readout"] == pytest.approx(0.9093, abs=1e-12)


def test_in_motion(chapter_reports):
    checks = {c.name: c for r in chapter_reports("12.2") for c in r.checkpoints}
    for name in (
        "line_behind_its_points",
        "dot_rides_polynomial",
        "p_readout_reads_polynomial",
        "error_readout_reads_gap",
        "probe_on_the_drawn_curve",
        "h_readout_reads_the_probe",
        "error_readout_reads_the_probe",
    ):
        assert checks[f"invariant:{name}"].ok, checks[f"invariant:{name}"].source
    assert not [c.name for c in checks.values() if c.source.startswith("refused")]


def test_forward_difference_error_curve(values):
    hs = np.array([float(f"1e-{k}") for k in range(1, 16)])  # the literals 1e-1 … 1e-15
    errors = np.abs((np.sin(1.0 + hs) - np.sin(1.0)) / hs - np.cos(1.0))
    np.testing.assert_allclose(values["log10_steps_drawn"], np.log10(hs), atol=1e-9)
    np.testing.assert_allclose(values["log10_errors_drawn"], np.log10(errors), atol=1e-9)


def test_minimum_near_1e_8(values):
    hs = np.array([float(f"1e-{k}") for k in range(1, 16)])  # the literals 1e-1 … 1e-15
    errors = np.abs((np.sin(1.0 + hs) - np.sin(1.0)) / hs - np.cos(1.0))
    h_min = hs[np.argmin(errors)]
    assert 1e-9 <= values["h_min_drawn"] <= 1e-7
    assert values["h_min_drawn"] == pytest.approx(h_min, rel=1e-9)
    assert values["error_min_drawn"] == pytest.approx(errors.min(), rel=1e-9)
    # the probe's readouts print one decimal
    assert values["log10_h_min_readout"] == pytest.approx(round(np.log10(h_min), 1), abs=1e-12)
    assert values["log10_error_min_readout"] == pytest.approx(
        round(np.log10(errors.min()), 1), abs=1e-12
    )


def test_gap_drawn_at_two(values):
    assert values["gap_drawn_at_2"] == pytest.approx(2.0 - np.sin(2.0), abs=1e-3)


def test_degree_seven_parts_from_sine_at_the_edge(values):
    x = sp.Integer(4)
    p7 = sum((-1) ** k * x ** (2 * k + 1) / sp.factorial(2 * k + 1) for k in range(4))
    gap = abs(float(p7) - np.sin(4.0))
    assert values["p7_parts_at_4"] == pytest.approx(gap, abs=1e-6)
    assert gap > 0.5  # visibly apart: the narration says so


@pytest.mark.parametrize(("stop", "h"), [("first_stop", 1e-4), ("last", 1e-15), ("min", 1e-8)])
def test_probe_readouts_at_its_stops(values, stop, h):
    error = abs((np.sin(np.float64(1.0) + h) - np.sin(np.float64(1.0))) / h - np.cos(1.0))
    h_name = "log10_h_min_readout" if stop == "min" else f"log10_h_probe_{stop}"
    e_name = "log10_error_min_readout" if stop == "min" else f"log10_error_probe_{stop}"
    assert values[h_name] == pytest.approx(round(np.log10(h), 1), abs=1e-12)
    assert values[e_name] == pytest.approx(round(float(np.log10(error)), 1), abs=1e-12)


def test_reference_lines(values):
    eps = np.finfo(np.float64).eps
    slope, height = values["truncation_line_slope_and_height_at_1e-4"]
    assert slope == pytest.approx(1.0, abs=1e-6)
    # the first dropped Taylor term: h/2 · |f''(1)| = h/2 · sin 1
    assert height == pytest.approx(np.log10(1e-4 * np.sin(1.0) / 2), abs=1e-6)
    # and the measured error at 1e-4 lies on it
    measured = abs((np.sin(1.0 + 1e-4) - np.sin(1.0)) / 1e-4 - np.cos(1.0))
    assert np.log10(measured) == pytest.approx(height, abs=1e-3)
    slope, height = values["roundoff_line_slope_and_height_at_1e-12"]
    assert slope == pytest.approx(-1.0, abs=1e-6)
    assert height == pytest.approx(np.log10(eps / 1e-12), abs=1e-6)


def test_v_bottom_near_root_epsilon(values):
    eps = np.finfo(np.float64).eps

    def total(log_h):
        h = 10.0**log_h
        return h * np.sin(1.0) / 2 + eps / h

    best = minimize_scalar(total, bounds=(-12, -4), method="bounded", options={"xatol": 1e-8})
    assert values["log10_h_at_v_bottom"] == pytest.approx(best.x, abs=0.01)
    marked = values["v_bottom_marked"]
    assert marked[0] == pytest.approx(best.x, abs=0.01)
    assert marked[1] == pytest.approx(np.log10(best.fun), abs=0.01)
    # near the square root of machine epsilon, about 1e-8
    assert abs(best.x - np.log10(np.sqrt(eps))) < 0.5
