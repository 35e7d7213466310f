"""6.2 Derivatives: every checkpoint recomputed here with sympy (derivatives, critical points)
and written-out formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

x = sp.symbols("x", real=True)
WELL = x**3 / 3 - x
CUBE = x**3
CHAIN = sp.sin(x**2)


@pytest.fixture(scope="module")
def values(shown):
    return shown("6.2")


def d(expr: sp.Expr, at: float) -> float:
    return float(sp.diff(expr, x).subs(x, at))


def assert_tracer(values, tag: str, expr: sp.Expr, at: float) -> None:
    slope = d(expr, at)
    assert values[f"{tag}_tangent_slope_x={at:g}"] == pytest.approx(slope, abs=1e-6)
    np.testing.assert_allclose(values[f"{tag}_tracer_x={at:g}"], [at, slope], atol=1e-6)
    # printed: the digits are the sympy value rounded to the places shown
    assert values[f"{tag}_slope_readout_x={at:g}"] == round(slope, 3) + 0.0
    assert values[f"{tag}_x_readout_x={at:g}"] == round(at, 2) + 0.0


@pytest.mark.parametrize(
    ("at", "hand"), [(-2.0, 3.0), (0.0, -1.0), (2.0, 3.0), (-1.0, 0.0), (1.0, 0.0)]
)
def test_tangent_of_the_well_traces_x_squared_minus_one(values, at, hand):
    assert d(WELL, at) == pytest.approx(hand)  # f'(x) = x² - 1 by hand
    assert_tracer(values, "well", WELL, at)


@pytest.mark.parametrize("at", [-1.5, 0.5])
def test_the_trail_is_the_derivative_curve(values, at):
    assert values[f"well_trail_x={at:g}"] == pytest.approx(at * at - 1, abs=1e-3)


def test_critical_points_are_a_peak_and_a_valley(values):
    crit = sorted(float(r) for r in sp.solve(sp.diff(WELL, x), x))
    assert crit == [-1.0, 1.0]
    second = [float(sp.diff(WELL, x, 2).subs(x, c)) for c in crit]
    assert second[0] < 0 < second[1]  # maximum, then minimum
    np.testing.assert_allclose(values["well_peak_point"], [-1, 2 / 3], atol=1e-6)
    np.testing.assert_allclose(values["well_valley_point"], [1, -2 / 3], atol=1e-6)


def test_x_cubed_is_flat_at_zero_without_an_extremum(values):
    for at in (1.5, 0.0):
        assert_tracer(values, "cube", CUBE, at)
    assert values["cube_tangent_slope_x=0"] == pytest.approx(0.0, abs=1e-6)
    left, right = values["cube_trail_both_sides_of_0"]
    assert left == pytest.approx(3 * 0.25, abs=1e-3)
    assert right == pytest.approx(3 * 0.25, abs=1e-3)
    # positive slope on both sides: x³ rises through 0, so 0 is no extremum
    assert left > 0 and right > 0
    assert sp.solve(sp.diff(CUBE, x), x) == [0]
    assert sp.diff(CUBE, x, 2).subs(x, 0) == 0


@pytest.mark.parametrize("at", [1.0, 2.0])
def test_chain_rule_rates_multiply(values, at):
    u = sp.symbols("u")
    inner = float(sp.diff(x**2, x).subs(x, at))
    outer = float(sp.diff(sp.sin(u), u).subs(u, at**2))
    tag = f"x={at:g}"
    assert values[f"chain_inner_rate_readout_{tag}"] == round(2 * at, 3)
    assert values[f"chain_outer_rate_readout_{tag}"] == round(math.cos(at * at), 3)
    assert values[f"chain_product_readout_{tag}"] == round(inner * outer, 3)
    assert values[f"chain_product_readout_{tag}"] == round(d(CHAIN, at), 3)
    assert_tracer(values, "chain", CHAIN, at)


def test_chain_product_is_the_drawn_slope(values):
    assert values["chain_product_readout_equals_drawn_slope"] == round(2 * math.cos(1.0), 3)


def test_readouts_follow_the_tangent_at_every_sampled_moment(chapter_reports):
    """Driven by the tangent alone, the rates never disagree: at every sampled moment the
    product shown is the product of the factors and the drawn slope (no 1.050 beside
    2.000 × 0.540), and x and the slope are the tangent's."""
    results = {c.name: c for r in chapter_reports("6.2") for c in r.checkpoints}
    names = [
        f"{tag}: {what}"
        for tag in ("well", "cube", "chain")
        for what in (
            "x readout equals the tangent point's x",
            "slope readout equals the drawn tangent's slope",
            "slope readout is f′ at the tangent point",
        )
    ]
    names += [
        "du/dx readout is 2x at the tangent point",
        "dy/du readout is cos(x²) at the tangent point",
        "dy/dx readout equals the drawn tangent's slope",
        "dy/dx readout is the product of the factors' values",
    ]
    for name in names:
        result = results[f"invariant:{name}"]
        assert result.ok, f"{name}: {result.source}"
        assert result.source.startswith("printed")
    # the last moment seen: the tangent at x = 2, dy/dx = 2·2·cos 4
    assert results["invariant:dy/dx readout is the product of the factors' values"].shown == round(
        4 * math.cos(4.0), 3
    )


@pytest.mark.parametrize("at", [-1.5, 1.5])
def test_chain_trail_is_two_x_cos_x_squared(values, at):
    assert values[f"chain_trail_x={at:g}"] == pytest.approx(d(CHAIN, at), abs=1e-3)
