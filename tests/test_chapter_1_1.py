"""1.1 Number Systems: every value the lecture shows, recomputed here — positions from
fractions and the math module, an integer's bits from ``bin()``, 0.1's float32 bits from
``struct``, its fields by masking the packed word, its value as an exact Fraction of
``numpy.float32(0.1)`` — against what was read back from the dots, cells and typeset digits."""

from __future__ import annotations

import math
import struct
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

RATINGS = 203


@pytest.fixture(scope="module")
def values(shown):
    return shown("1.1")


def packed_word(x: float) -> int:
    """The float32 bit pattern of ``x``, by struct (big-endian, sign bit first)."""
    return int.from_bytes(struct.pack(">f", x), "big")


def stored_tenth() -> Fraction:
    """float32(0.1) exactly."""
    return Fraction(np.float32(0.1).item())


# --- the nested sets ---------------------------------------------------------------------------
def test_examples_sit_at_their_values_on_the_line(values):
    np.testing.assert_allclose(values["naturals_on_the_line"], range(5), atol=1e-9)
    np.testing.assert_allclose(values["negatives_on_the_line"], [-4, -3, -2, -1], atol=1e-9)
    fractions = sorted(Fraction(*p) for p in [(-5, 2), (-4, 3), (9, 4), (7, 2)])
    np.testing.assert_allclose(
        values["fractions_on_the_line"], [float(f) for f in fractions], atol=1e-9
    )
    for f in fractions:
        assert f.denominator > 1  # none of them is an integer
    assert values["dots_on_the_line_so_far"] == 5 + 4 + 4


def test_root_two_and_pi_are_reached_by_construction(values):
    # the unit square's diagonal, by Pythagoras; a circle of diameter 1 unrolled
    assert values["diagonal_lands_at_root_two"] == pytest.approx(math.hypot(1, 1), abs=1e-9)
    assert values["root_two_on_the_line"] == pytest.approx(math.sqrt(2), abs=1e-9)
    assert values["rolled_circle_lands_at_pi"] == pytest.approx(math.pi * 1.0, abs=1e-9)
    assert values["pi_on_the_line"] == pytest.approx(math.pi, abs=1e-9)
    assert values["irrationals_on_the_line"] == 2
    assert values["dots_on_the_line"] == 15
    # neither is a ratio of integers
    assert sp.sqrt(2).is_rational is False and sp.pi.is_rational is False


# --- an integer's bits -------------------------------------------------------------------------
def test_rating_count_bits_and_place_values(values):
    digits = [int(c) for c in bin(RATINGS)[2:].zfill(8)]
    assert values["rating_bits_typed"] == digits
    assert values["place_values_typed"] == [2**k for k in range(7, -1, -1)]
    lit = [2 ** (7 - i) for i, d in enumerate(digits) if d]
    assert values["lit_place_values_typed"] == lit == [128, 64, 8, 2, 1]
    assert values["terms_typed"] == lit
    assert values["lit_place_values_sum"] == sum(lit) == RATINGS
    assert values["sum_readout"] == int(bin(RATINGS), 2)


# --- 0.1 as a float32 --------------------------------------------------------------------------
def test_float_bits_are_the_packed_word(values):
    word = packed_word(0.1)
    assert values["float_bits_typed"] == [int(c) for c in format(word, "032b")]
    assert format(word, "08x") == "3dcccccd"
    assert values["field_widths"] == [1, 8, 23]


def test_fields_as_typeset(values):
    word = packed_word(0.1)
    sign, exponent, mantissa = word >> 31, (word >> 23) & 0xFF, word & (2**23 - 1)
    assert values["sign_typed"] == sign == 0
    assert values["exponent_typed"] == exponent == 123
    _, k = math.frexp(np.float32(0.1).item())  # x = f·2**k with ½ ≤ f < 1
    assert values["unbiased_exponent_typed"] == k - 1 == exponent - 127 == -4
    assert values["mantissa_typed"] == mantissa == 5033165
    assert values["range_start_dot"] == pytest.approx(2.0**-4, abs=1e-12)


def test_decoded_value_as_typeset(values):
    exact = stored_tenth()
    word = packed_word(0.1)
    rebuilt = Fraction(2) ** ((word >> 23 & 0xFF) - 127) * (1 + Fraction(word & 0x7FFFFF, 2**23))
    assert rebuilt == exact
    # the typeset digits: 9 decimals of the significand, 15 of the value
    assert f"{values['significand_typed']:.9f}" == f"{float(exact * 16):.9f}" == "1.600000024"
    assert f"{values['value_typed']:.15f}" == f"{float(exact):.15f}" == "0.100000001490116"
    assert values["value_typed"] != 0.1  # the typeset value is not 0.1
    assert exact != Fraction(1, 10)
    assert values["value_dot"] == pytest.approx(float(exact), abs=1e-15)


def test_zoomed_line_shows_the_neighbours_and_the_gaps(values):
    exact, tenth = stored_tenth(), Fraction(1, 10)
    below = Fraction(np.nextafter(np.float32(0.1), np.float32(0)).item())
    above = Fraction(np.nextafter(np.float32(0.1), np.float32(1)).item())
    assert above - exact == exact - below == Fraction(1, 2**27)
    offsets = [float((f - tenth) * 10**9) for f in (below, exact, above)]
    np.testing.assert_allclose(values["float_ticks_on_the_zoomed_line"], offsets, atol=1e-6)
    assert values["point_one_on_the_zoomed_line"] == pytest.approx(0.0, abs=1e-9)
    # 0.1 lies between the neighbours, nearer the stored one: round to nearest
    assert below < tenth < exact and exact - tenth < tenth - below
    assert f"{values['gap_above_typed']:.2e}" == f"{float(exact - tenth):.2e}" == "1.49e-09"
    assert f"{values['gap_below_typed']:.2e}" == f"{float(tenth - below):.2e}" == "5.96e-09"


def test_readouts_follow_the_lit_bits_at_every_sampled_moment(held):
    held(
        "1.1",
        "sum readout adds up the terms on the sum line",
        "sign readout reads the lit sign bit",
        "exponent readout reads the lit exponent bits",
        "unbiased exponent is e minus 127",
        "mantissa readout reads the lit mantissa bits",
        "significand readout is one plus m over two to the 23",
        "value readout decodes the lit bits",
        "dot sits at the value readout",
        source="printed",
    )
