"""BalanceBeam and SpreadSquares: weights stand at their payoffs, the fulcrum reads back
through the beam's number line, the beam is level at the mean, and the squares' areas are
the squared deviations, weighted and reshaped with their areas kept."""

from __future__ import annotations

import math

import pytest
from animation_helpers import run

from mathviz import theme
from mathviz.maths.expectation import DiscreteGame
from mathviz.primitives.balance import (
    BalanceBeam,
    SpreadSquares,
    die_face,
    faces_shown,
    pips_shown,
)
from mathviz.readings import printed, source_of

GAME = DiscreteGame.of((100, -200), ("1/3", "2/3"))


def landed_beam() -> BalanceBeam:
    beam = BalanceBeam(GAME, blocks=[2, 4], colors=[theme.GOOD, theme.BAD])
    beam.shift([0.5, -0.3, 0.0])
    beam.weight_targets()
    beam.land_weights()
    return beam


def test_die_faces_show_their_pips():
    faces = [die_face(v) for v in range(1, 7)]
    assert pips_shown(faces) == [1, 2, 3, 4, 5, 6]
    assert faces_shown(faces) == 6
    assert source_of(faces_shown(faces)).startswith("count")
    with pytest.raises(ValueError):
        die_face(7)


def test_weights_stand_at_their_payoffs_with_their_probabilities():
    beam = landed_beam()
    assert beam.blocks_shown() == [2, 4]
    assert beam.positions_shown() == pytest.approx([100, -200], abs=1e-9)
    assert beam.weights_shown() == pytest.approx([1 / 3, 2 / 3], abs=1e-9)


def test_beam_tips_left_then_levels_at_the_mean(scene):
    beam = landed_beam()
    assert beam.fulcrum_shown() == pytest.approx(0.0, abs=1e-9)
    run(scene, beam.tip())
    assert beam.tilt_shown() == pytest.approx(math.degrees(math.radians(12) * math.tanh(1)))
    # tipped, the weights still read at their payoffs along the beam
    assert beam.positions_shown() == pytest.approx([100, -200], abs=1e-9)
    run(scene, beam.slide_to(-100))
    assert beam.fulcrum_shown() == pytest.approx(-100, abs=1e-9)
    assert beam.tilt_shown() == pytest.approx(0.0, abs=1e-9)
    run(scene, beam.show_arms())
    assert beam.arm_lengths_shown() == pytest.approx([200, 100], abs=1e-9)
    assert [printed(m) for m in beam.arm_labels] == [200, 100]
    # the arms run under the ground, clear of the fulcrum
    assert all(a.get_top()[1] < beam.ground.get_y() for a in beam.arms)


def test_squares_weighted_and_reshaped_keep_their_areas(scene):
    beam = landed_beam()
    run(scene, beam.slide_to(-100))
    spread = SpreadSquares(beam)
    assert spread.areas_shown() == pytest.approx([200**2, 100**2], rel=1e-9)
    run(scene, spread.weigh())
    assert spread.areas_shown() == pytest.approx([200**2 / 3, 2 * 100**2 / 3], rel=1e-9)
    heights = [h for _, h in spread.sides_shown()]
    assert heights[0] == pytest.approx(heights[1])  # the balance: p₁|d₁| = p₂|d₂|
    run(scene, spread.reshape())
    assert sum(spread.areas_shown()) == pytest.approx(20000, rel=1e-9)
    assert spread.outline_shown() == pytest.approx([math.sqrt(20000)] * 2, rel=1e-9)
