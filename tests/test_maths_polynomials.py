"""Polynomial maths against sympy (values, roots, expansion), numpy.linalg.lstsq (fits) and
clipping worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.polynomials import (
    blend,
    clip_to_band,
    evaluate,
    fit,
    jittered_grid,
    mean_squared_error,
    noisy_samples,
    partial_sums,
    real_roots,
    sample_grid,
)

X = sp.symbols("x")


def test_evaluate_matches_sympy():
    expr = X**3 - 6 * X**2 + 11 * X - 6
    xs = np.array([-1.5, 0.0, 0.6, 2.0, 3.4, 7.25])
    expected = [float(expr.subs(X, sp.nsimplify(v))) for v in xs]
    np.testing.assert_allclose(evaluate([-6, 11, -6, 1], xs), expected, rtol=1e-12, atol=1e-12)
    assert evaluate([5.0], 3.0) == 5.0


def test_partial_sums_add_one_term_at_a_time():
    sums = partial_sums([-6, 11, -6, 1])
    exprs = [sum(sp.Integer(int(c)) * X**k for k, c in enumerate(s)) for s in sums]
    assert [sp.expand(e) for e in exprs] == [
        X**3,
        X**3 - 6 * X**2,
        X**3 - 6 * X**2 + 11 * X,
        X**3 - 6 * X**2 + 11 * X - 6,
    ]


def test_blend_pads_the_shorter_polynomial():
    np.testing.assert_allclose(blend([1.0, 2.0], [0.0, 0.0, 0.0, 4.0], 0.25), [0.75, 1.5, 0, 1])
    np.testing.assert_allclose(blend([1.0, 2.0], [3.0], 1.0), [3.0, 0.0])


@pytest.mark.parametrize(
    ("coefficients", "expected"),
    [([-6, 11, -6, 1], [1, 2, 3]), ([1, 0, 1], []), ([0, -1, 0, 1], [-1, 0, 1]), ([2.0], [])],
)
def test_real_roots_match_sympy(coefficients, expected):
    poly = sp.Poly(list(reversed(coefficients)), X)
    assert [float(r) for r in sp.real_roots(poly)] == pytest.approx(expected)
    np.testing.assert_allclose(real_roots(coefficients), expected, atol=1e-9)


def test_fits_match_lstsq_on_the_vandermonde_matrix():
    rng = np.random.default_rng(3)
    x = jittered_grid(12, 0.0, 6.0, 0.4, rng)
    y = noisy_samples(np.cos, x, 0.2, rng)
    for degree in (0, 1, 3, 5):
        f = fit(x, y, degree)
        w = np.linalg.lstsq(np.vander(x, degree + 1, increasing=True), y, rcond=None)[0]
        np.testing.assert_allclose(f.coefficients, w, rtol=1e-7, atol=1e-9)
        assert f.training_error == pytest.approx(
            np.mean((np.vander(x, degree + 1) @ w[::-1] - y) ** 2)
        )
        np.testing.assert_allclose(f.residuals, y - np.polyval(w[::-1], x), atol=1e-9)


def test_full_degree_interpolates():
    x = np.array([0.2, 1.1, 1.9, 3.3, 4.0])
    y = np.array([1.0, -2.0, 0.5, 3.0, -1.0])
    f = fit(x, y, 4)
    np.testing.assert_allclose(f.predict(x), y, atol=1e-9)
    assert f.training_error == pytest.approx(0.0, abs=1e-18)
    assert f.error_on([0.2], [2.0]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="at least 6 points"):
        fit(x, y, 5)


def test_mean_squared_error():
    assert mean_squared_error([1, 2, 3], [1, 0, 6]) == pytest.approx((0 + 4 + 9) / 3)
    with pytest.raises(ValueError):
        mean_squared_error([1, 2], [1])


def test_jittered_grid_keeps_one_point_per_cell():
    x = jittered_grid(10, 0.0, 10.0, 0.3, np.random.default_rng(14))
    cells = np.floor(x)
    np.testing.assert_array_equal(cells, np.arange(10))
    assert np.all(np.abs(x - (np.arange(10) + 0.5)) <= 0.3)
    again = np.random.default_rng(14)
    np.testing.assert_allclose(x, np.arange(10) + 0.5 + again.uniform(-0.3, 0.3, 10))


def test_sample_grid_has_no_drift_and_merges_extra_points():
    grid = sample_grid(0.0, 4.0, 0.01, extra=[0.695, 7.0])
    assert grid[0] == 0.0 and grid[-1] == 4.0
    assert 1.0 in grid and 2.0 in grid and 3.0 in grid  # exact: lo + k·step
    assert 0.695 in grid and 7.0 not in grid
    assert np.all(np.diff(grid) > 0)


def test_clip_to_band_ends_runs_on_the_edges():
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([0.0, 2.0, 4.0, 2.0, -4.0, 0.0])
    runs = clip_to_band(x, y, -3.0, 3.0)
    assert len(runs) == 3
    np.testing.assert_allclose(runs[0], [[0, 0], [1, 2], [1.5, 3]])
    np.testing.assert_allclose(runs[1], [[2.5, 3], [3, 2], [3 + 5 / 6, -3]])
    np.testing.assert_allclose(runs[2], [[4.25, -3], [5, 0]])


def test_clip_to_band_keeps_a_steep_pass_through_the_band():
    runs = clip_to_band(np.array([0.0, 1.0]), np.array([-10.0, 10.0]), -1.0, 1.0)
    assert len(runs) == 1
    np.testing.assert_allclose(runs[0], [[0.45, -1.0], [0.55, 1.0]])
