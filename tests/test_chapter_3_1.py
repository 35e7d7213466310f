"""3.1 Functions: every value the lecture shows, recomputed here with plain Python, fractions
and sympy (the scene read typeset digits off the tokens and counters, and the arrows' ends)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

#: the lecture's data as the brief sets it up: g doubles and adds one, f squares, sample x = 3
SAMPLE = 3
#: the dict on screen: star rating → verdict, and the verdicts in the order they are drawn
VERDICT = {1: "skip", 2: "skip", 3: "maybe", 4: "watch", 5: "watch"}
VERDICTS = ["skip", "maybe", "watch"]
#: the arrow added to break the rule
EXTRA = (3, "watch")


def g(x: Fraction) -> Fraction:
    return 2 * x + 1


def f(x: Fraction) -> Fraction:
    return x * x


@pytest.fixture(scope="module")
def values(shown):
    return shown("3.1")


def test_the_machine_gives_the_same_output_for_the_same_input(values):
    assert values["g(3)_machine"] == g(Fraction(3)) == 7
    assert values["g(0)_machine"] == g(Fraction(0)) == 1
    assert values["g(3)_machine_again"] == values["g(3)_machine"]


def test_the_mapping_read_from_the_drawn_arrows(values):
    expected = [VERDICTS.index(VERDICT[r]) for r in sorted(VERDICT)]
    assert list(values["mapping_from_arrows"]) == expected == [0, 0, 1, 2, 2]
    # a dict has one value per key: one arrow out of every input
    per_input = [sum(1 for key in VERDICT if key == r) for r in sorted(VERDICT)]
    assert list(values["arrows_per_input_function"]) == per_input == [1] * 5
    assert list(values["arrow_counters_function"]) == per_input


def test_a_second_arrow_from_three_breaks_the_rule(values):
    arrows = [*VERDICT.items(), EXTRA]
    per_input = [sum(1 for s, _ in arrows if s == r) for r in sorted(VERDICT)]
    assert list(values["arrows_per_input_relation"]) == per_input == [1, 1, 2, 1, 1]
    assert values["arrow_counter_rating_3"] == per_input[2] == 2
    targets = sorted(VERDICTS.index(t) for s, t in arrows if s == EXTRA[0])
    assert list(values["targets_of_rating_3"]) == targets == [1, 2]
    # exactly the inputs with one arrow out are fine; the relation is not a function
    assert [r for r, n in zip(sorted(VERDICT), per_input, strict=True) if n != 1] == [3]


def test_composition_at_the_sample_input_as_typeset(values):
    x = sp.Symbol("x")
    g_expr, f_expr = 2 * x + 1, x**2
    f_after_g = sp.expand(f_expr.subs(x, g_expr))  # 4x² + 4x + 1
    g_after_f = sp.expand(g_expr.subs(x, f_expr))  # 2x² + 1
    assert f_after_g == 4 * x**2 + 4 * x + 1 and g_after_f == 2 * x**2 + 1
    assert values["g(x)_at_3"] == g(Fraction(SAMPLE)) == 7
    assert values["f(g(x))_at_3"] == int(f_after_g.subs(x, SAMPLE)) == 49
    assert values["f(x)_at_3"] == f(Fraction(SAMPLE)) == 9
    assert values["g(f(x))_at_3"] == int(g_after_f.subs(x, SAMPLE)) == 19
    assert values["compared_(f∘g)(3)"] == values["f(g(x))_at_3"]
    assert values["compared_(g∘f)(3)"] == values["g(f(x))_at_3"]
    assert values["order_changes_the_output"] == int((f_after_g - g_after_f).subs(x, SAMPLE)) == 30
    # f ∘ g and g ∘ f differ as functions, not only at 3
    assert sp.simplify(f_after_g - g_after_f) != 0


def test_counters_follow_the_drawn_arrows_at_every_sampled_moment(held):
    held("3.1", "arrow counters equal the arrows drawn from each input", source="printed")
