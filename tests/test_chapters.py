"""Every chapter's checkpoints, through the same path as ``mathviz check``, against values
computed here independently; plus the lecture-format rules every chapter must meet."""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from mathviz.checkpoints import pacing
from mathviz.course import CHAPTERS
from mathviz.scene import LECTURE_LENGTH_RANGE

IMPLEMENTED = [c.id for c in CHAPTERS if c.has_scenes]
#: the course's motion rule: still at most 40 % of a lecture, never still for more than 8 s
#: before the end card
MAX_STILL_SHARE, MAX_STILL_SECONDS = 0.40, 8.0


def test_the_three_foundation_chapters_exist():
    assert {"4.4", "6.3", "7.2"} <= set(IMPLEMENTED)


@pytest.mark.parametrize("chapter_id", IMPLEMENTED)
def test_every_checkpoint_and_layout_passes(chapter_reports, chapter_id):
    results = [c for r in chapter_reports(chapter_id) for c in r.checkpoints]
    failures = [f"{c.name}: shown {c.shown}, expected {c.expected}" for c in results if not c.ok]
    assert not failures, "\n".join(failures)
    assert len([c for c in results if not c.name.startswith("layout@")]) >= 3


@pytest.mark.parametrize("chapter_id", IMPLEMENTED)
def test_every_checkpoint_reads_the_screen(chapter_reports, chapter_id):
    """No pass-through: every scene checkpoint names where its shown value was read, printed
    values are compared at their displayed precision, and no tolerance is loose."""
    results = [
        c
        for r in chapter_reports(chapter_id)
        for c in r.checkpoints
        if c.source != "engine" and not c.name.startswith("voice@")
    ]
    kinds = {re.split(r"[:; ]", c.source, maxsplit=1)[0] for c in results}
    assert kinds <= {"geometry", "area", "count", "printed", "derived"}, kinds
    for c in results:
        scale = max(abs(v) for v in (c.expected if isinstance(c.expected, list) else [c.expected]))
        if re.split(r"[;]| at ", c.source)[0] == "printed" and c.tol > 0:
            # a number as typeset, compared by the display's own tolerance: half a unit in
            # the last shown place, 0.5·10^-k
            places = -np.log10(2 * c.tol)
            assert abs(places - round(places)) < 1e-9, f"{c.name}: tol {c.tol}"
        elif scale > 0:
            assert c.tol <= 0.1 * scale, f"{c.name}: tol {c.tol} for {scale}"
    assert any(c.source.startswith("printed") for c in results), "no readout checked as printed"


@pytest.mark.parametrize("chapter_id", IMPLEMENTED)
def test_lecture_format(chapter_reports, chapter_id):
    reports = chapter_reports(chapter_id)
    total = sum(r.duration for r in reports)
    low, high = LECTURE_LENGTH_RANGE
    assert low <= total <= high, f"{chapter_id} lasts {total:.1f} s"
    for report in reports:
        assert report.beats, "a scene without narrated beats"
        for beat in report.beats:
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", beat.narration) if s]
            assert 1 <= len(sentences) <= 3, beat.narration
            assert beat.end > beat.start
        starts = [b.start for b in report.beats]
        assert starts == sorted(starts)


@pytest.mark.parametrize("chapter_id", IMPLEMENTED)
def test_the_lecture_moves_while_it_speaks(chapter_reports, chapter_id):
    reports = list(chapter_reports(chapter_id))
    assert pacing(reports).still_share <= MAX_STILL_SHARE
    before_end = pacing(reports, before_end_card=True)
    assert before_end.longest_still <= MAX_STILL_SECONDS, (
        f"still for {before_end.longest_still:.1f} s from {before_end.longest_still_at:.1f} s"
    )


@pytest.mark.parametrize("chapter_id", IMPLEMENTED)
def test_every_beat_is_spoken_and_its_captions_follow_the_voice(chapter_reports, chapter_id):
    """Beats are timed by the voice: each sentence has its audio, lies inside its beat, and
    the captions built from them keep the broadcast rules (2 × 42 characters, ≤ 7 s,
    ≤ 20 characters/s, no overlap) and say the whole narration."""
    from mathviz.render.assemble import timeline
    from mathviz.render.captions import cues, parse_vtt, to_vtt, validate

    beats = timeline(list(chapter_reports(chapter_id)))
    for beat in beats:
        assert beat.sentences and all(s.audio for s in beat.sentences), beat.narration
        assert " ".join(s.text for s in beat.sentences) == beat.narration
        for sentence in beat.sentences:
            assert beat.start <= sentence.start < sentence.end <= beat.end, sentence
    built = cues(beats)
    assert validate(built) == []
    assert parse_vtt(to_vtt(beats)) == built
    assert " ".join(c.text for c in built).split() == " ".join(b.narration for b in beats).split()


# --- 6.3 Gradients --------------------------------------------------------------------------
def test_gradients_1d_loop(shown):
    values = shown("6.3")
    x = 5.0
    for _ in range(20):
        x -= 0.1 * 2 * x
    assert values["x_20"] == pytest.approx(x, abs=1e-6)
    assert values["x_20"] == pytest.approx(0.0576461, abs=1e-7)
    # printed with four decimals, as the narration says them: half a unit in the last place
    assert values["x_20_readout"] == pytest.approx(x, abs=5e-5)
    assert values["f_x_20_readout"] == pytest.approx(x * x, abs=5e-5)


