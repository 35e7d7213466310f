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
        "probe x readout is the probe's x",
        "probe y readout is the probe's y",
        "probe f readout is f at the probe",
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


def test_right_angle_marks_are_square_and_sit_on_ring_and_arrow(results):
    """Each drawn mark has a 90° corner, one leg along the drawn ring and one along the drawn
    arrow; sympy: at every arrow's foot the gradient is orthogonal to the level curve's
    tangent (the implicit-function direction (−f_y, f_x))."""
    x, y = sp.symbols("x y")
    f = x**2 + 3 * y**2
    feet = [(1, 1), (-1.5, 0.5), (0, 1), (-1, -1), (2.5, 0.5), (0.5, 0.5), (1.5, -0.5)]
    for px, py in feet:
        fx, fy = (sp.diff(f, v).subs({x: px, y: py}) for v in (x, y))
        tangent = sp.Matrix([-fy, fx])
        angle = sp.acos(sp.Matrix([fx, fy]).dot(tangent) / (tangent.norm() ** 2))
        assert sp.simplify(sp.deg(angle) - 90) == 0
    corners = results["right_angle_marks_corners"]
    assert corners.ok and corners.source.startswith("derived")
    assert "corner_angle_shown" in corners.source
    np.testing.assert_allclose(corners.shown, [90.0] * len(feet), atol=0.5)
    aligned = results["right_angle_marks_on_ring_and_arrow"]
    assert aligned.ok
    for reader in ("legs_shown", "tangent_shown", "direction_shown"):
        assert reader in aligned.source
    assert float(aligned.shown) == pytest.approx(0.0, abs=0.5)


def test_visited_points_of_both_loops(results):
    # the 1-D loop as the code on screen writes it
    x, xs = 5.0, []
    for _ in range(20):
        xs.append(x)
        x -= 0.1 * 2 * x
    visited = results["visited_x_1d"]
    assert visited.ok and visited.source.startswith("geometry")
    np.testing.assert_allclose(visited.shown, xs, atol=1e-6)
    assert results["x_20_in_zoom"].ok
    np.testing.assert_allclose(results["x_20_in_zoom"].shown, [x, x * x], atol=1e-6)
    # the 2-D walk: every iterate before the last is marked on the map
    p, ps = np.array([2.5, 1.5]), []
    for _ in range(12):
        ps.append(p)
        p = p - 0.1 * np.array([2 * p[0], 6 * p[1]])
    np.testing.assert_allclose(
        np.reshape(results["visited_points_2d"].shown, (-1, 2)), ps, atol=1e-6
    )


def test_probe_on_the_ring_and_the_first_step(results):
    t = 0.45 + 2 * np.pi
    px, py = 2 * np.cos(t), 2 / np.sqrt(3) * np.sin(t)
    assert px**2 + 3 * py**2 == pytest.approx(4.0)
    assert results["probe_f_on_the_ring"].shown == 4.0
    assert results["probe_x_readout"].shown == round(px, 1)
    assert results["probe_y_readout"].shown == round(py, 1)
    np.testing.assert_allclose(results["probe_back_at_start"].shown, [px, py], atol=1e-6)
    # the first step: (2.5, 1.5) − 0.1 · ∇f(2.5, 1.5), ∇f = (2x, 6y)
    x, y = sp.symbols("x y")
    f = x**2 + 3 * y**2
    start = {x: sp.Rational(5, 2), y: sp.Rational(3, 2)}
    tip = [float(start[v] - sp.Rational(1, 10) * sp.diff(f, v).subs(start)) for v in (x, y)]
    np.testing.assert_allclose(results["first_step_arrow_tip"].shown, tip, atol=1e-6)


def test_one_d_readouts_as_printed(results):
    x = 5.0
    for _ in range(20):
        x -= 0.1 * 2 * x
    assert results["x_20_readout"].shown == round(x, 4)
    assert results["f_x_20_readout"].shown == round(x * x, 4)
