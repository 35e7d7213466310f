"""12.3 Optimization in Practice: every checkpoint recomputed here independently."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest


def lr_closed_form(step: float, peak=0.1, warmup=100, total=1000) -> float:
    if step < warmup:
        return peak * step / warmup
    return peak / 2 * (1 + math.cos(math.pi * (step - warmup) / (total - warmup)))


@pytest.mark.parametrize("step", [50, 100, 325, 550, 1000])
def test_schedule_values(shown, step):
    values = shown("12.3")
    assert values[f"lr_at_step_{step}"] == pytest.approx(lr_closed_form(step), abs=1e-6)
    # printed with three decimals, as the narration speaks rates (0.036): the rate rounded
    assert values[f"lr_readout_at_step_{step}"] == pytest.approx(
        round(lr_closed_form(step), 3), abs=1e-12
    )


def test_schedule_landmarks(shown):
    values = shown("12.3")
    assert values["lr_at_step_100"] == pytest.approx(0.1, abs=1e-6)  # the peak
    assert values["lr_at_step_550"] == pytest.approx(0.05, abs=1e-6)  # half-way down
    assert values["lr_at_step_325"] == pytest.approx(0.05 * (1 + math.sqrt(0.5)), abs=1e-6)
    assert values["lr_at_step_1000"] == pytest.approx(0.0, abs=1e-6)
    assert values["step_readout_at_end"] == 1000
    # the cosine half reaches zero when π (s − 100)/900 = π
    assert lr_closed_form(1000) == pytest.approx(0.0, abs=1e-15)


def test_readouts_follow_their_geometry_in_motion(chapter_reports):
    checks = {c.name: c for r in chapter_reports("12.3") for c in r.checkpoints}
    for name in (
        "step_readout_reads_dot",
        "lr_readout_reads_dot",
        "norm_readouts_read_arrows",
        "clipped_arrow_keeps_direction",
        "valley_readouts_read_dot",
        "dot_leads_trail",
    ):
        assert checks[f"invariant:{name}"].ok, checks[f"invariant:{name}"].source
    assert not [c.name for c in checks.values() if c.source.startswith("refused")]
    assert all(c.ok for c in checks.values()), [c.name for c in checks.values() if not c.ok]


def test_clipping(shown):
    values = shown("12.3")
    g1, g2, c = np.array([3.0, 4.0]), np.array([1.2, -0.9]), 2.0
    assert values["max_norm_circle_radius"] == pytest.approx(c, abs=1e-6)
    # printed with two decimals
    np.testing.assert_allclose(values["norms_before_clip"], [5.0, 1.5], atol=1e-12)
    assert [np.hypot(*g1), np.hypot(*g2)] == pytest.approx([5.0, 1.5], abs=1e-12)
    np.testing.assert_allclose(values["clipped_tip_g1"], g1 * c / np.linalg.norm(g1), atol=1e-6)
    np.testing.assert_allclose(values["clipped_tip_g1"], [1.2, 1.6], atol=1e-6)
    np.testing.assert_allclose(values["untouched_tip_g2"], g2, atol=1e-6)  # ‖g2‖ = 1.5 < 2
    np.testing.assert_allclose(values["norms_after_clip"], [c, 1.5], atol=1e-12)
    # same direction as before clipping: the unit vector of g1
    np.testing.assert_allclose(values["clipped_direction_g1"], g1 / np.hypot(*g1), atol=1e-6)
    np.testing.assert_allclose(
        values["invariant:clipped_arrow_keeps_direction"], [0.6, 0.8], atol=1e-6
    )


def test_clipped_landing_point(shown):
    values = shown("12.3")
    g1, c = np.array([3.0, 4.0]), 2.0
    landing = g1 * c / np.linalg.norm(g1)
    # the label beside the landing dot, printed with one decimal
    np.testing.assert_allclose(values["landing_point_label"], np.round(landing, 1), atol=1e-12)
    np.testing.assert_allclose(values["landing_point_label"], [1.2, 1.6], atol=1e-12)
    # the landing dot sits on the max-norm circle
    assert values["landing_dot_on_circle"] == pytest.approx(c, abs=1e-6)


def run_valley(steps: int) -> np.ndarray:
    x, y, lr = -4.5, 1.0, 0.036
    for _ in range(steps):
        x, y = x - lr * 2 * x, y - lr * 50 * y  # ∇(x² + 25y²) = (2x, 50y)
    return np.array([x, y])


def test_valley(shown):
    values = shown("12.3")
    hessian = np.array([[2.0, 0.0], [0.0, 50.0]])
    eig = np.linalg.eigvalsh(hessian)
    assert values["condition_number"] == pytest.approx(eig[-1] / eig[0])
    np.testing.assert_allclose(values["valley_dot_after_4_steps"], run_valley(4), atol=1e-6)
    p20 = run_valley(20)
    np.testing.assert_allclose(values["valley_dot_after_20_steps"], p20, atol=1e-6)
    # printed with two decimals, as the narration speaks them (minus one, about 0.01)
    assert values["valley_x_readout"] == pytest.approx(round(p20[0], 2), abs=1e-12)
    assert values["valley_y_readout"] == pytest.approx(round(p20[1], 2), abs=1e-12)
    assert values["valley_x_readout"] == pytest.approx(-1.01, abs=1e-12)
    assert values["valley_y_readout"] == pytest.approx(0.01, abs=1e-12)
    # zig-zag: y changes sign on every step, so the 21 positions (start and 20 steps) give
    # 20 flips
    ys = [run_valley(k)[1] for k in range(0, 21)]
    flips = sum(1 for a, b in pairwise(ys) if np.sign(a) != np.sign(b))
    assert values["y_sign_flips_in_20_steps"] == flips == 20
    assert values["step_counter_after_20"] == 20
    # the counter when the view zooms onto the valley floor: nine steps drawn on the whole valley
    assert values["step_counter_before_zoom"] == 9
    # the zoomed window holds every later iterate: |y| ≤ 0.15 and −2.5 ≤ x ≤ 0.5 from step 9
    for k in range(9, 21):
        x, y = run_valley(k)
        assert abs(y) <= 0.15 and -2.5 <= x <= 0.5
    # slow along the valley: x has covered less than 80 % of the way
    assert abs(p20[0]) > 0.2 * 4.5
