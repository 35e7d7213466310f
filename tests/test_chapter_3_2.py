"""3.2 Common Function Types: every value the lecture shows, recomputed here with scipy,
numpy, math and fractions (the scene read the probe dots and the drawn curve back through
the axes, counted the drawn dots, and read the readouts' typeset digits)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy.special import expit

PROBES = (-2, 0, 1)
#: each function by a route of its own: exact fractions where it can be, else scipy/math
TRUTH = {
    "linear": lambda x: float(Fraction(1, 2) * x + 1),
    "quadratic": lambda x: float(Fraction(x) ** 2 / 4),
    "exponential": math.exp,
    "sigmoid": lambda x: float(expit(x)),
    "tanh": lambda x: float(np.tanh(x)),
    "relu": lambda x: float(max(0, x)),
}


@pytest.fixture(scope="module")
def values(shown):
    return shown("3.2")


def test_the_bracketed_values(values):
    """σ(0) = 0.5, tanh(0) = 0, ReLU(−2) = 0: the dots through the axes, and as printed."""
    assert expit(0.0) == 0.5 and np.tanh(0.0) == 0.0 and max(0.0, -2.0) == 0.0
    assert values["sigmoid_probe_dots"][3] == pytest.approx(expit(0.0), abs=1e-9)
    assert values["tanh_probe_dots"][3] == pytest.approx(np.tanh(0.0), abs=1e-9)
    assert values["relu_probe_dots"][1] == pytest.approx(0.0, abs=1e-9)
    assert values["sigmoid_readout_at_0"] == 0.5
    assert values["tanh_readout_at_0"] == 0.0
    assert values["relu_readout_at_-2"] == 0.0


@pytest.mark.parametrize("name", list(TRUTH))
def test_every_function_at_every_probe(values, name):
    f = TRUTH[name]
    dots = np.reshape(values[f"{name}_probe_dots"], (-1, 2))
    np.testing.assert_allclose(dots, [[x, f(x)] for x in PROBES], atol=1e-9)
    for x in PROBES:
        assert values[f"{name}_readout_at_{x}"] == round(f(x), 2) + 0.0


def test_the_exponential_probe_at_one_reads_e(values):
    assert values["exponential_readout_at_1"] == 2.72 == round(math.e, 2)
    # each step of one to the right multiplies the height by e
    dots = np.reshape(values["exponential_probe_dots"], (-1, 2))
    assert dots[2, 1] / dots[1, 1] == pytest.approx(math.e, rel=1e-9)
    # and the readout of that ratio, as printed
    assert values["exponential_step_ratio_readout"] == round(math.exp(1) / math.exp(0), 2)


def test_the_three_probe_dots_are_drawn(values):
    assert values["probe_dots_drawn"] == len(PROBES)


def test_half_way_from_exp_to_the_sigmoid_the_curve_is_their_blend(values):
    halfway = [(math.exp(x) + expit(x)) / 2 for x in PROBES]
    np.testing.assert_allclose(values["halfway_exp_to_sigmoid"], halfway, atol=1e-9)
    assert values["halfway_readout_at_1"] == round(halfway[2], 2)


def test_the_sigmoid_stretched_into_tanh(values):
    # squeezed sideways by two: σ(2x); stretched up by two: 2σ(2x), which is 1 at x = 0
    np.testing.assert_allclose(
        values["squeezed_sigmoid_probes"], [expit(2 * x) for x in PROBES], atol=1e-9
    )
    assert values["stretched_sigmoid_readout_at_0"] == 2 * expit(0.0) == 1.0
    # shifted down by one, every drawn point lies on tanh, over the whole window
    drawn = np.reshape(values["stretched_sigmoid_is_tanh"], (-1, 2))
    xs, ys = drawn[:, 0], drawn[:, 1]
    assert len(drawn) == 161
    assert (xs[0], xs[-1]) == pytest.approx((-4.0, 4.0), abs=1e-9)
    np.testing.assert_allclose(ys, np.tanh(xs), atol=1e-9)
    np.testing.assert_allclose(ys, 2 * expit(2 * xs) - 1, atol=1e-9)


def test_relu_kink(values):
    assert values["relu_slope_left_of_0"] == pytest.approx(0.0, abs=1e-9)
    assert values["relu_slope_right_of_0"] == pytest.approx(1.0, abs=1e-9)
    # the one-sided difference quotients of max(0, x) at 0
    h = 1e-6
    assert (max(0.0, 0.0) - max(0.0, -h)) / h == 0.0
    assert (max(0.0, h) - max(0.0, 0.0)) / h == pytest.approx(1.0)
    assert values["slope_readout_left_of_kink"] == 0.0
    assert values["slope_readout_right_of_kink"] == 1.0
    assert values["slope_readout_far_right"] == 1.0  # the slope never fades for x > 0


def test_readouts_and_dots_hold_in_motion(held):
    held(
        "3.2",
        "dots ride the drawn curve",
        "dots keep their marked inputs",
        "tangent lies along the drawn curve",
        source="geometry",
    )
    held(
        "3.2",
        "readout at -2 shows its dot's height",
        "readout at 0 shows its dot's height",
        "readout at 1 shows its dot's height",
        "slope readout is the tangent's slope",
        source="printed",
    )
