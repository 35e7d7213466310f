"""6.4 Optimization: every checkpoint recomputed here, by written-out loops, the closed-form
eigen-decomposition of a symmetric 2 × 2 matrix, sympy, and numpy's ``eigvalsh`` for the order
the eigenvalues are typeset in (smallest first)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

LRS = (0.01, 0.4, 1.1)


def run_loop(lr: float, steps: int, x: float = 1.0) -> float:
    for _ in range(steps):
        x = x - lr * 2 * x  # f = x², f'(x) = 2x
    return x


def test_multipliers(shown):
    values = shown("6.4")
    for name, lr in zip(("crawl", "converge", "diverge"), LRS, strict=True):
        one_step = run_loop(lr, 1)  # x₁ / x₀ with x₀ = 1
        assert values[f"multiplier_{name}"] == round(one_step, 2)
        assert values[f"multiplier_{name}_is_the_drawn_step"] == round(one_step, 2)
    assert values["multiplier_diverge"] == -1.2


@pytest.mark.parametrize("k", [3, 6])
def test_iterates_against_the_update_and_the_closed_form(shown, k):
    values = shown("6.4")
    looped = [run_loop(lr, k) for lr in LRS]
    closed = [(1 - 2 * lr) ** k for lr in LRS]
    np.testing.assert_allclose(values[f"x_after_{k}_steps"], looped, atol=1e-6)
    np.testing.assert_allclose(values[f"x_after_{k}_steps"], closed, atol=1e-6)


def test_regimes_are_visible(shown):
    values = shown("6.4")
    x6 = np.asarray(values["x_after_6_steps"])
    assert 0.8 < x6[0] < 1.0  # crawling: barely moved
    assert abs(x6[1]) < 1e-3  # converging: at the bottom
    assert abs(x6[2]) > 2.9  # diverging: further out than it started
    assert values["step_counters_at_start"] == [0, 0, 0]
    assert values["step_counters_after_3"] == [3, 3, 3]
    assert values["step_counters_after_6"] == [6, 6, 6]
    # printed with 3, 4 and 3 decimals: the converging ball's 0.000064 still reads 0.0001
    for k in (3, 6):
        assert values[f"abs_x_readouts_after_{k}"] == [
            round(abs(run_loop(lr, k)), places) for lr, places in zip(LRS, (3, 4, 3), strict=True)
        ]
    assert values["abs_x_readouts_after_6"][1] == 0.0001


def test_diverging_growth(shown):
    values = shown("6.4")
    assert values["diverging_growth_ratio"] == pytest.approx(abs(1 - 2 * 1.1), abs=1e-6)
    assert values["diverging_growth_ratio"] == pytest.approx(1.2, abs=1e-6)
    assert values["diverging_height_after_6"] == pytest.approx(1.2**12, abs=1e-6)


def symmetric_eigen(m: np.ndarray) -> tuple[list[float], list[list[float]]]:
    """Eigenvalues (ascending) and unit eigenvectors (rows) of a symmetric 2 × 2 matrix in
    closed form: λ = (a + d)/2 ∓ √(((a − d)/2)² + b²), v = (b, λ − a) (axis vectors if b = 0)."""
    a, b, d = m[0, 0], m[0, 1], m[1, 1]
    mean, radius = (a + d) / 2, math.hypot((a - d) / 2, b)
    values = [mean - radius, mean + radius]
    if b == 0:
        vectors = [[1.0, 0.0], [0.0, 1.0]] if a <= d else [[0.0, 1.0], [1.0, 0.0]]
    else:
        vectors = [list(np.array([b, lam - a]) / math.hypot(b, lam - a)) for lam in values]
    return values, vectors


@pytest.mark.parametrize(
    ("name", "f", "verdict"),
    [
        ("minimum", lambda x, y: x**2 + y**2, 1),
        ("maximum", lambda x, y: -(x**2) - y**2, -1),
        ("saddle", lambda x, y: x**2 - y**2, 0),
    ],
)
def test_hessian_eigenvalues_and_signs(shown, name, f, verdict):
    values = shown("6.4")
    x, y = sp.symbols("x y")
    hessian = sp.hessian(f(x, y), (x, y))
    eigenvalues, eigenvectors = symmetric_eigen(np.array(hessian.tolist(), dtype=float))
    # the characteristic polynomial's roots agree with the closed form
    lam = sp.symbols("lam")
    roots = sorted(float(r) for r in sp.Poly((hessian - lam * sp.eye(2)).det(), lam).all_roots())
    assert roots == pytest.approx(eigenvalues)
    np.testing.assert_allclose(values[f"eigenvalues_{name}"], eigenvalues, atol=1e-9)
    # typeset smallest first, the order numpy's eigvalsh returns (the saddle: -2 then 2)
    hessian_np = np.array(hessian.tolist(), dtype=float)
    np.testing.assert_allclose(values[f"eigenvalues_{name}"], np.linalg.eigvalsh(hessian_np))
    np.testing.assert_allclose(
        np.reshape(values[f"eigen_directions_{name}"], (2, 2)), np.abs(eigenvectors), atol=1e-6
    )
    assert values[f"signs_{name}"] == [int(np.sign(v)) for v in eigenvalues]
    assert values[f"verdict_is_{name}"] == verdict  # +1 minimum, −1 maximum, 0 saddle


def test_the_drawn_balls_match_their_readouts_in_motion(chapter_reports):
    results = {c.name: c for r in chapter_reports("6.4") for c in r.checkpoints}
    result = results["invariant:|x| readouts equal the balls' distances"]
    assert result.ok, result.source
    assert result.source.startswith("printed")
    assert results["verdict_is_saddle"].source.startswith("printed")


def test_the_three_kinds_have_the_expected_sign_patterns(shown):
    values = shown("6.4")
    assert values["signs_minimum"] == [1, 1]
    assert values["signs_maximum"] == [-1, -1]
    assert sorted(values["signs_saddle"]) == [-1, 1]


EXTENT = 1.3
SURFACE_F = {
    "minimum": lambda x, y: x * x + y * y,
    "maximum": lambda x, y: -x * x - y * y,
    "saddle": lambda x, y: x * x - y * y,
}


@pytest.mark.parametrize("name", ["minimum", "maximum", "saddle"])
def test_each_surface_spans_its_heights_over_the_square(shown, name):
    """The drawn surface's lowest and highest point: a fine grid over the square."""
    values = shown("6.4")
    grid = np.linspace(-EXTENT, EXTENT, 261)
    xx, yy = np.meshgrid(grid, grid)
    heights = SURFACE_F[name](xx, yy)
    np.testing.assert_allclose(
        values[f"surface_height_range_{name}"], [heights.min(), heights.max()], atol=1e-6
    )


