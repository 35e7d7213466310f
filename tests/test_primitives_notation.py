"""Notation primitives: the code listing's grid and marker, residual squares, the running
bar and the argmin scan, each read back from the drawing against values computed here."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from animation_helpers import run
from manim import RIGHT, Square

from mathviz.maths.notation import running_argmin
from mathviz.primitives.bars import BarChart
from mathviz.primitives.notation import (
    AccumulatorBar,
    ArgminScan,
    BarScan,
    CodeListing,
    PairedResiduals,
)

SUM = ("total = 0", "for i in range(3):", "    err = y[i] - y_hat[i]", "    total += err ** 2")
PRODUCT = ("chance = 1", "for i in range(3):", "    chance *= p[i]")


# --- code listing ---------------------------------------------------------------------------
def test_code_lines_sit_on_a_fixed_grid_with_whole_character_indents():
    code = CodeListing(*SUM, anchor=(0.0, 0.0, 0.0))
    lefts = [row.get_left()[0] for row in code.rows]
    assert lefts[0] == pytest.approx(0.0, abs=1e-9) and lefts[1] == pytest.approx(0.0, abs=1e-9)
    assert lefts[2] == pytest.approx(4 * code.char_width, abs=1e-9)
    # flat-bottomed letters of every line rest on baselines one pitch apart
    bottoms = [code.glyphs(k, 0, 1)[0].get_bottom()[1] for k in (0, 1)]  # "t", "f"
    assert bottoms[0] - bottoms[1] == pytest.approx(code.row_pitch, abs=1e-6)


def test_find_returns_every_standalone_name():
    code = CodeListing(*SUM)
    assert len(code.find("i")) == 3  # for i, y[i], y_hat[i]
    assert len(code.find("y")) == 1  # not the y of y_hat
    assert len(code.find("y_hat")) == 5  # y _ h a t
    assert len(code.find("total")) == 2 * 5
    with pytest.raises(KeyError):
        code.find("nothing")


def test_the_box_marks_the_line_it_was_sent_to(scene):
    code = CodeListing(*SUM)
    with pytest.raises(ValueError):
        code.line_shown()
    for line in (0, 2, 3, 1):
        run(scene, code.point_at(line))
        assert code.line_shown() == line
    with pytest.raises(IndexError):
        code.point_at(4)


def test_rewrite_keeps_unchanged_lines_in_place(scene):
    code = CodeListing(*SUM, anchor=(-3.0, 2.0, 0.0))
    scene.add(code)
    loop_line = code.rows[1]
    where = loop_line.get_center().copy()
    run(scene, code.point_at(3))
    run(scene, code.rewrite(*PRODUCT))
    assert code.rows[1] is loop_line
    np.testing.assert_allclose(loop_line.get_center(), where)
    assert code.source == list(PRODUCT)
    assert code.line_shown() == 2  # the marker moved up onto the last line left
    assert [r.original_text for r in code.rows] == [line.strip() for line in PRODUCT]


# --- residual squares -------------------------------------------------------------------------
Y, Y_HAT = (3, 5, 7), (2.5, 5, 8)


def drawn_residuals(scene):
    plot = PairedResiduals(Y, Y_HAT, ["a", "b", "c"], y_range=(2, 9, 1), unit=0.7)
    plot.shift(np.array([-2.0, -1.0, 0.0]))  # parts drawn later follow the moved axes
    run(scene, plot.create())
    for i in range(3):
        run(scene, plot.show_residual(i))
        run(scene, plot.show_square(i))
    return plot


def test_values_residuals_and_squares_read_back(scene):
    plot = drawn_residuals(scene)
    np.testing.assert_allclose(plot.targets_shown(), Y, atol=1e-9)
    np.testing.assert_allclose(plot.predictions_shown(), Y_HAT, atol=1e-9)
    for i in range(3):
        start, end = plot.residual_ends_shown(i)
        assert (start[1], end[1]) == pytest.approx((Y_HAT[i], Y[i]), abs=1e-9)
        assert plot.residual_shown(i) == pytest.approx(Y[i] - Y_HAT[i], abs=1e-9)
        side = abs(Y[i] - Y_HAT[i])
        assert plot.side_shown(i) == pytest.approx((side, side), abs=1e-9)
        assert plot.area_shown(i) == pytest.approx(side * side, abs=1e-9)


def test_squares_are_square_on_screen(scene):
    plot = drawn_residuals(scene)
    square = plot.squares[2]
    assert square.width == pytest.approx(square.height, abs=1e-9)
    assert square.width == pytest.approx(0.7, abs=1e-9)  # one unit at 0.7 scene units


def test_band_marks_the_item_of_the_index(scene):
    plot = PairedResiduals(Y, Y_HAT, ["a", "b", "c"], y_range=(2, 9, 1))
    with pytest.raises(ValueError):
        plot.index_shown()
    for i in (0, 2, 1):
        run(scene, plot.highlight(i))
        assert plot.index_shown() == i


def test_mismatched_data_are_refused():
    with pytest.raises(ValueError):
        PairedResiduals([1, 2], [1], ["a", "b"])


# --- the running bar ------------------------------------------------------------------------
def test_terms_stack_and_a_block_in_flight_does_not_count(scene):
    bar = AccumulatorBar(y_range=(0, 1.5, 0.25), length=5.0)
    scene.add(bar)
    assert bar.height_shown() == pytest.approx(0.0, abs=1e-9)
    source = Square(0.4).shift(4 * RIGHT)
    flight = bar.stack(source, 0.0, 0.25)
    flight._setup_scene(scene)
    flight.begin()
    flight.interpolate(0.5)
    assert bar.height_shown() == pytest.approx(0.0, abs=1e-9)
    flight.finish()
    assert bar.height_shown() == pytest.approx(0.25, abs=1e-9)
    run(scene, bar.stack(source, 0.25, 1.0))
    assert bar.height_shown() == pytest.approx(1.25, abs=1e-9)
    assert bar.blocks_shown() == 2
    with pytest.raises(ValueError):
        bar.stack(source, 1.25, 0.0)


def test_factors_cut_the_bar_down(scene):
    bar = AccumulatorBar(y_range=(0, 1, 0.2), length=5.0, decimals=1)
    scene.add(bar)
    run(scene, bar.fill(1.0))
    assert bar.height_shown() == pytest.approx(1.0, abs=1e-9)
    exact = Fraction(1)
    for factor in (Fraction(9, 10), Fraction(1, 2), Fraction(4, 5)):
        cut = bar.cut(float(exact), float(factor))
        cut._setup_scene(scene)
        cut.begin()
        cut.interpolate(0.5)  # the cut-away part is sliding off: no longer part of the bar
        assert bar.height_shown() == pytest.approx(float(exact * factor), abs=1e-9)
        cut.finish()
        exact *= factor
        assert bar.height_shown() == pytest.approx(float(exact), abs=1e-9)
    assert float(exact) == pytest.approx(0.36)
    assert bar.blocks_shown() == 1
    with pytest.raises(ValueError):
        bar.cut(0.36, 1.5)


# --- scans over a bar chart -------------------------------------------------------------------
def test_bar_scan_visits_each_bar(scene):
    chart = BarChart([0.9, 0.5, 0.8], ["a", "b", "c"], y_range=(0, 1, 0.2))
    scan = BarScan(chart)
    for k in (0, 1, 2):
        run(scene, scan.visit(k))
        assert scan.box_index_shown() == k


def test_argmin_scan_lands_on_the_lowest_bar(scene):
    values = [2.0, 1.25, 3.0]
    chart = BarChart(values, ["A", "B", "C"], y_range=(0, 3.5, 0.5))
    scan = ArgminScan(chart, running_argmin(values))
    seen = []
    for k in range(3):
        run(scene, scan.consider(k))
        seen.append((scan.box_index_shown(), scan.marker_index_shown(), scan.level_shown()))
    best = [int(np.argmin(values[: k + 1])) for k in range(3)]
    lows = np.minimum.accumulate(values)
    assert [s[0] for s in seen] == [0, 1, 2]
    assert [s[1] for s in seen] == best
    np.testing.assert_allclose([s[2] for s in seen], lows, atol=1e-9)
    with pytest.raises(ValueError):
        ArgminScan(chart, running_argmin(values[:2]))
