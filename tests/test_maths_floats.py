"""mathviz.maths.floats: doubles as exact points, walked, counted and rounded — checked
against brute force with ``math.nextafter``, ``struct`` bit patterns, ``decimal`` and
Python's own float arithmetic."""

from __future__ import annotations

import math
import struct
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.floats import (
    Window,
    ZoomPath,
    accumulate,
    as_fraction,
    count_doubles,
    decimal_places,
    decimal_text,
    double_at_or_above,
    double_at_or_below,
    doubles_in,
    exact,
    finest_level,
    from_ordinal,
    gap_above,
    nested_step,
    ordinal,
    round_to_double,
    ruler_ticks,
    ulps_between,
    zoom_windows,
)


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def test_exact_is_the_binary_value_not_the_decimal():
    assert exact(0.5) == Fraction(1, 2)
    assert exact(0.3) == Fraction(Decimal(0.3))  # Decimal(float) is exact too
    assert exact(0.3) != Fraction(3, 10)
    assert exact(0.3) - Fraction(3, 10) == Fraction(-1, 5) * Fraction(2) ** -54
    with pytest.raises(ValueError):
        exact(math.inf)
    assert as_fraction(Fraction(1, 3)) == Fraction(1, 3)
    assert as_fraction(7) == 7


@pytest.mark.parametrize("x", [0.0, 5e-324, 0.3, 1.0, 1e16, 1.7976931348623157e308, -2.5, -0.0])
def test_ordinals_count_neighbours(x):
    assert from_ordinal(ordinal(x)) == x
    up = math.nextafter(x, math.inf)
    assert math.isinf(up) or ordinal(up) == ordinal(x) + 1
    down = math.nextafter(x, -math.inf)
    assert ordinal(down) == ordinal(x) - 1
    if x > 0:  # for positive doubles the ordinal is the bit pattern itself
        assert ordinal(x) == bits(x)
    assert ordinal(-0.0) == ordinal(0.0) == 0


def test_neighbours_of_a_rational():
    v = Fraction(3, 10)
    below, above = double_at_or_below(v), double_at_or_above(v)
    assert Fraction(below) < v < Fraction(above)
    assert math.nextafter(below, 1.0) == above
    assert double_at_or_above(0.3) == double_at_or_below(0.3) == 0.3  # a double itself


def brute_force(lo: Fraction, hi: Fraction) -> list[float]:
    d = float(lo)
    while Fraction(d) > lo:
        d = math.nextafter(d, -math.inf)
    out = []
    while Fraction(d) <= hi:
        if Fraction(d) >= lo:
            out.append(d)
        d = math.nextafter(d, math.inf)
    return out


@pytest.mark.parametrize(
    ("lo", "hi"),
    [
        (Fraction(3, 10) - Fraction(1, 10**15), Fraction(3, 10) + Fraction(1, 10**15)),
        (Fraction(1) - Fraction(5, 10**16), Fraction(1) + Fraction(5, 10**16)),  # a binade edge
        (Fraction(10**16 - 4), Fraction(10**16 + 16)),
        (Fraction(-1, 10**320), Fraction(1, 10**320)),  # subnormals around zero
    ],
)
def test_doubles_in_a_window_match_a_walk_with_nextafter(lo, hi):
    walked = brute_force(lo, hi)
    assert doubles_in(lo, hi) == walked
    assert count_doubles(lo, hi) == len(walked)


def test_window_ends_on_doubles_are_included_and_limits_hold():
    a = 0.3
    b = math.nextafter(math.nextafter(a, 1), 1)
    assert doubles_in(a, b) == [a, math.nextafter(a, 1), b]
    assert count_doubles(b, a) == 0
    with pytest.raises(ValueError):
        doubles_in(0, 1, limit=1000)


def test_count_near_three_tenths_is_width_over_ulp():
    # in [0.25, 0.5) every gap is 2**-54: a window of width w holds about w / 2**-54 doubles
    for width in (Fraction(1, 10**8), Fraction(1, 10**15), Fraction(5, 10**16)):
        lo, hi = Fraction(3, 10) - width / 2, Fraction(3, 10) + width / 2
        n = count_doubles(lo, hi)
        assert abs(n - width / Fraction(2) ** -54) <= 1
    assert (
        179_000_000
        < count_doubles(Fraction(3, 10) - Fraction(5, 10**9), Fraction(3, 10) + Fraction(5, 10**9))
        < 181_000_000
    )


