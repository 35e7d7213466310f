"""The pure spectral maths of chapters 4.6 and 4.7, against independent routes
(numpy.linalg, sympy, hand formulas)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from mathviz.maths import spectral as sv
from mathviz.maths.recommender import ratings

A = np.array([[2.0, 1.0], [1.0, 2.0]])


# --- eigenvectors ---------------------------------------------------------------------------------
def test_symmetric_eigen_of_the_lecture_matrix_is_exact():
    pairs = sv.symmetric_eigen(A)
    exact = sp.Matrix([[2, 1], [1, 2]]).eigenvals()
    assert exact == {3: 1, 1: 1}
    np.testing.assert_allclose(pairs.values, [3.0, 1.0], atol=1e-15)
    s = 1 / math.sqrt(2)
    np.testing.assert_allclose(pairs.vector(0), [s, s], atol=1e-15)
    np.testing.assert_allclose(pairs.vector(1), [s, -s], atol=1e-15)


@pytest.mark.parametrize("seed", range(8))
def test_symmetric_eigen_matches_numpy_eigh(seed):
    rng = np.random.default_rng(seed)
    b = rng.normal(size=(2, 2))
    m = b + b.T
    pairs = sv.symmetric_eigen(m)
    values, vectors = np.linalg.eigh(m)
    np.testing.assert_allclose(pairs.values, values[::-1], atol=1e-12)
    for i in range(2):
        v = pairs.vector(i)
        assert np.linalg.norm(v) == pytest.approx(1.0)
        np.testing.assert_allclose(m @ v, pairs.values[i] * v, atol=1e-12)
        # same line as numpy's eigenvector (numpy is free in sign)
        assert abs(v @ vectors[:, 1 - i]) == pytest.approx(1.0, abs=1e-12)


def test_symmetric_eigen_diagonal_and_errors():
    pairs = sv.symmetric_eigen([[1.0, 0.0], [0.0, 5.0]])
    np.testing.assert_allclose(pairs.values, [5.0, 1.0])
    np.testing.assert_allclose(pairs.vectors, [[0.0, 1.0], [1.0, 0.0]])
    with pytest.raises(ValueError, match="symmetric"):
        sv.symmetric_eigen([[2, 1], [0, 2]])
    with pytest.raises(ValueError, match="2x2"):
        sv.symmetric_eigen(np.eye(3))


def test_off_span_angle_and_stretch_by_hand():
    # A (1, 0) = (2, 1): turned by atan(1/2), stretched by √5
    assert sv.off_span_angle(A, (1, 0)) == pytest.approx(math.degrees(math.atan(0.5)))
    assert sv.stretch(A, (1, 0)) == pytest.approx(math.sqrt(5))
    for v, lam in (((1, 1), 3.0), ((1, -1), 1.0), ((-2, -2), 3.0)):
        assert sv.off_span_angle(A, v) == pytest.approx(0.0, abs=1e-12)
        assert sv.stretch(A, v) == pytest.approx(lam)
        assert sv.rayleigh_quotient(A, v) == pytest.approx(lam)
    # a vector sent to zero stays (trivially) on its span
    assert sv.off_span_angle([[1, 1], [1, 1]], (1, -1)) == 0.0
    # a rotation by 90° turns everything by 90°
    assert sv.off_span_angle([[0, -1], [1, 0]], (3, 4)) == pytest.approx(90.0)
    with pytest.raises(ValueError, match="zero vector"):
        sv.off_span_angle(A, (0, 0))


def test_angle_between_lines_ignores_orientation():
    assert sv.angle_between_lines((1, 0), (0, 2)) == pytest.approx(90.0)
    assert sv.angle_between_lines((1, 1), (-3, -3)) == pytest.approx(0.0, abs=1e-12)
    assert sv.angle_between_lines((1, 0), (-1, 1)) == pytest.approx(45.0)
    tiny = 1e-9
    assert sv.angle_between_lines((1, 0), (1, tiny)) == pytest.approx(math.degrees(tiny), rel=1e-6)
    with pytest.raises(ValueError):
        sv.angle_between_lines((1, 0, 0), (0, 1, 0))


def test_power_iteration_matches_a_hand_loop():
    v0 = np.array([1.0, -0.6])
    trace = sv.power_iteration(A, v0, 6)
    v = v0 / np.linalg.norm(v0)
    assert trace.steps == 6
    np.testing.assert_allclose(trace.vectors[0], v)
    for k in range(6):
        w = A @ v
        np.testing.assert_allclose(trace.images[k], w, atol=1e-15)
        v = w / np.linalg.norm(w)
        np.testing.assert_allclose(trace.vectors[k + 1], v, atol=1e-15)
        assert trace.rayleigh[k + 1] == pytest.approx(v @ A @ v)
    assert trace.rayleigh[-1] == pytest.approx(3.0, abs=1e-4)
    assert list(np.diff(trace.rayleigh) > 0) == [True] * 6  # climbs towards λ₁


def test_power_iteration_edge_cases():
    trace = sv.power_iteration(A, (0, 2), 0)
    assert trace.images.shape == (0, 2)
    np.testing.assert_allclose(trace.vectors, [[0.0, 1.0]])
    three = sv.power_iteration(np.diag([1.0, 2.0, 5.0]), (1, 1, 1), 40)
    np.testing.assert_allclose(np.abs(three.vectors[-1]), [0, 0, 1], atol=1e-12)
    with pytest.raises(ValueError, match="zero"):
        sv.power_iteration([[0, 1], [0, 0]], (1, 0), 3)
    with pytest.raises(ValueError, match="square"):
        sv.power_iteration(np.ones((2, 3)), (1, 1), 1)
    with pytest.raises(ValueError, match="entries"):
        sv.power_iteration(A, (1, 1, 1), 1)
    with pytest.raises(ValueError, match="steps"):
        sv.power_iteration(A, (1, 1), -1)
    with pytest.raises(ValueError, match="zero vector"):
        sv.power_iteration(A, (0, 0), 1)


# --- SVD --------------------------------------------------------------------------------------------
def test_orthogonal_parts():
    assert sv.orthogonal_parts(sv.rotation(30.0)) == (pytest.approx(30.0), False)
    angle, reflect = sv.orthogonal_parts(sv.rotation(-120.0) @ np.diag([1.0, -1.0]))
    assert reflect and angle == pytest.approx(-120.0)
    assert sv.orthogonal_parts(sv.rotation(180.0))[0] == pytest.approx(180.0)
    with pytest.raises(ValueError, match="orthogonal"):
        sv.orthogonal_parts([[2, 0], [0, 1]])


@pytest.mark.parametrize(
    "matrix",
    [
        [[2, 1], [0, 1.5]],  # the lecture's, det > 0
        [[3, 1], [1, 2]],  # symmetric
        [[1, 2], [2, 1]],  # symmetric, det < 0
        [[0, 1], [1, 0]],  # a pure reflection
        [[1, 1], [1, 1]],  # singular
        [[-1, 0], [0, -2]],  # rotation by 180° in disguise
        [[0, 0], [0, 0]],
    ],
)
def test_svd_stages_sign_convention(matrix):
    m = np.asarray(matrix, dtype=float)
    f = sv.svd_stages(m)
    np.testing.assert_allclose(f.matrix, m, atol=1e-12)
    np.testing.assert_allclose(f.sigma, np.linalg.svd(m, compute_uv=False), atol=1e-12)
    assert np.linalg.det(f.u) == pytest.approx(1.0)  # U is always a rotation
    det_vt = np.linalg.det(f.vt)
    assert det_vt == pytest.approx(-1.0 if np.linalg.det(m) < -1e-12 else 1.0)
    angle, reflect = f.vt_parts
    assert -90.0 < angle <= 90.0
    assert reflect == (det_vt < 0)
    # the stages in order rebuild A
    vt, s, u = f.stage_matrices()
    np.testing.assert_allclose(u @ s @ vt, m, atol=1e-12)
    # right singular vectors are eigenvectors of AᵀA
    for i in range(2):
        v = f.right_vectors[:, i]
        np.testing.assert_allclose(m.T @ m @ v, f.sigma[i] ** 2 * v, atol=1e-12)


def test_lecture_svd_against_sympy():
    f = sv.svd_stages([[2, 1], [0, 1.5]])
    m = sp.Matrix([[2, 1], [0, sp.Rational(3, 2)]])
    exact = sorted((float(sp.sqrt(e)) for e in (m.T * m).eigenvals()), reverse=True)
    np.testing.assert_allclose(f.sigma, exact, atol=1e-12)
    assert f.sigma[0] * f.sigma[1] == pytest.approx(3.0)  # |det A|
    vt_angle, vt_reflect = f.vt_parts
    u_angle, u_reflect = f.u_parts
    assert not vt_reflect and not u_reflect
    assert vt_angle == pytest.approx(-39.69017, abs=1e-4)
    assert u_angle == pytest.approx(23.74478, abs=1e-4)


def test_ellipse_axes_and_fit():
    m = np.array([[2.0, 1.0], [0.0, 1.5]])
    lengths, directions = sv.ellipse_axes(m)
    np.testing.assert_allclose(lengths, np.linalg.svd(m, compute_uv=False))
    t = np.linspace(0, 2 * np.pi, 17)
    points = (m @ np.vstack([np.cos(t), np.sin(t)])).T
    fitted, fitted_dirs = sv.fit_centred_ellipse(points)
    np.testing.assert_allclose(fitted, lengths, atol=1e-12)
    assert abs(fitted_dirs[:, 0] @ directions[:, 0]) == pytest.approx(1.0)
    np.testing.assert_allclose(
        sv.fit_centred_ellipse([[2, 0], [0, 1], [-2, 0], [0, -1]])[0], [2, 1], atol=1e-12
    )
    with pytest.raises(ValueError, match="3 distinct"):
        sv.fit_centred_ellipse([[1, 0], [1, 0], [0, 1]])
    with pytest.raises(ValueError, match="ellipse"):
        sv.fit_centred_ellipse([[1, 0], [-1, 0], [2, math.sqrt(3)], [3, math.sqrt(8)]])  # x²−y²=1


# --- low rank ---------------------------------------------------------------------------------------
def test_low_rank_on_the_rating_matrix():
    m = ratings()
    s = np.linalg.svd(m, compute_uv=False)
    for k in range(0, 6):
        mk = sv.low_rank(m, k)
        assert np.linalg.matrix_rank(mk, tol=1e-9) == k
        assert sv.frobenius_error(m, k) == pytest.approx(np.linalg.norm(m - mk, "fro"))
        assert sv.frobenius_error(m, k) == pytest.approx(math.sqrt(float(np.sum(s[k:] ** 2))))
    np.testing.assert_allclose(sv.low_rank(m, 5), m, atol=1e-12)
    assert np.all(sv.low_rank(m, 0) == 0)
    errors = [sv.frobenius_error(m, k) for k in range(6)]
    assert errors == sorted(errors, reverse=True)
    np.testing.assert_allclose(sv.singular_values(m), s)


def test_low_rank_is_no_worse_than_any_random_rank_k_matrix():
    m = ratings()
    u, s, vt = np.linalg.svd(m, full_matrices=False)
    rng = np.random.default_rng(3)
    for scale in (0.3, 0.1, 0.01):  # rank-2 matrices near the optimum (Eckart–Young)
        for _ in range(10):
            left = u[:, :2] * s[:2] + scale * rng.normal(size=(6, 2))
            right = vt[:2] + scale * rng.normal(size=(2, 5))
            assert np.linalg.norm(m - left @ right) >= sv.frobenius_error(m, 2) - 1e-12


def test_low_rank_errors():
    with pytest.raises(ValueError, match="rank k"):
        sv.low_rank(ratings(), 6)
    with pytest.raises(ValueError, match="rank k"):
        sv.frobenius_error(ratings(), -1)
    with pytest.raises(ValueError, match="matrix"):
        sv.low_rank([1, 2, 3], 1)