def test_the_balls_roll_where_the_surfaces_send_them(shown):
    values = shown("6.4")
    # the bowl's ball rests where both partial derivatives vanish: (0, 0), height 0
    np.testing.assert_allclose(values["bowl_ball_at_rest"], [0.0, 0.0, 0.0], atol=1e-6)
    assert values["bowl_height_readout"] == 0.0
    # the dome's ball ends lower than it started, off the top
    x, y, z = values["dome_ball_off"]
    assert (x, y) == pytest.approx((1.15, 0.8), abs=1e-6)
    assert z == pytest.approx(-(1.15**2) - 0.8**2, abs=1e-6)
    assert values["dome_height_readout"] == round(-(1.15**2) - 0.8**2, 1)
    # the saddle's ball passes the saddle point, then falls off along y and climbs back
    np.testing.assert_allclose(values["saddle_ball_at_centre"], [0.0, 0.0, 0.0], atol=1e-6)
    assert values["saddle_height_readout"] == round(-(1.25**2), 1)
    np.testing.assert_allclose(
        values["saddle_ball_back_up_the_valley"], [1.25, 0.0, 1.25**2], atol=1e-6
    )


def test_the_height_readouts_follow_their_balls(chapter_reports):
    results = {c.name: c for r in chapter_reports("6.4") for c in r.checkpoints}
    for name in ("minimum", "maximum", "saddle"):
        for what in ("equals its ball's height", "is f at its ball's input"):
            result = results[f"invariant:{name} height readout {what}"]
            assert result.ok, result.source
            assert result.source.startswith("printed")
