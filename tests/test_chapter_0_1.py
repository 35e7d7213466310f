"""0.1 Mathematical Language: every value the lecture shows, recomputed here with numpy,
math.fsum, fractions and sympy (the scene used fractions and the unrolled loops), and the
readouts held equal to the drawing at every sampled moment."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import accumulate

import numpy as np
import pytest
import sympy as sp

Y = np.array([3.0, 5.0, 7.0])
Y_HAT = np.array([2.5, 5.0, 8.0])
CLICK = (sp.Rational(9, 10), sp.Rational(1, 2), sp.Rational(4, 5))
CANDIDATES = {"A": [4.0, 5.0, 6.0], "B": [2.5, 5.0, 8.0], "C": [2.0, 4.0, 6.0]}
CENT = 5e-3  # numbers shown with two decimals


@pytest.fixture(scope="module")
def values(shown):
    return shown("0.1")


def test_data_are_drawn_where_the_brief_puts_them(values):
    np.testing.assert_allclose(values["rating_dots"], Y, atol=1e-9)
    np.testing.assert_allclose(values["prediction_rings"], Y_HAT, atol=1e-9)


@pytest.mark.parametrize("i", [0, 1, 2])
def test_each_residual_runs_from_prediction_to_rating(values, i):
    np.testing.assert_allclose(values[f"residual_{i + 1}_ends"], [Y_HAT[i], Y[i]], atol=1e-9)
    assert values[f"residual_{i + 1}"] == pytest.approx(Y[i] - Y_HAT[i], abs=1e-9)


@pytest.mark.parametrize("i", [0, 2])  # pass two has no square: its error is zero
def test_each_square_has_the_residual_as_side_and_its_square_as_area(values, i):
    side = abs(Y[i] - Y_HAT[i])
    np.testing.assert_allclose(values[f"square_{i + 1}_sides"], [side, side], atol=1e-9)
    assert values[f"square_{i + 1}_area"] == pytest.approx(side**2, abs=1e-9)


def test_the_running_total_after_each_pass(values):
    errors = [(Fraction(str(a)) - Fraction(str(b))) ** 2 for a, b in zip(Y, Y_HAT, strict=True)]
    running = list(accumulate(errors))
    assert [float(r) for r in running] == [0.25, 0.25, 1.25]
    assert values["total_at_start"] == 0.0
    for i, total in enumerate(running):
        assert values[f"bar_after_pass_{i + 1}"] == pytest.approx(float(total), abs=1e-9)
        assert values[f"total_after_pass_{i + 1}"] == pytest.approx(float(total), abs=CENT)
        # the term as written in the unrolled sum: exact for these short decimals
        assert values[f"term_{i + 1}_written"] == float(errors[i])


def test_sum_of_squared_errors_is_one_and_a_quarter(values):
    sse = math.fsum((a - b) ** 2 for a, b in zip(Y, Y_HAT, strict=True))
    assert sse == float(np.sum((Y - Y_HAT) ** 2)) == 1.25
    assert values["sse_written"] == sse
    assert values["sse_bar"] == pytest.approx(sse, abs=1e-9)
    # one block per non-zero squared error stands in the bar
    assert values["blocks_stacked"] == int(np.count_nonzero(Y - Y_HAT))


def test_product_of_click_chances(values):
    np.testing.assert_allclose(values["click_chances_written"], [0.9, 0.5, 0.8], atol=1e-12)
    np.testing.assert_allclose(values["click_bars"], [0.9, 0.5, 0.8], atol=1e-9)
    assert values["chance_at_start"] == 1.0
    i = sp.symbols("i", integer=True)
    p = sp.IndexedBase("p")
    for n in range(1, 4):
        exact = sp.Product(p[i], (i, 1, n)).doit().subs({p[k + 1]: CLICK[k] for k in range(3)})
        assert values[f"chance_bar_after_pass_{n}"] == pytest.approx(float(exact), abs=1e-9)
        assert values[f"chance_after_pass_{n}"] == pytest.approx(float(exact), abs=CENT)
        assert values[f"factor_{n}_written"] == float(CLICK[n - 1])
    assert values["product_written"] == pytest.approx(0.36, abs=1e-12)


def test_argmin_lands_on_the_model_with_the_smallest_loss(values):
    sse = {k: float(np.sum((Y - np.array(v)) ** 2)) for k, v in CANDIDATES.items()}
    assert sse == {"A": 2.0, "B": 1.25, "C": 3.0}
    losses = list(sse.values())
    np.testing.assert_allclose(values["candidate_sse_written"], losses, atol=1e-12)
    np.testing.assert_allclose(values["candidate_bars"], losses, atol=1e-9)
    for k in range(3):
        best = int(np.argmin(losses[: k + 1]))
        assert values[f"marker_after_pass_{k + 1}"] == best
        assert values[f"level_after_pass_{k + 1}"] == pytest.approx(losses[best], abs=1e-9)
        assert values[f"low_after_pass_{k + 1}"] == pytest.approx(losses[best], abs=CENT)
    assert values["argmin_marker"] == int(np.argmin(losses)) == list(sse).index("B")
    assert values["min_written"] == min(losses)


def test_readouts_follow_the_drawing_at_every_sampled_moment(held):
    held(
        "0.1",
        "total readout is the bar's height",
        "formula's i is the highlighted movie",
        "code's i counts from zero",
        "chance readout is the bar's height",
        "formula's i is the visited user",
        "code's i is the visited user, from zero",
        "low readout is the bar under the marker",
        source="printed",
    )
