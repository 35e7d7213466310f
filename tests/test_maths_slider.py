"""SliderRange: values to fractions of a track and back, ticks, the fill's anchor."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.slider import SliderRange


def test_fraction_and_value_are_inverse():
    r = SliderRange(-1.0, 3.0)
    rng = np.random.default_rng(7)
    for v in rng.uniform(-1.0, 3.0, size=50):
        assert r.value_at(r.fraction(float(v))) == pytest.approx(v, abs=1e-12)
    assert r.fraction(-1.0) == 0.0 and r.fraction(3.0) == 1.0
    assert r.fraction(0.5) == float(Fraction(3, 8))
    assert r.span == 4.0


def test_values_off_the_track_are_refused_or_clamped():
    r = SliderRange(-2.0, 4.0)
    with pytest.raises(ValueError):
        r.fraction(4.5)
    assert r.clamp(9.0) == 4.0 and r.clamp(-9.0) == -2.0 and r.clamp(1.5) == 1.5
    assert r.contains(-2.0) and r.contains(4.0) and not r.contains(-2.01)


@pytest.mark.parametrize(("low", "high"), [(1.0, 1.0), (2.0, 1.0), (0.0, float("inf"))])
def test_a_range_needs_two_finite_ordered_ends(low, high):
    with pytest.raises(ValueError):
        SliderRange(low, high)


def test_ticks_are_exact_multiples_of_the_step():
    assert SliderRange(-1.0, 3.0).ticks(1.0) == (-1.0, 0.0, 1.0, 2.0, 3.0)
    tenths = SliderRange(0.0, 1.0).ticks(0.1)
    assert tenths == tuple(float(Fraction(k, 10)) for k in range(11))
    assert SliderRange(-0.25, 0.8).ticks(0.5) == (0.0, 0.5)
    with pytest.raises(ValueError):
        SliderRange(0.0, 1.0).ticks(0.0)


def test_the_fill_starts_at_zero_or_the_nearer_end():
    assert SliderRange(-1.0, 3.0).anchor == 0.0
    assert SliderRange(2.0, 5.0).anchor == 2.0
    assert SliderRange(-5.0, -2.0).anchor == -2.0
