"""Numbers as bits: an integer's binary digits with their place values, and IEEE-754 floats
split into their sign, exponent and mantissa fields.

A bit pattern is a tuple of 0s and 1s written *most significant bit first*, as a number is
read (``203`` in eight bits is ``(1, 1, 0, 0, 1, 0, 1, 1)``). Bit ``i`` of an ``n``-bit
unsigned integer is worth ``2 ** (n - 1 - i)``.

An IEEE-754 binary float of width ``1 + E + M`` bits is a sign bit ``s``, an ``E``-bit biased
exponent ``e`` and an ``M``-bit mantissa (fraction) ``m``. A *normal* number
(``0 < e < 2**E - 1``) is worth ``(-1)**s * 2**(e - bias) * (1 + m / 2**M)`` with
``bias = 2**(E - 1) - 1``: float32 has ``E, M = 8, 23`` (bias 127), float64 ``11, 52``
(bias 1023). The fields are taken from the bytes :mod:`struct` packs, so the pattern is the
one the machine stores, rounded to nearest by the cast; every decoded value is an exact
:class:`~fractions.Fraction`.

Pure Python and numpy (no manim): :mod:`mathviz.primitives.bits` draws one cell per bit.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np

__all__ = [
    "FloatFormat",
    "FLOAT32",
    "FLOAT64",
    "FORMATS",
    "Field",
    "IntegerBits",
    "FloatBits",
    "bits_to_int",
    "place_values",
    "integer_bits",
    "float_bits",
    "decode_bits",
    "mantissa_place_values",
    "mantissa_steps",
    "float_neighbours",
]

Kind = Literal["zero", "subnormal", "normal", "infinity", "nan"]


@dataclass(frozen=True)
class FloatFormat:
    """An IEEE-754 binary interchange format.

    Attributes
    ----------
    name
        ``"float32"`` or ``"float64"``.
    exponent_bits, mantissa_bits
        Widths ``E`` and ``M`` of the exponent and mantissa fields.
    struct_code
        The :mod:`struct` format character that packs one value (``"f"``, ``"d"``).
    """

    name: str
    exponent_bits: int
    mantissa_bits: int
    struct_code: str

    @property
    def width(self) -> int:
        """Bits in one value: ``1 + E + M``."""
        return 1 + self.exponent_bits + self.mantissa_bits

    @property
    def bias(self) -> int:
        """The exponent bias ``2**(E - 1) - 1`` (127 for float32)."""
        return int(2 ** (self.exponent_bits - 1)) - 1

    @property
    def dtype(self) -> type[np.floating[Any]]:
        """The numpy scalar type of the format."""
        return np.float32 if self.width == 32 else np.float64


FLOAT32 = FloatFormat("float32", 8, 23, "f")
FLOAT64 = FloatFormat("float64", 11, 52, "d")
#: the formats by name
FORMATS: dict[str, FloatFormat] = {f.name: f for f in (FLOAT32, FLOAT64)}


def _format(fmt: FloatFormat | str) -> FloatFormat:
    if isinstance(fmt, FloatFormat):
        return fmt
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown float format {fmt!r}; one of {', '.join(FORMATS)}") from None


def _check_bits(bits: Sequence[int]) -> tuple[int, ...]:
    out = tuple(int(b) for b in bits)
    if any(b not in (0, 1) for b in out):
        raise ValueError(f"a bit is 0 or 1, not {[b for b in out if b not in (0, 1)]!r}")
    return out


def _power_of_two(k: int) -> Fraction:
    """``2**k`` as an exact fraction (``k`` may be negative)."""
    return Fraction(2**k) if k >= 0 else Fraction(1, 2**-k)


def bits_to_int(bits: Sequence[int]) -> int:
    """The unsigned integer a bit pattern (most significant bit first) stands for.

    Examples
    --------
    >>> bits_to_int((1, 1, 0, 0, 1, 0, 1, 1))
    203
    """
    value = 0
    for b in _check_bits(bits):
        value = 2 * value + b
    return value


def place_values(width: int) -> tuple[int, ...]:
    """What each bit of a ``width``-bit unsigned integer is worth, most significant first.

    Examples
    --------
    >>> place_values(4)
    (8, 4, 2, 1)
    """
    if int(width) != width or width < 1:
        raise ValueError(f"a bit pattern has at least one bit, not {width!r}")
    return tuple(2 ** (width - 1 - i) for i in range(width))


@dataclass(frozen=True)
class Field:
    """A named run of bits inside a pattern: bits ``start`` (inclusive) to ``stop``."""

    name: str
    start: int
    stop: int

    @property
    def width(self) -> int:
        """How many bits the field holds."""
        return self.stop - self.start

    def of(self, bits: Sequence[int]) -> tuple[int, ...]:
        """This field's bits out of a whole pattern."""
        return tuple(bits[self.start : self.stop])

    def value_of(self, bits: Sequence[int]) -> int:
        """This field's bits read as an unsigned integer."""
        return bits_to_int(self.of(bits))


