"""4.6 Eigenvalues & Eigenvectors: every checkpoint recomputed here with numpy and sympy."""

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
    assert values["before_A_off_span_deg"] == pytest.approx([0.0] * 5, abs=1e-9)
    assert values["before_A_stretch"] == pytest.approx([1.0] * 5, abs=1e-9)
    for name, v in ORDINARY.items():
        image = A @ np.array(v)
        assert values[f"off_span_deg_{name}"] == pytest.approx(line_angle_deg(v, image), abs=1e-6)
        assert values[f"off_span_deg_{name}"] > 15.0  # visibly knocked off
        assert values[f"stretch_{name}"] == pytest.approx(
            np.linalg.norm(image) / np.linalg.norm(v), abs=1e-6)


def test_eigenvectors_only_stretch(shown):
    values = shown("4.6")
    exact = sp.Matrix([[2, 1], [1, 2]]).eigenvals()
    assert exact == {3: 1, 1: 1}
    eigenvalues, eigenvectors = np.linalg.eig(A)
    order = np.argsort(eigenvalues)[::-1]
    for k, i in enumerate(order, start=1):
        lam, vec = eigenvalues[i], eigenvectors[:, i]
        assert values[f"off_span_deg_eigen_{k}"] == pytest.approx(0.0, abs=1e-6)
        assert values[f"stretch_eigen_{k}"] == pytest.approx(lam, abs=1e-9)
        assert values[f"eigen_direction_{k}"] == pytest.approx(list(vec / vec[0]), abs=1e-9)
    assert values["eigen_direction_1"] == pytest.approx([1.0, 1.0])
    assert values["eigen_direction_2"] == pytest.approx([1.0, -1.0])
    assert values["lambda_1"] == pytest.approx(3.0, abs=5e-4)
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
        assert values[f"power_step_{k}_angle_deg"] == pytest.approx(angle, abs=1e-5)
        assert values[f"power_step_{k}_rayleigh"] == pytest.approx(v @ A @ v, abs=1e-9)
    assert angles == sorted(angles, reverse=True)
    assert values["power_arrow_angle_drawn"] == pytest.approx(angles[-1], abs=1e-5)
    assert values["power_arrow_angle_drawn"] < 0.5
    assert values["power_rayleigh_drawn"] == pytest.approx(v @ A @ v, abs=1e-9)
    assert values["power_step_6_rayleigh"] == pytest.approx(3.0, abs=1e-4)
