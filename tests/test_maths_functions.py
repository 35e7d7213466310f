"""Rules, finite relations, the is-a-function check and composition, against plain Python
dicts, fractions and sympy."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.maths.functions import (
    NotAFunctionError,
    Relation,
    Rule,
    affine,
    compose,
    compose_relations,
    pipeline_trace,
    power,
)

X = sp.Symbol("x")


def test_rules_evaluate_exactly_and_write_their_formula():
    g, f = affine("g", 2, 1), power("f", 2)
    assert g.formula() == "g(x) = 2x + 1"
    assert f.formula() == "f(x) = x^2"
    assert affine("h", 1, -3).tex == "x - 3"
    assert affine("h", Fraction(1, 2), 0).tex == "1/2x"
    for x in range(-5, 6):
        assert g(x) == sp.Integer(2 * x + 1)
        assert f(x) == x**2
    assert g(Fraction(1, 3)) == Fraction(5, 3)
    with pytest.raises(ValueError):
        power("p", 0)


@pytest.mark.parametrize("x", [Fraction(3), Fraction(0), Fraction(-7, 2), Fraction(11, 5)])
def test_composition_runs_the_last_rule_first(x):
    g, f = affine("g", 2, 1), power("f", 2)
    fg, gf = compose(f, g), compose(g, f)
    sym_fg = sp.expand((2 * X + 1) ** 2)
    sym_gf = sp.expand(2 * X**2 + 1)
    assert fg(x) == Fraction(str(sym_fg.subs(X, sp.Rational(x.numerator, x.denominator))))
    assert gf(x) == Fraction(str(sym_gf.subs(X, sp.Rational(x.numerator, x.denominator))))
    assert fg.name == r"f \circ g" and fg.tex == "f(g(x))"
    assert pipeline_trace([g, f], x) == (x, g(x), f(g(x)))
    assert pipeline_trace([g, f], x)[-1] == fg(x)
    with pytest.raises(ValueError):
        compose()


def test_composition_is_associative_on_random_inputs():
    rng = np.random.default_rng(31)
    a, b, c = affine("a", 3, -2), power("b", 3), affine("c", Fraction(1, 2), 5)
    for _ in range(20):
        x = Fraction(int(rng.integers(-50, 50)), int(rng.integers(1, 9)))
        assert compose(compose(a, b), c)(x) == compose(a, compose(b, c))(x) == a(b(c(x)))


def test_a_dict_is_a_function_and_a_doubled_arrow_is_not():
    verdict = {1: "skip", 2: "skip", 3: "maybe", 4: "watch", 5: "watch"}
    rel = Relation.from_mapping(verdict)
    assert rel.codomain == ("skip", "maybe", "watch")
    assert rel.arrows_per_input() == (1, 1, 1, 1, 1)
    assert rel.is_function() and rel.as_dict() == verdict
    assert rel(4) == "watch" and rel.image() == ("skip", "maybe", "watch")
    broken = rel.with_arrow(3, "watch")
    assert broken.arrows_per_input() == (1, 1, 2, 1, 1)
    assert broken.offenders() == (3,) and not broken.is_function()
    assert broken.targets(3) == ("maybe", "watch")
    with pytest.raises(NotAFunctionError):
        broken(3)
    with pytest.raises(NotAFunctionError):
        broken.as_dict()
    # an input with no arrow breaks the rule too
    partial = Relation((1, 2), ("a",), ((1, "a"),))
    assert partial.offenders() == (2,)
    with pytest.raises(ValueError):
        Relation((1,), ("a",), ((2, "a"),))
    with pytest.raises(ValueError):
        Relation((1, 1), ("a",), ())


def test_finite_composition_matches_dict_lookups():
    rng = np.random.default_rng(7)
    for _ in range(25):
        g_map = {x: int(rng.integers(0, 4)) for x in range(6)}
        f_map = {y: str(int(rng.integers(0, 3))) for y in range(4)}
        g_rel = Relation(tuple(range(6)), tuple(range(4)), tuple(g_map.items()))
        f_rel = Relation(tuple(range(4)), ("0", "1", "2"), tuple(f_map.items()))
        fg = compose_relations(f_rel, g_rel)
        assert fg.as_dict() == {x: f_map[g_map[x]] for x in range(6)}
    with pytest.raises(ValueError):
        compose_relations(Relation((0,), ("a",), ((0, "a"),)), Relation((0,), (5,), ((0, 5),)))


def test_a_rule_can_be_built_by_hand():
    halve = Rule("h", r"\tfrac{x}{2}", lambda x: x / 2)
    assert halve(7) == Fraction(7, 2)
