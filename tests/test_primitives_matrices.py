"""Matrix primitives: what they draw and read back equals the maths.

The mobjects are built and their animations played in a manim ``Scene`` that skips
rendering (no frames, no files). Expected values come from numpy, sympy and fractions.
"""

from __future__ import annotations

import tempfile
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from manim import DL, UR, DecimalNumber, Scene

from mathviz import theme
from mathviz.layout import layout_findings
from mathviz.maths.matrices import Elimination
from mathviz.primitives.matrices import (
    AugmentedMatrix,
    ColumnPicture,
    MatrixGrid,
    MatrixProductHighlighter,
    RowPicture,
)
from mathviz.render.runner import manim_config

X = [[45, 62, 120], [92, 88, 450], [38, 55, 95]]
W = [[0.2, -0.1], [0.5, 0.3], [0.1, 0.4]]
B = [0.1, -0.2]
SYSTEM_A, SYSTEM_B = [[1, -1], [2, 1]], [1, 5]


@pytest.fixture(scope="module", autouse=True)
def manim_settings():
    with (
        tempfile.TemporaryDirectory(prefix="mathviz-test-") as media,
        manim_config(None, Path(media), "none"),
    ):
        yield


@pytest.fixture
def stage() -> Scene:
    """A scene that plays animations to their end without drawing anything."""
    return Scene(skip_animations=True)


def boxes_overlap(a, b) -> bool:
    (alo, ahi), (blo, bhi) = (
        (a.get_corner(DL), a.get_corner(UR)),
        (b.get_corner(DL), b.get_corner(UR)),
    )
    return min(ahi[0], bhi[0]) > max(alo[0], blo[0]) and min(ahi[1], bhi[1]) > max(alo[1], blo[1])


def only_whole(stage: Scene, group) -> bool:
    """The primitive is in the scene as one piece: none of its parts sits there on its own."""
    parts = set(map(id, group.get_family()[1:]))
    return group in stage.mobjects and not any(id(m) in parts for m in stage.mobjects)


# --- MatrixGrid ---------------------------------------------------------------------------------
def test_grid_shows_its_values_without_overlaps():
    grid = MatrixGrid(W, decimals=1, font_size=34)
    np.testing.assert_allclose(grid.values_shown(), np.array(W))
    assert grid.shape == (3, 2)
    cells = [grid.entry(i, j) for i in range(3) for j in range(2)]
    assert all(not boxes_overlap(a, b) for k, a in enumerate(cells) for b in cells[k + 1 :])
    assert all(grid.left_bracket.get_right()[0] < c.get_left()[0] for c in cells)
    assert all(c.get_right()[0] < grid.right_bracket.get_left()[0] for c in cells)


def test_hidden_grid_reads_nan_until_set_and_reserve_widens_columns():
    narrow = MatrixGrid([[1, 2]], hidden=True)
    assert np.isnan(narrow.values_shown()).all()
    narrow.set_entry(0, 1, Fraction(7, 2))
    assert narrow.entry_shown(0, 1) == 3.5 and np.isnan(narrow.entry_shown(0, 0))
    wide = MatrixGrid([[1, 2]], reserve=[[[-1000, 2]]])
    assert wide.width > MatrixGrid([[1, 2]]).width
    with pytest.raises(ValueError, match="shape"):
        MatrixGrid([[1, 2]], reserve=[[[1], [2]]])


def test_separator_sits_between_the_last_two_columns():
    grid = MatrixGrid([[1, -1, 1], [2, 1, 5]], separator_before=2)
    assert grid.entry(0, 1).get_right()[0] < grid.separator.get_x() < grid.entry(0, 2).get_left()[0]


