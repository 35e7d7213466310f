"""12.2 Approximation: every checkpoint recomputed here independently (the Taylor sums written
out, sympy's series, numpy float64 forward differences)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp


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
    assert values["log10_h_min_readout"] == pytest.approx(round(np.log10(h_min), 2), abs=1e-12)
    assert values["log10_error_min_readout"] == pytest.approx(
        round(np.log10(errors.min()), 2), abs=1e-12
    )
