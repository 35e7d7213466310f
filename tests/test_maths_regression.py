"""The regression model: design matrix, exact normal equations, the MSE landscape and its
gradient, and descent on (w, b) — each checked against numpy, sympy or a plain loop."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.regression import (
    MseLandscape,
    descend,
    design_matrix,
    line_mse,
    normal_equations,
    point_along,
    rating_pairs,
)

X = np.array([4.0, 5.0, 2.0, 1.0, 5.0, 2.0])
Y = np.array([5.0, 4.0, 1.0, 2.0, 5.0, 3.0])


def test_rating_pairs_are_the_table_columns():
    pairs = rating_pairs("Arrival", "Alien")
    np.testing.assert_array_equal(pairs.x, X)
    np.testing.assert_array_equal(pairs.y, Y)
    assert len(pairs) == 6 and pairs.users[0] == "Ana"
    with pytest.raises(KeyError):
        rating_pairs("Arrival", "Jaws")


def test_design_matrix_has_a_column_of_ones():
    np.testing.assert_array_equal(design_matrix([1, 2]), [[1.0, 1.0], [2.0, 1.0]])


def test_normal_equations_are_xtx_and_xty_and_solve_like_lstsq():
    system = normal_equations(X, Y)
    design = np.column_stack([X, np.ones(6)])
    np.testing.assert_array_equal(np.array(system.gram, dtype=float), design.T @ design)
    np.testing.assert_array_equal(np.array(system.moment, dtype=float), design.T @ Y)
    w, b = system.solve()
    assert (w, b) == (Fraction(70, 89), Fraction(75, 89))
    lstsq, *_ = np.linalg.lstsq(design, Y, rcond=None)
    np.testing.assert_allclose([float(w), float(b)], lstsq, atol=1e-12)
    assert system.determinant == 89


def test_normal_equations_refuse_bad_data():
    with pytest.raises(ValueError):
        normal_equations([1.0], [2.0])
    with pytest.raises(ValueError):
        normal_equations([1.0, 2.0], [2.0])
    with pytest.raises(ValueError, match="singular"):
        normal_equations([3.0, 3.0], [1.0, 2.0]).solve()


def test_landscape_on_a_grid_matches_points_and_sympy_gradient():
    landscape = MseLandscape.of(X, Y)
    ws, bs = np.meshgrid(np.linspace(-1, 2, 5), np.linspace(-1, 3, 4))
    grid = landscape(np.array([ws, bs]))
    for i, j in np.ndindex(ws.shape):
        assert grid[i, j] == pytest.approx(line_mse(ws[i, j], bs[i, j], X, Y), abs=1e-12)
    w, b = sp.symbols("w b")
    loss = sum((w * int(x) + b - int(y)) ** 2 for x, y in zip(X, Y, strict=True)) / 6
    point = {w: sp.Rational(3, 10), b: sp.Rational(-7, 5)}
    expected = [float(sp.diff(loss, v).subs(point)) for v in (w, b)]
    np.testing.assert_allclose(landscape.gradient([0.3, -1.4]), expected, atol=1e-12)
    hessian = [[float(sp.diff(loss, u, v)) for v in (w, b)] for u in (w, b)]
    np.testing.assert_allclose(landscape.hessian(), hessian, atol=1e-12)
    with pytest.raises(ValueError):
        MseLandscape.of([1.0, 2.0], [1.0])


def test_descent_is_the_plain_loop_and_reaches_lstsq():
    landscape = MseLandscape.of(X, Y)
    trace = descend(landscape, (0.0, 0.0), 0.05, 400)
    w = b = 0.0
    for _ in range(400):
        gw = sum(2 * (w * x + b - y) * x for x, y in zip(X, Y, strict=True)) / 6
        gb = sum(2 * (w * x + b - y) for x, y in zip(X, Y, strict=True)) / 6
        w, b = w - 0.05 * gw, b - 0.05 * gb
    np.testing.assert_allclose(trace.points[-1], [w, b], atol=1e-12)
    assert trace.values[-1] == pytest.approx(line_mse(w, b, X, Y))
    np.testing.assert_allclose(trace.points[-1], [70 / 89, 75 / 89], atol=1e-3)


def test_point_along_interpolates_and_clamps():
    pts = np.array([[0.0, 0.0], [1.0, 2.0], [3.0, 2.0]])
    np.testing.assert_allclose(point_along(pts, 0.5), [0.5, 1.0])
    np.testing.assert_allclose(point_along(pts, 1.25), [1.5, 2.0])
    np.testing.assert_allclose(point_along(pts, 9), [3.0, 2.0])
    np.testing.assert_allclose(point_along(pts, -1), [0.0, 0.0])
    np.testing.assert_allclose(point_along(pts[:1], 0.7), [0.0, 0.0])