# --- MatrixProductHighlighter -----------------------------------------------------------------------
def test_product_entries_are_assembled_and_written_into_the_result(stage):
    expected = np.array(X) @ np.array(W) + np.array(B)
    product = MatrixProductHighlighter(X, W, B, decimals=(0, 1, 1, 1), font_size=32, work_size=40)
    stage.play(product.create())
    assert np.isnan(product.result_shown()).all()
    assert product.result_shape_shown() == expected.shape

    stage.play(product.assemble(0, 0))
    numbers = [p for p in product.work if isinstance(p, DecimalNumber)]
    # the copies in the work line are row 0 of X, column 0 of W, the bias, then the sum
    shown = [n.get_value() for n in numbers]
    assert shown[:6] == [45, 0.2, 62, 0.5, 120, 0.1]
    assert shown[6] == pytest.approx(0.1)
    assert product.sum_shown() == pytest.approx(expected[0, 0], abs=1e-12)
    assert np.isnan(product.entry_shown(0, 0))
    # the work line is laid out left to right without overlaps, below the matrices
    assert all(a.get_right()[0] < b.get_left()[0] for a, b in pairwise(product.work))
    assert product.work.get_top()[1] < product.equation.get_bottom()[1]

    stage.play(product.write(0, 0))
    assert product.entry_shown(0, 0) == pytest.approx(expected[0, 0], abs=1e-12)
    np.testing.assert_allclose(product.c_grid.entry(0, 0).get_center(), product.c_grid.slot(0, 0))
    for i in range(3):
        for j in range(2):
            if (i, j) != (0, 0):
                stage.play(product.compute_entry(i, j))
    np.testing.assert_allclose(product.result_shown(), expected, atol=1e-12)
    assert only_whole(stage, product)


def test_work_sum_never_prints_a_partial_count(stage):
    """The work line's sum appears with its value: no moment of the assembly prints a number
    the terms beside it do not add up to (it used to count up from 0)."""
    product = MatrixProductHighlighter(X, W, B, decimals=(0, 1, 1, 1))
    stage.play(product.create())
    entry = sum(
        Fraction(x) * Fraction(str(w)) for x, w in zip(X[0], [r[0] for r in W], strict=True)
    ) + Fraction(str(B[0]))  # 9 + 31 + 12 + 0.1
    assembly = product.assemble(0, 0, run_time=4.0)
    assembly._setup_scene(stage)  # a Succession starts its parts in a scene
    assembly.begin()
    printed_sums = set()
    for alpha in np.linspace(0.0, 1.0, 81):
        assembly.interpolate(alpha)
        shown = product.sum_shown()
        if not np.isnan(shown):
            printed_sums.add(shown.text)
    assembly.finish()
    assert printed_sums == {f"{float(entry):.1f}"}
    assert product.sum_shown() == pytest.approx(float(entry))


def test_grid_entries_read_as_printed():
    grid = MatrixGrid([[0.26, -1], [2, 3.5]], decimals=1)
    shown = grid.entries_printed()
    assert shown.source == "printed"
    assert shown.texts == ("0.3", "-1.0", "2.0", "3.5")  # what a viewer reads
    np.testing.assert_allclose(shown, [0.3, -1.0, 2.0, 3.5])
    np.testing.assert_allclose(shown.half_units, 0.05)
    assert grid.entries_printed(rows=[1]).texts == ("2.0", "3.5")
    assert np.isnan(MatrixGrid([[1, 2]], hidden=True).entries_printed()).all()


def test_product_without_bias_and_errors(stage):
    a, b = [[1, 2], [3, 4], [5, 6]], [[7], [8]]
    product = MatrixProductHighlighter(a, b, names=None)
    stage.play(product.create())
    for i in range(3):
        stage.play(product.compute_entry(i, 0))
    np.testing.assert_allclose(product.result_shown(), np.array(a) @ np.array(b))
    with pytest.raises(IndexError):
        product.assemble(3, 0)
    with pytest.raises(RuntimeError, match="assemble"):
        product.write(0, 0)
    with pytest.raises(ValueError, match="inner"):
        MatrixProductHighlighter(b, a)


# --- AugmentedMatrix ----------------------------------------------------------------------------
def test_augmented_matrix_follows_every_step(stage):
    elimination = Elimination.of(SYSTEM_A, SYSTEM_B)
    matrix = AugmentedMatrix.of(elimination)
    stage.play(matrix.create())
    np.testing.assert_allclose(matrix.entries_shown(), [[1, -1, 1], [2, 1, 5]])
    first = elimination.steps[0]
    stage.play(matrix.apply(first))
    np.testing.assert_allclose(matrix.entries_shown(), [[1, -1, 1], [0, 3, 3]])
    assert matrix.grid.entry(1, 0).get_color() == theme.GOOD  # the new zero is lit
    with pytest.raises(ValueError, match="on screen"):
        matrix.apply(first)  # it no longer starts from what is shown
    for step in elimination.steps[1:]:
        stage.play(matrix.apply(step))
    stage.play(matrix.settle())
    reduced, _ = sp.Matrix(SYSTEM_A).row_join(sp.Matrix(SYSTEM_B)).rref()
    np.testing.assert_allclose(matrix.entries_shown(), np.array(reduced, dtype=float))
    np.testing.assert_allclose(matrix.entries_shown()[:, 2], np.linalg.solve(SYSTEM_A, SYSTEM_B))
    assert matrix.grid.entry(1, 0).get_color() == theme.TEXT
    for i in range(2):
        for j in range(3):  # numbers stay centred on their slots
            np.testing.assert_allclose(
                matrix.grid.entry(i, j).get_center(), matrix.grid.slot(i, j), atol=1e-9
            )
    assert only_whole(stage, matrix)


