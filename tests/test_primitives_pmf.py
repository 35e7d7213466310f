"""PMFBars and StepCDF: tiles, bars and the staircase read back through their axes."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import pytest
from animation_helpers import run
from manim import Axes

from mathviz.maths.random_variables import two_dice_sum
from mathviz.primitives.pmf import FractionReadout, PMFBars, StepCDF

COUNTS = [
    Counter(a + b for a, b in itertools.product(range(1, 7), repeat=2))[s] for s in range(2, 13)
]


def _axes(top: float, length: float) -> Axes:
    return Axes(x_range=(1, 13, 1), y_range=(0, top, top / 4), x_length=11.4, y_length=length)


@pytest.fixture
def built(scene):
    x = two_dice_sum()
    pmf = PMFBars(x, _axes(7 / 36, 2.66))
    pmf.place_in_grid(6, np.array([-3.0, -2.0, 0.0]), (0.86, 0.44))
    scene.add(pmf)
    return x, pmf


def test_tiles_stack_into_columns_of_their_sums(scene, built):
    _, pmf = built
    assert pmf.tile_count_shown() == 36
    run(scene, pmf.stack())
    assert pmf.tiles_per_column_shown() == COUNTS
    np.testing.assert_allclose(pmf.stack_heights_shown(), np.array(COUNTS) / 36, atol=1e-9)
    assert list(pmf.heights_shown()) == []  # no bar is drawn before the tiles melt


def test_fused_bars_and_written_fractions(scene, built):
    _, pmf = built
    run(scene, pmf.stack())
    run(scene, pmf.write_counts())
    run(scene, pmf.fuse())
    np.testing.assert_allclose(pmf.heights_shown(), np.array(COUNTS) / 36, atol=1e-9)
    assert pmf.tile_count_shown() == 0
    run(scene, pmf.divide_counts(36))
    assert list(pmf.counts_shown()) == COUNTS
    assert list(pmf.denominators_shown()) == [36] * 11


def test_staircase_is_the_running_sum(scene, built):
    x, pmf = built
    run(scene, pmf.stack())
    run(scene, pmf.fuse())
    cdf = StepCDF(x, _axes(1.0, 3.0), pmf)
    scene.add(cdf)
    assert cdf.top_shown() == 0.0 and cdf.height_at_shown(1.5) == pytest.approx(0.0)
    run(scene, cdf.carry(4))
    assert len(cdf.levels_shown()) == 4
    run(scene, cdf.carry(11))
    running = np.cumsum(COUNTS) / 36
    np.testing.assert_allclose(cdf.levels_shown(), running, atol=1e-9)
    np.testing.assert_allclose(cdf.jumps_shown(), np.array(COUNTS) / 36, atol=1e-9)
    assert cdf.height_at_shown(7.5) == pytest.approx(21 / 36, abs=1e-9)
    assert cdf.height_at_shown(12.5) == pytest.approx(1.0, abs=1e-9)
    anim, _ = cdf.gather([4, 5, 6], 6.5, "#EF476F")
    run(scene, anim)
    bottom, top = cdf.gathered_shown()
    assert (bottom, top - bottom) == pytest.approx((3 / 36, 12 / 36), abs=1e-9)


def test_fraction_readout_reads_its_digits():
    r = FractionReadout("P", 21, 36)
    assert r.numerator_shown == 21 and r.denominator_shown == 36
    assert r.value_shown() == pytest.approx(21 / 36)
    r.follow(lambda: 11.0)
    assert r.numerator_shown == 11
