"""Random walks: paths replayed step by step from the same seed, variances against
statistics.variance, and the spread after n steps against the binomial law (scipy)."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
import scipy.stats

from mathviz.maths.random_walk import (
    markov_steps,
    position_at,
    sample_variance,
    share_within,
    walk_paths,
)


def test_paths_replay_from_the_seed_step_by_step():
    paths = walk_paths(5, 30, np.random.default_rng(7))
    assert paths.shape == (5, 31)
    assert np.all(paths[:, 0] == 0)
    assert set(np.unique(np.diff(paths, axis=1))) <= {-1, 1}
    bits = np.random.default_rng(7).integers(0, 2, size=(5, 30))
    for i in range(5):
        x, replay = 0, [0]
        for b in bits[i]:
            x += 1 if b == 1 else -1
            replay.append(x)
        assert paths[i].tolist() == replay


def test_position_between_ticks_is_linear():
    paths = np.array([[0, 1, 0, -1], [0, -1, -2, -1]])
    assert position_at(paths, 0.5).tolist() == [0.5, -0.5]
    assert position_at(paths, 2.25).tolist() == [-0.25, -1.75]
    assert position_at(paths, 3).tolist() == [-1.0, -1.0]
    assert position_at(paths, 99).tolist() == [-1.0, -1.0]


def test_sample_variance_and_share():
    x = [3, -1, 4, -1, -5, 9, 2, -6]
    assert sample_variance(x) == pytest.approx(statistics.variance(x), abs=1e-12)
    assert share_within(x, 3) == pytest.approx(4 / 8)  # 3, -1, -1, 2
    with pytest.raises(ValueError):
        sample_variance([1.0])


@pytest.mark.parametrize("n", [10, 40])
def test_variance_after_n_steps_is_about_n(n):
    walkers = 20000
    paths = walk_paths(walkers, n, np.random.default_rng(1))
    s2 = sample_variance(paths[:, n])
    standard_error = n * math.sqrt(2 / (walkers - 1))  # of a normal sample's variance
    assert abs(s2 - n) < 4 * standard_error
    exact = scipy.stats.binom(n, 0.5)  # position = 2 · heads − n
    lo, hi = math.ceil((n - math.sqrt(n)) / 2), math.floor((n + math.sqrt(n)) / 2)
    inside = exact.cdf(hi) - exact.cdf(lo - 1)
    share = share_within(paths[:, n], math.sqrt(n))
    assert abs(share - inside) < 4 * math.sqrt(inside * (1 - inside) / walkers)


def test_markov_steps_stay_on_their_states():
    states = markov_steps(0, 200, np.random.default_rng(3), low=-3, high=3)
    assert states[0] == 0 and len(states) == 201
    assert states.min() >= -3 and states.max() <= 3
    assert set(np.abs(np.diff(states))) <= {0, 1}