def test_gap_above_is_the_ulp():
    for x in (0.3, 1.0, 1e16, 5e-324, 0.25):
        assert gap_above(x) == Fraction(math.ulp(x))
    assert gap_above(0.3) == Fraction(2) ** -54
    assert gap_above(1e16) == 2
    assert gap_above(math.nextafter(1.0, 0)) == Fraction(math.ulp(1.0)) / 2  # below a power of 2


def test_round_to_double_agrees_with_correctly_rounded_division():
    rng = np.random.default_rng(12)
    for _ in range(2000):
        num = int(rng.integers(-(10**18), 10**18))
        den = int(rng.integers(1, 10**18))
        v = Fraction(num, den)
        assert round_to_double(v) == num / den  # int / int is correctly rounded in CPython


def test_ties_go_to_the_even_neighbour():
    # the stored 0.1 and 0.2 add up to exactly halfway between two doubles
    s = exact(0.1) + exact(0.2)
    below = double_at_or_below(s)
    above = math.nextafter(below, 1)
    assert s - Fraction(below) == Fraction(above) - s
    assert round_to_double(s) == 0.1 + 0.2 == above
    assert bits(above) % 2 == 0 and bits(below) % 2 == 1
    # at 1e16 the gap is 2: 1e16 + 1 ties back to 1e16 (even), 1e16 + 3 up to 1e16 + 4
    assert round_to_double(10**16 + 1) == 1e16 == 1e16 + 1.0
    assert round_to_double(10**16 + 3) == 1e16 + 4 == 1e16 + 3.0
    assert ulps_between(0.3, 0.1 + 0.2) == 1


def test_window_maps_values_to_fractions_exactly():
    w = Window.of("0.2", "0.4")
    assert w.lo == Fraction(1, 5) and w.width == Fraction(1, 5)
    assert w.fraction_of(Fraction(3, 10)) == Fraction(1, 2)
    assert w.value_at(Fraction(1, 4)) == Fraction(1, 4)
    assert w.contains(0.3) and not w.contains(0.5)
    around = Window.around("0.3", "1e-15", "0.25")
    assert around.width == Fraction(1, 10**15)
    assert around.fraction_of(Fraction(3, 10)) == Fraction(1, 4)
    with pytest.raises(ValueError):
        Window.of(1, 1)
    with pytest.raises(TypeError):
        Window(0.0, 1.0)  # type: ignore[arg-type]


def test_nested_steps_divide_each_other():
    steps = [nested_step(k) for k in range(-8, 5)]
    assert steps[:4] == [
        Fraction(1, 10**4),
        Fraction(2, 10**4),
        Fraction(1, 10**3),
        Fraction(2, 10**3),
    ]
    assert nested_step(0) == 1 and nested_step(1) == 2 and nested_step(-1) == Fraction(1, 5)
    for fine, coarse in zip(steps, steps[1:], strict=False):
        assert (coarse / fine).denominator == 1 and coarse > fine


def test_finest_level_is_the_first_wide_enough():
    for width, length, gap in (
        (Fraction(1), 12.0, 0.06),
        (Fraction(5, 10**16), 12.0, 0.06),
        (Fraction(20), 12.0, 1.0),
    ):
        k = finest_level(width, length, gap)
        assert nested_step(k) * Fraction(length) / width >= Fraction(gap)
        assert nested_step(k - 1) * Fraction(length) / width < Fraction(gap)


