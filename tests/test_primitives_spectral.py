"""Spectral primitives built and animated without rendering: what they read back from the
drawn objects equals the model, computed here independently with numpy."""

from __future__ import annotations

import numpy as np
import pytest
from manim import NumberPlane, Scene
from manim.animation.animation import Animation

from mathviz import theme
from mathviz.maths.spectral import power_iteration, svd_stages
from mathviz.primitives.readout import DegreeReadout, Readout, coords
from mathviz.primitives.spectral import (
    EigenSpanDisplay,
    MatrixHeatmap,
    PowerIterationTrail,
    SingularValueBars,
    SVDStages,
    plane_unit,
)

A = np.array([[2.0, 1.0], [1.0, 2.0]])


def play_instantly(anim: Animation) -> None:
    """Run an animation to its end state without a renderer writing frames."""
    anim._setup_scene(Scene())
    anim.begin()
    anim.finish()


@pytest.fixture
def plane() -> NumberPlane:
    # shifted and scaled, so read-backs must go through the plane to be right
    p = NumberPlane(x_range=(-6, 6, 1), y_range=(-5, 5, 1), x_length=8.4, y_length=7.0)
    return p.shift(np.array([1.3, -0.4, 0.0]))


def hand_angle(u, w) -> float:
    cos = abs(np.dot(u, w)) / (np.linalg.norm(u) * np.linalg.norm(w))
    return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


# --- EigenSpanDisplay -------------------------------------------------------------------------------
def test_eigen_span_display_reads_angles_and_stretches(plane):
    vectors = np.array([[1.5, 0.0], [-1.0, 2.0], [1.0, 1.0], [1.0, -1.0]])
    display = EigenSpanDisplay(
        plane, vectors, [theme.NORM_L2, theme.NORM_L1, theme.EIGEN, theme.EIGEN]
    )
    for i in range(4):  # before any map: on the line, unstretched
        assert display.off_span_angle_shown(i) == pytest.approx(0.0, abs=1e-9)
        assert display.stretch_shown(i) == pytest.approx(1.0)
    spans_before = [display.span_direction_shown(i) for i in range(4)]
    play_instantly(display.apply(A))
    for i, v in enumerate(vectors):
        image = A @ v
        np.testing.assert_allclose(display.tip_shown(i), image, atol=1e-9)
        assert display.off_span_angle_shown(i) == pytest.approx(hand_angle(v, image), abs=1e-5)
        assert display.stretch_shown(i) == pytest.approx(np.linalg.norm(image) / np.linalg.norm(v))
        np.testing.assert_allclose(display.span_direction_shown(i), spans_before[i])
    assert display.off_span_angle_shown(0) > 20.0
    # an arrow can be named by the mobject itself
    assert display.stretch_shown(display.arrows[2]) == display.stretch_shown(2)
    with pytest.raises(ValueError, match="not one of"):
        display.stretch_shown(display.ghosts[0])
    assert display.stretch_shown(2) == pytest.approx(3.0)
    np.testing.assert_allclose(display.matrix, A)
    play_instantly(display.apply(np.linalg.inv(A)))  # maps compose
    np.testing.assert_allclose(display.tip_shown(1), vectors[1], atol=1e-9)


def test_eigen_span_display_rejects_bad_input(plane):
    with pytest.raises(ValueError, match="colour"):
        EigenSpanDisplay(plane, [[1, 0], [0, 1]], [theme.EIGEN])
    with pytest.raises(ValueError, match="zero vector"):
        EigenSpanDisplay(plane, [[0, 0]], [theme.EIGEN])


