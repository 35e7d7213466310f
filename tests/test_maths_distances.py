"""The pure distance maths of chapter 5.2 against scipy and hand formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.spatial.distance import cdist, cityblock, pdist

from mathviz.maths.distances import (
    largest_gap,
    manhattan_path,
    normalised_distance_histogram,
    pairwise_distances,
    path_length,
    relative_spread,
)


def test_manhattan_staircase_has_the_l1_length():
    a, b = np.array([4.0, 1.0]), np.array([2.0, 5.0])
    path = manhattan_path(a, b)
    np.testing.assert_allclose(path, [[4, 1], [2, 1], [2, 5]])
    assert path_length(path) == pytest.approx(cityblock(a, b))
    vertical_first = manhattan_path(a, b, order=(1, 0))
    np.testing.assert_allclose(vertical_first[1], [4, 5])


def test_manhattan_path_in_five_dimensions():
    ana, chloe = [5, 4, 5, 1, 2], [1, 2, 1, 5, 4]
    path = manhattan_path(ana, chloe, order=(4, 3, 2, 1, 0))
    assert path.shape == (6, 5)
    np.testing.assert_allclose(path[-1], chloe)
    assert path_length(path) == pytest.approx(4 + 2 + 4 + 4 + 2)
    # each step moves along exactly one axis
    assert all(np.count_nonzero(step) <= 1 for step in np.diff(path, axis=0))


def test_manhattan_path_rejects_bad_orders():
    with pytest.raises(ValueError, match="permutation"):
        manhattan_path([0, 0], [1, 1], order=(0, 0))
    with pytest.raises(ValueError, match="one length"):
        manhattan_path([0, 0], [1, 1, 1])


def test_path_length_of_a_straight_segment_is_euclidean():
    assert path_length([[0, 0], [3, 4]]) == pytest.approx(5.0)
    assert path_length([[1, 1]]) == 0.0


def test_largest_gap_is_chebyshev_with_first_index_on_ties():
    assert largest_gap([4, 1], [2, 5]) == (1, 4.0)
    i, gap = largest_gap([5, 4, 5, 1, 2], [1, 2, 1, 5, 4])
    assert (i, gap) == (0, 4.0)
    assert gap == np.linalg.norm(np.subtract([5, 4, 5, 1, 2], [1, 2, 1, 5, 4]), ord=np.inf)


def test_pairwise_distances_match_scipy_pdist_and_cdist():
    pts = np.random.default_rng(3).random((12, 7))
    d = pairwise_distances(pts)
    np.testing.assert_allclose(d, pdist(pts), atol=1e-12)
    full = cdist(pts, pts)
    assert d[0] == pytest.approx(full[0, 1])
    assert d[-1] == pytest.approx(full[10, 11])
    with pytest.raises(ValueError, match="two points"):
        pairwise_distances([[1.0, 2.0]])


def test_relative_spread():
    assert relative_spread([1, 1, 1]) == 0.0
    assert relative_spread([1, 3]) == pytest.approx(1 / 2)
    with pytest.raises(ValueError, match="positive mean"):
        relative_spread([])


def test_normalised_histogram_counts_shares_of_pairs():
    pts = np.array([[0.0], [1.0], [3.0]])  # distances 1, 3, 2 -> mean 2 -> 0.5, 1.5, 1.0
    edges = [0.0, 0.75, 1.25, 2.0]
    np.testing.assert_allclose(normalised_distance_histogram(pts, edges), [1 / 3, 1 / 3, 1 / 3])
    np.testing.assert_allclose(normalised_distance_histogram(pts, [0.0, 1.2]), [2 / 3])
    with pytest.raises(ValueError, match="increasing"):
        normalised_distance_histogram(pts, [1.0, 0.0])


def test_histograms_narrow_as_dimension_grows():
    rng = np.random.default_rng(11)
    edges = np.linspace(0, 2, 21)
    low = normalised_distance_histogram(rng.random((150, 2)), edges)
    high = normalised_distance_histogram(rng.random((150, 500)), edges)
    assert high.max() > 2 * low.max()
    assert (
        relative_spread(pdist(rng.random((150, 500))))
        < 0.1
        < relative_spread(pdist(rng.random((150, 2))))
    )
    assert 0.95 < low.sum() <= 1.0  # a few d = 2 pairs lie beyond twice the mean
    assert math.isclose(high.sum(), 1.0)
