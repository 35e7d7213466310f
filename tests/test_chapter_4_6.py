"""4.6 Eigenvalues & Eigenvectors: every checkpoint recomputed here with numpy and sympy.

The table and the readouts are compared as printed: the digits must be the value rounded to
the shown precision (angles 1 decimal, stretches 2; the power readouts 2 and 4)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

A = np.array([[2.0, 1.0], [1.0, 2.0]])
ORDINARY = {"(1.5,0)": (1.5, 0.0), "(0.5,1.5)": (0.5, 1.5), "(-1.5,0.5)": (-1.5, 0.5)}


def line_angle_deg(u, w) -> float:
    cos = abs(np.dot(u, w)) / (np.linalg.norm(u) * np.linalg.norm(w))
    return float(np.degrees(np.arccos(min(cos, 1.0))))


def test_most_vectors_leave_their_span(shown):
    values = shown("4.6")
    assert values["before_A_off_span_deg"] == pytest.approx([0.0] * 5, abs=1e-12)
    assert values["before_A_stretch"] == pytest.approx([1.0] * 5, abs=1e-12)
    for name, v in ORDINARY.items():
        image = A @ np.array(v)
        assert values[f"off_span_deg_{name}"] == pytest.approx(
            round(line_angle_deg(v, image), 1), abs=1e-9
        )
        assert values[f"off_span_deg_{name}"] > 15.0  # visibly knocked off
        assert values[f"stretch_{name}"] == pytest.approx(
            round(np.linalg.norm(image) / np.linalg.norm(v), 2), abs=1e-9
        )


def test_vectors_and_table_follow_the_map_at_every_moment(chapter_reports):
    results = {c.name: c for r in chapter_reports("4.6") for c in r.checkpoints}
    for name in (
        "vectors_ride_the_grid",
        "table_shows_the_drawn_arrows",
        "angle_readout_is_the_drawn_arrows",
        "rayleigh_readout_is_the_drawn_arrows",
    ):
        assert results[f"invariant:{name}"].ok, results[f"invariant:{name}"].source


def test_eigenvectors_only_stretch(shown):
    values = shown("4.6")
    exact = sp.Matrix([[2, 1], [1, 2]]).eigenvals()
    assert exact == {3: 1, 1: 1}
    eigenvalues, eigenvectors = np.linalg.eig(A)
    order = np.argsort(eigenvalues)[::-1]
    for k, i in enumerate(order, start=1):
        lam, vec = eigenvalues[i], eigenvectors[:, i]
        assert values[f"off_span_deg_eigen_{k}"] == 0.0  # printed 0.0
        assert values[f"eigen_off_span_drawn_{k}"] == pytest.approx(0.0, abs=1e-9)
        assert values[f"stretch_eigen_{k}"] == pytest.approx(round(lam, 2), abs=1e-9)
        assert values[f"eigen_direction_{k}"] == pytest.approx(list(vec / vec[0]), abs=1e-9)
    assert values["eigen_direction_1"] == pytest.approx([1.0, 1.0])
    assert values["eigen_direction_2"] == pytest.approx([1.0, -1.0])
    assert values["lambda_1"] == pytest.approx(3.0, abs=5e-4)  # printed "3", read off the knob
    assert values["lambda_2"] == pytest.approx(1.0, abs=5e-4)
    # roots of the characteristic polynomial λ² − tr(A) λ + det(A)
    roots = np.sort(np.roots([1.0, -np.trace(A), np.linalg.det(A)]))[::-1]
    assert values["characteristic_roots"] == pytest.approx(list(roots), abs=1e-6)


def test_power_iteration_converges_to_the_dominant_direction(shown):
    values = shown("4.6")
    e1 = np.array([1.0, 1.0]) / np.sqrt(2.0)
    v = np.array([1.0, -0.6])
    v = v / np.linalg.norm(v)
    angles = []
    for k in range(7):
        if k:
            v = A @ v
            v = v / np.linalg.norm(v)
        angle = line_angle_deg(v, e1)
        angles.append(angle)
        assert values[f"power_step_{k}_k"] == k
        assert values[f"power_step_{k}_angle_deg"] == pytest.approx(round(angle, 2), abs=1e-9)
        assert values[f"power_step_{k}_rayleigh"] == pytest.approx(round(v @ A @ v, 4), abs=1e-9)
    assert angles == sorted(angles, reverse=True)
    assert values["power_arrow_angle_drawn"] == pytest.approx(angles[-1], abs=1e-5)
    assert values["power_arrow_angle_drawn"] < 0.5
    assert values["power_rayleigh_drawn"] == pytest.approx(v @ A @ v, abs=1e-9)
    assert values["power_step_6_rayleigh"] == pytest.approx(2.9999, abs=1e-9)  # as narrated


def test_a_minus_lambda_i_flattens_the_plane_at_the_eigenvalues(shown, chapter_reports):
    values = shown("4.6")
    eye = np.eye(2)
    # λ = 0: the square's area is det A
    assert values["flat_area_at_0"] == pytest.approx(round(np.linalg.det(A), 2), abs=1e-9)
    eigenvalues = np.sort(np.linalg.eigvals(A))
    assert eigenvalues == pytest.approx([1.0, 3.0])
    for lam in (1, 3):
        shifted = A - lam * eye
        assert values[f"flat_knob_lambda_{lam}"] == pytest.approx(lam, abs=1e-6)
        assert np.min(abs(eigenvalues - lam)) < 1e-9  # the knob stops at an eigenvalue
        assert values[f"flat_lambda_readout_{lam}"] == pytest.approx(lam, abs=1e-9)  # "1.0"
        # the drawn square's area and the printed readout are the determinant: zero
        assert values[f"flat_square_area_{lam}"] == pytest.approx(np.linalg.det(shifted), abs=1e-6)
        assert abs(np.linalg.det(shifted)) < 1e-12
        assert values[f"flat_area_readout_{lam}"] == pytest.approx(0.0, abs=1e-9)
        # the eigenvector of λ is the arrow drawn crushed onto the origin
        w, vecs = np.linalg.eig(A)
        v = vecs[:, int(np.argmin(abs(w - lam)))]
        v = v / v[0]
        assert values[f"flat_crushed_arrow_{lam}"] == pytest.approx(list(shifted @ v), abs=1e-6)
        assert values[f"flat_crushed_arrow_{lam}"] == pytest.approx([0.0, 0.0], abs=1e-6)
    results = {c.name: c for r in chapter_reports("4.6") for c in r.checkpoints}
    for name in (
        "area readout is the drawn square's area",
        "plane drawn is A minus the knob's lambda",
        "eigen arrows drawn are carried by A minus lambda I",
    ):
        assert results[f"invariant:{name}"].ok, results[f"invariant:{name}"].source
    assert not [n for n in results if n.startswith("frozen")]


def test_a_v_is_drawn_about_three_times_v_after_six_steps(shown):
    values = shown("4.6")
    v = np.array([1.0, -0.6])
    for _ in range(6):
        v = A @ v
        v = v / np.linalg.norm(v)
    assert values["power_stretch_drawn"] == pytest.approx(np.linalg.norm(A @ v), abs=1e-6)
    assert values["power_stretch_drawn"] == pytest.approx(3.0, abs=1e-3)
