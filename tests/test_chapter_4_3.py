"""4.3 Matrices: every value the lecture shows, recomputed here with numpy and with exact
fractions summed by hand (the scene used sympy rationals)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

X = np.array([[45, 62, 120], [92, 88, 450], [38, 55, 95]], dtype=float)
W = np.array([[0.2, -0.1], [0.5, 0.3], [0.1, 0.4]])
B = np.array([0.1, -0.2])
BRIEF = [[52.1, 61.9], [107.5, 197.0], [44.7, 50.5]]  # XW + b as the chapter brief states it


def exact_entry(i: int, j: int) -> Fraction:
    """Row i of X dotted with column j of W, plus b_j, in fractions typed from the decimals."""
    w = [[Fraction(str(v)) for v in row] for row in W.tolist()]
    b = [Fraction(str(v)) for v in B.tolist()]
    return sum(Fraction(int(X[i, k])) * w[k][j] for k in range(3)) + b[j]


def test_the_brief_values_are_right():
    np.testing.assert_allclose(X @ W + B, BRIEF, atol=1e-12)
    assert [[exact_entry(i, j) for j in range(2)] for i in range(3)] == [
        [Fraction(str(v)) for v in row] for row in BRIEF
    ]


@pytest.mark.parametrize(("i", "j"), [(i, j) for i in range(3) for j in range(2)])
def test_every_output_entry_read_from_the_result_matrix(shown, i, j):
    values = shown("4.3")
    name = f"Y_{i + 1}_{j + 1}"
    assert values[name] == pytest.approx(float(exact_entry(i, j)), abs=1e-9)
    assert values[name] == pytest.approx((X @ W + B)[i, j], abs=1e-9)


def test_the_slowly_assembled_sums(shown):
    values = shown("4.3")
    # the work line: 45·0.2 + 62·0.5 + 120·0.1 + 0.1 and 45·(−0.1) + 62·0.3 + 120·0.4 + (−0.2)
    assert values["sum_Y_1_1"] == pytest.approx(45 * 0.2 + 62 * 0.5 + 120 * 0.1 + 0.1, abs=1e-9)
    assert values["sum_Y_1_2"] == pytest.approx(45 * -0.1 + 62 * 0.3 + 120 * 0.4 - 0.2, abs=1e-9)
    assert values["sum_Y_1_1"] == pytest.approx(52.1, abs=1e-9)


def test_the_inputs_are_printed_as_given(shown):
    values = shown("4.3")
    np.testing.assert_allclose(values["X_entries"], X.ravel())
    np.testing.assert_allclose(values["W_entries"], W.ravel(), atol=1e-12)
    np.testing.assert_allclose(values["b_entries"], B, atol=1e-12)


def test_the_whole_output_and_its_shape(shown):
    values = shown("4.3")
    out = X @ W + B
    np.testing.assert_allclose(values["Y_matrix"], out.ravel(), atol=1e-9)
    assert values["Y_shape"] == [X.shape[0], W.shape[1]]
    assert values["Y_shape"] == list(out.shape)


def test_the_bias_row_is_broadcast_down_every_row(shown):
    values = shown("4.3")
    tall = np.reshape(values["b_broadcast"], (3, 2))
    np.testing.assert_allclose(tall, np.broadcast_to(B, (X.shape[0], W.shape[1])), atol=1e-12)
    # the three drawn copies, added row by row, give numpy's broadcast X @ W + b
    np.testing.assert_allclose(X @ W + tall, X @ W + B, atol=1e-9)
