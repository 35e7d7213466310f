"""The bits model against independent routes: ``bin()``, ``int.to_bytes``, ``struct`` with
other format strings, ``numpy``'s views of the same bytes, ``math.frexp`` and exact fractions."""

from __future__ import annotations

import math
import struct
from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.bits import (
    FLOAT32,
    FLOAT64,
    Field,
    FloatBits,
    bits_to_int,
    decode_bits,
    float_bits,
    float_neighbours,
    integer_bits,
    mantissa_place_values,
    mantissa_steps,
    place_values,
)


def bin_digits(n: int, width: int) -> list[int]:
    """``n``'s binary digits by Python's own formatting."""
    return [int(c) for c in bin(n)[2:].zfill(width)]


@pytest.mark.parametrize(("n", "width"), [(0, 1), (1, 1), (5, 4), (203, 8), (255, 8), (1337, 16)])
def test_integer_bits_match_bin(n, width):
    number = integer_bits(n, width)
    assert list(number.bits) == bin_digits(n, width)
    assert number.width == width
    assert bits_to_int(number.bits) == n == int("".join(map(str, number.bits)), 2)
    assert sum(p for p, b in zip(number.place_values, number.bits, strict=True) if b) == n


def test_integer_bits_default_width_and_running_totals():
    number = integer_bits(203)
    assert number.width == (203).bit_length() == 8
    assert number.ones == (0, 1, 4, 6, 7)
    assert number.running_totals() == (128, 192, 200, 202, 203)
    assert integer_bits(0).bits == (0,)


def test_place_values_are_descending_powers_of_two():
    assert place_values(8) == (128, 64, 32, 16, 8, 4, 2, 1)
    assert place_values(1) == (1,)
    with pytest.raises(ValueError):
        place_values(0)


@pytest.mark.parametrize("bad", [(-1, None), (256, 8), (2.5, None)])
def test_integer_bits_refuse_what_does_not_fit(bad):
    with pytest.raises(ValueError):
        integer_bits(*bad)


def test_bits_are_zero_or_one():
    with pytest.raises(ValueError):
        bits_to_int((1, 2, 0))
    with pytest.raises(ValueError):
        FloatBits(FLOAT32, (0,) * 31 + (2,))
    with pytest.raises(ValueError):
        FloatBits(FLOAT32, (0,) * 31)


def test_formats():
    assert (FLOAT32.width, FLOAT32.bias) == (32, 127)
    assert (FLOAT64.width, FLOAT64.bias) == (64, 1023)
    assert FLOAT32.dtype is np.float32 and FLOAT64.dtype is np.float64


def test_float32_of_point_one():
    fb = float_bits(0.1)
    word = struct.unpack(">I", struct.pack(">f", 0.1))[0]
    assert list(fb.bits) == bin_digits(word, 32)
    assert fb.hex == f"{word:08x}" == "3dcccccd"
    assert fb.kind == "normal"
    assert (fb.sign, fb.exponent, fb.mantissa) == (0, word >> 23 & 0xFF, word & 0x7FFFFF)
    assert fb.exponent == 123 and fb.unbiased_exponent == -4
    assert fb.mantissa == 5033165
    exact = Fraction(float(np.float32(0.1)))
    assert fb.value == exact
    assert fb.significand == exact * 16
    assert float(fb) == float(np.float32(0.1))
    assert fb.ulp == Fraction(1, 2**27)
    # the fields tile the pattern: 1 + 8 + 23 bits
    assert [(f.name, f.width) for f in fb.fields] == [
        ("sign", 1),
        ("exponent", 8),
        ("mantissa", 23),
    ]
    assert fb.field("exponent").of(fb.bits) == (0, 1, 1, 1, 1, 0, 1, 1)


@pytest.mark.parametrize("x", [0.1, -2.75, 1.0, 3.0e38, 1.0e-40, 0.0, -0.0, math.pi])
def test_float32_values_match_numpy(x):
    fb = float_bits(x)
    word = int(np.array([x], dtype=np.float32).view(np.uint32)[0])
    assert bits_to_int(fb.bits) == word
    assert float(fb) == float(np.float32(x))
    if fb.kind != "zero":
        assert Fraction(float(fb)) == fb.value


@pytest.mark.parametrize("x", [0.1, -1e300, 5e-324, math.e])
def test_float64_values_match_frexp(x):
    fb = float_bits(x, "float64")
    assert fb.value == Fraction(x)
    if fb.kind == "normal":
        mantissa, exponent = math.frexp(abs(x))  # abs(x) = mantissa · 2**exponent, ½ ≤ m < 1
        assert fb.unbiased_exponent == exponent - 1
        assert fb.significand == Fraction(mantissa) * 2


def test_special_values():
    assert float_bits(float("inf")).kind == "infinity"
    assert float(float_bits(float("-inf"))) == float("-inf")
    nan = float_bits(float("nan"))
    assert nan.kind == "nan" and math.isnan(float(nan))
    with pytest.raises(ValueError):
        _ = nan.value
    assert float_bits(1e-40).kind == "subnormal"
    with pytest.raises(ValueError):
        float_bits(1.0, "float16")


def test_decode_bits_and_mantissa_steps():
    fb = float_bits(0.1)
    assert decode_bits(fb.bits) == fb.value
    worth = mantissa_place_values()
    assert worth[0] == Fraction(1, 2) and worth[-1] == Fraction(1, 2**23) and len(worth) == 23
    steps = mantissa_steps(fb)
    assert len(steps) == 23 and steps[-1] == fb.value
    assert steps[0] == Fraction(1, 16) * Fraction(3, 2)  # the first mantissa bit is 1
    assert all(a <= b for a, b in zip(steps, steps[1:], strict=False))
    with pytest.raises(ValueError):
        mantissa_steps(float_bits(0.0))


def test_neighbours_are_one_ulp_apart():
    below, here, above = float_neighbours(0.1)
    fb = float_bits(0.1)
    assert here == fb.value
    assert here - below == above - here == fb.ulp
    assert below < Fraction(1, 10) < here  # 0.1 lies between, nearer the stored value
    assert here - Fraction(1, 10) < Fraction(1, 10) - below
    assert len(float_neighbours(0.1, count=3)) == 7


def test_field_helpers():
    f = Field("x", 2, 5)
    assert f.width == 3
    assert f.of((1, 1, 0, 1, 1, 0)) == (0, 1, 1)
    assert f.value_of((1, 1, 0, 1, 1, 0)) == 3
