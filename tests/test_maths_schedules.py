"""Training-loop maths against independent routes: written-out loops, hand formulas, numpy."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.schedules import (
    WarmupCosine,
    classify_critical_point,
    clip_by_norm,
    condition_number,
    parabola_descent,
    regime,
    step_multiplier,
)


# --- fixed-rate descent on x² -------------------------------------------------------------------
@pytest.mark.parametrize("lr", [0.01, 0.4, 1.1, 0.5, 0.25])
def test_parabola_descent_matches_the_written_out_loop(lr):
    x, xs = 1.5, [1.5]
    for _ in range(9):
        x = x - lr * 2 * x
        xs.append(x)
    trace = parabola_descent(1.5, lr, 9)
    np.testing.assert_allclose(trace.points[:, 0], xs, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(trace.values, np.square(xs), rtol=1e-12, atol=1e-15)
    assert trace.learning_rate == lr and trace.steps == 9


def test_parabola_descent_closed_form_in_exact_arithmetic():
    trace = parabola_descent(1.0, 0.4, 6)
    expected = [float(Fraction(1, 5) ** k) for k in range(7)]  # 1 − 2·0.4 = 1/5
    np.testing.assert_allclose(trace.points[:, 0], expected, rtol=1e-12)


def test_lr_1_1_grows_abs_x_by_1_2_and_flips_sign():
    xs = parabola_descent(1.0, 1.1, 8).points[:, 0]
    np.testing.assert_allclose(np.abs(xs[1:]) / np.abs(xs[:-1]), 1.2, rtol=1e-12)
    assert np.all(np.sign(xs[1:]) == -np.sign(xs[:-1]))
    assert step_multiplier(1.1) == pytest.approx(-1.2)


def test_curvature_other_than_two():
    # f = 3/2 x², f' = 3x: x ← x − 0.2·3x = 0.4 x
    xs = parabola_descent(2.0, 0.2, 3, curvature=3.0).points[:, 0]
    np.testing.assert_allclose(xs, [2.0, 0.8, 0.32, 0.128])
    with pytest.raises(ValueError):
        parabola_descent(1.0, 0.1, 3, curvature=-1.0)
    with pytest.raises(ValueError):
        parabola_descent(1.0, 0.1, -1)


def test_regimes():
    assert regime(0.01) == "converging"
    assert regime(0.4) == "converging"
    assert regime(1.0) == "oscillating"
    assert regime(1.1) == "diverging"
    assert regime(0.041, curvature=50.0) == "diverging"


# --- warm-up + cosine ------------------------------------------------------------------------------
def hand_schedule(step: float, peak=0.1, warmup=100, total=1000) -> float:
    if step < warmup:
        return peak * step / warmup
    return 0.5 * peak * (1 + math.cos(math.pi * (step - warmup) / (total - warmup)))


@pytest.mark.parametrize("step", [0, 1, 50, 99, 100, 101, 325, 550, 775, 999, 1000, 1200])
def test_warmup_cosine_against_the_hand_formula(step):
    schedule = WarmupCosine(peak=0.1, warmup_steps=100, total_steps=1000)
    expected = hand_schedule(min(step, 1000))
    assert schedule(step) == pytest.approx(expected, abs=1e-15)


def test_warmup_cosine_landmarks_and_vectorised():
    s = WarmupCosine(peak=0.1, warmup_steps=100, total_steps=1000)
    assert s(100) == pytest.approx(0.1)
    assert s(550) == pytest.approx(0.05)  # half way down the cosine
    assert s(1000) == pytest.approx(0.0, abs=1e-15)
    steps = np.array([0.0, 50.0, 325.0])
    np.testing.assert_allclose(s(steps), [hand_schedule(v) for v in steps])


def test_warmup_cosine_floor_and_no_warmup():
    s = WarmupCosine(peak=1.0, warmup_steps=0, total_steps=10, floor=0.2)
    assert s(0) == pytest.approx(1.0)
    assert s(5) == pytest.approx(0.6)
    assert s(10) == pytest.approx(0.2)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"peak": 0.0, "warmup_steps": 1, "total_steps": 5},
        {"peak": 1.0, "warmup_steps": 5, "total_steps": 5},
        {"peak": 1.0, "warmup_steps": 1, "total_steps": 5, "floor": 2.0},
    ],
)
def test_warmup_cosine_rejects_bad_settings(kwargs):
    with pytest.raises(ValueError):
        WarmupCosine(**kwargs)


def test_warmup_cosine_rejects_negative_steps():
    with pytest.raises(ValueError):
        WarmupCosine(peak=1.0, warmup_steps=1, total_steps=5)(-1)


# --- clipping -------------------------------------------------------------------------------------
def test_clip_long_vector_onto_the_max_norm():
    clipped = clip_by_norm([3.0, 4.0], 2.0)
    np.testing.assert_allclose(clipped, [1.2, 1.6])  # (3,4)·2/5
    assert np.linalg.norm(clipped) == pytest.approx(2.0)


def test_clip_leaves_short_vectors_alone_and_copies():
    g = np.array([0.6, -0.8])
    out = clip_by_norm(g, 2.0)
    np.testing.assert_array_equal(out, g)
    assert out is not g
    np.testing.assert_allclose(clip_by_norm([0.0, 0.0, 5.0], 1.0), [0.0, 0.0, 1.0])


def test_clip_rejects_non_positive_max_norm():
    with pytest.raises(ValueError):
        clip_by_norm([1.0, 1.0], 0.0)


# --- critical points ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("hessian", "kind", "signs"),
    [
        ([[2, 0], [0, 2]], "minimum", (1, 1)),
        ([[-2, 0], [0, -2]], "maximum", (-1, -1)),
        ([[2, 0], [0, -2]], "saddle", (-1, 1)),
        ([[0, 1], [1, 0]], "saddle", (-1, 1)),  # f = 2xy (rotated saddle)
        ([[2, 0], [0, 0]], "inconclusive", (0, 1)),
    ],
)
def test_classify_critical_point(hessian, kind, signs):
    point = classify_critical_point(hessian)
    assert point.kind == kind
    assert point.signs == signs
    np.testing.assert_allclose(
        point.eigenvalues, np.sort(np.linalg.eigvals(np.array(hessian, float)).real)
    )


def test_classify_rejects_bad_matrices():
    with pytest.raises(ValueError):
        classify_critical_point([[1, 2], [0, 1]])
    with pytest.raises(ValueError):
        classify_critical_point([1, 2, 3])


def test_condition_number():
    assert condition_number([[2, 0], [0, 50]]) == pytest.approx(25.0)
    with pytest.raises(ValueError):
        condition_number([[2, 0], [0, -2]])
