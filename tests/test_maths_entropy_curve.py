"""mathviz.maths.entropy_curve against scipy and exact fractions."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import special, stats

from mathviz.maths.entropy_curve import (
    average_code_length,
    binary_entropy_curve,
    blend,
    grid_between,
    huffman_code,
    surprise_terms,
)


def test_binary_entropy_curve_matches_scipy():
    ps = np.linspace(0.0, 1.0, 101)
    expected = [stats.entropy([p, 1 - p], base=2) if 0 < p < 1 else 0.0 for p in ps]
    np.testing.assert_allclose(binary_entropy_curve(ps), expected, atol=1e-12)
    assert binary_entropy_curve(0.5) == pytest.approx(1.0, abs=1e-15)
    np.testing.assert_allclose(binary_entropy_curve(ps), binary_entropy_curve(1 - ps), atol=1e-12)


def test_surprise_terms_sum_to_the_entropy():
    p = [0.7, 0.1, 0.1, 0.1]
    surprises, shares = surprise_terms(p)
    np.testing.assert_allclose(surprises, -np.log2(p), atol=1e-12)
    np.testing.assert_allclose(shares, special.entr(p) / math.log(2), atol=1e-12)
    assert shares.sum() == pytest.approx(stats.entropy(p, base=2), abs=1e-12)
    surprises, shares = surprise_terms([1.0, 0.0])
    assert surprises[1] == math.inf and shares[1] == 0.0 and surprises[0] == 0.0


def test_blend_stays_a_distribution():
    a, b = [0.25] * 4, [1.0, 0.0, 0.0, 0.0]
    for t in (0.0, 0.3, 1.0):
        mid = blend(a, b, t)
        assert mid.sum() == pytest.approx(1.0, abs=1e-12)
        np.testing.assert_allclose(mid, (1 - t) * np.array(a) + t * np.array(b), atol=1e-15)
    with pytest.raises(ValueError):
        blend(a, b, 1.5)
    with pytest.raises(ValueError):
        blend(a, [0.5, 0.5], 0.5)


def test_huffman_code_for_a_dyadic_distribution():
    p = [0.5, 0.25, 0.125, 0.125]
    codes = huffman_code(p)
    assert codes == ["0", "10", "110", "111"]
    # a prefix code: no codeword starts another
    assert not any(a != b and b.startswith(a) for a in codes for b in codes)
    assert average_code_length(p, codes) == float(
        sum(Fraction(1, 2 ** len(c)) * len(c) for c in codes)
    )
    assert average_code_length(p, codes) == pytest.approx(stats.entropy(p, base=2), abs=1e-12)


def test_huffman_code_is_within_one_bit_of_the_entropy():
    rng = np.random.default_rng(102)
    for _ in range(20):
        p = rng.dirichlet(np.ones(6))
        p = p / p.sum()
        codes = huffman_code(p)
        assert not any(a != b and b.startswith(a) for a in codes for b in codes)
        h = stats.entropy(p, base=2)
        assert h - 1e-12 <= average_code_length(p, codes) < h + 1
    assert huffman_code([1.0]) == ["0"]
    with pytest.raises(ValueError):
        average_code_length([0.5, 0.5], ["0"])


def test_grid_between_passes_exactly_through_one_half():
    up = grid_between(0.05, 0.5, 400)
    assert up[0] == pytest.approx(0.0525) and up[-1] == 0.5 and 0.5 in up
    assert all(b > a for a, b in zip(up, up[1:], strict=False))
    down = grid_between(0.95, 0.5, 400)
    assert down[-1] == 0.5 and all(b < a for a, b in zip(down, down[1:], strict=False))
    assert grid_between(0.3, 0.3, 400) == [0.3]
    assert Fraction(grid_between(0.0, 0.6, 4)[1]) == Fraction(1, 2)
    with pytest.raises(ValueError):
        grid_between(0.0, 1.0, 0)
