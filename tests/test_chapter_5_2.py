"""5.2 Distance Metrics: every checkpoint recomputed here by an independent route (numpy norms,
scipy.spatial.distance, the same seeded generators with scipy's cdist). Readouts are compared
as printed: the value rounded to the decimals shown (whole stars for L1 and L∞, two places for
L2 and the Euclidean distance and σ/μ, three for the cosine)."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest
from scipy.spatial.distance import cdist, chebyshev, cityblock, cosine, euclidean

from mathviz.maths.recommender import MOVIES, TABLE
from mathviz.scenes import ch5_2_distance_metrics as chapter

#: decimals each distance readout shows
PLACES = {"l1": 0, "l2": 2, "linf": 0}


def ratings(name: str, movies=MOVIES) -> np.ndarray:
    row = dict(zip(MOVIES, TABLE[name], strict=True))
    return np.array([row[m] for m in movies], dtype=float)


@pytest.fixture(scope="module")
def values(shown):
    return shown("5.2")


def test_two_movie_picture(values):
    ana, chloe = ratings("Ana", ("Arrival", "Coco")), ratings("Chloé", ("Arrival", "Coco"))
    np.testing.assert_allclose(values["difference_2d"], chloe - ana, atol=1e-6)
    np.testing.assert_allclose(values["difference_2d"], [-2, 4], atol=1e-6)
    for key, order in (("l1", 1), ("l2", 2), ("linf", np.inf)):
        expected = np.linalg.norm(chloe - ana, ord=order)
        shape = {"l1": "staircase", "l2": "segment", "linf": "gap"}[key]
        assert values[f"{key}_2d_{shape}"] == pytest.approx(expected, abs=1e-6)
        assert values[f"{key}_2d_readout"] == pytest.approx(round(expected, PLACES[key]), abs=1e-9)
    assert values["l2_2d_segment"] == pytest.approx(math.sqrt(20))
    # the probe that ran up the arrow ends one straight-line distance from Ana
    assert values["l2_2d_probe"] == pytest.approx(math.hypot(2, 4), abs=1e-6)
    assert values["l2_2d_readout"] == 4.47


def test_all_five_movies(values):
    ana, chloe = ratings("Ana"), ratings("Chloé")
    np.testing.assert_allclose(values["difference_5d_bars"], chloe - ana, atol=1e-6)
    for key, order in (("l1", 1), ("l2", 2), ("linf", np.inf)):
        assert values[f"{key}_5d"] == pytest.approx(
            round(np.linalg.norm(chloe - ana, ord=order), PLACES[key]), abs=1e-9
        )
    assert (values["l1_5d"], values["l2_5d"], values["linf_5d"]) == (16.0, 7.48, 4.0)
    assert values["l1_5d"] == pytest.approx(round(cityblock(ana, chloe), 3), abs=1e-9)
    assert values["linf_5d"] == pytest.approx(round(chebyshev(ana, chloe), 3), abs=1e-9)


def test_distances_as_bars_on_one_ruler(values):
    """The stacked |d_i| segments, the L2 bar and the L∞ bar, measured on the star ruler."""
    ana, chloe = ratings("Ana"), ratings("Chloé")
    np.testing.assert_allclose(values["l1_5d_segments"], np.abs(chloe - ana), atol=1e-6)
    assert values["l1_5d_stack"] == pytest.approx(cityblock(ana, chloe), abs=1e-6)
    assert values["l2_5d_bar"] == pytest.approx(euclidean(ana, chloe), abs=1e-6)
    assert values["linf_5d_bar"] == pytest.approx(chebyshev(ana, chloe), abs=1e-6)
    # the stack is the sum of its segments; the hypotenuse lies between the longest and the sum
    assert values["l1_5d_stack"] == pytest.approx(sum(values["l1_5d_segments"]), abs=1e-6)
    assert values["linf_5d_bar"] < values["l2_5d_bar"] < values["l1_5d_stack"]
    assert values["l2_5d_bar"] ** 2 == pytest.approx(
        float(np.sum(np.square(values["l1_5d_segments"]))), abs=1e-5
    )


def test_cosine_versus_euclidean(values):
    movies = ("Arrival", "Amélie")
    ana, femi, eve = (ratings(n, movies) for n in ("Ana", "Femi", "Eve"))
    assert np.array_equal(femi * 2, ana)  # Femi: half of Ana's stars on these two movies
    np.testing.assert_allclose(values["femi_tip"], femi, atol=1e-6)
    for name, other in (("femi", femi), ("eve", eve)):
        assert values[f"euclidean_ana_{name}"] == pytest.approx(euclidean(ana, other), abs=1e-6)
        assert values[f"euclidean_ana_{name}_readout"] == pytest.approx(
            round(np.linalg.norm(ana - other), 2), abs=1e-9
        )
    assert values["cosine_ana_femi"] == pytest.approx(1.0, abs=1e-6)
    for name, other in (("femi", femi), ("eve", eve)):
        assert values[f"cosine_ana_{name}_readout"] == pytest.approx(
            round(1 - cosine(ana, other), 3), abs=1e-9
        )
    # same Euclidean distance, different direction
    assert values["euclidean_ana_femi"] == pytest.approx(values["euclidean_ana_eve"])
    assert values["cosine_ana_eve_readout"] < 0.99


def test_relative_contrast_shrinks_with_dimension(values):
    rng = np.random.default_rng(chapter.CURVE_SEED)
    expected = []
    for d in chapter.CURVE_DIMENSIONS:
        trials = []
        for _ in range(chapter.CURVE_TRIALS):
            cloud = rng.random((chapter.CURVE_POINTS, d))
            query = rng.random((1, d))
            dist = cdist(cloud, query).ravel()
            trials.append(dist.max() / dist.min() - 1)
        expected.append(np.mean(trials))
    np.testing.assert_allclose(values["curve_dimensions"], chapter.CURVE_DIMENSIONS, rtol=1e-9)
    np.testing.assert_allclose(values["curve_contrasts"], expected, rtol=1e-9)
    assert values["contrast_at_1024_readout"] == pytest.approx(round(expected[-1], 2), abs=1e-9)
    assert np.all(np.diff(values["curve_contrasts"]) < 0)


def test_pairwise_distance_histograms_narrow(values):
    rng = np.random.default_rng(chapter.HIST_SEED)
    edges = chapter.HIST_EDGES
    found = {}
    for d in chapter.HIST_DIMENSIONS:
        cloud = rng.random((chapter.HIST_POINTS, d))
        full = cdist(cloud, cloud)
        dist = full[np.triu_indices_from(full, k=1)]
        shares = np.array(
            [
                np.mean((dist / dist.mean() >= lo) & (dist / dist.mean() < hi))
                for lo, hi in pairwise(edges)
            ]
        )
        found[d] = (shares, np.std(dist) / np.mean(dist))
    for d in chapter.HIST_DIMENSIONS:
        np.testing.assert_allclose(values[f"hist_d{d}_shares"], found[d][0], atol=1e-9)
        assert values[f"spread_d{d}_readout"] == pytest.approx(round(found[d][1], 2), abs=1e-9)
        # the 1 ± σ/μ bar drawn over the histogram is σ/μ wide on each side
        assert values[f"spread_d{d}_bar"] == pytest.approx(found[d][1], abs=1e-6)
        assert values[f"dimension_d{d}_readout"] == d
    assert max(values["hist_d1024_shares"]) > 0.9 > 0.1 > max(values["hist_d2_shares"])


def test_readouts_move_with_what_they_describe(chapter_reports):
    results = {c.name: c for r in chapter_reports("5.2") for c in r.checkpoints}
    for name in (
        "readouts_show_the_drawn_gap_and_angle",
        "spread_readout_is_the_drawn_spread_bar",
    ):
        assert results[f"invariant:{name}"].ok, results[f"invariant:{name}"].source
