"""The pure model of 2.4: the fold across y = x, the log scale and the slide rule, and the
halving game — checked against math.exp/log/log2, fractions and plain loops written here."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from mathviz.maths.logarithms import (
    Interval,
    LogScale,
    answers_as_number,
    graph_points,
    halving_game,
    reflect,
    reflect_partway,
    slide_rule,
    window_around,
)


def test_reflect_swaps_the_coordinates():
    assert reflect([1.0, math.e]).tolist() == [math.e, 1.0]
    pts = np.array([[0.0, 1.0], [-2.0, 3.5], [4.0, 4.0]])
    assert reflect(pts).tolist() == [[1.0, 0.0], [3.5, -2.0], [4.0, 4.0]]
    assert np.array_equal(reflect(reflect(pts)), pts)
    with pytest.raises(ValueError):
        reflect([1.0, 2.0, 3.0])


@pytest.mark.parametrize("t", [0.0, 0.125, 0.5, 0.9, 1.0])
def test_the_fold_moves_across_the_diagonal(t):
    p = np.array([1.0, math.exp(1.0)])
    q = reflect_partway(p, t)
    # x + y is kept (the move is perpendicular to y = x) and the move is t of the way
    assert q.sum() == pytest.approx(1.0 + math.e, abs=1e-12)
    assert q[0] == pytest.approx(1.0 + t * (math.e - 1.0), abs=1e-12)
    if t == 0.5:
        assert q[0] == pytest.approx(q[1], abs=1e-12)  # the foot lies on the diagonal
    with pytest.raises(ValueError):
        reflect_partway(p, 1.5)


def test_the_folded_graph_of_exp_is_ln():
    xs = np.linspace(-2.0, math.log(5.0), 50)
    folded = reflect(graph_points(xs, "exp"))
    for x, y in folded:
        assert y == pytest.approx(math.log(x), abs=1e-12)
    assert graph_points([1.0], "log").tolist() == [[1.0, 0.0]]
    with pytest.raises(ValueError):
        graph_points([0.0], "log")
    with pytest.raises(ValueError):
        graph_points([1.0], "sin")


def test_log_scale_positions():
    scale = LogScale(2.0, 1.0, 64.0)
    assert scale.steps == pytest.approx(6.0)
    assert scale.ticks() == tuple(float(2**k) for k in range(7))
    values = [1.0, 2.0, 3.0, 8.0, 32.0, 64.0]
    np.testing.assert_allclose(scale.position(values), [math.log2(v) for v in values])
    np.testing.assert_allclose(scale.value_at(scale.position(values)), values)
    shifted = LogScale(10.0, 0.01, 100.0)
    assert float(shifted.position(1.0)) == pytest.approx(2.0)
    with pytest.raises(ValueError):
        scale.position([0.0])
    with pytest.raises(ValueError):
        LogScale(1.0, 1.0, 2.0)
    with pytest.raises(ValueError):
        LogScale(2.0, 4.0, 2.0)


@pytest.mark.parametrize(("a", "b"), [(8, 4), (2, 16), (3, 5), (1, 64)])
def test_lengths_add_where_values_multiply(a, b):
    rule = slide_rule(LogScale(2.0, 1.0, 64.0), a, b)
    assert rule.first_length == pytest.approx(math.log2(a))
    assert rule.second_length == pytest.approx(math.log2(b))
    assert rule.total_length == pytest.approx(math.log2(a * b))
    assert rule.start == pytest.approx(a)
    assert rule.end == pytest.approx(a * b)


def test_the_brief_game_takes_ten_questions():
    game = halving_game(1, 1024, 713)
    assert len(game.questions) == 10 == math.log2(1024)
    assert game.widths == tuple(2**k for k in range(10, -1, -1))
    assert game.intervals[-1] == Interval(713, 713)
    assert [q.threshold for q in game.questions[:3]] == [512, 768, 640]
    assert game.answers[:3] == (True, False, True)
    assert answers_as_number(game.answers) == 712 == int(format(712, "010b"), 2)


def test_every_secret_is_found_in_ten_questions_and_spelled_by_the_answers():
    for secret in range(1, 1025):
        game = halving_game(1, 1024, secret)
        assert len(game.questions) == 10
        assert game.intervals[-1] == Interval(secret, secret)
        bits = "".join("1" if a else "0" for a in game.answers)
        assert bits == format(secret - 1, "010b")
        for q in game.questions:
            # the two halves split the interval, and the secret is in the half kept
            assert q.after.count + q.dropped.count == q.before.count
            assert q.after.lo <= secret <= q.after.hi


@pytest.mark.parametrize("n", [2, 3, 5, 100, 1000, 1_000_000])
def test_questions_needed_is_the_ceiling_of_log2(n):
    worst = max(len(halving_game(1, n, s).questions) for s in {1, n // 2, n // 2 + 1, n})
    assert worst == math.ceil(math.log2(n))


def test_intervals_and_windows():
    iv = Interval(513, 1024)
    assert iv.count == 512
    assert iv.edges == (512.5, 1024.5)
    assert iv.middle == 768
    lo, hi = window_around(iv, 0.25)
    assert (Fraction(lo), Fraction(hi)) == (Fraction(384.5), Fraction(1152.5))
    with pytest.raises(ValueError):
        Interval(3, 2)
    with pytest.raises(ValueError):
        halving_game(1, 10, 11)
