"""BitRow: digits typeset, flipped in, lit by a scanning cursor and read back from the
drawing, built and animated without rendering."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.bits import float_bits, integer_bits
from mathviz.primitives.bits import FIELD_COLORS, BitRow
from mathviz.readings import source_of


def word_bits(x: float) -> list[int]:
    """The float32 bits of ``x`` through struct and bin(), not the model."""
    word = struct.unpack(">I", struct.pack(">f", x))[0]
    return [int(c) for c in format(word, "032b")]


def test_digits_are_read_as_typeset(scene):
    row = BitRow.of_integer(integer_bits(203, 8))
    scene.add(row)
    shown = row.digits_shown()
    assert source_of(shown) == "printed"
    assert list(shown) == [int(c) for c in bin(203)[2:]]
    assert list(shown.texts) == list(bin(203)[2:])
    places = [int(p.tex_string) for p in row.places]
    assert places == [2**k for k in range(7, -1, -1)]


def test_cells_sit_a_pitch_apart_with_gaps_between_fields():
    row = BitRow.of_float(float_bits(0.1), cell=0.4, field_gap=0.3, center=(1.0, 2.0))
    xs = np.array([c.get_center()[0] for c in row.cells])
    steps = np.diff(xs)
    assert steps[0] == pytest.approx(0.7)  # sign | exponent
    assert steps[8] == pytest.approx(0.7)  # exponent | mantissa
    assert np.delete(steps, [0, 8]) == pytest.approx(np.full(29, 0.4))
    assert (xs[0] + xs[-1]) / 2 == pytest.approx(1.0)
    assert all(c.get_center()[1] == pytest.approx(2.0) for c in row.cells)
    assert row.cells[0].get_stroke_color() == FIELD_COLORS["sign"]
    assert row.cells[5].get_stroke_color() == FIELD_COLORS["exponent"]
    assert row.cells[31].get_stroke_color() == FIELD_COLORS["mantissa"]


def test_flip_in_shows_digits_from_left_to_right(scene):
    row = BitRow.of_float(float_bits(0.1), cell=0.4)
    anim = row.flip_in(lag_ratio=0.2)
    anim._setup_scene(scene)
    anim.begin()
    anim.interpolate(0.0)
    assert len(row.digits_shown()) == 0
    counts = []
    for alpha in np.linspace(0, 1, 21):
        anim.interpolate(alpha)
        counts.append(len(row.digits_shown()))
    assert counts == sorted(counts) and counts[-1] == 32
    anim.finish()
    assert list(row.digits_shown()) == word_bits(0.1)
    # every cell is back to full size
    assert all(c.height == pytest.approx(row.size) for c in row.cells)


def test_scan_lights_each_one_bit_when_the_cursor_arrives(scene):
    row = BitRow.of_integer(integer_bits(203, 8), cell=1.0)
    scene.add(row)
    anim = row.scan(run_time=4.0)
    anim._setup_scene(scene)
    anim.begin()
    totals = []
    for k, moment in enumerate(anim.moments):
        anim.interpolate(moment + 1e-9)
        assert row.cursor_at_shown() == k
        totals.append(int(row.lit_total_shown()))
    assert totals == [128, 192, 192, 192, 200, 200, 202, 203]
    anim.finish()
    assert row.lit_shown() == [0, 1, 4, 6, 7]
    assert row.cursor_at_shown() == -1  # hidden once the scan is over
    assert [int(p) for p in row.lit_places_shown()] == [128, 64, 8, 2, 1]
    assert source_of(row.lit_total_shown()).startswith("derived")
    lit = row.cells[0]
    assert lit.get_fill_opacity() > 0.5
    assert row.digits[0].get_fill_color() == theme.BACKGROUND


def test_field_values_read_from_the_lit_digits(scene):
    fb = float_bits(0.1)
    row = BitRow.of_float(fb, cell=0.35)
    scene.add(row)
    exponent = row.field("exponent")
    assert int(row.field_value_shown("exponent")) == 0  # nothing lit yet
    assert int(row.field_value_shown("exponent", lit_only=False)) == 123
    run(scene, row.scan(range(exponent.start, exponent.stop)))
    assert int(row.field_value_shown("exponent")) == 123
    assert int(row.field_value_shown("mantissa")) == 0
    mantissa = row.field("mantissa")
    run(scene, row.scan(range(mantissa.start, mantissa.stop)))
    word = struct.unpack(">I", struct.pack(">f", 0.1))[0]
    assert int(row.field_value_shown("mantissa")) == word & (2**23 - 1)
    assert row.lit_shown("sign") == []


def test_bad_rows_are_refused():
    with pytest.raises(ValueError):
        BitRow((0, 1, 2))
    with pytest.raises(ValueError):
        BitRow((0, 1), places=["1"])
    with pytest.raises(ValueError):
        BitRow.of_integer(integer_bits(5, 4)).scan([])