# --- PowerIterationTrail ----------------------------------------------------------------------------
def test_power_iteration_trail_walks_the_trace(plane):
    trace = power_iteration(A, (1.0, -0.6), 5)
    k_read = Readout("k", 0, decimals=0)
    trail = PowerIterationTrail(plane, trace, readouts=[(k_read, list(range(6)))])
    np.testing.assert_allclose(trail.vector_shown(), trace.vectors[0], atol=1e-9)
    play_instantly(trail.walk(2))
    assert k_read.value == 2
    # hand loop, independent of the trace
    v = np.array([1.0, -0.6]) / np.linalg.norm([1.0, -0.6])
    for _ in range(2):
        v = A @ v
        v /= np.linalg.norm(v)
    np.testing.assert_allclose(trail.vector_shown(), v, atol=1e-9)
    play_instantly(trail.walk())
    assert trail.step_index == 5 and k_read.value == 5
    e = np.array([1.0, 1.0]) / np.sqrt(2)
    w = trail.vector_shown()
    assert trail.angle_to_shown(e) == pytest.approx(hand_angle(w, e), abs=1e-5)
    assert trail.rayleigh_shown(A) == pytest.approx(w @ A @ w / (w @ w))
    assert trail.angle_to_shown(e) < 1.0
    # every visited iterate is marked on the unit circle
    assert all(m.get_fill_opacity() == pytest.approx(1.0) for m in trail.marks)


def test_power_iteration_trail_checks_readout_lengths(plane):
    trace = power_iteration(A, (1.0, 0.0), 3)
    with pytest.raises(ValueError, match="one readout value per iterate"):
        PowerIterationTrail(plane, trace, readouts=[(Readout("k", 0), [0, 1])])


# --- SVDStages --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "matrix", [[[2.0, 1.0], [0.0, 1.5]], [[1.0, 2.0], [2.0, 1.0]], [[0.5, -1.2], [1.1, 0.3]]]
)
def test_svd_stages_land_on_a_times_the_circle(plane, matrix):
    a = np.array(matrix)
    _, sigma, vt = np.linalg.svd(a)
    stages = SVDStages(plane, svd_stages(a))
    np.testing.assert_allclose(stages.semi_axes_shown(), [1.0, 1.0], atol=1e-9)
    vt_anim, sigma_anim, u_anim = stages.stages()
    play_instantly(vt_anim)
    np.testing.assert_allclose(np.abs(stages.tips_shown()), np.eye(2), atol=1e-9)
    play_instantly(sigma_anim)
    np.testing.assert_allclose(stages.semi_axes_shown(), sigma, atol=1e-9)
    play_instantly(u_anim)
    np.testing.assert_allclose(stages.semi_axes_shown(), sigma, atol=1e-9)
    np.testing.assert_allclose(stages.matrix, a, atol=1e-12)
    # the arrows end at A v1, A v2 (v from numpy, up to sign)
    tips = stages.tips_shown()
    for i in range(2):
        image = a @ vt[i]
        assert min(np.linalg.norm(tips[i] - image), np.linalg.norm(tips[i] + image)) < 1e-9
    # every drawn point p lies on A·circle: |A⁻¹ p| = 1
    points = stages.curve_points_shown()
    np.testing.assert_allclose(np.linalg.norm(points @ np.linalg.inv(a).T, axis=1), 1.0, atol=1e-9)
    major = np.degrees(np.arctan2(*np.linalg.svd(a)[0][:, 0][::-1]))
    shown = stages.major_axis_angle_shown()
    assert min(abs(shown - major) % 180, 180 - abs(shown - major) % 180) < 1e-6


def test_rotation_stage_keeps_the_circle_a_circle_mid_animation(plane):
    stages = SVDStages(plane, svd_stages([[2.0, 1.0], [0.0, 1.5]]))
    anim = stages.rotate_vt()
    anim._setup_scene(Scene())
    anim.begin()
    for alpha in (0.25, 0.5, 0.75):
        anim.interpolate(alpha)
        # a straight-line matrix interpolation would shrink the circle here
        np.testing.assert_allclose(stages.semi_axes_shown(), [1.0, 1.0], atol=1e-9)
    anim.finish()


