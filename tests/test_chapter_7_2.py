"""7.2 Conditional Probability: every number typeset on the diagram (brace labels, legend,
fractions, Bayes' rule), the posterior bar, and the prior slider's stops (prior, evidence and
posterior, drawn and printed) against exact fractions computed here; the slider's invariants
held in motion. The drawn areas are also tested in ``tests/test_chapters.py``."""

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
    # (the server case's posterior needs 3 decimals, 0.225; the Friday case's 0.3 shows 2)
    "fail": (Fraction(5, 100), Fraction(9, 10), Fraction(2, 10), ("fail", "ok")),
    "incident": (Fraction(8, 100), Fraction(3, 4), Fraction(1, 5), ("incident", "fine")),
}


#: decimals of the conditioned picture's numbers (fraction, quotient, width labels)
POSTERIOR_DECIMALS = {"fail": 3, "incident": 2}


@pytest.mark.parametrize("tag", CASES)
def test_labels_on_the_square_print_the_fractions(results, tag):
    prior, likelihood, evidence, (h, n) = CASES[tag]
    false_alarm = (evidence - likelihood * prior) / (1 - prior)
    posterior = likelihood * prior / evidence
    places = POSTERIOR_DECIMALS[tag]
    expected = {
        f"prior_{h}_label": (prior, 2),
        f"prior_{n}_label": (1 - prior, 2),
        f"likelihood_{h}_label": (likelihood, 2),
        f"false_alarm_{h}_label": (false_alarm, 3),
        f"posterior_{h}_numerator": (likelihood * prior, places),
        f"posterior_{h}_denominator": (evidence, places),
        f"width_{h}_label": (posterior, places),
        f"width_not_{h}_label": (1 - posterior, places),
    }
    for name, (value, decimals) in expected.items():
        result = results[name]
        assert result.ok and result.source.startswith("printed"), name
        assert result.shown == pytest.approx(printed_as(value, decimals), abs=1e-12), name
    assert results[f"prior_{h}_width"].shown == pytest.approx(float(prior), abs=1e-6)
    quotient = results[f"posterior_{h}_given_{'high' if tag == 'fail' else 'friday'}"]
    assert quotient.source.startswith("printed")
    assert quotient.shown == pytest.approx(printed_as(posterior, places), abs=1e-12)


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


def test_bayes_rule_bar_shows_the_posterior_of_the_lit_region(results):
    prior, likelihood, evidence, _ = CASES["fail"]
    posterior = likelihood * prior / evidence
    assert posterior == Fraction(9, 40)
    bar = results["rule_posterior_bar"]
    assert bar.ok and bar.source.startswith("geometry")
    assert bar.shown == pytest.approx(float(posterior), abs=1e-6)
    readout = results["rule_posterior_readout"]
    assert readout.ok and readout.source.startswith("printed")
    assert readout.shown == printed_as(posterior, 3)


SLIDER_STOPS = {"up": Fraction(1, 5), "down": Fraction(1, 100), "back": Fraction(1, 20)}


@pytest.mark.parametrize("tag", SLIDER_STOPS)
def test_prior_slider_stops_print_total_probability(results, tag):
    """At each stop of the prior slider the healthy servers' hot rate stays what the fleet
    gave (0.155 / 0.95 = 31/190), and the evidence and posterior follow from it."""
    base_prior, likelihood, base_evidence, _ = CASES["fail"]
    false_alarm = (base_evidence - likelihood * base_prior) / (1 - base_prior)
    assert false_alarm == Fraction(31, 190)
    prior = SLIDER_STOPS[tag]
    evidence = likelihood * prior + false_alarm * (1 - prior)
    posterior = likelihood * prior / evidence
    expected = {
        f"slider_{tag}_prior": printed_as(prior, 2),
        f"slider_{tag}_evidence": printed_as(evidence, 3),
        f"slider_{tag}_posterior": printed_as(posterior, 3),
    }
    for name, value in expected.items():
        result = results[name]
        assert result.ok and result.source.startswith("printed"), name
        assert result.shown == pytest.approx(value, abs=1e-12), name
    for name, value in ((f"slider_{tag}_prior_drawn", prior),
                        (f"slider_{tag}_posterior_drawn", posterior)):  # fmt: skip
        result = results[name]
        assert result.ok and not result.source.startswith("printed"), name
        assert result.shown == pytest.approx(float(value), abs=1e-6), name


def test_the_slider_keeps_picture_and_numbers_together_in_motion(results):
    held = [r for name, r in results.items() if name.startswith("invariant:")]
    names = {r.name for r in held}
    assert {
        "invariant:slider readout shows the fail column's width",
        "invariant:evidence readout shows the bright area",
        "invariant:posterior readout shows the bar's failing share",
        "invariant:bar share is the failing share of the bright area",
        "invariant:drawn posterior is Bayes' rule of the drawn prior",
    } <= names
    assert all(r.ok for r in held)
