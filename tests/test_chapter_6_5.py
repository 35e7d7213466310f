"""6.5 Integral Calculus: every checkpoint recomputed here independently (written-out sums,
sympy integrals, scipy quad)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy import integrate


@pytest.fixture(scope="module")
def values(shown):
    return shown("6.5")


def written_out_midpoint_sum(n: int) -> float:
    h = math.pi / n
    total = 0.0
    for k in range(n):
        total += math.sin((k + 0.5) * h) * h  # height at the strip's midpoint times width
    return total


@pytest.mark.parametrize("n", [4, 8, 16, 64])
def test_drawn_rectangles_sum_to_the_midpoint_sum(values, n):
    assert values[f"midpoint_sum_n{n}"] == pytest.approx(written_out_midpoint_sum(n), abs=1e-9)


def test_sums_approach_two(values):
    x = sp.symbols("x")
    exact = float(sp.integrate(sp.sin(x), (x, 0, sp.pi)))
    assert exact == 2.0
    sums = [values[f"midpoint_sum_n{n}"] for n in (4, 8, 16, 64)]
    assert all(abs(a - exact) > abs(b - exact) for a, b in zip(sums, sums[1:]))
    assert sums[0] == pytest.approx(2.0523443, abs=1e-7)
    assert values["sum_readout_n64"] == pytest.approx(written_out_midpoint_sum(64), abs=5e-5)
    assert values["rectangle_count_n64"] == 64
    assert values["area_0_to_pi"] == pytest.approx(integrate.quad(np.sin, 0, math.pi)[0], abs=1e-4)
    assert values["area_0_to_pi_readout"] == pytest.approx(exact, abs=5e-4)


def test_signed_area_over_two_pi(values):
    x = sp.symbols("x")
    upper = float(sp.integrate(sp.sin(x), (x, 0, sp.pi)))
    lower = float(sp.integrate(sp.sin(x), (x, sp.pi, 2 * sp.pi)))
    assert (upper, lower) == (2.0, -2.0)
    assert values["area_above_0_to_2pi"] == pytest.approx(upper, abs=1e-4)
    assert values["area_below_0_to_2pi"] == pytest.approx(lower, abs=1e-4)
    assert values["area_below_readout"] == pytest.approx(lower, abs=5e-4)
    total = integrate.quad(np.sin, 0, 2 * math.pi)[0]
    assert values["signed_area_0_to_2pi"] == pytest.approx(total, abs=1e-4)
    assert values["signed_area_readout"] == pytest.approx(0.0, abs=5e-4)


@pytest.mark.parametrize("x", [1.0, 4.0])
def test_fundamental_theorem_at_marked_x(values, x):
    tag = f"x{x:g}"
    area = 1 - math.cos(x)
    assert integrate.quad(np.sin, 0, x)[0] == pytest.approx(area, abs=1e-12)
    assert values[f"A_at_{tag}"] == pytest.approx(area, abs=1e-4)
    np.testing.assert_allclose(values[f"A_traced_at_{tag}"], [x, area], atol=1e-4)
    assert values[f"A_readout_at_{tag}"] == pytest.approx(area, abs=5e-4)
    # the area's rate equals the integrand: d/dx (1 − cos x) = sin x
    t = sp.symbols("t")
    rate = float(sp.diff(1 - sp.cos(t), t).subs(t, x))
    assert values[f"A_rate_at_{tag}"] == pytest.approx(rate, abs=1e-3)
    assert values[f"f_readout_at_{tag}"] == pytest.approx(math.sin(x), abs=5e-4)