def test_image_outline_and_plane_units(plane):
    a = np.array([[2.0, 1.0], [0.0, 1.5]])
    stages = SVDStages(plane, svd_stages(a))
    outline = stages.image_outline(a)
    pts = np.array([coords(plane, p) for dash in outline.submobjects for p in dash.get_anchors()])
    assert len(pts) > 100
    np.testing.assert_allclose(np.linalg.norm(pts @ np.linalg.inv(a).T, axis=1), 1.0, atol=1e-3)
    assert plane_unit(plane) == pytest.approx(0.7)
    with pytest.raises(ValueError, match="equal x and y"):
        plane_unit(NumberPlane(x_range=(-1, 1, 1), y_range=(-1, 1, 1), x_length=2, y_length=4))


# --- MatrixHeatmap ------------------------------------------------------------------------------------
def test_heatmap_shows_and_morphs_values():
    m = np.arange(12, dtype=float).reshape(3, 4) / 2
    heat = MatrixHeatmap(
        m, row_labels=("a", "b", "c"), col_labels=("w", "x", "y", "z"), value_range=(0.0, 5.5)
    )
    np.testing.assert_array_equal(heat.values_shown(), m)
    assert heat.cells[0].get_fill_color().to_hex() == theme.BAD.to_hex()
    assert heat.cells[-1].get_fill_color().to_hex() == theme.GOOD.to_hex()
    target = m[::-1] - 1.0
    play_instantly(heat.morph_to(target))
    np.testing.assert_allclose(heat.values_shown(), target)
    assert heat.cells[-1].get_fill_color().to_hex() == heat.color_of(target[-1, -1]).to_hex()
    with pytest.raises(ValueError, match="shape"):
        heat.morph_to(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="label"):
        MatrixHeatmap(m, row_labels=("a",))


def test_heatmap_colour_ramp_through_a_middle_colour():
    heat = MatrixHeatmap(np.ones((1, 1)), mid_color=theme.GRID)
    assert heat.color_of(3.0).to_hex() == theme.GRID.to_hex()
    assert heat.color_of(-10).to_hex() == theme.BAD.to_hex()  # clipped
    assert heat.color_of(10).to_hex() == theme.GOOD.to_hex()


# --- SingularValueBars ----------------------------------------------------------------------------------
def test_singular_value_bars_read_back_heights_and_kept_count():
    values = np.array([17.5, 6.6, 2.4, 2.1, 0.74])
    bars = SingularValueBars(values, y_max=18.0).shift(np.array([2.0, -1.0, 0.0]))
    np.testing.assert_allclose(bars.heights_shown(), values, atol=1e-9)
    np.testing.assert_allclose(bars.values_shown(), [17.5, 6.6, 2.4, 2.1, 0.7])  # as printed
    assert bars.kept_shown() == 5
    play_instantly(bars.keep(2))
    assert bars.kept_shown() == 2
    with pytest.raises(ValueError):
        bars.keep(6)


def test_degree_readout_keeps_its_value_and_unit():
    r = DegreeReadout(r"\theta", 12.25, decimals=2)
    assert r.value == pytest.approx(12.25)
    r.set(-3.5)
    assert r.value == pytest.approx(-3.5)
    assert r.number.unit == r"^{\circ}"


# --- motion: every part on one clock ------------------------------------------------------------
def sampled(anim: Animation, samples: int = 8):
    """Step an animation to ``k / samples`` of its run time, yielding after each step."""
    anim._setup_scene(Scene())
    anim.begin()
    for k in range(1, samples + 1):
        anim.interpolate(k / samples)
        yield k / samples
    anim.finish()


def test_svd_arrows_ride_the_curve_through_the_stretch(plane):
    # fails on the old Σ stage: the arrows' Transform ran a third of the curve's ApplyMatrix
    from manim import smooth

    a = np.array([[2.0, 1.0], [0.0, 1.5]])
    stages = SVDStages(plane, svd_stages(a))
    v = stages.factors.right_vectors
    vt_anim, sigma_anim, u_anim = stages.stages()
    play_instantly(vt_anim)
    sigma = np.linalg.svd(a, compute_uv=False)
    for alpha in sampled(sigma_anim):
        t = smooth(alpha)
        m_t = (1 - t) * np.eye(2) + t * np.diag(sigma)
        tips = stages.tips_shown()
        np.testing.assert_allclose(np.abs(tips), np.abs(m_t), atol=1e-9)
        for i in range(2):
            np.testing.assert_allclose(tips[i], stages.curve_image_shown(v[:, i]), atol=1e-9)
    for _ in sampled(u_anim):  # rotations carry curve and arrows together too
        for i in range(2):
            np.testing.assert_allclose(
                stages.tips_shown()[i], stages.curve_image_shown(v[:, i]), atol=1e-9
            )
    np.testing.assert_allclose(stages.curve_map_shown(), a, atol=1e-9)


