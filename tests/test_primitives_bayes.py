"""The Bayes area diagram built and animated without rendering: probabilities read back from
the drawn rectangles, as shares of the drawn square, equal exact fractions computed here."""

from __future__ import annotations

from fractions import Fraction

import pytest
from animation_helpers import run

from mathviz.maths.bayes import BayesModel
from mathviz.primitives.bayes import BayesAreaDiagram

PRIOR, LIKELIHOOD, EVIDENCE = Fraction(5, 100), Fraction(9, 10), Fraction(2, 10)


def diagram_split(scene, scale: float = 1.0) -> BayesAreaDiagram:
    """The diagram resized after it was built (as a layout may do): every piece drawn later
    must fit the square as drawn, and every share read is a share of the drawn square."""
    model = BayesModel.from_evidence_rate(PRIOR, LIKELIHOOD, EVIDENCE)
    diagram = BayesAreaDiagram(model, side=4.6)
    diagram.scale(scale)
    scene.add(diagram)
    run(scene, diagram.split_by_prior())
    assert diagram.column_share_shown(0) == pytest.approx(float(PRIOR), abs=1e-9)
    assert diagram.column_share_shown(1) == pytest.approx(float(1 - PRIOR), abs=1e-9)
    run(scene, diagram.split_by_likelihood())
    return diagram


@pytest.mark.parametrize("scale", [1.0, 0.5])
def test_shares_are_read_from_the_drawn_square(scene, scale):
    diagram = diagram_split(scene, scale)
    false_alarm = (EVIDENCE - LIKELIHOOD * PRIOR) / (1 - PRIOR)
    assert diagram.height_share_shown("h_e") == pytest.approx(float(LIKELIHOOD), abs=1e-9)
    assert diagram.height_share_shown("not_h_e") == pytest.approx(float(false_alarm), abs=1e-9)
    joints = {
        "h_e": PRIOR * LIKELIHOOD,
        "h_not_e": PRIOR * (1 - LIKELIHOOD),
        "not_h_e": (1 - PRIOR) * false_alarm,
        "not_h_not_e": (1 - PRIOR) * (1 - false_alarm),
    }
    for key, joint in joints.items():
        assert diagram.area_shown(key) == pytest.approx(float(joint), abs=1e-9), key
    assert sum(joints.values()) == 1
    assert diagram.evidence_shown() == pytest.approx(float(EVIDENCE), abs=1e-9)
    assert diagram.evidence_shown().source.startswith("area")
    scene.remove(diagram)


def test_conditioning_stretches_the_evidence_to_the_posterior(scene):
    diagram = diagram_split(scene, 0.8)
    run(scene, diagram.condition_on_evidence())
    posterior = LIKELIHOOD * PRIOR / EVIDENCE
    assert posterior == Fraction(9, 40)
    assert diagram.width_share_shown("h_e") == pytest.approx(float(posterior), abs=1e-9)
    assert diagram.width_share_shown("not_h_e") == pytest.approx(float(1 - posterior), abs=1e-9)
    assert diagram.height_share_shown("h_e") == pytest.approx(1.0, abs=1e-9)
    assert diagram.posterior_shown() == pytest.approx(float(posterior), abs=1e-9)
    assert diagram.evidence_shown() == pytest.approx(1.0, abs=1e-9)
    scene.remove(diagram)


def test_faint_opacity_is_the_default_unless_given(scene):
    model = BayesModel.from_evidence_rate(PRIOR, LIKELIHOOD, EVIDENCE)
    for kwargs, faint in (({}, 0.25), ({"faint_opacity": 0.5}, 0.5)):
        diagram = BayesAreaDiagram(model, side=4.6, **kwargs)
        diagram.split_by_prior()
        assert diagram.columns[0].get_fill_opacity() == pytest.approx(faint)
        diagram.split_by_likelihood()
        assert diagram.regions["h_e"].get_fill_opacity() == pytest.approx(0.9)
        assert diagram.regions["not_h_not_e"].get_fill_opacity() == pytest.approx(faint)


def test_set_model_redraws_the_four_pieces_for_a_new_prior(scene):
    diagram = diagram_split(scene, 0.7)
    false_alarm = (EVIDENCE - LIKELIHOOD * PRIOR) / (1 - PRIOR)
    prior = Fraction(1, 5)
    diagram.set_model(BayesModel(prior, LIKELIHOOD, false_alarm))
    evidence = LIKELIHOOD * prior + false_alarm * (1 - prior)
    assert diagram.width_share_shown("h_e") == pytest.approx(float(prior), abs=1e-9)
    assert diagram.evidence_shown() == pytest.approx(float(evidence), abs=1e-9)
    assert diagram.posterior_shown() == pytest.approx(
        float(LIKELIHOOD * prior / evidence), abs=1e-9
    )
    run(scene, diagram.condition_on_evidence())
    with pytest.raises(RuntimeError):
        diagram.set_model(BayesModel(PRIOR, LIKELIHOOD, false_alarm))
    scene.remove(diagram)
