"""4.7 Decompositions: every checkpoint recomputed here with numpy.linalg.svd / norm."""

from __future__ import annotations

import numpy as np
import pytest

from mathviz.maths.recommender import ratings

A = np.array([[2.0, 1.0], [0.0, 1.5]])


def drawing_convention_svd():
    """numpy's SVD with signs as the lecture draws them: V and U rotations, v₁ pointing
    right (x > 0)."""
    u, s, vt = np.linalg.svd(A)
    v = vt.T.copy()
    if np.linalg.det(v) < 0:
        v[:, 1] *= -1
    if v[0, 0] < 0:
        v *= -1
    u = A @ v / s  # columns u_i = A v_i / σ_i
    return u, s, v


def test_svd_stages_rotate_scale_rotate(shown):
    values = shown("4.7")
    u, s, v = drawing_convention_svd()
    assert np.linalg.det(u) == pytest.approx(1.0)
    vt_turn = -np.degrees(np.arctan2(v[1, 0], v[0, 0]))
    u_turn = np.degrees(np.arctan2(u[1, 0], u[0, 0]))
    # readouts as printed: angles with 1 decimal, singular values with 2 (as narrated)
    assert values["vt_turn_deg"] == pytest.approx(round(vt_turn, 1), abs=1e-9)
    assert values["vt_turn_deg"] == pytest.approx(-39.7, abs=1e-9)  # as narrated
    assert values["vt_tips"] == pytest.approx([1, 0, 0, 1], abs=1e-6)
    assert values["vt_keeps_circle"] == pytest.approx([1, 1], abs=1e-6)
    assert values["sigma_1"] == pytest.approx(round(s[0], 2), abs=1e-9)
    assert values["sigma_2"] == pytest.approx(round(s[1], 2), abs=1e-9)
    assert [values["sigma_1"], values["sigma_2"]] == pytest.approx([2.38, 1.26], abs=1e-9)
    assert values["sigma_tips"] == pytest.approx([s[0], 0, 0, s[1]], abs=1e-6)
    assert s[0] * s[1] == pytest.approx(abs(np.linalg.det(A)))
    assert values["u_turn_deg"] == pytest.approx(round(u_turn, 1), abs=1e-9)
    assert values["u_turn_deg"] == pytest.approx(23.7, abs=1e-9)  # as narrated


def test_arrows_ride_the_curve_and_readouts_agree_at_every_moment(chapter_reports):
    results = {c.name: c for r in chapter_reports("4.7") for c in r.checkpoints}
    for name in (
        "arrows_ride_the_curve",
        "error_readout_is_the_error_of_rank_k",
        # the readouts are tied to the moving arrows: turn angle and length at every moment
        "vt_readout_is_the_arrow_turn",
        "sigma_readouts_are_the_arrow_lengths",
        "u_readout_is_the_arrow_turn",
    ):
        assert results[f"invariant:{name}"].ok, results[f"invariant:{name}"].source


def test_final_curve_is_a_applied_to_the_circle(shown):
    values = shown("4.7")
    _, s, v = drawing_convention_svd()
    assert values["final_tips"] == pytest.approx(list((A @ v).T.ravel()), abs=1e-6)
    assert values["final_semi_axes"] == pytest.approx(list(s), abs=1e-6)
    assert values["final_curve_off_A_circle"] == pytest.approx(0.0, abs=1e-6)


def test_rank_k_approximations_of_the_ratings(shown):
    values = shown("4.7")
    m = ratings()
    assert values["ratings_shown"] == list(m.ravel())
    u, s, vt = np.linalg.svd(m, full_matrices=False)
    assert values["singular_value_bar_heights"] == pytest.approx(list(s), abs=1e-6)
    assert values["singular_value_labels"] == pytest.approx(list(np.round(s, 1)), abs=1e-9)
    errors = []
    for k in (1, 2, 3):
        mk = u[:, :k] @ np.diag(s[:k]) @ vt[:k]
        error = np.linalg.norm(m - mk, "fro")
        errors.append(error)
        # cells printed with 1 decimal, the error with 2 (as narrated)
        assert values[f"rank_{k}_cells"] == pytest.approx(list(mk.ravel()), abs=0.05 + 1e-9)
        assert values[f"rank_{k}_frobenius_error"] == pytest.approx(round(error, 2), abs=1e-9)
        assert values[f"rank_{k}_frobenius_error"] == pytest.approx(
            round(float(np.sqrt(np.sum(s[k:] ** 2))), 2), abs=1e-9
        )
        if k > 1:  # the previous rank's error, left behind as "was …"
            assert values[f"rank_{k}_previous_error"] == pytest.approx(
                round(errors[-2], 2), abs=1e-9
            )
            assert values[f"rank_{k}_previous_error"] > values[f"rank_{k}_frobenius_error"]
        assert values[f"rank_{k}_k_shown"] == k
        assert values[f"rank_{k}_bars_kept"] == k
    assert errors == sorted(errors, reverse=True)
    # what the narration says: 7.36 and 3.28
    assert [round(e, 2) for e in errors[:2]] == [7.36, 3.28]
    assert [values[f"rank_{k}_frobenius_error"] for k in (1, 2)] == pytest.approx(
        [7.36, 3.28], abs=1e-9
    )
