"""9.3 Convex Optimization: chord gaps by hand, descent loops written out, minima and the
hump from numpy.roots of f′ (and sympy for the hump)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy

A, B = -1.5, 2.0


@pytest.fixture(scope="module")
def values(shown):
    return shown("9.3")


def quartic(x):
    return x**4 - 3 * x**2 + x


def descend(x, lr=0.05, steps=40):
    for _ in range(steps):
        x = x - lr * (4 * x**3 - 6 * x + 1)
    return x


def test_jensen_gap_on_the_parabola(values):
    for t, name in ((0.5, "t=0.5"), (0.2, "t=0.2")):
        x = t * A + (1 - t) * B
        gap = t * A**2 + (1 - t) * B**2 - x**2
        assert gap >= 0
        assert values[f"gap_{name}"] == pytest.approx(gap, abs=1e-6)
        # printed with 2 decimals, as the narration speaks: the gap rounded
        assert values[f"gap_readout_{name}"] == pytest.approx(round(gap, 2), abs=1e-12)
        # t, f(x), the chord's height and the gap, all with 2 decimals as printed
        chord = t * A**2 + (1 - t) * B**2
        np.testing.assert_allclose(
            values[f"chord_readouts_{name}"],
            [t, round(x * x, 2), round(chord, 2), round(gap, 2)],
            atol=1e-12,
        )
    assert values["gap_t=0.5"] == pytest.approx(3.0625, abs=1e-6)
    np.testing.assert_allclose(values["curve_point_t=0.2"], [1.3, 1.69], atol=1e-6)
    np.testing.assert_allclose(
        values["chord_point_t=0.2"], [1.3, 0.2 * 2.25 + 0.8 * 4.0], atol=1e-6
    )
    assert values["chord_readout_t=0.2"] == pytest.approx(3.65, abs=1e-12)


def test_ghosts_left_by_the_slide_are_all_above_the_curve(values):
    """Each ghost gap at t = 0.7, 0.5, 0.4, 0.3 is the chord's height minus x² (Fractions)."""
    a, b = Fraction(-3, 2), Fraction(2)
    ts = [Fraction(k, 10) for k in (7, 5, 4, 3)]
    gaps = []
    for t in ts:
        x = t * a + (1 - t) * b
        gaps.append(t * a * a + (1 - t) * b * b - x * x)
    assert all(g > 0 for g in gaps)
    np.testing.assert_allclose(values["ghost_gaps"], [float(g) for g in gaps], atol=1e-6)
    # largest at t = 1/2, the middle of the chord: t(1 − t)(a − b)² = 49/16
    assert max(gaps) == gaps[1] == Fraction(49, 16)


def test_chord_of_the_quartic_dips_below_the_curve(values):
    a, b, t = -1.3, 1.1, 0.5
    gap = t * quartic(a) + (1 - t) * quartic(b) - quartic(t * a + (1 - t) * b)
    assert gap < 0
    assert values["nonconvex_gap"] == pytest.approx(gap, abs=1e-6)
    assert values["nonconvex_gap_readout"] == pytest.approx(round(gap, 2), abs=1e-12)
    x = t * a + (1 - t) * b
    np.testing.assert_allclose(
        values["nonconvex_readouts"],
        [t, round(quartic(x), 2), round(t * quartic(a) + (1 - t) * quartic(b), 2), round(gap, 2)],
        atol=1e-12,
    )


def test_balls_settle_in_different_minima(values):
    roots = np.roots([4, 0, -6, 1])
    minima = sorted(r.real for r in roots if abs(r.imag) < 1e-12 and 12 * r.real**2 - 6 > 0)
    assert len(minima) == 2
    finals = [descend(s) for s in (0.0, 0.4, 1.9)]
    assert finals[0] == pytest.approx(minima[0], abs=1e-6)
    assert finals[1] == pytest.approx(minima[1], abs=1e-6)
    assert finals[2] == pytest.approx(minima[1], abs=1e-6)
    for i, x in enumerate(finals):
        np.testing.assert_allclose(values[f"ball_{i + 1}_final"], [x, quartic(x)], atol=1e-5)
    np.testing.assert_allclose(values["final_x_readouts"], np.round(finals, 2), atol=1e-12)
    np.testing.assert_allclose(values["start_x_readouts"], [0.0, 0.4, 1.9], atol=1e-12)
    assert values["ball_1_final"][0] < 0 < values["ball_2_final"][0]


def test_the_hump_marker_sits_on_the_local_maximum(values):
    x = sympy.symbols("x")
    f = x**4 - 3 * x**2 + x
    tops = [
        r
        for r in sympy.nroots(sympy.diff(f, x), n=30)
        if r.is_real and sympy.diff(f, x, 2).subs(x, r) < 0
    ]
    assert len(tops) == 1
    top = float(tops[0])
    np.testing.assert_allclose(values["hump_top"], [top, quartic(top)], atol=1e-6)
    # the magnified copy of the mark sits on the same point, read through the inset's axes
    np.testing.assert_allclose(values["hump_top_zoomed"], [top, quartic(top)], atol=1e-6)
    # the two balls dropped either side of it: 0 on the left, 0.4 on the right
    assert 0.0 < values["hump_top"][0] < 0.4
    np.testing.assert_allclose(values["zoomed_start_x"], [0.0, 0.4], atol=1e-6)


@pytest.mark.parametrize(
    "name",
    [
        "chord readouts show the drawing",
        "non-convex chord readouts show the drawing",
        "x readouts show their balls",
    ],
)
def test_readouts_match_the_drawing_in_motion(held, name):
    held("9.3", name, source="printed")


def test_the_zoomed_balls_follow_the_balls_in_motion(held):
    held("9.3", "zoomed balls are the balls", source="geometry")


def test_every_shown_number_is_checked_or_declared(chapter_reports):
    reports = chapter_reports("9.3")
    assert not [u for r in reports for u in r.unverified]
    assert not [
        c.name for r in reports for c in r.checkpoints if c.source.startswith("refused") or not c.ok
    ]
