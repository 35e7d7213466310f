"""mathviz.maths.pca against scikit-learn, numpy's eigh and plain loops."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.decomposition import PCA

from mathviz.maths.pca import (
    angle_of,
    centre,
    correlated_cloud,
    direction,
    eckart_young_error,
    principal_components,
    project,
    project_onto_line,
    rank_k_factors,
    variance_along,
)


def points() -> np.ndarray:
    return correlated_cloud(
        np.random.default_rng(3), 50, mean=(1.0, -2.0), stds=(2.0, 0.4), angle=60.0
    )


def test_cloud_is_reproducible_and_shaped():
    a, b = points(), points()
    np.testing.assert_array_equal(a, b)
    assert a.shape == (50, 2)
    with pytest.raises(ValueError):
        correlated_cloud(np.random.default_rng(0), 1, mean=(0, 0), stds=(1, 1), angle=0)


def test_centre_removes_the_mean():
    centred, mean = centre(points())
    np.testing.assert_allclose(centred.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(mean, [math.fsum(points()[:, i]) / 50 for i in range(2)])


def test_components_match_sklearn():
    p = points()
    ours, theirs = principal_components(p), PCA().fit(p)
    for mine, ref in zip(ours.components, theirs.components_, strict=True):
        assert abs(float(mine @ ref)) == pytest.approx(1.0, abs=1e-9)
        assert mine[np.argmax(np.abs(mine) > 1e-12)] > 0
    np.testing.assert_allclose(ours.explained_variance, theirs.explained_variance_, rtol=1e-9)
    np.testing.assert_allclose(
        ours.explained_variance_ratio, theirs.explained_variance_ratio_, rtol=1e-9
    )
    scores = project(p, ours, 2)
    np.testing.assert_allclose(np.abs(scores), np.abs(theirs.transform(p)), atol=1e-9)


def test_variance_along_is_the_rayleigh_quotient_of_the_covariance():
    p = points()
    cov = np.cov(p.T)
    for angle in (0.0, 37.0, 90.0, 151.0):
        u = direction(angle)
        assert variance_along(p, u) == pytest.approx(float(u @ cov @ u), rel=1e-12)
    lam = np.linalg.eigvalsh(cov)
    grid = [variance_along(p, direction(a)) for a in np.arange(0, 180, 0.5)]
    assert max(grid) <= lam[1] + 1e-12 and min(grid) >= lam[0] - 1e-12


def test_angles_and_line_projection():
    assert angle_of((1.0, 1.0)) == pytest.approx(45.0)
    assert angle_of((-1.0, -1.0)) == pytest.approx(45.0)
    feet = project_onto_line([[2.0, 0.0], [0.0, 2.0]], (1.0, 1.0), (0.0, 0.0))
    np.testing.assert_allclose(feet, [[1.0, 1.0], [1.0, 1.0]])


def test_rank_k_factors_and_eckart_young():
    m = np.arange(1.0, 13.0).reshape(3, 4) ** 1.3
    f = rank_k_factors(m, 2)
    assert f.u.shape == (3, 2) and f.vt.shape == (2, 4) and f.k == 2
    assert (f.vt.sum(axis=1) > 0).all()
    np.testing.assert_allclose(f.vt @ f.vt.T, np.eye(2), atol=1e-12)
    s = np.linalg.svd(m, compute_uv=False)
    assert eckart_young_error(m, 2) == pytest.approx(math.sqrt(s[2] ** 2), rel=1e-9)
    assert np.linalg.norm(m - f.product()) == pytest.approx(eckart_young_error(m, 2), rel=1e-9)
    with pytest.raises(ValueError):
        rank_k_factors(m, 4)