def test_eigen_span_arrows_are_carried_by_the_interpolated_map(plane):
    from manim import smooth

    vectors = np.array([[1.5, 0.0], [1.0, 1.0]])
    display = EigenSpanDisplay(plane, vectors, [theme.NORM_L2, theme.EIGEN])
    for alpha in sampled(display.apply(A, run_time=2.5)):
        t = smooth(alpha)
        for i, v in enumerate(vectors):
            np.testing.assert_allclose(
                display.tip_shown(i), ((1 - t) * np.eye(2) + t * A) @ v, atol=1e-9
            )
    assert display.ghosts[0].get_stroke_opacity() == pytest.approx(display.ghost_opacity)


def test_power_iteration_readouts_show_only_the_iterates_values(plane):
    # fails on the old trail, which counted each readout through the values in between
    trace = power_iteration(A, (1.0, -0.6), 3)
    values = [0.0, 10.0, 20.0, 30.0]
    counter = Readout("n", 0.0, decimals=1)
    trail = PowerIterationTrail(plane, trace, readouts=[(counter, values)])
    for _ in sampled(trail.walk(3)):
        assert float(counter.value) in values
    assert counter.value == 30.0


def test_power_iteration_marks_are_counted_on_screen(plane):
    trail = PowerIterationTrail(plane, power_iteration(A, (1.0, -0.6), 3))
    assert trail.marks_shown() == 1 and trail.marks_shown().source.startswith("count")
    play_instantly(trail.walk(2))
    assert trail.marks_shown() == 3


# --- legibility -------------------------------------------------------------------------------------
def contrast_findings(*mobjects) -> list:
    from manim import config

    from mathviz.layout import layout_findings

    found = layout_findings(
        list(mobjects),
        frame_width=config.frame_width,
        frame_height=config.frame_height,
        margin=theme.SAFE_MARGIN,
        background=theme.BACKGROUND,
    )
    return [f for f in found if f.kind == "contrast"]


def test_heatmap_numbers_stay_readable_on_the_brightest_cells():
    # fails with the old cell opacity 0.55: light digits on the green cells were 4.19:1
    heat = MatrixHeatmap(
        np.array([[1.0, 3.0, 5.0], [5.0, 1.0, 3.0]]), mid_color=theme.GRID, value_range=(1.0, 5.0)
    )
    assert contrast_findings(heat) == []


def test_dropped_singular_values_stay_readable():
    # fails with the old dimmed-label opacity 0.45 (4.08:1 on the background)
    bars = SingularValueBars(np.array([17.5, 6.6, 2.4, 2.1, 0.74]), y_max=18.0)
    play_instantly(bars.keep(2))
    assert contrast_findings(bars) == []


def test_svd_sigma_stretch_played_one_axis_at_a_time(plane):
    a = np.array([[2.0, 1.0], [0.0, 1.5]])
    sigma = np.linalg.svd(a, compute_uv=False)
    stages = SVDStages(plane, svd_stages(a))
    play_instantly(stages.rotate_vt())
    play_instantly(stages.scale_sigma_axis(0))
    np.testing.assert_allclose(np.abs(stages.tips_shown()), np.diag([sigma[0], 1.0]), atol=1e-9)
    play_instantly(stages.scale_sigma_axis(1))
    np.testing.assert_allclose(np.abs(stages.tips_shown()), np.diag(sigma), atol=1e-9)
    play_instantly(stages.rotate_u())
    np.testing.assert_allclose(stages.matrix, a, atol=1e-12)
    np.testing.assert_allclose(stages.semi_axes_shown(), sigma, atol=1e-9)
