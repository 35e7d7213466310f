"""1.2 Arithmetic Operations: every value the lecture shows, recomputed here — doubles from
their IEEE 754 bit patterns (``struct``), rounding with integer arithmetic, exact values as
fractions and decimals, ``math.ulp`` and ``math.fsum`` — against what was read back from the
zoomed number line, the typed REPL and the readouts."""

from __future__ import annotations

import math
import struct
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

ULP_03 = Fraction(1, 2**54)  # doubles in [1/4, 1/2) are 2^(−2−52) apart


@pytest.fixture(scope="module")
def values(shown):
    return shown("1.2")


def from_bits(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def to_bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def nearest_double(v: Fraction) -> float:
    """Round a positive rational to 53 significant bits, ties to even, with integers only."""
    exponent = v.numerator.bit_length() - v.denominator.bit_length()
    if Fraction(2) ** exponent > v:
        exponent -= 1
    scale = Fraction(2) ** (52 - exponent)  # v·scale in [2^52, 2^53)
    num, den = v.numerator * scale.numerator, v.denominator * scale.denominator
    q, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and q % 2 == 1):
        q += 1
    return float(Fraction(q) / scale)


def test_the_independent_rounding_is_ieee_rounding():
    assert nearest_double(Fraction(1, 10)) == 0.1
    assert nearest_double(Fraction(3, 10)) == 0.3
    assert nearest_double(Fraction(0.1) + Fraction(0.2)) == 0.1 + 0.2
    assert nearest_double(Fraction(10**16 + 1)) == 1e16
    rng = np.random.default_rng(2024)
    for _ in range(500):
        num, den = (int(k) for k in rng.integers(1, 10**18, size=2))
        assert nearest_double(Fraction(num, den)) == num / den  # correctly rounded in CPython


def test_the_literals_stand_where_they_belong_on_zero_to_one(values):
    np.testing.assert_allclose(values["literal_markers_on_[0,1]"], [0.1, 0.2, 0.3], atol=1e-9)
    assert values["literal_marker_labels"] == [0.1, 0.2, 0.3]


def test_python_prints_a_hair_above_three_tenths(values):
    stored_sum = nearest_double(Fraction(Decimal(0.1)) + Fraction(Decimal(0.2)))
    assert values["sum_typed"] == stored_sum
    assert stored_sum > 0.3 and to_bits(stored_sum) == to_bits(0.3) + 1


def test_the_zoom_windows_as_typeset(values):
    # window width = m × 10^e: 1.0 × 10⁻⁸ after the first zoom, 5.0 × 10⁻¹⁶ at the doubles
    assert values["window_width_after_first_zoom"] == [1.0, -8.0]
    assert values["window_width_at_the_doubles"] == [5.0, -16.0]
    assert values["window_width_near_1e16"] == [2.0, 1.0]  # [1e16 − 4, 1e16 + 16]
    # the narration's count: a window 1e-8 wide around 0.3 holds about 180 million doubles
    width = Fraction(1, 10**8)
    lo, hi = Fraction(3, 10) - width / 2, Fraction(3, 10) + width / 2
    first = to_bits(nearest_double(lo)) + (Fraction(nearest_double(lo)) < lo)
    last = to_bits(nearest_double(hi)) - (Fraction(nearest_double(hi)) > hi)
    assert 175e6 < last - first + 1 < 185e6


def test_the_doubles_near_three_tenths_are_one_ulp_apart(values):
    assert math.ulp(0.3) == float(ULP_03)
    assert from_bits(to_bits(0.3) + 1) - 0.3 == float(ULP_03)
    assert values["double_spacing_near_0.3"] == pytest.approx(float(ULP_03), rel=1e-9)
    mantissa = float(ULP_03) / 1e-17
    assert values["gap_readout"] == [round(mantissa, 2), -17.0] == [5.55, -17.0]
    # the window 5e-16 wide centred on 3/10 holds nine doubles
    lo, hi = Fraction(3, 10) - Fraction(25, 10**17), Fraction(3, 10) + Fraction(25, 10**17)
    stored = Fraction(0.3)
    inside = [k for k in range(-20, 21) if lo <= stored + k * ULP_03 <= hi]
    assert values["doubles_drawn"] == len(inside) == 9
    assert values["markers_0.1_and_0.2_left_the_window"] == 0


def test_the_literal_three_tenths_is_a_fifth_of_a_tick_low(values):
    offset = (Fraction(Decimal(0.3)) - Fraction(3, 10)) / ULP_03
    assert offset == Fraction(-1, 5)
    assert values["stored_0.3_ticks_from_three_tenths"] == pytest.approx(float(offset), abs=1e-6)
    assert values["stored_0.3_offset_readout"] == -0.2


def test_the_sum_lands_halfway_then_rounds_one_tick_up(values):
    exact_sum = Fraction(Decimal(0.1)) + Fraction(Decimal(0.2))
    halfway = (exact_sum - Fraction(Decimal(0.3))) / ULP_03
    assert halfway == Fraction(1, 2)
    assert values["exact_sum_ticks_from_0.3"] == pytest.approx(0.5, abs=1e-6)
    rounded = (Fraction(nearest_double(exact_sum)) - Fraction(0.3)) / ULP_03
    assert rounded == 1
    assert values["sum_ticks_from_0.3"] == pytest.approx(1.0, abs=1e-6)
    assert values["sum_tick_readout"] == 1.0


def test_the_gap_is_the_brief_difference(values):
    difference = Fraction(0.1 + 0.2) - Fraction(0.3)
    assert difference == ULP_03
    assert float(difference) == 5.551115123125783e-17  # the brief's value
    assert values["gap_read_off_the_line"] == pytest.approx(float(difference), rel=1e-9)
    assert values["difference_typed"] == float(difference)
    assert values["ulp_typed"] == math.ldexp(1.0, -54) == float(difference)
    assert values["gap_equals_tick_spacing"] == pytest.approx(1.0, abs=1e-9)


def test_the_order_of_a_sum_changes_its_result(values):
    xs = [1e16] + [1.0] * 10
    left_to_right = xs[0]
    for x in xs[1:]:
        left_to_right = nearest_double(Fraction(left_to_right) + Fraction(x))
    ones_first = nearest_double(Fraction(10) + Fraction(10**16))
    assert left_to_right == 1e16 and ones_first == math.fsum(xs) == 1e16 + 10
    assert math.ulp(1e16) == 2.0
    assert values["double_spacing_near_1e16"] == pytest.approx(2.0, rel=1e-9)
    assert values["ones_added_before_the_loop"] == 0
    assert values["ones_added"] == 10
    assert values["left_to_right_readout"] == left_to_right
    assert values["left_to_right_typed"] == left_to_right
    assert values["reversed_readout"] == ones_first
    assert values["reversed_typed"] == ones_first
    assert values["results_ticks_apart"] == pytest.approx(
        (ones_first - left_to_right) / 2, abs=1e-6
    )
    assert values["results_apart_on_the_line"] == pytest.approx(10.0, abs=1e-9)


def test_readouts_and_labels_hold_while_the_line_zooms(held):
    held(
        "1.2",
        "width readout equals the line's window",
        "width readout equals the window near 1e16",
        "gap readout equals the drawn ticks' spacing",
        "tick readout follows the sum marker",
        "ruler labels name the values under them",
        "ruler labels name the values under them (1e16)",
        "sum(xs) readout equals its marker",
        "reversed readout equals its marker",
        source="printed",
    )
    held(
        "1.2",
        "ruler labels sit where their typed values belong",
        "ruler labels sit where their typed values belong (1e16)",
        source="derived",
    )
