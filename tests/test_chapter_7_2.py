"""7.2 Conditional Probability: every number typeset on the diagram (brace labels, legend,
fractions, Bayes' rule) against exact fractions computed here. The drawn areas are also tested
in ``tests/test_chapters.py``."""

from __future__ import annotations

from fractions import Fraction

import pytest


@pytest.fixture(scope="module")
def results(chapter_reports):
    return {c.name: c for r in chapter_reports("7.2") for c in r.checkpoints}


def printed_as(value: Fraction, decimals: int) -> float:
    """What a label with ``decimals`` decimals must read for the exact ``value``."""
    return round(float(value), decimals)


CASES = {
    # tag: (prior, likelihood, evidence, names of H and not H)
    "fail": (Fraction(5, 100), Fraction(9, 10), Fraction(2, 10), ("fail", "ok")),
    "incident": (Fraction(8, 100), Fraction(3, 4), Fraction(1, 5), ("incident", "fine")),
}


@pytest.mark.parametrize("tag", CASES)
def test_labels_on_the_square_print_the_fractions(results, tag):
    prior, likelihood, evidence, (h, n) = CASES[tag]
    false_alarm = (evidence - likelihood * prior) / (1 - prior)
    posterior = likelihood * prior / evidence
    expected = {
        f"prior_{h}_label": (prior, 2),
        f"prior_{n}_label": (1 - prior, 2),
        f"likelihood_{h}_label": (likelihood, 2),
        f"false_alarm_{h}_label": (false_alarm, 3),
        f"posterior_{h}_numerator": (likelihood * prior, 3),
        f"posterior_{h}_denominator": (evidence, 3),
        f"width_{h}_label": (posterior, 3),
        f"width_not_{h}_label": (1 - posterior, 3),
    }
    for name, (value, decimals) in expected.items():
        result = results[name]
        assert result.ok and result.source.startswith("printed"), name
        assert result.shown == pytest.approx(printed_as(value, decimals), abs=1e-12), name
    assert results[f"prior_{h}_width"].shown == pytest.approx(float(prior), abs=1e-6)


def test_legend_prints_the_four_joint_probabilities(results):
    prior, likelihood, evidence, _ = CASES["fail"]
    false_alarm = (evidence - likelihood * prior) / (1 - prior)
    joints = {
        "fail_high": prior * likelihood,
        "fail_normal": prior * (1 - likelihood),
        "ok_high": (1 - prior) * false_alarm,
        "ok_normal": (1 - prior) * (1 - false_alarm),
    }
    assert sum(joints.values()) == 1
    for name, joint in joints.items():
        assert results[f"joint_{name}_readout"].shown == printed_as(joint, 3), name
    assert results["legend_areas_sum_to_one"].source.startswith("derived")
    assert results["evidence_high_cpu_readout"].shown == printed_as(evidence, 3)


def test_bayes_rule_lines_print_the_brief_and_its_answer(results):
    for tag, (prior, likelihood, evidence, _) in (
        ("server", CASES["fail"]),
        ("friday", CASES["incident"]),
    ):
        assert results[f"rule_{tag}_likelihood"].shown == float(likelihood)
        assert results[f"rule_{tag}_prior"].shown == float(prior)
        assert results[f"rule_{tag}_evidence"].shown == float(evidence)
        assert results[f"rule_{tag}_posterior"].shown == float(likelihood * prior / evidence)
