"""6.3 Gradients: the readouts follow the descending dot at every sampled moment, and the
angles between arrows and level curves are read from the drawing (the values at the beats'
ends are also tested in ``tests/test_chapters.py``)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp


@pytest.fixture(scope="module")
def results(chapter_reports):
    return {c.name: c for r in chapter_reports("6.3") for c in r.checkpoints}


def test_angles_are_read_from_the_drawn_arrows_and_rings(results):
    for name in ("angle_to_level_curve_at_(1,1)", "max_angle_error_all_arrows"):
        assert results[name].ok, results[name].source
        assert results[name].source.startswith("derived")
        assert "direction_shown" in results[name].source
        assert "tangent_shown" in results[name].source
    # at (1, 1) the level curve x² + 3y² = 4 has tangent (−3, 1)·k, the gradient (2, 6): 90°
    x, y = sp.symbols("x y")
    f = x**2 + 3 * y**2
    grad = np.array([float(sp.diff(f, v).subs({x: 1, y: 1})) for v in (x, y)])
    tangent = np.array([-grad[1], grad[0]])
    assert float(grad @ tangent) == 0.0
    assert results["angle_to_level_curve_at_(1,1)"].shown == pytest.approx(90.0, abs=0.5)


def test_readouts_follow_the_dot_at_every_sampled_moment(held):
    held(
        "6.3",
        "x readout equals the dot's x",
        "y readout equals the dot's y",
        "f readout is f at the dot",
        "1-D x readout equals the dot's x",
        "1-D f readout is x² at the dot's x",
        source="printed",
    )


def test_counters_and_start_readouts_as_printed(results):
    p = np.array([2.5, 1.5])
    for _ in range(12):
        p = p - 0.1 * np.array([2 * p[0], 6 * p[1]])
    assert results["k_readout_at_start"].shown == 0
    assert results["k_readout_after_12_steps"].shown == 12
    assert results["k_readout_at_start_1d"].shown == 0
    assert results["k_readout_after_20_steps"].shown == 20
    assert results["x_readout_at_start"].shown == 2.5
    assert results["y_readout_at_start"].shown == 1.5
    assert results["y_readout_after_12_steps"].shown == round(p[1], 3)
    assert results["x_readout_at_start_1d"].shown == 5.0
    assert results["f_readout_at_start_1d"].shown == 25.0
