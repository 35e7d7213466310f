"""The exact matrix maths of chapters 4.3 and 4.5 against independent routes: numpy, sympy,
and sums written out by hand with fractions."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths import matrices as mx

X = [[45, 62, 120], [92, 88, 450], [38, 55, 95]]
W = [[0.2, -0.1], [0.5, 0.3], [0.1, 0.4]]
B = [0.1, -0.2]


# --- exact numbers -------------------------------------------------------------------------------
def test_floats_are_read_at_their_decimal_spelling():
    assert mx.exact(0.2) == Fraction(1, 5)
    assert mx.exact(-0.1) == Fraction(-1, 10)
    assert mx.exact(np.float64(0.3)) == Fraction(3, 10)
    assert mx.exact(np.int64(7)) == 7
    assert mx.exact("2/3") == Fraction(2, 3)
    assert Fraction(0.2) != Fraction(1, 5)  # why the decimal reading matters
    with pytest.raises(ValueError, match="exact"):
        mx.exact(float("nan"))
    with pytest.raises(TypeError):
        mx.exact(True)


def test_tables_must_be_rectangular_and_non_empty():
    assert mx.shape(mx.exact_matrix(X)) == (3, 3)
    with pytest.raises(ValueError, match="lengths"):
        mx.exact_matrix([[1, 2], [3]])
    with pytest.raises(ValueError, match="non-empty"):
        mx.exact_matrix([])
    with pytest.raises(ValueError, match="non-empty"):
        mx.exact_vector([])
    np.testing.assert_array_equal(mx.to_array(W), np.array(W))


@pytest.mark.parametrize(
    ("value", "places"), [(52.1, 1), (197, 0), (0.25, 2), ("1/8", 3), ("1/3", None), (-0.2, 1)]
)
def test_decimal_places(value, places):
    assert mx.decimal_places(value) == places


# --- products ------------------------------------------------------------------------------------
def test_entry_terms_walk_a_row_and_a_column():
    terms = mx.product_entry_terms(X, W, 0, 0)
    assert terms == ((45, Fraction(1, 5)), (62, Fraction(1, 2)), (120, Fraction(1, 10)))
    assert mx.product_entry(X, W, 0, 0) == 45 * Fraction(1, 5) + 62 * Fraction(1, 2) + 12
    assert float(mx.product_entry(X, W, 1, 1)) == pytest.approx(np.array(X)[1] @ np.array(W)[:, 1])


def test_product_shapes_and_errors():
    assert mx.product_shape((3, 3), (3, 2)) == (3, 2)
    with pytest.raises(ValueError, match="inner sizes 2 != 3"):
        mx.product_shape((3, 2), (3, 3))
    with pytest.raises(ValueError, match="inner"):
        mx.matmul(W, X)  # W X does not type-check
    with pytest.raises(IndexError):
        mx.product_entry_terms(X, W, 3, 0)
    with pytest.raises(IndexError):
        mx.product_entry_terms(X, W, 0, 2)


def test_matmul_matches_numpy_and_sympy():
    rng = np.random.default_rng(43)
    a = rng.integers(-9, 10, size=(4, 3))
    b = rng.integers(-9, 10, size=(3, 5))
    exact = mx.matmul(a.tolist(), b.tolist())
    np.testing.assert_array_equal(mx.to_array(exact), a @ b)
    assert sp.Matrix(exact) == sp.Matrix(a.tolist()) * sp.Matrix(b.tolist())


def test_dense_layer_on_the_server_batch():
    out = mx.affine_layer(X, W, B)
    # by hand, in tenths: every product of a whole number and a tenth is a whole number of tenths
    tenths = [
        [
            sum(x * round(w * 10) for x, w in zip(row, col, strict=True)) + round(b * 10)
            for col, b in zip(zip(*W, strict=True), B, strict=True)
        ]
        for row in X
    ]
    assert out == tuple(tuple(Fraction(t, 10) for t in row) for row in tenths)
    np.testing.assert_allclose(mx.to_array(out), np.array(X) @ np.array(W) + np.array(B))
    np.testing.assert_allclose(mx.to_array(out), [[52.1, 61.9], [107.5, 197.0], [44.7, 50.5]])
    with pytest.raises(ValueError, match="bias"):
        mx.affine_layer(X, W, [1, 2, 3])


def test_affine_entry_terms_add_the_bias_of_the_column():
    terms, bias = mx.affine_entry_terms(X, W, B, 2, 1)
    assert bias == Fraction(-1, 5)
    assert sum(x * w for x, w in terms) + bias == Fraction(505, 10)


# --- the pictures ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "c"), [(1, -1, 1), (2, 1, 5), (0, 3, 3), (1, 0, 2), (1, -1, -2)]
)
def test_line_in_box_ends_lie_on_the_line_and_the_box_edge(a, b, c):
    box_x, box_y = (-2, 4), (-1, 6)
    ends = mx.line_in_box(a, b, c, box_x, box_y)
    assert ends is not None
    for x, y in ends:
        assert a * x + b * y == c
        assert box_x[0] <= x <= box_x[1] and box_y[0] <= y <= box_y[1]
        assert x in box_x or y in box_y
    assert ends[0] != ends[1]


def test_line_in_box_misses_and_degenerate_rows():
    assert mx.line_in_box(0, 0, 4, (-2, 4), (-1, 6)) is None  # 0 = 4: no points at all
    assert mx.line_in_box(1, 0, 10, (-2, 4), (-1, 6)) is None  # x = 10 is off to the right
    assert mx.line_in_box(1, 1, -3, (-2, 4), (-1, 6)) is None  # touches only the corner


def test_tip_to_tail_ends_at_a_times_w():
    a = [[1, -1], [2, 1]]
    path = mx.tip_to_tail(a, [2, 1])
    assert path[0] == (0, 0)
    assert path[1] == (2, 4)
    np.testing.assert_array_equal(np.array(path[-1], dtype=float), np.array(a) @ [2, 1])
    with pytest.raises(ValueError, match="weights"):
        mx.tip_to_tail(a, [1, 2, 3])


def test_equation_tex():
    assert mx.equation_tex([1, -1], 1) == "x - y = 1"
    assert mx.equation_tex([2, -2], -4) == "2x - 2y = -4"
    assert mx.equation_tex([0, 3], 3) == "3y = 3"
    assert mx.equation_tex([0, 0], -6) == "0 = -6"
    assert mx.equation_tex(["1/2", 0], 1) == r"\tfrac{1}{2}x = 1"


# --- row operations and elimination ---------------------------------------------------------------
def test_row_operations_apply_and_describe():
    m = mx.augment([[1, -1], [2, 1]], [1, 5])
    sub = mx.RowOperation("subtract", 1, 0, Fraction(2))
    assert sub.apply(m)[1] == (0, 3, 3)
    assert sub.apply(m)[0] == m[0]
    assert sub.describe() == "R2 ← R2 − 2·R1"
    assert sub.tex() == r"R_{2} \leftarrow R_{2} - 2R_{1}"
    add = mx.RowOperation("subtract", 0, 1, Fraction(-1))
    assert add.describe() == "R1 ← R1 + R2"
    scale = mx.RowOperation("scale", 1, factor=Fraction(1, 3))
    assert scale.apply([[0, 3, 3], [0, 3, 3]])[1] == (0, 1, 1)
    assert scale.describe() == "R2 ← R2 ÷ 3"
    assert scale.tex() == r"R_{2} \leftarrow R_{2} \div 3"
    swap = mx.RowOperation("swap", 0, 1)
    assert swap.apply(m) == (m[1], m[0])
    assert swap.describe() == "R1 ↔ R2"
    with pytest.raises(ValueError, match="zero"):
        mx.RowOperation("scale", 0, factor=Fraction(0))
    with pytest.raises(ValueError, match="source"):
        mx.RowOperation("subtract", 0)


def test_the_lecture_system_reduces_in_three_steps():
    elim = mx.Elimination.of([[1, -1], [2, 1]], [1, 5])
    assert [s.operation.describe() for s in elim.steps] == [
        "R2 ← R2 − 2·R1",
        "R2 ← R2 ÷ 3",
        "R1 ← R1 + R2",
    ]
    assert [s.phase for s in elim.steps] == ["forward", "backward", "backward"]
    assert elim.steps[0].after == ((1, -1, 1), (0, 3, 3))
    assert elim.status == "unique"
    assert elim.solution == (2, 1)
    np.testing.assert_allclose(
        np.array(elim.solution, dtype=float), np.linalg.solve([[1, -1], [2, 1]], [1, 5])
    )


def test_elimination_chains_its_steps_and_ends_in_sympys_rref():
    rng = np.random.default_rng(45)
    for n in (2, 3, 4):
        while True:
            a = rng.integers(-5, 6, size=(n, n))
            if abs(np.linalg.det(a)) > 0.5:
                break
        b = rng.integers(-9, 10, size=n)
        elim = mx.Elimination.of(a.tolist(), b.tolist())
        states = elim.matrices
        for before, step, after in zip(states[:-1], elim.steps, states[1:], strict=True):
            assert step.before == before and step.after == after
            assert step.operation.apply(before) == after
        reduced, _ = sp.Matrix(a.tolist()).row_join(sp.Matrix(b.tolist())).rref()
        assert sp.Matrix(elim.final) == reduced
        np.testing.assert_allclose(
            np.array(elim.solution, dtype=float), np.linalg.solve(a, b), atol=1e-9
        )


def test_a_zero_pivot_needs_a_swap():
    elim = mx.Elimination.of([[0, 1], [1, 1]], [2, 3])
    assert elim.steps[0].operation.kind == "swap"
    assert elim.solution == (1, 2)


def test_parallel_lines_are_inconsistent():
    a, b = [[1, -1], [2, -2]], [1, -4]
    elim = mx.Elimination.of(a, b)
    assert elim.status == "inconsistent"
    assert elim.inconsistent_row() == 1
    assert elim.final[1] == (0, 0, -6)
    assert len(elim.steps) == 1  # elimination stops at the contradiction
    # sympy: the augmented matrix has a larger rank than A (Rouché–Capelli)
    assert sp.Matrix(a).rank() < sp.Matrix(a).row_join(sp.Matrix(b)).rank()
    with pytest.raises(ValueError, match="inconsistent"):
        _ = elim.solution


def test_the_same_line_twice_has_infinitely_many_solutions():
    elim = mx.Elimination.of([[1, -1], [2, -2]], [1, 2])
    assert elim.status == "infinitely many"
    assert elim.rank == 1
    assert elim.inconsistent_row() is None
    with pytest.raises(ValueError, match="infinitely many"):
        _ = elim.solution


def test_augment_checks_sizes():
    with pytest.raises(ValueError, match="right-hand sides"):
        mx.augment([[1, 2], [3, 4]], [1])