@dataclass(frozen=True)
class IntegerBits:
    """An unsigned integer written in ``width`` bits.

    Attributes
    ----------
    value
        The integer.
    bits
        Its binary digits, most significant first (zero-padded to ``width``).
    """

    value: int
    bits: tuple[int, ...]

    @property
    def width(self) -> int:
        """How many bits are written."""
        return len(self.bits)

    @property
    def place_values(self) -> tuple[int, ...]:
        """What each bit is worth, most significant first."""
        return place_values(self.width)

    @property
    def ones(self) -> tuple[int, ...]:
        """Indices of the bits that are 1 (the place values that add up to ``value``)."""
        return tuple(i for i, b in enumerate(self.bits) if b)

    def running_totals(self) -> tuple[int, ...]:
        """The sum after each 1-bit's place value is added, left to right."""
        totals, total = [], 0
        for i in self.ones:
            total += self.place_values[i]
            totals.append(total)
        return tuple(totals)


def integer_bits(value: int, width: int | None = None) -> IntegerBits:
    """``value`` (≥ 0) as an unsigned integer of ``width`` bits (default: as few as needed).

    Raises
    ------
    ValueError
        For a negative value, or one that does not fit in ``width`` bits.

    Examples
    --------
    >>> integer_bits(5, 4).bits
    (0, 1, 0, 1)
    """
    if int(value) != value or value < 0:
        raise ValueError(f"an unsigned integer is a whole number ≥ 0, not {value!r}")
    value = int(value)
    needed = max(value.bit_length(), 1)
    width = needed if width is None else int(width)
    if width < needed:
        raise ValueError(f"{value} needs {needed} bits; it does not fit in {width}")
    return IntegerBits(value, tuple((value >> (width - 1 - i)) & 1 for i in range(width)))


