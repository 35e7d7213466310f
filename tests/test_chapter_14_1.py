"""14.1 Advanced Topics Reference: every checkpoint recomputed here independently — the
course map with networkx from the outline typed again below, the walkers by replaying the
seed with a plain loop, the spread against scipy.stats (normal and binomial)."""

from __future__ import annotations

import math
import statistics
from collections import Counter

import networkx as nx
import numpy as np
import pytest
import scipy.stats

from mathviz.course import CHAPTERS

#: the book's learning path (level -> levels that need it), from its outline
OUTLINE = {
    0: [1],
    1: [2],
    2: [3],
    3: [4, 11],
    4: [5, 6, 7],
    5: [13],
    6: [9],
    7: [8, 10],
    8: [9],
    9: [12],
    10: [13],
    11: [13],
    12: [13],
    13: [14],
    14: [],
}
CORE = [0, 1, 2, 3, 4, 6, 7, 9, 13]
SEED, WALKERS, TICKS = 23, 200, 80


@pytest.fixture(scope="module")
def values(shown):
    return shown("14.1")


@pytest.fixture(scope="module")
def dag() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(OUTLINE)
    g.add_edges_from((u, v) for u, vs in OUTLINE.items() for v in vs)
    return g


@pytest.fixture(scope="module")
def positions() -> np.ndarray:
    """Every walker's position at every tick, replayed coin by coin from the seed."""
    bits = np.random.default_rng(SEED).integers(0, 2, size=(WALKERS, TICKS))
    out = np.zeros((WALKERS, TICKS + 1), dtype=int)
    for i in range(WALKERS):
        x = 0
        for k in range(TICKS):
            x += 1 if bits[i, k] else -1
            out[i, k + 1] = x
    return out


def test_levels_and_arrows_drawn_match_the_outline(values, dag):
    assert values["levels_drawn"] == dag.number_of_nodes() == 15
    assert values["arrows_drawn"] == dag.number_of_edges() == 18
    expected = nx.to_numpy_array(dag, nodelist=sorted(dag.nodes), dtype=int)
    assert np.array_equal(np.reshape(values["arrows_as_drawn"], (15, 15)), expected)


def test_columns_are_topological_generations(values, dag):
    column = {n: k for k, gen in enumerate(nx.topological_generations(dag)) for n in gen}
    assert values["columns_drawn"] == [column[n] for n in sorted(dag.nodes)]


def test_walked_order_is_a_topological_order(values, dag):
    order = [int(n) for n in values["walk_order"]]
    assert nx.is_directed_acyclic_graph(dag)
    assert sorted(order) == sorted(dag.nodes)
    place = {n: i for i, n in enumerate(order)}
    assert all(place[u] < place[v] for u, v in dag.edges)  # every arrow points forward
    generation = {n: k for k, gen in enumerate(nx.topological_generations(dag)) for n in gen}
    assert [generation[n] for n in order] == sorted(generation[n] for n in order)
    assert values["arrows_pointing_back_in_walk"] == 0


def test_chapter_counter_reaches_every_chapter(values, held):
    assert values["chapters_total"] == len(CHAPTERS) == 56
    held("14.1", "chapter counter sums the lit levels' chapters", source="printed")


def test_core_path_convergence_and_longest_chain(values, dag, held):
    assert values["core_levels"] == CORE
    assert values["core_levels_lit"] == len(CORE) == 9
    indegree = dict(dag.in_degree())
    assert values["arrows_into_13"] == indegree[13] == 4
    assert values["most_arrows_into"] == max(indegree, key=indegree.get) == 13
    longest = nx.dag_longest_path_length(dag)
    assert values["longest_chain_arrows"] == values["longest_chain_lit"] == longest == 10
    held("14.1", "chain counter counts the orange arrows", source="printed")


def test_single_walker(values, positions, held):
    assert values["walker_at_20"] == pytest.approx(positions[0, 20], abs=1e-6)
    assert values["walker_readout_at_20"] == positions[0, 20]
    assert values["tick_readout_single"] == 20
    held("14.1", "x readout is the walker's place on the axis", source="printed")


@pytest.mark.parametrize("n", [20, 80])
def test_sample_variance_after_n_steps(values, positions, n):
    sample = positions[:, n].tolist()
    s2 = statistics.variance(sample)
    assert values[f"n_readout_{n}"] == n
    assert values[f"variance_readout_{n}"] == round(s2, 1)
    # ≈ n: within three standard errors of a sample variance of 200 (2n²/(m−1))
    assert abs(values[f"variance_readout_{n}"] - n) < 3 * n * math.sqrt(2 / (WALKERS - 1))
    assert values[f"variance_over_n_{n}"] == pytest.approx(s2 / n, abs=1e-6)
    assert values["walkers_drawn"] == WALKERS


def test_band_and_its_readouts_in_motion(values, held):
    assert values["band_half_width_80"] == pytest.approx(math.sqrt(80), abs=1e-6)
    assert values["root_n_readout_80"] == round(math.sqrt(80), 1) == 8.9
    held(
        "14.1",
        "variance readout is the variance of the drawn heads",
        "root-n readout is the band's half-width",
        "band half-width is the square root of the tick",
    )


def test_histogram_and_share_inside_the_band(values, positions, held):
    held("14.1", "inside-band readout counts the green heads", source="printed")
    final = Counter(positions[:, TICKS].tolist())
    assert values["histogram_counts"] == [final.get(x, 0) for x in range(-TICKS, TICKS + 1)]
    inside = sum(abs(x) <= math.sqrt(TICKS) for x in positions[:, TICKS])
    assert values["inside_band_readout"] == round(100 * inside / WALKERS)
    normal = scipy.stats.norm.cdf(1) - scipy.stats.norm.cdf(-1)
    assert normal == pytest.approx(0.6827, abs=1e-4)
    assert values["inside_band_share"] == pytest.approx(inside / WALKERS)
    sampling = math.sqrt(normal * (1 - normal) / WALKERS)
    assert abs(values["inside_band_share"] - normal) < 3 * sampling
    # the exact law: position = 2 · heads − 80, inside the band for 36 ≤ heads ≤ 44
    exact = scipy.stats.binom(TICKS, 0.5)
    p = exact.cdf(44) - exact.cdf(35)
    assert p == pytest.approx(normal, abs=0.01)
    assert abs(values["inside_band_share"] - p) < 3 * sampling


def test_markov_strip(values):
    assert values["chain_arrows"] == 12
    bits = np.random.default_rng(SEED + 1).integers(0, 2, size=10)
    state = 0
    for b in bits:
        state = min(3, max(-3, state + (1 if b else -1)))
    assert values["token_state"] == pytest.approx(state)
