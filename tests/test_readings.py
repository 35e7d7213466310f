"""Readings: values read back from the screen keep their source; anything else has none."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from manim import DecimalNumber, MathTex, Text

from mathviz.primitives.readout import DegreeReadout, Readout
from mathviz.readings import (
    Printed,
    PrintedArray,
    ReadingError,
    Shown,
    ShownArray,
    derived,
    is_reading,
    parse_printed,
    printed,
    printed_all,
    reads_screen,
    source_of,
)


class Drawing:
    @reads_screen("geometry")
    def tip_shown(self) -> np.ndarray:
        return np.array([1.25, -0.5])

    @reads_screen("count")
    def bars_shown(self) -> int:
        return 7

    @reads_screen("geometry")
    def pair_shown(self) -> tuple[float, float]:
        return 0.5, 2.0


def test_a_decorated_read_back_is_a_reading_with_its_source():
    tip = Drawing().tip_shown()
    assert isinstance(tip, ShownArray)
    assert source_of(tip) == "geometry: Drawing.tip_shown"
    assert source_of(Drawing().bars_shown()) == "count: Drawing.bars_shown"
    assert all(is_reading(v) for v in Drawing().pair_shown())


def test_indexing_and_unpacking_keep_the_source():
    tip = Drawing().tip_shown()
    x, y = tip
    assert isinstance(tip[0], Shown) and isinstance(x, Shown) and isinstance(y, Shown)
    assert float(x) == 1.25 and source_of(y) == tip.source
    assert isinstance(tip[:1], ShownArray)


@pytest.mark.parametrize("value", [1.0, 3, np.float64(2.0), np.array([1.0, 2.0]), [1.0, 2.0]])
def test_plain_values_are_not_readings(value):
    assert not is_reading(value)


def test_arithmetic_on_readings_gives_plain_numbers():
    tip = Drawing().tip_shown()
    assert not is_reading(tip * 2)
    assert not is_reading(tip[0] + 1.0)
    assert not is_reading(np.linalg.norm(tip))
    assert not is_reading(float(tip[0]))


def test_derived_values_name_their_inputs_and_need_readings():
    tip = Drawing().tip_shown()
    norm = derived("norm", np.linalg.norm(tip), tip)
    assert is_reading(norm) and "norm" in source_of(norm) and "tip_shown" in source_of(norm)
    assert float(norm) == pytest.approx(np.hypot(1.25, 0.5))
    with pytest.raises(ReadingError):
        derived("norm", 1.346, np.array([1.25, -0.5]))


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("0.172", 0.172, 3),
        ("-1,234.50", -1234.5, 2),
        ("\u22122.5", -2.5, 1),
        ("45.2^{\\circ}", 45.2, 1),
        ("13", 13.0, 0),
        ("2.2e-16", 2.2e-16, 17),
        ("x = 0.05", 0.05, 2),
    ],
)
def test_parse_printed_reads_value_and_shown_precision(text, value, decimals):
    reading = parse_printed(text)
    assert float(reading) == pytest.approx(value, rel=1e-12)
    assert reading.decimals == decimals
    assert reading.half_unit == pytest.approx(0.5 * 10.0**-decimals)


@pytest.mark.parametrize("text", ["no digits", "2 and 3", ""])
def test_parse_printed_refuses_zero_or_several_numbers(text):
    with pytest.raises(ReadingError):
        parse_printed(text)


def test_printed_reads_the_typeset_glyphs_not_the_stored_float():
    number = DecimalNumber(0.171799, num_decimal_places=3)
    reading = printed(number)
    assert isinstance(reading, Printed)
    assert reading.text == "0.172" and float(reading) == 0.172 and reading.decimals == 3
    # Manim's own value is the unrounded float: not what the viewer reads
    assert number.get_value() != float(reading)


def test_a_readout_value_is_what_it_prints():
    readout = Readout("x", 0.0576461, decimals=4)
    assert readout.value.text == "0.0576" and float(readout.value) == 0.0576
    readout.set(-12.25)
    assert float(readout.value) == -12.25
    angle = DegreeReadout(r"\theta", 45.25)
    assert float(angle.value) == 45.2 or float(angle.value) == 45.3  # as typeset, 1 decimal
    assert angle.value.text.startswith("45.")


def test_printed_reads_text_and_formulas_with_one_number():
    assert float(printed(MathTex("2.718"))) == 2.718
    assert float(printed(Text("x = 0.25"))) == 0.25


def test_printed_all_keeps_each_elements_precision():
    numbers = [DecimalNumber(1.0, num_decimal_places=1), DecimalNumber(2.25, num_decimal_places=2)]
    reading = printed_all(numbers)
    assert isinstance(reading, PrintedArray)
    assert list(reading.half_units) == [0.05, 0.005]
    assert isinstance(reading[1], Printed) and reading[1].text == "2.25"


def test_readings_survive_pickling_with_their_source():
    tip = Drawing().tip_shown()
    again = pickle.loads(pickle.dumps(tip))
    assert source_of(again) == tip.source and list(again) == list(tip)
    one = pickle.loads(pickle.dumps(parse_printed("0.5")))
    assert one.text == "0.5" and one.decimals == 1


def test_a_reshaped_printed_matrix_indexes_each_entry_with_its_own_text():
    numbers = [
        DecimalNumber(v, num_decimal_places=d)
        for v, d in [(1.0, 1), (2.25, 2), (3.0, 0), (-4.5, 1), (5.125, 3), (6.0, 1)]
    ]
    matrix = printed_all(numbers).reshape(2, 3)
    assert matrix.shape == (2, 3) and matrix.half_units.shape == (2, 3)
    assert matrix[1][2].text == "6.0" and matrix[1, 1].text == "5.125"
    row = matrix[0]
    assert isinstance(row, PrintedArray) and list(row.texts) == ["1.0", "2.25", "3"]
    assert row[1].half_unit == 0.005
    again = pickle.loads(pickle.dumps(matrix))
    assert again.shape == (2, 3) and again[1][0].text == "-4.5"


def test_a_printed_view_that_lost_its_texts_still_reshapes_and_pickles():
    # flattening a printed matrix gives a view whose shape no longer matches its texts: it
    # keeps the values (as readings of the same source), not the texts; before, reshaping
    # it raised ValueError and pickling it AttributeError
    numbers = [DecimalNumber(v, num_decimal_places=1) for v in (1.5, -2.0, 3.5, 4.0)]
    flat = printed_all(numbers).reshape(2, 2).ravel()
    assert flat.texts == () and flat.half_units is None
    square = flat.reshape(2, 2)
    assert square.shape == (2, 2) and square.texts == ()
    assert float(square[1, 0]) == 3.5
    again = pickle.loads(pickle.dumps(flat))
    assert isinstance(again, PrintedArray) and again.tolist() == flat.tolist()
    assert again.source == "printed"
