"""13.4 Dimensionality Reduction: every checkpoint recomputed here independently —
scikit-learn's PCA, numpy's eigh of the covariance, numpy's SVD of the rating matrix (the
Eckart–Young error), math.fsum — and the probe's readouts held to the drawing in motion."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.decomposition import PCA


@pytest.fixture(scope="module")
def values(shown):
    return shown("13.4")


def cloud() -> np.ndarray:
    """The chapter's cloud redrawn here with a plain loop over the same seeded generator."""
    rng = np.random.default_rng(7)
    draws = rng.standard_normal((30, 2))
    c, s = math.cos(math.radians(30.0)), math.sin(math.radians(30.0))
    out = []
    for a, b in draws:
        x, y = 1.6 * a, 0.5 * b
        out.append((c * x - s * y + 2.0, s * x + c * y + 1.5))
    return np.array(out)


@pytest.fixture(scope="module")
def pca():
    return PCA(n_components=2).fit(cloud())


def ratings() -> np.ndarray:
    return np.array(
        [
            [5, 4, 5, 1, 2],
            [4, 5, 4, 2, 1],
            [1, 2, 1, 5, 4],
            [2, 1, 2, 4, 5],
            [5, 5, 3, 4, 4],
            [3, 2, 4, 3, 1],
        ],
        dtype=float,
    )


def unsigned(v) -> np.ndarray:
    """A direction with its sign fixed (first entry positive): lines have no orientation."""
    v = np.asarray(v, dtype=float)
    return v if v[0] >= 0 else -v


def test_thirty_dots_and_their_mean(values):
    points = cloud()
    mean = [math.fsum(points[:, i]) / 30 for i in range(2)]
    assert values["dots_drawn"] == 30
    np.testing.assert_allclose(values["mean_before_centring"], mean, atol=1e-6)
    assert values["mean_x_readout"] == round(mean[0], 2) == 1.62
    assert values["mean_y_readout"] == round(mean[1], 2) == 1.21


def test_centring_moves_the_mean_to_the_origin(values):
    np.testing.assert_allclose(values["mean_after_centring"], [0.0, 0.0], atol=1e-9)
    np.testing.assert_allclose(values["mean_cross_at_origin"], [0.0, 0.0], atol=1e-9)


def test_the_probe_peaks_on_the_first_principal_axis(values, pca):
    peak = pca.explained_variance_[0]
    v1 = unsigned(pca.components_[0])
    angle = math.degrees(math.atan2(v1[1], v1[0]))
    assert values["peak_variance_readout"] == round(peak, 2) == 2.37
    assert values["peak_angle_readout"] == round(angle) == 30
    assert values["peak_of_traced_curve_angle"] == pytest.approx(angle, abs=0.25)
    assert values["peak_of_traced_curve_variance"] == pytest.approx(peak, abs=1e-4)
    np.testing.assert_allclose(unsigned(values["probe_on_first_eigenvector"]), v1, atol=1e-6)
    np.testing.assert_allclose(values["swept_angles"], [0.0, 180.0], atol=1e-6)


def test_the_probe_readouts_follow_the_drawing_in_motion(held):
    held(
        "13.4",
        "variance readout is the variance of the drawn shadows",
        "angle readout is the plot dot's angle",
        "mean readouts follow the drawn dots",
    )
    held("13.4", "plot dot sits at the drawn shadows' variance", source="geometry")


def test_principal_arrows_against_the_covariance_eigenvectors(values):
    # another route than the chapter's SVD: eigh of the sample covariance
    lam, vec = np.linalg.eigh(np.cov(cloud().T))
    np.testing.assert_allclose(
        unsigned(values["first_axis_direction"]), unsigned(vec[:, 1]), atol=1e-6
    )
    np.testing.assert_allclose(
        unsigned(values["second_axis_direction"]), unsigned(vec[:, 0]), atol=1e-6
    )
    np.testing.assert_allclose(values["axis_arrow_lengths"], 2 * np.sqrt(lam[::-1]), atol=1e-6)
    assert values["axes_perpendicular"] == pytest.approx(90.0, abs=1e-6)


def test_projection_onto_the_first_axis(values, pca):
    scores = pca.transform(cloud())[:, 0]
    shown = np.asarray(values["projected_scores"])
    sign = 1.0 if shown @ scores >= 0 else -1.0  # a component's sign is arbitrary
    np.testing.assert_allclose(sign * shown, scores, atol=1e-6)
    assert values["dots_on_first_axis"] == pytest.approx(0.0, abs=1e-6)


def test_explained_variance_ratio_as_typeset(values, pca):
    assert values["explained_variance_ratio"] == round(100 * pca.explained_variance_ratio_[0], 1)
    assert values["explained_variance_ratio"] == 93.4


def test_rating_matrix_and_its_two_factors(values):
    m = ratings()
    np.testing.assert_array_equal(np.reshape(values["ratings_shown"], (6, 5)), m)
    u, s, vt = np.linalg.svd(m)
    rows = vt[:2] * np.sign(vt[:2].sum(axis=1))[:, None]
    users = m @ rows.T
    np.testing.assert_allclose(np.reshape(values["u_entries"], (6, 2)), users, atol=0.05 + 1e-9)
    np.testing.assert_allclose(np.reshape(values["vt_entries"], (2, 5)), rows, atol=0.005 + 1e-9)
    # the first factor is every user's overall liking: all positive
    assert (np.reshape(values["u_entries"], (6, 2))[:, 0] > 0).all()


def test_rank_two_product_and_the_eckart_young_error(values):
    m = ratings()
    u, s, vt = np.linalg.svd(m)
    rank2 = (u[:, :2] * s[:2]) @ vt[:2]
    np.testing.assert_allclose(
        np.reshape(values["rank_2_cells"], (6, 5)), np.round(rank2, 1), atol=1e-9
    )
    assert values["rank_2_cells"][0] == 4.8  # Ana, Alien
    eckart_young = math.sqrt(math.fsum(s[2:] ** 2))
    assert values["rank_2_error"] == round(eckart_young, 2) == 3.28
