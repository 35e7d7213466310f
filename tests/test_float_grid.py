"""The float-grid pictures and the bar chart's glide, read back from their drawings."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from mathviz.primitives.bars import BarChart, nice_step
from mathviz.primitives.float_grid import MagnitudeLine, ToyFloatGrid


def _run(animation, moments=(0.25, 0.5, 1.0)):
    animation.begin()
    for t in moments:
        animation.interpolate(t)
    animation.finish()


def test_magnitude_line_stops_at_the_largest_double():
    limit = math.log10(np.finfo(np.float64).max)
    line = MagnitudeLine(limit)
    line.x = 100.0
    line.redraw()
    assert line.exponent_shown() == pytest.approx(100.0, abs=1e-9)
    assert line.decade_shown() == pytest.approx(100 / math.log(10), abs=1e-9)
    _run(line.sweep_to(1002.0, run_time=1.0))
    assert line.decade_shown() == pytest.approx(limit, abs=1e-9)
    assert line.exponent_shown() == pytest.approx(np.log(np.finfo(np.float64).max), abs=1e-9)


@pytest.mark.parametrize(("bits", "binades"), [(3, 4), (2, 3)])
def test_toy_float_ticks_and_gaps(bits, binades):
    grid = ToyFloatGrid(bits=bits, binades=binades, width=10.0)
    step = Fraction(1, 2**bits)
    toy = sorted(
        {Fraction(2) ** e * (1 + k * step) for e in range(binades) for k in range(2**bits)}
    )
    assert grid.ticks_shown_values() == pytest.approx([float(v) for v in toy] + [2.0**binades])
    for e in range(binades):
        assert grid.ticks_in(2.0**e, 2.0 ** (e + 1)) == 2**bits
    for p in (1.05, 2.5, 2.0**binades - 0.1):
        _run(grid.slide_to(p, run_time=1.0))
        assert grid.probe_shown() == pytest.approx(p, abs=1e-9)
        assert grid.gap_shown() == pytest.approx(2.0 ** (math.floor(math.log2(p)) - bits))


@pytest.mark.parametrize(
    ("span", "step"), [(4, 1), (1, 0.5), (24, 10), (2000, 500), (1600, 500), (0.3, 0.5)]
)
def test_nice_step(span, step):
    assert nice_step(span) == step


def test_glide_moves_bars_and_zooms_the_axis():
    chart = BarChart([1000.0, 1001.0, 1002.0], ["a", "b", "c"], y_range=(-500, 1500, 500))
    _run(chart.glide_to([-2.0, -1.0, 0.0], decimals=0), moments=(0.5,))
    # a zero-height bar keeps a hairline of 1e-7 scene units: 7e-5 on this 2000-wide axis
    assert chart.heights_shown() == pytest.approx([-2.0, -1.0, 0.0], abs=1e-4)
    _run(chart.glide_to([-2.0, -1.0, 0.0], window=(-3, 1)))
    assert tuple(chart.axes.y_range[:2]) == pytest.approx((-3.0, 1.0))
    assert chart.heights_shown() == pytest.approx([-2.0, -1.0, 0.0], abs=1e-6)
    assert [float(v) for v in chart.labels_shown()] == [-2.0, -1.0, 0.0]