def test_ruler_ticks_are_multiples_tagged_with_their_coarsest_level():
    w = Window.of(0, 1)
    ticks = ruler_ticks(w, 12.0, min_spacing=0.5)
    assert [t.value for t in ticks] == [Fraction(k, 10) for k in range(11)]
    by_value = {t.value: t for t in ticks}
    assert by_value[Fraction(1, 10)].level == -2  # a multiple of 0.1 but not of 0.2
    assert by_value[Fraction(2, 10)].level == -1  # of 0.2, not of 1
    assert by_value[Fraction(1)].level >= 0
    for t in ticks:
        assert (t.value / nested_step(t.level)).denominator == 1
        assert (t.value / nested_step(t.level + 1)).denominator != 1 or t.spacing > 1e3
        assert t.spacing == pytest.approx(float(nested_step(t.level) * 12 / w.width))
    deep = Window.around("0.3", "5e-16")
    fine = ruler_ticks(deep, 12.0, min_spacing=0.06)
    gaps = np.diff([float((t.value - deep.lo) / deep.width) * 12 for t in fine])
    assert gaps.min() >= 0.06 - 1e-9
    assert any(t.value == Fraction(3, 10) for t in fine)


def test_decimal_text_is_exact_and_minimal():
    assert decimal_text(Fraction(3, 10)) == "0.3"
    assert decimal_text(Fraction(-1, 50)) == "-0.02"
    assert decimal_text(10**16 + 10) == "10000000000000010"
    assert decimal_text(Fraction(3, 10) - Fraction(2, 10**16)) == "0.2999999999999998"
    assert decimal_text(exact(0.3)) == str(Decimal(0.3))  # every double is a finite decimal
    rng = np.random.default_rng(3)
    for _ in range(300):
        v = Fraction(int(rng.integers(-(10**12), 10**12)), 10 ** int(rng.integers(0, 18)))
        text = decimal_text(v)
        assert Fraction(text) == v
        assert decimal_places(v) == (len(text.split(".")[1]) if "." in text else 0)
        assert not text.endswith("0") or "." not in text
    with pytest.raises(ValueError):
        decimal_text(Fraction(1, 3))


def test_zoom_path_keeps_its_ends_and_zooms_geometrically():
    start, end = Window.of(0, 1), Window.around("0.3", "1e-8")
    path = ZoomPath(start, end, Fraction(3, 10))
    assert path.window_at(0) == start and path.window_at(1) == end
    widths = [path.width_at(a) for a in (0.25, 0.5, 0.75)]
    assert widths[1] == pytest.approx(1e-4, rel=1e-12)  # half way in log: 1e-4
    assert widths[0] / widths[1] == pytest.approx(widths[1] / widths[2], rel=1e-9)
    # the focus glides linearly from 0.3 of the window to its middle
    for a in (0.2, 0.6):
        t = path.window_at(a).fraction_of(Fraction(3, 10))
        assert float(t) == pytest.approx(0.3 + 0.2 * a, abs=1e-9)


def test_zoom_windows_end_where_asked():
    windows = zoom_windows("0.3", Window.of(0, 1), ["1e-8", "5e-16"], "0.5")
    assert len(windows) == 3
    assert [w.width for w in windows] == [1, Fraction(1, 10**8), Fraction(5, 10**16)]
    assert windows[-1].fraction_of(Fraction(3, 10)) == Fraction(1, 2)
    assert all(w.contains(Fraction(3, 10)) for w in windows)
    t_mid = float(windows[1].fraction_of(Fraction(3, 10)))
    assert 0.3 < t_mid < 0.5  # on its way, in step with log width: 8 of 15.3 decades
    assert t_mid == pytest.approx(0.3 + 0.2 * 8 / -math.log10(5e-16), abs=1e-9)
    with pytest.raises(ValueError):
        zoom_windows("2", Window.of(0, 1), ["1e-3"], "0.5")


def test_accumulate_is_python_float_addition_step_by_step():
    xs = [1e16] + [1.0] * 10
    steps = accumulate(xs)
    total = xs[0]
    for step, x in zip(steps, xs[1:], strict=True):
        assert step.before == total and step.addend == x
        assert step.exact == Fraction(total) + Fraction(x)
        total += x
        assert step.after == total
    assert total == 1e16 and all(s.lost == 1 for s in steps)
    backwards = accumulate(list(reversed(xs)))
    assert backwards[-1].after == math.fsum(xs) == 1e16 + 10
    assert all(s.lost == 0 for s in backwards)
    assert accumulate([]) == []