def test_swapped_digits_never_show_a_half_formed_glyph(stage):
    """``swap_digits``: each changed entry fades its old digits out and the new ones in; at
    every sampled moment the digits typeset are the old value or the new one, never a morph."""
    elimination = Elimination.of(SYSTEM_A, SYSTEM_B)
    matrix = AugmentedMatrix.of(elimination)
    stage.play(matrix.create())
    states = [np.array(m, dtype=float) for m in elimination.matrices]
    for k, step in enumerate(elimination.steps):
        animation = matrix.apply(step, swap_digits=True)
        animation._setup_scene(stage)
        animation.begin()
        for alpha in np.linspace(0, 1, 17):
            animation.interpolate(alpha)
            for i in range(2):
                for j in range(3):
                    cell = matrix.grid.entry(i, j)
                    assert cell.get_value() in (states[k][i, j], states[k + 1][i, j])
                    # no in-between glyphs: the digits typeset are those of the value held
                    fresh = DecimalNumber(
                        cell.get_value(), num_decimal_places=cell.num_decimal_places
                    )
                    assert len(cell.submobjects) == len(fresh.submobjects)
        animation.finish()
        stage.add(matrix)
        np.testing.assert_allclose(matrix.entries_shown(), states[k + 1])
    reduced, _ = sp.Matrix(SYSTEM_A).row_join(sp.Matrix(SYSTEM_B)).rref()
    np.testing.assert_allclose(matrix.entries_shown(), np.array(reduced, dtype=float))
    for i in range(2):
        for j in range(3):
            np.testing.assert_allclose(
                matrix.grid.entry(i, j).get_center(), matrix.grid.slot(i, j), atol=1e-9
            )


def test_inconsistent_row_is_shown(stage):
    elimination = Elimination.of([[1, -1], [2, -2]], [1, -4])
    matrix = AugmentedMatrix.of(elimination)
    stage.play(matrix.create())
    stage.play(matrix.apply(elimination.steps[0]))
    stage.play(matrix.flag_row(1))
    np.testing.assert_allclose(matrix.row_shown(1), [0, 0, -1 * 4 - 2 * 1])
    assert matrix.row_shown(1).texts == ("0", "0", "-6")


# --- RowPicture ---------------------------------------------------------------------------------
def test_row_picture_lines_and_their_crossing(stage):
    picture = RowPicture(SYSTEM_A, SYSTEM_B, unit=0.7).shift([-2.3, 0.4, 0])
    stage.play(picture.create())
    assert np.isnan(picture.intersection_shown()).all()  # dot hidden until shown
    stage.play(picture.draw_line(0), picture.draw_line(1))
    stage.play(picture.show_dot())
    solution = np.linalg.solve(SYSTEM_A, SYSTEM_B)
    np.testing.assert_allclose(picture.intersection_shown(), solution, atol=1e-9)
    for k, (row, rhs) in enumerate(zip(SYSTEM_A, SYSTEM_B, strict=True)):
        for end in picture.line_shown(k):  # both drawn ends satisfy the equation
            assert np.dot(row, end) == pytest.approx(rhs, abs=1e-9)
        assert picture.distance_to_line_shown(solution, k) == pytest.approx(0, abs=1e-9)
    assert picture.slope_shown(0) == pytest.approx(1.0)
    assert picture.slope_shown(1) == pytest.approx(-2.0)
    for step in Elimination.of(SYSTEM_A, SYSTEM_B).steps:
        stage.play(picture.morph_to([r[:2] for r in step.after], [r[2] for r in step.after]))
        np.testing.assert_allclose(picture.intersection_shown(), solution, atol=1e-9)
    assert picture.slope_shown(0) == float("inf")  # x = 2
    assert picture.slope_shown(1) == pytest.approx(0.0)  # y = 1
    assert only_whole(stage, picture)


