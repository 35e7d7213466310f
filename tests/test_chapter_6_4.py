"""6.4 Optimization: every checkpoint recomputed here, by written-out loops, numpy and sympy."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

LRS = (0.01, 0.4, 1.1)


def run_loop(lr: float, steps: int, x: float = 1.0) -> float:
    for _ in range(steps):
        x = x - lr * 2 * x          # f = x², f'(x) = 2x
    return x


def test_multipliers(shown):
    values = shown("6.4")
    for name, lr in zip(("crawl", "converge", "diverge"), LRS):
        assert values[f"multiplier_{name}"] == pytest.approx(1 - 2 * lr, abs=5e-3)
    assert values["multiplier_diverge"] == pytest.approx(-1.2, abs=5e-3)


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
    assert 0.8 < x6[0] < 1.0             # crawling: barely moved
    assert abs(x6[1]) < 1e-3             # converging: at the bottom
    assert abs(x6[2]) > 2.9              # diverging: further out than it started
    assert values["step_counters_after_3"] == [3, 3, 3]
    np.testing.assert_allclose(values["abs_x_readouts_after_6"],
                               [abs(run_loop(lr, 6)) for lr in LRS], atol=5e-4)


def test_diverging_growth(shown):
    values = shown("6.4")
    assert values["diverging_growth_ratio"] == pytest.approx(abs(1 - 2 * 1.1), abs=1e-6)
    assert values["diverging_growth_ratio"] == pytest.approx(1.2, abs=1e-6)
    assert values["diverging_height_after_6"] == pytest.approx(1.2**12, abs=1e-6)


@pytest.mark.parametrize("name, f", [("minimum", lambda x, y: x**2 + y**2),
                                     ("maximum", lambda x, y: -x**2 - y**2),
                                     ("saddle", lambda x, y: x**2 - y**2)])
def test_hessian_eigenvalues_and_signs(shown, name, f):
    values = shown("6.4")
    x, y = sp.symbols("x y")
    hessian = np.array(sp.hessian(f(x, y), (x, y)).tolist(), dtype=float)
    eigenvalues, eigenvectors = np.linalg.eigh(hessian)
    np.testing.assert_allclose(values[f"eigenvalues_{name}"], eigenvalues, atol=1e-9)
    np.testing.assert_allclose(np.reshape(values[f"eigen_directions_{name}"], (2, 2)),
                               np.abs(eigenvectors.T),
                               atol=1e-6)
    assert values[f"signs_{name}"] == list(np.sign(eigenvalues).astype(int))
    assert values[f"verdict_is_{name}"] == 1.0


def test_the_three_kinds_have_the_expected_sign_patterns(shown):
    values = shown("6.4")
    assert values["signs_minimum"] == [1, 1]
    assert values["signs_maximum"] == [-1, -1]
    assert sorted(values["signs_saddle"]) == [-1, 1]
