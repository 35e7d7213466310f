"""Training primitives built and animated without rendering: what they read back from the
drawn objects equals the model, recomputed here independently (written-out loops, numpy)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from manim import Axes, NumberPlane, Scene
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.schedules import WarmupCosine
from mathviz.primitives.training import (
    ClipDisplay,
    CriticalPointGallery,
    LearningRateRace,
    SchedulePlot,
)


def play_instantly(anim: Animation) -> None:
    """Run an animation to its end state without a renderer writing frames."""
    anim._setup_scene(Scene())
    anim.begin()
    anim.finish()


# --- LearningRateRace ------------------------------------------------------------------------------
@pytest.fixture
def race() -> LearningRateRace:
    r = LearningRateRace(
        1.0,
        [0.01, 0.4, 1.1],
        4,
        titles=("a", "b", "c"),
        colors=(theme.MUTED, theme.GOOD, theme.BAD),
    )
    return r.shift(np.array([0.7, -0.3, 0.0]))  # read-backs must go through the axes


def test_race_starts_at_x0(race):
    np.testing.assert_allclose(race.positions_shown(), [1.0, 1.0, 1.0], atol=1e-9)
    np.testing.assert_allclose(race.heights_shown(), [1.0, 1.0, 1.0], atol=1e-9)
    np.testing.assert_allclose(race.steps_shown(), [0, 0, 0])


def test_race_steps_follow_the_update(race):
    xs = np.array([1.0, 1.0, 1.0])
    lrs = np.array([0.01, 0.4, 1.1])
    for k in range(1, 5):
        play_instantly(race.step(0.1))
        for readout in race.abs_readouts:  # they follow their balls at the next frame
            readout.update()
        xs = xs - lrs * 2 * xs
        np.testing.assert_allclose(race.positions_shown(), xs, atol=1e-9)
        np.testing.assert_allclose(race.heights_shown(), xs**2, atol=1e-9)
        np.testing.assert_allclose(race.steps_shown(), [k] * 3)
        np.testing.assert_allclose(race.abs_x_shown(), np.abs(xs), atol=5e-4)
    assert race.step_index == 4


def test_abs_x_readouts_follow_their_balls_through_the_bottom():
    """A diverging ball jumps from x = 1 to x = −1.2 across the minimum: mid-step its |x| is
    small, and the readout says so (a count from 1 to 1.2 never would)."""
    scene = Scene()
    race = LearningRateRace(
        1.0,
        [0.01, 0.4, 1.1],
        4,
        titles=("a", "b", "c"),
        colors=(theme.MUTED, theme.GOOD, theme.BAD),
        decimals=(3, 6, 3),
    )
    scene.add(race)
    step = race.step(1.0)
    step._setup_scene(scene)
    step.begin()
    smallest = math.inf
    for alpha in np.linspace(0.0, 1.0, 41):
        step.interpolate(alpha)
        scene.update_mobjects(0)
        x = race.positions_shown()
        rounded = [round(abs(float(v)), places) for v, places in zip(x, (3, 6, 3), strict=True)]
        np.testing.assert_allclose(race.abs_x_shown(), rounded, atol=1e-12)
        smallest = min(smallest, float(race.abs_x_shown()[2]))
    step.finish()
    assert smallest < 0.1  # the diverging ball passed the bottom, and its readout showed it


def test_race_shows_each_lane_with_its_own_decimals():
    race = LearningRateRace(
        1.0, [0.01, 0.4], 6, titles=("a", "b"), colors=(theme.MUTED, theme.GOOD), decimals=(3, 6)
    )
    for _ in range(6):
        play_instantly(race.step(0.1))
    for readout in race.abs_readouts:
        readout.update()
    assert [r.value.text for r in race.abs_readouts] == ["0.886", "0.000064"]
    with pytest.raises(ValueError):
        LearningRateRace(
            1.0, [0.1, 0.2], 3, titles=("a", "b"), colors=(theme.GOOD, theme.BAD), decimals=(3,)
        )


def test_race_needs_one_title_and_colour_per_rate():
    with pytest.raises(ValueError):
        LearningRateRace(1.0, [0.1, 0.2], 3, titles=("a",), colors=(theme.GOOD, theme.BAD))


# --- CriticalPointGallery ------------------------------------------------------------------------
def test_gallery_reads_eigenvalues_directions_and_verdicts():
    rotated = np.array([[3.0, 1.0], [1.0, 3.0]])  # eigenvalues 2, 4 along (1,-1), (1,1)
    surfaces = [
        (
            "a",
            lambda p: np.asarray(p)[0] ** 2 - np.asarray(p)[1] ** 2,
            [[2, 0], [0, -2]],
            (-1.0, 1.0),
        ),
        (
            "b",
            lambda p: (
                1.5 * np.asarray(p)[0] ** 2
                + np.asarray(p)[0] * np.asarray(p)[1]
                + 1.5 * np.asarray(p)[1] ** 2
            ),
            rotated,
            (1.0, 3.0),
        ),
    ]
    gallery = CriticalPointGallery(surfaces).shift(np.array([0.4, 0.2, 0.0]))
    play_instantly(gallery.create(run_time=0.1))
    play_instantly(gallery.reveal_hessians(run_time=0.1))
    play_instantly(gallery.reveal_verdicts(run_time=0.1))
    np.testing.assert_allclose(gallery.eigenvalues_shown(0), [-2.0, 2.0])
    assert gallery.curvature_signs_shown(0) == [-1, 1]
    assert gallery.kind_shown(0) == "saddle"
    np.testing.assert_allclose(gallery.eigenvalues_shown(1), [2.0, 4.0])
    assert gallery.kind_shown(1) == "minimum"
    assert gallery.verdicts_shown() == ["saddle", "minimum"]
    # the verdict words read back as the sign pattern they name
    assert [gallery.verdict_code_shown(i) for i in range(2)] == [0, 1]
    assert "printed" in gallery.verdict_code_shown(0).source
    d = gallery.directions_shown(1)
    s = 1 / math.sqrt(2)
    np.testing.assert_allclose(np.abs(d), [[s, s], [s, s]], atol=1e-6)
    assert d[0] @ d[1] == pytest.approx(0.0, abs=1e-6)  # drawn at right angles
    assert abs(d[0] @ np.array([1.0, -1.0])) == pytest.approx(math.sqrt(2), abs=1e-6)


# --- SchedulePlot ---------------------------------------------------------------------------------
def test_schedule_plot_dot_rides_the_closed_form():
    plot = SchedulePlot(WarmupCosine(peak=0.1, warmup_steps=100, total_steps=1000))
    plot.shift(np.array([-1.1, 0.6, 0.0]))
    for step in (30, 100, 400, 1000):
        play_instantly(plot.run_to(step, run_time=0.1))
        if step < 100:
            expected = 0.1 * step / 100
        else:
            expected = 0.05 * (1 + math.cos(math.pi * (step - 100) / 900))
        assert plot.step_shown() == pytest.approx(step, abs=1e-6)
        assert plot.lr_shown() == pytest.approx(expected, abs=1e-9)
        assert plot.lr_readout.value == pytest.approx(expected, abs=5e-5)
        assert plot.step_readout.value == pytest.approx(step)
    play_instantly(plot.mark())
    assert len(plot.marks) == 2
    with pytest.raises(ValueError):
        plot.run_to(1001)


# --- ClipDisplay --------------------------------------------------------------------------------------
@pytest.fixture
def plane() -> NumberPlane:
    p = NumberPlane(x_range=(-3, 5, 1), y_range=(-3, 5, 1), x_length=6.4, y_length=6.4)
    return p.shift(np.array([-2.0, 0.3, 0.0]))


def test_clip_display_shrinks_long_arrows_onto_the_circle(plane):
    g = np.array([[3.0, 4.0], [0.5, -1.0], [-4.0, 0.0]])
    display = ClipDisplay(plane, g, 2.5, colors=(theme.GRADIENT, theme.GOOD, theme.BAD))
    assert display.radius_shown() == pytest.approx(2.5, abs=1e-9)
    np.testing.assert_allclose(display.tip_shown(0), [3.0, 4.0], atol=1e-9)
    np.testing.assert_allclose(display.norms_shown(), np.linalg.norm(g, axis=1), atol=5e-3)
    play_instantly(display.clip(run_time=0.1))
    for i, v in enumerate(g):
        n = math.hypot(*v)
        expected = v * 2.5 / n if n > 2.5 else v
        np.testing.assert_allclose(display.tip_shown(i), expected, atol=1e-9)
    np.testing.assert_allclose(display.norms_shown(), [2.5, math.hypot(0.5, 1.0), 2.5], atol=5e-3)
    assert len(display.ghosts) == 2


def test_clip_display_needs_a_square_plane_and_positive_norm():
    squashed = Axes(x_range=(-3, 3, 1), y_range=(-3, 3, 1), x_length=6, y_length=3)
    with pytest.raises(ValueError):
        ClipDisplay(squashed, [[1.0, 1.0]], 1.0, colors=(theme.GOOD,))
    with pytest.raises(ValueError):
        ClipDisplay(NumberPlane(), [[1.0, 1.0]], 0.0, colors=(theme.GOOD,))
