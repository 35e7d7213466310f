"""The pure coordinate maths of chapter 5.1 against independent routes (sympy, Fractions,
numpy's polar helpers)."""

from __future__ import annotations

import cmath
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.coordinates import Basis2D, coefficient_along, from_polar, to_polar


def test_coordinates_in_a_skewed_basis_match_sympy_inverse():
    basis = Basis2D.of((2, 1), (1, 2))
    c = basis.coordinates_of((4, 3))
    exact = sp.Matrix([[2, 1], [1, 2]]).inv() * sp.Matrix([4, 3])
    assert list(exact) == [sp.Rational(5, 3), sp.Rational(2, 3)]
    np.testing.assert_allclose(c, [float(v) for v in exact], atol=1e-12)


def test_point_of_is_the_inverse_of_coordinates_of():
    basis = Basis2D.of((1, 1), (-1, 1))
    for x in [(3, 1), (-2, 5), (0.5, -0.25)]:
        np.testing.assert_allclose(basis.point_of(basis.coordinates_of(x)), x, atol=1e-12)
    # orthogonal basis: coordinates are projections divided by squared lengths (Fractions)
    c = basis.coordinates_of((3, 1))
    assert c[0] == pytest.approx(float(Fraction(3 + 1, 2)))
    assert c[1] == pytest.approx(float(Fraction(-3 + 1, 2)))


def test_basis_vectors_are_the_columns():
    basis = Basis2D.of((2, 1), (1, 2))
    np.testing.assert_array_equal(basis.b1, [2, 1])
    np.testing.assert_array_equal(basis.b2, [1, 2])
    np.testing.assert_array_equal(basis.matrix, [[2, 1], [1, 2]])


def test_walk_goes_tip_to_tail_to_the_point():
    basis = Basis2D.of((2, 1), (1, 2))
    walk = basis.walk((4, 3))
    assert walk.shape == (3, 2)
    np.testing.assert_allclose(walk[0], [0, 0])
    np.testing.assert_allclose(walk[1], [float(Fraction(10, 3)), float(Fraction(5, 3))])
    np.testing.assert_allclose(walk[2], [4, 3], atol=1e-12)


def test_parallel_vectors_are_not_a_basis():
    with pytest.raises(ValueError, match="parallel"):
        Basis2D.of((1, 2), (2, 4))
    with pytest.raises(ValueError, match="2-D"):
        Basis2D.of((1, 2, 3), (0, 1, 0))


def test_coefficient_along_reads_a_scaled_leg_back():
    assert coefficient_along((10 / 3, 5 / 3), (2, 1)) == pytest.approx(5 / 3)
    assert coefficient_along((-1, -2), (1, 2)) == pytest.approx(-1)
    with pytest.raises(ValueError, match="not parallel"):
        coefficient_along((1, 0), (1, 1))
    with pytest.raises(ValueError, match="zero"):
        coefficient_along((1, 0), (0, 0))


@pytest.mark.parametrize("point", [(4, 3), (-4, 3), (-1, -1), (0, -2), (2, 0)])
def test_polar_round_trip_matches_complex_numbers(point):
    r, theta = to_polar(point)
    z = complex(*point)
    assert r == pytest.approx(abs(z))
    assert theta == pytest.approx(cmath.phase(z) % (2 * math.pi))
    assert 0 <= theta < 2 * math.pi
    np.testing.assert_allclose(from_polar(r, theta), point, atol=1e-12)


def test_polar_of_the_example_point_is_exact():
    r, theta = to_polar((4, 3))
    assert r == 5.0
    assert theta == pytest.approx(float(sp.atan2(3, 4)))
    assert from_polar(5, 2 * math.pi / 3) == pytest.approx(
        [float(sp.Rational(-5, 2)), float(5 * sp.sqrt(3) / 2)]
    )


def test_polar_edge_cases():
    assert to_polar((0, 0)) == (0.0, 0.0)
    with pytest.raises(ValueError, match="negative"):
        from_polar(-1, 0)
