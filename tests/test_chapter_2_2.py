"""2.2 Linear Equations: every checkpoint recomputed here independently (fractions, numpy,
sympy), and the readouts, knobs and lines held together at every sampled moment."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp


@pytest.fixture(scope="module")
def values(shown):
    return shown("2.2")


def line_through(m: Fraction, b: Fraction) -> tuple[Fraction, Fraction]:
    """Slope and intercept of y = m x + b recovered from two of its points (rise over run)."""
    (x0, y0), (x1, y1) = ((x, m * x + b) for x in (Fraction(-3), Fraction(5)))
    slope = (y1 - y0) / (x1 - x0)
    return slope, y0 - slope * x0


def test_the_line_starts_at_one_half_and_one(values):
    slope, intercept = line_through(Fraction(1, 2), Fraction(1))
    assert values["m_knob_at_start"] == pytest.approx(float(slope), abs=1e-6)
    assert values["b_knob_at_start"] == pytest.approx(float(intercept), abs=1e-6)
    assert values["line_at_start_slope"] == pytest.approx(0.5, abs=1e-6)
    assert values["line_at_start_intercept"] == pytest.approx(1.0, abs=1e-6)
    # the readouts as typeset, one decimal
    assert values["m_readout_at_start"] == round(float(slope), 1)
    assert values["b_readout_at_start"] == round(float(intercept), 1)


def test_rise_over_run_is_the_slope(values):
    f = np.poly1d([0.5, 1.0])  # y = x/2 + 1
    assert values["run_leg"] == pytest.approx(1.0, abs=1e-6)
    assert values["rise_leg"] == pytest.approx(f(1.0) - f(0.0), abs=1e-6)
    assert values["rise_readout"] == round(f(1.0) - f(0.0), 1)


def test_m_pivots_about_the_intercept_and_b_slides(values):
    # after m is dragged to −1 the line still passes through (0, 1): y = −x + 1
    slope, intercept = np.polyfit([0.0, 2.0], [1.0, -1.0], 1)
    assert values["line_falling_slope"] == pytest.approx(slope, abs=1e-6)
    assert values["line_falling_intercept"] == pytest.approx(intercept, abs=1e-6)
    assert values["rise_leg_falling"] == pytest.approx(slope * 1.0, abs=1e-6)
    # then b is dragged to −1 and the slope stays: y = −x − 1
    slope, intercept = np.polyfit([-1.0, 3.0], [0.0, -4.0], 1)
    assert values["line_low_intercept"] == pytest.approx(intercept, abs=1e-6)
    assert values["line_low_slope"] == pytest.approx(slope, abs=1e-6)
    assert values["b_readout_low"] == round(intercept, 1)


def test_second_line_is_x_plus_two_y_equals_eight(values):
    x, y = sp.symbols("x y")
    solved = sp.solve(sp.Eq(x + 2 * y, 8), y)[0]
    assert values["second_line_slope"] == pytest.approx(float(sp.diff(solved, x)), abs=1e-6)
    assert values["second_line_intercept"] == pytest.approx(float(solved.subs(x, 0)), abs=1e-6)
    assert values["first_triangle_hidden"] == 0
    # its own triangle: from (0, 4) one to the right, then down to (1, 7/2)
    assert values["second_line_rise_per_run"] == pytest.approx(
        float((Fraction(7, 2) - 4) / (1 - 0)), abs=1e-6
    )


def test_equal_slopes_have_no_solution(values):
    # y = −x/2 − 1 and x + 2y = 8: the coefficient matrix has rank 1, the augmented one 2
    a = np.array([[0.5, 1.0], [1.0, 2.0]])
    augmented = np.column_stack([a, [-1.0, 8.0]])
    assert np.linalg.matrix_rank(a) == 1 < np.linalg.matrix_rank(augmented) == 2
    assert values["parallel_slopes"] == pytest.approx(0.0, abs=1e-6)
    # the vertical gap (8 − x)/2 − (−x/2 − 1) at the three measured x, in fractions
    gaps = [(8 - Fraction(x)) / 2 - (-Fraction(x) / 2 - 1) for x in ("-1.5", "0.5", "2.5")]
    np.testing.assert_allclose(values["parallel_gaps"], [float(g) for g in gaps], atol=1e-6)
    assert values["crossings_when_parallel"] == 0


def test_the_lines_meet_at_the_solution(values):
    solution = np.linalg.solve(np.array([[2.0, -1.0], [1.0, 2.0]]), np.array([1.0, 8.0]))
    # the same by Cramer's rule in fractions
    det = Fraction(2 * 2 - (-1) * 1)
    exact = (Fraction(1 * 2 - 8 * (-1)) / det, Fraction(2 * 8 - 1 * 1) / det)
    np.testing.assert_allclose(solution, [float(v) for v in exact], atol=1e-12)
    np.testing.assert_allclose(values["intersection_point"], solution, atol=1e-6)
    np.testing.assert_allclose(values["guide_feet_on_axes"], solution, atol=1e-6)
    # 2x − y and x + 2y at the drawn crossing give back the right-hand sides
    np.testing.assert_allclose(
        values["left_sides_at_crossing"],
        np.array([[2.0, -1.0], [1.0, 2.0]]) @ solution,
        atol=1e-6,
    )
    assert values["x_readout_at_solution"] == round(solution[0], 1)
    assert values["y_readout_at_solution"] == round(solution[1], 1)
    # the first line at that moment is y = 2x − 1: the m knob stands at 2
    assert values["m_knob_at_solution"] == pytest.approx(2.0, abs=1e-6)


def test_readouts_follow_knobs_and_lines_at_every_sampled_moment(held):
    held(
        "2.2",
        "m readout equals its knob",
        "b readout equals its knob",
        "m readout equals the drawn slope",
        "b readout equals the drawn intercept",
        "rise readout equals the drawn rise",
        "x readout equals the crossing's x",
        "y readout equals the crossing's y",
        source="printed",
    )
    held(
        "2.2",
        "m knob equals the drawn slope",
        "intercept dot lies on the drawn line at x = 0",
        "crossing lies on the first drawn line",
        "crossing lies on the second drawn line",
        source="geometry",
    )
    held("2.2", "drawn rise over run equals the drawn slope", source="derived")
