"""4.5 Systems of Linear Equations: every value the lecture shows, recomputed here with
numpy.linalg, sympy's rref and fractions (the scene used sympy's LU solve and rref)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

A = np.array([[1.0, -1.0], [2.0, 1.0]])
B = np.array([1.0, 5.0])
A_SINGULAR = np.array([[1.0, -1.0], [2.0, -2.0]])
B_SINGULAR = np.array([1.0, -4.0])
TOL = 1e-6


def solution() -> np.ndarray:
    return np.linalg.solve(A, B)


def test_the_system_is_well_conditioned_with_a_clean_solution():
    np.testing.assert_allclose(solution(), [2.0, 1.0])
    assert np.linalg.cond(A) < 3


def test_row_picture_dot(shown):
    values = shown("4.5")
    x = solution()
    np.testing.assert_allclose(values["row_picture_intersection"], x, atol=TOL)
    np.testing.assert_allclose(values["intersection_label"], x, atol=TOL)
    np.testing.assert_allclose(values["dot_on_both_lines"], [0.0, 0.0], atol=TOL)
    np.testing.assert_allclose(A @ values["row_picture_intersection"], B, atol=TOL)


def test_column_picture_reaches_b(shown):
    values = shown("4.5")
    x, y = solution()
    np.testing.assert_allclose(values["column_weights"], [x, y], atol=TOL)
    np.testing.assert_allclose(
        values["column_scaled_vectors"], np.concatenate([x * A[:, 0], y * A[:, 1]]), atol=TOL
    )
    np.testing.assert_allclose(values["column_picture_tip"], B, atol=TOL)


def test_elimination_steps(shown):
    values = shown("4.5")
    np.testing.assert_allclose(values["augmented_start"], np.column_stack([A, B]).ravel())
    r1 = [Fraction(1), Fraction(-1), Fraction(1)]
    r2 = [Fraction(2), Fraction(1), Fraction(5)]
    after = r1 + [b - 2 * a for a, b in zip(r1, r2, strict=True)]
    np.testing.assert_allclose(
        values["augmented_after_step_1"], [float(v) for v in after], atol=TOL
    )
    assert values["augmented_after_step_1"][3] == 0  # the zero appears
    reduced, pivots = (
        sp.Matrix(A.astype(int).tolist()).row_join(sp.Matrix(B.astype(int).tolist())).rref()
    )
    assert pivots == (0, 1)
    np.testing.assert_allclose(
        values["augmented_final"], np.array(reduced, dtype=float).ravel(), atol=TOL
    )
    np.testing.assert_allclose(values["solution_from_matrix"], solution(), atol=TOL)


def test_lines_turn_but_keep_their_crossing(shown):
    values = shown("4.5")
    x, y = solution()
    np.testing.assert_allclose(values["intersection_after_step_1"], [x, y], atol=TOL)
    # after elimination the lines are x = 2 (vertical) and y = 1 (horizontal)
    np.testing.assert_allclose(values["final_lines_x_and_y"], [x, x, y, y], atol=TOL)


def test_singular_system(shown):
    values = shown("4.5")
    slopes = [-A_SINGULAR[k, 0] / A_SINGULAR[k, 1] for k in range(2)]
    np.testing.assert_allclose(values["singular_slopes"], slopes, atol=TOL)
    assert np.linalg.matrix_rank(A_SINGULAR) == 1
    augmented = np.column_stack([A_SINGULAR, B_SINGULAR])
    assert np.linalg.matrix_rank(augmented) == 2  # inconsistent: no solution
    factor = A_SINGULAR[1, 0] / A_SINGULAR[0, 0]
    last = augmented[1] - factor * augmented[0]
    np.testing.assert_allclose(values["singular_last_row"], last, atol=TOL)
    assert values["singular_last_row"][2] != pytest.approx(0.0)
    np.testing.assert_allclose(values["singular_augmented_start"], augmented.ravel())
    # the first line stays, the 0 = −6 row has no line: one line left on screen
    assert values["singular_lines_drawn"] == [1.0, 0.0]


def test_pictures_stay_true_while_they_move(chapter_reports):
    results = {c.name: c for r in chapter_reports("4.5") for c in r.checkpoints}
    assert results["invariant:weight_readouts_are_drawn_weights"].ok
    assert results["invariant:lines_keep_the_solution"].ok
    assert not [name for name in results if name.startswith("frozen")]