def test_gradients_2d_descent(shown):
    values = shown("6.3")
    p = np.array([2.5, 1.5])
    for _ in range(12):
        p = p - 0.1 * np.array([2 * p[0], 6 * p[1]])
    np.testing.assert_allclose(values["dot_after_12_steps"], p, atol=1e-6)
    # printed with two decimals
    assert values["x_readout_after_12_steps"] == pytest.approx(p[0], abs=5e-3)
    assert values["f_readout_after_12_steps"] == pytest.approx(p[0] ** 2 + 3 * p[1] ** 2, abs=5e-3)
    assert values["start_f"] == pytest.approx(13.0)


def test_gradient_arrows_are_perpendicular_to_level_curves(shown):
    values = shown("6.3")
    x, y = sp.symbols("x y")
    f = x**2 + 3 * y**2
    g = np.array([float(sp.diff(f, v).subs({x: 1, y: 1})) for v in (x, y)])
    np.testing.assert_allclose(
        values["gradient_direction_at_(1,1)"], g / np.linalg.norm(g), atol=1e-6
    )
    assert values["angle_to_level_curve_at_(1,1)"] == pytest.approx(90.0, abs=0.5)
    assert values["max_angle_error_all_arrows"] < 0.5


# --- 7.2 Conditional Probability ------------------------------------------------------------
def test_server_failure_bayes(shown):
    values = shown("7.2")
    p_fail, p_high_given_fail, p_high = Fraction(5, 100), Fraction(9, 10), Fraction(2, 10)
    joint = p_fail * p_high_given_fail
    posterior = joint / p_high
    false_alarm = (p_high - joint) / (1 - p_fail)
    assert posterior == Fraction(9, 40)
    assert values["prior_fail_width"] == pytest.approx(float(p_fail), abs=1e-6)
    assert values["joint_fail_high"] == pytest.approx(float(joint), abs=1e-6)
    assert values["joint_fail_high_readout"] == pytest.approx(float(joint), abs=5e-4)
    assert values["false_alarm_rate"] == pytest.approx(float(false_alarm), abs=1e-6)
    assert values["evidence_high_cpu"] == pytest.approx(float(p_high), abs=1e-6)
    assert values["posterior_fail_given_high_drawn"] == pytest.approx(0.225, abs=1e-6)
    assert values["posterior_fail_given_high"] == pytest.approx(float(posterior), abs=5e-4)
    assert values["legend_areas_sum_to_one"] == pytest.approx(1.0, abs=5e-4)


def test_friday_deploys_bayes(shown):
    values = shown("7.2")
    p_incident, p_friday_given_incident, p_friday = Fraction(8, 100), Fraction(3, 4), Fraction(1, 5)
    posterior = p_friday_given_incident * p_incident / p_friday
    assert posterior == Fraction(3, 10)
    assert values["joint_incident_friday"] == pytest.approx(
        float(p_incident * p_friday_given_incident), abs=1e-6
    )
    assert values["evidence_friday"] == pytest.approx(float(p_friday), abs=1e-6)
    assert values["posterior_incident_given_friday_drawn"] == pytest.approx(
        float(posterior), abs=1e-6
    )
    assert values["posterior_incident_given_friday"] == pytest.approx(0.30, abs=5e-4)


# --- 4.4 Matrix as Transformation -----------------------------------------------------------
def test_matrix_a_carries_basis_and_vector(shown):
    values = shown("4.4")
    a = np.array([[2.0, 1.0], [-1.0, 1.0]])
    np.testing.assert_allclose(values["i_hat_tip"], a @ [1, 0], atol=1e-6)
    np.testing.assert_allclose(values["j_hat_tip"], a @ [0, 1], atol=1e-6)
    np.testing.assert_allclose(values["Av_tip"], a @ [1, 2], atol=1e-6)
    assert values["det_A"] == pytest.approx(np.linalg.det(a), abs=5e-4)
    assert values["square_area_A"] == pytest.approx(np.linalg.det(a), abs=1e-6)


def test_shear_rotation_scaling(shown):
    values = shown("4.4")
    np.testing.assert_allclose(
        values["shear_j_tip"], np.array([[1, 1], [0, 1]]) @ [0, 1], atol=1e-6
    )
    theta = np.pi / 2
    np.testing.assert_allclose(values["rotation_i_tip"], [np.cos(theta), np.sin(theta)], atol=1e-6)
    assert values["scaling_det"] == pytest.approx(np.linalg.det(np.diag([2.0, 0.5])), abs=5e-4)


def test_composition_is_the_product(shown):
    values = shown("4.4")
    r = np.array([[0.0, -1.0], [1.0, 0.0]])
    s = np.array([[1.0, 1.0], [0.0, 1.0]])
    sr = s @ r
    for name in ("composition", "product"):
        np.testing.assert_allclose(values[f"{name}_i_tip"], sr[:, 0], atol=1e-6)
        np.testing.assert_allclose(values[f"{name}_j_tip"], sr[:, 1], atol=1e-6)
    assert not np.allclose(sr, r @ s)  # the order matters, as the lecture says