def test_row_picture_of_parallel_lines(stage):
    picture = RowPicture([[1, -1], [2, -2]], [1, -4])
    stage.play(picture.create(), picture.draw_line(0), picture.draw_line(1))
    assert picture.slope_shown(0) == pytest.approx(picture.slope_shown(1))
    with pytest.raises(ValueError, match="common point"):
        picture.show_dot()
    stage.play(picture.morph_to([[1, -1], [0, 0]], [1, -6]))
    assert picture.line_visible(0) and not picture.line_visible(1)
    assert (picture.line_drawn_shown(0), picture.line_drawn_shown(1)) == (1, 0)
    assert picture.line_drawn_shown(1).source.startswith("count")
    assert np.isnan(picture.intersection_shown()).all()
    with pytest.raises(ValueError, match="2 unknowns"):
        RowPicture([[1, 2, 3]], [1])


def test_row_operations_turn_the_lines_about_the_solution(stage):
    """A row operation keeps the solution, so at every moment of the morph both lines pass
    through it (moving the ends in straight lines let them drift off by up to 0.26)."""
    picture = RowPicture(SYSTEM_A, SYSTEM_B)
    stage.play(picture.create(), picture.draw_line(0), picture.draw_line(1))
    solution = np.linalg.solve(SYSTEM_A, SYSTEM_B)
    for step in Elimination.of(SYSTEM_A, SYSTEM_B).steps:
        morph = picture.morph_to([r[:2] for r in step.after], [r[2] for r in step.after])
        morph.begin()
        for alpha in np.linspace(0.0, 1.0, 17):
            morph.interpolate(alpha)
            for k in range(2):
                assert picture.distance_to_line_shown(solution, k) == pytest.approx(0, abs=1e-9)
        morph.finish()
        for k, row in enumerate(step.after):
            for end in picture.line_shown(k):  # and it lands on the new equation's line
                assert float(np.dot([float(v) for v in row[:2]], end)) == pytest.approx(
                    float(row[2]), abs=1e-9
                )


def test_no_line_grazes_a_tick_label():
    """2x + y = 5 runs through the tick (0, 5); its label sits far enough from the axis."""
    for a, b in ((SYSTEM_A, SYSTEM_B), ([[1, -1], [2, -2]], [1, -4]), ([[1, 0], [0, 1]], [2, 1])):
        picture = RowPicture(a, b, x_range=(-2.0, 4.0), y_range=(-1.0, 6.0), unit=0.95)
        for line in picture.lines:
            line.set_stroke(opacity=1)
        crossings = [
            f
            for f in layout_findings(
                [picture],
                frame_width=14.222,
                frame_height=8.0,
                margin=theme.SAFE_MARGIN,
                background=theme.BACKGROUND,
            )
            if f.kind == "crossing"
        ]
        assert crossings == [], (a, b)


# --- ColumnPicture ------------------------------------------------------------------------------
def test_column_picture_reaches_b_with_the_solution(stage):
    picture = ColumnPicture(SYSTEM_A, SYSTEM_B, unit=0.6).shift([1.7, -0.9, 0])
    stage.play(picture.create())
    np.testing.assert_allclose(picture.target_shown(), SYSTEM_B, atol=1e-9)
    np.testing.assert_allclose(picture.tip_shown(), [0, 0], atol=1e-9)
    x, y = np.linalg.solve(SYSTEM_A, SYSTEM_B)
    growing = picture.scale_column(0, 2)
    growing.begin()
    for alpha in (0.25, 0.5, 0.75):  # the readout counts along with the arrow it describes
        growing.interpolate(alpha)
        np.testing.assert_allclose(picture.weights_shown(), picture.weights_drawn(), atol=0.05)
    growing.finish()
    np.testing.assert_allclose(picture.end_point_shown(), x * np.array(SYSTEM_A)[:, 0], atol=1e-9)
    np.testing.assert_allclose(picture.weights_drawn(), [x, 0.0], atol=1e-9)
    stage.play(picture.scale_column(1, 1))
    np.testing.assert_allclose(picture.weights_shown(), [x, y], atol=1e-9)
    np.testing.assert_allclose(
        picture.vectors_shown(), [[1 * x, 2 * x], [-1 * y, 1 * y]], atol=1e-9
    )
    np.testing.assert_allclose(picture.tip_shown(), SYSTEM_B, atol=1e-9)
    np.testing.assert_allclose(picture.end_point_shown(), SYSTEM_B, atol=1e-9)
    stage.play(picture.scale_column(1, 2))  # a wrong y misses b
    assert np.linalg.norm(picture.tip_shown() - np.array(SYSTEM_B)) == pytest.approx(np.sqrt(2))
    assert only_whole(stage, picture)