@dataclass(frozen=True)
class FloatBits:
    """The bit pattern of one IEEE-754 value, split into its fields.

    Attributes
    ----------
    format
        Its :class:`FloatFormat`.
    bits
        The whole pattern, most significant (the sign) first.
    """

    format: FloatFormat
    bits: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.bits) != self.format.width:
            raise ValueError(
                f"a {self.format.name} has {self.format.width} bits, not {len(self.bits)}"
            )
        _check_bits(self.bits)

    # --- the fields -----------------------------------------------------------------------
    @property
    def fields(self) -> tuple[Field, Field, Field]:
        """Sign, exponent and mantissa, as runs of :attr:`bits`."""
        e = self.format.exponent_bits
        return (
            Field("sign", 0, 1),
            Field("exponent", 1, 1 + e),
            Field("mantissa", 1 + e, self.format.width),
        )

    def field(self, name: str) -> Field:
        """The field called ``name`` (``"sign"``, ``"exponent"`` or ``"mantissa"``)."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"no field {name!r}; one of sign, exponent, mantissa")

    @property
    def sign(self) -> int:
        """The sign bit ``s``: 0 for positive, 1 for negative."""
        return self.bits[0]

    @property
    def exponent(self) -> int:
        """The stored (biased) exponent ``e``."""
        return self.fields[1].value_of(self.bits)

    @property
    def mantissa(self) -> int:
        """The stored mantissa ``m`` as an integer (the fraction is ``m / 2**M``)."""
        return self.fields[2].value_of(self.bits)

    # --- what they mean -------------------------------------------------------------------
    @property
    def kind(self) -> Kind:
        """``"zero"``, ``"subnormal"``, ``"normal"``, ``"infinity"`` or ``"nan"``."""
        top = 2**self.format.exponent_bits - 1
        if self.exponent == top:
            return "infinity" if self.mantissa == 0 else "nan"
        if self.exponent == 0:
            return "zero" if self.mantissa == 0 else "subnormal"
        return "normal"

    @property
    def unbiased_exponent(self) -> int:
        """The power of two the significand is scaled by: ``e - bias`` (``1 - bias`` for
        zeros and subnormals)."""
        self._finite()
        return max(self.exponent, 1) - self.format.bias

    @property
    def significand(self) -> Fraction:
        """``1 + m / 2**M`` for a normal number (the hidden leading one), ``m / 2**M`` for
        zeros and subnormals."""
        self._finite()
        fraction = Fraction(self.mantissa, 2**self.format.mantissa_bits)
        return fraction + 1 if self.kind == "normal" else fraction

    @property
    def value(self) -> Fraction:
        """The exact value stored: ``(-1)**s * 2**(e - bias) * significand``."""
        sign = -1 if self.sign else 1
        return sign * _power_of_two(self.unbiased_exponent) * self.significand

    @property
    def ulp(self) -> Fraction:
        """The gap to the next representable value of the same sign and binade:
        ``2**(e - bias - M)``."""
        return _power_of_two(self.unbiased_exponent - self.format.mantissa_bits)

    @property
    def hex(self) -> str:
        """The pattern as hexadecimal digits (``"3dcccccd"`` for float32 0.1)."""
        return f"{bits_to_int(self.bits):0{self.format.width // 4}x}"

    def __float__(self) -> float:
        if self.kind == "nan":
            return float("nan")
        if self.kind == "infinity":
            return float("-inf") if self.sign else float("inf")
        return float(self.value)

    def _finite(self) -> None:
        if self.kind in ("infinity", "nan"):
            raise ValueError(f"{self.hex} is {self.kind}: it has no finite value")


def float_bits(x: float, fmt: FloatFormat | str = FLOAT32) -> FloatBits:
    """The bits the machine stores for ``x`` in format ``fmt``, packed by :mod:`struct`
    (big-endian, so the sign comes first); a float32 is ``x`` rounded to nearest.

    Examples
    --------
    >>> float_bits(0.1).hex
    '3dcccccd'
    """
    f = _format(fmt)
    data = struct.pack(">" + f.struct_code, float(x))
    word = int.from_bytes(data, "big")
    return FloatBits(f, tuple((word >> (f.width - 1 - i)) & 1 for i in range(f.width)))


def decode_bits(bits: Sequence[int], fmt: FloatFormat | str = FLOAT32) -> Fraction:
    """The exact value of a bit pattern of format ``fmt`` (finite values only)."""
    return FloatBits(_format(fmt), _check_bits(bits)).value


def mantissa_place_values(fmt: FloatFormat | str = FLOAT32) -> tuple[Fraction, ...]:
    """What each mantissa bit adds to the significand: ``1/2, 1/4, …, 1/2**M``."""
    f = _format(fmt)
    return tuple(Fraction(1, 2**k) for k in range(1, f.mantissa_bits + 1))


def mantissa_steps(fb: FloatBits) -> tuple[Fraction, ...]:
    """The value after each mantissa bit is taken in, left to right: entry ``k`` is
    ``(-1)**s * 2**(e - bias) * (1 + sum of the first k + 1 lit fractions)``, so the last
    entry is :attr:`FloatBits.value`. A normal number only.
    """
    if fb.kind != "normal":
        raise ValueError(f"{fb.hex} is {fb.kind}: the steps start from a hidden leading one")
    scale = (-1 if fb.sign else 1) * _power_of_two(fb.unbiased_exponent)
    steps, significand = [], Fraction(1)
    for bit, worth in zip(fb.fields[2].of(fb.bits), mantissa_place_values(fb.format), strict=True):
        significand += bit * worth
        steps.append(scale * significand)
    return tuple(steps)


def float_neighbours(
    x: float, fmt: FloatFormat | str = FLOAT32, count: int = 1
) -> tuple[Fraction, ...]:
    """The ``2 * count + 1`` representable values around ``x`` rounded to ``fmt``: ``count``
    below, the rounded value itself, ``count`` above, each exact (numpy's ``nextafter``)."""
    f = _format(fmt)
    if count < 0:
        raise ValueError("count is ≥ 0")
    dtype = f.dtype
    centre = dtype(x)
    below, above = [], []
    lo = hi = centre
    for _ in range(count):
        lo = np.nextafter(lo, dtype(-np.inf))
        hi = np.nextafter(hi, dtype(np.inf))
        below.append(Fraction(float(lo)))
        above.append(Fraction(float(hi)))
    return (*reversed(below), Fraction(float(centre)), *above)
