"""Lines y = m x + b and 2×2 systems, exactly: checked against numpy and sympy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.lines import (
    LinearEquation,
    SlopeIntercept,
    are_parallel,
    intersection,
    solve_2x2,
)


def test_slope_intercept_from_numbers_and_points():
    line = SlopeIntercept.of(0.5, 1)
    assert (line.m, line.b) == (Fraction(1, 2), Fraction(1))
    assert line(4) == 3 and line.rise() == Fraction(1, 2) and line.rise(4) == 2
    through = SlopeIntercept.through((0, 1), (4, 3))
    assert through == line
    with pytest.raises(ValueError):
        SlopeIntercept.through((1, 0), (1, 5))


@pytest.mark.parametrize(
    ("m", "b", "abc"),
    [(2, -1, (2, -1, 1)), (-0.5, 4, (1, 2, 8)), (0.5, 1, (1, -2, -2)), (0, 3, (0, 1, 3))],
)
def test_equation_in_coprime_integers(m, b, abc):
    equation = SlopeIntercept.of(m, b).equation()
    assert (equation.a, equation.b, equation.c) == tuple(Fraction(v) for v in abc)
    back = equation.slope_intercept()
    assert back == SlopeIntercept.of(m, b)


def test_equation_text_and_membership():
    eq = LinearEquation.of(1, 2, 8)
    assert eq.tex() == "x + 2y = 8"
    assert LinearEquation.of(2, -1, 1).tex() == "2x - y = 1"
    assert eq.holds_at((2, 3)) and not eq.holds_at((3, 2))
    assert eq.left_side((0, 4)) == 8
    assert LinearEquation.of(1, 0, 2).slope_intercept() is None
    with pytest.raises(ValueError):
        LinearEquation.of(0, 0, 1)


def test_unique_solutions_agree_with_numpy_and_sympy():
    rng = np.random.default_rng(22)
    x, y = sp.symbols("x y")
    for _ in range(40):
        a, b, c, d, e, f = (int(v) for v in rng.integers(-9, 10, size=6))
        if a * e - b * d == 0 or (a == b == 0) or (d == e == 0):
            continue
        solution = solve_2x2(LinearEquation.of(a, b, c), LinearEquation.of(d, e, f))
        assert solution.status == "unique" and solution.point is not None
        expected = np.linalg.solve(np.array([[a, b], [d, e]], dtype=float), [c, f])
        np.testing.assert_allclose([float(v) for v in solution.point], expected, atol=1e-9)
        exact = sp.solve([a * x + b * y - c, d * x + e * y - f], [x, y])
        assert solution.point == (Fraction(str(exact[x])), Fraction(str(exact[y])))


def test_parallel_and_coincident_systems():
    assert solve_2x2(LinearEquation.of(1, 2, -2), LinearEquation.of(1, 2, 8)).status == "none"
    same = solve_2x2(LinearEquation.of(1, 2, 8), LinearEquation.of(-2, -4, -16))
    assert same.status == "infinite" and same.point is None
    first, second = SlopeIntercept.of(-0.5, -1), SlopeIntercept.of(-0.5, 4)
    assert are_parallel(first, second) and intersection(first, second) is None
    assert intersection(SlopeIntercept.of(2, -1), second) == (2, 3)
    assert not are_parallel(SlopeIntercept.of(2, -1), second)


def test_segment_inside_a_box():
    ends = SlopeIntercept.of(2, -1).segment_in((-2, 6), (-2, 6))
    assert ends == ((Fraction(-1, 2), Fraction(-2)), (Fraction(7, 2), Fraction(6)))
    assert SlopeIntercept.of(0, 10).segment_in((-2, 6), (-2, 6)) is None
